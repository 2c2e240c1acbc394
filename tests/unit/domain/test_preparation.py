"""Preparing a further round (docs/advice.md, Keeping momentum: prepare the next round,
research and portfolio [003]; keep answers consistent [002])."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

from followthrough.domain.debriefs.record import ToldStatement, ToldTopic
from followthrough.domain.preparation.checklist import (
    EarlierRound,
    Person,
    PrepFacts,
    checklist,
    is_further_round,
    open_items,
)
from followthrough.domain.preparation.reminders import interview_of, prep_subject, prepare_due_at
from followthrough.domain.two_clocks import UserHours

BERLIN = ZoneInfo("Europe/Berlin")
HOURS = UserHours(time(8), time(21))


def _facts(**changes: object) -> PrepFacts:
    values: dict[str, object] = {
        "interview_id": 7,
        "round": 2,
        "company": "Acme",
        "people": (Person(3, "Dana Lee", "Engineering manager"), Person(4, "Sam Ortiz")),
        "earlier": EarlierRound(1, 6, True, ("the migration I led",), "Shorter answers"),
        "told": (ToldStatement(ToldTopic.SALARY, "80-85k"),),
    }
    values.update(changes)
    return PrepFacts(**values)  # type: ignore[arg-type]


def test_the_checklist_names_the_people_the_round_before_and_what_was_told() -> None:
    items = checklist(_facts())
    keys = [item.key for item in items]
    assert keys == [
        "person:3",
        "person:4",
        "debrief:1",
        "meant:1",
        "told",
        "examples",
        "questions",
    ]
    texts = {item.key: item for item in items}
    assert texts["person:3"].text == "Research Dana Lee (Engineering manager)"
    assert texts["person:4"].text == "Research Sam Ortiz"
    assert texts["debrief:1"].detail == "Shorter answers"
    assert "the migration I led" in texts["meant:1"].text
    assert "80-85k" in texts["told"].detail


def test_without_people_or_a_debrief_the_checklist_says_what_to_do_first() -> None:
    items = checklist(_facts(people=(), earlier=EarlierRound(1, 6, False), told=()))
    assert [item.key for item in items] == ["people", "debrief:1", "examples", "questions"]
    assert "Write down round 1" in items[1].text


def test_ticked_items_are_left_out_of_what_is_open() -> None:
    items = checklist(_facts())
    assert [i.key for i in open_items(items, {"person:3", "told", "gone"})] == [
        "person:4",
        "debrief:1",
        "meant:1",
        "examples",
        "questions",
    ]
    assert not is_further_round(1) and is_further_round(2)


def test_the_reminder_comes_two_days_before_at_the_start_of_the_users_hours() -> None:
    # A round on Thursday 3 Dec, 10:00 in New York, is 16:00 in Berlin: Tuesday 08:00.
    starts = datetime(2026, 12, 3, 10, 0, tzinfo=ZoneInfo("America/New_York"))
    assert prepare_due_at(starts, BERLIN, HOURS) == datetime(2026, 12, 1, 8, 0, tzinfo=BERLIN)
    # Across the change to winter time (25 Oct): the local hour holds.
    starts = datetime(2026, 10, 26, 9, 0, tzinfo=BERLIN)
    assert prepare_due_at(starts, BERLIN, HOURS) == datetime(2026, 10, 24, 6, 0, tzinfo=UTC)
    assert interview_of(prep_subject(42)) == 42
    assert interview_of("debrief:42") is None
