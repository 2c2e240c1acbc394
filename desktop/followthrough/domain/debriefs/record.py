"""What one interview's debrief holds, and the checks a save must pass."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from followthrough.domain.errors import UserError
from followthrough.domain.wording import QT_TRANSLATE_NOOP, short_day, translate

# A self-rating from 1 (went badly) to 5 (went very well); None: not rated.
RATINGS = range(1, 6)
# Long enough for a worked answer; a limit so that a paste of a whole file is refused.
TEXT_LIMIT = 20_000
LINE_LIMIT = 500


class HowItWent(StrEnum):
    """How an answer went, in the candidate's own judgement."""

    WELL = "well"
    OKAY = "okay"
    POORLY = "poorly"


HOW_IT_WENT_LABELS: dict[HowItWent, str] = {
    HowItWent.WELL: QT_TRANSLATE_NOOP("debriefs", "Went well"),
    HowItWent.OKAY: QT_TRANSLATE_NOOP("debriefs", "Could be better"),
    HowItWent.POORLY: QT_TRANSLATE_NOOP("debriefs", "Went poorly"),
}


class ToldTopic(StrEnum):
    """What a candidate tells one company and must tell the same way at every round
    (docs/advice.md, Keeping momentum: [002])."""

    SALARY = "salary"
    AVAILABILITY = "availability"
    REASONS_FOR_LEAVING = "reasons_for_leaving"
    OTHER_PROCESSES = "other_processes"
    OTHER = "other"


TOLD_TOPIC_LABELS: dict[ToldTopic, str] = {
    ToldTopic.SALARY: QT_TRANSLATE_NOOP("debriefs", "Salary expectation"),
    ToldTopic.AVAILABILITY: QT_TRANSLATE_NOOP("debriefs", "Availability / notice"),
    ToldTopic.REASONS_FOR_LEAVING: QT_TRANSLATE_NOOP("debriefs", "Reasons for leaving"),
    ToldTopic.OTHER_PROCESSES: QT_TRANSLATE_NOOP("debriefs", "Other processes"),
    ToldTopic.OTHER: QT_TRANSLATE_NOOP("debriefs", "Something else"),
}


@dataclass(frozen=True)
class AskedQuestion:
    """A question they asked, what the candidate answered and how it went."""

    question: str
    answer: str = ""
    how_it_went: HowItWent | None = None
    # The user's own tags ("behavioural", "system design"), for the question bank.
    themes: tuple[str, ...] = ()
    # Kept as the answer to reuse (the bank shows it first).
    best: bool = False
    # On the "practise these" list.
    practise: bool = False


@dataclass(frozen=True)
class ToldStatement:
    """Something the candidate told the company that later rounds must agree with."""

    topic: ToldTopic
    said: str
    told_to: str = ""


@dataclass(frozen=True)
class Skill:
    """A skill the interview showed is worth developing; with ``practise_by``, a task with
    a reminder on that day."""

    name: str
    practise_by: date | None = None
    done: bool = False


def practise_by_problem(skill: Skill, today: date, saved: date | None = None) -> str | None:
    """Why ``skill``'s "practise by" day cannot be taken, or None when it can. A day
    before ``today`` (the user's day) would be overdue the moment it is saved, and lead
    Today and What's next ahead of what really is due. The day the skill was saved with
    (``saved``) is left as it is, and a skill already done needs no day ahead."""
    day = skill.practise_by
    if day is None or skill.done or day >= today or day == saved:
        return None
    return translate(
        "debriefs", "{day} has passed: practise by today, {today}, or a later day."
    ).format(day=short_day(day), today=short_day(today))


@dataclass(frozen=True)
class DebriefDraft:
    """A debrief as the form holds it."""

    questions: tuple[AskedQuestion, ...] = ()
    went_well: str = ""
    to_improve: str = ""
    meant_to_say: str = ""
    skills: tuple[Skill, ...] = ()
    rating: int | None = None
    told: tuple[ToldStatement, ...] = field(default=())

    def is_empty(self) -> bool:
        return not (
            self.questions
            or self.went_well.strip()
            or self.to_improve.strip()
            or self.meant_to_say.strip()
            or self.skills
            or self.rating is not None
            or self.told
        )


def theme_key(theme: str) -> str:
    """The same theme however it was typed: "Behavioural", " behavioural " and
    "BEHAVIOURAL" are one (case, Unicode forms and spacing do not count)."""
    import unicodedata  # only when themes are compared: not with every start

    return " ".join(unicodedata.normalize("NFKC", theme).casefold().split())


def parse_themes(text: str) -> tuple[str, ...]:
    """The user's tags from "behavioural, Teamwork;  conflict": trimmed, each once (first
    spelling kept, ``theme_key``), in their order."""
    seen: set[str] = set()
    themes: list[str] = []
    for part in text.replace(";", ",").split(","):
        theme = " ".join(part.split())
        if theme and theme_key(theme) not in seen:
            seen.add(theme_key(theme))
            themes.append(theme)
    return tuple(themes)


def meant_to_say_lines(draft: DebriefDraft) -> list[str]:
    """What the candidate meant to say, one line per point (offered to the thank-you note
    and the next round)."""
    return [
        line.strip(" -•*\t") for line in draft.meant_to_say.splitlines() if line.strip(" -•*\t")
    ]


def checked(draft: DebriefDraft) -> DebriefDraft:
    """The draft with its text trimmed and empty rows left out; UserError (in the user's
    words) when something cannot be saved."""
    if draft.rating is not None and draft.rating not in RATINGS:
        raise UserError(translate("debriefs", "The rating goes from 1 to 5."))
    questions = []
    for number, asked in enumerate(draft.questions, start=1):
        question, answer = asked.question.strip(), asked.answer.strip()
        if not question and not answer:
            continue
        if not question:
            raise UserError(
                translate("debriefs", "Question {n} has an answer but no question.").format(
                    n=number
                )
            )
        if len(question) > LINE_LIMIT * 4:
            raise UserError(translate("debriefs", "Question {n} is too long.").format(n=number))
        questions.append(
            AskedQuestion(
                question,
                answer,
                asked.how_it_went,
                asked.themes,
                asked.best,
                asked.practise,
            )
        )
    for text in (
        draft.went_well,
        draft.to_improve,
        draft.meant_to_say,
        *(q.answer for q in questions),
    ):
        if len(text) > TEXT_LIMIT:
            raise UserError(translate("debriefs", "A text is longer than 20,000 characters."))
    skills = tuple(
        Skill(" ".join(s.name.split()), s.practise_by, s.done)
        for s in draft.skills
        if s.name.strip()
    )
    if any(len(s.name) > LINE_LIMIT for s in skills):
        raise UserError(translate("debriefs", "A skill's name is too long."))
    told = tuple(
        ToldStatement(t.topic, t.said.strip(), " ".join(t.told_to.split()))
        for t in draft.told
        if t.said.strip()
    )
    return DebriefDraft(
        tuple(questions),
        draft.went_well.strip(),
        draft.to_improve.strip(),
        draft.meant_to_say.strip(),
        skills,
        draft.rating,
        told,
    )
