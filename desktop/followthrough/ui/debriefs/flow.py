"""Opening the debrief form and the question bank from anywhere in the window; loading
and saving on the background runner."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QWidget

from followthrough.domain.debriefs.reminders import interview_of
from followthrough.domain.wording import application_title
from followthrough.store.debriefs.bank import question_bank
from followthrough.store.debriefs.records import DebriefContext, load_debrief, save_debrief
from followthrough.store.reminders import DueReminder
from followthrough.ui.common import saving
from followthrough.ui.shell.context import AppContext, DialogFlow, RunDialog


class DebriefFlow(DialogFlow):
    def __init__(
        self,
        context: AppContext,
        parent: QWidget,
        run_dialog: RunDialog,
        saved: Callable[[str], None],
        failed: Callable[[str], None],
    ) -> None:
        super().__init__(context, parent, run_dialog, saved, failed)
        self._bank: QDialog | None = None

    def open(self, interview_id: int) -> None:
        """The interview's debrief form (its data loaded first, off the GUI thread)."""
        self.context.runner.submit(lambda: load_debrief(interview_id), self._show, self.failed)

    def open_for_reminder(self, reminder: DueReminder) -> bool:
        interview_id = interview_of(reminder.subject_key)
        if interview_id is None:
            return False
        self.open(interview_id)
        return True

    def _show(self, loaded: DebriefContext) -> None:
        from followthrough.ui.debriefs.form import DebriefDialog

        dialog = DebriefDialog(loaded, self._today(), self.parent)
        self._run(dialog)

    def _run(self, dialog: QDialog) -> None:
        from followthrough.ui.debriefs.form import DebriefDialog

        assert isinstance(dialog, DebriefDialog)
        if not self.run_dialog(dialog) or not dialog.changed():
            return
        loaded, draft, now = dialog.context, dialog.value(), self.context.clock.now()
        title = application_title(loaded.company, loaded.role)
        saving.save(
            self.context.runner,
            self.parent,
            QCoreApplication.translate("debriefs", "the debrief of {title}").format(title=title),
            lambda: save_debrief(loaded.interview_id, draft, now),
            lambda _saved: self.saved(
                QCoreApplication.translate("debriefs", "Saved the debrief of {title}.").format(
                    title=title
                )
            ),
            edit=lambda: self._run(dialog),
        )

    def open_bank(self) -> None:
        """The question bank (every question of every debrief), loaded off the GUI thread;
        one window, brought forward when open."""
        from followthrough.ui.common.widgets import show_in_front

        if self._bank is not None and self._bank.isVisible():
            show_in_front(self._bank)
            return
        self.context.runner.submit(question_bank, self._show_bank, self.failed)

    def _show_bank(self, bank: object) -> None:
        from followthrough.ui.debriefs.bank import QuestionBankDialog

        dialog = QuestionBankDialog(bank, self.parent)  # type: ignore[arg-type]
        dialog.mark_best.connect(self._mark_best)
        dialog.practise.connect(self._set_practise)
        self._bank = dialog
        dialog.show()

    def _reload_bank(self) -> None:
        bank = self._bank
        if bank is not None and bank.isVisible():
            self.context.runner.submit(question_bank, bank.set_bank, self.failed)  # type: ignore[attr-defined]

    def _mark_best(self, question_id: int) -> None:
        from followthrough.store.debriefs.bank import mark_best

        saving.save(
            self.context.runner,
            self._bank,
            QCoreApplication.translate("debriefs", "the answer kept as the best"),
            lambda: mark_best(question_id),
            lambda _r: self._reload_bank(),
        )

    def _set_practise(self, question_ids: list[int], practise: bool) -> None:
        from followthrough.store.debriefs.bank import set_practise

        saving.save(
            self.context.runner,
            self._bank,
            QCoreApplication.translate("debriefs", "the practice list"),
            lambda: set_practise(question_ids, practise),
            lambda _r: self._reload_bank(),
        )
