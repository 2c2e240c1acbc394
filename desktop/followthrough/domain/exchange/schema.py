"""The JSON exchange format: every object and field, as one declarative table.

The exporter writes from it, the importer checks against it, and
``docs/data-format.md`` describes it (a test keeps the document and this table in step).
Each object maps to one table of the database; each field to one column. Objects that
belong to one other object are written inside it (an application's interviews, an
interview's debrief); objects others refer to carry an ``id``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Final

from followthrough.domain.contacts import ContactMethod, ContactRoleKind
from followthrough.domain.debriefs.record import HowItWent, ToldTopic
from followthrough.domain.interviews import InterviewFormat
from followthrough.domain.note_tasks import NoteMedium, NoteStatus
from followthrough.domain.notes import Tone
from followthrough.domain.offers.record import OfferStatus
from followthrough.domain.references import ContactedBy, ReferenceKind
from followthrough.domain.rejection import StepState
from followthrough.domain.stages import ClosureReason, Stage
from followthrough.domain.wording import QT_TRANSLATE_NOOP

# What the file says it is, and the version of the format it follows ("MAJOR.MINOR").
FORMAT_NAME: Final = "follow-through"
MAJOR_VERSION: Final = 1
MINOR_VERSION: Final = 1
VERSION_TEXT: Final = f"{MAJOR_VERSION}.{MINOR_VERSION}"


class Kind(Enum):
    """How a field's value is written in the file."""

    TEXT = "text"  # any string (stored as plain text, whatever it holds)
    NAME = "name"  # a string that is not blank
    INSTANT = "instant"  # "2026-11-20T15:00:00Z": UTC, ISO 8601, to the second
    DAY = "day"  # "2026-11-20"
    CLOCK = "clock"  # "09:30"
    ZONE = "zone"  # an IANA time zone name: "Europe/Berlin"
    INT = "int"  # a whole number
    BOOL = "bool"  # true or false
    CHOICE = "choice"  # one string of a fixed list
    ID = "id"  # a whole number from 1, unique among objects of its kind in the file
    REF = "ref"  # the id of another object in the file


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: Final = _Required()


@dataclass(frozen=True)
class FieldSpec:
    name: str  # in the file
    kind: Kind
    column: str = ""  # in the table, when it differs from ``name``
    nullable: bool = False
    default: object = REQUIRED  # taken when the field is missing from a file
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    refers_to: str = ""  # for a REF: the object whose ids it names

    @property
    def db_column(self) -> str:
        return self.column or self.name

    @property
    def required(self) -> bool:
        return self.default is REQUIRED


@dataclass(frozen=True)
class ObjectSpec:
    """One kind of object: its table, fields and the objects written inside it."""

    name: str  # how the format document and the messages name one ("interview")
    table: str
    label: str  # the same, marked for translation in the "exchange" context
    fields: tuple[FieldSpec, ...]
    children: tuple[ChildSpec, ...] = ()
    # The column of the table that names the parent object (set for children).
    parent_column: str = ""
    # Field whose value a message shows beside the object's number ("Acme").
    title_field: str = ""
    # Sets of columns (the parent's included) that no two objects may share.
    unique: tuple[tuple[str, ...], ...] = ()
    # The order the exporter lists the table's rows in (SQL, within the parent).
    order_by: str = "id"
    # A list of plain values rather than objects: the one field each value is.
    scalar: bool = False
    # Text in ``unique`` compared as SQLite's NOCASE does (A-Z folded, nothing else).
    nocase: bool = False

    def field(self, name: str) -> FieldSpec:
        for spec in self.fields:
            if spec.name == name:
                return spec
        raise KeyError(name)

    @property
    def has_id(self) -> bool:
        return any(spec.kind is Kind.ID for spec in self.fields)


@dataclass(frozen=True)
class ChildSpec:
    key: str  # the member of the parent object that holds it
    spec: ObjectSpec
    many: bool = True  # a list; else one object or null


@dataclass(frozen=True)
class TopLevel:
    key: str
    spec: ObjectSpec


def _choices(values: type[Enum]) -> tuple[str, ...]:
    return tuple(str(member.value) for member in values)


def _text(name: str, column: str = "") -> FieldSpec:
    return FieldSpec(name, Kind.TEXT, column, default="")


def _maybe(name: str, kind: Kind, column: str = "", **extra: object) -> FieldSpec:
    return FieldSpec(name, kind, column, nullable=True, default=None, **extra)  # type: ignore[arg-type]


def _instant(name: str) -> FieldSpec:
    return FieldSpec(name, Kind.INSTANT)


def _choice(name: str, values: type[Enum], default: object = REQUIRED) -> FieldSpec:
    return FieldSpec(name, Kind.CHOICE, default=default, choices=_choices(values))


def _maybe_choice(name: str, values: type[Enum]) -> FieldSpec:
    return FieldSpec(name, Kind.CHOICE, nullable=True, default=None, choices=_choices(values))


def _flag(name: str) -> FieldSpec:
    return FieldSpec(name, Kind.BOOL, default=False)


ID = FieldSpec("id", Kind.ID)

ROLE = ObjectSpec(
    "role",
    "contact_role",
    QT_TRANSLATE_NOOP("exchange", "role"),
    (FieldSpec("role", Kind.CHOICE, choices=_choices(ContactRoleKind)),),
    parent_column="contact_id",
    unique=(("contact_id", "role"),),
    scalar=True,
)

REFERENCE_PROFILE = ObjectSpec(
    "reference profile",
    "reference_profile",
    QT_TRANSLATE_NOOP("exchange", "reference profile"),
    (
        _text("relationship"),
        _text("speaks_to"),
        _maybe("consent_on", Kind.DAY),
        _instant("updated_at"),
    ),
    parent_column="contact_id",
    order_by="contact_id",
)

PERSON = ObjectSpec(
    "person",
    "contact",
    QT_TRANSLATE_NOOP("exchange", "person"),
    (
        ID,
        FieldSpec("name", Kind.NAME),
        _text("title"),
        _text("company"),
        _text("email"),
        _text("phone"),
        _text("linkedin_url"),
        _maybe_choice("preferred_method", ContactMethod),
        _text("notes"),
        _instant("created_at"),
    ),
    children=(
        ChildSpec("roles", ROLE),
        ChildSpec("reference_profile", REFERENCE_PROFILE, many=False),
    ),
    title_field="name",
)


def _person(name: str = "person_id", nullable: bool = False) -> FieldSpec:
    if nullable:
        return FieldSpec(
            name, Kind.REF, "contact_id", nullable=True, default=None, refers_to="person"
        )
    return FieldSpec(name, Kind.REF, "contact_id", refers_to="person")


STAGE_EVENT = ObjectSpec(
    "stage change",
    "stage_event",
    QT_TRANSLATE_NOOP("exchange", "stage change"),
    (
        _maybe_choice("from_stage", Stage),
        _choice("to_stage", Stage),
        _maybe_choice("closure_reason", ClosureReason),
        _instant("happened_at"),
    ),
    parent_column="application_id",
)

TOUCHPOINT = ObjectSpec(
    "touchpoint",
    "touchpoint",
    QT_TRANSLATE_NOOP("exchange", "touchpoint"),
    (
        _person(nullable=True),
        _instant("happened_at"),
        FieldSpec("channel", Kind.CHOICE, choices=("phone", "voicemail", "email", "reply")),
        _flag("answered"),
        FieldSpec(
            "outcome",
            Kind.CHOICE,
            default="no_news",
            choices=("no_news", "still_candidate", "new_timeframe", "filled"),
        ),
        _maybe("new_decision_on", Kind.DAY),
        _text("notes"),
    ),
    parent_column="application_id",
)

REFERENCE = ObjectSpec(
    "reference",
    "application_reference",
    QT_TRANSLATE_NOOP("exchange", "reference"),
    (
        ID,
        _person(),
        _choice("kind", ReferenceKind, default="reference"),
        _maybe("given_on", Kind.DAY),
        _text("emphasis"),
        _text("resume_path"),
        _maybe("heads_up_at", Kind.INSTANT),
        _maybe("heads_up_via", Kind.TEXT),
        _maybe("contacted_on", Kind.DAY),
        _maybe_choice("contacted_by", ContactedBy),
        _maybe("contacted_logged_at", Kind.INSTANT),
        _maybe("thanked_on", Kind.DAY),
        _maybe("outcome_told_on", Kind.DAY),
        _maybe("checked_in_at", Kind.INSTANT),
        _instant("created_at"),
        _instant("updated_at"),
    ),
    parent_column="application_id",
    unique=(("application_id", "contact_id"),),
)

OFFER = ObjectSpec(
    "offer",
    "offer",
    QT_TRANSLATE_NOOP("exchange", "offer"),
    (
        _text("salary"),
        _text("bonus"),
        _text("benefits"),
        _text("location"),
        _maybe("answer_by", Kind.DAY),
        _maybe("answer_by_time", Kind.CLOCK),
        # Since 1.1; null (a file without it): the importing user's zone
        # (``store.exchange.importing``).
        _maybe("answer_by_zone", Kind.ZONE),
        _choice("status", OfferStatus, default="open"),
        _maybe("answered_on", Kind.DAY),
        _maybe("start_on", Kind.DAY),
        _instant("created_at"),
        _instant("updated_at"),
    ),
    parent_column="application_id",
)

REJECTION_STEP = ObjectSpec(
    "playbook step",
    "rejection_step",
    QT_TRANSLATE_NOOP("exchange", "playbook step"),
    (
        FieldSpec("step", Kind.NAME, "step_key"),
        _choice("state", StepState, default="todo"),
        _maybe("months", Kind.INT, minimum=1, maximum=24),
        _instant("updated_at"),
    ),
    parent_column="application_id",
    title_field="step",
    unique=(("application_id", "step_key"),),
)

PARTICIPANT = ObjectSpec(
    "participant",
    "interview_participant",
    QT_TRANSLATE_NOOP("exchange", "participant"),
    (_person(), _choice("role", ContactRoleKind, default="interviewer")),
    parent_column="interview_id",
    unique=(("interview_id", "contact_id"),),
)

NOTE = ObjectSpec(
    "thank-you note",
    "thank_you_note",
    QT_TRANSLATE_NOOP("exchange", "thank-you note"),
    (
        _person(),
        _choice("status", NoteStatus, default="to_write"),
        _choice("medium", NoteMedium, default="email"),
        _choice("tone", Tone, default="warm"),
        _text("subject"),
        _text("body"),
        _flag("edited_by_hand"),
        _text("specific_point"),
        _text("wish_said"),
        _text("extra"),
        _maybe("promised_on", Kind.DAY),
        _text("address"),
        _maybe("checked_at", Kind.INSTANT),
        _maybe("finished_at", Kind.INSTANT),
        _maybe("finished_on", Kind.DAY),
        _instant("created_at"),
        _instant("updated_at"),
    ),
    parent_column="interview_id",
    unique=(("interview_id", "contact_id"),),
)

QUESTION = ObjectSpec(
    "question",
    "debrief_question",
    QT_TRANSLATE_NOOP("exchange", "question"),
    (
        FieldSpec("position", Kind.INT, minimum=0),
        _text("question"),
        _text("answer"),
        _maybe_choice("how_it_went", HowItWent),
        _text("themes"),
        _flag("best"),
        _flag("practise"),
    ),
    parent_column="debrief_id",
    order_by="position, id",
)

TOLD = ObjectSpec(
    "what was told",
    "debrief_told",
    QT_TRANSLATE_NOOP("exchange", "what was told"),
    (
        FieldSpec("position", Kind.INT, minimum=0),
        _choice("topic", ToldTopic),
        _text("said"),
        _text("told_to"),
    ),
    parent_column="debrief_id",
    order_by="position, id",
)

SKILL = ObjectSpec(
    "skill",
    "debrief_skill",
    QT_TRANSLATE_NOOP("exchange", "skill"),
    (
        FieldSpec("position", Kind.INT, minimum=0),
        _text("name"),
        _maybe("practise_by", Kind.DAY),
        _flag("done"),
    ),
    parent_column="debrief_id",
    order_by="position, id",
)

DEBRIEF = ObjectSpec(
    "debrief",
    "debrief",
    QT_TRANSLATE_NOOP("exchange", "debrief"),
    (
        _text("went_well"),
        _text("to_improve"),
        _text("meant_to_say"),
        _maybe("rating", Kind.INT, minimum=1, maximum=5),
        _instant("written_at"),
        _instant("updated_at"),
    ),
    children=(
        ChildSpec("questions", QUESTION),
        ChildSpec("told", TOLD),
        ChildSpec("skills", SKILL),
    ),
    parent_column="interview_id",
)

PREP_TICK = ObjectSpec(
    "preparation tick",
    "prep_tick",
    QT_TRANSLATE_NOOP("exchange", "preparation tick"),
    (FieldSpec("item", Kind.NAME), _instant("ticked_at")),
    parent_column="interview_id",
    title_field="item",
    unique=(("interview_id", "item"),),
    order_by="item",
)

INTERVIEW = ObjectSpec(
    "interview",
    "interview",
    QT_TRANSLATE_NOOP("exchange", "interview"),
    (
        ID,
        FieldSpec("round", Kind.INT, default=1, minimum=1),
        _instant("starts_at"),
        _instant("ends_at"),
        FieldSpec("time_zone", Kind.ZONE),
        _choice("format", InterviewFormat, default="video"),
        _text("location"),
        _text("next_step"),
        _maybe("decision_expected_on", Kind.DAY),
        _maybe("decision_within_count", Kind.INT, minimum=1),
        FieldSpec(
            "decision_within_unit",
            Kind.CHOICE,
            nullable=True,
            default=None,
            choices=("days", "working_days", "weeks"),
        ),
        _text("decision_said"),
        _maybe("tells_unsuccessful", Kind.BOOL),
        _text("check_back_when"),
        _maybe_choice("check_back_method", ContactMethod),
        _maybe("check_back_every_days", Kind.INT, minimum=1),
        _maybe("check_back_on", Kind.DAY),
        _text("notes"),
    ),
    children=(
        ChildSpec("participants", PARTICIPANT),
        ChildSpec("thank_you_notes", NOTE),
        ChildSpec("debrief", DEBRIEF, many=False),
        ChildSpec("preparation_ticks", PREP_TICK),
    ),
    parent_column="application_id",
)

APPLICATION = ObjectSpec(
    "application",
    "application",
    QT_TRANSLATE_NOOP("exchange", "application"),
    (
        ID,
        FieldSpec("company", Kind.NAME),
        _text("role_title"),
        _text("posting_url"),
        _text("location"),
        _text("source"),
        _maybe("applied_on", Kind.DAY),
        _choice("stage", Stage, default="applied"),
        _maybe("closed_on", Kind.DAY),
        _maybe_choice("closure_reason", ClosureReason),
        _text("notes"),
        _text("intro_line"),
        _instant("created_at"),
        _instant("updated_at"),
    ),
    children=(
        ChildSpec("stage_history", STAGE_EVENT),
        ChildSpec("interviews", INTERVIEW),
        ChildSpec("touchpoints", TOUCHPOINT),
        ChildSpec("references", REFERENCE),
        ChildSpec("offer", OFFER, many=False),
        ChildSpec("rejection_steps", REJECTION_STEP),
    ),
    title_field="company",
)

REMINDER = ObjectSpec(
    "reminder",
    "reminder",
    QT_TRANSLATE_NOOP("exchange", "reminder"),
    (
        FieldSpec("kind", Kind.NAME),
        FieldSpec("subject", Kind.NAME, "subject_key"),
        FieldSpec("application_id", Kind.REF, nullable=True, default=None, refers_to="application"),
        _text("title"),
        _text("body"),
        _text("params"),
        _instant("due_at"),
        _maybe("snoozed_until", Kind.INSTANT),
        _maybe("fired_at", Kind.INSTANT),
        _maybe("done_at", Kind.INSTANT),
        _maybe("dismissed_at", Kind.INSTANT),
        _maybe("expires_at", Kind.INSTANT),
        _maybe("suspended_at", Kind.INSTANT),
        _maybe("delivered_via", Kind.TEXT),
        _maybe("delivery_error", Kind.TEXT),
    ),
    title_field="kind",
    unique=(("kind", "subject_key"),),
)

PERSONAL_WORD = ObjectSpec(
    "personal word",
    "personal_word",
    QT_TRANSLATE_NOOP("exchange", "personal word"),
    (FieldSpec("word", Kind.NAME),),
    title_field="word",
    unique=(("word",),),
    order_by="word",
    scalar=True,
    # The table's key compares words as SQLite's NOCASE does.
    nocase=True,
)

SETTING = ObjectSpec(
    "setting",
    "setting",
    QT_TRANSLATE_NOOP("exchange", "setting"),
    (FieldSpec("key", Kind.NAME), FieldSpec("value", Kind.TEXT)),
    title_field="key",
    unique=(("key",),),
    order_by="key",
)

# The members of the file's top object that hold records, in the order they are written
# and imported (people first: the rest names them).
TOP_LEVEL: tuple[TopLevel, ...] = (
    TopLevel("people", PERSON),
    TopLevel("applications", APPLICATION),
    TopLevel("reminders", REMINDER),
    TopLevel("personal_words", PERSONAL_WORD),
    TopLevel("settings", SETTING),
)

# The members that describe the file itself.
HEADER_KEYS = ("format", "version", "exported_at", "exported_by")

# Objects by the name a REF field gives in ``refers_to``.
REFERRED: dict[str, ObjectSpec] = {
    "person": PERSON,
    "application": APPLICATION,
}


@dataclass(frozen=True)
class Placed:
    """An object kind where it sits in the file, with its parent's kind."""

    spec: ObjectSpec
    parent: ObjectSpec | None
    key: str
    many: bool


def every_object() -> list[Placed]:
    """Every kind of object, parents before their children, in the order of the file."""
    found: list[Placed] = []

    def walk(spec: ObjectSpec, parent: ObjectSpec | None, key: str, many: bool) -> None:
        found.append(Placed(spec, parent, key, many))
        for child in spec.children:
            walk(child.spec, spec, child.key, child.many)

    for top in TOP_LEVEL:
        walk(top.spec, None, top.key, True)
    return found


@dataclass
class Tables:
    """A file's records as rows of the database's tables (column -> value, as stored),
    parents before children. A row's parent is named in its ``parent_column`` by the
    parent's id in the file; a debrief's questions, told and skills name their debrief by
    its interview's id."""

    rows: dict[str, list[dict[str, object]]] = field(default_factory=dict)

    def of(self, spec: ObjectSpec) -> list[dict[str, object]]:
        return self.rows.get(spec.table, [])

    def add(self, spec: ObjectSpec, row: dict[str, object]) -> None:
        self.rows.setdefault(spec.table, []).append(row)

    def count(self, spec: ObjectSpec) -> int:
        return len(self.rows.get(spec.table, ()))
