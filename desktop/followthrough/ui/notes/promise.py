"""What a thank-you note promises, in words: the day the composer offers, what the
follow-up plan does with the day promised (or with none), and the advice when that day is
not a working day. Whether a day may be promised at all is the domain's rule
(``cadence.promise_problem``); this only says what follows from it."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from followthrough.domain.cadence import earliest_promise, promise_kept_on
from followthrough.domain.note_checks import Finding, Severity
from followthrough.domain.wording import short_day, weekday_name
from followthrough.store.notes import NoteContext


def default_promise(note: NoteContext) -> date:
    """The day the follow-up plan already calls for (so note and plan agree), unless a
    note may not promise a day that soon (a call the day after their decision date can
    come two days after the interview; a promise not before the fourth): then the first
    working day a promise may name. A week after the interview when there is no plan."""
    if note.planned_follow_up is not None:
        day = note.planned_follow_up
        if note.follow_up_facts is not None:
            day = max(day, earliest_promise(note.follow_up_facts))
    else:
        day = note.interview_day + timedelta(days=7)
    return promise_kept_on(day)


def promise_help(note: NoteContext, promised: date | None) -> str:
    """Under the promise: when the follow-up reminder comes, with this promise or none."""
    if promised is not None:
        return _promise_text(note.other_promises, promised)
    planned = note.planned_follow_up
    if planned:
        return QCoreApplication.translate(
            "notes", "No promise: the follow-up reminder comes on {day}, as the plan says."
        ).format(day=short_day(planned))
    return QCoreApplication.translate("notes", "No promise in the note.")


def _promise_text(sent: list[tuple[str, date]], promised: date) -> str:
    """When the follow-up comes with this promise: the earliest day promised in the
    notes of this interview that went out (``sent``) sets the plan, this one included."""
    earlier = [(name, day) for name, day in sent if day < promised]
    if earlier:
        name, day = earlier[0]
        return QCoreApplication.translate(
            "notes",
            "The follow-up reminder will come on {day}, the day {name}'s note already "
            "promised: promise that day here too and both notes keep their word.",
        ).format(day=short_day(day), name=name)
    kept = promise_kept_on(promised)
    if kept != promised:
        text = QCoreApplication.translate(
            "notes",
            "The follow-up reminder for this application will come on {day}, the day you "
            "promise (a {weekday}: the call or e-mail comes on {kept}).",
        ).format(day=short_day(promised), weekday=weekday_name(promised), kept=short_day(kept))
    else:
        text = QCoreApplication.translate(
            "notes",
            "The follow-up reminder for this application will come on {day}, the day you promise.",
        ).format(day=short_day(promised))
    later = [
        QCoreApplication.translate("notes", "{name}'s note promised {day}").format(
            name=name, day=short_day(day)
        )
        for name, day in sent
        if day > promised
    ]
    if later:
        agree = QCoreApplication.translate(
            "notes", "{promises}: the same day in every note keeps one plan."
        ).format(promises="; ".join(later))
        text = f"{text} {agree}"
    return text


def weekend_advice(promised: date | None) -> Finding | None:
    """Advice when the promised day is not a working day (the follow-up comes later)."""
    if promised is None:
        return None
    kept = promise_kept_on(promised)
    if kept == promised:
        return None
    return Finding(
        "promise",
        Severity.ADVICE,
        QCoreApplication.translate(
            "notes",
            "The note promises a {weekday}: the call or e-mail comes on {day}. A weekday "
            "keeps your word to the day.",
        ).format(weekday=weekday_name(promised), day=short_day(kept)),
    )


class PromiseHelpLabel(QLabel):
    """The words under the promise, wrapped and always shown whole: the form around it
    does not give a wrapped label the height its lines need at the width it ends up with,
    so the label asks for that height itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        needed = self.heightForWidth(max(self.width(), 1))
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)
