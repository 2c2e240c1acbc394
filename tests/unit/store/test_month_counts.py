"""The calendar's month marks are counted in SQL (``agenda_counts``): each provider's
counter gives, per day on the user's clock and kind, exactly how many items the provider
builds for the range. The item builders are the oracle here: demo data, the days the
clocks change, late evenings, closed applications, snoozed, done and dismissed reminders,
other zones, and generated data."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import peewee
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followthrough.demo import fill_demo
from followthrough.domain.clock import FakeClock
from followthrough.domain.stages import ACTIVE_STAGES, ClosureReason, Stage
from followthrough.store import agenda
from followthrough.store.agenda import agenda_counts, local_bounds
from followthrough.store.fields import to_db_instant
from followthrough.store.models import Application, Reminder, db
from followthrough.store.queries import change_stage
from followthrough.store.reminders import claim_due, dismiss, mark_done, reminder_items, snooze
from followthrough.ui.shell.loading import load_month

BERLIN = ZoneInfo("Europe/Berlin")
CHICAGO = ZoneInfo("America/Chicago")
# Offsets of half and three quarters of an hour, and a clock change of half an hour.
ZONES = (
    BERLIN,
    CHICAGO,
    ZoneInfo("UTC"),
    ZoneInfo("Asia/Kolkata"),
    ZoneInfo("Asia/Kathmandu"),
    ZoneInfo("Australia/Lord_Howe"),
    ZoneInfo("Pacific/Auckland"),
)
SPRING = date(2026, 3, 29)  # Berlin's clocks go forward at 02:00
AUTUMN = date(2026, 10, 25)  # and back at 03:00

Counts = dict[date, dict[str, int]]


def built(
    provider: Callable[..., list[agenda.AgendaItem]], first: date, last: date, zone: ZoneInfo
) -> Counts:
    """What the month marks would be if the provider's items were built and counted."""
    counts: Counts = {}
    for item in provider(first, last, zone):
        kinds = counts.setdefault(item.day, {})
        kinds[item.kind] = kinds.get(item.kind, 0) + 1
    return counts


def all_built(first: date, last: date, zone: ZoneInfo) -> Counts:
    counts: Counts = {}
    for provider in agenda._RANGE_PROVIDERS:
        for day, kinds in built(provider, first, last, zone).items():
            for kind, count in kinds.items():
                day_counts = counts.setdefault(day, {})
                day_counts[kind] = day_counts.get(kind, 0) + count
    return counts


def assert_counts_match(first: date, last: date, zone: ZoneInfo) -> None:
    for provider in agenda._RANGE_PROVIDERS:
        counter = agenda._COUNT_PROVIDERS[provider]
        assert counter(first, last, zone) == built(provider, first, last, zone), (
            provider.__name__,
            first,
            last,
            zone,
        )
    assert agenda_counts(first, last, zone) == all_built(first, last, zone)
    decisions = {day: {"decision": count} for day, count in decision_days(first, last).items()}
    assert agenda.decision_counts(first, last, zone) == decisions


def decision_days(first: date, last: date) -> dict[date, int]:
    """The decision dates' rule in Python, from the raw rows: of each active application's
    interviews that name a date, the latest (by start, then id) names it."""
    active = {
        app_id
        for app_id, stage in db.execute_sql("SELECT id, stage FROM application")
        if Stage(stage) in ACTIVE_STAGES
    }
    latest: dict[int, tuple[str, int, str]] = {}
    for interview_id, app_id, starts, day in db.execute_sql(
        "SELECT id, application_id, starts_at, decision_expected_on FROM interview "
        "WHERE decision_expected_on IS NOT NULL"
    ):
        if app_id in active and (starts, interview_id) > latest.get(app_id, ("", 0, ""))[:2]:
            latest[app_id] = (starts, interview_id, day)
    days: dict[date, int] = {}
    for _starts, _id, text in latest.values():
        day = date.fromisoformat(text)
        if first <= day <= last:
            days[day] = days.get(day, 0) + 1
    return days


def local(day: date, at: time, zone: ZoneInfo = BERLIN, fold: int = 0) -> datetime:
    return datetime.combine(day, at, zone).replace(fold=fold)


def add_application(stage: Stage = Stage.INTERVIEWING, company: str = "Acme") -> int:
    stamp = to_db_instant(datetime(2026, 1, 1, tzinfo=UTC))
    cursor = db.execute_sql(
        "INSERT INTO application (company, stage, created_at, updated_at) VALUES (?, ?, ?, ?)",
        (company, stage.value, stamp, stamp),
    )
    return int(cursor.lastrowid)


def add_interview(
    application_id: int,
    starts: datetime,
    decision_on: date | None = None,
    where: str = "Europe/Berlin",
) -> None:
    db.execute_sql(
        "INSERT INTO interview (application_id, starts_at, ends_at, time_zone, "
        "decision_expected_on) VALUES (?, ?, ?, ?, ?)",
        (
            application_id,
            to_db_instant(starts),
            to_db_instant(starts + timedelta(minutes=30)),
            where,
            None if decision_on is None else decision_on.isoformat(),
        ),
    )


def add_reminder(
    due: datetime,
    kind: str = "follow_up",
    *,
    snoozed: datetime | None = None,
    state: str = "open",
    application_id: int | None = None,
) -> int:
    """``state``: open, fired, done, dismissed or suspended."""
    stamp = to_db_instant(datetime(2026, 1, 1, tzinfo=UTC))
    column = {"fired": "fired_at", "done": "done_at", "dismissed": "dismissed_at"}.get(
        state, "suspended_at"
    )
    cursor = db.execute_sql(
        "INSERT INTO reminder (kind, subject_key, application_id, title, due_at, snoozed_until) "
        "VALUES (?, 'subject ' || (SELECT COUNT(*) FROM reminder), ?, 'Follow up', ?, ?)",
        (
            kind,
            application_id,
            to_db_instant(due),
            None if snoozed is None else to_db_instant(snoozed),
        ),
    )
    reminder_id = int(cursor.lastrowid)
    if state == "fired":  # shown when it came due (shown earlier, it is listed then)
        stamp = to_db_instant(snoozed or due)
    if state != "open":
        db.execute_sql(f"UPDATE reminder SET {column} = ? WHERE id = ?", (stamp, reminder_id))
    return reminder_id


def test_every_provider_counts_in_sql() -> None:
    """No month load builds items: each range provider has its counter."""
    assert set(agenda._COUNT_PROVIDERS) == set(agenda._RANGE_PROVIDERS)


def test_the_month_loads_without_building_items(
    database: peewee.SqliteDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = add_application()
    add_interview(app, local(date(2026, 11, 10), time(10)), decision_on=date(2026, 11, 12))
    add_reminder(local(date(2026, 11, 11), time(9)))
    built_items: list[str] = []
    counters = {}
    for provider, counter in agenda._COUNT_PROVIDERS.items():

        def watched(*args: object, provider: Callable[..., object] = provider) -> object:
            built_items.append(provider.__name__)
            return provider(*args)

        counters[watched] = counter
    monkeypatch.setattr(agenda, "_COUNT_PROVIDERS", counters)
    monkeypatch.setattr(agenda, "_RANGE_PROVIDERS", list(counters))
    assert load_month(2026, 11, BERLIN) == {
        date(2026, 11, 10): {"interview": 1},
        date(2026, 11, 11): {"follow_up": 1},
        date(2026, 11, 12): {"decision": 1},
    }
    assert built_items == []


def test_the_days_the_clocks_change(database: peewee.SqliteDatabase) -> None:
    app = add_application()
    for day in (SPRING, AUTUMN):
        before = day - timedelta(days=1)
        for at in (time(0, 0), time(0, 30), time(1, 59, 59), time(3, 0), time(23, 30)):
            add_interview(app, local(day, at))
            add_reminder(local(day, at), "note_due_soon")
        # The hour that comes twice in autumn: both 02:30s are on the 25th.
        add_reminder(local(day, time(2, 30), fold=0))
        add_reminder(local(day, time(2, 30), fold=1))
        add_interview(app, local(before, time(23, 59, 59)))
        add_reminder(local(day + timedelta(days=1), time(0, 0)))
    for day in (SPRING, AUTUMN):
        week = (day - timedelta(days=3), day + timedelta(days=3))
        assert_counts_match(*week, BERLIN)
        counts = agenda_counts(*week, BERLIN)
        assert counts[day] == {"interview": 5, "note_due_soon": 5, "follow_up": 2}
        assert counts[day - timedelta(days=1)] == {"interview": 1}
        assert counts[day + timedelta(days=1)] == {"follow_up": 1}
        # Seen from elsewhere the same instants fall on other days, the same both ways.
        for zone in ZONES:
            assert_counts_match(*week, zone)
    spring = local_bounds(SPRING, SPRING, BERLIN)
    assert spring[1] - spring[0] == timedelta(hours=23)


def test_an_evening_item_counts_on_its_local_day(database: peewee.SqliteDatabase) -> None:
    app = add_application()
    friday = date(2026, 11, 20)
    # 23:30 in Chicago on Friday is 05:30 UTC on Saturday, Saturday morning in Berlin.
    add_interview(app, local(friday, time(23, 30), CHICAGO), where="America/Chicago")
    add_reminder(local(friday, time(23, 30), CHICAGO))
    assert agenda_counts(friday, friday + timedelta(days=1), CHICAGO) == {
        friday: {"interview": 1, "follow_up": 1}
    }
    assert agenda_counts(friday, friday + timedelta(days=1), BERLIN) == {
        friday + timedelta(days=1): {"interview": 1, "follow_up": 1}
    }
    # The last day of a range ends at its local midnight, not at UTC's.
    assert agenda_counts(friday - timedelta(days=1), friday, BERLIN) == {}
    # Around every zone's midnight, to the second (offsets of :30 and :45 among them).
    for zone in ZONES:
        for at in (time(23, 30), time(23, 59, 59), time(0, 0), time(0, 0, 1), time(0, 30)):
            add_interview(app, local(friday, at, zone))
            add_reminder(local(friday, at, zone), "note_overdue")
    for zone in ZONES:
        assert_counts_match(friday - timedelta(days=1), friday + timedelta(days=1), zone)


def test_reminders_count_as_the_agenda_shows_them(database: peewee.SqliteDatabase) -> None:
    day = date(2026, 11, 20)
    at = local(day, time(9))
    add_reminder(at)  # open
    add_reminder(at, state="fired")  # fired and waiting: still on its day
    add_reminder(at, state="done")
    add_reminder(at, state="dismissed")
    add_reminder(at, state="suspended")
    # Snoozed: on the day it comes back, not the day it was due.
    add_reminder(at, "note_overdue", snoozed=local(day + timedelta(days=2), time(8)))
    add_reminder(local(day - timedelta(days=5), time(9)), snoozed=at, state="fired")
    assert agenda_counts(day - timedelta(days=7), day + timedelta(days=7), BERLIN) == {
        day: {"follow_up": 3},
        day + timedelta(days=2): {"note_overdue": 1},
    }
    assert len(reminder_items(day, day, BERLIN)) == 3
    assert_counts_match(day - timedelta(days=7), day + timedelta(days=7), BERLIN)


def test_decisions_of_closed_applications_and_earlier_rounds_are_not_counted(
    database: peewee.SqliteDatabase,
) -> None:
    live = add_application(Stage.OFFER)
    closed = add_application(Stage.REJECTED)
    monday = date(2026, 11, 23)
    add_interview(live, local(monday, time(10)), decision_on=monday + timedelta(days=2))
    # A later round names a sooner date: it replaces the first.
    add_interview(live, local(monday, time(15)), decision_on=monday + timedelta(days=1))
    add_interview(closed, local(monday, time(11)), decision_on=monday + timedelta(days=2))
    # A closed application's interviews stay on the calendar as they are.
    assert agenda_counts(monday, monday + timedelta(days=6), BERLIN) == {
        monday: {"interview": 3},
        monday + timedelta(days=1): {"decision": 1},
    }
    assert_counts_match(monday, monday + timedelta(days=6), BERLIN)


def test_demo_months_count_as_their_items(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    fill_demo(clock, 150)
    now = clock.now()
    claim_due(now)
    # Some of the user's own doings: done, dismissed, snoozed, closed applications.
    reminders = list(Reminder.select().order_by(Reminder.id))
    for index, reminder in enumerate(reminders[:60]):
        if index % 3 == 0:
            mark_done(reminder.id, now)
        elif index % 3 == 1:
            dismiss(reminder.id, now)
        else:
            snooze(reminder.id, now + timedelta(days=index % 9, hours=index))
    for application in Application.select().where(Application.stage == "interviewing").limit(10):
        change_stage(
            application.id, Stage.REJECTED, clock, date(2026, 11, 20), ClosureReason.REJECTED
        )
    for zone in (CHICAGO, BERLIN, ZoneInfo("Asia/Kathmandu")):
        for year, month in ((2026, 10), (2026, 11), (2026, 12), (2027, 1)):
            first = date(year, month, 1)
            after = date(year + month // 12, month % 12 + 1, 1)
            range_ = (first - timedelta(days=7), after + timedelta(days=7))
            assert_counts_match(*range_, zone)
            assert load_month(year, month, zone) == all_built(*range_, zone)
    assert sum(sum(k.values()) for k in load_month(2026, 11, CHICAGO).values()) > 100


# -- generated data --------------------------------------------------------------------------

# Instants within a few days of the clock changes (and of an ordinary day), to the second.
_ANCHORS = (
    datetime(2026, 3, 29, 1, 0, tzinfo=UTC),
    datetime(2026, 10, 25, 1, 0, tzinfo=UTC),
    datetime(2026, 11, 20, 12, 0, tzinfo=UTC),
    datetime(2026, 4, 5, 15, 0, tzinfo=UTC),  # Auckland and Lord Howe change their clocks
)
_uniform = st.builds(
    lambda anchor, seconds: anchor + timedelta(seconds=seconds),
    st.sampled_from(_ANCHORS),
    st.integers(-4 * 86400, 4 * 86400).map(lambda s: s - s % 60 if s % 7 else s),
)
# Wall times around some zone's midnight and its small hours (when clocks change).
_near_midnight = st.builds(
    lambda anchor, days, hour, minute, second, fold, zone: datetime.combine(
        anchor.date() + timedelta(days=days), time(hour, minute, second, fold=fold), zone
    ).astimezone(UTC),
    st.sampled_from(_ANCHORS),
    st.integers(-3, 3),
    st.sampled_from((23, 0, 1, 2, 3)),
    st.sampled_from((0, 0, 1, 29, 30, 31, 59)),
    st.sampled_from((0, 0, 0, 1, 59)),
    st.integers(0, 1),
    st.sampled_from(ZONES),
)
_instants = st.one_of(_uniform, _near_midnight)
_reminders = st.lists(
    st.tuples(
        _instants,
        st.sampled_from(("follow_up", "note_due_soon", "decision_passed")),
        st.one_of(st.none(), _instants),
        st.sampled_from(("open", "open", "fired", "done", "dismissed", "suspended")),
    ),
    max_size=25,
)
_interviews = st.lists(
    st.tuples(
        st.integers(0, 3),  # which application
        _instants,
        st.one_of(st.none(), st.integers(-4, 4)),  # decision date, days from the interview
    ),
    max_size=15,
)
_stages = st.lists(st.sampled_from(list(Stage)), min_size=4, max_size=4)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    stages=_stages,
    interviews=_interviews,
    reminders=_reminders,
    anchor=st.sampled_from(_ANCHORS),
    offset=st.integers(-5, 2),
    length=st.integers(0, 6),
    zone=st.sampled_from(ZONES),
)
def test_generated_data_counts_as_its_items(
    database: peewee.SqliteDatabase,
    stages: list[Stage],
    interviews: list[tuple[int, datetime, int | None]],
    reminders: list[tuple[datetime, str, datetime | None, str]],
    anchor: datetime,
    offset: int,
    length: int,
    zone: ZoneInfo,
) -> None:
    db.execute_sql("DELETE FROM reminder")
    db.execute_sql("DELETE FROM application")
    apps = [add_application(stage, f"Company {n}") for n, stage in enumerate(stages)]
    for which, starts, decision in interviews:
        on = None if decision is None else starts.date() + timedelta(days=decision)
        add_interview(apps[which], starts, on)
    for due, kind, snoozed, state in reminders:
        add_reminder(due, kind, snoozed=snoozed, state=state, application_id=apps[0])
    first = anchor.astimezone(zone).date() + timedelta(days=offset)
    assert_counts_match(first, first + timedelta(days=length), zone)
