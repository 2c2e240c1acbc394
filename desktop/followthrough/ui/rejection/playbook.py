"""The playbook after a rejection, as a window: each step with its state and what it
takes, none of it forced. Offered when an application closes as a rejection, and opened
again from the application.

Loads and saves on the background runner; one window per application.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from followthrough.domain.references import MessagePurpose
from followthrough.domain.rejection import (
    REVISIT_MONTHS_DEFAULT,
    REVISIT_MONTHS_MAX,
    REVISIT_MONTHS_MIN,
    PlaybookStep,
    StepKind,
    StepState,
)
from followthrough.domain.wording import application_title, long_day
from followthrough.store.rejection import (
    Playbook,
    load_playbook,
    plan_revisit,
    set_contact_profile,
    set_step_state,
)
from followthrough.ui.common import saving
from followthrough.ui.common.ask import Ask
from followthrough.ui.common.formatting import system_zone
from followthrough.ui.common.text import plain_label
from followthrough.ui.common.theme import ColourRole, colour_text
from followthrough.ui.common.widgets import resize_on_screen, show_in_front
from followthrough.ui.references.flow import ReferenceFlow
from followthrough.ui.shell.context import AppContext

_STATE_ROLE = {
    StepState.TODO: ColourRole.OWED,
    StepState.DONE: ColourRole.SUCCESS,
    StepState.SKIPPED: ColourRole.MUTED,
}


class PlaybookDialog(QDialog):
    """Signals:
    changed(): a step's state was saved (the application's timeline shows it).
    """

    changed = Signal()
    open_dialogs: ClassVar[dict[int, PlaybookDialog]] = {}

    @classmethod
    def offer(
        cls, context: AppContext, application_id: int, parent: QWidget | None = None
    ) -> PlaybookDialog:
        """Shows the application's playbook (the one already open, if any)."""
        dialog = cls.open_dialogs.get(application_id)
        # Gone with the window it was opened over (an application closed meanwhile).
        if dialog is None or not Shiboken.isValid(dialog):
            dialog = cls(context, application_id, parent)
            cls.open_dialogs[application_id] = dialog
        show_in_front(dialog)
        return dialog

    def __init__(
        self, context: AppContext, application_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rejectionPlaybook")
        self.context = context
        self.application_id = application_id
        self.playbook: Playbook | None = None
        self.references = ReferenceFlow(context, self, self._saved, self._failed)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("After the no"))
        resize_on_screen(self, 660, 620)
        self.finished.connect(lambda _r: self._forget())
        layout = QVBoxLayout(self)
        self.heading = plain_label(self.tr("Loading…"), wrap=True)
        self.heading.setObjectName("playbookHeading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        intro = plain_label(
            self.tr(
                "They said no this time. A few small steps keep the door open and leave a good "
                "last impression. None is required: you can come back to them from the "
                "application at any time."
            ),
            wrap=True,
        )
        layout.addWidget(intro)
        # Many interviewers make many steps: they scroll, the window keeps its size.
        self.steps_frame = QWidget()
        self.steps_layout = QVBoxLayout(self.steps_frame)
        self.steps_layout.setContentsMargins(0, 6, 0, 0)
        self.steps_layout.setSpacing(12)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(self.steps_frame)
        holder_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(holder)
        layout.addWidget(scroll, 1)
        self.error = plain_label(wrap=True)
        colour_text(self.error, ColourRole.ERROR)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.rows: dict[str, StepRow] = {}
        self.reload()

    def _forget(self) -> None:
        if self.open_dialogs.get(self.application_id) is self:
            del self.open_dialogs[self.application_id]

    # -- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        application_id = self.application_id
        self.context.runner.submit(lambda: load_playbook(application_id), self._show, self._failed)

    def _failed(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _saved(self, _message: str = "") -> None:
        self.changed.emit()
        self.reload()

    def _show(self, playbook: Playbook) -> None:
        self.error.hide()
        self.playbook = playbook
        facts = playbook.facts
        self.heading.setText(
            self.tr("{application}: after the no").format(
                application=application_title(facts.company, facts.role_title)
            )
        )
        while self.steps_layout.count():
            item = self.steps_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.rows = {}
        if not playbook.steps:
            self.steps_layout.addWidget(
                plain_label(self.tr("This application is not closed as a rejection now."))
            )
            return
        for number, step in enumerate(playbook.steps):
            row = StepRow(self, step, number + 1)
            self.rows[step.key] = row
            self.steps_layout.addWidget(row)

    # -- acting --------------------------------------------------------------------------

    def set_state(self, step: PlaybookStep, state: StepState) -> None:
        application_id, clock, key = self.application_id, self.context.clock, step.key
        saving.save(
            self.context.runner,
            self,
            self.tr("the step “{step}”").format(step=step_title(step, self.company())),
            lambda: set_step_state(application_id, key, state, clock),
            lambda _r: self._saved(),
        )

    def company(self) -> str:
        return self.playbook.facts.company if self.playbook else ""

    def write_thank_you(self, step: PlaybookStep) -> None:
        from followthrough.ui.rejection.thank_you import ThankYouDialog

        if self.playbook is None:
            return
        dialog = ThankYouDialog(self.company(), self.playbook.thank_you, self)
        dialog.sent.connect(lambda: self.set_state(step, StepState.DONE))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def open_profile(self, step: PlaybookStep) -> None:
        if not self.open_url(step.linkedin_url):
            self._failed(self.tr("The profile could not be opened: no web browser answered."))

    def add_profile(self, step: PlaybookStep) -> None:
        if step.contact_id is None:
            return
        url = self.ask_profile_url(self, step.person)
        if not url:
            return
        contact_id = step.contact_id
        saving.save(
            self.context.runner,
            self,
            self.tr("the profile link of {name}").format(name=step.person),
            lambda: set_contact_profile(contact_id, url),
            lambda _r: self._saved(),
            edit=lambda: self.add_profile(step),
        )

    def plan_revisit(self, months: int) -> None:
        application_id, clock = self.application_id, self.context.clock
        saving.save(
            self.context.runner,
            self,
            self.tr("the reminder to look at {company} again").format(company=self.company()),
            lambda: plan_revisit(application_id, months, clock),
            lambda _r: self._saved(),
        )

    def tell_reference(self, step: PlaybookStep) -> None:
        if step.link_id is not None:
            self.references.open(step.link_id, MessagePurpose.OUTCOME)

    def revisit_text(self) -> str:
        at = self.playbook.revisit_at if self.playbook else None
        if at is None:
            return self.tr("No reminder planned yet.")
        return self.tr("Reminder on {day}.").format(
            day=long_day(at.astimezone(system_zone()).date())
        )

    @staticmethod
    def open_url(url: str) -> bool:
        """Opens a profile in the browser (tests replace this)."""
        return QDesktopServices.openUrl(QUrl(url))

    @staticmethod
    def ask_profile_url(parent: QWidget, name: str) -> str | None:
        """Asks for a profile address (tests replace this); None when cancelled."""
        editor = QLineEdit()
        editor.setPlaceholderText(
            QCoreApplication.translate("rejection", "https://www.linkedin.com/in/…")
        )
        return Ask.with_editor(
            parent,
            QCoreApplication.translate("rejection", "Add a profile link"),
            QCoreApplication.translate(
                "rejection", "The profile address of {name} (LinkedIn or similar):"
            ).format(name=name),
            editor,
            editor.text,
            minimum_width=420,
        )


def step_title(step: PlaybookStep, company: str) -> str:
    if step.kind is StepKind.THANK_YOU:
        return QCoreApplication.translate(
            "rejection", "Thank them, ask for feedback and to be kept in mind"
        )
    if step.kind is StepKind.CONNECT:
        return QCoreApplication.translate("rejection", "Stay in touch with {name}").format(
            name=step.person
        )
    if step.kind is StepKind.REVISIT:
        return QCoreApplication.translate("rejection", "Look at {company} again later").format(
            company=company
        )
    return QCoreApplication.translate("rejection", "Tell {name} how it ended").format(
        name=step.person
    )


def state_text(state: StepState) -> str:
    return {
        StepState.TODO: QCoreApplication.translate("rejection", "To do"),
        StepState.DONE: QCoreApplication.translate("rejection", "Done"),
        StepState.SKIPPED: QCoreApplication.translate("rejection", "Skipped"),
    }[state]


class StepRow(QWidget):
    """One step: its state, what it is, and its actions."""

    def __init__(self, dialog: PlaybookDialog, step: PlaybookStep, number: int) -> None:
        super().__init__()
        self.setObjectName(f"step_{step.key}")
        self.dialog, self.step = dialog, step
        self.state = plain_label(state_text(step.state))
        self.state.setObjectName("playbookState")
        colour_text(self.state, _STATE_ROLE[step.state])
        metrics = self.state.fontMetrics()
        self.state.setMinimumWidth(
            max(metrics.horizontalAdvance(state_text(s)) for s in StepState) + 12
        )
        title = step_title(step, dialog.company())
        self.title = plain_label(f"{number}. {title}", wrap=True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.detail = plain_label(self._detail(), wrap=True)
        self.detail.setObjectName("playbookDetail")
        colour_text(self.detail, ColourRole.MUTED)
        self.buttons: dict[str, QPushButton] = {}
        self.months: QSpinBox | None = None
        actions = QHBoxLayout()
        actions.setContentsMargins(0, 0, 0, 0)
        self._add_own_actions(actions)
        self._add_state_actions(actions)
        actions.addStretch(1)
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        column.addWidget(self.title)
        column.addWidget(self.detail)
        column.addLayout(actions)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(column, 1)

    def _detail(self) -> str:
        step = self.step
        if step.kind is StepKind.THANK_YOU:
            if step.person:
                return self.tr(
                    "To {name}: thanks for their time, a request for feedback, and a wish to "
                    "be kept in mind."
                ).format(name=step.person)
            return self.tr("No interviewer recorded: the note starts with a plain hello.")
        if step.kind is StepKind.CONNECT:
            if step.linkedin_url:
                return self.tr("Connect on LinkedIn with a friendly line: no hard feelings.")
            return self.tr("No profile link recorded for {name}.").format(name=step.person)
        if step.kind is StepKind.REVISIT:
            return self.dialog.revisit_text()
        return self.tr("References like to hear the end of the story.")

    def _button(self, row: QHBoxLayout, name: str, text: str, slot: Callable[[], None]) -> None:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        row.addWidget(button)
        self.buttons[name] = button

    def _add_own_actions(self, row: QHBoxLayout) -> None:
        step, dialog = self.step, self.dialog
        if step.kind is StepKind.THANK_YOU:
            self._button(row, "write", self.tr("&Write…"), lambda: dialog.write_thank_you(step))
        elif step.kind is StepKind.CONNECT and step.linkedin_url:
            self._button(row, "profile", self.tr("Open profile"), lambda: dialog.open_profile(step))
        elif step.kind is StepKind.CONNECT:
            self._button(
                row, "add_profile", self.tr("Add a link…"), lambda: dialog.add_profile(step)
            )
        elif step.kind is StepKind.REVISIT:
            months = QSpinBox()
            months.setObjectName("revisitMonths")
            months.setRange(REVISIT_MONTHS_MIN, REVISIT_MONTHS_MAX)
            months.setValue(step.months or REVISIT_MONTHS_DEFAULT)
            self.months = months
            label_months = QLabel(self.tr("&Months after the no:"))
            label_months.setBuddy(months)
            row.addWidget(label_months)
            row.addWidget(months)
            label = self.tr("Re&schedule") if step.months else self.tr("&Remind me")
            self._button(row, "plan", label, lambda: dialog.plan_revisit(months.value()))
        else:
            self._button(row, "tell", self.tr("Tell them…"), lambda: dialog.tell_reference(step))

    def _add_state_actions(self, row: QHBoxLayout) -> None:
        step, dialog = self.step, self.dialog
        if step.state_from_references:
            return  # the references feature records it when the message goes out
        if step.state is StepState.TODO:
            self._button(
                row, "done", self.tr("Mark done"), lambda: dialog.set_state(step, StepState.DONE)
            )
            self._button(
                row, "skip", self.tr("Skip"), lambda: dialog.set_state(step, StepState.SKIPPED)
            )
        else:
            self._button(
                row, "undo", self.tr("To do again"), lambda: dialog.set_state(step, StepState.TODO)
            )
