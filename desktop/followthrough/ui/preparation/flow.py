"""Opening a further round's checklist from anywhere in the window; each tick is saved on
the background runner."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from followthrough.domain.preparation.reminders import interview_of
from followthrough.store.preparation.records import Preparation, load_preparation, set_ticked
from followthrough.store.reminders import DueReminder
from followthrough.ui.common import saving
from followthrough.ui.shell.context import AppContext, Flow


class PreparationFlow(Flow):
    # One checklist window per interview, brought forward when opened again.
    open_dialogs: dict[int, QWidget] = {}

    def __init__(
        self,
        context: AppContext,
        parent: QWidget,
        open_debrief: Callable[[int], None],
        saved: Callable[[str], None],
        failed: Callable[[str], None],
    ) -> None:
        super().__init__(context, parent, saved, failed)
        self.open_debrief = open_debrief

    def open(self, interview_id: int) -> None:
        from followthrough.ui.common.widgets import show_in_front

        shown = self.open_dialogs.get(interview_id)
        if shown is not None and shown.isVisible():
            show_in_front(shown)
            return
        self.context.runner.submit(lambda: load_preparation(interview_id), self._show, self.failed)

    def open_for_reminder(self, reminder: DueReminder) -> bool:
        interview_id = interview_of(reminder.subject_key)
        if interview_id is None:
            return False
        self.open(interview_id)
        return True

    def _show(self, preparation: Preparation) -> None:
        from PySide6.QtCore import Qt

        from followthrough.ui.preparation.checklist import PreparationDialog

        interview_id = preparation.facts.interview_id
        dialog = PreparationDialog(preparation, self.parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.tick.connect(lambda key, on: self._tick(dialog, interview_id, key, on))
        dialog.open_debrief.connect(self.open_debrief)
        dialog.destroyed.connect(lambda: self.open_dialogs.pop(interview_id, None))
        self.open_dialogs[interview_id] = dialog
        dialog.show()

    def _tick(self, dialog: QWidget, interview_id: int, key: str, on: bool) -> None:
        now = self.context.clock.now()
        saving.save(
            self.context.runner,
            dialog,
            QCoreApplication.translate("preparation", "the tick on your checklist"),
            lambda: set_ticked(interview_id, key, on, now),
            lambda _r: None,
            # Not kept: the box goes back to what is saved.
            on_discarded=lambda: dialog.set_ticked(key, not on),  # type: ignore[attr-defined]
        )
