"""How references, network contacts and the steps with them are named on screen."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from followthrough.domain.references import ContactedBy, MessagePurpose, ReferenceKind, Standing
from followthrough.domain.wording import short_day
from followthrough.store.references import ReferenceLine

# Marked here, translated where shown; Qt types a marked text as object.
_KINDS: dict[ReferenceKind, object] = {
    ReferenceKind.REFERENCE: QT_TRANSLATE_NOOP("references", "Reference"),
    ReferenceKind.NETWORK: QT_TRANSLATE_NOOP("references", "Network contact"),
}
_PURPOSES: dict[MessagePurpose, object] = {
    MessagePurpose.HEADS_UP: QT_TRANSLATE_NOOP("references", "Heads-up"),
    MessagePurpose.THANKS: QT_TRANSLATE_NOOP("references", "Thank-you"),
    MessagePurpose.OUTCOME: QT_TRANSLATE_NOOP("references", "How it went"),
    MessagePurpose.CHECK_IN: QT_TRANSLATE_NOOP("references", "Check-in"),
}
# {day}: the day of the step.
_STANDINGS: dict[Standing, object] = {
    Standing.HEADS_UP_TO_SEND: QT_TRANSLATE_NOOP("references", "Heads-up to send"),
    Standing.HEADS_UP_SENT: QT_TRANSLATE_NOOP("references", "Heads-up sent {day}"),
    Standing.CONTACTED: QT_TRANSLATE_NOOP("references", "Contacted {day} — thank them"),
    Standing.THANKED: QT_TRANSLATE_NOOP("references", "Thanked {day}"),
    Standing.TOLD: QT_TRANSLATE_NOOP("references", "Told how it went {day}"),
    Standing.CHECK_IN_DUE: QT_TRANSLATE_NOOP("references", "Check in after the interview"),
    Standing.CHECKED_IN: QT_TRANSLATE_NOOP("references", "Checked in {day}"),
}


def _translated(text: object) -> str:
    return QCoreApplication.translate("references", str(text))


def kind_label(kind: ReferenceKind) -> str:
    return _translated(_KINDS[kind])


def purpose_label(purpose: MessagePurpose) -> str:
    return _translated(_PURPOSES[purpose])


def contacted_by_label(by: ContactedBy) -> str:
    """Marked in domain.references (the timeline writes it too), translated here."""
    return _translated(by.label)


def standing_text(line: ReferenceLine) -> str:
    """Where the person stands, in a few words: "Heads-up sent Tue 24 Nov"."""
    standing, day = line.standing
    text = _translated(_STANDINGS[standing])
    return text.format(day=short_day(day)) if day is not None else text
