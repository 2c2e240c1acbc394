"""The thank-you note composer: one interviewer, one note, from template to sent.

The fields on the left hold the personal parts; while the text has not been edited by
hand, every change fills the chosen template again (the live preview). The checks run
as you type. The note goes out by e-mail (the mail program opens with everything filled
in, and the text is on the clipboard) or is printed as a card in a handwriting font
(the card tab is ``ui.notes.card``; what the promise means, ``ui.notes.promise``).
Saving and marking go through the background runner; nothing here decides a rule.
"""

from __future__ import annotations

import errno
import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QObject,
    QStandardPaths,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QDesktopServices,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from followthrough.domain.cadence import promise_problem
from followthrough.domain.debrief import debrief_suggestions
from followthrough.domain.mailto import MailtoError, mailto_url
from followthrough.domain.note_checks import (
    Finding,
    Severity,
    length_hint,
    looks_like_home_address,
    run_checks,
    word_count,
)
from followthrough.domain.note_tasks import NoteMedium, NoteStatus
from followthrough.domain.notes import (
    NoteFacts,
    PersonalParts,
    Tone,
    compose,
    creative_role_match,
)
from followthrough.domain.spelling import Speller, words_from_names
from followthrough.domain.wording import short_day
from followthrough.services.fonts import FontError, HandwritingFont
from followthrough.services.printing import (
    CardFit,
    NoteLayout,
    PrintError,
    envelope_to_pdf,
    fit_to_card,
    note_to_pdf,
    paint_envelope,
    paint_note,
)
from followthrough.store.notes import NoteContext, NoteDraft
from followthrough.ui.common.ask import Ask
from followthrough.ui.common.files import file_name, user_folder
from followthrough.ui.common.formatting import two_clock_text
from followthrough.ui.common.forms import date_edit
from followthrough.ui.common.text import menu_label, plain_label, tooltip
from followthrough.ui.common.theme import (
    ColourRole,
    colour,
    colour_item,
    colour_text,
    look_read_only,
    on_palette_change,
    recolour_items,
)
from followthrough.ui.notes.card import CardTab, fit_text
from followthrough.ui.notes.labels import (
    finished_on_text,
    medium_label,
    printing_label,
    status_label,
    tone_label,
)
from followthrough.ui.notes.promise import (
    PromiseHelpLabel,
    default_promise,
    promise_help,
    weekend_advice,
)
from followthrough.ui.notes.spell_highlight import SpellHighlighter, install_spelling_menu

log = logging.getLogger(__name__)
# A card in the post takes days: sooner than this before the deadline it arrives late.
POSTED_CARD_TAKES = timedelta(days=2)

SEND_KEYS = "Ctrl+E"  # the QShortcut below writes it out: the help reads the source


class NoteComposerDialog(QDialog):
    """Signals:
    save_requested(object, bool): a NoteDraft, and whether it passed its checks.
    finish_requested(object, bool, object, object): the NoteDraft as sent, whether it
        passed its checks, the NoteMedium it went out by, and the date.
    reopen_requested(): "not sent after all".
    add_word_requested(str): a word for the personal word list.
    sender_changed(str, str): the user's name and contact details, to keep in settings.
    contact_email_changed(str): a new e-mail address for the interviewer.
    """

    save_requested = Signal(object, bool)
    finish_requested = Signal(object, bool, object, object)
    reopen_requested = Signal()
    add_word_requested = Signal(str)
    sender_changed = Signal(str, str)
    contact_email_changed = Signal(str)

    def __init__(
        self,
        note: NoteContext,
        fonts: list[HandwritingFont],
        font_problem: str | None,
        today: date,
        zone: ZoneInfo,
        parent: QWidget | None = None,
        *,
        print_settings: dict[str, Any] | None = None,
        now: datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.opened_at = now
        self.note = note
        self.task = note.task
        self.fonts = fonts
        self.font_problem = font_problem
        self.today = today
        self.zone = zone
        self.speller: Speller | None = None
        self.findings: list[Finding] = []
        self.status = self.task.status
        self._dirty = False
        self._filling = False
        self.edited_by_hand = note.draft.edited_by_hand if note.draft else False
        self.preview_warning: QLabel | None = None
        self.setObjectName("noteComposer")
        self.setWindowTitle(
            self.tr("Thank-you note to {name} — {company}").format(
                name=self.task.name, company=self.task.company
            )
        )
        self.resize(1100, 760)

        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(250)
        self._check_timer.timeout.connect(self._checks_due)
        # The card preview waits for a pause in typing too (fitting the note to the card
        # takes tens of milliseconds), and is only laid out for a printed note.
        self._card_stale = False

        layout = QVBoxLayout(self)
        self._build_heading(layout)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_fields())
        splitter.addWidget(self._build_text_side(print_settings or {}))
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)
        layout.addWidget(self._build_error())
        layout.addLayout(self._build_buttons())

        self._load(note)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_draft)
        QShortcut(QKeySequence("Ctrl+E"), self, self.send_email)
        # A line edit takes Ctrl+E for itself (end of line, as in Emacs): here it sends,
        # whichever field has the focus.
        for field in self.findChildren(QLineEdit) + self.findChildren(QPlainTextEdit):
            field.installEventFilter(self)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_preview)
        QShortcut(QKeySequence("F7"), self, self.run_checks)
        on_palette_change(self, self._recolour)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Lets Ctrl+E through to the dialog's shortcut from any text field."""
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and QKeySequence(event.keyCombination()) == QKeySequence(SEND_KEYS)
        ):
            event.ignore()
            return True
        return super().eventFilter(watched, event)

    # -- building ------------------------------------------------------------------------

    def _build_heading(self, layout: QVBoxLayout) -> None:
        self.heading = QLabel()
        self.heading.setObjectName("noteHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        self.state_label = QLabel()
        self.state_label.setObjectName("noteState")
        layout.addWidget(self.state_label)
        self.sent_lock_label = QLabel()  # the words come with the state (_lock_text)
        self.sent_lock_label.setTextFormat(Qt.TextFormat.PlainText)
        self.sent_lock_label.setObjectName("noteSentLock")
        self.sent_lock_label.setWordWrap(True)
        colour_text(self.sent_lock_label, ColourRole.ADVICE)
        self.sent_lock_label.hide()
        layout.addWidget(self.sent_lock_label)
        layout.addWidget(self._build_card_advice())

    def _build_card_advice(self) -> QWidget:
        """A quiet line for a creative role: a handwritten card shows the skills the role
        is about (docs/advice.md, A handwritten card for creative roles)."""
        self.card_advice = QWidget()
        self.card_advice.setObjectName("noteCardAdvice")
        row = QHBoxLayout(self.card_advice)
        row.setContentsMargins(0, 0, 0, 0)
        self.card_advice_text = plain_label(wrap=True)
        self.card_advice_text.setObjectName("noteCardAdviceText")
        colour_text(self.card_advice_text, ColourRole.ADVICE)
        self.card_switch = QPushButton(self.tr("Switch to a card"))
        self.card_switch.setObjectName("noteCardSwitch")
        self.card_switch.clicked.connect(self._switch_to_card)
        self.card_dismiss = QPushButton(self.tr("Not now"))
        self.card_dismiss.setObjectName("noteCardDismiss")
        self.card_dismiss.setFlat(True)
        self.card_dismiss.clicked.connect(self._dismiss_card_advice)
        row.addWidget(self.card_advice_text, 1)
        row.addWidget(self.card_switch)
        row.addWidget(self.card_dismiss)
        self._card_advice_dismissed = False
        self.card_advice.hide()
        return self.card_advice

    def _build_error(self) -> QLabel:
        self.error = QLabel()
        self.error.setObjectName("noteError")
        self.error.setWordWrap(True)
        colour_text(self.error, ColourRole.ERROR)
        self.error.hide()
        return self.error

    def _build_fields(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        fields = QWidget()
        form = QFormLayout(fields)
        column.addWidget(fields)
        column.addStretch(1)  # spare height stays below the fields, not between them
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._add_personal_rows(form)
        self._add_promise_rows(form)
        form.addRow(self._build_sender_box())
        form.addRow(self._build_delivery_box())
        return box

    def _add_personal_rows(self, form: QFormLayout) -> None:
        """Tone, the one specific thing, what I wish I had said, something to share."""
        self.tone = QComboBox()
        self.tone.setObjectName("noteTone")
        for tone in Tone:
            self.tone.addItem(tone_label(tone), tone.value)
        form.addRow(self.tr("&Tone:"), self.tone)

        self.specific = QPlainTextEdit()
        self.specific.setObjectName("noteSpecific")
        self.specific.setTabChangesFocus(True)
        self.specific.setPlaceholderText(
            self.tr("One thing you talked about that mattered to them (required)")
        )
        self.specific.setFixedHeight(64)
        form.addRow(self.tr("&One specific thing:"), self.specific)

        wish_label = QLabel(self.tr("What I &wish I had said:"))
        wish_box = self._build_wish_box()
        wish_label.setBuddy(self.wish)
        form.addRow(wish_label, wish_box)

        self.extra = QLineEdit()
        self.extra.setObjectName("noteExtra")
        self.extra.setPlaceholderText(self.tr("A link, book, article or work sample (optional)"))
        form.addRow(self.tr("Something to s&hare:"), self.extra)

    def _build_wish_box(self) -> QVBoxLayout:
        self.wish = QPlainTextEdit()
        self.wish.setObjectName("noteWish")
        self.wish.setTabChangesFocus(True)
        self.wish.setPlaceholderText(self.tr("What you forgot, or would now answer better"))
        self.wish.setFixedHeight(64)
        self.debrief_button = QToolButton()
        self.debrief_button.setObjectName("noteDebrief")
        self.debrief_button.setText(self.tr("From my debrief notes"))
        self.debrief_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.debrief_menu = QMenu(self.debrief_button)
        self.debrief_button.setMenu(self.debrief_menu)
        wish_box = QVBoxLayout()
        wish_box.setContentsMargins(0, 0, 0, 0)
        wish_box.addWidget(self.wish)
        wish_box.addWidget(self.debrief_button, 0, Qt.AlignmentFlag.AlignLeft)
        return wish_box

    def _add_promise_rows(self, form: QFormLayout) -> None:
        self.promise = QCheckBox(self.tr("&Promise to follow up on"))
        self.promise.setObjectName("notePromise")
        self.promise_date = date_edit()
        self.promise_date.setObjectName("notePromiseDate")
        promise_row = QHBoxLayout()
        promise_row.addWidget(self.promise)
        promise_row.addWidget(self.promise_date, 1)
        form.addRow(promise_row)
        self.promise_help = PromiseHelpLabel()
        self.promise_help.setObjectName("notePromiseHelp")
        form.addRow(self.promise_help)

    def _build_sender_box(self) -> QGroupBox:
        sender = QGroupBox(self.tr("Signed by (kept for every note)"))
        sender_form = QFormLayout(sender)
        self.sender_name = QLineEdit()
        self.sender_name.setObjectName("noteSenderName")
        self.sender_contact = QPlainTextEdit()
        self.sender_contact.setObjectName("noteSenderContact")
        self.sender_contact.setTabChangesFocus(True)
        self.sender_contact.setFixedHeight(58)
        self.sender_contact.setPlaceholderText(self.tr("E-mail, phone, LinkedIn: one per line"))
        sender_form.addRow(self.tr("&Name:"), self.sender_name)
        sender_form.addRow(self.tr("&Contact:"), self.sender_contact)
        return sender

    def _build_delivery_box(self) -> QGroupBox:
        how = QGroupBox(self.tr("How it goes out"))
        how_form = QFormLayout(how)
        self.medium = QComboBox()
        self.medium.setObjectName("noteMedium")
        for medium in NoteMedium:
            self.medium.addItem(medium_label(medium), medium.value)
        how_form.addRow(self.tr("&Medium:"), self.medium)
        self.recipient = QLineEdit()
        self.recipient.setObjectName("noteRecipient")
        self.recipient.setPlaceholderText(self.tr("their work e-mail address"))
        # Alt+A: the "&Address" of a card takes the same letter (the two never show together).
        self.recipient_label = QLabel(self.tr("E-m&ail to:"))
        self.recipient_label.setBuddy(self.recipient)
        how_form.addRow(self.recipient_label, self.recipient)
        self.address = QPlainTextEdit()
        self.address.setObjectName("noteAddress")
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(70)
        self.address.setPlaceholderText(self.tr("Their name, the company, the office address"))
        self.address_label = QLabel(self.tr("&Address:"))
        self.address_label.setBuddy(self.address)
        how_form.addRow(self.address_label, self.address)
        self.address_hint = QLabel(
            self.tr(
                "This looks like a home address. A thank-you card goes to their office (or to "
                "reception), never to someone's home."
            )
        )
        self.address_hint.setObjectName("noteAddressHint")
        self.address_hint.setWordWrap(True)
        colour_text(self.address_hint, ColourRole.ADVICE)
        self.address_hint.hide()
        how_form.addRow(self.address_hint)
        return how

    def _build_text_side(self, print_settings: dict[str, Any]) -> QWidget:
        side = QWidget()
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        subject_row = QHBoxLayout()
        self.subject_label = QLabel(self.tr("S&ubject:"))
        self.subject = QLineEdit()
        self.subject.setObjectName("noteSubject")
        self.subject_label.setBuddy(self.subject)
        subject_row.addWidget(self.subject_label)
        subject_row.addWidget(self.subject, 1)
        layout.addLayout(subject_row)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_text_tab(), self.tr("Te&xt"))
        self.tabs.addTab(self._build_card_tab(print_settings), self.tr("Card p&review"))
        # An e-mail's card is not laid out while typing: it is when its tab is shown.
        self.tabs.currentChanged.connect(lambda _index: self.refresh_card())
        layout.addWidget(self.tabs, 3)

        checks = QGroupBox(self.tr("Before it goes"))
        checks_layout = QVBoxLayout(checks)
        self.findings_list = QListWidget()
        self.findings_list.setObjectName("noteFindings")
        self.findings_list.currentRowChanged.connect(self._show_finding)
        checks_layout.addWidget(self.findings_list)
        self.finding_detail = QLabel()
        self.finding_detail.setObjectName("noteFindingDetail")
        self.finding_detail.setWordWrap(True)
        self.finding_detail.setTextFormat(Qt.TextFormat.PlainText)
        checks_layout.addWidget(self.finding_detail)
        layout.addWidget(checks, 2)
        return side

    def _build_text_tab(self) -> QWidget:
        text_tab = QWidget()
        text_layout = QVBoxLayout(text_tab)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("noteText")
        self.editor.setTabChangesFocus(True)
        self.highlighter = SpellHighlighter(self.editor.document())
        install_spelling_menu(self.editor, lambda: self.speller, self.add_word)
        text_layout.addWidget(self.editor, 1)
        hand_row = QHBoxLayout()
        self.hand_label = QLabel(
            self.tr("You edited the text yourself, so the fields above no longer rewrite it.")
        )
        self.hand_label.setWordWrap(True)
        self.rebuild_button = QPushButton(self.tr("&Rebuild from the fields"))
        self.rebuild_button.setObjectName("noteRebuild")
        self.rebuild_button.clicked.connect(self.rebuild)
        hand_row.addWidget(self.hand_label, 1)
        hand_row.addWidget(self.rebuild_button)
        text_layout.addLayout(hand_row)
        self.count_label = QLabel()
        self.count_label.setObjectName("noteWordCount")
        text_layout.addWidget(self.count_label)
        return text_tab

    def _build_card_tab(self, print_settings: dict[str, Any]) -> CardTab:
        self.card = CardTab(
            self.fonts, self.font_problem, lambda: self.editor.toPlainText(), print_settings
        )
        self.card.envelope_button.clicked.connect(self.print_envelope)
        # The card's widgets under the names they have always had here.
        self.font_choice = self.card.font_choice
        self.page_choice = self.card.page_choice
        self.size_choice = self.card.size_choice
        self.ruled = self.card.ruled
        self.font_error = self.card.font_error
        self.preview = self.card.preview
        self.envelope_choice = self.card.envelope_choice
        self.envelope_button = self.card.envelope_button
        return self.card

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Save draft"))
        self.save_button.setObjectName("noteSave")
        self.save_button.clicked.connect(self.save_draft)
        self.email_button = QPushButton(self.tr("Send by &e-mail…"))
        self.email_button.setObjectName("noteEmail")
        self.email_button.clicked.connect(self.send_email)
        self.print_button = QPushButton(self.tr("Pr&int preview…"))
        self.print_button.setObjectName("notePrint")
        self.print_button.clicked.connect(self.print_preview)
        self.pdf_button = QPushButton(self.tr("Save as P&DF…"))
        self.pdf_button.setObjectName("notePdf")
        self.pdf_button.clicked.connect(self.export_pdf)
        self.delivered_button = QPushButton(self.tr("&Mark as posted…"))
        self.delivered_button.setObjectName("noteDelivered")
        self.delivered_button.clicked.connect(self.mark_delivered)
        self.reopen_button = QPushButton(self.tr("Not sent after all"))
        self.reopen_button.setObjectName("noteReopen")
        self.reopen_button.clicked.connect(self.reopen)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.close)
        for button in (
            self.save_button,
            self.email_button,
            self.print_button,
            self.pdf_button,
            self.delivered_button,
            self.reopen_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        return row

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    # -- loading -------------------------------------------------------------------------

    def _load(self, note: NoteContext) -> None:
        self._filling = True
        self.heading.setText(self._heading_text(note))
        self.sender_name.setText(note.sender_name)
        self.sender_contact.setPlainText(note.sender_contact)
        self.recipient.setText(note.email)
        self._fill_fields(note)
        self._offer_debrief(note)
        self._last_text = (self.subject.text(), self.editor.toPlainText())
        self._filling = False
        self._connect_fields()
        draft = note.draft
        follows_template = draft is None or not draft.body.strip() or not draft.edited_by_hand
        if follows_template and not self.status.finished:
            # Never edited by hand: the text is the template's, with today's name and
            # contact details (changed in Preferences since, perhaps).
            self.edited_by_hand = False
            self._fill_from_template()
        self._medium_changed()
        self._address_changed()
        self._show_state()
        self._update_text_side()
        self.refresh_card()  # a card opens laid out, not a moment later
        # A fresh note from the template is worth keeping; so is one the template rewrote.
        self._dirty = draft is None or (
            (self.subject.text().strip(), self.editor.toPlainText()) != (draft.subject, draft.body)
        )

    def _heading_text(self, note: NoteContext) -> str:
        task = note.task
        person = (
            task.name
            + (f", {task.title}" if task.title else "")
            + f" · {task.company}"
            + (f" · {task.role_title}" if task.role_title else "")
        )
        return self.tr("To {person} — interview {day}").format(
            person=person, day=short_day(note.interview_day)
        )

    def _fill_fields(self, note: NoteContext) -> None:
        """The draft's fields (or the task's medium and a promise, for a new note)."""
        task, draft = note.task, note.draft
        promise = default_promise(note)
        if draft is not None:
            self._select(self.tone, draft.tone)
            self.specific.setPlainText(draft.specific_point)
            self.wish.setPlainText(draft.wish_said)
            self.extra.setText(draft.extra)
            self.promise.setChecked(draft.promised_on is not None)
            promise = draft.promised_on or promise
            self._select(self.medium, draft.medium.value)
            self.address.setPlainText(draft.address)
            self.subject.setText(draft.subject)
            self.editor.setPlainText(draft.body)
        else:
            self._select(self.medium, task.medium.value)
            self.promise.setChecked(True)
        # Any day can be typed: a minimum (the interview's day) silently turned "17" into
        # the 7th while typing. A day that may not be promised is said under the field
        # and refused when the note goes out (``promise_problem``).
        self.promise_date.setDate(QDate(promise.year, promise.month, promise.day))

    def _offer_debrief(self, note: NoteContext) -> None:
        """Sentences from the interview's and the application's notes, for the wish field."""
        # What the debrief says was meant to be said comes first, then sentences from
        # the notes that sound like it.
        from_notes = debrief_suggestions(
            "\n".join(t for t in (note.interview_notes, note.application_notes) if t.strip())
        )
        suggestions = list(dict.fromkeys([*note.meant_to_say, *from_notes]))[:8]
        self.debrief_menu.clear()
        for text in suggestions:
            action = self.debrief_menu.addAction(menu_label(text))
            action.triggered.connect(lambda _c=False, t=text: self._use_debrief(t))
        self.debrief_button.setEnabled(bool(suggestions))
        self.debrief_button.setToolTip(
            self.tr("What your debrief says you meant to say, and sentences from your notes")
            if suggestions
            else self.tr("No debrief notes for this interview yet")
        )

    def _connect_fields(self) -> None:
        for signal in (
            self.tone.currentIndexChanged,
            self.specific.textChanged,
            self.wish.textChanged,
            self.extra.textChanged,
            self.promise.toggled,
            self.promise_date.dateChanged,
            self.sender_name.textChanged,
            self.sender_contact.textChanged,
        ):
            signal.connect(self._fields_changed)
        self.promise.toggled.connect(self._update_promise_help)
        self.promise_date.dateChanged.connect(self._update_promise_help)
        self._update_promise_help()
        self.medium.currentIndexChanged.connect(self._medium_changed)
        self.address.textChanged.connect(self._address_changed)
        self.recipient.textChanged.connect(self._mark_dirty)
        self.subject.textChanged.connect(self._text_changed)
        self.editor.textChanged.connect(self._text_changed)

    def set_speller(self, speller: Speller) -> None:
        """The dictionary finished loading: underline, and check spelling too."""
        task = self.task
        speller.add_words(
            words_from_names(
                task.name,
                task.company,
                task.role_title,
                task.title,
                self.sender_name.text(),
                *(name for name, _text in self.note.siblings),
            )
        )
        self.speller = speller
        self.highlighter.set_speller(speller)
        self.run_checks()

    # -- what the fields say --------------------------------------------------------------

    def facts(self) -> NoteFacts:
        return NoteFacts(
            interviewer_name=self.task.name,
            interviewer_title=self.task.title,
            company=self.task.company,
            role_title=self.task.role_title,
            interview_day=self.note.interview_day,
            sender_name=self.sender_name.text().strip(),
            sender_contact=self.sender_contact.toPlainText().strip(),
        )

    def parts(self) -> PersonalParts:
        chosen = self.promise_date.date()
        return PersonalParts(
            specific_point=self.specific.toPlainText().strip(),
            wish_said=self.wish.toPlainText().strip(),
            extra=self.extra.text().strip(),
            promised_on=date(chosen.year(), chosen.month(), chosen.day())
            if self.promise.isChecked()
            else None,
        )

    def chosen_medium(self) -> NoteMedium:
        return NoteMedium(self.medium.currentData())

    def tone_value(self) -> Tone:
        return Tone(self.tone.currentData())

    def draft(self) -> NoteDraft:
        parts = self.parts()
        return NoteDraft(
            tone=self.tone_value().value,
            subject=self.subject.text().strip(),
            body=self.editor.toPlainText(),
            edited_by_hand=self.edited_by_hand,
            specific_point=parts.specific_point,
            wish_said=parts.wish_said,
            extra=parts.extra,
            promised_on=parts.promised_on,
            medium=self.chosen_medium(),
            address=self.address.toPlainText().strip(),
        )

    def layout_choice(self) -> NoteLayout:
        return self.card.layout_choice()

    def print_settings(self) -> dict[str, Any]:
        """The card choices, to remember for the next note."""
        return self.card.print_settings()

    def is_dirty(self) -> bool:
        return self._dirty

    # -- reacting ------------------------------------------------------------------------

    def _mark_dirty(self) -> None:
        if not self._filling:
            self._dirty = True

    def promise_problem(self) -> str | None:
        """Why the promised day is not allowed (with the earliest that is), or None."""
        parts = self.parts()
        facts = self.note.follow_up_facts
        if parts.promised_on is None:
            return None
        if facts is not None:
            return promise_problem(facts, parts.promised_on)
        if parts.promised_on <= self.note.interview_day:
            return self.tr("Too early: promise a day after the interview ({day}).").format(
                day=short_day(self.note.interview_day)
            )
        return None

    def _promise_refused(self) -> str:
        return self.tr("Change the promised day first.")

    def _update_promise_help(self) -> None:
        problem = self.promise_problem()
        text = problem if problem is not None else promise_help(self.note, self.parts().promised_on)
        self.promise_help.setText(text)
        colour_text(self.promise_help, ColourRole.ERROR if problem else None)
        if problem is None and self.error.text().startswith(self._promise_refused()):
            self.error.hide()

    def _refuse_a_bad_promise(self) -> bool:
        """True (and the reason shown) when the note promises a day it may not."""
        problem = self.promise_problem()
        if problem is None:
            return False
        self.show_error(f"{self._promise_refused()} {problem}")
        self.promise_date.setFocus()
        return True

    def _fields_changed(self) -> None:
        if self._filling:
            return
        self._dirty = True
        if not self.edited_by_hand:
            self._fill_from_template()
        self._update_text_side()

    def _text_changed(self) -> None:
        # The highlighter's underlines also emit textChanged: only a real edit counts.
        current = (self.subject.text(), self.editor.toPlainText())
        if self._filling or current == self._last_text:
            return
        self._last_text = current
        self._dirty = True
        self.edited_by_hand = True
        self._update_text_side()

    def _fill_from_template(self) -> None:
        composed = compose(self.tone_value(), self.facts(), self.parts())
        self._filling = True
        try:
            self.subject.setText(composed.subject)
            if self.editor.toPlainText() != composed.body:
                self.editor.setPlainText(composed.body)
            self._last_text = (self.subject.text(), self.editor.toPlainText())
        finally:
            self._filling = False

    def rebuild(self) -> None:
        """Fill the template again from the fields, replacing hand edits (asks first)."""
        if self.edited_by_hand and not Ask.confirm(
            self,
            self.tr("Replace your edits?"),
            self.tr(
                "Rebuilding fills the template again from the fields on the left. The changes "
                "you typed into the text itself will be replaced."
            ),
            self.tr("Rebuild"),
        ):
            return
        self.edited_by_hand = False
        self._fill_from_template()
        self._dirty = True
        self._update_text_side()

    def _use_debrief(self, text: str) -> None:
        """Add a point to what you wish you had said: as its own sentence (a debrief's
        points are often fragments without a full stop)."""
        current = self.wish.toPlainText().strip()
        if current and current[-1] not in ".!?;:":
            current += "."
        self.wish.setPlainText(f"{current} {text}" if current else text)

    def _medium_changed(self) -> None:
        medium = self.chosen_medium()
        by_email = medium is NoteMedium.EMAIL
        email_widgets: tuple[QWidget, ...] = (
            self.recipient,
            self.recipient_label,
            self.subject,
            self.subject_label,
            self.email_button,
        )
        for widget in email_widgets:
            widget.setVisible(by_email)
        card_widgets: tuple[QWidget, ...] = (self.address, self.address_label)
        for widget in card_widgets:
            widget.setVisible(medium.printed)
        self.delivered_button.setText(
            self.tr("&Mark as dropped off…")
            if medium is NoteMedium.DROP_OFF
            else self.tr("&Mark as posted…")
        )
        self.delivered_button.setVisible(medium.printed)
        if medium.printed and self.tabs.currentIndex() == 0 and not self._filling:
            self.tabs.setCurrentIndex(1)
        self._address_changed()
        self._update_card_advice()
        self._mark_dirty()
        self._update_text_side()

    def _update_card_advice(self) -> None:
        """Shown while a note for a creative role would go by e-mail (until dismissed)."""
        word = creative_role_match(self.task.role_title, self.note.creative_roles)
        show = (
            word is not None
            and not self._card_advice_dismissed
            and not self.status.finished
            and self.chosen_medium() is NoteMedium.EMAIL
        )
        if show and self._card_arrives_late():
            self.card_advice_text.setText(
                self.tr(
                    "For a {word} role, a handwritten card shows the care the job is about. "
                    "A card posted now arrives after this note is due: send the e-mail on "
                    "time and a card as well, or drop the card off at reception tomorrow."
                ).format(word=word)
            )
        elif show:
            self.card_advice_text.setText(
                self.tr(
                    "For a {word} role, a handwritten card shows the care the job is about, "
                    "and stands out among e-mails."
                ).format(word=word)
            )
        self.card_advice.setVisible(show)

    def _card_arrives_late(self) -> bool:
        """Whether a card in the post (a few days) would miss the note's deadline."""
        opened = self.opened_at
        return opened is not None and self.task.deadline - opened < POSTED_CARD_TAKES

    def _switch_to_card(self) -> None:
        self._select(self.medium, NoteMedium.CARD.value)

    def _dismiss_card_advice(self) -> None:
        self._card_advice_dismissed = True
        self._update_card_advice()

    def _address_changed(self) -> None:
        address = self.address.toPlainText()
        home = self.chosen_medium().printed and looks_like_home_address(address, self.task.company)
        self.address_hint.setVisible(home)
        self._mark_dirty()

    def _update_text_side(self) -> None:
        self.hand_label.setVisible(self.edited_by_hand)
        self.rebuild_button.setVisible(self.edited_by_hand)
        body = self.editor.toPlainText()
        words = word_count(body)
        hint = length_hint(words, self.chosen_medium().value)
        text = self.tr("%Ln word(s)", "", words)
        if hint:
            text += f" — {hint}"
        self.count_label.setText(text)
        colour_text(self.count_label, ColourRole.ADVICE if hint else None)
        self._card_stale = True
        self.findings_list.clear()
        self.findings_list.addItem(self.tr("Checking…"))
        self._check_timer.start()

    def _checks_due(self) -> None:
        """Typing paused: the card preview and the checks catch up."""
        self.refresh_card()
        self.run_checks()

    def refresh_card(self) -> None:
        """Lay the card preview out again if the text changed since, for a printed note or
        while the card preview is the tab shown (an e-mail's card waits until it is: it was
        blank when that tab was opened)."""
        if not self._card_stale:
            return
        if self.chosen_medium().printed or self.tabs.currentWidget() is self.card:
            self.card.refresh()
            self._card_stale = False

    # -- checks --------------------------------------------------------------------------

    def run_checks(self) -> list[Finding]:
        self._check_timer.stop()
        body = self.editor.toPlainText()
        self.findings = run_checks(
            body,
            self.parts(),
            self.task.company,
            self.note.other_companies,
            self.note.siblings,
            self.chosen_medium().value,
            self.speller,
        )
        promise = self.promise_problem()
        if promise is not None:
            # The note would promise a day the plan may not keep: a problem before it goes.
            self.findings.insert(0, Finding("promise", Severity.PROBLEM, promise))
        elif (advice := weekend_advice(self.parts().promised_on)) is not None:
            self.findings.append(advice)
        self._list_findings()
        self._highlight([])
        return self.findings

    def _list_findings(self) -> None:
        self.findings_list.clear()
        for finding in self.findings:
            mark = "✗" if finding.severity is Severity.PROBLEM else "•"
            item = QListWidgetItem(f"{mark} {finding.message}")
            colour_item(
                item,
                ColourRole.ERROR if finding.severity is Severity.PROBLEM else ColourRole.ADVICE,
            )
            item.setToolTip(tooltip("\n\n".join(finding.passages) or finding.message))
            self.findings_list.addItem(item)
        if self.speller is None:
            self.findings_list.addItem(
                self.tr("The spelling dictionary is loading; spelling is checked in a moment.")
            )
        if not self.findings and self.speller is not None:
            ok = QListWidgetItem(self.tr("✓ All checks passed: personal, complete, spelled right."))
            colour_item(ok, ColourRole.SUCCESS)
            self.findings_list.addItem(ok)

    def _recolour(self) -> None:
        """The checks' colours and the spelling underlines are drawn once: again, for the
        new palette."""
        recolour_items(self.findings_list)
        self.highlighter.rehighlight()

    def problems(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.PROBLEM]

    def passes_checks(self) -> bool:
        """Checked for real: spelling loaded and no problem left."""
        self.run_checks()
        return self.speller is not None and not self.problems()

    def _show_finding(self, row: int) -> None:
        if not 0 <= row < len(self.findings):
            self.finding_detail.clear()
            self._highlight([])
            return
        finding = self.findings[row]
        if finding.passages:
            shared = "\n".join(f"“{p}”" for p in finding.passages[:4])
            self.finding_detail.setText(
                self.tr("Shared passages:\n{passages}").format(passages=shared)
            )
        else:
            self.finding_detail.setText("")
        self._highlight(list(finding.spans))

    def _highlight(self, spans: list[tuple[int, int]]) -> None:
        selections = []
        length = len(self.editor.toPlainText())
        for start, end in spans:
            if not 0 <= start < end <= length:
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(colour(ColourRole.FOUND_PASSAGE))
            selection.format = fmt
            selections.append(selection)
        self.editor.setExtraSelections(selections)
        if selections:
            self.editor.setTextCursor(selections[0].cursor)

    # -- actions -------------------------------------------------------------------------

    def _show_state(self) -> None:
        task, status = self.task, self.status
        if status.finished:
            text = finished_on_text(status, task.finished_on)
        else:
            due = two_clock_text(task.deadline, self.zone, task.time_zone)
            late = self.opened_at is not None and self.opened_at >= task.deadline
            template = (
                self.tr("{state} · overdue: it was due {when}")
                if late
                else self.tr("{state} · due {when}")
            )
            text = template.format(state=status_label(status), when=due)
        self.state_label.setText(text)
        self.reopen_button.setVisible(status.finished)
        self._lock_when_sent()
        self._update_card_advice()

    def _lock_when_sent(self) -> None:
        """A note that went out cannot be saved over or sent again by accident: those
        buttons wait until "Not sent after all" brings it back to the drafts."""
        finished = self.status.finished
        sent_tip = (
            self.tr(
                "Already sent on {day}: “Not sent after all” brings it back to your drafts."
            ).format(day=short_day(self.task.finished_on))
            if finished and self.task.finished_on is not None
            else self.tr("Already sent: “Not sent after all” brings it back to your drafts.")
        )
        for button in (self.save_button, self.email_button, self.delivered_button):
            button.setEnabled(not finished)
            button.setToolTip(sent_tip if finished else "")
        # Its words are read-only too: an edit to a sent note could not be saved.
        texts: tuple[QLineEdit | QPlainTextEdit, ...] = (
            self.editor,
            self.subject,
            self.specific,
            self.wish,
            self.extra,
            self.recipient,
            self.address,
            self.sender_name,
            self.sender_contact,
        )
        for text in texts:
            text.setReadOnly(finished)
            look_read_only(text, finished)  # grey, as a field that takes no typing
            text.setToolTip(sent_tip if finished else "")
        for widget in (
            self.tone,
            self.medium,
            self.promise,
            self.promise_date,
            self.debrief_button,
            self.rebuild_button,
        ):
            widget.setEnabled(not finished)
        self.sent_lock_label.setText(self._lock_text())
        self.sent_lock_label.setVisible(finished)

    def _lock_text(self) -> str:
        day = self.task.finished_on
        if day is None:
            return self.tr(
                "Sent — read only: kept as it went out. To change it, use “Not sent after all”."
            )
        return self.tr(
            "Sent on {day} — read only: kept as it went out. To change it, use “Not sent "
            "after all”."
        ).format(day=short_day(day))

    def set_status(self, status: NoteStatus, finished_on: date | None = None) -> None:
        """The store saved a new state (called by the flow after a save)."""
        self.status = status
        self.task = replace(self.task, status=status, finished_on=finished_on)
        self._show_state()

    def _keep_sender(self) -> None:
        name, contact = self.sender_name.text().strip(), self.sender_contact.toPlainText().strip()
        if (name, contact) != (self.note.sender_name.strip(), self.note.sender_contact.strip()):
            self.sender_changed.emit(name, contact)
            self.note = replace(self.note, sender_name=name, sender_contact=contact)

    def save_draft(self) -> None:
        if self.status.finished:
            return  # kept as sent (Ctrl+S, closing or printing again changes nothing)
        self._keep_sender()
        checked = self.passes_checks()
        self.save_requested.emit(self.draft(), checked)
        self._dirty = False

    def _confirm_problems(self, question: str, action: str) -> bool:
        """Ask ``question`` (about the action at hand) when the checks found problems; the
        button says the same action (``action``)."""
        problems = self.problems()
        if not problems:
            return True
        listing = "\n".join(f"• {p.message}" for p in problems[:6])
        return Ask.confirm(
            self,
            question,
            self.tr("The checks found these problems:\n{problems}").format(problems=listing),
            action,
        )

    def send_email(self) -> None:
        if self.status.finished or self._refuse_a_bad_promise():
            return
        if self.chosen_medium() is not NoteMedium.EMAIL:
            self._select(self.medium, NoteMedium.EMAIL.value)
        checked = self.passes_checks()
        if not self._confirm_problems(self.tr("Send anyway?"), self.tr("Send anyway")):
            return
        to = self.recipient.text().strip()
        if to != self.note.email.strip():
            self.contact_email_changed.emit(to)
        try:
            url = mailto_url(to, self.subject.text(), self.editor.toPlainText())
        except MailtoError as exc:
            self.show_error(str(exc))
            self.recipient.setFocus()
            return
        self.error.hide()
        self._keep_sender()
        QGuiApplication.clipboard().setText(self.editor.toPlainText())
        opened = self.open_url(QUrl.fromEncoded(url.encode("ascii")))
        # One job saves the text and, when sent, the state: never a state without its text.
        if self._ask_whether_sent(to, opened):
            self.finish_requested.emit(self.draft(), checked, NoteMedium.EMAIL, self.today)
        else:
            self.save_requested.emit(self.draft(), checked)
        self._dirty = False

    def _ask_whether_sent(self, to: str, opened: bool) -> bool:
        # The desktop only says it passed the link on, not that a mail program took it.
        where = (
            self.tr("If your mail program opened, it shows the note, addressed and ready to send.")
            if opened
            else self.tr("No mail program opened here.")
        )
        return Ask.confirm(
            self,
            self.tr("Did it go out?"),
            self.tr(
                "{where} The text is also on the clipboard, to paste into a new message to "
                "{to}.\n\nOnce you have sent it, mark the note as e-mailed."
            ).format(where=where, to=to),
            self.tr("Mark as e-mailed today"),
        )

    @staticmethod
    def open_url(url: QUrl) -> bool:
        """Opens the mail program (tests replace this)."""
        return QDesktopServices.openUrl(url)

    def _printable(self) -> NoteLayout | None:
        layout = self.layout_choice()
        if self.font_problem or not layout.font_family:
            self.show_error(self.font_problem or self.tr("No handwriting font is available."))
            return None
        if not self.editor.toPlainText().strip():
            self.show_error(self.tr("Write the note first."))
            return None
        return layout

    def print_preview(self) -> None:
        layout = self._printable()
        if layout is None:
            return
        self.passes_checks()
        if not self._confirm_problems(self.tr("Print anyway?"), self.tr("Print anyway")):
            return
        self.save_draft()
        text = self.editor.toPlainText()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self._document_title())
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print preview — note to {name}").format(name=self.task.name))
        fit = self._warn_about_fit(dialog, text, layout)
        # Measured once, for the warning: every page the preview paints reuses it.
        dialog.paintRequested.connect(
            lambda p: self._paint(lambda: paint_note(p, text, layout, fit))
        )
        self.run_preview(dialog)

    def _warn_about_fit(
        self, dialog: QPrintPreviewDialog, text: str, layout: NoteLayout
    ) -> CardFit | None:
        """Above the preview, before anything is printed: the note is too long for its
        card (and by about how much), or the smaller size it is written at to fit.
        Returns the fit measured (None: the font could not measure)."""
        try:
            fit = fit_to_card(text, layout)
        except FontError:
            return None
        message = fit_text(layout, fit)
        self.preview_warning = None
        box = dialog.layout()
        if not message or not isinstance(box, QBoxLayout):
            return fit
        self.preview_warning = plain_label(message, wrap=True)
        self.preview_warning.setObjectName("notePreviewFit")
        if not fit.fits:
            colour_text(self.preview_warning, ColourRole.WARNING)
            font = self.preview_warning.font()
            font.setBold(True)
            self.preview_warning.setFont(font)
        self.preview_warning.setContentsMargins(8, 6, 8, 6)
        box.insertWidget(0, self.preview_warning)
        return fit

    def _document_title(self) -> str:
        return self.tr("Thank-you note to {name}").format(name=self.task.name)

    def _paint(self, work: Callable[[], object]) -> None:
        try:
            work()
        except (FontError, PrintError) as exc:  # their text is written for the person
            self.show_error(str(exc))

    @staticmethod
    def run_preview(dialog: QPrintPreviewDialog) -> None:
        """Shows the print preview (tests replace this)."""
        dialog.exec()

    def export_pdf(self) -> None:
        layout = self._printable()
        if layout is None:
            return
        self.passes_checks()
        if not self._confirm_problems(self.tr("Save the PDF anyway?"), self.tr("Save anyway")):
            return
        title = self._document_title()
        suggested = self.pdf_folder() / file_name(title, None, "pdf")
        path = self.choose_pdf_path(self, str(suggested))
        if path is None:
            return
        self.save_draft()
        try:
            note_to_pdf(path, self.editor.toPlainText(), layout, title)
        except (FontError, PrintError) as exc:  # their text is written for the person
            self.show_error(self.tr("Could not save the PDF: {reason}").format(reason=exc))
            return
        except OSError as exc:  # the system's words go to the log, plain ones to the person
            log.warning("saving the note as PDF failed: %s", exc)
            self.show_error(self._pdf_problem(exc))
            return
        self.show_info(self.tr("Saved {file}.").format(file=path.name))

    def _pdf_problem(self, error: OSError) -> str:
        """Why the PDF could not be written, and what to do, in plain words."""
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            return self.tr(
                "Could not save the PDF: the disk is full. Free some space or choose "
                "another folder."
            )
        if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return self.tr(
                "Could not save the PDF: that folder cannot be written to. Choose another folder."
            )
        return self.tr(
            "Could not save the PDF (the details are in the log file). Try again, or "
            "choose another folder."
        )

    @staticmethod
    def pdf_folder() -> Path:
        # Documents when it exists: a folder that does not would start the dialog in the
        # process's current folder.
        return user_folder(QStandardPaths.StandardLocation.DocumentsLocation)

    @staticmethod
    def choose_pdf_path(parent: QWidget, suggested: str) -> Path | None:
        """Asks where to save (tests replace this)."""
        path, _filter = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("NoteComposerDialog", "Save the note as PDF"),
            suggested,
            QCoreApplication.translate("NoteComposerDialog", "PDF (*.pdf)"),
        )
        if not path:
            return None
        return Path(path if path.lower().endswith(".pdf") else f"{path}.pdf")

    def print_envelope(self) -> None:
        address = self.address.toPlainText().strip()
        if not address:
            self.show_error(self.tr("Type their address first (under “How it goes out”)."))
            self.address.setFocus()
            return
        layout = self.layout_choice()
        if self.font_problem or not layout.font_family:
            self.show_error(self.font_problem or self.tr("No handwriting font is available."))
            return
        sender = "\n".join(
            t for t in (self.sender_name.text().strip(), self.sender_contact.toPlainText()) if t
        )
        envelope = self.card.envelope()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.tr("Envelope for {name}").format(name=self.task.name))
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(
            self.tr("Print preview — {envelope}").format(envelope=printing_label(envelope))
        )
        dialog.paintRequested.connect(
            lambda p: self._paint(
                lambda: paint_envelope(p, address, sender, envelope, layout.font_family)
            )
        )
        self.run_preview(dialog)

    def envelope_pdf(self, path: Path) -> None:
        """The envelope as a PDF (used by tests and by "Save as PDF" for the envelope)."""
        layout = self.layout_choice()
        sender = self.sender_name.text().strip()
        envelope_to_pdf(
            path,
            self.address.toPlainText().strip(),
            sender,
            self.card.envelope(),
            layout.font_family,
        )

    def mark_delivered(self) -> None:
        medium = self.chosen_medium()
        if self.status.finished or not medium.printed or self._refuse_a_bad_promise():
            return
        if medium is NoteMedium.DROP_OFF:
            title = self.tr("Mark as dropped off")
            question = self.tr("The day the card to {name} was dropped off:")
        else:
            title = self.tr("Mark as posted")
            question = self.tr("The day the card to {name} was posted:")
        day = Ask.day(self, title, question.format(name=self.task.name), self.today)
        if day is None:
            return
        self._keep_sender()
        self.finish_requested.emit(self.draft(), self.passes_checks(), medium, day)
        self._dirty = False

    def reopen(self) -> None:
        if Ask.confirm(
            self,
            self.tr("Not sent after all?"),
            self.tr(
                "The note to {name} goes back to your drafts, and its reminders come back."
            ).format(name=self.task.name),
            self.tr("Back to drafts"),
        ):
            self.reopen_requested.emit()

    def add_word(self, word: str) -> None:
        if self.speller is not None:
            self.speller.add_words([word])
            self.highlighter.rehighlight()
        self.add_word_requested.emit(word)
        self.run_checks()

    def show_error(self, message: str) -> None:
        colour_text(self.error, ColourRole.ERROR)
        self.error.setText(message)
        self.error.show()

    def show_info(self, message: str) -> None:
        colour_text(self.error, ColourRole.SUCCESS)
        self.error.setText(message)
        self.error.show()

    def reject(self) -> None:
        """Escape, and the window's close button (QDialog's closeEvent rejects): nothing
        typed is lost, the draft is kept. (Kept in closeEvent alone, Escape lost it.)"""
        if self._dirty and self.editor.toPlainText().strip():
            self.save_draft()
        super().reject()
