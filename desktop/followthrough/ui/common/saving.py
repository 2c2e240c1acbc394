"""Saving from the window: the write runs off the GUI thread, and lands or says so.

When a save fails, the person sees what was not saved and why, in plain words (never an
exception's text), and chooses: Retry (the same values again), Back to the form (the form
opens again with what they typed), or Don't save. The runner has logged the error with
its traceback by then.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from shiboken6 import Shiboken

from followthrough import APP_NAME
from followthrough.domain.wording import QT_TRANSLATE_NOOP  # returns str, unlike PySide6's
from followthrough.services.background import BackgroundRunner, JobFailure

log = logging.getLogger(__name__)


class AfterFailure(Enum):
    RETRY = "retry"
    EDIT = "edit"
    DISCARD = "discard"


# "Not saved: …", "Not deleted: …": whole sentences, one per verb the callers use.
_NOT_DONE = {
    "saved": QT_TRANSLATE_NOOP("saving", "Not saved: {what}."),
    "deleted": QT_TRANSLATE_NOOP("saving", "Not deleted: {what}."),
    "done": QT_TRANSLATE_NOOP("saving", "Not done: {what}."),
    "removed": QT_TRANSLATE_NOOP("saving", "Not removed: {what}."),
}


def _not_done(verb: str, what: str) -> str:
    template = _NOT_DONE.get(verb)
    if template is None:
        return QCoreApplication.translate("saving", "Not {verb}: {what}.").format(
            verb=verb, what=what
        )
    return QCoreApplication.translate("saving", template).format(what=what)


def _kept(retryable: bool, can_edit: bool) -> str:
    """What happens to the input, given the ways back that are offered."""
    if retryable and can_edit:
        return QCoreApplication.translate(
            "saving",
            "What you entered is kept: Retry saves it again, or go back to the form to change it.",
        )
    if retryable:
        return QCoreApplication.translate(
            "saving", "What you entered is kept: Retry saves it again."
        )
    if can_edit:
        return QCoreApplication.translate(
            "saving", "What you entered is kept: go back to the form to change it."
        )
    return ""


class SaveFailedBox:
    """The question after a failed save. Tests replace ``ask`` to answer it."""

    @staticmethod
    def ask(
        parent: QWidget | None, what: str, failure: str, can_edit: bool, verb: str = "saved"
    ) -> AfterFailure:
        refusal = isinstance(failure, JobFailure) and failure.refusal
        retryable = not isinstance(failure, JobFailure) or failure.retryable
        box = QMessageBox(parent)
        box.setObjectName("saveFailed")
        box.setIcon(QMessageBox.Icon.Information if refusal else QMessageBox.Icon.Warning)
        box.setWindowTitle(
            QCoreApplication.translate("saving", "Not saved — {app}").format(app=APP_NAME)
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(_not_done(verb, what))
        box.setInformativeText(f"{failure}\n\n{_kept(retryable, can_edit)}".strip())
        buttons: dict[Any, AfterFailure] = {}
        if retryable:
            retry = box.addButton(
                QCoreApplication.translate("saving", "&Retry"), QMessageBox.ButtonRole.AcceptRole
            )
            buttons[retry] = AfterFailure.RETRY
            box.setDefaultButton(retry)
        if can_edit:
            edit = box.addButton(
                QCoreApplication.translate("saving", "&Back to the form"),
                QMessageBox.ButtonRole.ActionRole,
            )
            buttons[edit] = AfterFailure.EDIT
            if not retryable:
                box.setDefaultButton(edit)
        discard = box.addButton(
            QCoreApplication.translate("saving", "&Don't save")
            if retryable or can_edit
            else QCoreApplication.translate("saving", "OK"),
            QMessageBox.ButtonRole.RejectRole,
        )
        buttons[discard] = AfterFailure.DISCARD
        box.setEscapeButton(discard)
        box.exec()
        return buttons.get(box.clickedButton(), AfterFailure.DISCARD)


def save(
    runner: BackgroundRunner,
    parent: QWidget | None,
    what: str,
    work: Callable[[], Any],
    on_saved: Callable[[Any], None],
    *,
    edit: Callable[[], None] | None = None,
    on_discarded: Callable[[], None] | None = None,
    verb: str = "saved",
) -> None:
    """Run the write ``work``; ``on_saved(result)`` once it landed.

    ``what`` names what is being saved, for the failure message ("Not saved: the
    follow-up with Acme."; ``verb`` "deleted" for a deletion). ``edit`` reopens the form
    with what was typed (offered as "Back to the form"); ``on_discarded`` runs when the
    person gives up on it.
    """

    def failed(failure: str) -> None:
        # A dialog closed (and deleted) while its save ran cannot be the parent any more.
        owner = parent if parent is None or Shiboken.isValid(parent) else None
        choice = SaveFailedBox.ask(owner, what, failure, edit is not None, verb)
        log.info("save of %r failed (%s): %s", what, failure, choice.value)
        if choice is AfterFailure.RETRY:
            attempt()
        elif choice is AfterFailure.EDIT and edit is not None:
            edit()
        elif on_discarded is not None:
            on_discarded()

    def attempt() -> None:
        runner.submit_write(work, on_saved, failed)

    attempt()
