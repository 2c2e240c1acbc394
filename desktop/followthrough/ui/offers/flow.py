"""Opening the offer form, the comparison and the first day's closing from anywhere in
the window; loading and saving on the background runner."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QWidget

from followthrough.domain.offers.reminders import application_of, is_first_day
from followthrough.domain.wording import application_title
from followthrough.store.reminders import DueReminder
from followthrough.ui.common import saving
from followthrough.ui.shell.context import AppContext, DialogFlow, RunDialog

if TYPE_CHECKING:
    from followthrough.store.offers.first_day import FirstDay
    from followthrough.store.offers.records import OfferContext
    from followthrough.ui.offers.first_day import FirstDayDialog
    from followthrough.ui.offers.form import OfferDialog


def _load_first_day(application_id: int) -> tuple[FirstDay, str]:
    from followthrough.store import settings as options
    from followthrough.store.offers.first_day import first_day

    return first_day(application_id), options.get(options.SENDER_NAME)


def _load_decline_words(application_id: int) -> tuple[tuple[str, str], str]:
    """The person to write to about a declined offer (name, e-mail), and the user's name."""
    from followthrough.store import settings as options
    from followthrough.store.offers.first_day import person_to_write

    return person_to_write(application_id), options.get(options.SENDER_NAME)


class OfferFlow(DialogFlow):
    def __init__(
        self,
        context: AppContext,
        parent: QWidget,
        run_dialog: RunDialog,
        saved: Callable[[str], None],
        failed: Callable[[str], None],
    ) -> None:
        super().__init__(context, parent, run_dialog, saved, failed)
        self._comparison: QDialog | None = None

    # -- the offer form ------------------------------------------------------------------

    def open(self, application_id: int) -> None:
        """The application's offer form (its data loaded first, off the GUI thread)."""
        from followthrough.store.offers.records import load_offer

        self.context.runner.submit(lambda: load_offer(application_id), self._show, self.failed)

    def open_for_reminder(self, reminder: DueReminder) -> bool:
        application_id = application_of(reminder.subject_key)
        if application_id is None:
            return False
        if is_first_day(reminder.subject_key):
            self.first_day(application_id)
        else:
            self.open(application_id)
        return True

    def _show(self, loaded: OfferContext) -> None:
        from followthrough.ui.offers.form import OfferDialog

        now = self.context.clock.now().astimezone(self.zone)
        dialog = OfferDialog(loaded, self._today(), self.parent, now)
        dialog.compare_requested.connect(lambda: self.compare(dialog))
        dialog.first_day_requested.connect(lambda: self.first_day(loaded.application_id))
        dialog.decline_message_requested.connect(
            lambda: self.decline_message(loaded.application_id, loaded.company, loaded.role)
        )
        self._run(dialog)

    def _run(self, dialog: OfferDialog) -> None:
        from followthrough.store.offers.records import accept_offer, decline_offer, save_offer
        from followthrough.ui.offers.form import Answer

        if not self.run_dialog(dialog) or not dialog.changed():
            return
        loaded, terms, clock, today = (
            dialog.context,
            dialog.value(),
            self.context.clock,
            self._today(),
        )
        title = application_title(loaded.company, loaded.role)
        app_id, start = loaded.application_id, dialog.start_on
        if dialog.answer is Answer.ACCEPT and start is not None:
            work: Callable[[], object] = lambda: accept_offer(app_id, terms, start, clock, today)  # noqa: E731
            done = QCoreApplication.translate("OfferFlow", "Accepted the offer from {title}.")
        elif dialog.answer is Answer.DECLINE:
            work = lambda: decline_offer(app_id, terms, clock, today)  # noqa: E731
            done = QCoreApplication.translate("OfferFlow", "Declined the offer from {title}.")
        else:
            work = lambda: save_offer(app_id, terms, clock, today)  # noqa: E731
            done = QCoreApplication.translate("OfferFlow", "Saved the offer from {title}.")
        declined = dialog.answer is Answer.DECLINE

        def stored(_saved: object) -> None:
            self.saved(done.format(title=title))
            if declined:
                # Offered, not forced: closing it skips the message.
                self.decline_message(app_id, loaded.company, loaded.role)

        saving.save(
            self.context.runner,
            self.parent,
            QCoreApplication.translate("OfferFlow", "the offer from {title}").format(title=title),
            work,
            stored,
            edit=lambda: self._run(dialog),
        )

    # -- the reply to a declined offer ----------------------------------------------------

    def decline_message(self, application_id: int, company: str, role: str) -> None:
        """The short, warm "no, thank you" to send (by mail or the clipboard) or skip."""
        self.context.runner.submit(
            lambda: _load_decline_words(application_id),
            lambda loaded: self._show_decline_message(company, role, loaded),
            self.failed,
        )

    def _show_decline_message(
        self, company: str, role: str, loaded: tuple[tuple[str, str], str]
    ) -> None:
        from followthrough.ui.offers.decline import DeclineMessageDialog

        contact, sender = loaded
        self.run_dialog(DeclineMessageDialog(company, role, contact, sender, self.parent))

    # -- side by side --------------------------------------------------------------------

    def compare(self, over: QWidget | None = None) -> None:
        """The offers side by side, loaded off the GUI thread; one window, brought
        forward (and reloaded) when open."""
        from followthrough.store.offers.records import offer_lines

        self.context.runner.submit(
            offer_lines, lambda lines: self._show_comparison(lines, over), self.failed
        )

    def _show_comparison(self, lines: list[object], over: QWidget | None) -> None:
        from followthrough.ui.common.widgets import show_in_front
        from followthrough.ui.offers.comparison import OfferComparisonDialog

        current = self._comparison
        today, now = self._today(), self.context.clock.now().astimezone(self.zone)
        if current is not None and current.isVisible():
            current.set_offers(lines, today, now)  # type: ignore[attr-defined]
            show_in_front(current)
            return
        dialog = OfferComparisonDialog(lines, today, over or self.parent, now)  # type: ignore[arg-type]
        self._comparison = dialog
        dialog.destroyed.connect(self._forget_comparison)
        dialog.show()

    def _forget_comparison(self) -> None:
        self._comparison = None

    # -- the first day -------------------------------------------------------------------

    def first_day(self, application_id: int) -> None:
        """The other applications to close now that the new job starts."""
        self.context.runner.submit(
            lambda: _load_first_day(application_id), self._show_first_day, self.failed
        )

    def _show_first_day(self, loaded: tuple[FirstDay, str]) -> None:
        from followthrough.ui.offers.first_day import FirstDayDialog

        dialog = FirstDayDialog(loaded[0], loaded[1], self.parent)
        dialog.close_requested.connect(lambda ids: self._close(dialog, ids))
        self.run_dialog(dialog)

    def _close(self, dialog: FirstDayDialog, application_ids: list[int]) -> None:
        from followthrough.store.offers.first_day import close_as_withdrawn

        clock, today = self.context.clock, self._today()

        def closed(ids: list[int]) -> None:
            dialog.remove(ids)
            self.saved(
                QCoreApplication.translate(
                    "OfferFlow", "Closed as withdrawn: {count} application(s)."
                ).format(count=len(ids))
            )

        saving.save(
            self.context.runner,
            dialog,
            QCoreApplication.translate("OfferFlow", "the closing of the other applications"),
            lambda: close_as_withdrawn(application_ids, clock, today),
            closed,
        )
