"""The touchpoint dialog and the call sheet: each outcome logs the right touchpoint, the
opener follows the intro line, mistakes are explained inline, and both render with
demo-like data (kept as PNGs with FOLLOWTHROUGH_ARTIFACTS=DIR)."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import peewee
import pytest
from PySide6.QtCore import QDate, QPoint, Qt, QTime
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from followthrough.demo import fill_demo
from followthrough.domain.cadence import Channel, Outcome
from followthrough.domain.clock import FakeClock
from followthrough.domain.stages import Stage
from followthrough.store.contacts import ContactCard
from followthrough.store.models import Application, InterviewParticipant
from followthrough.store.touchpoints import (
    CallSheetFacts,
    TouchpointLine,
    call_sheet_facts,
)
from followthrough.ui.followups.dialogs import CallSheetDialog, TouchpointDialog

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)  # 16:00 in Berlin, a Friday
BERLIN = ZoneInfo("Europe/Berlin")
DANA = ContactCard(
    7, "Dana Lee", "Head of Data", "Acme", "dana@acme.example", "+49 30 5550100", "phone"
)
SAM = ContactCard(8, "Sam Roe", "Engineer", "Acme", "sam@acme.example", "", None)
FACTS = CallSheetFacts(
    application_id=3,
    company="Acme",
    role_title="Data Analyst",
    intro_line="It's Alex, the analyst who rebuilt the churn model.",
    people=(DANA, SAM),
    interview_day=date(2026, 11, 10),
    interview_round=2,
    next_step="Case study with the team",
    decision_on=date(2026, 11, 17),
    check_back_when="after a week",
    check_back_method="phone",
)


def call_sheet(qtbot: QtBot, facts: CallSheetFacts = FACTS) -> CallSheetDialog:
    dialog = CallSheetDialog(facts, NOW, BERLIN)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def touchpoint_dialog(qtbot: QtBot, preset: str | None = None) -> TouchpointDialog:
    people = [(DANA.contact_id, DANA.name), (SAM.contact_id, SAM.name)]
    dialog = TouchpointDialog("Acme", people, NOW, BERLIN, preset, application_id=3)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def click(qtbot: QtBot, button: QWidget) -> None:
    """A click on the button's left end: on a check or radio box, that is its indicator."""
    pos = QPoint(min(10, button.width() // 2), button.height() // 2)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=pos)


def accepted(dialog: QDialog) -> bool:
    return dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()


# --- The call sheet -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("button", "channel", "answered", "outcome"),
    [
        ("voicemail_button", Channel.VOICEMAIL, False, Outcome.NO_NEWS),
        ("candidate_button", Channel.PHONE, True, Outcome.STILL_CANDIDATE),
        ("filled_button", Channel.PHONE, True, Outcome.FILLED),
    ],
)
def test_one_click_on_an_outcome_logs_it(
    qtbot: QtBot, button: str, channel: Channel, answered: bool, outcome: Outcome
) -> None:
    dialog = call_sheet(qtbot)
    dialog.notes.setText("  Spoke to her assistant  ")
    click(qtbot, getattr(dialog, button))
    assert accepted(dialog)
    value = dialog.value()
    assert (value.channel, value.answered, value.outcome) == (channel, answered, outcome)
    assert value.application_id == FACTS.application_id
    assert value.contact_id == DANA.contact_id
    assert value.new_decision_on is None
    assert value.at == NOW and value.at.tzinfo is not None
    assert value.notes == "Spoke to her assistant"


def test_a_new_timeframe_asks_for_the_date_inline_then_logs(qtbot: QtBot) -> None:
    dialog = call_sheet(qtbot)
    assert dialog.timeframe_row.isHidden()
    click(qtbot, dialog.timeframe_button)
    assert not accepted(dialog) and dialog.timeframe_row.isVisible()
    # The picker starts two weeks out.
    assert dialog.new_decision_on.date() == QDate(2026, 12, 4)
    dialog.new_decision_on.setDate(QDate(2026, 12, 11))
    click(qtbot, dialog.log_timeframe)
    assert accepted(dialog)
    value = dialog.value()
    assert (value.channel, value.answered, value.outcome) == (
        Channel.PHONE,
        True,
        Outcome.NEW_TIMEFRAME,
    )
    assert value.new_decision_on == date(2026, 12, 11)


def test_a_new_date_before_the_call_is_explained_and_not_logged(qtbot: QtBot) -> None:
    dialog = call_sheet(qtbot)
    click(qtbot, dialog.timeframe_button)
    dialog.new_decision_on.setDate(QDate(2026, 11, 19))
    click(qtbot, dialog.log_timeframe)
    assert not accepted(dialog)
    assert dialog.error.isVisible()
    assert "cannot be before the day" in dialog.error.text()
    # Clicking "new timeframe" again clears it; a good date then logs.
    click(qtbot, dialog.timeframe_button)
    assert dialog.error.isHidden()
    dialog.new_decision_on.setDate(QDate(2026, 11, 20))
    click(qtbot, dialog.log_timeframe)
    assert accepted(dialog)


def test_the_log_form_starts_with_the_person_the_plan_names(qtbot: QtBot) -> None:
    dialog = touchpoint_dialog(qtbot)
    assert dialog.person.currentData() == DANA.contact_id  # the call sheet's first
    nobody = TouchpointDialog("Acme", [], NOW, BERLIN, application_id=3)
    qtbot.addWidget(nobody)
    assert nobody.person.currentData() is None


def test_a_very_long_name_does_not_widen_the_log_form(qtbot: QtBot) -> None:
    usual = touchpoint_dialog(qtbot)
    people = [(DANA.contact_id, "Dana " + "Lee-" * 80)]
    dialog = TouchpointDialog("Acme", people, NOW, BERLIN, application_id=3)
    qtbot.addWidget(dialog)
    assert dialog.sizeHint().width() == usual.sizeHint().width()


def test_cancel_logs_nothing(qtbot: QtBot) -> None:
    dialog = call_sheet(qtbot)
    click(qtbot, dialog.cancel_button)
    assert dialog.result() == QDialog.DialogCode.Rejected
    with pytest.raises(RuntimeError):
        dialog.value()


def test_editing_the_intro_updates_the_opener(qtbot: QtBot) -> None:
    dialog = call_sheet(qtbot)
    assert dialog.opener.text().startswith(
        "Hello Dana. It's Alex, the analyst who rebuilt the churn model. We talked on "
        "Tuesday 10 November about the Data Analyst position at Acme"
    )
    assert not dialog.intro_changed()
    dialog.intro.clear()
    qtbot.keyClicks(dialog.intro, "it's Alex from the dashboard demo")
    assert "Hello Dana. It's Alex from the dashboard demo. We talked" in dialog.opener.text()
    assert dialog.intro_line() == "it's Alex from the dashboard demo"
    assert dialog.intro_changed()
    assert dialog.intro_hint.isHidden()
    qtbot.keyClicks(dialog.intro, " and" * 20)
    assert dialog.intro_hint.isVisible() and "five seconds" in dialog.intro_hint.text()


def test_without_a_kept_intro_a_suggestion_to_finish_is_offered(qtbot: QtBot) -> None:
    dialog = call_sheet(qtbot, replace(FACTS, intro_line=""))
    assert dialog.intro_line().startswith("It's [your name], the Data Analyst candidate who")
    assert dialog.intro_hint.isVisible() and "brackets" in dialog.intro_hint.text()
    assert not dialog.intro_changed() or dialog.intro_line() != ""


def test_a_kept_intro_gets_the_name_once_it_is_known(qtbot: QtBot) -> None:
    kept = "It's [your name], the analyst who rebuilt the churn model."
    dialog = call_sheet(qtbot, replace(FACTS, intro_line=kept, sender_name="Alex Kim"))
    assert dialog.intro_line() == "It's Alex Kim, the analyst who rebuilt the churn model."
    assert "[your name]" not in dialog.opener.text()
    assert dialog.intro_hint.isHidden()
    assert dialog.intro_changed()  # kept with the name from now on
    # No name set yet: the placeholder stays, and the hint says where the name is set.
    unnamed = call_sheet(qtbot, replace(FACTS, intro_line=kept, sender_name=""))
    assert unnamed.intro_line() == kept
    assert unnamed.intro_hint.isVisible() and "Preferences" in unnamed.intro_hint.text()


def test_who_to_call_follows_the_chosen_person(qtbot: QtBot) -> None:
    dialog = call_sheet(qtbot)
    assert (dialog.who.text(), dialog.number.text()) == ("Dana Lee", "+49 30 5550100")
    assert "prefers phone" in dialog.reach.text()
    dialog.person.setCurrentIndex(1)
    assert (dialog.who.text(), dialog.number.text()) == ("Sam Roe", "No phone number on file")
    assert "sam@acme.example" in dialog.reach.text()
    assert dialog.opener.text().startswith("Hello Sam.")
    click(qtbot, dialog.candidate_button)
    assert dialog.value().contact_id == SAM.contact_id


def test_the_script_shows_the_questions_and_the_warm_up(qtbot: QtBot) -> None:
    dialog = call_sheet(qtbot)
    assert len(dialog.questions) == 6
    assert "“case study with the team”" in dialog.questions[4].text()
    assert list(dialog.warm_up) == ["stretch", "smile", "stand"]
    assert not any(box.isChecked() for box in dialog.warm_up.values())
    click(qtbot, dialog.warm_up["smile"])
    assert dialog.warm_up["smile"].isChecked() and not accepted(dialog)


def test_user_text_is_shown_as_typed_not_as_markup(qtbot: QtBot) -> None:
    last = TouchpointLine(
        1, NOW, Channel.VOICEMAIL, False, Outcome.NO_NEWS, None, None, "", "", "Left <i>x</i>"
    )
    facts = replace(
        FACTS,
        company="A&B <Co>",
        next_step="<b>Panel</b> & lunch",
        people=(replace(DANA, name="<u>Dana</u>"),),
        last_touchpoint=last,
    )
    dialog = call_sheet(qtbot, facts)
    assert "&lt;b&gt;Panel&lt;/b&gt; &amp; lunch" in dialog.said.text()
    assert "Left &lt;i&gt;x&lt;/i&gt;" in dialog.said.text()
    assert dialog.who.textFormat() == Qt.TextFormat.PlainText
    assert dialog.who.text() == "<u>Dana</u>"
    assert dialog.opener.textFormat() == Qt.TextFormat.PlainText
    assert "at A&B <Co>" in dialog.opener.text()


def test_a_call_sheet_with_nobody_recorded_still_logs(qtbot: QtBot) -> None:
    dialog = call_sheet(qtbot, replace(FACTS, people=(), interview_day=None, next_step=""))
    assert dialog.who.text() == "Someone at Acme"
    assert "No interviewer is recorded" in dialog.reach.text()
    click(qtbot, dialog.voicemail_button)
    assert dialog.value().contact_id is None


# --- The touchpoint dialog ------------------------------------------------------------------


def test_logging_a_call_with_its_news(qtbot: QtBot) -> None:
    dialog = touchpoint_dialog(qtbot)
    assert dialog.channel_buttons[Channel.PHONE].isChecked()
    assert dialog.outcome_buttons[Outcome.NO_NEWS].isChecked()
    assert not dialog.answered.isChecked()
    assert not dialog.new_decision_on.isEnabled()
    # Choosing news says somebody answered.
    click(qtbot, dialog.outcome_buttons[Outcome.STILL_CANDIDATE])
    assert dialog.answered.isChecked()
    dialog.person.setCurrentIndex(1)
    qtbot.keyClicks(dialog.notes, "Second round next week")
    click(qtbot, dialog.ok_button)
    assert accepted(dialog)
    value = dialog.value()
    assert (value.channel, value.answered, value.outcome) == (
        Channel.PHONE,
        True,
        Outcome.STILL_CANDIDATE,
    )
    assert (value.application_id, value.contact_id, value.notes) == (3, 7, "Second round next week")
    assert value.at == NOW and value.new_decision_on is None


def test_a_voicemail_is_never_answered_and_brings_no_news(qtbot: QtBot) -> None:
    dialog = touchpoint_dialog(qtbot, "voicemail")
    assert dialog.channel_buttons[Channel.VOICEMAIL].isChecked()
    assert not dialog.answered.isChecked() and not dialog.answered.isEnabled()
    assert not dialog.outcome_buttons[Outcome.FILLED].isEnabled()
    click(qtbot, dialog.ok_button)
    value = dialog.value()
    assert (value.channel, value.answered, value.outcome) == (
        Channel.VOICEMAIL,
        False,
        Outcome.NO_NEWS,
    )


def test_a_reply_is_always_answered(qtbot: QtBot) -> None:
    dialog = touchpoint_dialog(qtbot)
    click(qtbot, dialog.outcome_buttons[Outcome.STILL_CANDIDATE])
    click(qtbot, dialog.channel_buttons[Channel.VOICEMAIL])
    # Switching to a voicemail drops the news with the answer.
    assert dialog.outcome_buttons[Outcome.NO_NEWS].isChecked()
    click(qtbot, dialog.channel_buttons[Channel.REPLY])
    assert dialog.answered.isChecked() and not dialog.answered.isEnabled()
    click(qtbot, dialog.channel_buttons[Channel.EMAIL])
    assert dialog.answered.isEnabled()
    dialog.answered.setChecked(False)
    assert dialog.value().answered is False


def test_the_new_date_is_asked_only_for_a_new_timeframe(qtbot: QtBot) -> None:
    dialog = touchpoint_dialog(qtbot, "reply")
    click(qtbot, dialog.outcome_buttons[Outcome.NEW_TIMEFRAME])
    assert dialog.new_decision_on.isEnabled()
    dialog.new_decision_on.setDate(QDate(2026, 12, 4))
    assert dialog.value().new_decision_on == date(2026, 12, 4)
    click(qtbot, dialog.outcome_buttons[Outcome.FILLED])
    assert not dialog.new_decision_on.isEnabled()
    assert dialog.value().new_decision_on is None
    click(qtbot, dialog.outcome_buttons[Outcome.NEW_TIMEFRAME])
    click(qtbot, dialog.ok_button)
    assert accepted(dialog)
    assert dialog.value().outcome is Outcome.NEW_TIMEFRAME


def test_a_new_date_before_the_contact_is_explained(qtbot: QtBot) -> None:
    dialog = touchpoint_dialog(qtbot, "reply")
    dialog.day.setDate(QDate(2026, 11, 18))
    click(qtbot, dialog.outcome_buttons[Outcome.NEW_TIMEFRAME])
    dialog.new_decision_on.setDate(QDate(2026, 11, 17))
    click(qtbot, dialog.ok_button)
    assert not accepted(dialog)
    assert dialog.error.isVisible()
    assert "cannot be before the day of this contact" in dialog.error.text()
    dialog.new_decision_on.setDate(QDate(2026, 11, 18))
    click(qtbot, dialog.ok_button)
    assert accepted(dialog)
    assert dialog.value().at == datetime(2026, 11, 18, 16, 0, tzinfo=BERLIN)


def test_a_time_still_ahead_is_explained(qtbot: QtBot) -> None:
    dialog = touchpoint_dialog(qtbot)
    dialog.time.setTime(QTime(16, 1))
    click(qtbot, dialog.ok_button)
    assert not accepted(dialog)
    assert "still ahead" in dialog.error.text() and dialog.error.isVisible()
    # Any change of choice clears the message.
    click(qtbot, dialog.channel_buttons[Channel.EMAIL])
    assert dialog.error.isHidden()


# --- Rendered with demo-like data -----------------------------------------------------------


def _keep(widget: QWidget, name: str, tmp_path: Path) -> Path:
    image: QImage = widget.grab().toImage()
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 5) for y in range(0, image.height(), 5)
    }
    assert len(colours) > 20, f"{name} looks blank"
    target_dir = Path(os.environ.get("FOLLOWTHROUGH_ARTIFACTS", tmp_path))
    target_dir.mkdir(parents=True, exist_ok=True)
    path = target_dir / f"{name}.png"
    assert image.save(str(path))
    return path


def _fits(widget: QWidget) -> None:
    """Every button and wrapped label shows its whole text (nothing squeezed or cut off)."""
    for button in widget.findChildren(QPushButton):
        if button.isVisible():
            assert button.width() >= button.sizeHint().width(), button.text()
    for label in widget.findChildren(QLabel):
        if label.isVisible() and label.wordWrap() and label.text():
            needed = label.heightForWidth(label.width())
            assert label.height() >= needed, f"cut off: {label.text()[:40]!r}"
    assert widget.width() >= widget.minimumSizeHint().width()
    assert widget.height() >= widget.minimumSizeHint().height()


def test_the_dialogs_render_with_demo_data(
    qtbot: QtBot, database: peewee.SqliteDatabase, clock: FakeClock, tmp_path: Path
) -> None:
    fill_demo(clock, 25)
    # An interviewing application whose latest interview had a panel.
    candidates = [
        a.id for a in Application.select().where(Application.stage == Stage.INTERVIEWING.value)
    ]
    facts = max(
        (call_sheet_facts(app_id, clock.now()) for app_id in candidates),
        key=lambda f: (len(f.people), f.decision_on is not None, f.last_touchpoint is not None),
    )
    assert facts.people
    assert InterviewParticipant.select().count() > 0
    now = clock.now()
    sheet = CallSheetDialog(facts, now, BERLIN)
    qtbot.addWidget(sheet)
    sheet.show()
    qtbot.waitExposed(sheet)
    _fits(sheet)
    _keep(sheet, "call-sheet", tmp_path)
    click(qtbot, sheet.timeframe_button)
    qtbot.wait(10)
    _fits(sheet)
    _keep(sheet, "call-sheet-timeframe", tmp_path)

    people = [(p.contact_id, p.name) for p in facts.people]
    dialog = TouchpointDialog(
        facts.company, people, now, BERLIN, application_id=facts.application_id
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    click(qtbot, dialog.outcome_buttons[Outcome.NEW_TIMEFRAME])
    _fits(dialog)
    _keep(dialog, "touchpoint-dialog", tmp_path)


def test_check_back_says_the_way_once(qtbot: QtBot) -> None:
    """Their words name a way ("any time by email"): the sheet does not add another
    ("(by phone)" contradicted it); words without one get the way beside them."""
    plain = call_sheet(qtbot)
    assert "<b>Check back:</b> after a week (by phone)" in plain.said.text()
    by_email = call_sheet(qtbot, replace(FACTS, check_back_when="Any time by email"))
    assert "<b>Check back:</b> Any time by email<" in by_email.said.text() + "<"
    assert "(by phone)" not in by_email.said.text()
    alone = call_sheet(qtbot, replace(FACTS, check_back_when=""))
    assert "<b>Check back:</b> by phone" in alone.said.text()


def test_the_demo_check_back_method_agrees_with_its_words(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    from followthrough.store.models import Interview

    fill_demo(clock, 25)
    pairs = {(i.check_back_when, i.check_back_method) for i in Interview.select()}
    assert ("Any time by email", "email") in pairs
    assert all(method == "email" for when, method in pairs if when == "Any time by email")
    assert all(method == "phone" for when, method in pairs if "by phone" in when)
