"""Reading and saving one interview's debrief (one transaction each way)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from followthrough.domain.debriefs.consistency import EarlierStatement
from followthrough.domain.debriefs.record import (
    AskedQuestion,
    DebriefDraft,
    HowItWent,
    Skill,
    ToldStatement,
    ToldTopic,
    checked,
    meant_to_say_lines,
    parse_themes,
)
from followthrough.store import settings as options
from followthrough.store.fields import day_from_db, instant_from_db, to_db_instant
from followthrough.store.models import (
    Debrief,
    Interview,
    db,
)
from followthrough.store.transactions import writing

_UTC = ZoneInfo("UTC")


@dataclass(frozen=True)
class DebriefContext:
    """An interview's debrief with what the form shows around it."""

    interview_id: int
    application_id: int
    company: str
    role: str
    round: int
    day: date  # the interview's day, on the user's clock
    interviewers: tuple[str, ...]
    draft: DebriefDraft
    written_at: datetime | None  # None: not written yet
    # What was told at the application's earlier interviews (to stay consistent).
    earlier: tuple[EarlierStatement, ...]


def _draft(debrief_id: int) -> tuple[DebriefDraft, datetime | None]:
    row = db.execute_sql(
        "SELECT went_well, to_improve, meant_to_say, rating, written_at FROM debrief WHERE id = ?",
        (debrief_id,),
    ).fetchone()
    questions = tuple(
        AskedQuestion(
            question,
            answer,
            HowItWent(how) if how else None,
            parse_themes(themes),
            bool(best),
            bool(practise),
        )
        for question, answer, how, themes, best, practise in db.execute_sql(
            "SELECT question, answer, how_it_went, themes, best, practise FROM debrief_question "
            "WHERE debrief_id = ? ORDER BY position",
            (debrief_id,),
        )
    )
    told = tuple(
        ToldStatement(ToldTopic(topic), said, told_to)
        for topic, said, told_to in db.execute_sql(
            "SELECT topic, said, told_to FROM debrief_told WHERE debrief_id = ? ORDER BY position",
            (debrief_id,),
        )
    )
    skills = tuple(
        Skill(name, day_from_db(by), bool(done))
        for name, by, done in db.execute_sql(
            "SELECT name, practise_by, done FROM debrief_skill WHERE debrief_id = ? "
            "ORDER BY position",
            (debrief_id,),
        )
    )
    went_well, to_improve, meant, rating, written = row
    draft = DebriefDraft(questions, went_well, to_improve, meant, skills, rating, told)
    return draft, instant_from_db(written)


def earlier_statements(application_id: int, before: datetime) -> list[EarlierStatement]:
    """What was told at the application's interviews that started before ``before``."""
    rows = db.execute_sql(
        "SELECT t.topic, t.said, t.told_to, i.starts_at, i.round "
        "FROM debrief_told t JOIN debrief d ON d.id = t.debrief_id "
        "JOIN interview i ON i.id = d.interview_id "
        "WHERE i.application_id = ? AND i.starts_at < ? ORDER BY i.starts_at, t.position",
        (application_id, to_db_instant(before)),
    )
    found = []
    for topic, said, told_to, starts, round_ in rows:
        started = instant_from_db(starts)
        found.append(
            EarlierStatement(
                ToldStatement(ToldTopic(topic), said, told_to),
                started.astimezone(options.user_zone()).date(),
                int(round_),
            )
        )
    return found


def load_debrief(interview_id: int) -> DebriefContext:
    """The interview's debrief (an empty draft when none is written) and its setting.
    Raises ``Interview.DoesNotExist`` when the interview is gone."""
    interview = Interview.get_by_id(interview_id)
    application = interview.application
    names = tuple(
        str(name)
        for (name,) in db.execute_sql(
            "SELECT c.name FROM interview_participant p JOIN contact c ON c.id = p.contact_id "
            "WHERE p.interview_id = ? ORDER BY c.name COLLATE NOCASE",
            (interview_id,),
        )
    )
    found = db.execute_sql(
        "SELECT id FROM debrief WHERE interview_id = ?", (interview_id,)
    ).fetchone()
    draft, written = _draft(int(found[0])) if found else (DebriefDraft(), None)
    starts = interview.starts_at
    return DebriefContext(
        interview_id=interview_id,
        application_id=application.id,
        company=application.company,
        role=application.role_title or "",
        round=interview.round,
        day=starts.astimezone(options.user_zone()).date(),
        interviewers=names,
        draft=draft,
        written_at=written,
        earlier=tuple(earlier_statements(application.id, starts)),
    )


def save_debrief(interview_id: int, draft: DebriefDraft, now: datetime) -> DebriefDraft:
    """Save the debrief as the form holds it (checked first: UserError in the user's
    words), in one transaction; returns what was saved."""
    clean = checked(draft)
    with writing():
        Interview.get_by_id(interview_id)  # gone meanwhile: DoesNotExist, nothing written
        found = db.execute_sql(
            "SELECT id FROM debrief WHERE interview_id = ?", (interview_id,)
        ).fetchone()
        stamp = to_db_instant(now)
        if found is None:
            debrief_id = Debrief.insert(
                interview=interview_id,
                went_well=clean.went_well,
                to_improve=clean.to_improve,
                meant_to_say=clean.meant_to_say,
                rating=clean.rating,
                written_at=now,
                updated_at=now,
            ).execute()
        else:
            debrief_id = int(found[0])
            db.execute_sql(
                "UPDATE debrief SET went_well = ?, to_improve = ?, meant_to_say = ?, rating = ?, "
                "updated_at = ? WHERE id = ?",
                (clean.went_well, clean.to_improve, clean.meant_to_say, clean.rating, stamp,
                 debrief_id),
            )  # fmt: skip
        _replace_rows(int(debrief_id), clean)
    return clean


def _replace_rows(debrief_id: int, draft: DebriefDraft) -> None:
    connection = db.connection()
    for table in ("debrief_question", "debrief_told"):
        connection.execute(f"DELETE FROM {table} WHERE debrief_id = ?", (debrief_id,))
    connection.executemany(
        "INSERT INTO debrief_question (debrief_id, position, question, answer, how_it_went, "
        "themes, best, practise) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (debrief_id, place, q.question, q.answer, _how(q), ", ".join(q.themes), int(q.best),
             int(q.practise))
            for place, q in enumerate(draft.questions, start=1)
        ],
    )  # fmt: skip
    connection.executemany(
        "INSERT INTO debrief_told (debrief_id, position, topic, said, told_to) "
        "VALUES (?, ?, ?, ?, ?)",
        [
            (debrief_id, place, t.topic.value, t.said, t.told_to)
            for place, t in enumerate(draft.told, start=1)
        ],
    )
    _save_skills(debrief_id, draft.skills)


def _how(question: AskedQuestion) -> str | None:
    return question.how_it_went.value if question.how_it_went else None


def _save_skills(debrief_id: int, skills: tuple[Skill, ...]) -> None:
    """Skills keep their rows by place (their reminders are named by it): a row is only
    written when it changed, so saving the form again leaves the plan alone."""
    connection = db.connection()
    stored = {
        int(place): (name, by, bool(done))
        for place, name, by, done in connection.execute(
            "SELECT position, name, practise_by, done FROM debrief_skill WHERE debrief_id = ?",
            (debrief_id,),
        )
    }
    for place, skill in enumerate(skills, start=1):
        values = (skill.name, skill.practise_by.isoformat() if skill.practise_by else None,
                  skill.done)  # fmt: skip
        if place not in stored:
            connection.execute(
                "INSERT INTO debrief_skill (debrief_id, position, name, practise_by, done) "
                "VALUES (?, ?, ?, ?, ?)",
                (debrief_id, place, values[0], values[1], int(values[2])),
            )
        elif stored[place] != values:
            connection.execute(
                "UPDATE debrief_skill SET name = ?, practise_by = ?, done = ? "
                "WHERE debrief_id = ? AND position = ?",
                (values[0], values[1], int(values[2]), debrief_id, place),
            )
    connection.execute(
        "DELETE FROM debrief_skill WHERE debrief_id = ? AND position > ?",
        (debrief_id, len(skills)),
    )


def delete_debrief(interview_id: int) -> bool:
    """Remove the interview's debrief; False when there was none."""
    with writing():
        return bool(Debrief.delete().where(Debrief.interview == interview_id).execute())


def meant_to_say(interview_id: int) -> list[str]:
    """The points the candidate meant to say at this interview (for the thank-you note)."""
    found = db.execute_sql(
        "SELECT meant_to_say FROM debrief WHERE interview_id = ?", (interview_id,)
    ).fetchone()
    if found is None:
        return []
    return meant_to_say_lines(DebriefDraft(meant_to_say=found[0]))


def debriefed_interviews(interview_ids: list[int]) -> set[int]:
    """Those of ``interview_ids`` that have a debrief."""
    if not interview_ids:
        return set()
    marks = ", ".join("?" * len(interview_ids))
    return {
        int(row[0])
        for row in db.execute_sql(
            f"SELECT interview_id FROM debrief WHERE interview_id IN ({marks})",
            tuple(interview_ids),
        )
    }
