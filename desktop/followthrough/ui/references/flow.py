"""Acting on references and network contacts from anywhere (a reminder, the tray, an
application): open the right message, record each step, add and remove people.

Everything is loaded and stored on the background runner; one message dialog per person
and application at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

from followthrough.domain.reference_reminders import reminder_round
from followthrough.domain.references import MessagePurpose, ReferenceKind
from followthrough.store import settings as options
from followthrough.store.contacts import set_contact_email
from followthrough.store.references import (
    NETWORK_CHECK_IN,
    REFERENCE_HEADS_UP,
    REFERENCE_OUTCOME,
    REFERENCE_THANKS,
    RecordedMessage,
    ReferenceContext,
    ReferenceLine,
    add_new_person,
    add_reference,
    given_days,
    load_reference_context,
    network_candidates,
    parse_subject_key,
    record_contacted,
    record_heads_up_sent,
    record_message_sent,
    reference_pool,
    references_for_application,
    remove_reference,
    save_contact_notes,
    save_heads_up_draft,
    undo_message,
    undo_step,
)
from followthrough.store.reminders import DueReminder
from followthrough.ui.common import saving
from followthrough.ui.common.ask import Ask
from followthrough.ui.common.undo import UndoSlot
from followthrough.ui.common.widgets import show_in_front
from followthrough.ui.references.dialogs import (
    AddReferenceDialog,
    ContactedDialog,
    ReferenceChoice,
    ReferenceMessageDialog,
)
from followthrough.ui.shell.context import AppContext, Flow

PURPOSE_FOR_KIND = {
    REFERENCE_HEADS_UP: MessagePurpose.HEADS_UP,
    REFERENCE_THANKS: MessagePurpose.THANKS,
    REFERENCE_OUTCOME: MessagePurpose.OUTCOME,
    NETWORK_CHECK_IN: MessagePurpose.CHECK_IN,
}
# What is being saved when a message went out, and what is said once it is.
_SENT_WHAT = {
    MessagePurpose.HEADS_UP: QT_TRANSLATE_NOOP("references", "the heads-up to {name}"),
    MessagePurpose.THANKS: QT_TRANSLATE_NOOP("references", "the thank-you to {name}"),
    MessagePurpose.OUTCOME: QT_TRANSLATE_NOOP("references", "the how it went to {name}"),
    MessagePurpose.CHECK_IN: QT_TRANSLATE_NOOP("references", "the check-in to {name}"),
}
_SENT_TEXT = {
    MessagePurpose.HEADS_UP: QT_TRANSLATE_NOOP("references", "Heads-up to {name} recorded."),
    MessagePurpose.THANKS: QT_TRANSLATE_NOOP("references", "{name} thanked."),
    MessagePurpose.OUTCOME: QT_TRANSLATE_NOOP("references", "{name} told how it ended."),
    MessagePurpose.CHECK_IN: QT_TRANSLATE_NOOP("references", "Checked in with {name}."),
}


class ReferenceFlow(Flow):
    """Opens the message for each step with a reference or network contact, and records
    the steps; ``exec_dialog`` runs a modal dialog (tests replace it)."""

    open_dialogs: ClassVar[dict[tuple[int, MessagePurpose], ReferenceMessageDialog]] = {}

    def __init__(
        self,
        context: AppContext,
        parent: QWidget,
        saved: Callable[[str], None],
        failed: Callable[[str], None],
        exec_dialog: Callable[[QDialog], bool] | None = None,
    ) -> None:
        super().__init__(context, parent, saved, failed)
        self.exec_dialog = exec_dialog or (lambda d: d.exec() == QDialog.DialogCode.Accepted)
        self.undo_slot = UndoSlot()

    def _save(
        self,
        what: str,
        work: Callable[[], Any],
        message: str | None,
        *,
        parent: QWidget | None = None,
        edit: Callable[[], None] | None = None,
        verb: str = "saved",
    ) -> None:
        """Write ``work``; ``message`` (if any) goes to ``saved`` once it landed."""
        saving.save(
            self.context.runner,
            parent or self.parent,
            what,
            work,
            lambda _r: None if message is None else self.saved(message),
            edit=edit,
            verb=verb,
        )

    # -- messages ------------------------------------------------------------------------

    def open_for_reminder(self, reminder: DueReminder) -> bool:
        """Opens the message a reminder asks for; False when it is not about a reference."""
        link_id = parse_subject_key(reminder.subject_key)
        purpose = PURPOSE_FOR_KIND.get(reminder.kind)
        if link_id is None or purpose is None:
            return False
        # A check-in is about the round it names (not whichever came last).
        self.open(link_id, purpose, reminder_round(reminder.params))
        return True

    def open(
        self, link_id: int, purpose: MessagePurpose, interview_round: int | None = None
    ) -> None:
        existing = self.open_dialogs.get((link_id, purpose))
        if existing is not None:
            show_in_front(existing)
            return
        now, today = self.context.clock.now(), self._today()
        self.context.runner.submit(
            lambda: load_reference_context(link_id, now, today, interview_round),
            lambda loaded: self._show(loaded, purpose),
            self.failed,
        )

    def _show(self, loaded: ReferenceContext, purpose: MessagePurpose) -> None:
        key = (loaded.line.link_id, purpose)
        if key in self.open_dialogs:
            self.open_dialogs[key].raise_()
            return
        dialog = ReferenceMessageDialog(loaded, purpose, self._today(), self.zone, self.parent)
        self.open_dialogs[key] = dialog
        self._connect(dialog, loaded.line, purpose)
        dialog.finished.connect(lambda _r: self._closed(key, dialog))
        dialog.show()

    def _closed(self, key: tuple[int, MessagePurpose], dialog: ReferenceMessageDialog) -> None:
        if self.open_dialogs.get(key) is dialog:
            del self.open_dialogs[key]

    def _connect(
        self, dialog: ReferenceMessageDialog, line: ReferenceLine, purpose: MessagePurpose
    ) -> None:
        dialog.done_requested.connect(
            lambda via, emphasis, resume: self._sent(dialog, line, purpose, via, emphasis, resume)
        )
        dialog.draft_changed.connect(
            lambda emphasis, resume: self._keep_draft(dialog, line, emphasis, resume)
        )
        dialog.contact_email_changed.connect(
            lambda address: self._keep_email(dialog, line, address)
        )
        dialog.contact_notes_changed.connect(lambda notes: self._keep_notes(dialog, line, notes))

    def _sent(
        self,
        dialog: ReferenceMessageDialog,
        line: ReferenceLine,
        purpose: MessagePurpose,
        via: str,
        emphasis: str,
        resume: str,
    ) -> None:
        clock, link_id, today = self.context.clock, line.link_id, self._today()

        def work() -> RecordedMessage:
            if purpose is MessagePurpose.HEADS_UP:
                return record_heads_up_sent(link_id, emphasis, resume, via, today, clock)
            return record_message_sent(link_id, purpose, via, today, clock)

        text = QCoreApplication.translate("references", str(_SENT_TEXT[purpose])).format(
            name=line.name
        )

        def done(recorded: RecordedMessage) -> None:
            self.saved(text)
            if via == "phone":  # one click, nothing else happened: offer to take it back
                self._offer_undo(line, text, recorded)

        saving.save(
            self.context.runner,
            dialog,
            QCoreApplication.translate("references", str(_SENT_WHAT[purpose])).format(
                name=line.name
            ),
            work,
            done,
        )

    def _offer_undo(self, line: ReferenceLine, text: str, recorded: RecordedMessage) -> None:
        """ "Recorded — Undo" in the window's status bar for a few seconds."""
        if not isinstance(self.parent, QMainWindow):
            return
        clock = self.context.clock

        def undo() -> None:
            self._save(
                QCoreApplication.translate(
                    "references", "taking back the message to {name}"
                ).format(name=line.name),
                lambda: undo_message(recorded, clock),
                QCoreApplication.translate(
                    "references", "Taken back: nothing is recorded for {name}."
                ).format(name=line.name),
                verb="done",
            )

        self.undo_slot.offer_new(self.parent.statusBar(), text, undo)

    def _keep_draft(
        self, dialog: ReferenceMessageDialog, line: ReferenceLine, emphasis: str, resume: str
    ) -> None:
        clock, link_id = self.context.clock, line.link_id
        self._save(
            QCoreApplication.translate("references", "the heads-up draft for {name}").format(
                name=line.name
            ),
            lambda: save_heads_up_draft(link_id, emphasis, resume, clock),
            None,
            parent=dialog,
        )

    def _keep_email(
        self, dialog: ReferenceMessageDialog, line: ReferenceLine, address: str
    ) -> None:
        contact_id = line.contact_id
        self._save(
            QCoreApplication.translate("references", "{name}'s e-mail address").format(
                name=line.name
            ),
            lambda: set_contact_email(contact_id, address),
            None,
            parent=dialog,
        )

    def _keep_notes(self, dialog: ReferenceMessageDialog, line: ReferenceLine, notes: str) -> None:
        contact_id = line.contact_id
        self._save(
            QCoreApplication.translate("references", "your notes on {name}").format(name=line.name),
            lambda: save_contact_notes(contact_id, notes),
            QCoreApplication.translate("references", "Notes on {name} kept.").format(
                name=line.name
            ),
            parent=dialog,
        )

    # -- steps ---------------------------------------------------------------------------

    def log_contacted(self, line: ReferenceLine, company: str) -> None:
        self._run_contacted(ContactedDialog(line.name, company, self._today(), self.parent), line)

    def _run_contacted(self, dialog: ContactedDialog, line: ReferenceLine) -> None:
        if not self.exec_dialog(dialog):
            return
        on, by = dialog.value()
        clock = self.context.clock
        self._save(
            QCoreApplication.translate("references", "the call to {name}").format(name=line.name),
            lambda: record_contacted(line.link_id, on, by, clock),
            QCoreApplication.translate(
                "references", "{name} was contacted: a reminder to thank them is set."
            ).format(name=line.name),
            edit=lambda: self._run_contacted(dialog, line),
        )

    def undo(self, line: ReferenceLine, step: str, label: str) -> None:
        if not Ask.confirm(
            self.parent,
            QCoreApplication.translate("references", "Take it back?"),
            QCoreApplication.translate(
                "references", "Take back “{step}” for {name}? Its reminder comes back."
            ).format(step=label, name=line.name),
            QCoreApplication.translate("references", "Take back"),
        ):
            return
        clock = self.context.clock
        self._save(
            QCoreApplication.translate("references", "taking back “{step}” for {name}").format(
                step=label, name=line.name
            ),
            lambda: undo_step(line.link_id, step, clock),
            QCoreApplication.translate("references", "Took back “{step}”.").format(step=label),
            verb="done",
        )

    def remove(self, line: ReferenceLine) -> None:
        if not Ask.confirm(
            self.parent,
            QCoreApplication.translate("references", "Remove from this application?"),
            QCoreApplication.translate(
                "references",
                "Remove {name} from this application? What was recorded with them here goes "
                "too; the person stays in your contacts.",
            ).format(name=line.name),
            QCoreApplication.translate("references", "Remove"),
        ):
            return
        self._save(
            QCoreApplication.translate("references", "{name} from this application").format(
                name=line.name
            ),
            lambda: remove_reference(line.link_id),
            QCoreApplication.translate("references", "Removed {name}.").format(name=line.name),
            verb="removed",
        )

    def add(self, application_id: int, kind: ReferenceKind) -> None:
        """Asks who, then lists them (loading the pool first, off the GUI thread)."""

        def load() -> tuple[list[Any], dict[int, list[date]], set[int], tuple[int, int]]:
            listed = {line.contact_id for line in references_for_application(application_id)}
            limits = (
                options.get(options.REFERENCE_OVERUSE_DAYS),
                options.get(options.REFERENCE_OVERUSE_COUNT),
            )
            if kind is ReferenceKind.REFERENCE:
                pool = reference_pool()
                days = {
                    entry.contact_id: given_days(entry.contact_id, application_id) for entry in pool
                }
                return pool, days, listed, limits
            return network_candidates(application_id), {}, listed, limits

        self.context.runner.submit(
            load, lambda loaded: self._ask_who(application_id, kind, *loaded), self.failed
        )

    def _ask_who(
        self,
        application_id: int,
        kind: ReferenceKind,
        people: list[Any],
        days: dict[int, list[date]],
        listed: set[int],
        limits: tuple[int, int],
    ) -> None:
        dialog = AddReferenceDialog(
            kind, people, days, listed, self._today(), limits[0], limits[1], self.parent
        )
        self._run_add(dialog, application_id, kind)

    def _run_add(
        self, dialog: AddReferenceDialog, application_id: int, kind: ReferenceKind
    ) -> None:
        if not self.exec_dialog(dialog):
            return
        choice: ReferenceChoice = dialog.choice()
        clock = self.context.clock

        def work() -> int:
            if choice.contact_id is not None:
                return add_reference(
                    application_id, choice.contact_id, kind, clock, choice.given_on
                )
            new = choice.new_person
            assert new is not None
            return add_new_person(
                application_id,
                kind,
                new.name,
                clock,
                email=new.email,
                phone=new.phone,
                relationship=new.relationship,
                given_on=choice.given_on,
            )

        if kind is ReferenceKind.REFERENCE:
            what = QCoreApplication.translate("references", "the new reference")
            added = QCoreApplication.translate("references", "Added a reference.")
        else:
            what = QCoreApplication.translate("references", "the new network contact")
            added = QCoreApplication.translate("references", "Added a network contact.")
        self._save(what, work, added, edit=lambda: self._run_add(dialog, application_id, kind))
