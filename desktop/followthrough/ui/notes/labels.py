"""How thank-you notes, their tone and their state are named on screen."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from followthrough.domain.note_tasks import NoteMedium, NoteStatus
from followthrough.domain.notes import Tone
from followthrough.domain.wording import short_day
from followthrough.services.fonts import HandwritingFont
from followthrough.services.printing import EnvelopeFormat, PageFormat

# Marked here, translated where shown; Qt types a marked text as object.
_TONES: dict[Tone, object] = {
    Tone.WARM: QT_TRANSLATE_NOOP("notes", "Warm"),
    Tone.CONCISE: QT_TRANSLATE_NOOP("notes", "Short and direct"),
    Tone.FORMAL: QT_TRANSLATE_NOOP("notes", "Formal"),
}


def tone_label(tone: Tone) -> str:
    return QCoreApplication.translate("notes", str(_TONES[tone]))


def status_label(status: NoteStatus) -> str:
    """``Drafted``: a note's state, marked in domain.note_tasks (the timeline writes it
    too), in the user's language."""
    return QCoreApplication.translate("notes", status.label)


def medium_label(medium: NoteMedium) -> str:
    """``Card by post``: how a note goes out, marked in domain.note_tasks."""
    return QCoreApplication.translate("notes", medium.label)


def printing_label(item: PageFormat | EnvelopeFormat | HandwritingFont) -> str:
    """``Folded card, A6``: a page, envelope or handwriting font, marked in services
    (printing, fonts) in the "printing" context, in the user's language."""
    return QCoreApplication.translate("printing", item.label)


def finished_on_text(status: NoteStatus, day: date | None) -> str:
    """ "E-mailed Thu 3 Dec" for a note that went out, else its state ("Drafted")."""
    label = status_label(status)
    if day is None or not status.finished:
        return label
    return f"{label} {short_day(day)}"
