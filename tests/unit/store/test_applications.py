"""Applications: the list's summary rows, edits, deletion and one application's full record."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import peewee
import pytest

from followthrough.domain.clock import FakeClock
from followthrough.domain.interviews import InterviewDraft, PersonDraft
from followthrough.domain.next_action import NextAction
from followthrough.domain.references import ReferenceKind
from followthrough.domain.stages import ClosureReason, Stage, reasons_for
from followthrough.domain.timeframes import WindowUnit
from followthrough.store.applications import (
    ApplicationError,
    ApplicationFields,
    ApplicationSummary,
    TimelineEntry,
    application_detail,
    application_summaries,
    delete_application,
    update_application,
)
from followthrough.store.interviews import load_interview_draft, save_interview
from followthrough.store.models import (
    Application,
    ApplicationReference,
    Contact,
    ContactRole,
    Interview,
    InterviewParticipant,
    StageEvent,
)
from followthrough.store.queries import change_stage, create_application
from followthrough.store.references import add_new_person, add_reference

CHICAGO = ZoneInfo("America/Chicago")
BERLIN = ZoneInfo("Europe/Berlin")
TODAY = date(2026, 11, 20)
DANA = PersonDraft(name="Dana Lee", title="Head of Data", email="dana@acme.com")
SAM = PersonDraft(name="Sam Roe", phone="555 0100", preferred_method="phone")
KIM = PersonDraft(name="Kim Park")


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def interview(
    clock: FakeClock,
    application: Application,
    day: date,
    start: time = time(10, 0),
    people: tuple[PersonDraft, ...] = (),
    **changes: Any,
) -> int:
    draft = InterviewDraft(
        application_id=application.id,
        day=day,
        start=start,
        end=time(23, 59) if start >= time(23) else time(start.hour + 1, start.minute),
        time_zone="America/Chicago",
        people=people,
    )
    return save_interview(replace(draft, **changes), clock)


def known(interview_id: int, name: str) -> PersonDraft:
    """A person of a saved interview, as the form would offer them again."""
    return next(p for p in load_interview_draft(interview_id).people if p.name == name)


def core(action: NextAction) -> tuple[str, date | None, datetime | None]:
    return (action.text, action.due_day, action.due_at)


def summaries(clock: FakeClock, zone: ZoneInfo = CHICAGO) -> dict[str, ApplicationSummary]:
    return {s.company: s for s in application_summaries(clock.now(), zone)}


# --- the list's rows ---------------------------------------------------------------------


def test_summaries_of_applications_in_every_situation(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    acme = create_application(
        clock, "Acme", "Data Analyst", location="Chicago", applied_on=date(2026, 11, 2)
    )
    first = interview(clock, acme, date(2026, 11, 16), people=(DANA, SAM))
    interview(clock, acme, date(2026, 11, 24), people=(known(first, "Dana Lee"), KIM), round=2)
    create_application(clock, "Initech")
    globex = create_application(clock, "Globex")
    interview(clock, globex, date(2026, 11, 10), decision_on=date(2026, 11, 17))
    waiting = create_application(clock, "Waiting Co")
    interview(clock, waiting, date(2026, 11, 18), decision_on=date(2026, 12, 1))
    asked = create_application(clock, "Hooli")
    interview(clock, asked, date(2026, 11, 18))
    umbrella = create_application(clock, "Umbrella")
    interview(clock, umbrella, date(2026, 11, 25), decision_on=date(2026, 11, 1) + timedelta(30))
    change_stage(umbrella.id, Stage.REJECTED, clock, TODAY, ClosureReason.REJECTED)

    rows = summaries(clock)
    assert set(rows) == {"Acme", "Initech", "Globex", "Waiting Co", "Hooli", "Umbrella"}
    acme_row = rows["Acme"]
    assert (acme_row.application_id, acme_row.role_title, acme_row.stage) == (
        acme.id,
        "Data Analyst",
        Stage.INTERVIEWING,
    )
    assert (acme_row.applied_on, acme_row.location) == (date(2026, 11, 2), "Chicago")
    assert acme_row.last_contact == date(2026, 11, 16)
    # 10:00 in Chicago on the 24th is 16:00 UTC.
    assert core(acme_row.next_action) == ("Interview", date(2026, 11, 24), utc(2026, 11, 24, 16, 0))
    assert acme_row.next_action.kind == "interview"
    # Everyone met or to be met is searchable by name.
    for name in ("Dana Lee", "Sam Roe", "Kim Park"):
        assert name in acme_row.people

    initech = rows["Initech"]
    assert (initech.stage, initech.applied_on, initech.last_contact, initech.people) == (
        Stage.APPLIED,
        None,
        None,
        "",
    )
    assert core(initech.next_action) == ("Wait for a reply; keep applying", None, None)
    assert core(rows["Globex"].next_action) == (
        "Decision date passed: follow up",
        date(2026, 11, 17),
        None,
    )
    assert rows["Globex"].next_action.overdue
    assert rows["Globex"].last_contact == date(2026, 11, 10)
    assert core(rows["Waiting Co"].next_action) == (
        "Wait for their decision",
        date(2026, 12, 1),
        None,
    )
    assert core(rows["Hooli"].next_action) == ("Ask when they will decide", None, None)
    # Closed: nothing to do, even with an interview still in the calendar.
    assert rows["Umbrella"].stage == Stage.REJECTED
    assert rows["Umbrella"].next_action == NextAction("")


def test_last_contact_and_next_interview_are_local_days(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    acme = create_application(clock, "Acme")
    # 23:30 in Chicago on the 19th is 05:30 UTC on the 20th, 06:30 in Berlin on the 20th.
    interview(clock, acme, date(2026, 11, 19), time(23, 30))
    interview(clock, acme, date(2026, 11, 24), time(23, 30), round=2)
    chicago = summaries(clock, CHICAGO)["Acme"]
    berlin = summaries(clock, BERLIN)["Acme"]
    assert chicago.last_contact == date(2026, 11, 19)
    assert berlin.last_contact == date(2026, 11, 20)
    assert chicago.next_action.due_day == date(2026, 11, 24)
    assert berlin.next_action.due_day == date(2026, 11, 25)
    assert chicago.next_action.due_at == berlin.next_action.due_at == utc(2026, 11, 25, 5, 30)


def test_an_interview_starting_now_is_the_last_contact_not_the_next_action(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    acme = create_application(clock, "Acme")
    interview(clock, acme, TODAY, time(9, 0))  # 15:00 UTC: the fixture's "now"
    row = summaries(clock)["Acme"]
    assert row.last_contact == TODAY
    assert core(row.next_action) == ("Ask when they will decide", None, None)
    clock.set(utc(2026, 11, 20, 14, 59))
    row = summaries(clock)["Acme"]
    assert (row.last_contact, row.next_action.text) == (None, "Interview")


def test_the_latest_rounds_decision_date_decides_the_next_action(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    # Round 1: "within six weeks" (mid-December). Round 2: "by Wednesday the 18th", passed.
    acme = create_application(clock, "Acme")
    interview(
        clock,
        acme,
        date(2026, 11, 2),
        decision_within_count=6,
        decision_within_unit=WindowUnit.WEEKS,
    )
    interview(clock, acme, date(2026, 11, 16), round=2, decision_on=date(2026, 11, 18))
    assert core(summaries(clock)["Acme"].next_action) == (
        "Decision date passed: follow up",
        date(2026, 11, 18),
        None,
    )


def test_references_and_network_contacts_are_searchable_by_name(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    acme = create_application(clock, "Acme")
    globex = create_application(clock, "Globex")
    create_application(clock, "Initech")
    interview(clock, acme, date(2026, 11, 16), people=(DANA,))
    priya = add_new_person(acme.id, ReferenceKind.REFERENCE, "Priya Natarajan", clock)
    priya_id = ApplicationReference.get_by_id(priya).contact_id
    add_reference(globex.id, priya_id, ReferenceKind.REFERENCE, clock)
    add_new_person(globex.id, ReferenceKind.NETWORK, "Jordan Blake", clock)

    rows = summaries(clock)
    assert "Dana Lee" in rows["Acme"].people
    assert "Priya Natarajan" in rows["Acme"].people
    assert "Priya Natarajan" in rows["Globex"].people
    assert "Jordan Blake" in rows["Globex"].people
    assert rows["Initech"].people == ""
    # One application's row alone says the same.
    (one,) = application_summaries(clock.now(), CHICAGO, globex.id)
    assert one.people == rows["Globex"].people


def test_no_applications_no_rows(database: peewee.SqliteDatabase, clock: FakeClock) -> None:
    assert application_summaries(clock.now(), CHICAGO) == []


# --- editing -----------------------------------------------------------------------------


def test_update_application_saves_trimmed_fields(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    application = create_application(clock, "Acme")
    clock.advance(timedelta(hours=5))
    update_application(
        application.id,
        ApplicationFields(
            company="  Acme Corp ",
            role_title=" Senior Analyst ",
            posting_url=" https://jobs.acme.com/42 ",
            location=" Remote ",
            source=" referral ",
            applied_on=date(2026, 11, 3),
            notes="  Asked for a portfolio.\n",
        ),
        clock,
    )
    stored = Application.get_by_id(application.id)
    assert (stored.company, stored.role_title, stored.posting_url) == (
        "Acme Corp",
        "Senior Analyst",
        "https://jobs.acme.com/42",
    )
    assert (stored.location, stored.source, stored.applied_on) == (
        "Remote",
        "referral",
        date(2026, 11, 3),
    )
    assert stored.notes == "  Asked for a portfolio.\n"  # notes are kept as typed
    assert stored.updated_at == clock.now()
    assert stored.created_at == clock.now() - timedelta(hours=5)
    assert stored.stage == Stage.APPLIED.value
    # Clearing optional fields is saved too.
    update_application(application.id, ApplicationFields(company="Acme"), clock)
    stored = Application.get_by_id(application.id)
    assert (stored.role_title, stored.posting_url, stored.applied_on) == ("", "", None)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (ApplicationFields(company="   "), "Enter the company's name."),
        (
            ApplicationFields(company="Acme", posting_url="jobs.acme.com/42"),
            "Web addresses start with http:// or https://.",
        ),
        (
            ApplicationFields(company="", posting_url="https://acme"),
            "Enter the company's name. This does not look like a complete web address.",
        ),
    ],
)
def test_update_application_refuses_bad_fields_and_keeps_the_old_ones(
    database: peewee.SqliteDatabase, clock: FakeClock, fields: ApplicationFields, message: str
) -> None:
    application = create_application(clock, "Acme", "Analyst", posting_url="https://acme.com/1")
    clock.advance(timedelta(hours=1))
    with pytest.raises(ApplicationError) as raised:
        update_application(application.id, fields, clock)
    assert str(raised.value) == message
    stored = Application.get_by_id(application.id)
    assert (stored.company, stored.role_title, stored.posting_url) == (
        "Acme",
        "Analyst",
        "https://acme.com/1",
    )
    assert stored.updated_at == application.updated_at


def test_update_of_an_unknown_application_fails(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    with pytest.raises(peewee.DoesNotExist):
        update_application(404, ApplicationFields(company="Acme"), clock)


# --- deleting ----------------------------------------------------------------------------


def test_delete_application_takes_its_interviews_and_timeline_but_not_people(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    acme = create_application(clock, "Acme")
    other = create_application(clock, "Initech")
    first = interview(clock, acme, date(2026, 11, 16), people=(DANA, SAM))
    interview(clock, acme, date(2026, 11, 24), people=(known(first, "Dana Lee"),), round=2)
    kept = interview(clock, other, date(2026, 11, 23), people=(known(first, "Dana Lee"),))
    contacts_before = {c.id for c in Contact.select()}
    roles_before = ContactRole.select().count()

    delete_application(acme.id)

    assert [a.id for a in Application.select()] == [other.id]
    assert [i.id for i in Interview.select()] == [kept]
    assert [p.interview_id for p in InterviewParticipant.select()] == [kept]
    assert StageEvent.select().where(StageEvent.application == acme.id).count() == 0
    assert StageEvent.select().where(StageEvent.application == other.id).count() == 2
    assert {c.id for c in Contact.select()} == contacts_before
    assert ContactRole.select().count() == roles_before
    assert Application.get_by_id(other.id).stage == Stage.INTERVIEWING.value


# --- one application's record ------------------------------------------------------------


def test_application_detail_lists_interviews_people_and_a_timeline(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    clock.set(utc(2026, 11, 2, 9, 0))
    acme = create_application(
        clock, "Acme", "Data Analyst", posting_url="https://jobs.acme.com/42", source="referral"
    )
    clock.set(utc(2026, 11, 10, 12, 0))
    first = interview(
        clock, acme, date(2026, 11, 12), time(14, 0), people=(DANA, SAM), next_step="Case study"
    )
    clock.set(utc(2026, 11, 18, 12, 0))
    second = interview(
        clock,
        acme,
        date(2026, 11, 25),
        time(10, 0),
        people=(known(first, "Dana Lee"), KIM),
        round=2,
        decision_on=date(2026, 12, 4),
        format="onsite",
    )
    clock.set(utc(2026, 11, 19, 12, 0))
    change_stage(acme.id, Stage.OFFER, clock, date(2026, 11, 19))
    clock.set(utc(2026, 11, 20, 15, 0))

    detail = application_detail(acme.id, clock.now())

    assert detail.application_id == acme.id
    assert detail.fields == ApplicationFields(
        company="Acme",
        role_title="Data Analyst",
        posting_url="https://jobs.acme.com/42",
        source="referral",
    )
    assert (detail.stage, detail.closed_on, detail.closure_reason) == (Stage.OFFER, None, None)
    assert [
        (i.interview_id, i.round, i.starts_at, i.format, i.people, i.next_step, i.decision_on)
        for i in detail.interviews
    ] == [
        (first, 1, utc(2026, 11, 12, 20, 0), "video", "Dana Lee, Sam Roe", "Case study", None),
        (
            second,
            2,
            utc(2026, 11, 25, 16, 0),
            "onsite",
            "Dana Lee, Kim Park",
            "",
            date(2026, 12, 4),
        ),
    ]
    assert detail.interviews[0].time_zone == "America/Chicago"
    assert detail.interviews[0].ends_at == utc(2026, 11, 12, 21, 0)
    assert [(p.name, p.rounds) for p in detail.people] == [
        ("Dana Lee", "1, 2"),
        ("Sam Roe", "1"),
        ("Kim Park", "2"),
    ]
    dana = detail.people[0]
    assert (dana.title, dana.email, dana.phone, dana.preferred_method) == (
        "Head of Data",
        "dana@acme.com",
        "",
        None,
    )
    assert detail.people[1].preferred_method == "phone"
    assert detail.timeline == [
        TimelineEntry(utc(2026, 11, 2, 9, 0), "Added at “Applied”"),
        TimelineEntry(utc(2026, 11, 10, 12, 0), "Stage: Applied → Interviewing"),
        TimelineEntry(utc(2026, 11, 12, 20, 0), "Interview, round 1 with Dana Lee, Sam Roe"),
        TimelineEntry(utc(2026, 11, 19, 12, 0), "Stage: Interviewing → Offer"),
        TimelineEntry(
            utc(2026, 11, 25, 16, 0), "Interview planned, round 2 with Dana Lee, Kim Park"
        ),
    ]


def test_application_detail_of_a_closed_application(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    acme = create_application(clock, "Acme")
    # An interview that starts right now has happened; nobody was recorded.
    interview(clock, acme, TODAY, time(9, 0))
    clock.advance(timedelta(hours=2))
    change_stage(acme.id, Stage.REJECTED, clock, TODAY, ClosureReason.REJECTED)
    detail = application_detail(acme.id, utc(2026, 11, 20, 15, 0))
    assert (detail.stage, detail.closed_on, detail.closure_reason) == (
        Stage.REJECTED,
        TODAY,
        ClosureReason.REJECTED,
    )
    assert detail.people == []
    assert detail.interviews[0].people == ""
    assert [e.text for e in detail.timeline] == [
        "Added at “Applied”",
        "Stage: Applied → Interviewing",
        "Interview, round 1 with no interviewers recorded",
        "Stage: Interviewing → Rejected (they turned me down)",
    ]


def test_application_detail_of_a_new_application(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    acme = create_application(clock, "Acme", applied_on=TODAY)
    detail = application_detail(acme.id, clock.now())
    assert (detail.interviews, detail.people) == ([], [])
    assert detail.fields.applied_on == TODAY
    assert detail.timeline == [TimelineEntry(clock.now(), "Added at “Applied”")]
    with pytest.raises(peewee.DoesNotExist):
        application_detail(acme.id + 1, clock.now())


def test_the_last_contact_counts_logged_follow_ups(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    """A call logged after the interview is the last contact (the list showed the
    interview day; found by a walkthrough)."""
    from followthrough.domain.cadence import Channel, Outcome
    from followthrough.store.touchpoints import TouchpointInput, log_touchpoint

    app = create_application(clock, "Acme")
    start = clock.now() - timedelta(days=6)
    Interview.create(
        application=app, starts_at=start, ends_at=start + timedelta(hours=1), time_zone="UTC"
    )
    called = clock.now() - timedelta(days=1)
    log_touchpoint(
        TouchpointInput(
            app.id, Channel.PHONE, True, Outcome.STILL_CANDIDATE, None, "", None, called
        ),
        clock,
        called.date(),
    )
    (summary,) = application_summaries(clock.now(), ZoneInfo("UTC"))
    assert summary.last_contact == called.date()


@pytest.mark.parametrize(
    ("stage", "reason"),
    [(stage, reason) for stage in Stage for reason in reasons_for(stage)],
)
def test_a_closing_reason_reads_as_part_of_the_sentence(
    database: peewee.SqliteDatabase, clock: FakeClock, stage: Stage, reason: ClosureReason
) -> None:
    """Not the label lower-cased ("Withdrawn (i withdrew)"): its own words for a sentence."""
    acme = create_application(clock, "Acme")
    change_stage(acme.id, stage, clock, TODAY, reason)
    last = application_detail(acme.id, clock.now()).timeline[-1].text
    assert last.endswith(f"({reason.phrase})")
    assert " i " not in f" {reason.phrase} "
    assert reason.phrase[0].islower() or reason.phrase.startswith("I ")


def test_the_store_refuses_a_company_name_past_its_limit_naming_field_and_limit(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    from followthrough.domain.errors import UserError
    from followthrough.domain.validation import COMPANY_LIMIT

    with pytest.raises(UserError) as raised:
        create_application(clock, "A" * 5000)
    assert "company name" in str(raised.value) and f"{COMPANY_LIMIT:,}" in str(raised.value)
    application = create_application(clock, "Acme")
    with pytest.raises(ApplicationError) as refused:
        update_application(application.id, ApplicationFields(company="A" * 5000), clock)
    assert "company name" in str(refused.value) and "5,000" in str(refused.value)
    assert Application.get_by_id(application.id).company == "Acme"


def test_the_store_refuses_an_applied_on_day_ahead_of_today(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    from followthrough.domain.errors import UserError

    ahead = clock.now().date() + timedelta(days=3)
    with pytest.raises(UserError) as raised:
        create_application(clock, "Acme", applied_on=ahead)
    assert "future" in str(raised.value)
    application = create_application(clock, "Acme", applied_on=clock.now().date())
    with pytest.raises(ApplicationError):
        update_application(application.id, ApplicationFields("Acme", applied_on=ahead), clock)
    assert Application.get_by_id(application.id).applied_on == clock.now().date()
