"""The playbook after a rejection (docs/advice.md, "Keeping momentum"): rejected, thank
them, ask for feedback, ask them to keep the résumé on file, stay in touch (LinkedIn),
burn no bridges [000, 004]."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest

from followthrough.domain.mailto import mailto_url
from followthrough.domain.rejection import (
    Interviewer,
    MonthsError,
    PlaybookFacts,
    ReferenceFact,
    StepKind,
    StepState,
    StoredStep,
    months_later,
    offers_playbook,
    playbook_progress,
    playbook_steps,
    revisit_due,
    thank_you_message,
)
from followthrough.domain.reminder_kinds import ReminderKind, Rendering, render_with
from followthrough.domain.stages import ClosureReason, Stage

BERLIN = ZoneInfo("Europe/Berlin")
AT = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
DANA = Interviewer(7, "Dana Lee", "dana@acme.example", "https://www.linkedin.com/in/dana")
SAM = Interviewer(9, "Sam Ortiz")


def _facts(**changes: object) -> PlaybookFacts:
    values: dict[str, object] = {
        "company": "Acme",
        "role_title": "Analyst",
        "stage": Stage.REJECTED,
        "closure_reason": ClosureReason.REJECTED,
        "closed_on": date(2026, 11, 20),
        "interviewers": (DANA, SAM),
        "references": (),
        "stored": {},
    }
    values.update(changes)
    return PlaybookFacts(**values)  # type: ignore[arg-type]


def test_a_rejection_offers_the_playbook_and_other_closes_do_not() -> None:
    # [000, 004]: the steps are for a "no" from them, not for the user's own withdrawal.
    assert offers_playbook(Stage.REJECTED, ClosureReason.REJECTED)
    assert offers_playbook(Stage.REJECTED, None)
    assert offers_playbook(Stage.FILLED, ClosureReason.REJECTED)
    assert not offers_playbook(Stage.WITHDRAWN, ClosureReason.WITHDREW)
    assert not offers_playbook(Stage.FILLED, ClosureReason.FILLED)
    assert not offers_playbook(Stage.INTERVIEWING, None)
    assert playbook_steps(_facts(stage=Stage.INTERVIEWING, closure_reason=None)) == []


def test_the_steps_come_in_order_one_connect_per_interviewer_references_only_when_given() -> None:
    # Thank them and ask for feedback first, then stay in touch with each person met,
    # then keep the door open, then the references [000, 004].
    steps = playbook_steps(_facts())
    assert [(s.kind, s.person) for s in steps] == [
        (StepKind.THANK_YOU, "Dana Lee"),
        (StepKind.CONNECT, "Dana Lee"),
        (StepKind.CONNECT, "Sam Ortiz"),
        (StepKind.REVISIT, ""),
    ]
    assert all(s.state is StepState.TODO for s in steps)
    assert steps[1].linkedin_url.endswith("/in/dana") and steps[2].linkedin_url == ""

    with_references = playbook_steps(
        _facts(references=(ReferenceFact(3, "Priya", told=True), ReferenceFact(4, "Jo", False)))
    )
    told, untold = with_references[-2:]
    assert (told.kind, told.state, told.link_id) == (StepKind.TELL_REFERENCE, StepState.DONE, 3)
    assert (untold.state, untold.state_from_references) == (StepState.TODO, True)


def test_stored_states_and_months_are_read_back() -> None:
    stored = {
        "thank_you": StoredStep(StepState.DONE, AT),
        "connect:9": StoredStep(StepState.SKIPPED, AT),
        "revisit": StoredStep(StepState.TODO, AT, 9),
    }
    steps = {s.key: s for s in playbook_steps(_facts(stored=stored))}
    assert steps["thank_you"].state is StepState.DONE
    assert steps["connect:7"].state is StepState.TODO
    assert steps["connect:9"].state is StepState.SKIPPED
    assert steps["revisit"].months == 9


def test_the_progress_names_the_first_step_left_and_stops_when_none_is() -> None:
    # For the application's "What's next": how far, and the next step not done or skipped.
    stored = {
        "thank_you": StoredStep(StepState.DONE, AT),
        "connect:7": StoredStep(StepState.SKIPPED, AT),
    }
    progress = playbook_progress(_facts(stored=stored))
    assert progress is not None
    assert (progress.done, progress.skipped, progress.total) == (1, 1, 4)
    assert (progress.next_step.kind, progress.next_step.person) == (StepKind.CONNECT, "Sam Ortiz")
    assert progress.company == "Acme"
    finished = {**stored, "connect:9": StoredStep(StepState.DONE, AT)}
    finished["revisit"] = StoredStep(StepState.SKIPPED, AT)
    assert playbook_progress(_facts(stored=finished)) is None
    assert playbook_progress(_facts(stage=Stage.WITHDRAWN, closure_reason=None)) is None


def test_the_thank_you_thanks_asks_for_feedback_and_to_be_kept_on_file() -> None:
    # [000]: thank them anyway, ask for feedback; [004]: ask them to keep the résumé on
    # file and stay in touch; burn no bridges.
    message = thank_you_message("Acme", "Analyst", DANA, "Alex Kim", "alex@example.org")
    assert message.to == "dana@acme.example"
    assert "Analyst" in message.subject and "Acme" in message.subject
    body = message.body
    # By first name, as the notes (a walkthrough found "Dear Dana Lee,").
    assert body.startswith("Dear Dana,")
    assert "Thank you" in body and "time" in body
    assert "keen on Acme" in body
    assert "feedback" in body
    assert "résumé on file" in body and "keep me in mind" in body
    assert body.rstrip().endswith("Alex Kim\nalex@example.org")


def test_the_thank_you_without_a_name_role_or_sender_still_reads() -> None:
    message = thank_you_message("Acme", "", None, "", "")
    assert message.to == ""
    assert message.subject == "Thank you, Acme"
    assert message.body.startswith("Hello,")
    assert "the role" in message.body
    # Never unsigned: the notes' placeholder for a name not given yet.
    assert message.body.endswith("All the best,\n[your name]")


def test_the_thank_you_is_plain_text_and_safe_in_a_mailto_link() -> None:
    odd = Interviewer(1, "<b>Dana</b>\nBcc: x@evil.example", "dana@acme.example")
    message = thank_you_message("A&B <Labs>", "", odd, "", "")
    # Plain text: what was typed is kept as typed (the window shows it as plain text).
    assert "<b>Dana</b>" in message.body and "A&B <Labs>" in message.body
    url = mailto_url(message.to, message.subject, message.body)
    parts = urlsplit(url)
    assert parts.path == "dana@acme.example"
    query = parse_qs(parts.query)
    assert set(query) == {"subject", "body"}
    assert "A&B <Labs>" in query["body"][0]


def test_the_revisit_date_is_months_after_the_close_on_the_users_clock() -> None:
    # The user's zone decides the day; their earliest hour of that day decides the time.
    def nine_thirty(at: datetime) -> datetime:
        return datetime.combine(at.astimezone(BERLIN).date(), time(9, 30), BERLIN).astimezone(UTC)

    due = revisit_due(date(2026, 11, 20), 6, BERLIN, nine_thirty)
    assert due == datetime(2027, 5, 20, 7, 30, tzinfo=UTC)  # 09:30 in Berlin (summer time)
    assert revisit_due(date(2026, 11, 20), 1, BERLIN, nine_thirty).date() == date(2026, 12, 20)
    assert months_later(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert months_later(date(2027, 8, 31), 6) == date(2028, 2, 29)
    assert months_later(date(2026, 1, 15), 24) == date(2028, 1, 15)
    with pytest.raises(MonthsError):
        revisit_due(date(2026, 11, 20), 0, BERLIN, nine_thirty)
    with pytest.raises(MonthsError):
        revisit_due(date(2026, 11, 20), 25, BERLIN, nine_thirty)


def test_the_revisit_reminder_words() -> None:
    title, body = render_with(
        ReminderKind.REVISIT_COMPANY,
        {"company": "Acme", "role": "Analyst", "closed_on": "2026-11-20"},
        Rendering(BERLIN),
    )
    assert title == "Look at Acme again"
    assert "Acme said no on" in body and "open there now" in body
