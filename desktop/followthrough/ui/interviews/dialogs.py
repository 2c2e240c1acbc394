"""Recording an interview: when, how, who, and what was said at the end."""

from __future__ import annotations

from dataclasses import replace
from datetime import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTime
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from followthrough.domain.interviews import (
    InterviewDraft,
    PersonDraft,
    end_of_interview_checklist,
    interview_problems,
)
from followthrough.domain.spoken_timeframes import Reading, read_timeframe
from followthrough.domain.timeframes import WindowUnit
from followthrough.domain.validation import (
    EMAIL_LIMIT,
    LINE_LIMIT,
    NAME_LIMIT,
    PHONE_LIMIT,
    URL_LIMIT,
    email_problem,
    phone_problem,
    url_problem,
)
from followthrough.domain.wording import QT_TRANSLATE_NOOP, short_day
from followthrough.store.contacts import ContactCard
from followthrough.ui.common.ask import Ask
from followthrough.ui.common.forms import (
    LineLimit,
    date_edit,
    error_label,
    keep_narrow,
    set_combo_data,
    time_edit,
    typed_zone,
    zone_combo,
)
from followthrough.ui.common.locale_words import from_qdate, to_qdate
from followthrough.ui.common.text import escape, plain_label
from followthrough.ui.common.theme import ColourRole, colour, on_palette_change
from followthrough.ui.common.widgets import resize_on_screen
from followthrough.ui.contacts.form import method_combo
from followthrough.ui.contacts.labels import person_label
from followthrough.ui.interviews.labels import FORMAT_ORDER, format_label

TOLD_CHOICES: tuple[tuple[str, bool | None], ...] = (
    (QT_TRANSLATE_NOOP("interviews", "Not asked"), None),
    (QT_TRANSLATE_NOOP("interviews", "Yes, everyone hears back"), True),
    (QT_TRANSLATE_NOOP("interviews", "No, only the chosen one"), False),
)
UNIT_CHOICES = (
    (QT_TRANSLATE_NOOP("interviews", "days"), WindowUnit.DAYS),
    (QT_TRANSLATE_NOOP("interviews", "working days"), WindowUnit.WORKING_DAYS),
    (QT_TRANSLATE_NOOP("interviews", "weeks"), WindowUnit.WEEKS),
)


def _translated(text: str) -> str:
    """A text marked in the tables above, in the user's language."""
    return QCoreApplication.translate("interviews", text)


def _time(value: QTime) -> time:
    return time(value.hour(), value.minute())


class PersonDialog(QDialog):
    """Name, title and contact details of one interviewer."""

    def __init__(self, person: PersonDraft | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Interviewer"))
        self.setMinimumWidth(420)
        self._person = person
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setObjectName("personName")
        self.title = QLineEdit()
        self.email = QLineEdit()
        self.email.setObjectName("personEmail")
        self.phone = QLineEdit()
        self.linkedin_url = QLineEdit()
        self.method = method_combo()
        self.error = error_label("person")
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("&Email"), self.email)
        form.addRow(self.tr("&Phone"), self.phone)
        form.addRow(self.tr("&LinkedIn"), self.linkedin_url)
        form.addRow(self.tr("Prefers &contact by"), self.method)
        layout.addLayout(form)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # Kept on the dialog: a LineLimit is no QObject, and its connections die with it.
        self.limits = [
            LineLimit(edit, limit, what, self.error)
            for edit, limit, what in (
                (self.name, NAME_LIMIT, self.tr("The name")),
                (self.title, LINE_LIMIT, self.tr("The title")),
                (self.email, EMAIL_LIMIT, self.tr("The e-mail address")),
                (self.phone, PHONE_LIMIT, self.tr("The phone number")),
                (self.linkedin_url, URL_LIMIT, self.tr("The LinkedIn address")),
            )
        ]
        if person is not None:
            for limit, text in zip(
                self.limits,
                (person.name, person.title, person.email, person.phone, person.linkedin_url),
                strict=True,
            ):
                limit.set_text(text)
            set_combo_data(self.method, person.preferred_method)

    def _phone_as_stored(self, phone: str) -> bool:
        """A known person's number as stored (perhaps saved before today's rules)."""
        person = self._person
        return (
            person is not None and person.contact_id is not None and phone == person.phone.strip()
        )

    def value(self) -> PersonDraft:
        base = self._person or PersonDraft(name="")
        return replace(
            base,
            name=self.name.text().strip(),
            title=self.title.text().strip(),
            email=self.email.text().strip(),
            phone=self.phone.text().strip(),
            linkedin_url=self.linkedin_url.text().strip(),
            preferred_method=self.method.currentData(),
        )

    def accept(self) -> None:
        value = self.value()
        message = (
            (self.tr("Enter the person's name.") if not value.name else None)
            or email_problem(value.email)
            or (None if self._phone_as_stored(value.phone) else phone_problem(value.phone))
            or url_problem(value.linkedin_url)
        )
        if message:
            self.error.setText(message)
            self.error.show()
            return
        super().accept()


class InterviewDialog(QDialog):
    """New or existing interview of one application, with the end-of-interview checklist."""

    def __init__(
        self,
        title: str,
        draft: InterviewDraft,
        contacts: list[ContactCard],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        resize_on_screen(self, 1040, 700)
        self._base = draft
        self._contacts = contacts
        self.people: list[PersonDraft] = list(draft.people)

        outer = QHBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        column = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 3)
        column.addWidget(self._build_when(draft))
        column.addWidget(self._build_people(contacts))
        column.addWidget(self._build_said(draft))
        column.addWidget(self._build_notes(draft))
        self.general_error = error_label("interview")
        column.addWidget(self.general_error)
        outer.addLayout(self._build_side(), 1)
        self._connect_refresh()
        self._refresh_people()
        self._saved = self.value()

    # -- building ------------------------------------------------------------------------

    @staticmethod
    def _add_error_row(form: QFormLayout, key: str) -> None:
        """The message line under a field (``<key>Error``, which ``_show`` fills)."""
        form.addRow("", error_label(key))

    def _build_when(self, draft: InterviewDraft) -> QGroupBox:
        """Day, times, time zone, round, format and place."""
        when = QGroupBox(self.tr("When and how"))
        form = QFormLayout(when)
        self.day = date_edit(draft.day)
        self.day.setObjectName("interviewDay")
        self.start = time_edit(draft.start)
        self.start.setObjectName("interviewStart")
        self.end = time_edit(draft.end)
        self.end.setObjectName("interviewEnd")
        times = QHBoxLayout()
        times.addWidget(self.start)
        times.addWidget(QLabel(self.tr("to")))
        times.addWidget(self.end)
        times.addStretch(1)
        self.zone = zone_combo(draft.time_zone, "interviewZone")
        self._zones = [self.zone.itemText(i) for i in range(self.zone.count())]
        self.round = QSpinBox()
        self.round.setRange(1, 20)
        self.round.setValue(draft.round)
        self.format = QComboBox()
        for interview_format in FORMAT_ORDER:
            self.format.addItem(format_label(interview_format), interview_format.value)
        set_combo_data(self.format, draft.format)
        self.location = QLineEdit(draft.location)
        self.location.setPlaceholderText(self.tr("Address, or the video link"))
        form.addRow(self.tr("&Date"), self.day)
        form.addRow(self.tr("Time"), times)
        self._add_error_row(form, "end")
        form.addRow(self.tr("Time &zone"), self.zone)
        self._add_error_row(form, "time_zone")
        form.addRow(self.tr("&Round"), self.round)
        form.addRow(self.tr("&Format"), self.format)
        form.addRow(self.tr("&Location or link"), self.location)
        self._add_error_row(form, "location")
        return when

    def _build_people(self, contacts: list[ContactCard]) -> QGroupBox:
        """The interviewers: someone already known, or a new person."""
        people_box = QGroupBox(self.tr("Who interviewed you"))
        people_layout = QVBoxLayout(people_box)
        self.people_list = QListWidget()
        self.people_list.setObjectName("interviewers")
        self.people_list.setMaximumHeight(120)
        self.people_list.itemActivated.connect(self._edit_person)
        people_layout.addWidget(self.people_list)
        pick = QHBoxLayout()
        self.contact_picker = keep_narrow(QComboBox())
        self.contact_picker.setObjectName("contactPicker")
        self.contact_picker.setEditable(True)
        self.contact_picker.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        picker_line = self.contact_picker.lineEdit()
        if picker_line is not None:
            picker_line.setPlaceholderText(self.tr("Type to find someone you know…"))
            # Enter here adds the person typed, never saves the interview without them.
            picker_line.installEventFilter(self)
        for choice in contacts:
            self.contact_picker.addItem(person_label(choice), choice.contact_id)
        self.contact_picker.setCurrentIndex(-1)
        picker_completer = self.contact_picker.completer()
        if picker_completer is not None:
            picker_completer.setFilterMode(Qt.MatchFlag.MatchContains)
            picker_completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            # A suggestion chosen (Enter or a click) is added at once: one Enter, not two.
            picker_completer.activated.connect(lambda *_chosen: self._enter_in_picker())
        self.add_known = QPushButton(self.tr("Add"))
        self.add_known.clicked.connect(self._add_known)
        self.add_new = QPushButton(self.tr("New person…"))
        self.add_new.setObjectName("newPerson")
        self.add_new.clicked.connect(lambda: self._add_new())
        self.remove_person = QPushButton(self.tr("Remove"))
        self.remove_person.clicked.connect(self._remove_person)
        pick.addWidget(self.contact_picker, 1)
        pick.addWidget(self.add_known)
        pick.addWidget(self.add_new)
        pick.addWidget(self.remove_person)
        people_layout.addLayout(pick)
        people_layout.addWidget(error_label("people"))
        return people_box

    def _build_said(self, draft: InterviewDraft) -> QGroupBox:
        """The next step, when they decide, whether everyone hears, when to check back."""
        said = QGroupBox(self.tr("What they said at the end"))
        said_form = QFormLayout(said)
        self.next_step = QLineEdit(draft.next_step)
        self.next_step.setObjectName("nextStep")
        self.next_step.setPlaceholderText(self.tr("e.g. a second round with the team"))
        said_form.addRow(self.tr("&Next step"), self.next_step)
        said_form.addRow(self.tr("Decision"), self._build_decision(draft))
        words = self._build_words(draft)
        words_label = QLabel(self.tr("In their &words"))
        words_label.setBuddy(self.decision_phrase)
        said_form.addRow(words_label, words)
        self._add_error_row(said_form, "decision")
        if draft.decision_within_count:
            self.decision_within.setChecked(True)
        elif draft.decision_on:
            self.decision_by_date.setChecked(True)
        else:
            self.decision_none.setChecked(True)
        self.told = QComboBox()
        for told_text, told_value in TOLD_CHOICES:
            self.told.addItem(_translated(told_text), told_value)
        set_combo_data(self.told, draft.tells_unsuccessful)
        said_form.addRow(self.tr("Do unsuccessful &candidates hear?"), self.told)
        row_back = self._build_check_back(draft)
        back_label = QLabel(self.tr("They said to check &back"))
        back_label.setBuddy(self.check_back_kind)
        said_form.addRow(back_label, row_back)
        self._add_error_row(said_form, "check_back")
        self.check_back_when = QLineEdit(draft.check_back_when)
        self.check_back_when.setPlaceholderText(self.tr("e.g. after Friday, any time by email"))
        said_form.addRow(self.tr("… in their words"), self.check_back_when)
        self.check_back_method = method_combo()
        set_combo_data(self.check_back_method, draft.check_back_method)
        said_form.addRow(self.tr("… b&y"), self.check_back_method)
        return said

    def _build_decision(self, draft: InterviewDraft) -> QVBoxLayout:
        """Not said, by a date, or within a number of days or weeks."""
        decision = QVBoxLayout()
        self.decision_group = QButtonGroup(self)
        self.decision_none = QRadioButton(self.tr("Not said"))
        self.decision_by_date = QRadioButton(self.tr("By"))
        self.decision_within = QRadioButton(self.tr("Within"))
        self.decision_within.setObjectName("decisionWithin")
        for index, button in enumerate(
            (self.decision_none, self.decision_by_date, self.decision_within)
        ):
            self.decision_group.addButton(button, index)
        self.decision_date = date_edit(draft.decision_on or draft.day)
        self.within_count = QSpinBox()
        self.within_count.setObjectName("withinCount")
        self.within_count.setRange(1, 365)
        self.within_count.setValue(draft.decision_within_count or 2)
        self.within_unit = QComboBox()
        self.within_unit.setObjectName("withinUnit")
        for text, unit in UNIT_CHOICES:
            self.within_unit.addItem(_translated(text), unit.value)
        set_combo_data(
            self.within_unit,
            (draft.decision_within_unit or WindowUnit.WEEKS).value,
        )
        self.within_result = QLabel()
        self.within_result.setObjectName("withinResult")
        row_date = QHBoxLayout()
        row_date.addWidget(self.decision_by_date)
        row_date.addWidget(self.decision_date)
        row_date.addStretch(1)
        row_within = QHBoxLayout()
        row_within.addWidget(self.decision_within)
        row_within.addWidget(self.within_count)
        row_within.addWidget(self.within_unit)
        row_within.addWidget(self.within_result)
        row_within.addStretch(1)
        decision.addWidget(self.decision_none)
        decision.addLayout(row_date)
        decision.addLayout(row_within)
        return decision

    def _build_words(self, draft: InterviewDraft) -> QVBoxLayout:
        """Their words about the decision, what they are read as, and "Use this date"."""
        self.decision_phrase = QLineEdit(draft.decision_said)
        self.decision_phrase.setObjectName("decisionPhrase")
        self.decision_phrase.setPlaceholderText(
            self.tr("e.g. in one to two weeks, by mid-December")
        )
        self.decision_reading = plain_label(wrap=True)
        self.decision_reading.setObjectName("decisionReading")
        self.use_reading = QPushButton(self.tr("&Use this date"))
        self.use_reading.setObjectName("useReading")
        self.use_reading.setAutoDefault(False)
        self.use_reading.clicked.connect(self._use_reading)
        row_words = QHBoxLayout()
        row_words.addWidget(self.decision_phrase, 1)
        row_words.addWidget(self.use_reading)
        words = QVBoxLayout()
        words.addLayout(row_words)
        words.addWidget(self.decision_reading)
        return words

    def _build_check_back(self, draft: InterviewDraft) -> QHBoxLayout:
        """Not said, every so many days or weeks, or on a day."""
        self.check_back_kind = QComboBox()
        self.check_back_kind.setObjectName("checkBackKind")
        for text, kind in (
            (self.tr("Not said"), ""),
            (self.tr("Every…"), "every"),
            (self.tr("On a day…"), "on"),
        ):
            self.check_back_kind.addItem(text, kind)
        self.check_back_count = QSpinBox()
        self.check_back_count.setObjectName("checkBackCount")
        self.check_back_count.setRange(1, 52)
        self.check_back_unit = QComboBox()
        self.check_back_unit.setObjectName("checkBackUnit")
        self.check_back_unit.addItem(self.tr("days"), 1)
        self.check_back_unit.addItem(self.tr("weeks"), 7)
        self.check_back_on = date_edit(draft.check_back_on or draft.day)
        self.check_back_on.setObjectName("checkBackOn")
        every = draft.check_back_every_days
        if every:
            self.check_back_kind.setCurrentIndex(1)
            weeks = every % 7 == 0
            self.check_back_count.setValue(every // 7 if weeks else min(every, 52))
            self.check_back_unit.setCurrentIndex(1 if weeks else 0)
        elif draft.check_back_on:
            self.check_back_kind.setCurrentIndex(2)
        else:
            self.check_back_count.setValue(2)
            self.check_back_unit.setCurrentIndex(1)
        row_back = QHBoxLayout()
        for widget in (
            self.check_back_kind,
            self.check_back_count,
            self.check_back_unit,
            self.check_back_on,
        ):
            row_back.addWidget(widget)
        row_back.addStretch(1)
        return row_back

    def _build_notes(self, draft: InterviewDraft) -> QGroupBox:
        self.notes = QPlainTextEdit(draft.notes)
        self.notes.setPlaceholderText(
            self.tr("Questions they asked, what went well, what you meant to say")
        )
        self.notes.setFixedHeight(90)
        notes_box = QGroupBox(self.tr("Notes"))
        QVBoxLayout(notes_box).addWidget(self.notes)
        return notes_box

    def _build_side(self) -> QVBoxLayout:
        """The end-of-interview checklist, then Save and Cancel."""
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("<b>Before you left, did you learn…</b>")))
        self.checklist = QLabel()
        self.checklist.setObjectName("checklist")
        self.checklist.setWordWrap(True)
        self.checklist.setTextFormat(Qt.TextFormat.RichText)
        self.checklist.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.checklist.setMinimumWidth(240)
        side.addWidget(self.checklist, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        side.addWidget(buttons)
        return side

    def _connect_refresh(self) -> None:
        """Any edit refreshes the checklist and what depends on the choices."""
        for signal in (
            self.day.dateChanged,
            self.start.timeChanged,
            self.end.timeChanged,
            self.zone.currentTextChanged,
            self.round.valueChanged,
            self.format.currentIndexChanged,
            self.location.textChanged,
            self.next_step.textChanged,
            self.decision_group.idToggled,
            self.decision_date.dateChanged,
            self.within_count.valueChanged,
            self.within_unit.currentIndexChanged,
            self.told.currentIndexChanged,
            self.check_back_when.textChanged,
            self.check_back_method.currentIndexChanged,
            self.check_back_kind.currentIndexChanged,
            self.check_back_count.valueChanged,
            self.check_back_unit.currentIndexChanged,
            self.check_back_on.dateChanged,
            self.decision_phrase.textChanged,
            self.notes.textChanged,
        ):
            signal.connect(self._refresh)
        self._refresh_people()
        self._saved = self.value()
        on_palette_change(self, self._refresh)  # the checklist's marks are coloured HTML

    # -- people --------------------------------------------------------------------------

    def _refresh_people(self) -> None:
        self.people_list.clear()
        for person in self.people:
            reach = " / ".join(x for x in (person.email, person.phone) if x) or self.tr(
                "no details yet"
            )
            title = f", {person.title}" if person.title else ""
            QListWidgetItem(f"{person.name}{title} — {reach}", self.people_list)
        self._refresh()

    def add_person(self, person: PersonDraft) -> None:
        self.people.append(person)
        self._refresh_people()

    def _add_known(self) -> None:
        index = self.contact_picker.currentIndex()
        contact_id = self.contact_picker.itemData(index) if index >= 0 else None
        if contact_id is None or self.contact_picker.currentText() != self.contact_picker.itemText(
            index
        ):
            self._show("people", self.tr("Pick someone from the list, or use “New person…”."))
            return
        choice = next(c for c in self._contacts if c.contact_id == contact_id)
        if any(p.contact_id == contact_id for p in self.people):
            self._show("people", self.tr("{name} is already listed.").format(name=choice.name))
            return
        self.add_person(
            PersonDraft(
                name=choice.name,
                title=choice.title,
                email=choice.email,
                phone=choice.phone,
                preferred_method=choice.preferred_method,
                contact_id=choice.contact_id,
            )
        )
        self.contact_picker.setCurrentIndex(-1)
        self.contact_picker.clearEditText()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.contact_picker.lineEdit()
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            completer = self.contact_picker.completer()
            popup = completer.popup() if completer is not None else None
            if popup is not None and popup.isVisible():
                # The suggestion highlighted, if any, is the one meant.
                chosen = popup.currentIndex()
                popup.hide()
                if chosen.isValid():
                    self.contact_picker.setEditText(str(chosen.data()))
            self._enter_in_picker()
            return True
        return super().eventFilter(watched, event)

    def _enter_in_picker(self) -> None:
        """Enter in "Type to find someone you know…": the person known by that name is
        added; a name the app does not know opens "New person…" with it filled in (the
        dialog's Save would have kept the interview without them: walkthrough 4)."""
        typed = " ".join(self.contact_picker.currentText().split())
        if not typed:
            return
        wanted = typed.casefold()
        for index in range(self.contact_picker.count()):
            choice = next(
                c for c in self._contacts if c.contact_id == self.contact_picker.itemData(index)
            )
            if wanted in (self.contact_picker.itemText(index).casefold(), choice.name.casefold()):
                self.contact_picker.setCurrentIndex(index)
                self._add_known()
                return
        self._add_new(PersonDraft(name=typed))

    def _add_new(self, person: PersonDraft | None = None) -> None:
        dialog = PersonDialog(person, self)
        if self.exec_person_dialog(dialog):
            self.add_person(dialog.value())
            self.contact_picker.setCurrentIndex(-1)
            self.contact_picker.clearEditText()

    def _edit_person(self, item: QListWidgetItem) -> None:
        row = self.people_list.row(item)
        dialog = PersonDialog(self.people[row], self)
        if self.exec_person_dialog(dialog):
            self.people[row] = dialog.value()
            self._refresh_people()

    def _remove_person(self) -> None:
        row = self.people_list.currentRow()
        if 0 <= row < len(self.people):
            del self.people[row]
            self._refresh_people()

    @staticmethod
    def exec_person_dialog(dialog: PersonDialog) -> bool:
        """Runs the person dialog modally (tests replace this to fill it in)."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    # -- value, checks -------------------------------------------------------------------

    def value(self) -> InterviewDraft:
        choice = self.decision_group.checkedId()
        unit_value = self.within_unit.currentData()
        return replace(
            self._base,
            day=from_qdate(self.day.date()),
            start=_time(self.start.time()),
            end=_time(self.end.time()),
            time_zone=typed_zone(self.zone, self._zones),
            round=self.round.value(),
            format=self.format.currentData(),
            location=self.location.text().strip(),
            people=tuple(self.people),
            next_step=self.next_step.text().strip(),
            decision_on=from_qdate(self.decision_date.date()) if choice == 1 else None,
            decision_within_count=self.within_count.value() if choice == 2 else None,
            decision_within_unit=WindowUnit(unit_value) if choice == 2 else None,
            tells_unsuccessful=self.told.currentData(),
            check_back_when=self.check_back_when.text().strip(),
            check_back_method=self.check_back_method.currentData(),
            check_back_every_days=(
                self.check_back_count.value() * int(self.check_back_unit.currentData())
                if self.check_back_kind.currentData() == "every"
                else None
            ),
            check_back_on=(
                from_qdate(self.check_back_on.date())
                if self.check_back_kind.currentData() == "on"
                else None
            ),
            decision_said=self.decision_phrase.text().strip(),
            notes=self.notes.toPlainText(),
        )

    def reading(self) -> Reading | None:
        """What their words about the decision mean, counted from the interview day."""
        return read_timeframe(self.decision_phrase.text(), from_qdate(self.day.date()))

    def _use_reading(self) -> None:
        reading = self.reading()
        if reading is None:
            return
        self.decision_by_date.setChecked(True)
        self.decision_date.setDate(to_qdate(reading.day))

    def _show_reading(self) -> None:
        words = self.decision_phrase.text().strip()
        reading = self.reading() if words else None
        if reading is not None:
            used = self.decision_by_date.isChecked() and (
                from_qdate(self.decision_date.date()) == reading.day
            )
            template = (
                self.tr("→ {reading}: that is the date above.") if used else self.tr("→ {reading}.")
            )
            self.decision_reading.setText(template.format(reading=reading.explain()))
        elif words:
            self.decision_reading.setText(
                self.tr("Not understood, so kept as their words: choose the date above yourself.")
            )
        else:
            self.decision_reading.setText("")
        self.decision_reading.setVisible(bool(words))
        self.use_reading.setEnabled(reading is not None)

    def _refresh(self, *_args: object) -> None:
        draft = self.value()
        self._show_reading()
        kind = self.check_back_kind.currentData()
        self.check_back_count.setVisible(kind == "every")
        self.check_back_unit.setVisible(kind == "every")
        self.check_back_on.setVisible(kind == "on")
        self.decision_date.setEnabled(self.decision_by_date.isChecked())
        self.within_count.setEnabled(self.decision_within.isChecked())
        self.within_unit.setEnabled(self.decision_within.isChecked())
        decided = draft.decision_date() if self.decision_within.isChecked() else None
        self.within_result.setText(
            self.tr("= by {day}").format(day=short_day(decided)) if decided else ""
        )
        lines = []
        for item in end_of_interview_checklist(draft):
            mark = (
                f"<span style='color:{colour(ColourRole.ANSWERED).name()}'>✔</span>"
                if item.answered
                else (f"<span style='color:{colour(ColourRole.UNANSWERED).name()}'>○</span>")
            )
            detail = f"<br><small>{escape(item.detail)}</small>" if item.detail else ""
            lines.append(f"<p>{mark} {item.question}{detail}</p>")
        unknown = sum(1 for i in end_of_interview_checklist(draft) if not i.answered)
        footer = (
            self.tr("<p><i>All known.</i></p>")
            if unknown == 0
            else self.tr("<p><i>%n still unknown: ask when you follow up.</i></p>", "", unknown)
        )
        self.checklist.setText("".join(lines) + footer)

    def _show(self, key: str, message: str) -> None:
        label = self.findChild(QLabel, f"{key}Error")
        if isinstance(label, QLabel):
            label.setText(message)
            label.show()

    def accept(self) -> None:
        for label in self.findChildren(QLabel):
            if label.objectName().endswith("Error"):
                label.hide()
        value = self.value()
        problems = interview_problems(value)
        # A known person's number as stored (perhaps saved before today's rules) stays.
        stored = {p.contact_id: p.phone for p in self._saved.people if p.contact_id is not None}
        for index, person in enumerate(value.people):
            if person.contact_id in stored and stored[person.contact_id] == person.phone:
                problems.messages.pop(f"people.{index}.phone", None)
        if problems:
            for key, message in problems.messages.items():
                self._show(key.split(".")[0], message)
            self.general_error.setText(self.tr("Please check the marked fields."))
            self.general_error.show()
            return
        super().accept()

    def is_dirty(self) -> bool:
        return self.value() != self._saved

    def reject(self) -> None:
        if Ask.may_leave(self, self.is_dirty()):
            super().reject()
