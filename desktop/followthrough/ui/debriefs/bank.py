"""The question bank: every question from every debrief, searchable, by theme, with the
answer to reuse and a list to practise. Questions asked at several companies come first
(``domain.debriefs.bank``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from followthrough.domain.debriefs.bank import AskedAt, BankQuestion, bank_themes, matches
from followthrough.domain.debriefs.record import HOW_IT_WENT_LABELS, theme_key
from followthrough.domain.wording import QT_TRANSLATE_NOOP, short_day
from followthrough.ui.common.table_model import Column, RecordTableModel
from followthrough.ui.common.text import plain_label
from followthrough.ui.common.widgets import record_table, resize_on_screen

_COLUMNS = (
    QT_TRANSLATE_NOOP("QuestionBank", "Question"),
    QT_TRANSLATE_NOOP("QuestionBank", "Companies"),
    QT_TRANSLATE_NOOP("QuestionBank", "Times asked"),
    QT_TRANSLATE_NOOP("QuestionBank", "Last asked"),
    QT_TRANSLATE_NOOP("QuestionBank", "Themes"),
    QT_TRANSLATE_NOOP("QuestionBank", "Practise"),
)


def _columns() -> list[Column[BankQuestion]]:
    title = [QCoreApplication.translate("QuestionBank", c) for c in _COLUMNS]
    return [
        Column(title[0], lambda q: q.text),
        Column(title[1], lambda q: str(q.companies), lambda q: q.companies),
        Column(title[2], lambda q: str(q.times), lambda q: q.times),
        Column(title[3], lambda q: short_day(q.last_asked), lambda q: q.last_asked),
        Column(title[4], lambda q: ", ".join(q.themes)),
        Column(
            title[5],
            lambda q: QCoreApplication.translate("QuestionBank", "yes") if q.practise else "",
            lambda q: q.practise,
        ),
    ]


def _how(asked: AskedAt) -> str:
    if asked.how_it_went is None:
        return ""
    return QCoreApplication.translate("debriefs", HOW_IT_WENT_LABELS[asked.how_it_went])


class QuestionBankDialog(QDialog):
    """Signals:
    mark_best(int): keep this asked question's answer as the one to reuse.
    practise(list, bool): put these asked questions on the practice list, or off it.
    """

    mark_best = Signal(int)
    practise = Signal(list, bool)

    def __init__(self, bank: list[BankQuestion], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionBank")
        self.setWindowTitle(QCoreApplication.translate("QuestionBank", "Question bank"))
        self.model: RecordTableModel[BankQuestion] = RecordTableModel(_columns(), self)
        self.table = record_table(self.model, "questionBankTable", widths=(330, 85, 90, 105, 140))
        self.table.selectionModel().currentRowChanged.connect(self._show_question)
        self.table.doubleClicked.connect(lambda _i: self.answers.setFocus())
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_filters())
        self.empty = plain_label(
            QCoreApplication.translate(
                "QuestionBank",
                "No questions yet. Write a debrief after an interview (Debrief… on the "
                "application's interview) and its questions gather here.",
            ),
            wrap=True,
        )
        layout.addWidget(self.empty)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self._build_detail())
        # The list first: the answers below take what is left.
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        self.set_bank(bank)
        resize_on_screen(self, 900, 640)

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            QCoreApplication.translate("QuestionBank", "Search questions, answers and themes")
        )
        self.search.setClearButtonEnabled(True)
        self.theme = QComboBox()
        self.only_practise = QCheckBox(
            QCoreApplication.translate("QuestionBank", "Only the &practice list")
        )
        row.addWidget(self.search, 1)
        row.addWidget(self.theme)
        row.addWidget(self.only_practise)
        self.search.textChanged.connect(self._filter)
        self.theme.currentIndexChanged.connect(self._filter)
        self.only_practise.toggled.connect(self._filter)
        return row

    def _build_detail(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        self.best = QPlainTextEdit()
        self.best.setObjectName("bankBestAnswer")
        self.best.setReadOnly(True)
        self.best.setMaximumHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.answers = QListWidget()
        self.answers.setObjectName("bankAnswers")
        buttons = QHBoxLayout()
        self.best_button = QPushButton(
            QCoreApplication.translate("QuestionBank", "&Keep this answer as the best")
        )
        self.best_button.clicked.connect(self._keep_best)
        self.practise_button = QPushButton(
            QCoreApplication.translate("QuestionBank", "Add to the practice &list")
        )
        self.practise_button.clicked.connect(self._toggle_practise)
        buttons.addWidget(self.best_button)
        buttons.addWidget(self.practise_button)
        buttons.addStretch(1)
        layout.addWidget(
            plain_label(QCoreApplication.translate("QuestionBank", "The answer to reuse:"))
        )
        layout.addWidget(self.best, 1)
        layout.addWidget(
            plain_label(QCoreApplication.translate("QuestionBank", "Every time it was asked:"))
        )
        layout.addWidget(self.answers, 1)
        layout.addLayout(buttons)
        return panel

    def set_bank(self, bank: list[BankQuestion]) -> None:
        """Show ``bank`` (again after a mark), keeping the chosen question and filters."""
        chosen = self.selected()
        self._bank = bank
        # One entry per theme however it was typed (``theme_key``), in the bank's spelling.
        themes = bank_themes(bank)
        current = self.theme.currentData()
        self.theme.blockSignals(True)
        self.theme.clear()
        self.theme.addItem(QCoreApplication.translate("QuestionBank", "All themes"), None)
        for theme in themes:
            self.theme.addItem(theme, theme_key(theme))
        index = self.theme.findData(current)
        self.theme.setCurrentIndex(max(index, 0))
        self.theme.blockSignals(False)
        self.empty.setVisible(not bank)
        self._filter()
        self._choose(chosen.text if chosen else None)

    def _filter(self) -> None:
        words, theme, only = self.search.text(), self.theme.currentData(), self.only_practise
        kept = [
            q
            for q in self._bank
            if matches(q, words, theme) and (q.practise or not only.isChecked())
        ]
        self.model.set_rows(kept)
        self._choose(None)

    def _choose(self, text: str | None) -> None:
        rows = self.model.rowCount()
        row = 0
        for number in range(rows):
            question = self.model.index(number, 0).data(RecordTableModel.RowRole)
            if text is not None and question.text == text:
                row = number
        if rows:
            self.table.setCurrentIndex(self.model.index(row, 0))
        else:
            self._show_question(QModelIndex())

    def selected(self) -> BankQuestion | None:
        index = self.table.currentIndex()
        return index.data(RecordTableModel.RowRole) if index.isValid() else None

    def _show_question(self, index: QModelIndex, _previous: object = None) -> None:
        question = index.data(RecordTableModel.RowRole) if index.isValid() else None
        self.answers.clear()
        best = question.best_answer if question is not None else None
        self.best.setPlainText(best.answer if best is not None else "")
        for asked in question.asked if question is not None else ():
            text = QCoreApplication.translate(
                "QuestionBank", "{company}, {day}{how}: {answer}"
            ).format(
                company=asked.company,
                day=short_day(asked.day),
                how=f" ({_how(asked)})" if asked.how_it_went else "",
                answer=asked.answer
                or QCoreApplication.translate("QuestionBank", "(no answer written)"),
            )
            item = QListWidgetItem(text)  # list items are plain text
            item.setData(Qt.ItemDataRole.UserRole, asked.question_id)
            self.answers.addItem(item)
        self.best_button.setEnabled(question is not None)
        self.practise_button.setEnabled(question is not None)
        on_list = question is not None and question.practise
        self.practise_button.setText(
            QCoreApplication.translate("QuestionBank", "Take off the practice &list")
            if on_list
            else QCoreApplication.translate("QuestionBank", "Add to the practice &list")
        )

    def _keep_best(self) -> None:
        item = self.answers.currentItem() or self.answers.item(0)
        if item is not None:
            self.mark_best.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def _toggle_practise(self) -> None:
        question = self.selected()
        if question is not None:
            self.practise.emit([a.question_id for a in question.asked], not question.practise)
