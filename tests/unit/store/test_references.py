"""References and network contacts in the store: the pool, who was given to which
employer, each step of keeping them in the loop, the reminders those steps call for, the
timeline and what the message composer gets."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import peewee
import pytest

from followthrough.domain.clock import FakeClock
from followthrough.domain.interviews import InterviewDraft, PersonDraft
from followthrough.domain.references import ContactedBy, MessagePurpose, ReferenceKind, Standing
from followthrough.domain.reminder_kinds import feature_of
from followthrough.domain.stages import ClosureReason, Stage
from followthrough.store import settings as options
from followthrough.store.applications import application_detail
from followthrough.store.contacts import (
    ContactError,
    ContactFields,
    ReferenceProfileFields,
    load_contact,
    reference_profile,
    save_contact,
    save_reference_profile,
    set_contact_email,
)
from followthrough.store.interviews import save_interview
from followthrough.store.models import (
    Application,
    ApplicationReference,
    Contact,
    ContactRole,
    ReferenceProfile,
    Reminder,
)
from followthrough.store.planning import plan_all
from followthrough.store.queries import change_stage, create_application
from followthrough.store.reference_reminders import (
    plan_reference_reminders,
    planned_reference_reminders,
)
from followthrough.store.references import (
    NETWORK_CHECK_IN,
    REFERENCE_HEADS_UP,
    REFERENCE_KINDS,
    REFERENCE_OUTCOME,
    REFERENCE_THANKS,
    ReferenceLinkError,
    add_new_person,
    add_reference,
    given_days,
    load_reference_context,
    network_candidates,
    overuse_for,
    parse_subject_key,
    record_checked_in,
    record_contacted,
    record_heads_up,
    record_heads_up_sent,
    record_message_sent,
    record_outcome_told,
    record_thanked,
    reference_line,
    reference_pool,
    reference_timeline,
    references_for_application,
    remove_reference,
    save_contact_notes,
    save_heads_up_draft,
    subject_key,
    undo_message,
    undo_step,
)
from followthrough.store.reminders import claim_due

BERLIN = ZoneInfo("Europe/Berlin")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
MONDAY = date(2026, 11, 23)
TUESDAY = date(2026, 11, 24)
WEDNESDAY = date(2026, 11, 25)
THURSDAY = date(2026, 11, 26)
FRIDAY = date(2026, 11, 27)
NEXT_MONDAY = date(2026, 11, 30)
START = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)  # Tuesday, 10:00 in Berlin
TWO_WEEKS = timedelta(days=14)  # a missed heads-up or check-in goes stale after this


@pytest.fixture
def clock() -> FakeClock:
    # Overrides the shared fixture (the database fixture uses this one too).
    return FakeClock(START)


def _berlin(day: date, hour: int, minute: int = 0) -> datetime:
    """``hour:minute`` on ``day`` in Berlin, as a UTC instant."""
    return datetime.combine(day, time(hour, minute), BERLIN).astimezone(UTC)


def _app(
    clock: FakeClock, company: str = "Acme", role: str = "Data Engineer", notes: str = ""
) -> int:
    return int(create_application(clock, company, role, notes=notes).id)


def _interview(
    clock: FakeClock,
    app_id: int,
    day: date,
    start: int,
    end: int,
    *,
    zone: str = "Europe/Berlin",
    round_: int = 1,
    notes: str = "",
    interview_id: int | None = None,
    people: tuple[PersonDraft, ...] = (),
) -> int:
    return save_interview(
        InterviewDraft(
            application_id=app_id,
            day=day,
            start=time(start),
            end=time(end),
            time_zone=zone,
            round=round_,
            notes=notes,
            people=people,
            interview_id=interview_id,
        ),
        clock,
    )


def _person(clock: FakeClock, name: str = "Priya Natarajan", email: str = "") -> int:
    return int(Contact.create(name=name, email=email, created_at=clock.now()).id)


def _given_on(link_id: int, day: date) -> None:
    """The day they were given, as if set when they were listed."""
    ApplicationReference.update(given_on=day).where(ApplicationReference.id == link_id).execute()


def _roles(contact_id: int) -> set[str]:
    return {r.role for r in ContactRole.select().where(ContactRole.contact == contact_id)}


def _open(kind: str | None = None) -> list[Reminder]:
    """The open reference reminders in the database, by due time."""
    query = (
        Reminder.active()
        .where(Reminder.kind.in_(REFERENCE_KINDS))
        .order_by(Reminder.due_at, Reminder.id)
    )
    return [r for r in query if kind is None or r.kind == kind]


def _kinds() -> list[tuple[str, str]]:
    return [(r.kind, r.subject_key) for r in _open()]


# -- subject keys ------------------------------------------------------------------------


def test_subject_keys_round_trip_and_other_kinds_are_not_reference_reminders() -> None:
    assert subject_key(7) == "ref:7"
    assert parse_subject_key(subject_key(42)) == 42
    for other in ("note:1:2", "ref:", "ref:x", "ref:-1", "application:1", ""):
        assert parse_subject_key(other) is None
    # Which feature handles a reminder: its kind's, when the subject agrees.
    assert feature_of(REFERENCE_HEADS_UP, "ref:3") == "ref"
    assert feature_of("follow_up", "ref:3") is None
    assert feature_of(REFERENCE_HEADS_UP, "note:1:2") is None


# -- 1. adding and removing --------------------------------------------------------------


def test_add_reference_lists_the_person_with_the_role_their_kind_gives(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    app = _app(clock)
    priya = _person(clock, "Priya Natarajan", "priya@globex.example")
    jordan = _person(clock, "Jordan Blake")
    link = add_reference(app, priya, ReferenceKind.REFERENCE, clock, given_on=MONDAY)
    net = add_reference(app, jordan, ReferenceKind.NETWORK, clock)
    lines = references_for_application(app)
    # Network contacts sort before references ("network" < "reference").
    assert [(x.link_id, x.name, x.kind, x.given_on, x.contact_id) for x in lines] == [
        (net, "Jordan Blake", ReferenceKind.NETWORK, None, jordan),
        (link, "Priya Natarajan", ReferenceKind.REFERENCE, MONDAY, priya),
    ]
    assert lines[1].email == "priya@globex.example"
    assert lines[1].heads_up_at is None and lines[1].contacted_on is None
    assert _roles(priya) == {"reference"}
    assert _roles(jordan) == {"referrer"}
    row = ApplicationReference.get_by_id(link)
    assert row.created_at == START and row.updated_at == START
    assert reference_line(link) == lines[1]
    # The same person twice for one application is refused, whatever the kind.
    for kind in ReferenceKind:
        with pytest.raises(ReferenceLinkError, match="Priya Natarajan is already listed"):
            add_reference(app, priya, kind, clock)
    assert ApplicationReference.select().count() == 2
    assert _roles(priya) == {"reference"}
    # Another application may list them again.
    other = _app(clock, "Globex")
    add_reference(other, priya, ReferenceKind.REFERENCE, clock)
    assert len(references_for_application(other)) == 1
    assert len(references_for_application(app)) == 2


def test_add_new_person_creates_the_contact_and_profile_or_refuses(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    app = _app(clock, "Acme")
    link = add_new_person(
        app,
        ReferenceKind.REFERENCE,
        "  Helen Brandt ",
        clock,
        email=" h.brandt@univ.example ",
        phone=" +49 30 1234 ",
        relationship=" my thesis supervisor ",
        given_on=MONDAY,
    )
    line = reference_line(link)
    assert (line.name, line.email, line.phone, line.kind, line.given_on) == (
        "Helen Brandt",
        "h.brandt@univ.example",
        "+49 30 1234",
        ReferenceKind.REFERENCE,
        MONDAY,
    )
    helen = Contact.get_by_id(line.contact_id)
    assert helen.company == "" and helen.created_at == START
    assert reference_profile(helen.id) == ReferenceProfileFields("my thesis supervisor", "", None)
    assert _roles(helen.id) == {"reference"}
    # A network contact works at the employer; no reference profile for them.
    net = add_new_person(app, ReferenceKind.NETWORK, "Jordan Blake", clock)
    jordan = Contact.get_by_id(reference_line(net).contact_id)
    assert jordan.company == "Acme"
    assert ReferenceProfile.get_or_none(ReferenceProfile.contact == jordan.id) is None
    assert _roles(jordan.id) == {"referrer"}
    # Refused: nothing is created.
    contacts = Contact.select().count()
    with pytest.raises(ContactError, match="name"):
        add_new_person(app, ReferenceKind.REFERENCE, "   ", clock)
    with pytest.raises(ContactError, match="e-mail address"):
        add_new_person(app, ReferenceKind.REFERENCE, "Sam Ortiz", clock, email="sam@initech")
    with pytest.raises(ContactError, match="e-mail address"):
        add_new_person(app, ReferenceKind.NETWORK, "Sam Ortiz", clock, email="sam at initech.com")
    assert Contact.select().count() == contacts
    assert ApplicationReference.select().count() == 2


def test_remove_reference_removes_the_link_and_its_reminders(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    app = _app(clock)
    _interview(clock, app, MONDAY, 10, 11)
    priya = _person(clock)
    link = add_reference(app, priya, ReferenceKind.REFERENCE, clock)
    record_contacted(link, TUESDAY, ContactedBy.COMPANY, clock)
    jordan = _person(clock, "Jordan Blake")
    net = add_reference(app, jordan, ReferenceKind.NETWORK, clock)
    sam = add_reference(app, _person(clock, "Sam Ortiz"), ReferenceKind.REFERENCE, clock)
    plan_all(clock.now())
    assert sorted(_kinds()) == sorted(
        [
            (REFERENCE_THANKS, subject_key(link)),
            (NETWORK_CHECK_IN, subject_key(net)),
            (REFERENCE_HEADS_UP, subject_key(sam)),
        ]
    )
    remove_reference(link)
    remove_reference(net)
    assert [x.link_id for x in references_for_application(app)] == [sam]
    with pytest.raises(ReferenceLinkError, match="no longer listed"):
        reference_line(link)
    with pytest.raises(ReferenceLinkError, match="no longer listed"):
        record_thanked(link, TUESDAY, clock)
    with pytest.raises(ReferenceLinkError, match="no longer listed"):
        record_heads_up(net, "email", clock)
    assert plan_reference_reminders(clock.now()) == (0, 2)
    assert _kinds() == [(REFERENCE_HEADS_UP, subject_key(sam))]
    # The person stays, with their role: still in the pool, and can be listed again.
    assert Contact.get_or_none(Contact.id == priya) is not None
    assert [e.name for e in reference_pool()] == ["Priya Natarajan", "Sam Ortiz"]
    add_reference(app, priya, ReferenceKind.REFERENCE, clock)


# -- 2. the pool -------------------------------------------------------------------------


def test_reference_pool_counts_uses_and_sorts_by_name(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    # Created out of name order, so the order cannot come from the ids.
    carol = _person(clock, "carol Ng")
    bob = _person(clock, "Bob Marsh")
    # A reference by role only, given nowhere yet.
    zed = save_contact(
        ContactFields(
            name="alice Zed",
            title="CTO",
            company="Initech",
            email="alice@initech.example",
            roles=frozenset({"reference"}),
            relationship="my former CTO",
            speaks_to="architecture",
            consent_on=date(2026, 10, 1),
        ),
        clock,
    )
    interviewer = _person(clock, "Ivan Interviewer")
    ContactRole.create(contact=interviewer, role="interviewer")
    referrer = _person(clock, "Jordan Blake")
    apps = [_app(clock, f"Company {n}") for n in range(4)]
    add_reference(apps[0], bob, ReferenceKind.REFERENCE, clock, given_on=date(2026, 11, 2))
    add_reference(apps[1], bob, ReferenceKind.REFERENCE, clock, given_on=date(2026, 11, 20))
    add_reference(apps[2], bob, ReferenceKind.REFERENCE, clock)  # listed today, no day set
    add_reference(apps[0], carol, ReferenceKind.REFERENCE, clock, given_on=date(2026, 12, 1))
    add_reference(apps[1], carol, ReferenceKind.REFERENCE, clock, given_on=date(2026, 11, 3))
    # A network contact is not a reference: not in the pool, not counted.
    add_reference(apps[3], referrer, ReferenceKind.NETWORK, clock)
    add_reference(apps[3], carol, ReferenceKind.NETWORK, clock)
    pool = reference_pool()
    assert [(e.name, e.times_given, e.last_given_on) for e in pool] == [
        ("alice Zed", 0, None),
        ("Bob Marsh", 3, TUESDAY),  # the day listed counts when no day was given
        ("carol Ng", 2, date(2026, 12, 1)),
    ]
    first = pool[0]
    assert (first.contact_id, first.title, first.company, first.email) == (
        zed,
        "CTO",
        "Initech",
        "alice@initech.example",
    )
    assert (first.relationship, first.speaks_to, first.consent_on) == (
        "my former CTO",
        "architecture",
        date(2026, 10, 1),
    )
    assert (pool[1].relationship, pool[1].consent_on) == ("", None)


def test_network_candidates_are_referrers_and_people_at_the_company(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    app = _app(clock, "Acme")
    referrer = _person(clock, "Zoe Referrer")
    ContactRole.create(contact=referrer, role="referrer")
    insider = int(Contact.create(name="amy Insider", company="ACME", created_at=START).id)
    _person(clock, "Outsider")
    assert network_candidates(app) == [(insider, "amy Insider"), (referrer, "Zoe Referrer")]


# -- 3. overuse --------------------------------------------------------------------------


def test_overuse_warns_at_the_threshold_when_adding(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    priya = _person(clock)
    apps = [_app(clock, f"Company {n}") for n in range(4)]
    today = TUESDAY
    first = add_reference(apps[0], priya, ReferenceKind.REFERENCE, clock, today - timedelta(5))
    assert overuse_for(priya, today, adding_to=apps[1]) is None  # would be the second
    add_reference(apps[1], priya, ReferenceKind.REFERENCE, clock)  # listed today
    assert sorted(given_days(priya)) == [today - timedelta(5), today]
    assert given_days(priya, exclude_application_id=apps[0]) == [today]
    assert overuse_for(priya, today) is None  # two uses, below three
    warning = overuse_for(priya, today, adding_to=apps[2])
    assert warning is not None
    assert warning.startswith("Given to 3 employers in the last 30 days")
    # Adding to an application they are already given to is not one more use.
    assert overuse_for(priya, today, adding_to=apps[1]) is None
    # A network link is not a use.
    add_reference(apps[3], priya, ReferenceKind.NETWORK, clock)
    assert overuse_for(priya, today, adding_to=apps[2]) == warning
    add_reference(apps[2], priya, ReferenceKind.REFERENCE, clock)
    assert overuse_for(priya, today) == warning
    # A use exactly thirty days ago is outside the window; twenty-nine days ago is in it.
    _given_on(first, today - timedelta(30))
    assert overuse_for(priya, today) is None
    _given_on(first, today - timedelta(29))
    assert overuse_for(priya, today) == warning
    # A day set in the future has not happened yet.
    _given_on(first, today + timedelta(3))
    assert overuse_for(priya, today) is None


def test_overuse_follows_the_settings(database: peewee.SqliteDatabase, clock: FakeClock) -> None:
    priya = _person(clock)
    apps = [_app(clock, f"Company {n}") for n in range(3)]
    today = TUESDAY
    add_reference(apps[0], priya, ReferenceKind.REFERENCE, clock, today - timedelta(10))
    assert overuse_for(priya, today, adding_to=apps[1]) is None
    options.put(options.REFERENCE_OVERUSE_COUNT, 2)
    warning = overuse_for(priya, today, adding_to=apps[1])
    assert warning is not None and warning.startswith("Given to 2 employers in the last 30 days")
    options.put(options.REFERENCE_OVERUSE_DAYS, 7)
    assert overuse_for(priya, today, adding_to=apps[1]) is None  # ten days ago: outside
    options.put(options.REFERENCE_OVERUSE_DAYS, 14)
    warning = overuse_for(priya, today, adding_to=apps[1])
    assert warning is not None and "in the last 14 days" in warning


# -- 4. reminders: the heads-up ----------------------------------------------------------


def test_heads_up_is_created_moved_and_removed_as_facts_change(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    app = _app(clock, "Acme", "Data Engineer")
    link = add_reference(app, _person(clock), ReferenceKind.REFERENCE, clock)
    # No interview yet: nothing to warn them about.
    plan_all(clock.now())
    assert _open() == []
    assert planned_reference_reminders(clock.now()) == []
    # Tuesday 10:00-11:00 in Berlin: due two hours after it ends, 13:00 Berlin.
    interview = _interview(clock, app, TUESDAY, 10, 11)
    plan_all(clock.now())
    (reminder,) = _open()
    assert (reminder.kind, reminder.subject_key) == (REFERENCE_HEADS_UP, subject_key(link))
    assert reminder.due_at == _berlin(TUESDAY, 13)
    assert reminder.application_id == app
    assert reminder.title == "Give Priya Natarajan a heads-up: Acme may call"
    assert "Acme (Data Engineer), interview on Tue 24 Nov" in reminder.body
    assert plan_reference_reminders(clock.now()) == (0, 0)
    # Moved to Wednesday 14:00-15:00: 17:00 is past reminder hours, so Thursday 9:30.
    _interview(clock, app, WEDNESDAY, 14, 15, interview_id=interview)
    assert plan_reference_reminders(clock.now()) == (1, 0)
    (moved,) = _open()
    assert moved.id == reminder.id
    assert moved.due_at == _berlin(THURSDAY, 9, 30)
    assert "interview on Wed 25 Nov" in moved.body
    # Reminder hours are a setting.
    options.put(options.QUIET_END, 18)
    plan_reference_reminders(clock.now())
    assert _open()[0].due_at == _berlin(WEDNESDAY, 17)
    options.put(options.QUIET_END, 17)
    # Friday afternoon: not on the weekend, Monday 9:30.
    _interview(clock, app, FRIDAY, 15, 16, interview_id=interview)
    plan_reference_reminders(clock.now())
    assert _open()[0].due_at == _berlin(NEXT_MONDAY, 9, 30)
    _interview(clock, app, TUESDAY, 10, 11, interview_id=interview)
    plan_reference_reminders(clock.now())
    assert _open()[0].due_at == _berlin(TUESDAY, 13)
    # The heads-up is sent: the reminder goes.
    clock.set(_berlin(TUESDAY, 12))
    record_heads_up(link, "email", clock)
    line = reference_line(link)
    assert (line.heads_up_at, line.heads_up_via, line.given_on) == (
        _berlin(TUESDAY, 12),
        "email",
        TUESDAY,
    )
    assert plan_reference_reminders(clock.now()) == (0, 1)
    assert _open() == []
    # Logged by mistake: taken back, the reminder returns.
    undo_step(link, "heads_up", clock)
    assert reference_line(link).heads_up_at is None
    assert reference_line(link).given_on == TUESDAY  # the day given stays
    assert plan_reference_reminders(clock.now()) == (1, 0)
    assert [(r.kind, r.due_at) for r in _open()] == [(REFERENCE_HEADS_UP, _berlin(TUESDAY, 13))]
    # Recorded through the composer's path, by phone.
    recorded = record_message_sent(link, MessagePurpose.HEADS_UP, "phone", TUESDAY, clock)
    assert reference_line(link).heads_up_via == "phone"
    assert plan_reference_reminders(clock.now()) == (0, 1)
    with pytest.raises(ValueError, match="unknown step"):
        undo_step(link, "lunch", clock)
    # "Undo" right after: the row holds again exactly what it held, the reminder returns.
    undo_message(recorded, clock)
    line = reference_line(link)
    assert (line.heads_up_at, line.heads_up_via, line.given_on) == (None, None, TUESDAY)
    assert plan_reference_reminders(clock.now()) == (1, 0)


def test_undoing_a_thanks_said_on_the_phone_puts_back_what_was_there(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    app = _app(clock)
    link = add_reference(app, _person(clock), ReferenceKind.REFERENCE, clock)
    recorded = record_message_sent(link, MessagePurpose.HEADS_UP, "phone", TUESDAY, clock)
    assert recorded.before["given_on"] is None
    assert reference_line(link).given_on is not None  # a heads-up means they were given
    undo_message(recorded, clock)
    assert reference_line(link).given_on is None  # the heads-up's side effect goes too
    record_thanked(link, MONDAY, clock)
    thanks = record_message_sent(link, MessagePurpose.THANKS, "phone", WEDNESDAY, clock)
    assert reference_line(link).thanked_on == WEDNESDAY
    undo_message(thanks, clock)
    assert reference_line(link).thanked_on == MONDAY


def test_a_reference_listed_after_the_first_interview_is_warned_after_listing(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    app = _app(clock)
    _interview(clock, app, MONDAY, 10, 11)
    clock.set(datetime(2026, 11, 24, 9, 17, tzinfo=UTC))
    link = add_reference(app, _person(clock), ReferenceKind.REFERENCE, clock)
    assert ApplicationReference.get_by_id(link).created_at == clock.now()
    plan_all(clock.now())
    assert [(r.kind, r.due_at) for r in _open()] == [
        (REFERENCE_HEADS_UP, datetime(2026, 11, 24, 11, 17, tzinfo=UTC))
    ]
    # The first interview counts, not a later round: listing then is what matters.
    _interview(clock, app, WEDNESDAY, 10, 11, round_=2)
    plan_reference_reminders(clock.now())
    assert _open()[0].due_at == datetime(2026, 11, 24, 11, 17, tzinfo=UTC)
    assert "interview on Mon 23 Nov" in _open()[0].body


def test_a_reference_listed_before_the_first_interview_waits_for_it_to_end(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    app = _app(clock)
    add_reference(app, _person(clock), ReferenceKind.REFERENCE, clock)
    _interview(clock, app, THURSDAY, 9, 10)
    _interview(clock, app, FRIDAY, 9, 10, round_=2)
    plan_all(clock.now())
    assert [(r.kind, r.due_at) for r in _open()] == [(REFERENCE_HEADS_UP, _berlin(THURSDAY, 12))]


def test_the_reference_check_asks_for_a_fresh_heads_up(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    app = _app(clock)
    _interview(clock, app, MONDAY, 10, 11)
    link = add_reference(app, _person(clock), ReferenceKind.REFERENCE, clock)
    record_heads_up(link, "email", clock)
    plan_all(clock.now())
    assert _open() == []
    # They start checking references on Tuesday evening: due first thing Wednesday.
    clock.set(_berlin(TUESDAY, 18, 30))
    change_stage(app, Stage.REFERENCE_CHECK, clock, TUESDAY)
    plan_all(clock.now())
    (reminder,) = _open()
    assert reminder.kind == REFERENCE_HEADS_UP
    assert reminder.due_at == _berlin(WEDNESDAY, 9, 30)
    assert "they are checking references now" in reminder.body
    # Sent again: done; it stays done while the stage stays.
    clock.set(_berlin(WEDNESDAY, 9, 45))
    record_heads_up(link, "phone", clock)
    assert plan_reference_reminders(clock.now()) == (0, 1)
    # Another round, then the reference check once more (in reminder hours: due at once).
    change_stage(app, Stage.INTERVIEWING, clock, WEDNESDAY)
    plan_reference_reminders(clock.now())
    assert _open() == []
    clock.set(_berlin(THURSDAY, 11, 5))
    change_stage(app, Stage.REFERENCE_CHECK, clock, THURSDAY)
    plan_reference_reminders(clock.now())
    assert [(r.kind, r.due_at) for r in _open()] == [(REFERENCE_HEADS_UP, _berlin(THURSDAY, 11, 5))]


def test_the_reference_check_without_any_interview_still_asks_for_a_heads_up(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    app = _app(clock)
    add_reference(app, _person(clock), ReferenceKind.REFERENCE, clock)
    clock.set(datetime(2026, 11, 24, 10, 0, tzinfo=UTC))
    change_stage(app, Stage.REFERENCE_CHECK, clock, TUESDAY)
    plan_all(clock.now())
    # No interview: reminder hours in UTC.
    assert [(r.kind, r.due_at) for r in _open()] == [(REFERENCE_HEADS_UP, clock.now())]


def test_a_reference_listed_late_in_the_reference_check_gets_a_heads_up(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    app = _app(clock)
    _interview(clock, app, MONDAY, 10, 11)
    change_stage(app, Stage.REFERENCE_CHECK, clock, TUESDAY)
    clock.advance(timedelta(days=15))
    link = add_reference(app, _person(clock), ReferenceKind.REFERENCE, clock)
    plan_all(clock.now())
    assert [(r.kind, r.subject_key) for r in _open()] == [(REFERENCE_HEADS_UP, subject_key(link))]


def test_a_heads_up_goes_stale_after_two_weeks(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    app = _app(clock)
    add_reference(app, _person(clock), ReferenceKind.REFERENCE, clock)
    _interview(clock, app, TUESDAY, 10, 11)
    due = _berlin(TUESDAY, 13)
    just_before = due + TWO_WEEKS - timedelta(seconds=1)
    assert [s.due_at for s in planned_reference_reminders(just_before)] == [due]
    assert planned_reference_reminders(due + TWO_WEEKS) == []
    plan_reference_reminders(clock.now())
    assert len(_open()) == 1
    # Planning again later changes nothing; the next claim lets it lapse unfired.
    assert plan_reference_reminders(due + TWO_WEEKS) == (0, 0)
    assert claim_due(due + TWO_WEEKS) == []
    assert _open() == []


def test_a_closed_application_gets_no_heads_up_nor_check_in(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    app = _app(clock)
    add_reference(app, _person(clock), ReferenceKind.REFERENCE, clock)  # never given
    add_reference(app, _person(clock, "Jordan Blake"), ReferenceKind.NETWORK, clock)
    _interview(clock, app, TUESDAY, 10, 11)
    plan_all(clock.now())
    assert sorted(r.kind for r in _open()) == [NETWORK_CHECK_IN, REFERENCE_HEADS_UP]
    change_stage(app, Stage.WITHDRAWN, clock, TUESDAY, ClosureReason.WITHDREW)
    assert plan_reference_reminders(clock.now()) == (0, 2)
    assert _open() == []
    # An offer is still open: they come back.
    change_stage(app, Stage.OFFER, clock, TUESDAY)
    assert plan_reference_reminders(clock.now()) == (2, 0)


# -- 4. reminders: thanks and outcome ----------------------------------------------------


def test_contacted_calls_for_a_thank_you_until_it_is_sent(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    app = _app(clock, "Acme", "Data Engineer")
    _interview(clock, app, MONDAY, 10, 11)
    link = add_reference(app, _person(clock), ReferenceKind.REFERENCE, clock)
    plan_all(clock.now())
    assert [r.kind for r in _open()] == [REFERENCE_HEADS_UP]
    with pytest.raises(ReferenceLinkError, match="not happened yet"):
        record_contacted(link, TUESDAY + timedelta(days=30), ContactedBy.COMPANY, clock)
    with pytest.raises(ReferenceLinkError, match="not happened yet"):
        record_contacted(link, TUESDAY + timedelta(days=2), ContactedBy.COMPANY, clock)
    assert reference_line(link).contacted_on is None
    clock.set(_berlin(TUESDAY, 10, 20))
    record_contacted(link, MONDAY, ContactedBy.REFERENCE, clock)
    line = reference_line(link)
    assert (line.contacted_on, line.contacted_by) == (MONDAY, ContactedBy.REFERENCE)
    plan_all(clock.now())
    (thanks,) = _open()
    assert (thanks.kind, thanks.subject_key) == (REFERENCE_THANKS, subject_key(link))
    assert "Priya Natarajan" in thanks.title and "Acme" in thanks.title
    assert thanks.title == "Thank Priya Natarajan for speaking to Acme"
    assert "Mon 23 Nov" in thanks.body
    assert thanks.due_at == _berlin(TUESDAY, 12, 20)  # two hours after it was logged
    record_thanked(link, TUESDAY, clock)
    assert reference_line(link).thanked_on == TUESDAY
    assert plan_reference_reminders(clock.now()) == (0, 1)
    assert _open() == []
    undo_step(link, "thanked", clock)
    assert [r.kind for r in _open()] == []
    plan_reference_reminders(clock.now())
    assert [r.kind for r in _open()] == [REFERENCE_THANKS]
    # Thanks through the composer's path.
    record_message_sent(link, MessagePurpose.THANKS, "email", WEDNESDAY, clock)
    assert reference_line(link).thanked_on == WEDNESDAY
    plan_reference_reminders(clock.now())
    assert _open() == []
    # Undoing "contacted" brings the heads-up back instead.
    undo_step(link, "thanked", clock)
    undo_step(link, "contacted", clock)
    plan_reference_reminders(clock.now())
    assert [r.kind for r in _open()] == [REFERENCE_HEADS_UP]


def test_a_call_logged_for_tomorrow_is_accepted(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    # Tomorrow may already be today where the call happened.
    app = _app(clock)
    link = add_reference(app, _person(clock), ReferenceKind.REFERENCE, clock)
    record_contacted(link, WEDNESDAY, ContactedBy.COMPANY, clock)
    assert reference_line(link).contacted_on == WEDNESDAY


def test_closing_calls_for_telling_the_references_who_were_involved(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    app = _app(clock, "Acme", "Data Engineer")
    _interview(clock, app, MONDAY, 10, 11)
    given = add_reference(app, _person(clock), ReferenceKind.REFERENCE, clock, given_on=MONDAY)
    warned = add_reference(app, _person(clock, "Sam Ortiz"), ReferenceKind.REFERENCE, clock)
    record_heads_up(warned, "email", clock)
    # Listed, but never given, warned or contacted.
    idle = add_reference(app, _person(clock, "Marcus Webb"), ReferenceKind.REFERENCE, clock)
    plan_all(clock.now())
    assert sorted(_kinds()) == sorted(
        [(REFERENCE_HEADS_UP, subject_key(given)), (REFERENCE_HEADS_UP, subject_key(idle))]
    )
    change_stage(app, Stage.REJECTED, clock, TUESDAY, ClosureReason.REJECTED)
    plan_all(clock.now())
    outcomes = _open()
    assert {(r.kind, r.subject_key) for r in outcomes} == {
        (REFERENCE_OUTCOME, subject_key(given)),
        (REFERENCE_OUTCOME, subject_key(warned)),
    }
    by_key = {r.subject_key: r for r in outcomes}
    first = by_key[subject_key(given)]
    assert first.title == "Tell Priya Natarajan how Acme ended"
    assert "Acme (Data Engineer) is closed (rejected)" in first.body
    # Closed at 09:00 UTC on Tuesday: the later of that and noon that day, plus a day.
    assert first.due_at == datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    assert first.application_id == app
    record_outcome_told(given, WEDNESDAY, clock)
    record_message_sent(warned, MessagePurpose.OUTCOME, "email", WEDNESDAY, clock)
    assert reference_line(warned).outcome_told_on == WEDNESDAY
    assert plan_reference_reminders(clock.now()) == (0, 2)
    assert _open() == []
    # The outcome is never too late within a month of closing; then it is.
    undo_step(given, "outcome", clock)
    closed_at = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
    assert [s.kind for s in planned_reference_reminders(closed_at + timedelta(days=29))] == [
        REFERENCE_OUTCOME
    ]
    assert planned_reference_reminders(closed_at + timedelta(days=30)) == []


def test_a_thank_you_still_due_after_closing_comes_with_the_outcome(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    app = _app(clock)
    _interview(clock, app, MONDAY, 10, 11)
    link = add_reference(app, _person(clock), ReferenceKind.REFERENCE, clock)
    record_contacted(link, TUESDAY, ContactedBy.COMPANY, clock)
    change_stage(app, Stage.FILLED, clock, TUESDAY, ClosureReason.FILLED)
    plan_all(clock.now())
    assert sorted(r.kind for r in _open()) == [REFERENCE_OUTCOME, REFERENCE_THANKS]


# -- 4. reminders: network check-in ------------------------------------------------------


def test_network_contacts_get_a_check_in_after_each_interview(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    app = _app(clock, "Acme", "Data Engineer")
    net = add_reference(app, _person(clock, "Jordan Blake"), ReferenceKind.NETWORK, clock)
    plan_all(clock.now())
    assert _open() == []  # no interview yet
    _interview(clock, app, TUESDAY, 10, 11)
    plan_all(clock.now())
    (check_in,) = _open()
    assert (check_in.kind, check_in.subject_key) == (NETWORK_CHECK_IN, subject_key(net))
    assert check_in.title == "Check in with Jordan Blake about Acme"
    assert check_in.body.startswith("Round 1 at Acme (Data Engineer): tell Jordan Blake")
    assert check_in.due_at == _berlin(WEDNESDAY, 11)  # a day after it ended
    assert reference_line(net).standing == (Standing.CHECK_IN_DUE, None)
    clock.set(_berlin(WEDNESDAY, 11, 30))
    record_checked_in(net, clock)
    assert reference_line(net).checked_in_at == clock.now()
    assert reference_line(net).standing == (Standing.CHECKED_IN, WEDNESDAY)
    assert plan_reference_reminders(clock.now()) == (0, 1)
    # A second round on Thursday afternoon: a day later is Friday 17:00, past reminder
    # hours, so Monday 9:30.
    _interview(clock, app, THURSDAY, 16, 17, round_=2)
    after_it = _berlin(THURSDAY, 18)
    assert [(s.kind, s.due_at) for s in planned_reference_reminders(after_it)] == [
        (NETWORK_CHECK_IN, _berlin(NEXT_MONDAY, 9, 30))
    ]
    plan_reference_reminders(after_it)
    assert _open()[0].body.startswith("Round 2 at Acme")
    # Checked in again: gone; and undone: back.
    clock.set(_berlin(FRIDAY, 9))
    record_message_sent(net, MessagePurpose.CHECK_IN, "email", FRIDAY, clock)
    assert plan_reference_reminders(clock.now()) == (0, 1)
    undo_step(net, "checked_in", clock)
    assert plan_reference_reminders(clock.now()) == (1, 0)
    # Stale two weeks after the interview.
    assert planned_reference_reminders(_berlin(THURSDAY, 17) + TWO_WEEKS) == []


def test_a_check_in_for_a_later_interview_is_planned_ahead(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    app = _app(clock)
    net = add_reference(app, _person(clock, "Jordan Blake"), ReferenceKind.NETWORK, clock)
    _interview(clock, app, MONDAY, 10, 11)
    record_checked_in(net, clock)
    _interview(clock, app, THURSDAY, 10, 11, round_=2)
    plan_all(clock.now())  # what the scheduler does right after round 2 is saved
    assert [(r.kind, r.due_at) for r in _open()] == [(NETWORK_CHECK_IN, _berlin(FRIDAY, 11))]


# -- 5. timeline and the application's record --------------------------------------------


def test_each_step_shows_in_the_timeline_and_the_status(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    app = _app(clock, "Acme", "Data Engineer")
    _interview(clock, app, MONDAY, 10, 11)
    link = add_reference(app, _person(clock), ReferenceKind.REFERENCE, clock, given_on=MONDAY)
    net = add_reference(app, _person(clock, "Jordan Blake"), ReferenceKind.NETWORK, clock)

    def statuses() -> dict[str, tuple[Standing, date | None]]:
        return {x.name: x.standing for x in application_detail(app, clock.now()).references}

    def texts() -> list[str]:
        return [e.text for e in application_detail(app, clock.now()).timeline]

    assert statuses() == {
        "Priya Natarajan": (Standing.HEADS_UP_TO_SEND, None),
        "Jordan Blake": (Standing.CHECK_IN_DUE, None),
    }
    assert "Priya Natarajan given as a reference" in texts()
    assert not any("Heads-up" in t for t in texts())
    record_heads_up(link, "email", clock)
    assert statuses()["Priya Natarajan"] == (Standing.HEADS_UP_SENT, TUESDAY)
    assert "Heads-up to Priya Natarajan by e-mail" in texts()
    record_contacted(link, TUESDAY, ContactedBy.COMPANY, clock)
    assert statuses()["Priya Natarajan"] == (Standing.CONTACTED, TUESDAY)
    assert "Priya Natarajan was contacted about you (the employer told me)" in texts()
    record_thanked(link, TUESDAY, clock)
    assert statuses()["Priya Natarajan"] == (Standing.THANKED, TUESDAY)
    record_checked_in(net, clock)
    assert statuses()["Jordan Blake"] == (Standing.CHECKED_IN, TUESDAY)
    change_stage(app, Stage.REJECTED, clock, TUESDAY, ClosureReason.REJECTED)
    clock.set(_berlin(WEDNESDAY, 10))
    record_outcome_told(link, WEDNESDAY, clock)
    assert statuses()["Priya Natarajan"] == (Standing.TOLD, WEDNESDAY)
    timeline = texts()
    expected = [
        "Priya Natarajan given as a reference",
        "Heads-up to Priya Natarajan by e-mail",
        "Priya Natarajan was contacted about you (the employer told me)",
        "Thanked Priya Natarajan for the reference",
        "Told Priya Natarajan how it ended",
    ]
    positions = [timeline.index(text) for text in expected]
    assert positions == sorted(positions)
    assert "Checked in with Jordan Blake (network contact)" in timeline
    # The store's own view: (when, what), the steps at their times.
    entries = {text: at for at, text in reference_timeline(app)}
    assert entries["Heads-up to Priya Natarajan by e-mail"] == START
    assert entries["Checked in with Jordan Blake (network contact)"] == START
    assert entries["Told Priya Natarajan how it ended"] == datetime(2026, 11, 25, 12, tzinfo=UTC)
    # Undone steps leave the timeline.
    undo_step(link, "outcome", clock)
    undo_step(link, "thanked", clock)
    timeline = texts()
    assert "Told Priya Natarajan how it ended" not in timeline
    assert "Thanked Priya Natarajan for the reference" not in timeline
    assert statuses()["Priya Natarajan"] == (Standing.CONTACTED, TUESDAY)


def test_how_the_heads_up_went_reads_in_the_timeline(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    app = _app(clock)
    phoned = add_reference(app, _person(clock, "Ann Phone"), ReferenceKind.REFERENCE, clock)
    copied = add_reference(app, _person(clock, "Ben Copy"), ReferenceKind.REFERENCE, clock)
    told = add_reference(app, _person(clock, "Cat Told"), ReferenceKind.REFERENCE, clock, MONDAY)
    record_heads_up(phoned, "phone", clock)
    record_heads_up(copied, "copied", clock)
    record_contacted(told, TUESDAY, ContactedBy.REFERENCE, clock)
    texts = [text for _at, text in reference_timeline(app)]
    assert "Heads-up to Ann Phone by phone" in texts
    assert "Heads-up to Ben Copy (message copied)" in texts
    assert "Cat Told was contacted about you (they told me)" in texts
    # The heads-up sets the day given when none was; a day set is kept.
    record_heads_up(told, "email", clock)
    assert reference_line(told).given_on == MONDAY
    assert reference_line(phoned).given_on == TUESDAY


def test_the_heads_up_draft_is_kept(database: peewee.SqliteDatabase, clock: FakeClock) -> None:
    app = _app(clock)
    link = add_reference(app, _person(clock), ReferenceKind.REFERENCE, clock)
    clock.advance(timedelta(minutes=5))
    save_heads_up_draft(link, "Led the migration\nMentoring", "/tmp/cv-2026.pdf", clock)
    line = reference_line(link)
    assert (line.emphasis, line.resume_path) == ("Led the migration\nMentoring", "/tmp/cv-2026.pdf")
    assert ApplicationReference.get_by_id(link).updated_at == clock.now()
    with pytest.raises(ReferenceLinkError):
        save_heads_up_draft(link + 100, "", "", clock)


def test_a_heads_up_sent_keeps_its_draft_and_is_recorded_in_one_go(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    app = _app(clock)
    link = add_reference(app, _person(clock), ReferenceKind.REFERENCE, clock)
    record_heads_up_sent(link, "Led the migration", "/tmp/cv.pdf", "email", TUESDAY, clock)
    line = reference_line(link)
    assert (line.emphasis, line.resume_path, line.heads_up_via) == (
        "Led the migration",
        "/tmp/cv.pdf",
        "email",
    )


def test_a_heads_up_that_fails_to_record_leaves_its_draft_unwritten_too(
    database: peewee.SqliteDatabase, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from followthrough.store import references

    app = _app(clock)
    link = add_reference(app, _person(clock), ReferenceKind.REFERENCE, clock)

    def broken(*_args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(references, "record_heads_up", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        record_heads_up_sent(link, "Led the migration", "/tmp/cv.pdf", "email", TUESDAY, clock)
    line = reference_line(link)
    assert (line.emphasis, line.resume_path, line.heads_up_at) == ("", "", None)


# -- 6. what the composer gets -----------------------------------------------------------


def test_the_context_speaks_of_the_last_interview_that_took_place(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    app = _app(clock, "Acme", "Data Engineer", notes="Python, dbt, on-call")
    priya = save_contact(
        ContactFields(
            name="Priya Natarajan",
            notes="Prefers a call.",
            roles=frozenset({"reference"}),
            relationship="my manager at Globex",
            speaks_to="Led the billing migration",
            consent_on=date(2026, 9, 1),
        ),
        clock,
    )
    link = add_reference(app, priya, ReferenceKind.REFERENCE, clock)
    options.put(options.SENDER_NAME, "Alex Kim")
    # Only an interview to come: nothing to speak of yet.
    _interview(clock, app, THURSDAY, 10, 11, round_=2, notes="Not yet")
    context = load_reference_context(link, clock.now(), TUESDAY)
    assert (context.interview_day, context.interview_round, context.interview_notes) == (
        None,
        None,
        "",
    )
    assert (context.company, context.role_title, context.posting_notes) == (
        "Acme",
        "Data Engineer",
        "Python, dbt, on-call",
    )
    assert context.stage is Stage.INTERVIEWING
    assert (context.closure_reason, context.outcome) == (None, None)
    assert (context.relationship, context.speaks_to, context.contact_notes) == (
        "my manager at Globex",
        "Led the billing migration",
        "Prefers a call.",
    )
    assert context.sender_name == "Alex Kim"
    assert context.overuse is None
    assert context.line == reference_line(link)
    # Monday 17:00-18:00 in Los Angeles ends Tuesday 02:00 UTC: its local day is Monday.
    _interview(clock, app, MONDAY, 17, 18, zone="America/Los_Angeles", notes="Asked about dbt")
    _interview(clock, app, MONDAY, 9, 10, zone="America/Los_Angeles", notes="Screening")
    context = load_reference_context(link, clock.now(), TUESDAY)
    assert (context.interview_day, context.interview_round, context.interview_notes) == (
        MONDAY,
        1,
        "Asked about dbt",
    )
    # Once Thursday's has ended, it is the one.
    later = _berlin(THURSDAY, 12)
    context = load_reference_context(link, later, THURSDAY)
    assert (context.interview_day, context.interview_round, context.interview_notes) == (
        THURSDAY,
        2,
        "Not yet",
    )
    # A reminder about round 1 (a check-in) speaks of round 1, not the latest; a round
    # not held (or still to come) falls back to the latest.
    context = load_reference_context(link, later, THURSDAY, 1)
    assert (context.interview_day, context.interview_round, context.interview_notes) == (
        MONDAY,
        1,
        "Asked about dbt",
    )
    assert load_reference_context(link, later, THURSDAY, 7).interview_round == 2
    assert load_reference_context(link, clock.now(), TUESDAY, 2).interview_round == 1
    # Closed: the outcome to tell.
    change_stage(app, Stage.REJECTED, clock, TUESDAY, ClosureReason.REJECTED)
    context = load_reference_context(link, clock.now(), TUESDAY)
    assert context.stage is Stage.REJECTED
    assert (context.closure_reason, context.outcome) == (
        ClosureReason.REJECTED,
        Stage.REJECTED,
    )


def test_the_context_warns_when_the_reference_is_overused(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    priya = _person(clock)
    apps = [_app(clock, f"Company {n}") for n in range(3)]
    links = [add_reference(a, priya, ReferenceKind.REFERENCE, clock) for a in apps[:2]]
    assert load_reference_context(links[0], clock.now(), TUESDAY).overuse is None
    third = add_reference(apps[2], priya, ReferenceKind.REFERENCE, clock)
    overuse = load_reference_context(third, clock.now(), TUESDAY).overuse
    assert overuse is not None and overuse.startswith("Given to 3 employers")
    assert load_reference_context(links[0], clock.now(), TUESDAY).overuse == overuse
    # A network contact is not given: no warning for them.
    jordan = _person(clock, "Jordan Blake")
    for a in apps:
        add_reference(a, jordan, ReferenceKind.REFERENCE, clock)
    other = _app(clock, "Network Co")
    net = add_reference(other, jordan, ReferenceKind.NETWORK, clock)
    assert load_reference_context(net, clock.now(), TUESDAY).overuse is None
    with pytest.raises(ReferenceLinkError):
        load_reference_context(net + 100, clock.now(), TUESDAY)


# -- 7. contact details ------------------------------------------------------------------


def test_contact_email_and_notes(database: peewee.SqliteDatabase, clock: FakeClock) -> None:
    priya = _person(clock, email="old@globex.example")
    for bad in ("priya@", "priya.globex.example", "a@b@c.example", "p q@globex.example"):
        with pytest.raises(ContactError, match="e-mail address"):
            set_contact_email(priya, bad)
    assert Contact.get_by_id(priya).email == "old@globex.example"
    set_contact_email(priya, "  priya@globex.example ")
    assert Contact.get_by_id(priya).email == "priya@globex.example"
    set_contact_email(priya, "")
    assert Contact.get_by_id(priya).email == ""
    save_contact_notes(priya, "Introduced me to the hiring manager.\nLikes short updates.")
    assert Contact.get_by_id(priya).notes == (
        "Introduced me to the hiring manager.\nLikes short updates."
    )


def test_contacts_round_trip_the_reference_fields(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    fields = ContactFields(
        name="Priya Natarajan",
        email="priya@globex.example",
        roles=frozenset({"reference"}),
        relationship="my manager at Globex",
        speaks_to="Led the billing migration\nMentoring",
        consent_on=date(2026, 9, 1),
    )
    priya = save_contact(fields, clock)
    assert load_contact(priya) == fields
    assert reference_profile(priya) == ReferenceProfileFields(
        "my manager at Globex", "Led the billing migration\nMentoring", date(2026, 9, 1)
    )
    changed = ContactFields(
        name="Priya Natarajan",
        roles=frozenset({"reference"}),
        relationship="a former manager",
        consent_on=None,
    )
    save_contact(changed, clock, priya)
    assert load_contact(priya) == changed
    # Someone with no reference role nor details has no profile.
    plain = save_contact(ContactFields(name="Ivan", roles=frozenset({"interviewer"})), clock)
    assert ReferenceProfile.get_or_none(ReferenceProfile.contact == plain) is None
    assert load_contact(plain).relationship == "" and load_contact(plain).consent_on is None
    # The reference store's own profile writer reads back the same way.
    save_reference_profile(
        plain, ReferenceProfileFields(" a colleague ", " SQL ", date(2026, 11, 1)), clock
    )
    loaded = load_contact(plain)
    assert (loaded.relationship, loaded.speaks_to, loaded.consent_on) == (
        "a colleague",
        "SQL",
        date(2026, 11, 1),
    )


# -- 8. the demo -------------------------------------------------------------------------


def test_the_demo_has_heads_ups_coming_due_and_a_pool_of_four(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    from followthrough.demo import fill_demo

    fill_demo(clock, 40)
    now = clock.now()
    soon = [
        s
        for s in planned_reference_reminders(now + timedelta(days=2))
        if s.kind == REFERENCE_HEADS_UP
    ]
    assert any(now <= s.due_at <= now + timedelta(days=2) for s in soon)
    pool = reference_pool()
    assert {e.name for e in pool} == {
        "Priya Natarajan",
        "Sam Ortiz",
        "Dr. Helen Brandt",
        "Marcus Webb",
    }
    assert all(e.consent_on == now.date() - timedelta(days=60) for e in pool)
    assert all(e.times_given >= 1 for e in pool)
    # fill_demo planned them: the database holds reference reminders already.
    assert {r.kind for r in _open()} & {REFERENCE_HEADS_UP, REFERENCE_THANKS}
    # A reference given to many employers shows the warning somewhere.
    priya = next(e for e in pool if e.name == "Priya Natarajan")
    assert overuse_for(priya.contact_id, now.date()) is not None


def test_deleting_an_application_takes_its_uses_out_of_the_pool(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    # An application deleted takes its links (and so its uses) with it.
    priya = _person(clock)
    app = _app(clock)
    add_reference(app, priya, ReferenceKind.REFERENCE, clock)
    assert reference_pool()[0].times_given == 1
    Application.delete_by_id(app)
    assert ApplicationReference.select().count() == 0
    assert [(e.name, e.times_given) for e in reference_pool()] == [("Priya Natarajan", 0)]
