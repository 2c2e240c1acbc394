"""Thank-you notes in the store: tasks per interviewer, drafts and their states, the
reminders planned from interviews, the promised date, the timeline."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import peewee
import pytest

from followthrough.domain.clock import FakeClock
from followthrough.domain.note_tasks import NoteMedium, NoteStatus
from followthrough.domain.stages import ClosureReason, Stage
from followthrough.store import settings as options
from followthrough.store.applications import application_detail
from followthrough.store.followups import plan_reminders
from followthrough.store.models import (
    Application,
    Contact,
    Interview,
    InterviewParticipant,
    Reminder,
    ThankYouNote,
)
from followthrough.store.notes import (
    NOTE_DUE_SOON,
    NOTE_OVERDUE,
    NoteDraft,
    NoteError,
    add_personal_word,
    finish_note,
    load_note_context,
    note_tasks_for_application,
    parse_subject_key,
    personal_words,
    plan_note_reminders,
    reopen_note,
    save_note,
    subject_key,
)
from followthrough.store.planning import plan_all
from followthrough.store.queries import change_stage, create_application
from followthrough.store.reminders import claim_due, due_at, open_fired

CHICAGO = ZoneInfo("America/Chicago")


@pytest.fixture(autouse=True)
def _user_in_chicago() -> None:
    """These notes are written on the same clock as the Chicago interviews."""
    options.set_computer_zone("America/Chicago")


def _local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), CHICAGO)


def _panel(
    clock: FakeClock,
    company: str = "Acme",
    ended: datetime | None = None,
    people: tuple[tuple[str, str, str | None], ...] = (
        ("Dana Lee", "dana@acme.example", "email"),
        ("Sam Ortiz", "", "phone"),
    ),
    role: str = "interviewer",
) -> tuple[Application, Interview, list[Contact]]:
    app = create_application(clock, company, "Data Engineer")
    end = ended or clock.now() - timedelta(hours=2)
    interview = Interview.create(
        application=app,
        starts_at=end - timedelta(hours=1),
        ends_at=end,
        time_zone="America/Chicago",
        notes="I forgot to mention the migration project. Talked about their data platform.",
    )
    contacts = []
    for name, email, method in people:
        contact = Contact.create(
            name=name, company=company, email=email, preferred_method=method, created_at=end
        )
        InterviewParticipant.create(interview=interview, contact=contact, role=role)
        contacts.append(contact)
    return app, interview, contacts


def _draft(body: str = "Dear Dana, thank you.", **changes: object) -> NoteDraft:
    values: dict[str, object] = {
        "tone": "warm",
        "subject": "Thank you",
        "body": body,
        "edited_by_hand": False,
        "specific_point": "the data platform",
    }
    values.update(changes)
    return NoteDraft(**values)  # type: ignore[arg-type]


def _open_reminders() -> list[tuple[str, str, datetime]]:
    query = Reminder.active().order_by(Reminder.due_at)
    return [(r.kind, r.subject_key, r.due_at) for r in query]


def test_every_interviewer_has_a_note_to_write_with_a_deadline(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    app, interview, (_dana, _sam) = _panel(clock)
    # A recruiter who sat in is not an interviewer: no note task for them.
    recruiter = Contact.create(name="Rae", company="Acme", created_at=clock.now())
    InterviewParticipant.create(interview=interview, contact=recruiter, role="recruiter")
    tasks = note_tasks_for_application(app.id)
    assert [(t.name, t.status, t.medium) for t in tasks] == [
        ("Dana Lee", NoteStatus.TO_WRITE, NoteMedium.EMAIL),
        ("Sam Ortiz", NoteStatus.TO_WRITE, NoteMedium.CARD),
    ]
    assert tasks[0].deadline == interview.ends_at + timedelta(hours=24)
    options.put(options.NOTE_HOURS, 48)
    assert note_tasks_for_application(app.id)[0].deadline == interview.ends_at + timedelta(hours=48)


def test_two_reminders_per_interviewer_are_planned_and_follow_the_facts(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    # Ended Friday 20 Nov, 7:00 Chicago: deadline Saturday 7:00, before the day starts.
    ended = _local(date(2026, 11, 20), 7)
    _app, interview, (dana, sam) = _panel(clock, ended=ended.astimezone(UTC))
    assert plan_note_reminders(clock.now()) == (4, 0)
    assert plan_note_reminders(clock.now()) == (0, 0)
    reminders = _open_reminders()
    key = subject_key(interview.id, dana.id)
    assert (NOTE_DUE_SOON, key, _local(date(2026, 11, 20), 16, 45).astimezone(UTC)) in reminders
    assert (NOTE_OVERDUE, key, _local(date(2026, 11, 21), 9).astimezone(UTC)) in reminders
    dana_soon = Reminder.get(kind=NOTE_DUE_SOON, subject_key=key)
    assert "Dana Lee (Acme)" in dana_soon.title and "Sat 21 Nov 07:00" in dana_soon.title
    # The interview's time is corrected: the reminders move.
    interview.ends_at = _local(date(2026, 11, 20), 12)
    interview.starts_at = interview.ends_at - timedelta(hours=1)
    interview.save()
    assert plan_note_reminders(clock.now()) == (4, 0)
    assert Reminder.get(kind=NOTE_OVERDUE, subject_key=key).due_at == _local(
        date(2026, 11, 21), 12
    ).astimezone(UTC)
    # Dana's note goes out: her two reminders go; Sam's stay.
    save_note(interview.id, dana.id, _draft(), clock)
    finish_note(interview.id, dana.id, NoteMedium.EMAIL, date(2026, 11, 20), clock)
    assert plan_note_reminders(clock.now()) == (0, 2)
    assert {k for _kind, k, _due in _open_reminders()} == {subject_key(interview.id, sam.id)}
    # Undo "sent": reminded again.
    reopen_note(interview.id, dana.id, clock)
    assert plan_note_reminders(clock.now()) == (2, 0)


def test_no_reminders_for_closed_applications_or_notes_past_the_outer_limit(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    app, _interview, _people = _panel(clock)
    _old, _i, _p = _panel(clock, "Old Co", ended=clock.now() - timedelta(days=4))
    assert {r.application_id for r in Reminder.active()} == set()
    plan_note_reminders(clock.now())
    assert {r.application_id for r in Reminder.active()} == {app.id}
    change_stage(app.id, Stage.REJECTED, clock, date(2026, 11, 20), ClosureReason.REJECTED)
    plan_note_reminders(clock.now())
    assert Reminder.active().count() == 0
    # Three days on, even an open application's note no longer nags: planning again
    # changes nothing (the facts are the same), and the reminders lapse unfired.
    _fresh, _i2, _p2 = _panel(clock, "Fresh Co")
    plan_note_reminders(clock.now())
    assert Reminder.active().count() == 4
    later = clock.now() + timedelta(days=3, hours=1)
    assert plan_note_reminders(later) == (0, 0)
    assert claim_due(later) == []
    assert open_fired() == [] and due_at(later) == []
    assert Reminder.active().count() == 0


def test_an_interview_recorded_after_its_note_deadline_says_overdue_only(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    # Recorded 30 hours after it ended (Friday 15:00 UTC is within the user's hours):
    # "due soon" would speak of a deadline already gone.
    _app, interview, (dana, _sam) = _panel(clock, ended=clock.now() - timedelta(hours=30))
    plan_note_reminders(clock.now())
    claimed = claim_due(clock.now())
    assert {r.kind for r in claimed} == {NOTE_OVERDUE}
    assert len(claimed) == 2  # one for each interviewer
    # Before the deadline, "due soon" comes and then lapses when "overdue" comes: at the
    # deadline, or (here: 08:00 on the user's Chicago clock) at the start of their hours.
    _app2, fresh, (lee, _ortiz) = _panel(clock, "Fresh Co", ended=clock.now() - timedelta(hours=1))
    plan_note_reminders(clock.now())
    soon = Reminder.get(kind=NOTE_DUE_SOON, subject_key=subject_key(fresh.id, lee.id))
    late = Reminder.get(kind=NOTE_OVERDUE, subject_key=subject_key(fresh.id, lee.id))
    assert soon.expires_at == late.due_at == fresh.ends_at + timedelta(hours=25)
    assert dana.id != lee.id and interview.id != fresh.id


def test_a_future_interview_has_its_reminders_planned_ahead(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    _panel(clock, ended=clock.now() + timedelta(days=3))
    plan_all(clock.now())
    kinds = sorted(r.kind for r in Reminder.select().where(Reminder.kind.in_([NOTE_DUE_SOON])))
    assert kinds == [NOTE_DUE_SOON, NOTE_DUE_SOON]


def test_drafts_move_through_their_states(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    app, interview, (dana, _sam) = _panel(clock)
    save_note(interview.id, dana.id, _draft(body="   "), clock)
    assert ThankYouNote.get().status == NoteStatus.TO_WRITE
    save_note(interview.id, dana.id, _draft(), clock)
    assert ThankYouNote.get().status == NoteStatus.DRAFTED
    save_note(interview.id, dana.id, _draft(), clock, checked=True)
    note = ThankYouNote.get()
    assert note.status == NoteStatus.CHECKED and note.checked_at == clock.now()
    # The same text saved again stays checked; a changed text needs checking again.
    save_note(interview.id, dana.id, _draft(), clock)
    assert ThankYouNote.get().status == NoteStatus.CHECKED
    save_note(interview.id, dana.id, _draft(body="Dear Dana, thanks a lot."), clock)
    assert ThankYouNote.get().status == NoteStatus.DRAFTED
    clock.advance(timedelta(hours=1))
    finish_note(interview.id, dana.id, NoteMedium.DROP_OFF, date(2026, 11, 21), clock)
    note = ThankYouNote.get()
    assert (note.status, note.medium, note.finished_on) == (
        NoteStatus.DROPPED_OFF,
        "drop_off",
        date(2026, 11, 21),
    )
    # Editing a note that is out keeps it out.
    save_note(interview.id, dana.id, _draft(body="Changed later"), clock)
    assert ThankYouNote.get().status == NoteStatus.DROPPED_OFF
    texts = [entry.text for entry in application_detail(app.id, clock.now()).timeline]
    assert "Thank-you note to Dana Lee dropped off (Sat 21 Nov)" in texts


def test_a_note_cannot_be_sent_unwritten_nor_to_a_non_interviewer(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    _app, interview, (dana, _sam) = _panel(clock)
    with pytest.raises(NoteError, match="Write the note"):
        finish_note(interview.id, dana.id, NoteMedium.EMAIL, date(2026, 11, 20), clock)
    stranger = Contact.create(name="Stranger", created_at=clock.now())
    with pytest.raises(NoteError, match="no longer an interviewer"):
        save_note(interview.id, stranger.id, _draft(), clock)


def test_the_composer_context_has_what_the_checks_need(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    _panel(clock, "Globex", people=(("Gil", "", None),))
    _app, interview, (dana, sam) = _panel(clock)
    options.put(options.SENDER_NAME, "Alex Kim")
    options.put(options.SENDER_CONTACT, "alex@example.com\n+1 555 0100")
    save_note(interview.id, sam.id, _draft(body="Dear Sam, thank you for the tour."), clock)
    add_personal_word("Ortiz")
    context = load_note_context(interview.id, dana.id)
    assert context.draft is None
    assert context.task.name == "Dana Lee" and context.email == "dana@acme.example"
    assert context.siblings == [("Sam Ortiz", "Dear Sam, thank you for the tour.")]
    assert context.other_companies == ["Globex"]
    assert context.personal_words == ["Ortiz"]
    assert (context.sender_name, context.sender_contact) == (
        "Alex Kim",
        "alex@example.com\n+1 555 0100",
    )
    assert "forgot to mention" in context.interview_notes
    assert context.interview_day == interview.starts_at.astimezone(CHICAGO).date()
    sam_context = load_note_context(interview.id, sam.id)
    assert sam_context.draft is not None and sam_context.draft.body.startswith("Dear Sam")
    assert sam_context.siblings == []  # Dana's note is not written yet


def test_the_personal_word_list(database: peewee.SqliteDatabase, clock: FakeClock) -> None:
    add_personal_word("Acme")
    add_personal_word("acme")  # the same word, whatever its case
    add_personal_word("Ortiz")
    assert personal_words() == ["Acme", "Ortiz"]
    with pytest.raises(NoteError):
        add_personal_word("two words")


def test_a_sent_notes_promised_date_becomes_the_first_follow_up(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    ended = _local(date(2026, 11, 16), 11).astimezone(UTC)  # a Monday
    _app, interview, (dana, sam) = _panel(clock, ended=ended)
    plan_reminders()
    before = Reminder.get(kind="follow_up")
    assert before.due_at.astimezone(CHICAGO).date() == date(2026, 11, 23)  # 5 working days
    promised = date(2026, 11, 26)
    save_note(interview.id, dana.id, _draft(promised_on=promised), clock)
    plan_reminders()
    # Not sent yet: not a promise (nor one Sam's note is told about).
    assert Reminder.get(kind="follow_up").due_at == before.due_at
    assert load_note_context(interview.id, sam.id).other_promises == []
    finish_note(interview.id, dana.id, NoteMedium.EMAIL, date(2026, 11, 17), clock)
    assert load_note_context(interview.id, sam.id).other_promises == [("Dana Lee", promised)]
    plan_reminders()
    after = Reminder.get(kind="follow_up")
    assert after.due_at.astimezone(CHICAGO).date() == promised
    assert "said you would be in touch" in after.body


def test_subject_keys_round_trip() -> None:
    assert parse_subject_key(subject_key(12, 34)) == (12, 34)
    for other in ("application:1:interview:2:after:0", "note:x:1", "note:1", ""):
        assert parse_subject_key(other) is None


def test_the_demo_has_notes_in_every_state_and_some_due_today(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    from followthrough.demo import fill_demo

    fill_demo(clock, 60)
    states = {NoteStatus(n.status) for n in ThankYouNote.select()}
    # "To write" has no row: an interviewer of a past interview without a note.
    assert states == set(NoteStatus) - {NoteStatus.TO_WRITE}
    unwritten = [
        t
        for a in Application.select()
        for t in note_tasks_for_application(a.id)
        if t.status is NoteStatus.TO_WRITE and t.interview_ends_at < clock.now()
    ]
    assert unwritten
    chicago_today = clock.now().astimezone(CHICAGO).date()
    due_today = [
        r
        for r in Reminder.select().where(Reminder.kind.in_([NOTE_DUE_SOON, NOTE_OVERDUE]))
        if r.due_at.astimezone(CHICAGO).date() == chicago_today
    ]
    assert due_today


def test_not_sent_after_all_brings_the_reminders_back_as_they_were(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    """Marked sent by mistake, then "not sent after all": the reminders already shown are
    not shown again, and a snooze still stands (found by a walkthrough: both came back
    and fired at once, the snooze lost)."""
    _app, interview, (dana, _sam) = _panel(clock)
    plan_note_reminders(clock.now())
    soon = Reminder.get(kind=NOTE_DUE_SOON, subject_key=subject_key(interview.id, dana.id))
    later = soon.due_at + timedelta(minutes=1)
    shown = [r.reminder_id for r in claim_due(later)]
    assert soon.id in shown
    save_note(interview.id, dana.id, NoteDraft("warm", "Thanks", "Thank you, Dana.", True), clock)
    finish_note(interview.id, dana.id, NoteMedium.EMAIL, date(2026, 11, 20), clock)
    plan_note_reminders(clock.now())
    reopen_note(interview.id, dana.id, clock)
    plan_note_reminders(clock.now())
    assert Reminder.get_by_id(soon.id).fired_at is not None  # still seen, still waiting
    assert soon.id not in [r.reminder_id for r in claim_due(later + timedelta(minutes=1))]


def test_a_note_past_its_deadline_at_night_stays_listed_and_says_it_is_late(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    """The deadline (17:30 on the user's Chicago clock) falls after their reminders stop
    (17:00): the "overdue" reminder waits for the next morning, and "due soon" stays until
    then (it used to lapse at the deadline, so the late note was on no list all evening)."""
    from followthrough.domain.reminder_kinds import Rendering, use_rendering

    chicago = options.user_zone()
    assert chicago.key == "America/Chicago"
    ended = datetime(2026, 11, 19, 23, 30, tzinfo=UTC)  # Thu 17:30 in Chicago
    _app, interview, (dana, _sam) = _panel(clock, ended=ended)
    plan_note_reminders(clock.now())
    key = subject_key(interview.id, dana.id)
    soon = Reminder.get(kind=NOTE_DUE_SOON, subject_key=key)
    late = Reminder.get(kind=NOTE_OVERDUE, subject_key=key)
    assert late.due_at.astimezone(chicago) == datetime(2026, 11, 21, 9, 0, tzinfo=chicago)
    assert soon.expires_at == late.due_at
    evening = datetime(2026, 11, 21, 1, 0, tzinfo=UTC)  # Fri 19:00, the deadline gone
    previous = use_rendering(Rendering(chicago, now=lambda: evening))
    try:
        claimed = claim_due(evening)
        words = {r.subject_key: r.title for r in open_fired()}
    finally:
        use_rendering(previous)
    assert [r.kind for r in claimed if r.subject_key == key] == [NOTE_DUE_SOON]
    assert words[key] == "Thank-you note to Dana Lee (Acme) was due Fri 20 Nov 17:30 — send it now"
