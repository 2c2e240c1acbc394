"""The preparation reminder: two days before a further round (at the start of the user's
hours), until it is marked done or the interview begins. Subject: "prep:<interview id>"."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from followthrough.domain.reminder_kinds import KindInfo, Rendering, SubjectKey, register_kind
from followthrough.domain.two_clocks import UserHours
from followthrough.domain.wording import QT_TRANSLATE_NOOP, application_title, short_day

FEATURE = "prep"
PREPARE = "prepare_round"
KINDS = (PREPARE,)
CONTEXT = "preparation"
# Time to research people and gather examples; a day is rarely enough.
DAYS_BEFORE = 2


def prep_subject(interview_id: int) -> str:
    return str(SubjectKey(FEATURE, (interview_id,)))


def interview_of(subject_key: str) -> int | None:
    subject = SubjectKey.parse(subject_key)
    if subject is None or subject.feature != FEATURE or len(subject.ids) != 1:
        return None
    return subject.ids[0]


def prepare_due_at(starts_at: datetime, zone: ZoneInfo, hours: UserHours) -> datetime:
    """The start of the user's hours, ``DAYS_BEFORE`` days before the interview's day on
    the user's clock (UTC)."""
    day = starts_at.astimezone(zone).date() - timedelta(days=DAYS_BEFORE)
    return datetime.combine(day, hours.start, zone).astimezone(UTC)


def prepare_params(company: str, role: str, round_: int, day: date) -> dict[str, Any]:
    return {"company": company, "role": role, "round": round_, "day": day.isoformat()}


def _render(params: Mapping[str, Any], r: Rendering) -> tuple[str, str]:
    title = r.translate(
        CONTEXT, QT_TRANSLATE_NOOP("preparation", "Prepare round {round} at {company}")
    )
    body = r.translate(
        CONTEXT,
        QT_TRANSLATE_NOOP(
            "preparation",
            "On {day}. Your checklist: the people you will meet, your last debrief and what "
            "you told them, examples of your work, questions to ask.",
        ),
    )
    company = application_title(str(params["company"]), str(params.get("role", "")))
    day = short_day(date.fromisoformat(str(params["day"])))
    return (
        title.format(round=params["round"], company=company),
        body.format(day=day),
    )


register_kind(
    KindInfo(
        PREPARE,
        FEATURE,
        QT_TRANSLATE_NOOP("ReminderKind", "Prepare"),
        # Coloured as the interview it prepares.
        "interview",
        _render,
        listed_ahead=False,
    )
)
