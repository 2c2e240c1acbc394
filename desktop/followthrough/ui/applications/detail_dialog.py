"""One application: overview, interviews, people, notes, references, timeline."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from followthrough.domain.interviews import InterviewDraft
from followthrough.domain.preparation.checklist import is_further_round
from followthrough.domain.rejection import offers_playbook
from followthrough.domain.reminder_kinds import Feature
from followthrough.domain.stages import ClosureReason, Stage
from followthrough.domain.wording import application_title, short_day
from followthrough.store.applications import (
    ApplicationDetail,
    InterviewLine,
    PersonLine,
    application_detail,
    delete_application,
    update_application,
)
from followthrough.store.contacts import contact_choices
from followthrough.store.interviews import delete_interview, load_interview_draft, save_interview
from followthrough.store.notes import NoteTask
from followthrough.store.queries import change_stage
from followthrough.store.reminders import DueReminder
from followthrough.ui.applications.forms import ApplicationForm, StageChangeDialog
from followthrough.ui.applications.labels import reason_phrase, stage_label
from followthrough.ui.applications.next_step import (
    CALL,
    DEBRIEF,
    LOG,
    MESSAGE_REFERENCE,
    PLAYBOOK,
    PREPARE,
    SHOW_INTERVIEWS,
    WRITE_NOTE,
    NextStep,
    NextStepHeader,
    header_action,
    load_next_step,
    step_feature,
)
from followthrough.ui.common import saving
from followthrough.ui.common.ask import Ask, Unsaved
from followthrough.ui.common.formatting import instant_text, system_zone, two_clock_text
from followthrough.ui.common.table_model import Column, RecordTableModel
from followthrough.ui.common.text import plain_label, tooltip
from followthrough.ui.common.theme import ColourRole, colour_text
from followthrough.ui.common.widgets import record_table, resize_on_screen
from followthrough.ui.contacts.labels import method_word
from followthrough.ui.debriefs.flow import DebriefFlow
from followthrough.ui.followups.flow import FollowUpFlow
from followthrough.ui.interviews.dialogs import InterviewDialog
from followthrough.ui.interviews.labels import format_word
from followthrough.ui.notes.flow import NoteFlow
from followthrough.ui.notes.labels import finished_on_text, medium_label
from followthrough.ui.preparation.flow import PreparationFlow
from followthrough.ui.references.flow import ReferenceFlow
from followthrough.ui.references.tab import ReferencesTab
from followthrough.ui.shell.context import AppContext

if TYPE_CHECKING:
    from followthrough.ui.offers.flow import OfferFlow


class DetailPart(StrEnum):
    """The tabs a step of Today opens the application on."""

    OVERVIEW = "overview"
    INTERVIEWS = "interviews"
    REFERENCES = "references"


def _note_colour(task: NoteTask, now: datetime) -> ColourRole:
    """Red once late, amber on its last day, otherwise muted."""
    if now >= task.deadline:
        return ColourRole.NOTE_LATE
    if task.deadline - now <= timedelta(hours=24):
        return ColourRole.OWED
    return ColourRole.MUTED


class ApplicationDetailDialog(QDialog):
    """Signals:
    changed(): something of this application was saved or deleted.
    open_contact(int): the user wants to see a person.
    """

    changed = Signal()
    open_contact = Signal(int)

    def __init__(
        self, context: AppContext, application_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.application_id = application_id
        self.zone = system_zone()
        self.detail: ApplicationDetail | None = None
        self.followups = FollowUpFlow(
            context, self, self.exec_dialog, self._followed_up, self._failed
        )
        self.notes = NoteFlow(context, self, self._note_saved, self._failed)
        self.references = ReferenceFlow(
            context, self, self._note_saved, self._failed, lambda d: self.exec_dialog(d)
        )
        self.debriefs = DebriefFlow(context, self, self.exec_dialog, self._note_saved, self._failed)
        self.preparations = PreparationFlow(
            context, self, self.debriefs.open, self._note_saved, self._failed
        )
        self._offers: OfferFlow | None = None  # made when first used
        self.setWindowTitle(self.tr("Application"))
        resize_on_screen(self, 860, 620)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._leaving = False  # the unsaved-changes question was answered: close
        self._playbook: QDialog | None = None  # the playbook window whose saves reload this

        self._pending_part: tuple[DetailPart, int | None] | None = None
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_header())
        self.whats_next = NextStepHeader(self.zone)
        self.whats_next.act.connect(self._do_next_step)
        layout.addWidget(self.whats_next)
        self.next_follow_up = plain_label(wrap=True)
        self.next_follow_up.setObjectName("detailNextFollowUp")
        self.whats_next.add_line(self.next_follow_up)
        layout.addWidget(self._build_tabs(), 1)
        self._build_footer(layout)
        QShortcut(QKeySequence("Ctrl+I"), self, self.new_interview)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save)
        self.reload()

    # -- building ------------------------------------------------------------------------

    def _build_header(self) -> QVBoxLayout:
        """The name of the application on a line of its own; below it its stage and the
        actions on the whole of it (the stage beside the name squeezed a long name)."""
        header = QVBoxLayout()
        self.heading = plain_label(self.tr("Loading…"), wrap=True)
        self.heading.setObjectName("detailHeading")
        # A very long company name wraps (or is cut) instead of widening the window past
        # the screen; the whole name is in the tooltip and the window title.
        self.heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.stage_label = QLabel()
        self.stage_label.setObjectName("detailStage")
        self.stage_button = QPushButton(self.tr("Chan&ge stage…"))
        self.stage_button.clicked.connect(lambda: self.change_stage())
        # After a rejection: the steps that keep the door open (shown when it applies).
        self.playbook_button = QPushButton(self.tr("&Keep the door open…"))
        self.playbook_button.setObjectName("detailPlaybook")
        self.playbook_button.clicked.connect(self.open_playbook)
        self.playbook_button.hide()
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.clicked.connect(self.delete)
        self.log_button = QPushButton(self.tr("Log a &follow-up…"))
        self.log_button.clicked.connect(lambda: self.followups.log(self.application_id))
        self.offer_button = QPushButton(self.tr("Offer…"))
        self.offer_button.setObjectName("detailOffer")
        self.offer_button.setToolTip(
            self.tr("The terms of an offer, its answer deadline, and your answer")
        )
        self.offer_button.clicked.connect(self.open_offer)
        self.call_button = QPushButton(self.tr("C&all sheet…"))
        self.call_button.clicked.connect(lambda: self.followups.call_sheet(self.application_id))
        header.addWidget(self.heading)
        row = QHBoxLayout()
        row.addWidget(self.stage_label)
        row.addWidget(self.stage_button)
        row.addWidget(self.playbook_button)
        row.addStretch(1)
        row.addWidget(self.offer_button)
        row.addWidget(self.log_button)
        row.addWidget(self.call_button)
        row.addWidget(self.delete_button)
        header.addLayout(row)
        return header

    def _build_tabs(self) -> QTabWidget:
        """Overview, interviews, people, notes, references, timeline and the free notes."""
        self.tabs = QTabWidget()
        self.form = ApplicationForm(self.today(), with_notes=False)
        overview = QWidget()
        overview_layout = QVBoxLayout(overview)
        overview_layout.addWidget(self.form)
        overview_layout.addStretch(1)
        self.tabs.addTab(overview, self.tr("&Overview"))
        self.tabs.addTab(self._build_interviews_tab(), self.tr("&Interviews"))
        self.tabs.addTab(self._build_people_tab(), self.tr("&People"))
        self.notes_tab = self._build_notes_tab()
        self.tabs.addTab(self.notes_tab, self.tr("T&hank-you notes"))
        self.references_tab = ReferencesTab(self.references)
        self.tabs.addTab(self.references_tab, self.tr("&References"))
        self.timeline = QListWidget()
        self.timeline.setObjectName("detailTimeline")
        self.tabs.addTab(self.timeline, self.tr("&Timeline"))
        self.tabs.addTab(self.form.notes, self.tr("&Notes"))
        return self.tabs

    def _build_interviews_tab(self) -> QWidget:
        self.interview_model: RecordTableModel[InterviewLine] = RecordTableModel(
            [
                Column(self.tr("Round"), lambda r: str(r.round), sort_key=lambda r: r.round),
                Column(
                    self.tr("When"), lambda r: two_clock_text(r.starts_at, self.zone, r.time_zone)
                ),
                Column(self.tr("Format"), lambda r: format_word(r.format)),
                Column(self.tr("With"), lambda r: r.people),
                Column(self.tr("Next step"), lambda r: r.next_step),
                Column(
                    self.tr("Decision by"),
                    lambda r: short_day(r.decision_on) if r.decision_on else "",
                ),
            ]
        )
        interviews = QWidget()
        interviews_layout = QVBoxLayout(interviews)
        self.interview_table = record_table(
            self.interview_model, "detailInterviews", fit_contents=True
        )
        self.interview_table.doubleClicked.connect(lambda _i: self.edit_interview())
        interviews_layout.addWidget(self.interview_table)
        row = QHBoxLayout()
        self.new_interview_button = QPushButton(self.tr("Ne&w interview…"))
        self.new_interview_button.setObjectName("newInterview")
        self.new_interview_button.clicked.connect(self.new_interview)
        edit = QPushButton(self.tr("&Edit…"))
        edit.clicked.connect(self.edit_interview)
        remove = QPushButton(self.tr("De&lete…"))
        remove.clicked.connect(self.delete_interview)
        self.debrief_button = QPushButton(self.tr("De&brief…"))
        self.debrief_button.setObjectName("debriefInterview")
        self.debrief_button.setToolTip(
            self.tr("The questions, your answers, what you meant to say and what you told them")
        )
        self.debrief_button.clicked.connect(self.debrief_interview)
        row.addWidget(self.new_interview_button)
        row.addWidget(edit)
        row.addWidget(self.debrief_button)
        self.prepare_button = QPushButton(self.tr("Prepare for the roun&d…"))
        self.prepare_button.setObjectName("prepareInterview")
        self.prepare_button.setToolTip(
            self.tr("A checklist for a further round: the people, your last debrief, examples")
        )
        self.prepare_button.clicked.connect(self.prepare_interview)
        row.addWidget(self.prepare_button)
        row.addWidget(remove)
        row.addStretch(1)
        interviews_layout.addLayout(row)
        return interviews

    def _build_people_tab(self) -> QWidget:
        self.people_model: RecordTableModel[PersonLine] = RecordTableModel(
            [
                Column(self.tr("Name"), lambda r: r.name),
                Column(self.tr("Title"), lambda r: r.title),
                Column(self.tr("Email"), lambda r: r.email),
                Column(self.tr("Phone"), lambda r: r.phone),
                Column(self.tr("Prefers"), lambda r: method_word(r.preferred_method)),
                Column(self.tr("With this application"), self._part_words),
            ]
        )
        self.people_table = record_table(self.people_model, "detailPeople", fit_contents=True)
        self.people_table.doubleClicked.connect(
            lambda index: self.open_contact.emit(self.people_model.row_at(index.row()).contact_id)
        )
        return self.people_table

    def _part_words(self, person: PersonLine) -> str:
        """ "Rounds 1, 2", "Network contact", or both."""
        parts = []
        if person.rounds:
            parts.append(self.tr("Rounds {rounds}").format(rounds=person.rounds))
        if person.network:
            parts.append(self.tr("Network contact"))
        return " · ".join(parts)

    def _build_notes_tab(self) -> QWidget:
        self.note_model: RecordTableModel[NoteTask] = RecordTableModel(
            [
                Column(self.tr("Interviewer"), lambda r: r.name),
                Column(
                    self.tr("Round"),
                    lambda r: str(r.interview_round),
                    sort_key=lambda r: r.interview_round,
                ),
                Column(
                    self.tr("Due"),
                    lambda r: two_clock_text(r.deadline, self.zone, r.time_zone),
                    sort_key=lambda r: r.deadline,
                ),
                Column(self.tr("How"), lambda r: medium_label(r.medium)),
                Column(
                    self.tr("State"),
                    lambda r: finished_on_text(r.status, r.finished_on),
                    colour=lambda r: (
                        None if r.finished else _note_colour(r, self.context.clock.now())
                    ),
                ),
            ]
        )
        notes_tab = QWidget()
        notes_layout = QVBoxLayout(notes_tab)
        self.notes_help = QLabel()
        self.notes_help.setWordWrap(True)
        notes_layout.addWidget(self.notes_help)
        self.note_table = record_table(self.note_model, "detailNotes", fit_contents=True)
        self.note_table.doubleClicked.connect(lambda _i: self.write_note())
        notes_layout.addWidget(self.note_table, 1)
        notes_row = QHBoxLayout()
        self.write_note_button = QPushButton(self.tr("&Write the note…"))
        self.write_note_button.setObjectName("detailWriteNote")
        self.write_note_button.clicked.connect(self.write_note)
        notes_row.addWidget(self.write_note_button)
        notes_row.addStretch(1)
        notes_layout.addLayout(notes_row)
        return notes_tab

    def _build_footer(self, layout: QVBoxLayout) -> None:
        """A load's failure, then Save and Close."""
        self.error = QLabel()
        colour_text(self.error, ColourRole.ERROR)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)

    def today(self) -> date:
        return self.context.clock.now().astimezone(system_zone()).date()

    def _submit(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        """Load something (a failure shows below the tabs until the next load works)."""
        self.context.runner.submit(work, done, self._failed)

    def _save(
        self,
        what: str,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        *,
        edit: Callable[[], None] | None = None,
        verb: str = "saved",
    ) -> None:
        saving.save(self.context.runner, self, what, work, done, edit=edit, verb=verb)

    def _followed_up(self, _message: str) -> None:
        self.changed.emit()
        self.reload()
        self.tabs.setCurrentWidget(self.timeline)

    def _note_saved(self, _message: str) -> None:
        self.changed.emit()
        self.reload()

    def write_note(self) -> None:
        rows = self.note_table.selectionModel().selectedRows()
        tasks = self.note_model
        if rows:
            task = tasks.row_at(rows[0].row())
        elif tasks.rowCount() > 0:
            task = tasks.row_at(0)
        else:
            return
        self.notes.open(task.interview_id, task.contact_id)

    def _failed(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    # -- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        application_id, now, zone = self.application_id, self.context.clock.now(), self.zone
        self._submit(
            lambda: (
                application_detail(application_id, now),
                load_next_step(application_id, now, zone),
            ),
            self._show_loaded,
        )

    def _show_loaded(self, loaded: tuple[ApplicationDetail, NextStep]) -> None:
        detail, step = loaded
        self._show(detail)
        self.whats_next.set_step(step)
        self._fit_to_step(detail, step)
        if self._pending_part is not None:
            self.show_part(*self._pending_part)

    def _fit_to_step(self, detail: ApplicationDetail, step: NextStep) -> None:
        """Say each thing once: the planned follow-up's line only when the step is not
        that follow-up; the header's call sheet or log only when What's next does not
        offer the same."""
        action = header_action(step)
        follow_up = step_feature(step.entry) == Feature.FOLLOW_UP
        self.next_follow_up.setVisible(detail.next_step is not None and not follow_up)
        self.call_button.setVisible(action != CALL)
        self.log_button.setVisible(action != LOG)
        if action == PLAYBOOK:
            self.playbook_button.hide()

    def show_part(self, part: DetailPart, item_id: int | None = None) -> None:
        """Show a tab, now or once loaded, with ``item_id`` chosen in its list (an
        interview's id on Interviews, a reference link's on References)."""
        if self.detail is None:
            self._pending_part = (part, item_id)
            return
        self._pending_part = None
        tab = {
            DetailPart.OVERVIEW: 0,
            DetailPart.INTERVIEWS: 1,
            DetailPart.REFERENCES: self.tabs.indexOf(self.references_tab),
        }[part]
        self.tabs.setCurrentIndex(tab)
        if item_id is None:
            return
        if part is DetailPart.INTERVIEWS:
            for row in range(self.interview_model.rowCount()):
                if self.interview_model.row_at(row).interview_id == item_id:
                    self.interview_table.selectRow(row)
        elif part is DetailPart.REFERENCES:
            self.references_tab.select_link(item_id)

    def _do_next_step(self, action: str, reminder: DueReminder | None) -> None:
        """The "What's next" button: what Today offers for the same item."""
        if action == SHOW_INTERVIEWS:
            entry = self.whats_next.entry
            self.show_part(DetailPart.INTERVIEWS, entry.item.interview_id if entry else None)
        elif action == CALL:
            self.followups.call_sheet(self.application_id)
        elif action == LOG:
            self.followups.log(self.application_id)
        elif action == WRITE_NOTE and reminder is not None:
            self.notes.open_for_reminder(reminder)
        elif action == MESSAGE_REFERENCE and reminder is not None:
            self.references.open_for_reminder(reminder)
        elif action == DEBRIEF and reminder is not None:
            self.debriefs.open_for_reminder(reminder)
        elif action == PREPARE and reminder is not None:
            self.preparations.open_for_reminder(reminder)
        elif action == PLAYBOOK:
            self.open_playbook()

    def _show(self, detail: ApplicationDetail) -> None:
        self.error.hide()
        self.detail = detail
        fields = detail.fields
        title = application_title(fields.company, fields.role_title)
        self.setWindowTitle(title)
        self.heading.setText(title)
        self.heading.setToolTip(tooltip(title))
        stage_text = stage_label(detail.stage)
        if detail.closure_reason is not None:
            stage_text += f" — {reason_phrase(detail.closure_reason)}"
        if detail.closed_on is not None:
            stage_text += f", {short_day(detail.closed_on)}"
        if detail.starts_on is not None:
            stage_text = self.tr("{stage} · starts {day}").format(
                stage=stage_text, day=short_day(detail.starts_on)
            )
        self.stage_label.setText(stage_text)
        self.playbook_button.setVisible(offers_playbook(detail.stage, detail.closure_reason))
        self.next_follow_up.setText(detail.next_step or "")
        self.next_follow_up.setVisible(detail.next_step is not None)
        if not self.form.is_dirty():
            self.form.set_value(fields)
        self.interview_model.set_rows(detail.interviews)
        self.people_model.set_rows(detail.people)
        self.note_model.set_rows(detail.notes)
        self.references_tab.set_lines(
            detail.application_id, fields.company, detail.stage, detail.references
        )
        self.write_note_button.setEnabled(bool(detail.notes))
        self.notes_help.setText(
            self.tr("One personal note to each interviewer, out within a day of the interview.")
            if detail.notes
            else self.tr(
                "No interviewers recorded yet. Add them to an interview and each gets a "
                "note to write here."
            )
        )
        self.timeline.clear()
        for entry in detail.timeline:
            self.timeline.addItem(f"{instant_text(entry.at, self.zone)}   {entry.text}")
        self.stage_button.setEnabled(True)

    # -- actions -------------------------------------------------------------------------

    def save(self, close_after: bool = False) -> None:
        """Saves the overview's fields (and closes then, with ``close_after``; a form that
        cannot be saved or a failed save leaves the window open with its message)."""
        if not self.form.check():
            self.tabs.setCurrentIndex(0)
            return
        fields, application_id, clock = self.form.value(), self.application_id, self.context.clock

        def saved(_result: object) -> None:
            self.form.mark_saved()
            self.error.hide()
            self.changed.emit()
            if close_after:
                self.close()
                return
            self.reload()

        self._save(
            self.tr("the changes to {company}").format(company=fields.company),
            lambda: update_application(application_id, fields, clock),
            saved,
            edit=lambda: self.tabs.setCurrentIndex(0),
        )

    def change_stage(self, target: Stage | None = None) -> None:
        if self.detail is None:
            return
        dialog = StageChangeDialog(
            self.detail.fields.company, self.detail.stage, self.today(), target, self
        )
        if not self.exec_dialog(dialog):
            return
        stage = dialog.chosen_stage()
        assert stage is not None
        self.apply_stage(stage, dialog.chosen_reason())

    def apply_stage(self, stage: Stage, reason: ClosureReason | None) -> None:
        application_id, clock, today = self.application_id, self.context.clock, self.today()

        def done(_result: object) -> None:
            self.changed.emit()
            self.reload()
            if offers_playbook(stage, reason):
                self.open_playbook()
            if stage is Stage.OFFER:
                # An offer came: its terms and deadline next.
                self.open_offer()

        company = self.detail.fields.company if self.detail else ""
        self._save(
            self.tr("{company} moved to “{stage}”").format(
                company=company, stage=stage_label(stage)
            ),
            lambda: change_stage(application_id, stage, clock, today, reason),
            done,
        )

    def open_playbook(self) -> None:
        """The steps after a rejection (offered when it closes so, and from the header)."""
        from followthrough.ui.rejection.playbook import PlaybookDialog

        dialog = PlaybookDialog.offer(self.context, self.application_id, self)
        if dialog is not self._playbook:
            self._playbook = dialog
            dialog.changed.connect(lambda: self._note_saved(""))

    def delete(self) -> None:
        if self.detail is None:
            return
        count = len(self.detail.interviews)
        question = (
            self.tr(
                "Delete {company} with its %n interview(s) and its timeline? The people you "
                "met stay in Contacts. This cannot be undone.",
                "",
                count,
            )
            if count
            else self.tr(
                "Delete {company} and its timeline? It has no interviews. This cannot be undone."
            )
        )
        if not Ask.confirm(
            self,
            self.tr("Delete this application?"),
            question.format(company=self.detail.fields.company),
            self.tr("Delete"),
        ):
            return
        application_id = self.application_id

        def done(_result: object) -> None:
            self.form.mark_saved()
            self.changed.emit()
            self.close()

        self._save(
            self.tr("the application to {company}").format(company=self.detail.fields.company),
            lambda: delete_application(application_id),
            done,
            verb="deleted",
        )

    def open_offer(self) -> None:
        """The application's offer form (the terms, the deadline, the answer)."""
        from followthrough.ui.offers.flow import OfferFlow

        if self._offers is None:
            self._offers = OfferFlow(
                self.context, self, self.exec_dialog, self._note_saved, self._failed
            )
        self._offers.open(self.application_id)

    def debrief_interview(self) -> None:
        """The selected interview's debrief (else the latest interview's)."""
        chosen = self._selected_interview()
        if chosen is None and self.interview_model.rowCount():
            latest = max(
                (self.interview_model.row_at(r) for r in range(self.interview_model.rowCount())),
                key=lambda line: line.starts_at,
            )
            chosen = latest
        if chosen is not None:
            self.debriefs.open(chosen.interview_id)

    def prepare_interview(self) -> None:
        """The selected interview's checklist (else the next further round's)."""
        chosen = self._selected_interview()
        if chosen is None:
            lines = [self.interview_model.row_at(r) for r in range(self.interview_model.rowCount())]
            further = [line for line in lines if is_further_round(line.round)]
            chosen = max(further, key=lambda line: line.starts_at) if further else None
        if chosen is None or not is_further_round(chosen.round):
            self._failed(self.tr("A checklist is made for a second round on: choose one."))
            return
        self.preparations.open(chosen.interview_id)

    def _selected_interview(self) -> InterviewLine | None:
        rows = self.interview_table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.interview_model.row_at(rows[0].row())

    def new_interview(self) -> None:
        if self.detail is None:
            return
        existing = self.detail.interviews
        draft = InterviewDraft(
            application_id=self.application_id,
            day=self.today(),
            start=time(10, 0),
            end=time(11, 0),
            time_zone=self.zone.key,
            round=max((i.round for i in existing), default=0) + 1,
        )
        self._open_interview(draft, self.tr("New interview"))

    def edit_interview(self) -> None:
        line = self._selected_interview()
        if line is None:
            return
        interview_id = line.interview_id
        self._submit(
            lambda: load_interview_draft(interview_id),
            lambda draft: self._open_interview(
                draft, self.tr("Interview, round {round}").format(round=draft.round)
            ),
        )

    def _open_interview(self, draft: InterviewDraft, title: str) -> None:
        company = self.detail.fields.company if self.detail else ""

        def with_contacts(choices: list[Any]) -> None:
            self._run_interview(InterviewDialog(f"{title} — {company}", draft, choices, self))

        self._submit(contact_choices, with_contacts)

    def _run_interview(self, dialog: InterviewDialog) -> None:
        if not self.exec_dialog(dialog):
            return
        value, clock = dialog.value(), self.context.clock

        def saved(_id: object) -> None:
            self.changed.emit()
            self.reload()
            self.tabs.setCurrentIndex(1)

        self._save(
            self.tr("the round {round} interview").format(round=value.round),
            lambda: save_interview(value, clock),
            saved,
            edit=lambda: self._run_interview(dialog),
        )

    def delete_interview(self) -> None:
        line = self._selected_interview()
        if line is None:
            return
        if not Ask.confirm(
            self,
            self.tr("Delete this interview?"),
            self.tr("Delete round {round} ({when})? The people stay in Contacts.").format(
                round=line.round, when=instant_text(line.starts_at, self.zone)
            ),
            self.tr("Delete"),
        ):
            return
        interview_id = line.interview_id

        def done(_result: object) -> None:
            self.changed.emit()
            self.reload()

        self._save(
            self.tr("the round {round} interview").format(round=line.round),
            lambda: delete_interview(interview_id),
            done,
            verb="deleted",
        )

    @staticmethod
    def exec_dialog(dialog: QDialog) -> bool:
        """Runs a modal dialog (tests replace this to fill it in)."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def reject(self) -> None:
        """Escape asks about unsaved changes as closing does (QDialog's own reject only
        hid the window, and the edits were gone)."""
        if self._leaving:
            super().reject()
        else:
            self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        answer = Ask.unsaved_changes(self) if self.form.is_dirty() else Unsaved.DISCARD
        if answer is not Unsaved.DISCARD:
            event.ignore()  # kept open: to edit, or until the save lands (then it closes)
            if answer is Unsaved.SAVE:
                self.save(close_after=True)
            return
        self._leaving = True  # QDialog's closeEvent rejects: asked once is enough
        super().closeEvent(event)
