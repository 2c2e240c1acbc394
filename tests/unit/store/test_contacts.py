"""People: saving with roles, checks on what was typed, deletion, history and the chooser."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import peewee
import pytest

from followthrough.domain.clock import FakeClock
from followthrough.domain.interviews import InterviewDraft, PersonDraft
from followthrough.store.contacts import (
    ContactCard,
    ContactError,
    ContactFields,
    HistoryLine,
    contact_choices,
    contact_history,
    contact_problems,
    delete_contact,
    load_contact,
    save_contact,
)
from followthrough.store.interviews import save_interview
from followthrough.store.models import (
    Application,
    Contact,
    ContactRole,
    Interview,
    InterviewParticipant,
)
from followthrough.store.queries import create_application

DANA = ContactFields(
    name="Dana Lee",
    title="Head of Data",
    company="Acme",
    email="dana@acme.com",
    phone="+1 312 555 0100",
    linkedin_url="https://www.linkedin.com/in/danalee",
    preferred_method="email",
    notes="Met at the analytics meetup.",
    roles=frozenset({"interviewer", "hiring_manager"}),
)


def interview_with(
    clock: FakeClock,
    application: Application,
    day: date,
    people: tuple[PersonDraft, ...],
    round_: int = 1,
) -> int:
    return save_interview(
        InterviewDraft(
            application_id=application.id,
            day=day,
            start=time(10),
            end=time(11),
            time_zone="UTC",
            round=round_,
            people=people,
        ),
        clock,
    )


def test_a_saved_contact_loads_back_with_its_roles(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    contact_id = save_contact(DANA, clock)
    assert load_contact(contact_id) == DANA
    assert Contact.get_by_id(contact_id).created_at == clock.now()


def test_saving_trims_everything_but_the_notes(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    typed = ContactFields(
        name="  Sam Roe ",
        title=" Engineer ",
        company=" Acme ",
        email=" sam@acme.com ",
        phone=" 555 0100 ",
        linkedin_url=" https://linkedin.com/in/sam ",
        notes="  indented\n",
    )
    loaded = load_contact(save_contact(typed, clock))
    assert loaded == ContactFields(
        name="Sam Roe",
        title="Engineer",
        company="Acme",
        email="sam@acme.com",
        phone="555 0100",
        linkedin_url="https://linkedin.com/in/sam",
        preferred_method=None,
        notes="  indented\n",
        roles=frozenset(),
    )


def test_editing_a_contact_changes_its_details_and_roles(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    contact_id = save_contact(DANA, clock)
    created = Contact.get_by_id(contact_id).created_at
    clock.advance(timedelta(days=1))
    edited = replace(
        DANA,
        title="VP Data",
        email="",
        preferred_method=None,
        roles=frozenset({"hiring_manager", "reference"}),
    )
    assert save_contact(edited, clock, contact_id) == contact_id
    assert load_contact(contact_id) == edited
    assert Contact.select().count() == 1
    assert Contact.get_by_id(contact_id).created_at == created
    # Taking every role away leaves none.
    save_contact(replace(edited, roles=frozenset()), clock, contact_id)
    assert load_contact(contact_id).roles == frozenset()
    assert ContactRole.select().count() == 0


def test_roles_belong_to_their_own_contact(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    dana = save_contact(DANA, clock)
    sam = save_contact(ContactFields(name="Sam Roe", roles=frozenset({"reference"})), clock)
    save_contact(replace(DANA, roles=frozenset({"recruiter"})), clock, dana)
    assert load_contact(dana).roles == {"recruiter"}
    assert load_contact(sam).roles == {"reference"}


@pytest.mark.parametrize(
    ("changes", "key", "message"),
    [
        ({"name": "  "}, "name", "Enter the person's name."),
        ({"email": "dana at acme"}, "email", "This does not look like an e-mail address"),
        ({"email": "dana@@acme.com"}, "email", "This does not look like an e-mail address"),
        ({"linkedin_url": "linkedin.com/in/dana"}, "linkedin_url", "start with http"),
        (
            {"roles": frozenset({"interviewer", "boss", "ally"})},
            "roles",
            "Unknown roles: ally, boss.",
        ),
        ({"preferred_method": "fax"}, "preferred_method", "phone, e-mail or either"),
    ],
)
def test_invalid_contacts_are_refused_and_nothing_is_written(
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    changes: dict[str, object],
    key: str,
    message: str,
) -> None:
    fields = replace(DANA, **changes)  # type: ignore[arg-type]
    problems = contact_problems(fields)
    assert list(problems) == [key]
    assert message in problems[key]
    with pytest.raises(ContactError, match=message):
        save_contact(fields, clock)
    assert (Contact.select().count(), ContactRole.select().count()) == (0, 0)
    # An edit that is refused leaves the saved contact as it was.
    contact_id = save_contact(DANA, clock)
    with pytest.raises(ContactError):
        save_contact(fields, clock, contact_id)
    assert load_contact(contact_id) == DANA


def test_every_problem_is_named(database: peewee.SqliteDatabase) -> None:
    problems = contact_problems(
        ContactFields(name="", email="x", linkedin_url="www", roles=frozenset({"x"}))
    )
    assert set(problems) == {"name", "email", "linkedin_url", "roles"}
    assert contact_problems(DANA) == {}
    assert contact_problems(ContactFields(name="Dana")) == {}


def test_delete_contact_removes_their_places_in_interviews_but_not_the_interviews(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    acme = create_application(clock, "Acme")
    dana = save_contact(DANA, clock)
    interview_id = interview_with(
        clock,
        acme,
        date(2026, 11, 16),
        (PersonDraft(name="Dana Lee", contact_id=dana), PersonDraft(name="Sam Roe")),
    )
    delete_contact(dana)
    assert [c.name for c in Contact.select()] == ["Sam Roe"]
    assert ContactRole.select().where(ContactRole.contact == dana).count() == 0
    assert [i.id for i in Interview.select()] == [interview_id]
    remaining = InterviewParticipant.select(InterviewParticipant, Contact).join(Contact)
    assert [p.contact.name for p in remaining] == ["Sam Roe"]
    assert contact_history(dana) == []


def test_contact_history_lists_every_interview_newest_first(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    acme = create_application(clock, "Acme", "Data Analyst")
    initech = create_application(clock, "Initech")
    dana = save_contact(DANA, clock)
    as_interviewer = PersonDraft(name="Dana Lee", contact_id=dana)
    as_manager = replace(as_interviewer, role="hiring_manager")
    interview_with(clock, acme, date(2026, 11, 2), (as_interviewer,))
    interview_with(clock, initech, date(2026, 11, 24), (as_manager,))
    interview_with(clock, acme, date(2026, 11, 16), (as_interviewer,), round_=2)
    interview_with(clock, acme, date(2026, 11, 18), (PersonDraft(name="Sam Roe"),), round_=3)
    assert contact_history(dana) == [
        HistoryLine(
            initech.id, "Initech", "", 1, datetime(2026, 11, 24, 10, tzinfo=UTC), "hiring_manager"
        ),
        HistoryLine(
            acme.id, "Acme", "Data Analyst", 2, datetime(2026, 11, 16, 10, tzinfo=UTC),
            "interviewer",
        ),
        HistoryLine(
            acme.id, "Acme", "Data Analyst", 1, datetime(2026, 11, 2, 10, tzinfo=UTC),
            "interviewer",
        ),
    ]  # fmt: skip
    assert contact_history(save_contact(ContactFields(name="Nobody"), clock)) == []


def test_contact_choices_are_sorted_by_name(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    for fields in (
        ContactFields(name="Sam Roe", phone="555 0100", preferred_method="phone"),
        replace(DANA, roles=frozenset()),
        ContactFields(name="de Vries, Anna", company="Initech"),
        ContactFields(name="Zoe Park", title="Recruiter"),
        ContactFields(name="amir Noor"),
    ):
        save_contact(fields, clock)
    choices = contact_choices()
    # Sorted the way a person reads a list: capitals do not jump ahead.
    assert [c.name for c in choices] == [
        "amir Noor",
        "Dana Lee",
        "de Vries, Anna",
        "Sam Roe",
        "Zoe Park",
    ]
    dana = choices[1]
    assert dana == ContactCard(
        contact_id=dana.contact_id,
        name="Dana Lee",
        title="Head of Data",
        company="Acme",
        email="dana@acme.com",
        phone="+1 312 555 0100",
        preferred_method="email",
    )


def test_no_contacts_no_choices(database: peewee.SqliteDatabase) -> None:
    assert contact_choices() == []


def test_a_contact_with_a_phone_that_is_no_number_or_a_long_name_is_refused(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    from followthrough.domain.validation import NAME_LIMIT

    with pytest.raises(ContactError) as raised:
        save_contact(ContactFields("Dana Lee", phone="abc"), clock)
    assert "phone number" in str(raised.value)
    with pytest.raises(ContactError) as too_long:
        save_contact(ContactFields("D" * 500), clock)
    assert "name" in str(too_long.value) and f"{NAME_LIMIT:,}" in str(too_long.value)
    assert save_contact(ContactFields("Dana Lee", phone="+1 (555) 123-4567 ext. 8"), clock)


def test_a_contact_whose_stored_phone_predates_the_rules_can_still_be_saved(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    contact_id = save_contact(DANA, clock)
    Contact.update(phone="ask reception").where(Contact.id == contact_id).execute()
    # The phone as stored is kept; the rest of the edit is saved.
    save_contact(replace(load_contact(contact_id), title="CTO"), clock, contact_id)
    assert load_contact(contact_id).title == "CTO"
    assert load_contact(contact_id).phone == "ask reception"
    # A changed phone number is checked.
    with pytest.raises(ContactError, match="phone number"):
        save_contact(replace(load_contact(contact_id), phone="ask Dana"), clock, contact_id)
    # A new contact with that phone is refused.
    with pytest.raises(ContactError, match="phone number"):
        save_contact(replace(DANA, phone="ask reception"), clock)


def test_an_interviewer_whose_stored_phone_predates_the_rules_can_still_be_saved(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    app = create_application(clock, "Acme", "Data Engineer")
    contact_id = save_contact(DANA, clock)
    Contact.update(phone="ask reception").where(Contact.id == contact_id).execute()
    person = PersonDraft(name="Dana Lee", phone="ask reception", contact_id=contact_id)
    start = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
    interview = InterviewDraft(
        application_id=app.id,
        day=start.date(),
        start=time(10, 0),
        end=time(11, 0),
        time_zone="Europe/Berlin",
        people=(person,),
    )
    assert save_interview(interview, clock)
    changed = replace(interview, people=(replace(person, phone="ask Dana"),))
    with pytest.raises(Exception, match="phone number"):
        save_interview(changed, clock)
