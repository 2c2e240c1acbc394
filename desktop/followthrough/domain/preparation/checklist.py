"""The preparation checklist of one further round, from the facts."""

from __future__ import annotations

from dataclasses import dataclass

from followthrough.domain.debriefs.record import TOLD_TOPIC_LABELS, ToldStatement
from followthrough.domain.wording import translate


@dataclass(frozen=True)
class Person:
    contact_id: int
    name: str
    title: str = ""


@dataclass(frozen=True)
class EarlierRound:
    """The round before, as its debrief has it (None fields: not written)."""

    round: int
    interview_id: int
    debriefed: bool
    meant_to_say: tuple[str, ...] = ()
    to_improve: str = ""


@dataclass(frozen=True)
class PrepFacts:
    """What the checklist of one interview is made from."""

    interview_id: int
    round: int
    company: str
    people: tuple[Person, ...]
    earlier: EarlierRound | None
    told: tuple[ToldStatement, ...]


@dataclass(frozen=True)
class PrepItem:
    """One thing to do before the day; ``key`` names it for its tick (stable while the
    facts it comes from stay)."""

    key: str
    text: str
    detail: str = ""


# A checklist is made for the second round on (the first has no round before it).
FIRST_FURTHER_ROUND = 2


def is_further_round(round_: int) -> bool:
    return round_ >= FIRST_FURTHER_ROUND


def _people_items(facts: PrepFacts) -> list[PrepItem]:
    if not facts.people:
        return [
            PrepItem(
                "people",
                translate("preparation", "Find out whom you will meet, and look them up"),
                translate(
                    "preparation",
                    "Ask the recruiter for their names; add them to the interview.",
                ),
            )
        ]
    items = []
    for person in facts.people:
        who = f"{person.name} ({person.title})" if person.title else person.name
        items.append(
            PrepItem(
                f"person:{person.contact_id}",
                translate("preparation", "Research {who}").format(who=who),
                translate("preparation", "Their role, their work, what they are likely to ask."),
            )
        )
    return items


def _earlier_items(facts: PrepFacts) -> list[PrepItem]:
    earlier = facts.earlier
    if earlier is None:
        return []
    if not earlier.debriefed:
        return [
            PrepItem(
                f"debrief:{earlier.round}",
                translate("preparation", "Write down round {n} before you prepare").format(
                    n=earlier.round
                ),
                translate("preparation", "Its questions tell you what this round may ask."),
            )
        ]
    items = [
        PrepItem(
            f"debrief:{earlier.round}",
            translate("preparation", "Reread your debrief of round {n}").format(n=earlier.round),
            earlier.to_improve,
        )
    ]
    for number, point in enumerate(earlier.meant_to_say, start=1):
        items.append(
            PrepItem(
                f"meant:{number}",
                translate("preparation", "Find a place for: {point}").format(point=point),
                translate("preparation", "You meant to say it last time."),
            )
        )
    return items


def _told_item(facts: PrepFacts) -> list[PrepItem]:
    if not facts.told:
        return []
    said = "; ".join(
        f"{translate('debriefs', TOLD_TOPIC_LABELS[t.topic])}: {t.said}" for t in facts.told
    )
    return [
        PrepItem(
            "told",
            translate("preparation", "Say what you said before about salary and notice"),
            said,
        )
    ]


def checklist(facts: PrepFacts) -> list[PrepItem]:
    """In the order to do them: the people, the round before, what was told, examples,
    questions to ask."""
    return [
        *_people_items(facts),
        *_earlier_items(facts),
        *_told_item(facts),
        PrepItem(
            "examples",
            translate("preparation", "Bring your portfolio or examples of your work"),
            translate("preparation", "Printed or ready to share on screen."),
        ),
        PrepItem(
            "questions",
            translate("preparation", "Prepare questions to ask them"),
            translate("preparation", "About the team, the first months, how success is measured."),
        ),
    ]


def open_items(items: list[PrepItem], ticked: set[str]) -> list[PrepItem]:
    return [item for item in items if item.key not in ticked]
