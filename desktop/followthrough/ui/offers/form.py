"""The offer form: the terms as the letter gives them, the answer deadline, and the
answer itself (accept with a start day, or decline).

The deadline is a day, an optional time and the time zone they are on (the user's own at
first; the letter may name another): one instant (``OfferTerms.deadline``). Where that
zone shows another time than the user's, the form says when it is on the user's clock.

A deadline already behind (before now, on any clock) is said plainly beside the field:
reply now or ask for more time; Today lists it as overdue until the offer is answered.
Saving it is still allowed, once confirmed: an offer can be recorded late.

It only collects input: ``flow.OfferFlow`` loads and saves.
"""

from __future__ import annotations

from datetime import date, datetime, time
from enum import Enum

from PySide6.QtCore import QCoreApplication, QTime, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from followthrough.domain.offers.record import (
    LINE_LIMIT,
    OfferStatus,
    OfferTerms,
    deadline_passed,
    deadline_words,
    moves_to_offer,
)
from followthrough.domain.stages import Stage
from followthrough.domain.two_clocks import day_and_time, same_clock
from followthrough.domain.wording import application_title, short_day
from followthrough.store.offers.records import OfferContext
from followthrough.ui.applications.labels import stage_label
from followthrough.ui.common.ask import Ask
from followthrough.ui.common.formatting import system_zone
from followthrough.ui.common.forms import date_edit, keep_narrow, time_edit, zone_combo
from followthrough.ui.common.locale_words import from_qdate, to_qdate
from followthrough.ui.common.text import plain_label
from followthrough.ui.common.theme import ColourRole, colour_text
from followthrough.ui.common.widgets import resize_on_screen


class Answer(Enum):
    """What the person chose to do with the offer besides saving its terms."""

    NONE = "none"
    ACCEPT = "accept"
    DECLINE = "decline"


class OfferDialog(QDialog):
    """The form; ``value()`` is the terms as typed, ``answer`` what was chosen.

    Signals:
    compare_requested(): the person wants to see the offers side by side.
    first_day_requested(): the person wants to close the other applications (accepted).
    decline_message_requested(): the person wants to write their reply (declined).

    ``now``: the moment on the user's clock (aware) a deadline is checked against; without
    it, the start of ``today``.
    """

    compare_requested = Signal()
    first_day_requested = Signal()
    decline_message_requested = Signal()

    def __init__(
        self,
        context: OfferContext,
        today: date,
        parent: QWidget | None = None,
        now: datetime | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("offerDialog")
        self.context = context
        self.today = today
        self.zone = system_zone()
        self.now = now or datetime.combine(today, time(0), self.zone)
        self.answer = Answer.NONE
        self.start_on: date | None = None
        title = application_title(context.company, context.role)
        self.setWindowTitle(self.tr("Offer: {title}").format(title=title))
        layout = QVBoxLayout(self)
        self.status = plain_label(self._status_text(), wrap=True)
        self.status.setObjectName("offerStatus")
        layout.addWidget(self.status)
        layout.addLayout(self._build_terms())
        advice = plain_label(
            self.tr(
                "An offer is not the end of the search: keep your other applications going "
                "until your first day. Several offers give you room to negotiate."
            ),
            wrap=True,
        )
        colour_text(advice, ColourRole.ADVICE)
        layout.addWidget(advice)
        layout.addStretch(1)
        layout.addWidget(self._build_buttons())
        self._fill(context.terms)
        self._loaded = self.value()
        resize_on_screen(self, 560, 420)

    def _status_text(self) -> str:
        context = self.context
        if context.status is OfferStatus.ACCEPTED and context.start_on is not None:
            return self.tr("Accepted. You start on {day}.").format(day=short_day(context.start_on))
        if context.status is OfferStatus.DECLINED:
            return self.tr("Declined.")
        if context.status is OfferStatus.OPEN:
            return self.tr("Waiting for your answer.")
        if moves_to_offer(context.stage):
            return self.tr(
                "Write down the terms as the offer states them. Saving moves the "
                "application to “{stage}”."
            ).format(stage=stage_label(Stage.OFFER))
        return self.tr("Write down the terms as the offer states them.")

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setMaxLength(LINE_LIMIT)
        edit.setPlaceholderText(placeholder)
        return edit

    def _build_terms(self) -> QFormLayout:
        form = QFormLayout()
        self.salary = self._line("offerSalary", self.tr("e.g. 85,000 EUR a year"))
        self.bonus = self._line(
            "offerBonus", self.tr("e.g. 10 % yearly bonus, shares after a year")
        )
        self.benefits = QPlainTextEdit()
        self.benefits.setObjectName("offerBenefits")
        self.benefits.setPlaceholderText(self.tr("Holidays, pension, equipment, training budget…"))
        self.benefits.setTabChangesFocus(True)
        lines = self.benefits.fontMetrics().lineSpacing()
        self.benefits.setMaximumHeight(lines * 6 + 12)
        self.location = self._line("offerLocation", self.tr("e.g. Berlin, two days remote"))
        form.addRow(self.tr("Salar&y:"), self.salary)
        form.addRow(self.tr("&Bonus or equity:"), self.bonus)
        form.addRow(self.tr("Benefits and &other terms:"), self.benefits)
        form.addRow(self.tr("&Location or remote:"), self.location)
        form.addRow(self.tr("Ans&wer by:"), self._build_deadline())
        form.addRow(self.tr("Time &zone:"), self._build_zone())
        # Beside the field: a deadline already behind (``_check_deadline``).
        self.deadline_note = plain_label(wrap=True)
        self.deadline_note.setObjectName("offerDeadlinePassed")
        colour_text(self.deadline_note, ColourRole.WARNING)
        self.deadline_note.hide()
        form.addRow("", self.deadline_note)
        self.start_row = plain_label()
        if self.context.start_on is not None:
            form.addRow(self.tr("Start day:"), self.start_row)
            self.start_row.setText(short_day(self.context.start_on))
        return form

    def _build_deadline(self) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.has_deadline = QCheckBox(self.tr("a deadline"))
        self.has_deadline.setObjectName("offerHasDeadline")
        self.deadline = date_edit(self.today)
        self.deadline.setObjectName("offerDeadline")
        self.has_time = QCheckBox(self.tr("at"))
        self.has_time.setObjectName("offerHasTime")
        self.deadline_time = time_edit(time(12))
        self.deadline_time.setObjectName("offerDeadlineTime")
        self.has_deadline.toggled.connect(self._deadline_toggled)
        self.has_time.toggled.connect(self.deadline_time.setEnabled)
        for changed in (
            self.has_deadline.toggled,
            self.has_time.toggled,
            self.deadline.dateChanged,
            self.deadline_time.timeChanged,
        ):
            changed.connect(self._check_deadline)
        for widget in (self.has_deadline, self.deadline, self.has_time, self.deadline_time):
            line.addWidget(widget)
        line.addStretch(1)
        return row

    def _build_zone(self) -> QWidget:
        """The zone the deadline is given in, and, where its clock shows another time,
        when that is on the user's."""
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.deadline_zone = keep_narrow(zone_combo(self.zone.key, "offerDeadlineZone"))
        self.deadline_zone.setToolTip(
            self.tr(
                "The time zone the offer's deadline is given in (yours, unless the offer "
                "names another)"
            )
        )
        self.deadline_zone.currentTextChanged.connect(self._check_deadline)
        self.on_your_clock = plain_label()
        self.on_your_clock.setObjectName("offerDeadlineYourClock")
        colour_text(self.on_your_clock, ColourRole.MUTED)
        line.addWidget(self.deadline_zone)
        line.addWidget(self.on_your_clock, 1)
        return row

    def _deadline_toggled(self, on: bool) -> None:
        self.deadline.setEnabled(on)
        self.has_time.setEnabled(on)
        self.deadline_time.setEnabled(on and self.has_time.isChecked())
        self.deadline_zone.setEnabled(on)

    def deadline_has_passed(self) -> bool:
        """Whether the deadline as typed is already behind, on the user's clock."""
        return deadline_passed(self.value(), self.now, self.zone)

    def _check_deadline(self) -> None:
        self._say_your_clock()
        if not self.deadline_has_passed():
            self.deadline_note.hide()
            return
        self.deadline_note.setText(
            self.tr(
                "This deadline has passed. Reply to them now, or ask whether they can give "
                "you more time: Today lists it as overdue until you answer. You can still "
                "record the offer."
            )
        )
        self.deadline_note.show()

    def _say_your_clock(self) -> None:
        """The deadline on the user's clock, when its zone's clock shows another time."""
        terms = self.value()
        deadline = terms.deadline(self.zone)
        if deadline is None or same_clock(deadline, self.zone, terms.given_in(self.zone)):
            self.on_your_clock.clear()
            return
        mine = day_and_time(deadline.astimezone(self.zone))
        if terms.answer_by_time is None:
            text = self.tr("That day ends at {when} on your clock.")
        else:
            text = self.tr("That is {when} on your clock.")
        self.on_your_clock.setText(text.format(when=mine))

    def _build_buttons(self) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.compare_button = QPushButton(self.tr("&Compare offers…"))
        self.compare_button.setObjectName("offerCompare")
        self.compare_button.clicked.connect(self.compare_requested.emit)
        self.accept_button = QPushButton(self.tr("&Accept…"))
        self.accept_button.setObjectName("offerAccept")
        self.accept_button.clicked.connect(self.accept_offer)
        self.decline_button = QPushButton(self.tr("&Decline…"))
        self.decline_button.setObjectName("offerDecline")
        self.decline_button.clicked.connect(self.decline_offer)
        self.first_day_button = QPushButton(self.tr("Close &the other applications…"))
        self.first_day_button.setObjectName("offerFirstDay")
        self.first_day_button.clicked.connect(self.first_day_requested.emit)
        self.first_day_button.setVisible(self.context.status is OfferStatus.ACCEPTED)
        self.decline_message_button = QPushButton(self.tr("Write your &reply…"))
        self.decline_message_button.setObjectName("offerDeclineMessage")
        self.decline_message_button.setToolTip(
            self.tr("A short, warm message declining the offer, to send or copy")
        )
        self.decline_message_button.clicked.connect(self.decline_message_requested.emit)
        self.decline_message_button.setVisible(self.context.status is OfferStatus.DECLINED)
        answered = self.context.status in (OfferStatus.ACCEPTED, OfferStatus.DECLINED)
        self.accept_button.setVisible(not answered)
        self.decline_button.setVisible(not answered)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.accept)
        for button in (
            self.compare_button,
            self.accept_button,
            self.decline_button,
            self.first_day_button,
            self.decline_message_button,
        ):
            line.addWidget(button)
        line.addStretch(1)
        line.addWidget(buttons)
        return row

    def _fill(self, terms: OfferTerms) -> None:
        self.salary.setText(terms.salary)
        self.bonus.setText(terms.bonus)
        self.benefits.setPlainText(terms.benefits)
        self.location.setText(terms.location)
        self.has_deadline.setChecked(terms.answer_by is not None)
        if terms.answer_by is not None:
            self.deadline.setDate(to_qdate(terms.answer_by))
        self.has_time.setChecked(terms.answer_by_time is not None)
        if terms.answer_by_time is not None:
            moment = terms.answer_by_time
            self.deadline_time.setTime(QTime(moment.hour, moment.minute))
        self.deadline_zone.setCurrentText(terms.answer_by_zone or self.zone.key)
        self._deadline_toggled(self.has_deadline.isChecked())
        self._check_deadline()

    def value(self) -> OfferTerms:
        """The terms as typed (the stored checks trim them)."""
        by = from_qdate(self.deadline.date()) if self.has_deadline.isChecked() else None
        moment = self.deadline_time.time()
        at = time(moment.hour(), moment.minute()) if by and self.has_time.isChecked() else None
        return OfferTerms(
            self.salary.text(),
            self.bonus.text(),
            self.benefits.toPlainText(),
            self.location.text(),
            by,
            at,
            self.deadline_zone.currentText().strip(),
        )

    def changed(self) -> bool:
        return self.value() != self._loaded or self.answer is not Answer.NONE

    def accept_offer(self) -> None:
        """Asks for the start day; accepting then saves the terms too."""
        day = self.ask_start_day(self, self.today)
        if day is None:
            return
        self.answer, self.start_on = Answer.ACCEPT, day
        self.accept()

    def decline_offer(self) -> None:
        if not Ask.confirm(
            self,
            self.tr("Decline this offer?"),
            self.tr(
                "The application to {company} will be closed as withdrawn. Next, the app "
                "offers a short, warm reply to send them: you may meet again."
            ).format(company=self.context.company),
            self.tr("Decline"),
        ):
            return
        self.answer = Answer.DECLINE
        self.accept()

    def accept(self) -> None:
        """Save (also from "Save your changes?"): a deadline already behind is saved once
        the person confirms it."""
        if self.answer is Answer.NONE and not self._late_deadline_confirmed():
            return
        super().accept()

    def _late_deadline_confirmed(self) -> bool:
        terms, loaded = self.value(), self._loaded
        if not self.deadline_has_passed():
            return True
        same = terms.deadline(self.zone) == loaded.deadline(self.zone)
        if same and self.context.status is not None:
            return True  # saved so before, and confirmed then
        return Ask.confirm(
            self,
            self.tr("The deadline has passed"),
            self.tr(
                "The deadline to answer, {day}, is already behind you. Record the offer "
                "anyway? Today lists it as overdue until you answer: reply to them soon, or "
                "ask whether they can give you more time."
            ).format(day=deadline_words(terms, self.zone)),
            self.tr("Record it anyway"),
        )

    def reject(self) -> None:
        if Ask.may_leave(self, self.value() != self._loaded):
            super().reject()

    @staticmethod
    def ask_start_day(parent: QWidget | None, today: date) -> date | None:
        """The first day of the new job, or None when cancelled (tests replace this).

        Any day can be typed (a minimum of today turned "25" into the 5th while typing);
        one before today is refused on OK, saying why."""
        editor = date_edit(today)
        editor.setObjectName("startDay")

        def problem() -> str | None:
            day = from_qdate(editor.date())
            if day >= today:
                return None
            return QCoreApplication.translate(
                "OfferDialog", "{day} has passed: your first day is today, {today}, or later."
            ).format(day=short_day(day), today=short_day(today))

        return Ask.with_editor(
            parent,
            QCoreApplication.translate("OfferDialog", "Your first day"),
            QCoreApplication.translate(
                "OfferDialog",
                "You accept the offer. When is your first day? Your other applications stay "
                "open until then; on that day the app helps you close them.",
            ),
            editor,
            lambda: from_qdate(editor.date()),
            problem=problem,
        )
