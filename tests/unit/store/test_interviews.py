"""Saving interviews with their people: contacts made or completed, the stage moved, bad
drafts refused whole, and what was saved loaded back as it was typed."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import peewee
import pytest

from followthrough.domain.clock import FakeClock
from followthrough.domain.interviews import InterviewDraft, PersonDraft
from followthrough.domain.stages import ClosureReason, Stage
from followthrough.domain.timeframes import WindowUnit
from followthrough.store.interviews import (
    InterviewError,
    delete_interview,
    load_interview_draft,
    save_interview,
)
from followthrough.store.models import (
    Application,
    Contact,
    ContactRole,
    Interview,
    InterviewParticipant,
    StageEvent,
)
from followthrough.store.queries import change_stage, create_application

TODAY = date(2026, 11, 20)
TUESDAY = date(2026, 11, 24)
DANA = PersonDraft(
    name="Dana Lee",
    title="Head of Data",
    email="dana@acme.example.com",
    phone="+1 312 555 0100",
    linkedin_url="https://www.linkedin.com/in/danalee",
    preferred_method="email",
)
SAM = PersonDraft(name="Sam Roe", title="Engineer", preferred_method="phone")


def draft(application_id: int, **changes: Any) -> InterviewDraft:
    base = InterviewDraft(
        application_id=application_id,
        day=TUESDAY,
        start=time(10, 0),
        end=time(11, 0),
        time_zone="Europe/Berlin",
        round=1,
        format="video",
        location="https://meet.example.com/abc",
        people=(DANA, SAM),
        next_step="Case study",
        decision_within_count=2,
        decision_within_unit=WindowUnit.WEEKS,
        tells_unsuccessful=True,
        check_back_when="after two weeks",
        check_back_method="email",
        notes="Asked about dbt.",
    )
    return replace(base, **changes)


def counts() -> tuple[int, ...]:
    return tuple(
        model.select().count()
        for model in (Interview, InterviewParticipant, Contact, ContactRole, StageEvent)
    )


def participants(interview_id: int) -> dict[str, str]:
    """Name -> role in the interview."""
    query = (
        InterviewParticipant.select(InterviewParticipant, Contact)
        .join(Contact)
        .where(InterviewParticipant.interview == interview_id)
    )
    return {p.contact.name: p.role for p in query}


def roles_of(contact_id: int) -> set[str]:
    return {r.role for r in ContactRole.select().where(ContactRole.contact == contact_id)}


def test_saving_creates_the_interview_its_participants_and_their_contacts(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    application = create_application(clock, "Acme", "Data Analyst")
    interview_id = save_interview(
        draft(application.id, location="  https://meet.example.com/abc  "), clock
    )
    stored = Interview.get_by_id(interview_id)
    # 10:00 in Berlin in November is 09:00 UTC.
    assert stored.starts_at == datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    assert stored.ends_at == datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
    assert (stored.application_id, stored.time_zone, stored.round) == (
        application.id,
        "Europe/Berlin",
        1,
    )
    assert stored.location == "https://meet.example.com/abc"
    # The window is kept as said, and its end stored for the agenda.
    assert (stored.decision_within_count, stored.decision_within_unit) == (2, "weeks")
    assert stored.decision_expected_on == date(2026, 12, 8)
    assert participants(interview_id) == {"Dana Lee": "interviewer", "Sam Roe": "interviewer"}
    dana = Contact.get(Contact.name == "Dana Lee")
    assert (dana.company, dana.title, dana.email, dana.preferred_method) == (
        "Acme",
        "Head of Data",
        "dana@acme.example.com",
        "email",
    )
    assert dana.created_at == clock.now()
    for contact in Contact.select():
        assert roles_of(contact.id) == {"interviewer"}


def test_new_people_are_saved_trimmed_with_the_role_they_had(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    application = create_application(clock, "Acme")
    boss = PersonDraft(
        name="  Kim Park ", title=" CTO ", email=" kim@acme.com ", role="hiring_manager"
    )
    interview_id = save_interview(draft(application.id, people=(boss,)), clock)
    kim = Contact.get()
    assert (kim.name, kim.title, kim.email, kim.phone) == ("Kim Park", "CTO", "kim@acme.com", "")
    assert kim.preferred_method is None
    assert participants(interview_id) == {"Kim Park": "hiring_manager"}
    assert roles_of(kim.id) == {"hiring_manager"}


def test_an_existing_contact_is_reused_and_completed_but_never_blanked(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    application = create_application(clock, "Acme")
    known = Contact.create(
        name="Dana Lee",
        title="Analyst",
        company="Acme",
        email="dana@old.example.com",
        linkedin_url="https://www.linkedin.com/in/dana",
        preferred_method="phone",
        notes="Met at the meetup",
        created_at=clock.now(),
    )
    ContactRole.create(contact=known, role="recruiter")
    typed = PersonDraft(
        name="Dana",  # the form's name does not rename the contact
        contact_id=known.id,
        title="Head of Data",  # completes: a newer title
        email="",  # blank: keeps what is known
        phone=" +1 312 555 0100 ",  # completes: was missing
        linkedin_url="  ",
        preferred_method=None,
    )
    interview_id = save_interview(draft(application.id, people=(typed,)), clock)
    assert Contact.select().count() == 1
    dana = Contact.get_by_id(known.id)
    assert (dana.name, dana.title, dana.email, dana.phone) == (
        "Dana Lee",
        "Head of Data",
        "dana@old.example.com",
        "+1 312 555 0100",
    )
    assert (dana.linkedin_url, dana.preferred_method, dana.notes) == (
        "https://www.linkedin.com/in/dana",
        "phone",
        "Met at the meetup",
    )
    assert roles_of(known.id) == {"recruiter", "interviewer"}
    assert participants(interview_id) == {"Dana Lee": "interviewer"}
    # A preferred method given in the form does replace the known one.
    save_interview(
        draft(application.id, people=(replace(typed, preferred_method="either"),)), clock
    )
    assert Contact.get_by_id(known.id).preferred_method == "either"


def test_editing_drops_people_no_longer_listed_but_keeps_them_as_contacts(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    application = create_application(clock, "Acme")
    interview_id = save_interview(draft(application.id), clock)
    loaded = load_interview_draft(interview_id)
    kim = PersonDraft(name="Kim Park", email="kim@acme.com")
    edited = replace(loaded, people=(loaded.people[0], kim), round=2)
    assert save_interview(edited, clock) == interview_id
    assert Interview.select().count() == 1
    assert Interview.get_by_id(interview_id).round == 2
    assert participants(interview_id) == {"Dana Lee": "interviewer", "Kim Park": "interviewer"}
    assert {c.name for c in Contact.select()} == {"Dana Lee", "Sam Roe", "Kim Park"}
    # Emptying the list removes every participation.
    save_interview(replace(edited, people=()), clock)
    assert participants(interview_id) == {}
    assert Contact.select().count() == 3


def test_saving_a_loaded_interview_unchanged_changes_nothing(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    application = create_application(clock, "Acme")
    interview_id = save_interview(draft(application.id), clock)
    before = counts()
    loaded = load_interview_draft(interview_id)
    assert save_interview(loaded, clock) == interview_id
    assert counts() == before
    assert load_interview_draft(interview_id) == loaded


def test_editing_a_participants_role_is_saved(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    application = create_application(clock, "Acme")
    interview_id = save_interview(draft(application.id), clock)
    loaded = load_interview_draft(interview_id)
    promoted = replace(loaded.people[0], role="hiring_manager")
    save_interview(replace(loaded, people=(promoted, loaded.people[1])), clock)
    assert participants(interview_id) == {"Dana Lee": "hiring_manager", "Sam Roe": "interviewer"}
    assert load_interview_draft(interview_id).people[0].role == "hiring_manager"
    # The contact keeps the roles they have had; the new one is added.
    assert roles_of(promoted.contact_id or 0) == {"interviewer", "hiring_manager"}


def test_the_first_interview_moves_an_applied_application_to_interviewing(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    application = create_application(clock, "Acme")
    clock.advance(timedelta(days=2))
    save_interview(draft(application.id), clock)
    stored = Application.get_by_id(application.id)
    assert stored.stage == Stage.INTERVIEWING.value
    assert stored.updated_at == clock.now()
    events = list(StageEvent.select().order_by(StageEvent.id))
    assert [(e.from_stage, e.to_stage) for e in events] == [
        (None, "applied"),
        ("applied", "interviewing"),
    ]
    assert events[-1].happened_at == clock.now()
    # Later rounds and edits leave the stage and the timeline alone.
    clock.advance(timedelta(days=1))
    save_interview(draft(application.id, round=2, day=TUESDAY + timedelta(days=7)), clock)
    assert StageEvent.select().count() == 2
    assert Application.get_by_id(application.id).stage == Stage.INTERVIEWING.value


@pytest.mark.parametrize(
    ("moves", "stage"),
    [
        ([(Stage.INTERVIEWING, None)], Stage.INTERVIEWING),
        ([(Stage.OFFER, None)], Stage.OFFER),
        ([(Stage.INTERVIEWING, None), (Stage.OFFER, None)], Stage.OFFER),
        ([(Stage.REJECTED, ClosureReason.REJECTED)], Stage.REJECTED),
        ([(Stage.OFFER, None), (Stage.ACCEPTED, None)], Stage.ACCEPTED),
    ],
)
def test_an_application_past_applied_keeps_its_stage(
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    moves: list[tuple[Stage, ClosureReason | None]],
    stage: Stage,
) -> None:
    application = create_application(clock, "Acme")
    for target, reason in moves:
        change_stage(application.id, target, clock, TODAY, reason)
    events = StageEvent.select().count()
    save_interview(draft(application.id), clock)
    assert Application.get_by_id(application.id).stage == stage.value
    assert StageEvent.select().count() == events


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"time_zone": "Atlantis/Central"}, "not a time zone"),
        ({"end": time(9, 0)}, "end after it starts"),
        ({"round": 0}, "counted from 1"),
        ({"format": "carrier pigeon"}, "phone, video or on-site"),
        ({"decision_within_count": 0}, "above zero"),
        ({"decision_within_count": None, "decision_on": date(2026, 11, 1)}, "before the interview"),
        ({"location": "https://nowhere"}, "complete web address"),
        ({"people": (DANA, replace(SAM, name=""))}, "needs a name"),
        ({"people": (replace(SAM, email="sam(at)acme"),)}, "Sam Roe: This does not look like"),
        ({"people": (DANA, replace(DANA, title="Other"))}, "Dana Lee is listed twice"),
        ({"check_back_method": "fax"}, "phone, e-mail or either"),
        ({"people": (replace(SAM, preferred_method="fax"),)}, "phone, e-mail or either"),
    ],
)
def test_an_invalid_draft_is_refused_and_nothing_is_written(
    database: peewee.SqliteDatabase, clock: FakeClock, changes: dict[str, Any], fragment: str
) -> None:
    application = create_application(clock, "Acme")
    before = counts()
    with pytest.raises(InterviewError, match=fragment):
        save_interview(draft(application.id, **changes), clock)
    assert counts() == before
    assert Application.get_by_id(application.id).stage == Stage.APPLIED.value


def test_every_problem_is_in_the_message(database: peewee.SqliteDatabase, clock: FakeClock) -> None:
    application = create_application(clock, "Acme")
    with pytest.raises(InterviewError) as raised:
        save_interview(draft(application.id, round=0, format="fax"), clock)
    assert str(raised.value) == "Rounds are counted from 1. Choose phone, video or on-site."


def test_a_refused_edit_leaves_the_saved_interview_as_it_was(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    application = create_application(clock, "Acme")
    interview_id = save_interview(draft(application.id), clock)
    saved = load_interview_draft(interview_id)
    before = counts()
    with pytest.raises(InterviewError):
        save_interview(replace(saved, round=-1, people=()), clock)
    assert load_interview_draft(interview_id) == saved
    assert counts() == before


def test_a_failure_halfway_rolls_back_the_whole_save(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    # Sam is created before the unknown contact is looked up: nothing may remain of either.
    application = create_application(clock, "Acme")
    before = counts()
    ghost = PersonDraft(name="Ghost", contact_id=9999)
    with pytest.raises(peewee.DoesNotExist):
        save_interview(draft(application.id, people=(SAM, ghost)), clock)
    assert counts() == before
    assert Application.get_by_id(application.id).stage == Stage.APPLIED.value


@pytest.mark.parametrize(
    "changes",
    [
        {},  # "within 2 weeks", Berlin, every field filled
        {"decision_within_count": 5, "decision_within_unit": WindowUnit.WORKING_DAYS},
        {"decision_within_count": None, "decision_within_unit": None, "decision_on": TUESDAY},
        {"decision_within_count": None, "decision_within_unit": None},
        {"tells_unsuccessful": False, "check_back_method": None, "format": "onsite"},
        {"tells_unsuccessful": None, "people": (), "next_step": "", "notes": ""},
        # 23:30 in Chicago is already the next day in UTC; the local day comes back.
        {"time_zone": "America/Chicago", "start": time(23, 0), "end": time(23, 30)},
        # Across the DST changes: the day after Berlin springs forward...
        {"day": date(2026, 3, 29), "start": time(1, 30), "end": time(3, 30)},
        # ...and the night Chicago falls back, 01:30 happening twice.
        {"time_zone": "America/Chicago", "day": date(2026, 11, 1), "start": time(1, 30),
         "end": time(2, 30)},
        {"time_zone": "Asia/Kolkata", "start": time(9, 15), "end": time(9, 45), "round": 3},
    ],
)  # fmt: skip
def test_a_saved_interview_loads_back_as_it_was_typed(
    database: peewee.SqliteDatabase, clock: FakeClock, changes: dict[str, Any]
) -> None:
    application = create_application(clock, "Acme")
    typed = draft(application.id, **changes)
    interview_id = save_interview(typed, clock)
    loaded = load_interview_draft(interview_id)
    ids = {c.name: c.id for c in Contact.select()}
    expected = replace(
        typed,
        interview_id=interview_id,
        people=tuple(replace(p, contact_id=ids[p.name]) for p in typed.people),
    )
    assert loaded == expected
    assert loaded.starts_at().astimezone(UTC) == typed.starts_at().astimezone(UTC)
    assert loaded.decision_date() == typed.decision_date()


def test_people_load_in_the_order_they_were_added(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    application = create_application(clock, "Acme")
    people = tuple(PersonDraft(name=n) for n in ("Zoe Park", "Amir Noor", "Mia Chen"))
    interview_id = save_interview(draft(application.id, people=people), clock)
    assert [p.name for p in load_interview_draft(interview_id).people] == [
        "Zoe Park",
        "Amir Noor",
        "Mia Chen",
    ]


def test_delete_interview_removes_it_and_its_participations_only(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    application = create_application(clock, "Acme")
    first = save_interview(draft(application.id), clock)
    dana = load_interview_draft(first).people[0]
    second = save_interview(draft(application.id, round=2, people=(dana,)), clock)
    delete_interview(first)
    assert [i.id for i in Interview.select()] == [second]
    assert InterviewParticipant.select().where(InterviewParticipant.interview == first).count() == 0
    assert participants(second) == {"Dana Lee": "interviewer"}
    # People, their roles, the application and its timeline stay.
    assert {c.name for c in Contact.select()} == {"Dana Lee", "Sam Roe"}
    assert ContactRole.select().count() == 2
    assert Application.get_by_id(application.id).stage == Stage.INTERVIEWING.value
    assert StageEvent.select().count() == 2
    with pytest.raises(peewee.DoesNotExist):
        load_interview_draft(first)
