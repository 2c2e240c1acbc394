"""Every kind of reminder, in one registry.

A reminder is one ``kind`` about one subject. Each feature registers its kinds here, with
the words and colour role the screens use, and names its subjects with a ``SubjectKey``
(one format for all: ``feature:id[:id…]``, e.g. ``note:12:7`` for the note to person 7
after interview 12). Planning, Today, the calendar, the tray and the reminders panel ask
this registry instead of naming kinds; adding a kind is one registration (see
CONTRIBUTING.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from followthrough.domain.wording import QT_TRANSLATE_NOOP

# Context the window translates kind labels in.
LABEL_CONTEXT = "ReminderKind"


class Feature(StrEnum):
    """Who owns a subject: the first part of its key."""

    FOLLOW_UP = "follow_up"
    NOTE = "note"
    REFERENCE = "ref"


class ReminderKind(StrEnum):
    FOLLOW_UP = "follow_up"
    DECISION_PASSED = "decision_passed"
    MOVE_ON = "move_on"
    POSITION_FILLED = "position_filled"
    NOTE_DUE_SOON = "note_due_soon"
    NOTE_OVERDUE = "note_overdue"
    REFERENCE_HEADS_UP = "reference_heads_up"
    REFERENCE_THANKS = "reference_thanks"
    REFERENCE_OUTCOME = "reference_outcome"
    NETWORK_CHECK_IN = "network_check_in"


@dataclass(frozen=True)
class SubjectKey:
    """What a reminder is about: its feature and the ids that name the thing."""

    feature: str
    ids: tuple[int, ...]

    def __str__(self) -> str:
        return ":".join((self.feature, *(str(i) for i in self.ids)))

    @classmethod
    def parse(cls, text: str) -> SubjectKey | None:
        """The key written by ``str()``; None for anything else."""
        feature, _, rest = text.partition(":")
        if not feature or not rest:
            return None
        parts = rest.split(":")
        if not all(part.isdigit() and part.isascii() for part in parts):
            return None
        return cls(feature, tuple(int(part) for part in parts))

    def ids_of(self, feature: str, count: int) -> tuple[int, ...] | None:
        """The ids when this key is ``feature``'s and has ``count`` of them."""
        if self.feature != feature or len(self.ids) != count:
            return None
        return self.ids


@dataclass(frozen=True)
class KindInfo:
    """What the screens need to know of a kind."""

    kind: str
    feature: str
    label: str  # English, marked for translation in LABEL_CONTEXT
    colour_role: str  # a role name of the window's theme


_KINDS: dict[str, KindInfo] = {}


def register_kind(info: KindInfo) -> KindInfo:
    """Add ``info`` (registering the same kind again replaces it)."""
    _KINDS[info.kind] = info
    return info


def unregister_kind(kind: str) -> None:
    _KINDS.pop(kind, None)


def kind_info(kind: str) -> KindInfo | None:
    return _KINDS.get(kind)


def registered_kinds() -> tuple[KindInfo, ...]:
    return tuple(_KINDS.values())


def kind_label(kind: str) -> str:
    """The English label (the window translates it); the kind itself when unknown."""
    info = _KINDS.get(kind)
    return info.label if info is not None else kind


def kinds_of(feature: str) -> tuple[str, ...]:
    return tuple(info.kind for info in _KINDS.values() if info.feature == feature)


def feature_of(kind: str, subject_key: str) -> str | None:
    """The feature that handles a reminder: its kind's, when the subject agrees."""
    info = _KINDS.get(kind)
    subject = SubjectKey.parse(subject_key)
    if info is None or subject is None or subject.feature != info.feature:
        return None
    return info.feature


# The agenda's own kinds (not reminders) share the labels and colours.
INTERVIEW = "interview"
DECISION = "decision"

for _info in (
    KindInfo(INTERVIEW, "", QT_TRANSLATE_NOOP(LABEL_CONTEXT, "Interview"), "interview"),
    KindInfo(DECISION, "", QT_TRANSLATE_NOOP(LABEL_CONTEXT, "Decision due"), "decision"),
    KindInfo(
        ReminderKind.FOLLOW_UP,
        Feature.FOLLOW_UP,
        QT_TRANSLATE_NOOP(LABEL_CONTEXT, "Follow up"),
        "follow_up",
    ),
    KindInfo(
        ReminderKind.DECISION_PASSED,
        Feature.FOLLOW_UP,
        QT_TRANSLATE_NOOP(LABEL_CONTEXT, "Follow up"),
        "follow_up",
    ),
    KindInfo(
        ReminderKind.MOVE_ON,
        Feature.FOLLOW_UP,
        QT_TRANSLATE_NOOP(LABEL_CONTEXT, "Move on?"),
        "closing",
    ),
    KindInfo(
        ReminderKind.POSITION_FILLED,
        Feature.FOLLOW_UP,
        QT_TRANSLATE_NOOP(LABEL_CONTEXT, "Close"),
        "closing",
    ),
    KindInfo(
        ReminderKind.NOTE_DUE_SOON,
        Feature.NOTE,
        QT_TRANSLATE_NOOP(LABEL_CONTEXT, "Note due"),
        "note_due",
    ),
    KindInfo(
        ReminderKind.NOTE_OVERDUE,
        Feature.NOTE,
        QT_TRANSLATE_NOOP(LABEL_CONTEXT, "Note overdue"),
        "note_late",
    ),
    KindInfo(
        ReminderKind.REFERENCE_HEADS_UP,
        Feature.REFERENCE,
        QT_TRANSLATE_NOOP(LABEL_CONTEXT, "Reference heads-up"),
        "reference",
    ),
    KindInfo(
        ReminderKind.REFERENCE_THANKS,
        Feature.REFERENCE,
        QT_TRANSLATE_NOOP(LABEL_CONTEXT, "Thank reference"),
        "reference_thanks",
    ),
    KindInfo(
        ReminderKind.REFERENCE_OUTCOME,
        Feature.REFERENCE,
        QT_TRANSLATE_NOOP(LABEL_CONTEXT, "Tell reference"),
        "reference_outcome",
    ),
    KindInfo(
        ReminderKind.NETWORK_CHECK_IN,
        Feature.REFERENCE,
        QT_TRANSLATE_NOOP(LABEL_CONTEXT, "Check in"),
        "network",
    ),
):
    register_kind(_info)
