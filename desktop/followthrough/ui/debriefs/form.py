"""The debrief form: one interview's questions, reflection, skills and what was told.

Opened from the application's interviews, from the "debrief" reminder, or after logging an
interview. It only collects input: ``flow.DebriefFlow`` loads and saves.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from followthrough.domain.debriefs.record import RATINGS, TOLD_TOPIC_LABELS, DebriefDraft, ToldTopic
from followthrough.domain.wording import application_title, short_day
from followthrough.store.debriefs.records import DebriefContext
from followthrough.ui.common.forms import set_combo_data
from followthrough.ui.common.text import plain_label
from followthrough.ui.common.widgets import resize_on_screen
from followthrough.ui.debriefs.rows import QuestionRow, SkillRow, ToldRow


class _RowList(QWidget):
    """A column of rows with an "Add" button under them."""

    def __init__(self, add_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[QWidget] = []
        self._layout = QVBoxLayout(self)
        self.add_button = QPushButton(add_text)
        self._layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._layout.addStretch(1)

    def append(self, row: QWidget) -> None:
        self.rows.append(row)
        self._layout.insertWidget(len(self.rows) - 1, row)
        row.removed.connect(self.remove)  # type: ignore[attr-defined]
        self._chain_focus(row)

    def _chain_focus(self, row: QWidget) -> None:
        """Tab goes through ``row`` in reading order (its ``focus_order``), after the rows
        before it and before the "Add" button under them. Qt puts a new child last in the
        window's chain (after Save and Cancel): the row goes after the button (which is
        where the rows end), then the button after the row."""
        order = [self.add_button, *row.focus_order(), self.add_button]  # type: ignore[attr-defined]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    def remove(self, row: QWidget) -> None:
        if row in self.rows:
            self.rows.remove(row)
            self._layout.removeWidget(row)
            # Hidden at once: Tab never stops in a row that is going.
            row.hide()
            row.deleteLater()


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area


class DebriefDialog(QDialog):
    """The form; ``value()`` is the debrief as typed, ``changed()`` whether it differs
    from what was loaded."""

    def __init__(self, context: DebriefContext, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("debriefDialog")
        self.context = context
        self._today = today
        title = application_title(context.company, context.role)
        self.setWindowTitle(
            QCoreApplication.translate("debriefs", "Debrief: {title}").format(title=title)
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(
            self._build_questions(), QCoreApplication.translate("debriefs", "&Questions")
        )
        self.tabs.addTab(
            self._build_reflection(), QCoreApplication.translate("debriefs", "&Reflection")
        )
        self._skills_page = self._build_skills()
        self.tabs.addTab(self._skills_page, QCoreApplication.translate("debriefs", "&Skills"))
        self.tabs.addTab(
            self._build_told(), QCoreApplication.translate("debriefs", "What I &told whom")
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self._header())
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self._fill(context.draft)
        self._loaded = self.value()
        resize_on_screen(self, 760, 640)

    def _header(self) -> QLabel:
        people = ", ".join(self.context.interviewers) or QCoreApplication.translate(
            "debriefs", "no interviewer recorded"
        )
        text = QCoreApplication.translate(
            "debriefs", "{title}: round {round} on {day}, with {people}."
        ).format(
            title=application_title(self.context.company, self.context.role),
            round=self.context.round,
            day=short_day(self.context.day),
            people=people,
        )
        if self.context.day > self._today:
            text += " " + QCoreApplication.translate(
                "debriefs",
                "It has not happened yet: a debrief is for after it (prepare with its "
                "checklist instead).",
            )
        elif self.context.written_at is None:
            text += " " + QCoreApplication.translate(
                "debriefs", "Write it while you remember: the questions come first."
            )
        return plain_label(text, wrap=True)

    def _build_questions(self) -> QScrollArea:
        self.questions = _RowList(QCoreApplication.translate("debriefs", "Add a &question"))
        self.questions.add_button.clicked.connect(lambda: self._add_question(focus=True))
        return _scrolled(self.questions)

    def _add_question(self, asked: object = None, focus: bool = False) -> QuestionRow:
        row = QuestionRow(asked)  # type: ignore[arg-type]
        self.questions.append(row)
        if focus:
            row.question.setFocus()
        return row

    def _build_reflection(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.went_well = self._text(
            QCoreApplication.translate(
                "debriefs", "Moments that worked: rapport, a strong example…"
            )
        )
        self.to_improve = self._text(
            QCoreApplication.translate("debriefs", "What to do differently next time")
        )
        self.meant_to_say = self._text(
            QCoreApplication.translate(
                "debriefs", "One point per line: offered to the thank-you note and the next round"
            )
        )
        self.rating = QComboBox()
        self.rating.addItem(QCoreApplication.translate("debriefs", "Not rated"), None)
        for value in RATINGS:
            self.rating.addItem(
                QCoreApplication.translate("debriefs", "{n} of 5").format(n=value), value
            )
        form.addRow(QCoreApplication.translate("debriefs", "What went &well:"), self.went_well)
        form.addRow(QCoreApplication.translate("debriefs", "What to &improve:"), self.to_improve)
        form.addRow(
            QCoreApplication.translate("debriefs", "What I &meant to say:"), self.meant_to_say
        )
        form.addRow(QCoreApplication.translate("debriefs", "How it went &overall:"), self.rating)
        return page

    @staticmethod
    def _text(placeholder: str) -> QPlainTextEdit:
        editor = QPlainTextEdit()
        editor.setPlaceholderText(placeholder)
        editor.setTabChangesFocus(True)
        return editor

    def _build_skills(self) -> QScrollArea:
        self.skills = _RowList(QCoreApplication.translate("debriefs", "Add a s&kill"))
        self.skills.add_button.clicked.connect(lambda: self._add_skill(focus=True))
        return _scrolled(self.skills)

    def _add_skill(self, skill: object = None, focus: bool = False) -> SkillRow:
        row = SkillRow(self._today, skill)  # type: ignore[arg-type]
        self.skills.append(row)
        if focus:
            row.name.setFocus()
        return row

    def _build_told(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(
            plain_label(
                QCoreApplication.translate(
                    "debriefs",
                    "Salary, notice, why you are leaving, other processes: what you say at "
                    "one round, say the same at the next.",
                ),
                wrap=True,
            )
        )
        self.earlier = plain_label(self._earlier_text(), wrap=True)
        self.earlier.setObjectName("debriefEarlier")
        layout.addWidget(self.earlier)
        self.told = _RowList(QCoreApplication.translate("debriefs", "Add what you &told them"))
        self.told.add_button.clicked.connect(lambda: self._add_told(focus=True))
        layout.addWidget(_scrolled(self.told), 1)
        return page

    def _earlier_text(self) -> str:
        if not self.context.earlier:
            return QCoreApplication.translate(
                "debriefs", "Nothing recorded from earlier rounds with this company."
            )
        lines = [QCoreApplication.translate("debriefs", "Told at earlier rounds:")]
        for one in self.context.earlier:
            said = one.statement
            lines.append(
                QCoreApplication.translate(
                    "debriefs", "Round {round} ({day}), {topic}: “{said}”{to}"
                ).format(
                    round=one.round_,
                    day=short_day(one.day),
                    topic=self._topic_label(said.topic.value),
                    said=said.said,
                    to=(" — " + said.told_to) if said.told_to else "",
                )
            )
        return "\n".join(lines)

    @staticmethod
    def _topic_label(topic: str) -> str:
        return QCoreApplication.translate("debriefs", TOLD_TOPIC_LABELS[ToldTopic(topic)])

    def _add_told(self, told: object = None, focus: bool = False) -> ToldRow:
        row = ToldRow(list(self.context.earlier), told)  # type: ignore[arg-type]
        self.told.append(row)
        if focus:
            row.said.setFocus()
        return row

    def _fill(self, draft: DebriefDraft) -> None:
        for asked in draft.questions or (None,):
            self._add_question(asked)
        for skill in draft.skills:
            self._add_skill(skill)
        for told in draft.told:
            self._add_told(told)
        self.went_well.setPlainText(draft.went_well)
        self.to_improve.setPlainText(draft.to_improve)
        self.meant_to_say.setPlainText(draft.meant_to_say)
        set_combo_data(self.rating, draft.rating)

    def value(self) -> DebriefDraft:
        return DebriefDraft(
            questions=tuple(row.value() for row in self.questions.rows),  # type: ignore[attr-defined]
            went_well=self.went_well.toPlainText(),
            to_improve=self.to_improve.toPlainText(),
            meant_to_say=self.meant_to_say.toPlainText(),
            skills=tuple(row.value() for row in self.skills.rows),  # type: ignore[attr-defined]
            rating=self.rating.currentData(),
            told=tuple(row.value() for row in self.told.rows),  # type: ignore[attr-defined]
        )

    def changed(self) -> bool:
        return self.value() != self._loaded

    def skills_problem(self) -> bool:
        """True (and the reason said under the skill, its day in focus) when a skill's
        "practise by" day cannot be saved."""
        rows: list[SkillRow] = self.skills.rows  # type: ignore[assignment]
        wrong = [row for row in rows if not row.check()]
        if wrong:
            self.tabs.setCurrentIndex(self.tabs.indexOf(self._skills_page))
            wrong[0].day.setFocus()
        return bool(wrong)

    def accept(self) -> None:
        """Save (Ctrl+S too): not while a skill is to be practised by a day gone by."""
        if self.skills_problem():
            return
        super().accept()

    def reject(self) -> None:
        """Closing with changes asks first: nothing typed is lost by a stray Escape."""
        if self.changed() and not self._confirm_discard():
            return
        super().reject()

    def _confirm_discard(self) -> bool:
        from PySide6.QtWidgets import QMessageBox

        from followthrough.ui.common.text import message_box

        box = message_box(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("debriefs", "Discard this debrief?"),
            QCoreApplication.translate(
                "debriefs", "What you typed in this debrief has not been saved."
            ),
            self,
        )
        keep = box.addButton(
            QCoreApplication.translate("debriefs", "Keep writing"),
            QMessageBox.ButtonRole.RejectRole,
        )
        box.addButton(
            QCoreApplication.translate("debriefs", "Discard"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        box.setDefaultButton(keep)
        return ConfirmDiscard.ask(box) is not keep


class ConfirmDiscard:
    """Runs the "discard?" box (tests replace ``ask``)."""

    @staticmethod
    def ask(box: object) -> object:
        box.exec()  # type: ignore[attr-defined]
        return box.clickedButton()  # type: ignore[attr-defined]
