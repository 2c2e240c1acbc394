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
from followthrough.ui.common.theme import ColourRole, colour_text
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
        self._shown: BankQuestion | None = None  # the question whose answers are listed
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
        # Where the answer to reuse comes from: the one kept as the best, or the rule's.
        self.best_source = plain_label(wrap=True)
        self.best_source.setObjectName("bankBestSource")
        colour_text(self.best_source, ColourRole.MUTED)
        self.answers = QListWidget()
        self.answers.setObjectName("bankAnswers")
        self.answers.setWordWrap(True)
        self.answers.currentRowChanged.connect(lambda _row: self._update_best_button())
        buttons = QHBoxLayout()
        self.best_button = QPushButton(self._keep_text())
        self.best_button.setObjectName("bankKeepBest")
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
        layout.addWidget(self.best_source)
        layout.addWidget(
            plain_label(
                QCoreApplication.translate(
                    "QuestionBank",
                    "Every time it was asked (choose one to keep its answer as the best):",
                ),
                wrap=True,
            )
        )
        layout.addWidget(self.answers, 1)
        layout.addLayout(buttons)
        return panel

    @staticmethod
    def _keep_text() -> str:
        return QCoreApplication.translate("QuestionBank", "&Keep this answer as the best")

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
        self._shown = question
        self.answers.clear()
        best = question.best_answer if question is not None else None
        self.best.setPlainText(best.answer if best is not None else "")
        self.best_source.setText(self._source_text(best))
        self.best_source.setVisible(best is not None)
        for asked in question.asked if question is not None else ():
            self.answers.addItem(self._answer_item(asked))
        chosen = (
            next((row for row, asked in enumerate(question.asked) if asked is best), 0)
            if question is not None
            else -1
        )
        self.answers.setCurrentRow(chosen)
        self.practise_button.setEnabled(question is not None)
        on_list = question is not None and question.practise
        self.practise_button.setText(
            QCoreApplication.translate("QuestionBank", "Take off the practice &list")
            if on_list
            else QCoreApplication.translate("QuestionBank", "Add to the practice &list")
        )
        self._update_best_button()

    @staticmethod
    def _source_text(best: AskedAt | None) -> str:
        if best is None:
            return ""
        where = QCoreApplication.translate("QuestionBank", "{company}, {day}").format(
            company=best.company, day=short_day(best.day)
        )
        if best.best:
            return QCoreApplication.translate(
                "QuestionBank", "★ Kept as the best: your answer at {where}."
            ).format(where=where)
        return QCoreApplication.translate(
            "QuestionBank",
            "Your answer at {where}: the latest that went well, or the latest. Choose the "
            "one to reuse below and keep it as the best.",
        ).format(where=where)

    @staticmethod
    def _answer_item(asked: AskedAt) -> QListWidgetItem:
        text = QCoreApplication.translate("QuestionBank", "{company}, {day}{how}: {answer}").format(
            company=asked.company,
            day=short_day(asked.day),
            how=f" ({_how(asked)})" if asked.how_it_went else "",
            answer=asked.answer
            or QCoreApplication.translate("QuestionBank", "(no answer written)"),
        )
        if asked.best:
            text = QCoreApplication.translate(
                "QuestionBank", "★ Kept as the best — {answer}"
            ).format(answer=text)
        item = QListWidgetItem(text)  # list items are plain text
        item.setData(Qt.ItemDataRole.UserRole, asked.question_id)
        if asked.best:
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        return item

    def chosen_answer(self) -> AskedAt | None:
        """The time asked chosen in the list below the answer (None: none)."""
        question, row = self._shown, self.answers.currentRow()
        if question is None or not 0 <= row < len(question.asked):
            return None
        return question.asked[row]

    def _update_best_button(self) -> None:
        """The button says what it would do for the answer chosen: keep it, or that it is
        kept already; an empty answer cannot be kept."""
        chosen = self.chosen_answer()
        kept = chosen is not None and chosen.best
        self.best_button.setText(
            QCoreApplication.translate("QuestionBank", "Kept as the best")
            if kept
            else self._keep_text()
        )
        self.best_button.setEnabled(chosen is not None and not kept and bool(chosen.answer.strip()))
        self.best_button.setToolTip(
            QCoreApplication.translate("QuestionBank", "No answer was written that time")
            if chosen is not None and not chosen.answer.strip()
            else ""
        )

    def _keep_best(self) -> None:
        chosen = self.chosen_answer()
        if chosen is not None and not chosen.best and chosen.answer.strip():
            self.mark_best.emit(chosen.question_id)

    def _toggle_practise(self) -> None:
        question = self.selected()
        if question is not None:
            self.practise.emit([a.question_id for a in question.asked], not question.practise)
