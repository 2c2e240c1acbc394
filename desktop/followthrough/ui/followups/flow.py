"""Logging a follow-up, from anywhere in the window: a quick form or the call sheet.

The data is loaded and saved on the background runner; the dialogs only collect input.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from followthrough.store.touchpoints import (
    CallSheetFacts,
    TouchpointInput,
    call_sheet_facts,
    log_touchpoint,
    save_intro_line,
)
from followthrough.ui.common import saving
from followthrough.ui.followups.dialogs import CallSheetDialog, TouchpointDialog
from followthrough.ui.shell.context import DialogFlow


class FollowUpFlow(DialogFlow):
    """Opens the follow-up dialogs for an application and saves what they return (a
    touchpoint, an intro line); ``run_dialog`` runs a modal dialog."""

    def _with_facts(self, application_id: int, then: Callable[[CallSheetFacts], None]) -> None:
        now = self.context.clock.now()
        self.context.runner.submit(lambda: call_sheet_facts(application_id, now), then, self.failed)

    def log(self, application_id: int, preset_channel: str | None = None) -> None:
        """The quick form: channel, answered, outcome, notes."""

        def show(facts: CallSheetFacts) -> None:
            dialog = TouchpointDialog(
                facts.company,
                [(p.contact_id, p.name) for p in facts.people],
                self.context.clock.now(),
                self.zone,
                # The way the plan says to follow up, unless the caller chose one.
                preset_channel or facts.channel.value,
                self.parent,
                application_id=application_id,
            )
            self._run_log(dialog, facts.company)

        self._with_facts(application_id, show)

    def _run_log(self, dialog: TouchpointDialog, company: str) -> None:
        if self.run_dialog(dialog):
            self._save(dialog.value(), company, lambda: self._run_log(dialog, company))

    def call_sheet(self, application_id: int) -> None:
        """The phone call with everything at hand; its outcome buttons log the call."""

        def show(facts: CallSheetFacts) -> None:
            dialog = CallSheetDialog(facts, self.context.clock.now(), self.zone, self.parent)
            self._run_call_sheet(dialog, facts)

        self._with_facts(application_id, show)

    def _run_call_sheet(self, dialog: CallSheetDialog, facts: CallSheetFacts) -> None:
        accepted = self.run_dialog(dialog)
        if dialog.intro_changed():
            intro, application_id = dialog.intro_line(), facts.application_id
            saving.save(
                self.context.runner,
                self.parent,
                QCoreApplication.translate(
                    "followups", "your five-second intro for {company}"
                ).format(company=facts.company),
                lambda: save_intro_line(application_id, intro),
                lambda _r: None,
                edit=None if accepted else lambda: self._run_call_sheet(dialog, facts),
            )
        if accepted:
            self._save(dialog.value(), facts.company, lambda: self._run_call_sheet(dialog, facts))

    def _save(self, value: TouchpointInput, company: str, edit: Callable[[], None]) -> None:
        clock, today = self.context.clock, self._today()
        saving.save(
            self.context.runner,
            self.parent,
            QCoreApplication.translate("followups", "the follow-up with {company}").format(
                company=company
            ),
            lambda: log_touchpoint(value, clock, today),
            lambda _id: self.saved(
                QCoreApplication.translate(
                    "followups", "Logged the follow-up with {company}."
                ).format(company=company)
            ),
            edit=edit,
        )
