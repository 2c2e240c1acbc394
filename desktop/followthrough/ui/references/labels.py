"""How references, network contacts and the steps with them are named on screen."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from followthrough.domain.references import ContactedBy, MessagePurpose, ReferenceKind, Standing
from followthrough.domain.wording import application_title, short_day
from followthrough.store.references import ReferenceLine, ReferenceUse

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


def _local_day(instant: datetime, zone: ZoneInfo) -> date:
    return instant.astimezone(zone).date()


def _heads_up_words(line: ReferenceLine, zone: ZoneInfo) -> str:
    if line.heads_up_at is None:
        return QCoreApplication.translate("references", "no heads-up yet")
    day = short_day(_local_day(line.heads_up_at, zone))
    if line.heads_up_via == "phone":
        text = QT_TRANSLATE_NOOP("references", "heads-up by phone {day}")
    elif line.heads_up_via == "email":
        text = QT_TRANSLATE_NOOP("references", "heads-up by e-mail {day}")
    else:
        text = QT_TRANSLATE_NOOP("references", "heads-up sent {day}")
    return _translated(text).format(day=day)


def _later_steps(line: ReferenceLine) -> list[str]:
    """Contacted, thanked (or still to thank), told how it ended."""
    steps = []
    if line.contacted_on is not None:
        steps.append(
            QCoreApplication.translate("references", "contacted {day}").format(
                day=short_day(line.contacted_on)
            )
        )
    if line.thanked_on is not None:
        steps.append(
            QCoreApplication.translate("references", "thanked {day}").format(
                day=short_day(line.thanked_on)
            )
        )
    elif line.contacted_on is not None:
        steps.append(QCoreApplication.translate("references", "not thanked yet"))
    if line.outcome_told_on is not None:
        steps.append(
            QCoreApplication.translate("references", "told how it ended {day}").format(
                day=short_day(line.outcome_told_on)
            )
        )
    return steps


def use_text(use: ReferenceUse, zone: ZoneInfo) -> str:
    """One use of a person as a reference, for their history: "Reference for Acme ·
    Platform Engineer, given Thu 19 Nov — heads-up by phone Fri 20 Nov · thanked …"."""
    line = use.line
    where = application_title(use.company, use.role_title)
    if line.kind is ReferenceKind.NETWORK:
        state = (
            QCoreApplication.translate("references", "checked in {day}").format(
                day=short_day(_local_day(line.checked_in_at, zone))
            )
            if line.checked_in_at is not None
            else QCoreApplication.translate("references", "no check-in yet")
        )
        return QCoreApplication.translate(
            "references", "Network contact for {where} — {state}"
        ).format(where=where, state=state)
    if line.given_on is not None:
        head = QCoreApplication.translate(
            "references", "Reference for {where}, given {day}"
        ).format(where=where, day=short_day(line.given_on))
    else:
        head = QCoreApplication.translate(
            "references", "Reference for {where}, not given yet"
        ).format(where=where)
    steps = " · ".join([_heads_up_words(line, zone), *_later_steps(line)])
    return f"{head} — {steps}"
