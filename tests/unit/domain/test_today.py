"""Today as one list: each item once, in its section, the counts matching the rows."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from followthrough.domain.agenda import AgendaItem
from followthrough.domain.today import Section, TodayList, section_of, still_to_do, today_list

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
TODAY = date(2026, 11, 20)


def reminder(
    rid: int,
    at: datetime,
    subject: str = "",
    kind: str = "follow_up",
    overdue: bool = False,
    app: int = 1,
) -> AgendaItem:
    return AgendaItem(
        kind=kind,
        day=at.date(),
        title=f"reminder {rid}",
        at=at,
        application_id=app,
        overdue=overdue,
        reminder_id=rid,
        subject_key=subject,
    )


def interview(interview_id: int, at: datetime, app: int = 1) -> AgendaItem:
    return AgendaItem(
        kind="interview",
        day=at.date(),
        title="Acme · Analyst",
        at=at,
        application_id=app,
        interview_id=interview_id,
    )


def shown(listed: TodayList) -> list[AgendaItem]:
    return [entry.item for entry in listed.entries()]


def test_a_fired_reminder_and_its_agenda_entry_are_one_item() -> None:
    due = NOW - timedelta(days=2)
    listed = today_list([reminder(7, due)], [reminder(7, due, overdue=True)], TODAY, NOW)
    assert len(listed.entries()) == 1
    (entry,) = listed.overdue
    assert entry.fired  # the fired one is kept: it waits for the user


def test_a_fired_reminder_of_today_is_in_today_not_overdue() -> None:
    """It came due an hour ago today: Today's section, not Overdue (and counted there)."""
    listed = today_list([reminder(1, NOW - timedelta(hours=1))], [], TODAY, NOW)
    assert [len(entries) for _s, entries in listed.sections()] == [0, 1, 0]


def test_a_notes_two_reminders_show_once_the_current_one() -> None:
    """ "Due soon" has come, "overdue" is planned for tomorrow morning (the deadline falls
    in the night): only "due soon" is listed, not a "Note overdue" tomorrow."""
    soon = reminder(1, NOW - timedelta(hours=2), "note:3,4", "note_due_soon")
    late = reminder(2, NOW + timedelta(hours=18), "note:3,4", "note_overdue")
    listed = today_list([soon], [soon, late], TODAY, NOW)
    assert [e.item.kind for e in listed.entries()] == ["note_due_soon"]
    # Once the deadline has passed and "overdue" has come, it replaces "due soon".
    later = NOW + timedelta(hours=19)
    listed = today_list([soon, late], [], later.date(), later)
    assert [e.item.kind for e in listed.entries()] == ["note_overdue"]
    # Neither has come: the next one.
    early = NOW - timedelta(hours=3)
    listed = today_list([], [soon, late], TODAY, early)
    assert [e.item.kind for e in listed.entries()] == ["note_due_soon"]


def test_an_interview_under_way_is_no_longer_to_do() -> None:
    started = interview(1, NOW - timedelta(minutes=30))
    coming = interview(2, NOW + timedelta(days=1))
    assert shown(today_list([], [started, coming], TODAY, NOW)) == [coming]


def test_sections_in_order_and_times_in_order() -> None:
    items = [
        reminder(1, NOW + timedelta(days=3)),
        interview(1, NOW + timedelta(hours=2)),
        reminder(2, NOW - timedelta(days=4), overdue=True),
        reminder(3, NOW - timedelta(days=1), overdue=True),
    ]
    listed = today_list([], items, TODAY, NOW)
    assert [e.item.reminder_id for e in listed.overdue] == [2, 3]
    assert [e.item.interview_id for e in listed.today] == [1]
    assert [e.item.reminder_id for e in listed.upcoming] == [1]


# -- the property: whatever the mix, each item once and the counts right ----------------------

_offsets = st.integers(min_value=-10 * 24 * 60, max_value=7 * 24 * 60).map(
    lambda minutes: NOW + timedelta(minutes=minutes)
)
_subjects = st.sampled_from(["", "", "note:1,1", "note:1,2", "follow_up:1"])


@st.composite
def mixes(draw: st.DrawFn) -> tuple[list[AgendaItem], list[AgendaItem]]:
    """Fired reminders, planned reminders (some of them the same as fired ones) and
    interviews, as the scheduler and the agenda hand them over."""
    count = draw(st.integers(min_value=0, max_value=12))
    reminders = []
    for rid in range(1, count + 1):
        at = draw(_offsets)
        reminders.append(reminder(rid, at, draw(_subjects), app=draw(st.integers(1, 3))))
    fired = [r for r in reminders if r.at is not None and r.at <= NOW and draw(st.booleans())]
    agenda = []
    for r in reminders:
        # The agenda has every open reminder from today on, and unfired ones before.
        assert r.at is not None
        if r.day >= TODAY or r not in fired:
            agenda.append(replace(r, overdue=r.day < TODAY and r not in fired))
    for number in range(draw(st.integers(min_value=0, max_value=4))):
        agenda.append(interview(number + 1, draw(_offsets), app=draw(st.integers(1, 3))))
    return fired, agenda


@settings(max_examples=300, deadline=None)
@given(mixes())
def test_each_item_once_every_item_represented_counts_match(
    mix: tuple[list[AgendaItem], list[AgendaItem]],
) -> None:
    fired, agenda = mix
    listed = today_list(fired, agenda, TODAY, NOW)
    entries = listed.entries()
    # The header counts are the rows shown, and each row is in its section.
    sections = listed.sections()
    assert sum(len(rows) for _s, rows in sections) == len(entries)
    for section, rows in sections:
        assert all(entry.section is section for entry in rows)
        assert all(section_of(entry.item, TODAY) is section for entry in rows)
    # No item twice: not one reminder, not one subject.
    reminder_ids = [e.item.reminder_id for e in entries if e.item.reminder_id is not None]
    assert len(reminder_ids) == len(set(reminder_ids))
    subjects = [e.item.subject_key for e in entries if e.item.subject_key]
    assert len(subjects) == len(set(subjects))
    interviews = [e.item.interview_id for e in entries if e.item.interview_id is not None]
    assert len(interviews) == len(set(interviews))
    # Every input item is represented: itself, or its subject's current reminder; an
    # interview unless it has begun.
    for item in [*fired, *agenda]:
        if item.interview_id is not None:
            assert (item.interview_id in interviews) == (item.at is not None and item.at > NOW)
        elif item.subject_key:
            assert item.subject_key in subjects
        else:
            assert item.reminder_id in reminder_ids
    # A fired reminder is listed as fired.
    fired_ids = {r.reminder_id for r in fired}
    for entry in entries:
        if entry.item.reminder_id in fired_ids:
            assert entry.fired
    # In order: section, then time.
    assert [e.rank() for e in entries] == sorted(e.rank() for e in entries)
    assert [s for s, _r in sections] == [Section.OVERDUE, Section.TODAY, Section.UPCOMING]


def test_a_closed_applications_interviews_are_nothing_to_do() -> None:
    coming = interview(1, NOW + timedelta(days=1), app=1)
    other = interview(2, NOW + timedelta(days=1), app=2)
    note = reminder(3, NOW - timedelta(hours=1), app=1)
    assert still_to_do([coming, other, note], {1}) == [other, note]
