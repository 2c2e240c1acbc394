"""Dialogs for references and network contacts: the message composer (heads-up, thanks,
outcome, check-in, by e-mail or as phone talking points), logging a call they got, and
adding someone to an application."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from followthrough.domain.contacts import ContactMethod
from followthrough.domain.mailto import MailtoError
from followthrough.domain.references import (
    ContactedBy,
    Message,
    MessagePurpose,
    ReferenceFacts,
    ReferenceKind,
    compose,
    mailto_for,
    overuse_warning,
    suggested_emphasis,
    talking_points,
)
from followthrough.domain.stages import Stage
from followthrough.domain.validation import email_problem, phone_problem
from followthrough.domain.wording import application_title, short_day
from followthrough.store.references import PoolEntry, ReferenceContext
from followthrough.ui.common.ask import Ask
from followthrough.ui.common.forms import date_edit, error_label
from followthrough.ui.common.locale_words import from_qdate
from followthrough.ui.common.text import escape, plain_label
from followthrough.ui.common.theme import ColourRole, colour_text
from followthrough.ui.references.labels import contacted_by_label

_TITLES = {
    MessagePurpose.HEADS_UP: QT_TRANSLATE_NOOP("ReferenceMessageDialog", "Heads-up to {name}"),
    MessagePurpose.THANKS: QT_TRANSLATE_NOOP("ReferenceMessageDialog", "Thank {name}"),
    MessagePurpose.OUTCOME: QT_TRANSLATE_NOOP("ReferenceMessageDialog", "Tell {name} how it ended"),
    MessagePurpose.CHECK_IN: QT_TRANSLATE_NOOP("ReferenceMessageDialog", "Check in with {name}"),
}
_HELP = {
    MessagePurpose.HEADS_UP: QT_TRANSLATE_NOOP(
        "ReferenceMessageDialog",
        "Before anyone calls them: the role, what to stress, the résumé you sent, and a "
        "request to tell you if they are contacted.",
    ),
    MessagePurpose.THANKS: QT_TRANSLATE_NOOP(
        "ReferenceMessageDialog", "They spoke up for you: a short thank-you, soon after the call."
    ),
    MessagePurpose.OUTCOME: QT_TRANSLATE_NOOP(
        "ReferenceMessageDialog", "References like to hear how it ended, whatever the ending."
    ),
    MessagePurpose.CHECK_IN: QT_TRANSLATE_NOOP(
        "ReferenceMessageDialog",
        "They helped you in: tell them the interview happened and thank them. Your notes "
        "about them are kept with them.",
    ),
}


class ReferenceMessageDialog(QDialog):
    """Write one message to one reference or network contact, then send it by e-mail,
    copy it, or say it on the phone from the talking points.

    Signals:
        done_requested(str via, str emphasis, str resume_path): the message went out
            ("email", "copied" or "phone").
        draft_changed(str emphasis, str resume_path): heads-up choices to keep.
        contact_email_changed(str): a new address typed for the person.
        contact_notes_changed(str): the person's notes (network contacts).
    """

    done_requested = Signal(str, str, str)
    draft_changed = Signal(str, str)
    contact_email_changed = Signal(str)
    contact_notes_changed = Signal(str)

    def __init__(
        self,
        context: ReferenceContext,
        purpose: MessagePurpose,
        today: date,
        zone: ZoneInfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.purpose = purpose
        self.today = today
        self.zone = zone
        self.edited_by_hand = False
        self._filling = False
        line = context.line
        self.setObjectName("referenceMessage")
        self.setWindowTitle(self._title().format(name=line.name))
        self.resize(720, 640)
        layout = QVBoxLayout(self)
        self._build_heading(layout)
        layout.addLayout(self._build_form())
        layout.addWidget(self._build_tabs(), 1)
        self.error = QLabel()
        self.error.setObjectName("referenceError")
        colour_text(self.error, ColourRole.ERROR)
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        layout.addLayout(self._build_buttons())
        QShortcut(QKeySequence("Ctrl+E"), self, self.send_email)

        self.emphasis.textChanged.connect(self._facts_changed)
        self.resume.textChanged.connect(self._facts_changed)
        self.body.textChanged.connect(self._body_edited)
        self.subject.textEdited.connect(lambda _t: self._mark_edited())
        self.rebuild()
        if line.preferred_method == ContactMethod.PHONE:
            self.tabs.setCurrentWidget(self.points)
        self._kept_address = line.email
        self._kept_notes = context.contact_notes
        self._kept_draft = (line.emphasis, line.resume_path)

    # -- building ------------------------------------------------------------------------

    def _title(self) -> str:
        """The purpose's title, with ``{name}`` still to fill in."""
        return QCoreApplication.translate("ReferenceMessageDialog", str(_TITLES[self.purpose]))

    def _build_heading(self, layout: QVBoxLayout) -> None:
        context = self.context
        where = application_title(context.company, context.role_title)
        title = self._title().format(name=escape(context.line.name))
        heading = QLabel(
            self.tr("<b>{title}</b> — {where}").format(title=title, where=escape(where))
        )
        layout.addWidget(heading)
        help_label = QLabel(
            QCoreApplication.translate("ReferenceMessageDialog", str(_HELP[self.purpose]))
        )
        help_label.setWordWrap(True)
        layout.addWidget(help_label)
        self.warning = QLabel(context.overuse or "")
        self.warning.setObjectName("overuseWarning")
        colour_text(self.warning, ColourRole.WARNING)
        self.warning.setWordWrap(True)
        self.warning.setVisible(bool(context.overuse) and self.purpose is MessagePurpose.HEADS_UP)
        layout.addWidget(self.warning)

    def _build_form(self) -> QFormLayout:
        """To whom; for a heads-up, what to stress and the résumé; for a check-in, notes."""
        context, line = self.context, self.context.line
        form = QFormLayout()
        self.address = QLineEdit(line.email)
        self.address.setObjectName("referenceAddress")
        self.address.setPlaceholderText(self.tr("their e-mail address"))
        form.addRow(self.tr("&To"), self.address)
        resume_row = self._build_heads_up_fields()
        if self.purpose is MessagePurpose.HEADS_UP:
            suggested = suggested_emphasis(
                context.posting_notes, context.interview_notes, context.speaks_to
            )
            points = line.emphasis.strip() or "\n".join(suggested)
            self.emphasis.setPlainText(points)
            form.addRow(self.tr("What to &stress"), self.emphasis)
            resume_label = QLabel(self.tr("&Résumé"))
            resume_label.setBuddy(self.resume)  # a row holding a layout has no buddy of its own
            form.addRow(resume_label, resume_row)
            form.addRow("", self.resume_problem)
        self.notes = QPlainTextEdit(context.contact_notes)
        self.notes.setObjectName("networkNotes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)
        if self.purpose is MessagePurpose.CHECK_IN:
            form.addRow(self.tr("Notes about &them"), self.notes)
        return form

    def _build_heads_up_fields(self) -> QHBoxLayout:
        """What to stress and the résumé sent (on the form for a heads-up only); returns
        the résumé's row."""
        self.emphasis = QPlainTextEdit()
        self.emphasis.setObjectName("referenceEmphasis")
        self.emphasis.setTabChangesFocus(True)
        self.emphasis.setFixedHeight(80)
        self.emphasis.setPlaceholderText(self.tr("One point per line"))
        self.resume = QLineEdit(self.context.line.resume_path)
        self.resume.setObjectName("referenceResume")
        self.resume.setPlaceholderText(self.tr("The résumé version you sent this employer"))
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose_resume)
        resume_row = QHBoxLayout()
        resume_row.addWidget(self.resume, 1)
        resume_row.addWidget(choose)
        self.resume_problem = QLabel()
        colour_text(self.resume_problem, ColourRole.ERROR)
        self.resume_problem.hide()
        return resume_row

    def _build_tabs(self) -> QTabWidget:
        self.tabs = QTabWidget()
        email_tab = QWidget()
        email_layout = QFormLayout(email_tab)
        self.subject = QLineEdit()
        self.subject.setObjectName("referenceSubject")
        self.body = QPlainTextEdit()
        self.body.setObjectName("referenceBody")
        email_layout.addRow(self.tr("S&ubject"), self.subject)
        email_layout.addRow(self.body)
        self.rebuild_button = QPushButton(self.tr("Re&build from the template"))
        self.rebuild_button.clicked.connect(self.rebuild)
        email_layout.addRow(self.rebuild_button)
        self.tabs.addTab(email_tab, self.tr("&Message"))
        self.points = QListWidget()
        self.points.setObjectName("talkingPoints")
        self.tabs.addTab(self.points, self.tr("&Phone: talking points"))
        return self.tabs

    def _build_buttons(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        self.email_button = QPushButton(self.tr("&E-mail…"))
        self.email_button.setObjectName("referenceEmail")
        self.email_button.setToolTip(self.tr("Opens your mail program with this message (Ctrl+E)"))
        self.email_button.clicked.connect(self.send_email)
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setToolTip(self.tr("Copies the message, to paste anywhere"))
        self.copy_button.clicked.connect(self.copy)
        self.phone_button = QPushButton(self.tr("Said it on the p&hone"))
        self.phone_button.setObjectName("referencePhoned")
        self.phone_button.clicked.connect(lambda: self._done("phone"))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        for button in (self.email_button, self.copy_button, self.phone_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        return buttons

    # -- the text ------------------------------------------------------------------------

    def facts(self) -> ReferenceFacts:
        c, line = self.context, self.context.line
        points = tuple(p.strip() for p in self.emphasis.toPlainText().splitlines() if p.strip())
        resume = self.resume.text().strip()
        return ReferenceFacts(
            person_name=line.name,
            company=c.company,
            role_title=c.role_title,
            sender_name=c.sender_name,
            relationship=c.relationship,
            speaks_to=c.speaks_to,
            interview_day=c.interview_day,
            interview_round=c.interview_round,
            reference_check=c.stage == Stage.REFERENCE_CHECK,
            emphasis=points if self.purpose is MessagePurpose.HEADS_UP else (),
            resume_name=Path(resume).name if resume else "",
            contacted_on=line.contacted_on,
            contacted_by=line.contacted_by,
            outcome=c.outcome,
        )

    def message(self) -> Message:
        return Message(self.subject.text().strip(), self.body.toPlainText())

    def rebuild(self) -> None:
        """Fill the message and talking points from the template again."""
        facts = self.facts()
        try:
            message = compose(self.purpose, facts)
            points = talking_points(self.purpose, facts)
        except ValueError as exc:  # an outcome message for an application still open
            self._show_error(str(exc))
            return
        self._filling = True
        self.subject.setText(message.subject)
        self.body.setPlainText(message.body)
        self._filling = False
        self.edited_by_hand = False
        self.points.clear()
        self.points.addItems(list(points))

    def _facts_changed(self) -> None:
        if not self.edited_by_hand:
            self.rebuild()
        else:
            facts = self.facts()
            self.points.clear()
            self.points.addItems(list(talking_points(self.purpose, facts)))

    def _body_edited(self) -> None:
        if not self._filling:
            self._mark_edited()

    def _mark_edited(self) -> None:
        self.edited_by_hand = True

    # -- sending -------------------------------------------------------------------------

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _resume_ok(self) -> bool:
        path = self.resume.text().strip()
        if self.purpose is not MessagePurpose.HEADS_UP or not path:
            self.resume_problem.hide()
            return True
        if not Path(path).is_file():
            self.resume_problem.setText(
                self.tr("That file is not there any more: choose it again.")
            )
            self.resume_problem.show()
            return False
        self.resume_problem.hide()
        return True

    def send_email(self) -> None:
        address = self.address.text().strip()
        problem = email_problem(address) if address else None
        if problem:
            self._show_error(problem)
            return
        if not self._resume_ok():
            return
        try:
            url = mailto_for(address, self.message())
        except MailtoError as exc:
            self._show_error(str(exc))
            self.address.setFocus()
            return
        self._show_error("")
        self._keep_address()
        QGuiApplication.clipboard().setText(self.body.toPlainText())
        if not self.open_url(url):
            self._show_error(
                self.tr(
                    "No mail program answered. The message is on the clipboard: paste it into "
                    "an e-mail to them."
                )
            )
        if self._ask_whether_sent():
            self._done("email")

    def _ask_whether_sent(self) -> bool:
        resume = self.resume.text().strip()
        if self.purpose is MessagePurpose.HEADS_UP and resume:
            question = self.tr(
                "Your mail program has the message (it is also on the clipboard). Attach "
                "{file} before sending. Mark it as sent once it has gone?"
            ).format(file=Path(resume).name)
        else:
            question = self.tr(
                "Your mail program has the message (it is also on the clipboard). Mark it as "
                "sent once it has gone?"
            )
        return Ask.confirm(self, self.tr("Did it go out?"), question, self.tr("Mark as sent"))

    def copy(self) -> None:
        if not self._resume_ok():
            return
        text = self.body.toPlainText()
        subject = self.subject.text().strip()
        QGuiApplication.clipboard().setText(f"{subject}\n\n{text}" if subject else text)
        if Ask.confirm(
            self,
            self.tr("Copied"),
            self.tr("The message is on the clipboard. Mark it as sent once you have sent it?"),
            self.tr("Mark as sent"),
        ):
            self._done("copied")

    def _done(self, via: str) -> None:
        self._keep_address()
        self._keep_notes()
        emphasis = self.emphasis.toPlainText().strip()
        resume = self.resume.text().strip()
        self._kept_draft = (emphasis, resume)
        self.done_requested.emit(via, emphasis, resume)
        self.accept()

    def _keep_address(self) -> None:
        address = self.address.text().strip()
        if address and address != self._kept_address and not email_problem(address):
            self._kept_address = address
            self.contact_email_changed.emit(address)

    def _keep_notes(self) -> None:
        notes = self.notes.toPlainText()
        if self.purpose is MessagePurpose.CHECK_IN and notes != self._kept_notes:
            self._kept_notes = notes
            self.contact_notes_changed.emit(notes)

    def _choose_resume(self) -> None:
        start = self.resume.text().strip() or str(Path.home())
        chosen = self.choose_resume_path(self, start)
        if chosen:
            self.resume.setText(chosen)
            self._resume_ok()

    @staticmethod
    def choose_resume_path(parent: QWidget, start: str) -> str:
        """Asks for the résumé file (tests replace this); "" when cancelled."""
        path, _filter = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("ReferenceMessageDialog", "Which résumé did you send?"),
            start,
            QCoreApplication.translate(
                "ReferenceMessageDialog",
                "Documents (*.pdf *.docx *.doc *.odt *.rtf *.txt);;All files (*)",
            ),
        )
        return path

    @staticmethod
    def open_url(url: str) -> bool:
        """Hands a mailto: link to the desktop (tests replace this)."""
        return QDesktopServices.openUrl(QUrl(url))

    def done(self, result: int) -> None:
        # Closing without sending still keeps what was typed about the person.
        self._keep_address()
        self._keep_notes()
        emphasis, resume = self.emphasis.toPlainText().strip(), self.resume.text().strip()
        if self.purpose is MessagePurpose.HEADS_UP and (emphasis, resume) != self._kept_draft:
            self._kept_draft = (emphasis, resume)
            self.draft_changed.emit(emphasis, resume)
        super().done(result)


# -- logging a call ------------------------------------------------------------------------


class ContactedDialog(QDialog):
    """When the employer got in touch with a reference, and how the user heard of it."""

    def __init__(self, name: str, company: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("{name} was contacted").format(name=name))
        self.today = today
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                self.tr("When did {company} get in touch with {name}?").format(
                    company=company, name=name
                ),
                wrap=True,
            )
        )
        form = QFormLayout()
        # Any day can be typed (a maximum of today turned "21" into the 2nd while
        # typing); a day still to come is refused on OK, saying why.
        self.day = date_edit(today)
        self.day.setObjectName("contactedOn")
        self.day_error = error_label("contactedOn")
        self.by = QComboBox()
        self.by.setObjectName("contactedBy")
        for choice in ContactedBy:
            self.by.addItem(contacted_by_label(choice), choice.value)
        self.by.setCurrentIndex(1)
        form.addRow(self.tr("&On"), self.day)
        form.addRow("", self.day_error)
        form.addRow(self.tr("&How you know"), self.by)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("A reminder to thank them follows.")))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def value(self) -> tuple[date, ContactedBy]:
        return from_qdate(self.day.date()), ContactedBy(self.by.currentData())

    def accept(self) -> None:
        day = from_qdate(self.day.date())
        problem = (
            self.tr("{day} has not come yet: choose today, {today}, or a day before.").format(
                day=short_day(day), today=short_day(self.today)
            )
            if day > self.today
            else ""
        )
        self.day_error.setText(problem)
        self.day_error.setVisible(bool(problem))
        if problem:
            self.day.setFocus()
            return
        super().accept()


# -- adding someone to an application ------------------------------------------------------


@dataclass(frozen=True)
class NewPerson:
    name: str
    email: str = ""
    phone: str = ""
    relationship: str = ""


@dataclass(frozen=True)
class ReferenceChoice:
    kind: ReferenceKind
    contact_id: int | None  # None: a new person (``new_person``)
    new_person: NewPerson | None
    given_on: date | None


class AddReferenceDialog(QDialog):
    """Pick someone from the pool (or add a new person) as a reference or network contact
    of one application, with a warning when a reference is being asked too often."""

    def __init__(
        self,
        kind: ReferenceKind,
        people: list[PoolEntry] | list[tuple[int, str]],
        given_days: dict[int, list[date]],
        listed: set[int],
        today: date,
        overuse_days: int,
        overuse_count: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.today = today
        self.given_days = given_days
        # How often each was given already, counted once: the picker and the warning say it
        # in the same words.
        self.uses = {
            contact_id: (len(days), max(days) if days else None)
            for contact_id, days in given_days.items()
        }
        self.overuse_days = overuse_days
        self.overuse_count = overuse_count
        is_reference = kind is ReferenceKind.REFERENCE
        self.setWindowTitle(
            self.tr("Add a reference") if is_reference else self.tr("Add a network contact")
        )
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("Who vouches for you with this employer?")
                if is_reference
                else self.tr("Who referred you, or works there and helped?")
            )
        )
        form = QFormLayout()
        self._build_person_choice(people, listed)
        form.addRow(self.tr("&Person"), self.person)
        form.addRow(self._build_new_person(is_reference))
        given_row = self._build_given_row(today)
        if is_reference:
            form.addRow(given_row)
        layout.addLayout(form)
        self.warning = QLabel()
        self.warning.setObjectName("addOveruseWarning")
        colour_text(self.warning, ColourRole.WARNING)
        self.warning.setWordWrap(True)
        layout.addWidget(self.warning)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.person.currentIndexChanged.connect(lambda _i: self._fit())
        self._fit()

    def _build_person_choice(
        self, people: list[PoolEntry] | list[tuple[int, str]], listed: set[int]
    ) -> None:
        """Everyone not on the application yet, then "New person…"."""
        self.person = QComboBox()
        self.person.setObjectName("referencePerson")
        for entry in people:
            if isinstance(entry, PoolEntry):
                contact_id, label = entry.contact_id, self._pool_label(entry)
            else:
                contact_id, label = entry
            if contact_id in listed:
                continue
            self.person.addItem(label, contact_id)
        self.person.addItem(self.tr("New person…"), None)

    def _pool_label(self, entry: PoolEntry) -> str:
        """A reference's name, with how they know you and how often they were given."""
        label = entry.name
        extra = [entry.relationship] if entry.relationship else []
        used = self._used_text(entry.contact_id)
        if used:
            extra.append(used)
        if entry.consent_on is None:
            extra.append(self.tr("consent not recorded"))
        if extra:
            label += f" — {', '.join(extra)}"
        return label

    def _used_text(self, contact_id: int) -> str:
        """ "given to 2 employers, last Wed 25 Nov"; empty when never given."""
        count, last = self.uses.get(contact_id, (0, None))
        if not count or last is None:
            return ""
        return self.tr("given to %n employer(s), last {day}", "", count).format(day=short_day(last))

    def _build_new_person(self, is_reference: bool) -> QWidget:
        self.new_box = QWidget()
        new_form = QFormLayout(self.new_box)
        new_form.setContentsMargins(0, 0, 0, 0)
        self.name = QLineEdit()
        self.name.setObjectName("newReferenceName")
        self.email = QLineEdit()
        self.email.setObjectName("newReferenceEmail")
        self.phone = QLineEdit()
        self.phone.setObjectName("newReferencePhone")
        self.relationship = QLineEdit()
        # An example that names no company (the one applied to was named here before).
        self.relationship.setPlaceholderText(self.tr("e.g. my manager at my last job"))
        # What is wrong with a field is said under it, in whole (wrapped) sentences.
        self.errors = {
            key: error_label(f"newReference_{key}") for key in ("name", "email", "phone")
        }
        rows = (
            (self.tr("&Name"), self.name, "name"),
            (self.tr("E&mail"), self.email, "email"),
            (self.tr("P&hone"), self.phone, "phone"),
        )
        for label, field, key in rows:
            new_form.addRow(label, field)
            new_form.addRow("", self.errors[key])
        if is_reference:
            new_form.addRow(self.tr("How they &know you"), self.relationship)
        return self.new_box

    def _build_given_row(self, today: date) -> QHBoxLayout:
        self.given = QCheckBox(self.tr("Already given to the employer on"))
        self.given_on = date_edit(today)
        self.given_on.setEnabled(False)
        self.given.toggled.connect(self.given_on.setEnabled)
        given_row = QHBoxLayout()
        given_row.addWidget(self.given)
        given_row.addWidget(self.given_on)
        given_row.addStretch(1)
        return given_row

    def _fit(self) -> None:
        contact_id = self.person.currentData()
        self.new_box.setVisible(contact_id is None)
        warning = ""
        if contact_id is not None and self.kind is ReferenceKind.REFERENCE:
            days = [*self.given_days.get(int(contact_id), []), self.today]
            # The rule decides (one more use within the window); the words are the picker's.
            if overuse_warning(days, self.today, self.overuse_days, self.overuse_count):
                used = self._used_text(int(contact_id))
                warning = (
                    self.tr(
                        "Already {used}: check they're still happy to take calls, or share "
                        "the load with another reference."
                    ).format(used=used)
                    if used
                    else self.tr(
                        "Check they're still happy to take calls, or share the load with "
                        "another reference."
                    )
                )
        self.warning.setText(warning)
        self.warning.setVisible(bool(warning))
        self.adjustSize()

    def choice(self) -> ReferenceChoice:
        contact_id = self.person.currentData()
        new = None
        if contact_id is None:
            new = NewPerson(
                self.name.text().strip(),
                self.email.text().strip(),
                self.phone.text().strip(),
                self.relationship.text().strip(),
            )
        given = from_qdate(self.given_on.date()) if self.given.isChecked() else None
        return ReferenceChoice(
            self.kind, int(contact_id) if contact_id is not None else None, new, given
        )

    def problems(self) -> dict[str, str]:
        """What is wrong with the new person's fields, by field (empty: nothing)."""
        person = self.choice().new_person
        if person is None:
            return {}
        found = {
            "name": "" if person.name else self.tr("Enter the person's name."),
            "email": (email_problem(person.email) or "") if person.email else "",
            # The store refuses a long name or a phone that is no number, too.
            "phone": phone_problem(person.phone) or "",
        }
        return {key: text for key, text in found.items() if text}

    def accept(self) -> None:
        found = self.problems()
        for key, label in self.errors.items():
            label.setText(found.get(key, ""))
            label.setVisible(key in found)
        if found:
            fields = {"name": self.name, "email": self.email, "phone": self.phone}
            fields[next(iter(found))].setFocus()
            self.adjustSize()
            return
        super().accept()
