"""The facts a preparation checklist is made from, and its ticks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from followthrough.domain.debriefs.record import DebriefDraft, ToldStatement, meant_to_say_lines
from followthrough.domain.preparation.checklist import (
    EarlierRound,
    Person,
    PrepFacts,
    PrepItem,
    checklist,
)
from followthrough.store import settings as options
from followthrough.store.debriefs.records import earlier_statements
from followthrough.store.fields import to_db_instant
from followthrough.store.models import Interview, db
from followthrough.store.transactions import writing

_UTC = ZoneInfo("UTC")


@dataclass(frozen=True)
class Preparation:
    """One further round's checklist as the window shows it."""

    facts: PrepFacts
    role: str
    day: date  # the interview's day, on the user's clock
    items: tuple[PrepItem, ...]
    ticked: frozenset[str]


def _people(interview_id: int) -> tuple[Person, ...]:
    return tuple(
        Person(int(cid), name, title or "")
        for cid, name, title in db.execute_sql(
            "SELECT c.id, c.name, c.title FROM interview_participant p "
            "JOIN contact c ON c.id = p.contact_id WHERE p.interview_id = ? "
            "ORDER BY c.name COLLATE NOCASE",
            (interview_id,),
        )
    )


def _round_before(interview: Interview) -> EarlierRound | None:
    row = db.execute_sql(
        "SELECT i.id, i.round, d.id, d.meant_to_say, d.to_improve FROM interview i "
        "LEFT JOIN debrief d ON d.interview_id = i.id "
        "WHERE i.application_id = ? AND i.starts_at < ? ORDER BY i.starts_at DESC, i.id DESC "
        "LIMIT 1",
        (interview.application_id, to_db_instant(interview.starts_at)),
    ).fetchone()
    if row is None:
        return None
    iid, round_, debrief_id, meant, improve = row
    return EarlierRound(
        round=int(round_),
        interview_id=int(iid),
        debriefed=debrief_id is not None,
        meant_to_say=tuple(meant_to_say_lines(DebriefDraft(meant_to_say=meant or ""))),
        to_improve=improve or "",
    )


def _told(interview: Interview) -> tuple[ToldStatement, ...]:
    """What was told at earlier rounds, the latest on each topic."""
    latest: dict[str, ToldStatement] = {}
    for earlier in earlier_statements(interview.application_id, interview.starts_at):
        latest[earlier.statement.topic.value] = earlier.statement
    return tuple(latest.values())


def load_preparation(interview_id: int) -> Preparation:
    """The interview's checklist and its ticks (a read). ``Interview.DoesNotExist`` when
    the interview is gone."""
    interview = Interview.get_by_id(interview_id)
    application = interview.application
    facts = PrepFacts(
        interview_id=interview_id,
        round=interview.round,
        company=application.company,
        people=_people(interview_id),
        earlier=_round_before(interview),
        told=_told(interview),
    )
    ticked = frozenset(
        str(item)
        for (item,) in db.execute_sql(
            "SELECT item FROM prep_tick WHERE interview_id = ?", (interview_id,)
        )
    )
    return Preparation(
        facts=facts,
        role=application.role_title or "",
        day=interview.starts_at.astimezone(options.user_zone()).date(),
        items=tuple(checklist(facts)),
        ticked=ticked,
    )


def set_ticked(interview_id: int, item: str, ticked: bool, now: datetime) -> None:
    """Tick an item of the interview's checklist, or take the tick back."""
    with writing():
        if ticked:
            db.execute_sql(
                "INSERT OR REPLACE INTO prep_tick (interview_id, item, ticked_at) VALUES (?, ?, ?)",
                (interview_id, item, to_db_instant(now)),
            )
        else:
            db.execute_sql(
                "DELETE FROM prep_tick WHERE interview_id = ? AND item = ?", (interview_id, item)
            )
