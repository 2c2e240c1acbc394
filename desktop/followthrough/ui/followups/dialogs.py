"""Logging follow-ups: a touchpoint in a few clicks, and the call sheet for a phone call.

Neither dialog writes anything: after ``exec()`` the caller reads ``value()`` (and, for the
call sheet, ``intro_line()``) and hands it to ``store.touchpoints`` off the GUI thread.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from html import escape
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from followthrough.domain.cadence import Channel, Outcome
from followthrough.domain.contacts import names_a_way
from followthrough.domain.phone_followup import (
    OPENING_TIP,
    WARM_UP,
    default_intro_line,
    fill_in_name,
    intro_hint,
    opener,
    questions_for,
)
from followthrough.domain.wording import short_day
from followthrough.store.contacts import ContactCard
from followthrough.store.touchpoints import (
    CallSheetFacts,
    TouchpointInput,
    touchpoint_problem,
)
from followthrough.ui.common.forms import date_edit, error_label, keep_narrow, time_edit
from followthrough.ui.common.locale_words import from_qdate
from followthrough.ui.common.text import plain_label
from followthrough.ui.common.widgets import resize_on_screen
from followthrough.ui.contacts.labels import method_phrase, person_label

# Texts marked for translation (shown through QCoreApplication.translate in the dialog's
# context).
CHANNEL_CHOICES: tuple[tuple[object, Channel], ...] = (
    (QT_TRANSLATE_NOOP("TouchpointDialog", "&Call"), Channel.PHONE),
    (QT_TRANSLATE_NOOP("TouchpointDialog", "&Voicemail left"), Channel.VOICEMAIL),
    (QT_TRANSLATE_NOOP("TouchpointDialog", "&E-mail"), Channel.EMAIL),
    (QT_TRANSLATE_NOOP("TouchpointDialog", "Their &reply"), Channel.REPLY),
)
OUTCOME_CHOICES: tuple[tuple[object, Outcome], ...] = (
    (QT_TRANSLATE_NOOP("TouchpointDialog", "&No news"), Outcome.NO_NEWS),
    (QT_TRANSLATE_NOOP("TouchpointDialog", "&Still a candidate"), Outcome.STILL_CANDIDATE),
    (
        QT_TRANSLATE_NOOP("TouchpointDialog", "New &timeframe: they decide by"),
        Outcome.NEW_TIMEFRAME,
    ),
    (
        QT_TRANSLATE_NOOP("TouchpointDialog", "Position &filled (closes the application)"),
        Outcome.FILLED,
    ),
)
# A new decision date is usually a week or two out; this is only where the picker starts.
NEW_DATE_OFFSET = timedelta(days=14)
HINT_STYLE = "color: palette(placeholder-text);"
OPENER_STYLE = (
    "QLabel#opener { background: palette(alternate-base); border: 1px solid palette(mid);"
    " border-radius: 4px; padding: 8px; }"
)


def _scaled_font(widget: QWidget, factor: float, bold: bool = False) -> QFont:
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    return font


def _plain_label(text: str = "", wrap: bool = True) -> QLabel:
    return plain_label(text, wrap=wrap)


def _hint_label(text: str = "") -> QLabel:
    label = _plain_label(text)
    label.setStyleSheet(HINT_STYLE)
    return label


class TouchpointDialog(QDialog):
    """Log a call, a voicemail, an e-mail or their reply, with what it brought.

    The choices keep each other consistent: a voicemail is never answered, a reply always
    is, news means somebody answered, and the new decision date is only asked for a new
    timeframe. What the choices cannot rule out (a time still ahead, a new date before the
    contact) is explained under the form. After ``exec()``, ``value()`` is the touchpoint.
    ``application_id`` is carried into ``value()`` as given.
    """

    def __init__(
        self,
        company: str,
        people: list[tuple[int, str]],
        now: datetime,
        zone: ZoneInfo,
        preset_channel: str | None = None,
        parent: QWidget | None = None,
        *,
        application_id: int = 0,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Log a follow-up — {company}").format(company=company))
        self.setMinimumWidth(500)
        self._now = now
        self._zone = zone
        self._application_id = application_id
        local = now.astimezone(zone)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self._add_when_row(form, local)
        self._add_channel_rows(form)
        self._add_outcome_row(form, local.date() + NEW_DATE_OFFSET)
        self._add_person_and_notes(form, people)
        layout.addLayout(form)

        self.error = error_label("touchpoint")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Log it"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.channel_buttons[Channel(preset_channel or Channel.PHONE)].setChecked(True)
        self.outcome_buttons[Outcome.NO_NEWS].setChecked(True)
        self.channels.buttonToggled.connect(self._channel_toggled)
        self.outcomes.buttonToggled.connect(self._outcome_toggled)
        self.answered.toggled.connect(self._answered_changed)
        for widget in (self.day, self.time, self.new_decision_on):
            widget.editingFinished.connect(self.error.hide)
        self._channel_changed()
        self._outcome_changed()

    # -- building ------------------------------------------------------------------------

    def _add_when_row(self, form: QFormLayout, local: datetime) -> None:
        self.day = date_edit(local.date())
        self.day.setObjectName("touchDay")
        self.time = time_edit(local.time())
        self.time.setObjectName("touchTime")
        when = QHBoxLayout()
        when.addWidget(self.day)
        when.addWidget(self.time)
        when.addStretch(1)
        when_label = QLabel(self.tr("W&hen"))
        when_label.setBuddy(self.day)
        form.addRow(when_label, when)

    def _add_channel_rows(self, form: QFormLayout) -> None:
        """How (call, voicemail, e-mail, their reply), and whether they answered."""
        self.channels = QButtonGroup(self)
        channel_row = QHBoxLayout()
        self.channel_buttons: dict[Channel, QRadioButton] = {}
        for text, channel in CHANNEL_CHOICES:
            button = QRadioButton(QCoreApplication.translate("TouchpointDialog", str(text)))
            button.setObjectName(f"channel_{channel.value}")
            self.channels.addButton(button)
            self.channel_buttons[channel] = button
            channel_row.addWidget(button)
        channel_row.addStretch(1)
        form.addRow(self.tr("How"), channel_row)

        self.answered = QCheckBox(self.tr("They &answered (picked up, or wrote back)"))
        self.answered.setObjectName("answered")
        form.addRow("", self.answered)

    def _add_outcome_row(self, form: QFormLayout, new_date: date) -> None:
        """What it brought; a new timeframe with the day they now decide by."""
        self.outcomes = QButtonGroup(self)
        outcome_box = QVBoxLayout()
        outcome_box.setSpacing(2)
        self.outcome_buttons: dict[Outcome, QRadioButton] = {}
        self.new_decision_on = date_edit(new_date)
        self.new_decision_on.setObjectName("newDecisionOn")
        for text, outcome in OUTCOME_CHOICES:
            button = QRadioButton(QCoreApplication.translate("TouchpointDialog", str(text)))
            button.setObjectName(f"outcome_{outcome.value}")
            self.outcomes.addButton(button)
            self.outcome_buttons[outcome] = button
            if outcome is Outcome.NEW_TIMEFRAME:
                row = QHBoxLayout()
                row.addWidget(button)
                row.addWidget(self.new_decision_on)
                row.addStretch(1)
                outcome_box.addLayout(row)
            else:
                outcome_box.addWidget(button)
        form.addRow(self.tr("What it brought"), outcome_box)

    def _add_person_and_notes(self, form: QFormLayout, people: list[tuple[int, str]]) -> None:
        self.person = keep_narrow(QComboBox())
        self.person.setObjectName("touchPerson")
        self.person.addItem(self.tr("Nobody in particular"), None)
        for contact_id, name in people:
            self.person.addItem(name, contact_id)
        # The person the plan names (the call sheet's first) is who one usually reached.
        self.person.setCurrentIndex(1 if people else 0)
        form.addRow(self.tr("&With"), self.person)

        self.notes = QPlainTextEdit()
        self.notes.setObjectName("touchNotes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)
        self.notes.setPlaceholderText(self.tr("What was said, who you spoke to instead, …"))
        form.addRow(self.tr("N&otes"), self.notes)

    # -- keeping the choices consistent --------------------------------------------------

    def channel(self) -> Channel:
        for channel, button in self.channel_buttons.items():
            if button.isChecked():
                return channel
        return Channel.PHONE

    def outcome(self) -> Outcome:
        for outcome, button in self.outcome_buttons.items():
            if button.isChecked():
                return outcome
        return Outcome.NO_NEWS

    def _channel_toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if checked:
            self._channel_changed()

    def _outcome_toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if checked:
            self._outcome_changed()

    def _channel_changed(self) -> None:
        channel = self.channel()
        if channel is Channel.VOICEMAIL:
            self.answered.setChecked(False)
        elif channel is Channel.REPLY:
            self.answered.setChecked(True)
        self.answered.setEnabled(channel in (Channel.PHONE, Channel.EMAIL))
        for outcome, button in self.outcome_buttons.items():
            button.setEnabled(outcome is Outcome.NO_NEWS or channel is not Channel.VOICEMAIL)
        self.error.hide()

    def _answered_changed(self, answered: bool) -> None:
        if not answered:
            self.outcome_buttons[Outcome.NO_NEWS].setChecked(True)
        self.error.hide()

    def _outcome_changed(self) -> None:
        outcome = self.outcome()
        if outcome is not Outcome.NO_NEWS:
            # News comes from somebody: choosing it says they answered.
            self.answered.setChecked(True)
        self.new_decision_on.setEnabled(outcome is Outcome.NEW_TIMEFRAME)
        self.error.hide()

    # -- the result ----------------------------------------------------------------------

    def value(self) -> TouchpointInput:
        outcome = self.outcome()
        qtime = self.time.time()
        at = datetime.combine(
            from_qdate(self.day.date()), time(qtime.hour(), qtime.minute()), self._zone
        )
        return TouchpointInput(
            application_id=self._application_id,
            channel=self.channel(),
            answered=self.answered.isChecked(),
            outcome=outcome,
            new_decision_on=(
                from_qdate(self.new_decision_on.date())
                if outcome is Outcome.NEW_TIMEFRAME
                else None
            ),
            notes=self.notes.toPlainText().strip(),
            contact_id=self.person.currentData(),
            at=at,
        )

    def accept(self) -> None:
        problem = touchpoint_problem(self.value(), self._now)
        if problem is not None:
            self.error.setText(problem)
            self.error.show()
            return
        super().accept()


class CallSheetDialog(QDialog):
    """Everything for one follow-up call, and the outcome logged with one or two clicks.

    Who to call and their number; what was said at the interview; the warm-up; the
    five-second intro (editable, kept per application by the caller: ``intro_line()``);
    the opener built from it as it is typed; the questions. Each outcome button accepts
    the dialog with ``value()`` set; "new timeframe" first asks for the date, inline.
    """

    def __init__(
        self,
        facts: CallSheetFacts,
        now: datetime,
        zone: ZoneInfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.facts = facts
        self._now = now
        self._zone = zone
        self._today = now.astimezone(zone).date()
        self._value: TouchpointInput | None = None
        self.setWindowTitle(self.tr("Call sheet — {company}").format(company=facts.company))
        resize_on_screen(self, 940, 720)
        self.setStyleSheet(OPENER_STYLE)
        layout = QVBoxLayout(self)

        layout.addWidget(self._who_box())
        said = self._said_text()
        self.said = QLabel(said)
        self.said.setObjectName("said")
        self.said.setTextFormat(Qt.TextFormat.RichText)
        self.said.setWordWrap(True)
        self.said.setVisible(bool(said))
        layout.addWidget(self.said)

        middle = QHBoxLayout()
        middle.addWidget(self._warm_up_box(), 2)
        middle.addWidget(self._script_box(), 5)
        layout.addLayout(middle, 1)

        layout.addLayout(self._outcome_area())
        self.person.currentIndexChanged.connect(self._person_changed)
        self.intro.textChanged.connect(self._update_opener)
        self._person_changed()

    # -- building ------------------------------------------------------------------------

    def _who_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Who to call"))
        grid = QGridLayout(box)
        self.person = keep_narrow(QComboBox())
        self.person.setObjectName("callPerson")
        for person in self.facts.people:
            self.person.addItem(person_label(person, with_company=False), person.contact_id)
        if not self.facts.people:
            self.person.addItem(
                self.tr("Someone at {company}").format(company=self.facts.company), None
            )
        self.person.setVisible(len(self.facts.people) > 1)
        self.who = _plain_label(wrap=False)
        self.who.setObjectName("callWho")
        self.who.setFont(_scaled_font(self.who, 1.5, bold=True))
        self.number = _plain_label(wrap=False)
        self.number.setObjectName("callNumber")
        self.number.setFont(_scaled_font(self.number, 1.5))
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reach = _plain_label()
        self.reach.setObjectName("callReach")
        self.reach.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(self.who, 0, 0)
        grid.addWidget(self.number, 0, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.reach, 1, 0, 1, 2)
        if len(self.facts.people) > 1:
            row = QHBoxLayout()
            label = QLabel(self.tr("&Calling"))
            label.setBuddy(self.person)
            row.addWidget(label)
            row.addWidget(self.person, 1)
            grid.addLayout(row, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        return box

    def _said_text(self) -> str:
        """What was said at the interview, as rich text (everything typed is escaped)."""
        facts = self.facts
        # Two facts a line: short enough to read at a glance, never wrapped mid-fact.
        parts = self._said_facts()
        lines = ["  ·  ".join(parts[i : i + 2]) for i in range(0, len(parts), 2)]
        if facts.channel is Channel.EMAIL:
            # The plan says e-mail (their preference, or what they said): say so here too.
            lines.insert(
                0,
                self.tr(
                    "<b>They prefer e-mail:</b> the follow-up plan says write to them; "
                    "a call is still logged here if you make one."
                ),
            )
        last = facts.last_touchpoint
        if last is not None:
            day = short_day(last.at.astimezone(self._zone).date())
            lines.append(
                self.tr("<b>Last contact:</b> {summary} ({day})").format(
                    summary=escape(last.summary), day=day
                )
            )
        return "<br>".join(lines)

    def _said_facts(self) -> list[str]:
        """The interview, the next step, the decision day and when to check back."""
        facts = self.facts
        parts = []
        if facts.interview_day is not None:
            day = short_day(facts.interview_day)
            parts.append(
                self.tr("<b>Interview:</b> round {round}, {day}").format(
                    round=facts.interview_round, day=day
                )
                if facts.interview_round
                else self.tr("<b>Interview:</b> {day}").format(day=day)
            )
        if facts.next_step:
            parts.append(self.tr("<b>Next step:</b> {step}").format(step=escape(facts.next_step)))
        if facts.decision_on is not None:
            parts.append(
                self.tr("<b>Decision by:</b> {day}").format(day=short_day(facts.decision_on))
            )
        if facts.check_back_when or facts.check_back_method:
            how = method_phrase(facts.check_back_method)
            when = escape(facts.check_back_when)
            if when and how and not names_a_way(facts.check_back_when):
                text = self.tr("{when} (by {how})").format(when=when, how=how)
            else:
                text = when or self.tr("by {how}").format(how=how)
            parts.append(self.tr("<b>Check back:</b> {when}").format(when=text))
        return parts

    def _warm_up_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Before you dial"))
        column = QVBoxLayout(box)
        self.warm_up: dict[str, QCheckBox] = {}
        for step in WARM_UP:
            check = QCheckBox(step.title)
            check.setObjectName(f"warmUp_{step.key}")
            check.setFont(_scaled_font(check, 1.0, bold=True))
            self.warm_up[step.key] = check
            detail = _hint_label(step.detail)
            detail.setContentsMargins(22, 0, 0, 6)
            column.addWidget(check)
            column.addWidget(detail)
        column.addStretch(1)
        return box

    def _script_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("What to say"))
        outer = QVBoxLayout(box)
        outer.setContentsMargins(0, 0, 0, 0)
        # A long intro or next step wraps to more lines: scroll then, never cut text off.
        scroll = QScrollArea()
        scroll.setObjectName("scriptScroll")
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = QWidget()
        content.setObjectName("scriptContent")
        scroll.setWidget(content)
        outer.addWidget(scroll)
        column = QVBoxLayout(content)
        intro_label = QLabel(
            self.tr("Your five-second &intro — who you are, in one line they will recall")
        )
        column.addWidget(intro_label)
        self.intro = QLineEdit(
            fill_in_name(
                self.facts.intro_line
                or default_intro_line(self.facts.role_title, self.facts.sender_name),
                self.facts.sender_name,
            )
        )
        self.intro.setObjectName("introLine")
        self.intro.setCursorPosition(0)
        intro_label.setBuddy(self.intro)
        column.addWidget(self.intro)
        self.intro_hint = _hint_label()
        self.intro_hint.setObjectName("introHint")
        column.addWidget(self.intro_hint)
        column.addSpacing(4)
        column.addWidget(QLabel(self.tr("<b>Open with</b>")))
        self.opener = _plain_label()
        self.opener.setObjectName("opener")
        self.opener.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.opener)
        column.addWidget(_hint_label(QCoreApplication.translate("phone", OPENING_TIP)))
        column.addSpacing(4)
        column.addWidget(QLabel(self.tr("<b>Then ask</b>")))
        self.questions: list[QLabel] = []
        for number, text in enumerate(questions_for(self.facts.next_step), start=1):
            label = _plain_label(f"{number}.  {text}")
            label.setObjectName(f"question{number}")
            self.questions.append(label)
            column.addWidget(label)
        column.addStretch(1)
        return box

    def _outcome_area(self) -> QVBoxLayout:
        area = QVBoxLayout()
        area.addLayout(self._build_notes_row())
        area.addWidget(self._build_timeframe_row())
        self.error = error_label("callSheet")
        area.addWidget(self.error)
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.HLine)
        frame.setFrameShadow(QFrame.Shadow.Sunken)
        area.addWidget(frame)
        area.addLayout(self._build_outcome_buttons())
        return area

    def _build_notes_row(self) -> QHBoxLayout:
        notes_row = QHBoxLayout()
        notes_label = QLabel(self.tr("N&otes"))
        self.notes = QLineEdit()
        self.notes.setObjectName("callNotes")
        self.notes.setPlaceholderText(
            self.tr("Optional: what they said, who you spoke to instead, …")
        )
        notes_label.setBuddy(self.notes)
        notes_row.addWidget(notes_label)
        notes_row.addWidget(self.notes, 1)
        return notes_row

    def _build_timeframe_row(self) -> QWidget:
        """The day they now decide by, shown once "new timeframe" is clicked."""
        self.timeframe_row = QWidget()
        self.timeframe_row.setObjectName("timeframeRow")
        row = QHBoxLayout(self.timeframe_row)
        row.setContentsMargins(0, 0, 0, 0)
        date_label = QLabel(self.tr("They now expect to &decide by"))
        self.new_decision_on = date_edit(self._today + NEW_DATE_OFFSET)
        self.new_decision_on.setObjectName("callNewDecisionOn")
        date_label.setBuddy(self.new_decision_on)
        self.log_timeframe = QPushButton(self.tr("&Log new timeframe"))
        self.log_timeframe.setObjectName("logTimeframe")
        self.log_timeframe.clicked.connect(self._log_new_timeframe)
        row.addWidget(date_label)
        row.addWidget(self.new_decision_on)
        row.addWidget(self.log_timeframe)
        row.addStretch(1)
        self.timeframe_row.hide()
        return self.timeframe_row

    def _build_outcome_buttons(self) -> QHBoxLayout:
        """How did it go? One button per outcome; each logs the call and closes."""
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("How did it go?")))
        self.voicemail_button = QPushButton(self.tr("No answer — left a &voicemail"))
        self.voicemail_button.setObjectName("outcomeVoicemail")
        self.voicemail_button.clicked.connect(
            lambda: self._finish(Channel.VOICEMAIL, False, Outcome.NO_NEWS)
        )
        self.candidate_button = QPushButton(self.tr("Spoke: &still a candidate"))
        self.candidate_button.setObjectName("outcomeStillCandidate")
        self.candidate_button.clicked.connect(
            lambda: self._finish(Channel.PHONE, True, Outcome.STILL_CANDIDATE)
        )
        self.timeframe_button = QPushButton(self.tr("Spoke: new &timeframe…"))
        self.timeframe_button.setObjectName("outcomeNewTimeframe")
        self.timeframe_button.clicked.connect(self._ask_new_timeframe)
        self.filled_button = QPushButton(self.tr("Spoke: position &filled"))
        self.filled_button.setObjectName("outcomeFilled")
        self.filled_button.clicked.connect(
            lambda: self._finish(Channel.PHONE, True, Outcome.FILLED)
        )
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("callCancel")
        self.cancel_button.clicked.connect(self.reject)
        for button in (
            self.voicemail_button,
            self.candidate_button,
            self.timeframe_button,
            self.filled_button,
        ):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.cancel_button.setAutoDefault(False)
        buttons.addWidget(self.cancel_button)
        return buttons

    # -- live updates --------------------------------------------------------------------

    def selected_person(self) -> ContactCard | None:
        contact_id = self.person.currentData()
        return next((p for p in self.facts.people if p.contact_id == contact_id), None)

    def _person_changed(self) -> None:
        person = self.selected_person()
        if person is None:
            self.who.setText(self.tr("Someone at {company}").format(company=self.facts.company))
            self.number.setText("")
            self.reach.setText(
                self.tr(
                    "No interviewer is recorded for the latest interview: add them to it and "
                    "their number shows here."
                )
            )
        else:
            self.who.setText(person.name)
            self.number.setText(person.phone or self.tr("No phone number on file"))
            details = [d for d in (person.title, self.facts.company) if d]
            if person.email:
                details.append(person.email)
            method = method_phrase(person.preferred_method)
            details.append(
                self.tr("prefers {method}").format(method=method)
                if method
                else self.tr("preferred method not known")
            )
            self.reach.setText("  ·  ".join(details))
        self._update_opener()

    def intro_line(self) -> str:
        """The five-second intro as it stands now (to keep with the application)."""
        return " ".join(self.intro.text().split())

    def intro_changed(self) -> bool:
        return self.intro_line() != " ".join(self.facts.intro_line.split())

    def _update_opener(self) -> None:
        person = self.selected_person()
        self.opener.setText(
            opener(
                person.name if person else "",
                self.intro_line(),
                self.facts.role_title,
                self.facts.company,
                self.facts.interview_day,
            )
        )
        hint = intro_hint(self.intro_line(), name_known=bool(self.facts.sender_name.strip()))
        self.intro_hint.setText(hint or "")
        self.intro_hint.setVisible(hint is not None)

    # -- outcomes ------------------------------------------------------------------------

    def _ask_new_timeframe(self) -> None:
        self.timeframe_row.show()
        self.error.hide()
        self.new_decision_on.setFocus(Qt.FocusReason.OtherFocusReason)

    def _log_new_timeframe(self) -> None:
        self._finish(
            Channel.PHONE, True, Outcome.NEW_TIMEFRAME, from_qdate(self.new_decision_on.date())
        )

    def _finish(
        self,
        channel: Channel,
        answered: bool,
        outcome: Outcome,
        new_decision_on: date | None = None,
    ) -> None:
        person = self.selected_person()
        value = TouchpointInput(
            application_id=self.facts.application_id,
            channel=channel,
            answered=answered,
            outcome=outcome,
            new_decision_on=new_decision_on,
            notes=self.notes.text().strip(),
            contact_id=person.contact_id if person else None,
            at=self._now.astimezone(self._zone),
        )
        problem = touchpoint_problem(value, self._now)
        if problem is not None:
            self.error.setText(problem)
            self.error.show()
            return
        self._value = value
        self.accept()

    def value(self) -> TouchpointInput:
        """The touchpoint the chosen outcome describes (only after an outcome was clicked)."""
        if self._value is None:
            raise RuntimeError("no outcome was chosen")
        return self._value
