"""Opening the thank-you note composer from anywhere, and saving what it asks to save.

Everything the composer needs is loaded on the background runner; the spelling dictionary
is loaded there once per session and shared by every composer. One composer per note:
asking again brings the open one forward.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from followthrough.domain.note_tasks import NoteMedium
from followthrough.domain.spelling import Speller
from followthrough.services.fonts import FontError, HandwritingFont, load_handwriting_fonts
from followthrough.store import settings as options
from followthrough.store.contacts import set_contact_email
from followthrough.store.notes import (
    NoteContext,
    NoteDraft,
    add_personal_word,
    finish_note,
    load_note_context,
    note_task,
    parse_subject_key,
    personal_words,
    reopen_note,
    save_note,
)
from followthrough.store.reminders import DueReminder
from followthrough.ui.common import saving
from followthrough.ui.common.widgets import show_in_front
from followthrough.ui.notes.composer import NoteComposerDialog
from followthrough.ui.shell.context import Flow

PRINT_SETTINGS_GROUP = "notePrint"
PRINT_KEYS = ("font", "page", "size", "ruled", "envelope")

# (what is being saved, the message once it is) for a note that went out, by medium.
_FINISHED = {
    NoteMedium.EMAIL: (
        QT_TRANSLATE_NOOP("notes", "the note to {name} marked as e-mailed"),
        QT_TRANSLATE_NOOP("notes", "Note to {name} marked as e-mailed."),
    ),
    NoteMedium.CARD: (
        QT_TRANSLATE_NOOP("notes", "the note to {name} marked as posted"),
        QT_TRANSLATE_NOOP("notes", "Note to {name} marked as posted."),
    ),
    NoteMedium.DROP_OFF: (
        QT_TRANSLATE_NOOP("notes", "the note to {name} marked as dropped off"),
        QT_TRANSLATE_NOOP("notes", "Note to {name} marked as dropped off."),
    ),
}


class NoteFlow(Flow):
    """Opens the composer for a note and saves what it asks to save."""

    # Shared by every flow of the session: one dictionary, one composer per note.
    _speller: ClassVar[Speller | None] = None
    _speller_waiting: ClassVar[list[Callable[[Speller], None]]] = []
    open_composers: ClassVar[dict[tuple[int, int], NoteComposerDialog]] = {}

    # -- opening -------------------------------------------------------------------------

    def open_for_reminder(self, reminder: DueReminder) -> bool:
        """Opens the note a reminder is about; False when it is not about a note."""
        subject = parse_subject_key(reminder.subject_key)
        if subject is None:
            return False
        self.open(*subject)
        return True

    def open(self, interview_id: int, contact_id: int) -> None:
        existing = self.open_composers.get((interview_id, contact_id))
        if existing is not None:
            show_in_front(existing)
            return
        self.context.runner.submit(
            lambda: load_note_context(interview_id, contact_id), self._show, self.failed
        )

    def _show(self, note: NoteContext) -> None:
        key = (note.task.interview_id, note.task.contact_id)
        if key in self.open_composers:  # opened twice before the first load finished
            self.open_composers[key].raise_()
            return
        fonts, problem = self.fonts()
        dialog = NoteComposerDialog(
            note,
            fonts,
            problem,
            self._today(),
            self.zone,
            self.parent,
            print_settings=self._print_settings(),
            now=self.context.clock.now(),
        )
        self.open_composers[key] = dialog
        self._connect(dialog, *key)
        dialog.finished.connect(lambda _r: self._closed(key, dialog))
        dialog.show()
        self.with_speller(dialog.set_speller)

    @staticmethod
    def fonts() -> tuple[list[HandwritingFont], str | None]:
        try:
            return load_handwriting_fonts(), None
        except FontError as exc:
            return [], str(exc)

    def _closed(self, key: tuple[int, int], dialog: NoteComposerDialog) -> None:
        self._keep_print_settings(dialog.print_settings())
        if self.open_composers.get(key) is dialog:
            del self.open_composers[key]

    def _print_settings(self) -> dict[str, Any]:
        state = self.context.ui_state
        state.beginGroup(PRINT_SETTINGS_GROUP)
        try:
            return {key: state.value(key) for key in PRINT_KEYS if state.contains(key)}
        finally:
            state.endGroup()

    def _keep_print_settings(self, values: dict[str, Any]) -> None:
        state = self.context.ui_state
        state.beginGroup(PRINT_SETTINGS_GROUP)
        for key, value in values.items():
            if value is not None:
                state.setValue(key, value)
        state.endGroup()

    def with_speller(self, then: Callable[[Speller], None]) -> None:
        """Calls ``then`` with the session's dictionary, loading it first if needed."""
        if NoteFlow._speller is not None:
            then(NoteFlow._speller)
            return
        NoteFlow._speller_waiting.append(then)
        if len(NoteFlow._speller_waiting) > 1:
            return  # already loading

        def loaded(speller: Speller) -> None:
            NoteFlow._speller = speller
            waiting, NoteFlow._speller_waiting = NoteFlow._speller_waiting, []
            for callback in waiting:
                callback(speller)

        def failed(message: str) -> None:
            NoteFlow._speller_waiting = []
            self.failed(
                QCoreApplication.translate(
                    "notes", "The spelling dictionary could not be loaded: {reason}"
                ).format(reason=message)
            )

        self.context.runner.submit(lambda: Speller(personal_words()), loaded, failed)

    @classmethod
    def forget_speller(cls) -> None:
        """Another database (tests): its personal words differ."""
        cls._speller = None
        cls._speller_waiting = []

    # -- saving --------------------------------------------------------------------------

    def _connect(self, dialog: NoteComposerDialog, interview_id: int, contact_id: int) -> None:
        key = (interview_id, contact_id)
        dialog.save_requested.connect(
            lambda draft, checked: self._save_note(dialog, key, draft, checked)
        )
        dialog.finish_requested.connect(
            lambda draft, checked, medium, day: self._finish_note(
                dialog, key, draft, checked, medium, day
            )
        )
        dialog.reopen_requested.connect(lambda: self._reopen_note(dialog, key))
        dialog.add_word_requested.connect(lambda word: self._add_word(dialog, word))
        dialog.sender_changed.connect(
            lambda sender_name, contact: self._keep_sender(dialog, sender_name, contact)
        )
        dialog.contact_email_changed.connect(
            lambda address: self._keep_email(dialog, contact_id, address)
        )

    def _after(self, dialog: NoteComposerDialog, message: str) -> Callable[[Any], None]:
        """Once stored: the composer shows the note's new state, and ``saved`` the message."""

        def done(task: Any) -> None:
            dialog.set_status(task.status, task.finished_on)
            self.saved(message)

        return done

    def _save_note(
        self, dialog: NoteComposerDialog, key: tuple[int, int], draft: NoteDraft, checked: bool
    ) -> None:
        interview_id, contact_id = key
        clock, name = self.context.clock, dialog.task.name

        def work() -> Any:
            save_note(interview_id, contact_id, draft, clock, checked=checked)
            return note_task(interview_id, contact_id)

        message = (
            QCoreApplication.translate("notes", "Note to {name} checked.")
            if checked
            else QCoreApplication.translate("notes", "Note to {name} saved as a draft.")
        )
        saving.save(
            self.context.runner,
            dialog,
            QCoreApplication.translate("notes", "the note to {name}").format(name=name),
            work,
            self._after(dialog, message.format(name=name)),
        )

    def _finish_note(
        self,
        dialog: NoteComposerDialog,
        key: tuple[int, int],
        draft: NoteDraft,
        checked: bool,
        medium: NoteMedium,
        day: date,
    ) -> None:
        interview_id, contact_id = key
        clock, name = self.context.clock, dialog.task.name

        def work() -> Any:
            save_note(interview_id, contact_id, draft, clock, checked=checked)
            finish_note(interview_id, contact_id, medium, day, clock)
            return note_task(interview_id, contact_id)

        what, message = _FINISHED[medium]
        saving.save(
            self.context.runner,
            dialog,
            QCoreApplication.translate("notes", str(what)).format(name=name),
            work,
            self._after(
                dialog, QCoreApplication.translate("notes", str(message)).format(name=name)
            ),
        )

    def _reopen_note(self, dialog: NoteComposerDialog, key: tuple[int, int]) -> None:
        interview_id, contact_id = key
        clock, name = self.context.clock, dialog.task.name

        def work() -> Any:
            reopen_note(interview_id, contact_id, clock)
            return note_task(interview_id, contact_id)

        saving.save(
            self.context.runner,
            dialog,
            QCoreApplication.translate("notes", "the note to {name} back in your drafts").format(
                name=name
            ),
            work,
            self._after(
                dialog,
                QCoreApplication.translate(
                    "notes", "Note to {name} is back in your drafts."
                ).format(name=name),
            ),
        )

    def _add_word(self, dialog: NoteComposerDialog, word: str) -> None:
        saving.save(
            self.context.runner,
            dialog,
            QCoreApplication.translate("notes", "“{word}” in your words").format(word=word),
            lambda: add_personal_word(word),
            lambda _r: None,
        )

    def _keep_sender(self, dialog: NoteComposerDialog, sender_name: str, contact: str) -> None:
        values = {options.SENDER_NAME: sender_name, options.SENDER_CONTACT: contact}
        saving.save(
            self.context.runner,
            dialog,
            QCoreApplication.translate("notes", "your name and contact details"),
            lambda: options.put_all(values),
            lambda _r: None,
        )

    def _keep_email(self, dialog: NoteComposerDialog, contact_id: int, address: str) -> None:
        saving.save(
            self.context.runner,
            dialog,
            QCoreApplication.translate("notes", "{name}'s e-mail address").format(
                name=dialog.task.name
            ),
            lambda: set_contact_email(contact_id, address),
            lambda _r: None,
        )
