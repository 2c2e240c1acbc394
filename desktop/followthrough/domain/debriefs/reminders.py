"""The debrief's reminders: write it while it is fresh, and practise a skill by a day.

- ``debrief_due``: an interview has ended and has no debrief yet (``timing``); it goes
  once the debrief is saved, and lapses after a week.
- ``skill_practice``: a skill from a debrief with a "practise by" day, until it is ticked
  as done (on that day, at the start of the user's hours).

Subjects: "debrief:<interview id>" and "debrief:<interview id>:<skill's place in the
list, from 1>". docs/advice.md, Keeping momentum [000, 001, 002, 003].
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from followthrough.domain.reminder_kinds import KindInfo, Rendering, SubjectKey, register_kind
from followthrough.domain.wording import QT_TRANSLATE_NOOP, application_title, short_day

FEATURE = "debrief"
DEBRIEF_DUE = "debrief_due"
SKILL_PRACTICE = "skill_practice"
KINDS = (DEBRIEF_DUE, SKILL_PRACTICE)
CONTEXT = "debriefs"


def debrief_subject(interview_id: int) -> str:
    return str(SubjectKey(FEATURE, (interview_id,)))


def skill_subject(interview_id: int, place: int) -> str:
    return str(SubjectKey(FEATURE, (interview_id, place)))


def interview_of(subject_key: str) -> int | None:
    """The interview a debrief reminder is about; None for another feature's key."""
    subject = SubjectKey.parse(subject_key)
    if subject is None or subject.feature != FEATURE or not subject.ids:
        return None
    return subject.ids[0]


def debrief_params(company: str, role: str, round_: int, day: date) -> dict[str, Any]:
    return {"company": company, "role": role, "round": round_, "day": day.isoformat()}


def skill_params(skill: str, company: str) -> dict[str, Any]:
    return {"skill": skill, "company": company}


def _render_debrief(params: Mapping[str, Any], r: Rendering) -> tuple[str, str]:
    title = r.translate(
        CONTEXT, QT_TRANSLATE_NOOP("debriefs", "Debrief your interview at {company}")
    )
    body = r.translate(
        CONTEXT,
        QT_TRANSLATE_NOOP(
            "debriefs",
            "Round {round} on {day}: write down the questions, your answers and what you "
            "meant to say while you still remember them.",
        ),
    )
    company = application_title(str(params["company"]), str(params.get("role", "")))
    day = short_day(date.fromisoformat(str(params["day"])))
    return title.format(company=company), body.format(round=params["round"], day=day)


def _render_skill(params: Mapping[str, Any], r: Rendering) -> tuple[str, str]:
    title = r.translate(CONTEXT, QT_TRANSLATE_NOOP("debriefs", "Practise: {skill}"))
    body = r.translate(
        CONTEXT,
        QT_TRANSLATE_NOOP(
            "debriefs", "A skill your interview at {company} showed is worth working on."
        ),
    )
    return title.format(skill=params["skill"]), body.format(company=params["company"])


register_kind(
    KindInfo(
        DEBRIEF_DUE,
        FEATURE,
        QT_TRANSLATE_NOOP("ReminderKind", "Debrief"),
        # The colour of the other writing after an interview (the thank-you notes).
        "note_due",
        _render_debrief,
        listed_ahead=False,
    )
)
register_kind(
    KindInfo(
        SKILL_PRACTICE,
        FEATURE,
        QT_TRANSLATE_NOOP("ReminderKind", "Practise a skill"),
        "note_due",
        _render_skill,
    )
)
