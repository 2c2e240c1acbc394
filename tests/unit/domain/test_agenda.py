"""The Today view's buckets: overdue whatever the day, today in time order, later ones."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from followthrough.domain.agenda import (
    AgendaItem,
    AgendaKind,
    TodayAgenda,
    split_today,
)
from followthrough.domain.reminder_kinds import kind_label

TODAY = date(2026, 11, 20)
YESTERDAY = TODAY - timedelta(days=1)
TOMORROW = TODAY + timedelta(days=1)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


def item(
    title: str, day: date, when: datetime | None = None, *, overdue: bool = False
) -> AgendaItem:
    kind = AgendaKind.INTERVIEW if when else AgendaKind.DECISION
    return AgendaItem(kind=kind.value, day=day, title=title, at=when, overdue=overdue)


def titles(items: list[AgendaItem]) -> list[str]:
    return [i.title for i in items]


def test_every_kind_has_a_label() -> None:
    for kind in AgendaKind:
        assert kind_label(kind.value) != kind.value
    assert kind_label(AgendaKind.DECISION) == "Decision due"


def test_an_empty_agenda() -> None:
    assert split_today([], TODAY) == TodayAgenda([], [], [])


def test_todays_untimed_items_come_first_then_by_time() -> None:
    items = [
        item("Afternoon", TODAY, at(TODAY, 15)),
        item("Decision B", TODAY),
        item("Morning", TODAY, at(TODAY, 9)),
        item("Decision A", TODAY),
    ]
    agenda = split_today(items, TODAY)
    # Untimed ones sort by title among themselves.
    assert titles(agenda.today) == ["Decision A", "Decision B", "Morning", "Afternoon"]
    assert agenda.overdue == agenda.upcoming == []


def test_later_items_are_ordered_by_day_then_untimed_first() -> None:
    in_two_days = TODAY + timedelta(days=2)
    items = [
        item("Day 2, 8:00", in_two_days, at(in_two_days, 8)),
        item("Tomorrow, 17:00", TOMORROW, at(TOMORROW, 17)),
        item("Day 2, untimed", in_two_days),
        item("Tomorrow, 9:00", TOMORROW, at(TOMORROW, 9)),
        item("Tomorrow, untimed", TOMORROW),
    ]
    agenda = split_today(items, TODAY)
    assert titles(agenda.upcoming) == [
        "Tomorrow, untimed",
        "Tomorrow, 9:00",
        "Tomorrow, 17:00",
        "Day 2, untimed",
        "Day 2, 8:00",
    ]
    assert agenda.today == agenda.overdue == []


def test_overdue_items_go_first_whatever_their_day() -> None:
    items = [
        item("Today, not overdue", TODAY, at(TODAY, 10)),
        item("Overdue today", TODAY, overdue=True),
        item("Overdue last week", TODAY - timedelta(days=7), overdue=True),
        item("Overdue yesterday", YESTERDAY, overdue=True),
        # Marked overdue by its provider although dated later: still overdue, not upcoming.
        item("Overdue tomorrow", TOMORROW, overdue=True),
    ]
    agenda = split_today(items, TODAY)
    assert titles(agenda.overdue) == [
        "Overdue last week",
        "Overdue yesterday",
        "Overdue today",
        "Overdue tomorrow",
    ]
    assert titles(agenda.today) == ["Today, not overdue"]
    assert agenda.upcoming == []


def test_past_items_that_are_not_overdue_are_dropped() -> None:
    items = [
        item("Yesterday's interview", YESTERDAY, at(YESTERDAY, 10)),
        item("Last week's decision", TODAY - timedelta(days=7)),
        item("Tomorrow", TOMORROW),
    ]
    agenda = split_today(items, TODAY)
    assert (agenda.overdue, agenda.today, titles(agenda.upcoming)) == ([], [], ["Tomorrow"])


def test_the_local_day_decides_not_the_instant() -> None:
    # 23:30 in Chicago on the 20th is the 21st in UTC: the item's day is what counts.
    late = item("Late call", TODAY, datetime(2026, 11, 21, 5, 30, tzinfo=UTC))
    early = item("Early call", TOMORROW, datetime(2026, 11, 21, 4, 0, tzinfo=UTC))
    agenda = split_today([early, late], TODAY)
    assert titles(agenda.today) == ["Late call"]
    assert titles(agenda.upcoming) == ["Early call"]


def test_split_accepts_any_iterable_and_keeps_every_item() -> None:
    items = [item(f"Item {n}", TODAY + timedelta(days=n - 2), overdue=n == 0) for n in range(5)]
    agenda = split_today(iter(items), TODAY)
    kept = agenda.overdue + agenda.today + agenda.upcoming
    # Item 1 (yesterday, not overdue) is the only one dropped.
    assert sorted(titles(kept)) == ["Item 0", "Item 2", "Item 3", "Item 4"]


def test_subject_keys_have_one_format_and_one_parser() -> None:
    from followthrough.domain.reminder_kinds import SubjectKey

    key = SubjectKey("follow_up", (3, 9, 0))
    assert str(key) == "follow_up:3:9:0"
    assert SubjectKey.parse(str(key)) == key
    assert key.ids_of("follow_up", 3) == (3, 9, 0)
    assert key.ids_of("note", 3) is None and key.ids_of("follow_up", 2) is None
    for bad in ("", "note", "note:", "note:x", "note:-1", "note:1:", ":1", "note:١"):
        assert SubjectKey.parse(bad) is None, bad
