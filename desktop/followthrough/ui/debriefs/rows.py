"""The debrief form's repeated rows: a question, a skill, something told to someone."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from followthrough.domain.debriefs.consistency import EarlierStatement, disagreements
from followthrough.domain.debriefs.record import (
    HOW_IT_WENT_LABELS,
    TOLD_TOPIC_LABELS,
    AskedQuestion,
    HowItWent,
    Skill,
    ToldStatement,
    ToldTopic,
    parse_themes,
    practise_by_problem,
)
from followthrough.domain.note_checks import word_count
from followthrough.ui.common.forms import date_edit, error_label, set_combo_data
from followthrough.ui.common.locale_words import from_qdate, number_text
from followthrough.ui.common.text import plain_label
from followthrough.ui.common.theme import ColourRole, colour_text


def _remove_button(row: QWidget) -> QToolButton:
    button = QToolButton(row)
    button.setText(QCoreApplication.translate("debriefs", "Remove"))
    button.setToolTip(QCoreApplication.translate("debriefs", "Remove this row"))
    return button


class QuestionRow(QFrame):
    """One question: what they asked, what you answered, how it went, its themes."""

    removed = Signal(QWidget)
    changed = Signal()

    def __init__(self, asked: AskedQuestion | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.question = QLineEdit()
        self.question.setPlaceholderText(
            QCoreApplication.translate("debriefs", "The question, as they asked it")
        )
        self.answer = QPlainTextEdit()
        self.answer.setPlaceholderText(QCoreApplication.translate("debriefs", "What you answered"))
        self.answer.setTabChangesFocus(True)
        self.answer.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.how = QComboBox()
        self.how.addItem(QCoreApplication.translate("debriefs", "How did it go?"), None)
        for how, label in HOW_IT_WENT_LABELS.items():
            self.how.addItem(QCoreApplication.translate("debriefs", label), how.value)
        self.themes = QLineEdit()
        self.themes.setPlaceholderText(
            QCoreApplication.translate("debriefs", "Themes, comma-separated (e.g. teamwork, SQL)")
        )
        self._kept = asked or AskedQuestion("")
        self.remove = _remove_button(self)
        self.remove.clicked.connect(lambda: self.removed.emit(self))
        grid = QGridLayout(self)
        grid.addWidget(self.question, 0, 0, 1, 2)
        grid.addWidget(self.remove, 0, 2)
        grid.addWidget(self.answer, 1, 0, 1, 3)
        grid.addWidget(self._build_words(), 2, 0, 1, 3, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.how, 3, 0)
        grid.addWidget(self.themes, 3, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        if asked is not None:
            self.question.setText(asked.question)
            self.answer.setPlainText(asked.answer)
            set_combo_data(self.how, asked.how_it_went.value if asked.how_it_went else None)
            self.themes.setText(", ".join(asked.themes))
        self._count_words()
        self.answer.textChanged.connect(self._count_words)
        for signal in (self.question.textChanged, self.answer.textChanged, self.themes.textChanged):
            signal.connect(self.changed)
        self.how.currentIndexChanged.connect(self.changed)

    def _build_words(self) -> QLabel:
        # How long the answer is, quietly under it: a hint, not a rule.
        self.words = plain_label()
        self.words.setObjectName("debriefAnswerWords")
        font = self.words.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        self.words.setFont(font)
        colour_text(self.words, ColourRole.MUTED)
        return self.words

    def _count_words(self) -> None:
        words = word_count(self.answer.toPlainText())
        self.words.setText(
            QCoreApplication.translate("debriefs", "Words: {n}").format(n=number_text(words))
            if words
            else ""
        )

    def focus_order(self) -> list[QWidget]:
        """Where Tab goes in this row, in reading order (``_RowList`` chains the rows)."""
        return [self.question, self.answer, self.how, self.themes, self.remove]

    def value(self) -> AskedQuestion:
        how = self.how.currentData()
        return AskedQuestion(
            self.question.text(),
            self.answer.toPlainText(),
            HowItWent(how) if how else None,
            parse_themes(self.themes.text()),
            # Marks made in the question bank stay with the question.
            self._kept.best,
            self._kept.practise,
        )


class SkillRow(QWidget):
    """A skill to develop, with a day to practise it by (a reminder) and whether done.

    Any day can be typed; one already behind (``practise_by_problem``) is said under the
    row when leaving the day or saving, what was typed kept."""

    removed = Signal(QWidget)
    changed = Signal()

    def __init__(self, today: date, skill: Skill | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._today = today
        self._saved = skill.practise_by if skill is not None else None
        self.name = QLineEdit()
        self.name.setPlaceholderText(
            QCoreApplication.translate("debriefs", "A skill to work on (e.g. system design)")
        )
        self.has_day = QCheckBox(QCoreApplication.translate("debriefs", "Practise by"))
        self.has_day.setToolTip(QCoreApplication.translate("debriefs", "A reminder on that day"))
        self.day = date_edit(skill.practise_by if skill and skill.practise_by else today)
        self.day.setObjectName("skillPractiseBy")
        self.day.setEnabled(False)
        self.done = QCheckBox(QCoreApplication.translate("debriefs", "Done"))
        self.remove = _remove_button(self)
        self.remove.clicked.connect(lambda: self.removed.emit(self))
        self.error = error_label("skillPractiseBy")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        for widget, stretch in ((self.name, 1), (self.has_day, 0), (self.day, 0)):
            row.addWidget(widget, stretch)
        row.addWidget(self.done)
        row.addWidget(self.remove)
        column.addLayout(row)
        column.addWidget(self.error)
        self.has_day.toggled.connect(self.day.setEnabled)
        if skill is not None:
            self.name.setText(skill.name)
            self.has_day.setChecked(skill.practise_by is not None)
            self.done.setChecked(skill.done)
        self.name.textChanged.connect(self.changed)
        for box in (self.has_day, self.done):
            box.toggled.connect(self.changed)
            box.toggled.connect(self._recheck)
        self.day.dateChanged.connect(self.changed)
        # Said when leaving the day (not at each keystroke: typing "17" passes the 1st);
        # once said, it goes as soon as the day is right.
        self.day.editingFinished.connect(self.check)
        self.day.dateChanged.connect(self._recheck)

    def focus_order(self) -> list[QWidget]:
        """Where Tab goes in this row, in reading order (``_RowList`` chains the rows)."""
        return [self.name, self.has_day, self.day, self.done, self.remove]

    def value(self) -> Skill:
        by = from_qdate(self.day.date()) if self.has_day.isChecked() else None
        return Skill(self.name.text(), by, self.done.isChecked())

    def problem(self) -> str | None:
        return practise_by_problem(self.value(), self._today, self._saved)

    def check(self) -> bool:
        """Say what is wrong with the day, if anything; True when nothing is."""
        found = self.problem()
        self.error.setText(found or "")
        self.error.setVisible(bool(found))
        return found is None

    def _recheck(self) -> None:
        if not self.error.isHidden():
            self.check()


class ToldRow(QWidget):
    """Something you told them (salary, notice…), to whom, and a warning when it
    disagrees with what an earlier round was told."""

    removed = Signal(QWidget)
    changed = Signal()

    def __init__(
        self,
        earlier: list[EarlierStatement],
        told: ToldStatement | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._earlier = earlier
        self.topic = QComboBox()
        for topic, label in TOLD_TOPIC_LABELS.items():
            self.topic.addItem(QCoreApplication.translate("debriefs", label), topic.value)
        self.said = QLineEdit()
        self.said.setPlaceholderText(
            QCoreApplication.translate(
                "debriefs", "What you said (e.g. 80-85k, four weeks' notice)"
            )
        )
        self.told_to = QLineEdit()
        self.told_to.setPlaceholderText(QCoreApplication.translate("debriefs", "Told to"))
        self.warning = error_label("told")
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.remove = _remove_button(self)
        self.remove.clicked.connect(lambda: self.removed.emit(self))
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.topic, 0, 0)
        grid.addWidget(self.said, 0, 1)
        grid.addWidget(self.told_to, 0, 2)
        grid.addWidget(self.remove, 0, 3)
        grid.addWidget(self.warning, 1, 0, 1, 4)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 1)
        if told is not None:
            set_combo_data(self.topic, told.topic.value)
            self.said.setText(told.said)
            self.told_to.setText(told.told_to)
        self.topic.currentIndexChanged.connect(self._check)
        self.said.textChanged.connect(self._check)
        for signal in (self.said.textChanged, self.told_to.textChanged):
            signal.connect(self.changed)
        self.topic.currentIndexChanged.connect(self.changed)
        self._check()

    def focus_order(self) -> list[QWidget]:
        """Where Tab goes in this row, in reading order (``_RowList`` chains the rows)."""
        return [self.topic, self.said, self.told_to, self.remove]

    def value(self) -> ToldStatement:
        return ToldStatement(
            ToldTopic(self.topic.currentData()), self.said.text(), self.told_to.text()
        )

    def _check(self) -> None:
        found = disagreements(self.value(), self._earlier) if self.said.text().strip() else []
        # The latest round it disagrees with says it (not once per earlier round). Plain
        # text: the earlier answer is the user's own words.
        self.warning.setText(found[-1].reason if found else "")
        self.warning.setVisible(bool(found))
