"""The agenda's providers: interviews by local day, the latest decision date of each live
application, overdue ones, and extra providers registered by later features."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import peewee
import pytest

from followthrough.domain.agenda import AgendaItem
from followthrough.domain.clock import FakeClock
from followthrough.domain.interviews import InterviewDraft
from followthrough.domain.stages import ClosureReason, Stage
from followthrough.domain.timeframes import WindowUnit
from followthrough.store import agenda
from followthrough.store.agenda import (
    agenda_between,
    decision_items,
    interview_items,
    local_bounds,
    overdue_items,
    register,
)
from followthrough.store.interviews import save_interview
from followthrough.store.models import Application
from followthrough.store.queries import change_stage, create_application

CHICAGO = ZoneInfo("America/Chicago")
BERLIN = ZoneInfo("Europe/Berlin")
TODAY = date(2026, 11, 20)


def interview(
    application: Application,
    day: date,
    start: time = time(10, 0),
    *,
    zone: str = "America/Chicago",
    round_: int = 1,
    format_: str = "video",
    decision_on: date | None = None,
    clock: FakeClock,
) -> int:
    end = min((datetime.combine(day, start) + timedelta(minutes=29)).time(), time(23, 59, 59))
    if end <= start:  # past midnight
        end = time(23, 59, 59)
    return save_interview(
        InterviewDraft(
            application_id=application.id,
            day=day,
            start=start,
            end=end,
            time_zone=zone,
            round=round_,
            format=format_,
            decision_on=decision_on,
        ),
        clock,
    )


def test_local_bounds_cover_whole_local_days(database: peewee.SqliteDatabase) -> None:
    assert local_bounds(TODAY, TODAY, CHICAGO) == (
        datetime(2026, 11, 20, 6, 0, tzinfo=UTC),
        datetime(2026, 11, 21, 6, 0, tzinfo=UTC),
    )
    # The days the clocks change are 23 and 25 hours long.
    spring = local_bounds(date(2026, 3, 29), date(2026, 3, 29), BERLIN)
    assert spring[1] - spring[0] == timedelta(hours=23)
    autumn = local_bounds(date(2026, 11, 1), date(2026, 11, 1), CHICAGO)
    assert autumn[1] - autumn[0] == timedelta(hours=25)
    week = local_bounds(date(2026, 11, 16), date(2026, 11, 22), CHICAGO)
    assert week[1] - week[0] == timedelta(days=7)


def test_interview_items_fall_on_their_local_day(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    acme = create_application(clock, "Acme", "Data Analyst")
    # 23:30 in Chicago on Friday is 05:30 UTC on Saturday.
    late = interview(acme, TODAY, time(23, 30), round_=2, format_="onsite", clock=clock)
    early = interview(acme, TODAY, time(0, 0), clock=clock)
    interview(acme, TODAY - timedelta(days=1), time(23, 59), clock=clock)
    interview(acme, TODAY + timedelta(days=1), time(0, 0), clock=clock)
    items = interview_items(TODAY, TODAY, CHICAGO)
    assert sorted((i.interview_id, i.day) for i in items) == [(late, TODAY), (early, TODAY)]
    late_item = next(i for i in items if i.interview_id == late)
    assert late_item == AgendaItem(
        kind="interview",
        day=TODAY,
        title="Acme · Data Analyst",
        detail="Interview, round 2, on-site",
        at=datetime(2026, 11, 21, 5, 30, tzinfo=UTC),
        application_id=acme.id,
        interview_id=late,
    )
    # The UTC day of the late interview does not list it...
    assert late not in [
        i.interview_id for i in interview_items(TODAY + timedelta(1), TODAY + timedelta(1), CHICAGO)
    ]
    # ...but someone looking from Berlin sees it on Saturday morning.
    from_berlin = interview_items(TODAY + timedelta(days=1), TODAY + timedelta(days=1), BERLIN)
    assert (late, TODAY + timedelta(days=1)) in [(i.interview_id, i.day) for i in from_berlin]
    # With the interviewer's clock beside the user's, as it shows another time and day.
    seen = next(i for i in from_berlin if i.interview_id == late)
    assert seen.detail == "Interview, round 2, on-site · Fri 20 Nov 23:30 in Chicago"


def test_interview_items_read_well_without_a_role(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    initech = create_application(clock, "Initech")
    interview(initech, TODAY, format_="phone", clock=clock)
    [item] = interview_items(TODAY, TODAY, CHICAGO)
    assert (item.title, item.detail, item.overdue) == (
        "Initech",
        "Interview, round 1, phone",
        False,
    )


def test_interview_items_span_a_range_of_days(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    acme = create_application(clock, "Acme")
    days = [TODAY + timedelta(days=n) for n in range(-2, 10)]
    for day in days:
        interview(acme, day, clock=clock)
    first, last = TODAY, TODAY + timedelta(days=6)
    assert sorted(i.day for i in interview_items(first, last, CHICAGO)) == [
        d for d in days if first <= d <= last
    ]


def test_decisions_show_only_for_live_applications(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    due = date(2026, 11, 27)
    applied = create_application(clock, "Applied Co")
    offer = create_application(clock, "Offer Co", "Lead")
    rejected = create_application(clock, "Rejected Co")
    accepted = create_application(clock, "Accepted Co")
    for application in (applied, offer, rejected, accepted):
        interview(application, TODAY, decision_on=due, clock=clock)
    change_stage(offer.id, Stage.OFFER, clock, TODAY)
    change_stage(rejected.id, Stage.REJECTED, clock, TODAY, ClosureReason.REJECTED)
    change_stage(accepted.id, Stage.OFFER, clock, TODAY)
    change_stage(accepted.id, Stage.ACCEPTED, clock, TODAY)
    items = decision_items(due, due, CHICAGO)
    assert sorted((i.title, i.day) for i in items) == [
        ("Applied Co", due),
        ("Offer Co · Lead", due),
    ]
    offer_item = next(i for i in items if i.application_id == offer.id)
    assert offer_item == AgendaItem(
        kind="decision",
        day=due,
        title="Offer Co · Lead",
        detail="Decision expected",
        application_id=offer.id,
    )


def test_decisions_need_a_date_and_a_day_in_range(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    acme = create_application(clock, "Acme")
    initech = create_application(clock, "Initech")
    interview(acme, TODAY, decision_on=date(2026, 11, 30), clock=clock)
    interview(initech, TODAY, clock=clock)  # no decision date said
    # The range is inclusive at both ends.
    assert [i.day for i in decision_items(date(2026, 11, 30), date(2026, 12, 5), CHICAGO)] == [
        date(2026, 11, 30)
    ]
    assert [i.day for i in decision_items(date(2026, 11, 23), date(2026, 11, 30), CHICAGO)] == [
        date(2026, 11, 30)
    ]
    assert decision_items(date(2026, 12, 1), date(2026, 12, 31), CHICAGO) == []
    assert decision_items(TODAY, date(2026, 11, 29), CHICAGO) == []


def test_only_the_latest_decision_of_an_application_shows(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    acme = create_application(clock, "Acme")
    interview(acme, date(2026, 11, 16), decision_on=date(2026, 11, 25), clock=clock)
    interview(acme, TODAY, round_=2, decision_on=date(2026, 12, 4), clock=clock)
    interview(acme, TODAY + timedelta(days=1), round_=3, clock=clock)  # said nothing new
    items = decision_items(date(2026, 11, 1), date(2026, 12, 31), CHICAGO)
    assert [(i.application_id, i.day) for i in items] == [(acme.id, date(2026, 12, 4))]
    # The superseded date is not shown on its day.
    assert decision_items(date(2026, 11, 25), date(2026, 11, 25), CHICAGO) == []


def test_a_later_round_can_bring_the_decision_forward(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    # Round 1 said "within six weeks"; round 2 said "by Wednesday". Wednesday has passed
    # without news: that is what to follow up on, not the old six weeks.
    acme = create_application(clock, "Acme")
    save_interview(
        InterviewDraft(
            application_id=acme.id,
            day=date(2026, 11, 2),
            start=time(10),
            end=time(11),
            time_zone="America/Chicago",
            decision_within_count=6,
            decision_within_unit=WindowUnit.WEEKS,
        ),
        clock,
    )
    interview(acme, date(2026, 11, 16), round_=2, decision_on=date(2026, 11, 18), clock=clock)
    items = decision_items(date(2026, 11, 1), date(2026, 12, 31), CHICAGO)
    assert [i.day for i in items] == [date(2026, 11, 18)]


def test_passed_decisions_show_as_overdue_follow_ups_of_live_applications(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    from followthrough.store.followups import plan_reminders

    passed = create_application(clock, "Passed Co", "Analyst")
    later = create_application(clock, "Later Co")
    closed = create_application(clock, "Closed Co")
    interview(passed, date(2026, 11, 10), decision_on=date(2026, 11, 17), clock=clock)
    interview(later, date(2026, 11, 10), decision_on=date(2026, 11, 25), clock=clock)
    interview(closed, date(2026, 11, 10), decision_on=date(2026, 11, 12), clock=clock)
    change_stage(closed.id, Stage.FILLED, clock, TODAY, ClosureReason.FILLED)
    plan_reminders()
    overdue = overdue_items(TODAY, CHICAGO)
    # Decided by Tue 17 Nov: the follow-up was due on Wed 18 Nov and is overdue now.
    assert [(i.kind, i.application_id, i.day) for i in overdue] == [
        ("decision_passed", passed.id, date(2026, 11, 18))
    ]
    assert overdue[0].overdue and overdue[0].reminder_id is not None
    # The later one is not overdue until the working day after its date.
    assert {i.application_id for i in overdue_items(date(2026, 11, 27), CHICAGO)} == {
        passed.id,
        later.id,
    }


def test_agenda_between_merges_every_provider_in_order(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    acme = create_application(clock, "Acme")
    initech = create_application(clock, "Initech")
    monday = date(2026, 11, 23)
    interview(acme, monday, time(15), decision_on=date(2026, 11, 25), clock=clock)
    interview(initech, monday, time(9), clock=clock)
    interview(initech, TODAY, time(16), round_=2, decision_on=monday, clock=clock)
    items = agenda_between(TODAY, date(2026, 11, 30), CHICAGO)
    assert [(i.day, i.kind, i.title) for i in items] == [
        (TODAY, "interview", "Initech"),
        # The untimed decision leads its day, then the interviews by time.
        (monday, "decision", "Initech"),
        (monday, "interview", "Initech"),
        (monday, "interview", "Acme"),
        (date(2026, 11, 25), "decision", "Acme"),
    ]
    assert items == sorted(items, key=AgendaItem.sort_key)
    # Unordered (for a caller that sorts once what it gathers): the same items.
    unordered = agenda_between(TODAY, date(2026, 11, 30), CHICAGO, ordered=False)
    assert sorted(unordered, key=AgendaItem.sort_key) == items


def test_the_built_in_providers_are_registered_once() -> None:
    from followthrough.store.reminders import overdue_reminder_items, reminder_items

    in_range, overdue = agenda._RANGE_PROVIDERS, agenda._OVERDUE_PROVIDERS
    assert in_range == [interview_items, decision_items, reminder_items]
    # Passed decision dates come back as overdue follow-up reminders.
    assert overdue == [overdue_reminder_items]


def test_a_registered_provider_joins_the_agenda_once(
    database: peewee.SqliteDatabase, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(agenda, "_RANGE_PROVIDERS", list(agenda._RANGE_PROVIDERS))
    monkeypatch.setattr(agenda, "_OVERDUE_PROVIDERS", list(agenda._OVERDUE_PROVIDERS))
    note = AgendaItem(kind="note", day=TODAY, title="Thank-you note to Dana Lee")
    late_note = replace(note, day=TODAY - timedelta(days=3), overdue=True)
    calls: list[tuple[date, date, ZoneInfo]] = []

    def notes(first: date, last: date, zone: ZoneInfo) -> list[AgendaItem]:
        calls.append((first, last, zone))
        return [note] if first <= note.day <= last else []

    def late_notes(today: date, zone: ZoneInfo) -> list[AgendaItem]:
        return [late_note] if late_note.day < today else []

    acme = create_application(clock, "Acme")
    interview(acme, TODAY, time(9), clock=clock)
    register(notes, late_notes)
    register(notes, late_notes)  # a second registration changes nothing
    items = agenda_between(TODAY, TODAY, CHICAGO)
    assert [(i.kind, i.title) for i in items] == [
        ("note", "Thank-you note to Dana Lee"),
        ("interview", "Acme"),
    ]
    assert calls == [(TODAY, TODAY, CHICAGO)]
    assert overdue_items(TODAY, CHICAGO) == [late_note]
    assert agenda_between(TODAY + timedelta(days=1), TODAY + timedelta(days=1), CHICAGO) == []
    # A range-only provider adds nothing overdue.
    register(lambda first, last, zone: [])
    assert agenda._RANGE_PROVIDERS[-2:][0] is notes
    assert agenda._OVERDUE_PROVIDERS.count(late_notes) == 1


def test_interview_items_carry_their_end(database: peewee.SqliteDatabase, clock: FakeClock) -> None:
    acme = create_application(clock, "Acme", "Data Analyst")
    interview(acme, TODAY, time(10, 0), clock=clock)
    [item] = interview_items(TODAY, TODAY, CHICAGO)
    assert item.at is not None and item.until == item.at + timedelta(minutes=29)
