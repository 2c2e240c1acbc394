"""The Peewee models. The schema itself is created and changed by ``migrations``.

Every model binds to ``db``, a proxy set once at start-up (and per test) by
``database.open_database``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import peewee

from followthrough.domain.contacts import ContactRoleKind
from followthrough.domain.interviews import InterviewFormat
from followthrough.domain.stages import Stage
from followthrough.store.fields import UtcDateTimeField

db = peewee.DatabaseProxy()


class BaseModel(peewee.Model):
    id = peewee.AutoField()

    class Meta:
        database = db
        legacy_table_names = False


class Application(BaseModel):
    company = peewee.TextField()
    role_title = peewee.TextField(default="")
    posting_url = peewee.TextField(default="")
    location = peewee.TextField(default="")
    source = peewee.TextField(default="")
    applied_on = peewee.DateField(null=True)
    stage = peewee.TextField(default=Stage.APPLIED.value, index=True)
    closed_on = peewee.DateField(null=True)
    closure_reason = peewee.TextField(null=True)
    notes = peewee.TextField(default="")
    created_at = UtcDateTimeField()
    updated_at = UtcDateTimeField()
    intro_line = peewee.TextField(default="")


class StageEvent(BaseModel):
    """One stage change of an application, for its timeline."""

    application = peewee.ForeignKeyField(Application, backref="stage_events", on_delete="CASCADE")
    from_stage = peewee.TextField(null=True)
    to_stage = peewee.TextField()
    closure_reason = peewee.TextField(null=True)
    happened_at = UtcDateTimeField()


class Contact(BaseModel):
    name = peewee.TextField()
    title = peewee.TextField(default="")
    company = peewee.TextField(default="")
    email = peewee.TextField(default="")
    phone = peewee.TextField(default="")
    linkedin_url = peewee.TextField(default="")
    # A ContactMethod value. None: not known yet (the app then defaults to phone, see
    # docs/advice.md).
    preferred_method = peewee.TextField(null=True)
    notes = peewee.TextField(default="")
    created_at = UtcDateTimeField()


class ContactRole(BaseModel):
    contact = peewee.ForeignKeyField(Contact, backref="roles", on_delete="CASCADE")
    role = peewee.TextField()  # a ContactRoleKind value

    class Meta:
        indexes = ((("contact", "role"), True),)


class Interview(BaseModel):
    application_id: int
    application = peewee.ForeignKeyField(Application, backref="interviews", on_delete="CASCADE")
    round = peewee.IntegerField(default=1)
    starts_at = UtcDateTimeField(index=True)
    ends_at = UtcDateTimeField()
    # The IANA zone the times were entered in, to show them as the user typed them.
    time_zone = peewee.TextField()
    format = peewee.TextField(default=InterviewFormat.VIDEO.value)
    location = peewee.TextField(default="")
    next_step = peewee.TextField(default="")
    decision_expected_on = peewee.DateField(null=True, index=True)
    # "Within N days/weeks" as the interviewer said it; decision_expected_on is derived.
    decision_within_count = peewee.IntegerField(null=True)
    decision_within_unit = peewee.TextField(null=True)
    # None: not asked.
    tells_unsuccessful = peewee.BooleanField(null=True)
    check_back_when = peewee.TextField(default="")
    check_back_method = peewee.TextField(null=True)  # a ContactMethod value
    notes = peewee.TextField(default="")
    check_back_every_days = peewee.IntegerField(null=True)
    # "Check back on the 14th": the day they named (the plan follows it).
    check_back_on = peewee.DateField(null=True)
    # Their words about the decision ("in one to two weeks"), kept as said.
    decision_said = peewee.TextField(default="")


class InterviewParticipant(BaseModel):
    interview_id: int
    contact_id: int
    interview = peewee.ForeignKeyField(Interview, backref="participants", on_delete="CASCADE")
    contact = peewee.ForeignKeyField(Contact, backref="participations", on_delete="CASCADE")
    role = peewee.TextField(default=ContactRoleKind.INTERVIEWER.value)

    class Meta:
        indexes = ((("interview", "contact"), True),)


class Touchpoint(BaseModel):
    """A contact made while following up: a call, a voicemail, an email, or their reply."""

    application = peewee.ForeignKeyField(Application, backref="touchpoints", on_delete="CASCADE")
    contact = peewee.ForeignKeyField(Contact, null=True, on_delete="SET NULL")
    happened_at = UtcDateTimeField()
    channel = peewee.TextField()
    answered = peewee.BooleanField(default=False)
    outcome = peewee.TextField(default="no_news")
    new_decision_on = peewee.DateField(null=True)
    notes = peewee.TextField(default="")


class Reminder(BaseModel):
    """Something the app will remind of at ``due_at`` (or ``snoozed_until``), once.

    ``subject_key`` names what it is about, so that the same reminder is found again when
    the facts change (one row per kind and subject).
    """

    kind = peewee.TextField()
    subject_key = peewee.TextField()
    application = peewee.ForeignKeyField(
        Application, null=True, backref="reminders", on_delete="CASCADE"
    )
    # The words as planned (shown as they are for a kind without a renderer); ``params``
    # is what the kind's renderer writes them from when shown (domain.reminder_kinds).
    title = peewee.TextField()
    body = peewee.TextField(default="")
    params = peewee.TextField(default="")
    due_at = UtcDateTimeField()
    snoozed_until = UtcDateTimeField(null=True)
    fired_at = UtcDateTimeField(null=True)
    done_at = UtcDateTimeField(null=True)
    dismissed_at = UtcDateTimeField(null=True)
    delivered_via = peewee.TextField(null=True)
    delivery_error = peewee.TextField(null=True)
    # After this the occasion is over: an open reminder lapses (dismissed, never fired).
    expires_at = UtcDateTimeField(null=True)
    # Its subject is gone (the note went out): kept as it was, should the subject return.
    suspended_at = UtcDateTimeField(null=True)

    @classmethod
    def active(cls) -> Any:
        """The reminders that stand: not done, dismissed or suspended."""
        return cls.select().where(
            cls.done_at.is_null() & cls.dismissed_at.is_null() & cls.suspended_at.is_null()
        )

    class Meta:
        indexes = ((("kind", "subject_key"), True),)


class ThankYouNote(BaseModel):
    """A thank-you note to one interviewer after one interview (see domain.note_tasks)."""

    interview_id: int
    contact_id: int
    interview = peewee.ForeignKeyField(Interview, backref="thank_you_notes", on_delete="CASCADE")
    contact = peewee.ForeignKeyField(Contact, backref="thank_you_notes", on_delete="CASCADE")
    status = peewee.TextField(default="to_write")
    medium = peewee.TextField(default="email")
    tone = peewee.TextField(default="warm")
    subject = peewee.TextField(default="")
    body = peewee.TextField(default="")
    # Once the text was changed by hand, the template no longer rewrites it.
    edited_by_hand = peewee.BooleanField(default=False)
    specific_point = peewee.TextField(default="")
    wish_said = peewee.TextField(default="")
    extra = peewee.TextField(default="")
    # The follow-up date the note promises; the cadence engine takes it as the first one.
    promised_on = peewee.DateField(null=True)
    address = peewee.TextField(default="")
    checked_at = UtcDateTimeField(null=True)
    finished_at = UtcDateTimeField(null=True)
    # The day it was e-mailed, posted or dropped off.
    finished_on = peewee.DateField(null=True)
    created_at = UtcDateTimeField()
    updated_at = UtcDateTimeField()

    class Meta:
        table_name = "thank_you_note"
        indexes = ((("interview", "contact"), True),)


class Debrief(BaseModel):
    """What the candidate wrote down after one interview (``domain.debriefs``)."""

    interview_id: int
    interview = peewee.ForeignKeyField(
        Interview, backref="debriefs", on_delete="CASCADE", unique=True
    )
    went_well = peewee.TextField(default="")
    to_improve = peewee.TextField(default="")
    meant_to_say = peewee.TextField(default="")
    rating = peewee.IntegerField(null=True)
    written_at = UtcDateTimeField()
    updated_at = UtcDateTimeField()


class Offer(BaseModel):
    """A written offer for one application (``domain.offers``): the terms as typed."""

    application_id: int
    application = peewee.ForeignKeyField(
        Application, backref="offers", on_delete="CASCADE", unique=True
    )
    salary = peewee.TextField(default="")
    bonus = peewee.TextField(default="")
    benefits = peewee.TextField(default="")
    location = peewee.TextField(default="")
    answer_by = peewee.DateField(null=True)
    answer_by_time = peewee.TextField(null=True)  # "HH:MM" on the clock of answer_by_zone
    # The IANA zone the deadline was given in (``domain.offers.record.answer_deadline``).
    answer_by_zone = peewee.TextField(null=True)  # None: not known, the user's clock
    status = peewee.TextField(default="open")  # an OfferStatus value
    answered_on = peewee.DateField(null=True)
    start_on = peewee.DateField(null=True)
    created_at = UtcDateTimeField()
    updated_at = UtcDateTimeField()


class DebriefQuestion(BaseModel):
    debrief_id: int
    debrief = peewee.ForeignKeyField(Debrief, backref="questions", on_delete="CASCADE")
    position = peewee.IntegerField()
    question = peewee.TextField()
    answer = peewee.TextField(default="")
    how_it_went = peewee.TextField(null=True)  # a HowItWent value
    themes = peewee.TextField(default="")  # the user's tags, comma-separated
    best = peewee.BooleanField(default=False)
    practise = peewee.BooleanField(default=False)

    class Meta:
        table_name = "debrief_question"


class DebriefTold(BaseModel):
    debrief_id: int
    debrief = peewee.ForeignKeyField(Debrief, backref="told", on_delete="CASCADE")
    position = peewee.IntegerField()
    topic = peewee.TextField()  # a ToldTopic value
    said = peewee.TextField()
    told_to = peewee.TextField(default="")

    class Meta:
        table_name = "debrief_told"


class DebriefSkill(BaseModel):
    debrief_id: int
    debrief = peewee.ForeignKeyField(Debrief, backref="skills", on_delete="CASCADE")
    position = peewee.IntegerField()
    name = peewee.TextField()
    practise_by = peewee.DateField(null=True)
    done = peewee.BooleanField(default=False)

    class Meta:
        table_name = "debrief_skill"


class PersonalWord(peewee.Model):
    word = peewee.TextField(primary_key=True)

    class Meta:
        database = db
        table_name = "personal_word"


class ReferenceProfile(peewee.Model):
    """What makes a person a good reference: how they know the user, what they can speak
    to, and when they agreed to be one."""

    contact = peewee.ForeignKeyField(
        Contact, primary_key=True, backref="reference_profiles", on_delete="CASCADE"
    )
    relationship = peewee.TextField(default="")
    speaks_to = peewee.TextField(default="")
    consent_on = peewee.DateField(null=True)
    updated_at = UtcDateTimeField()

    class Meta:
        database = db
        table_name = "reference_profile"


class ApplicationReference(BaseModel):
    """A reference given to one employer (or a network contact there), and each step of
    keeping them in the loop: heads-up, contacted, thanked, told the outcome."""

    application_id: int
    contact_id: int
    application = peewee.ForeignKeyField(Application, backref="references", on_delete="CASCADE")
    contact = peewee.ForeignKeyField(Contact, backref="given_as_reference", on_delete="CASCADE")
    kind = peewee.TextField(default="reference")
    given_on = peewee.DateField(null=True)
    emphasis = peewee.TextField(default="")
    resume_path = peewee.TextField(default="")
    heads_up_at = UtcDateTimeField(null=True)
    heads_up_via = peewee.TextField(null=True)
    contacted_on = peewee.DateField(null=True)
    contacted_by = peewee.TextField(null=True)
    contacted_logged_at = UtcDateTimeField(null=True)
    thanked_on = peewee.DateField(null=True)
    outcome_told_on = peewee.DateField(null=True)
    checked_in_at = UtcDateTimeField(null=True)
    created_at = UtcDateTimeField()
    updated_at = UtcDateTimeField()

    class Meta:
        table_name = "application_reference"
        indexes = ((("application", "contact"), True),)


class RejectionStep(BaseModel):
    """One step of the playbook after a rejection (``domain.rejection``): its state, and
    for the revisit step the months chosen for its reminder."""

    application_id: int
    application = peewee.ForeignKeyField(
        Application, backref="rejection_steps", on_delete="CASCADE"
    )
    step_key = peewee.TextField()
    state = peewee.TextField(default="todo")
    months = peewee.IntegerField(null=True)
    updated_at = UtcDateTimeField()

    class Meta:
        table_name = "rejection_step"
        indexes = ((("application", "step_key"), True),)


class Setting(BaseModel):
    key = peewee.TextField(primary_key=True)
    value = peewee.TextField()


def rows_of(query: Any) -> list[tuple[Any, ...]]:
    """A select query's rows as plain tuples (Peewee converts each field's value)."""
    rows: Iterable[tuple[Any, ...]] = query.tuples()
    return list(rows)
