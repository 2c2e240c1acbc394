"""The thank-you note reminders' words, written when shown (their timing is in
``domain.notes``: ``note_reminder_times``)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from followthrough.domain.reminder_kinds import (
    Feature,
    KindInfo,
    ReminderKind,
    Rendering,
    register_kind,
)
from followthrough.domain.two_clocks import both_clocks
from followthrough.domain.wording import QT_TRANSLATE_NOOP
from followthrough.domain.zones import zone_or

CONTEXT = "notes"


def note_params(
    name: str, company: str, interview_round: int, deadline: datetime, their_zone: str
) -> dict[str, Any]:
    return {
        "name": name,
        "company": company,
        "round": interview_round,
        "deadline": deadline.isoformat(),
        "their_zone": their_zone,
    }


def _deadline(params: Mapping[str, Any], r: Rendering) -> str:
    """The deadline on the user's clock, and on the interview's when that differs."""
    deadline = datetime.fromisoformat(params["deadline"])
    return both_clocks(deadline, r.zone, zone_or(params["their_zone"], r.zone))


def _who(params: Mapping[str, Any]) -> str:
    return f"{params['name']} ({params['company']})"


def _render_due_soon(params: Mapping[str, Any], r: Rendering) -> tuple[str, str]:
    if r.now is not None and r.now() >= datetime.fromisoformat(params["deadline"]):
        # Past the deadline at night, "due soon" stays until the "overdue" reminder comes
        # in the user's hours: it says the note is late.
        return _render_late(params, r)
    due = _deadline(params, r)
    title = r.translate(CONTEXT, QT_TRANSLATE_NOOP("notes", "Thank-you note to {who} due {due}"))
    body = r.translate(
        CONTEXT,
        QT_TRANSLATE_NOOP(
            "notes",
            "After the round {round} interview: a personal note to each interviewer, out by {due}.",
        ),
    )
    return title.format(who=_who(params), due=due), body.format(round=params["round"], due=due)


def _render_late(params: Mapping[str, Any], r: Rendering) -> tuple[str, str]:
    title = r.translate(
        CONTEXT, QT_TRANSLATE_NOOP("notes", "Thank-you note to {who} was due {due} — send it now")
    )
    body = r.translate(
        CONTEXT,
        QT_TRANSLATE_NOOP(
            "notes",
            "The day after the interview has ended. A late note still beats none; about two "
            "days after the interview is the outer limit.",
        ),
    )
    due = _deadline(params, r)
    return title.format(who=_who(params), due=due), body


def _render_overdue(params: Mapping[str, Any], r: Rendering) -> tuple[str, str]:
    title = r.translate(
        CONTEXT, QT_TRANSLATE_NOOP("notes", "Thank-you note to {who} is overdue — send it today")
    )
    body = r.translate(
        CONTEXT,
        QT_TRANSLATE_NOOP(
            "notes",
            "It was due {due}. A late note still beats none; about two days after the "
            "interview is the outer limit.",
        ),
    )
    return title.format(who=_who(params)), body.format(due=_deadline(params, r))


LABELS = "ReminderKind"
register_kind(
    KindInfo(
        ReminderKind.NOTE_DUE_SOON,
        Feature.NOTE,
        QT_TRANSLATE_NOOP("ReminderKind", "Note due"),
        "note_due",
        _render_due_soon,
        late_kind=ReminderKind.NOTE_OVERDUE,
        late_from=lambda params: datetime.fromisoformat(params["deadline"]),
    )
)
register_kind(
    KindInfo(
        ReminderKind.NOTE_OVERDUE,
        Feature.NOTE,
        QT_TRANSLATE_NOOP("ReminderKind", "Note overdue"),
        "note_late",
        _render_overdue,
    )
)

__all__ = ["note_params"]
