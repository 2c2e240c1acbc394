"""Offers in the database: saved and read back, accepted and declined through the stage
rules, their reminders planned (instead of follow-ups, for that application only), and
the first day's closing of the others (docs/advice.md, Keeping momentum: a written offer
is not the end, act as if between interviews until the first day [003]; more offers give
leverage [001, 003, 004])."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import peewee
import pytest

from followthrough.domain.clock import FakeClock
from followthrough.domain.errors import UserError
from followthrough.domain.interviews import InterviewDraft, PersonDraft
from followthrough.domain.offers.record import LINE_LIMIT, OfferStatus, OfferTerms
from followthrough.domain.reminder_kinds import Rendering, use_rendering
from followthrough.domain.stages import ClosureReason, Stage
from followthrough.domain.today import Section
from followthrough.store import settings as options
from followthrough.store.insights import load_insights
from followthrough.store.interviews import save_interview
from followthrough.store.models import Application, StageEvent, db
from followthrough.store.next_steps import first_items, next_actions
from followthrough.store.offers import records
from followthrough.store.offers.first_day import close_as_withdrawn, first_day, person_to_write
from followthrough.store.offers.records import (
    accept_offer,
    decline_offer,
    load_offer,
    offer_lines,
    open_offer_count,
    reopen_offer,
    save_offer,
)
from followthrough.store.planning import plan_all, preview_due
from followthrough.store.queries import change_stage, create_application
from followthrough.store.reminders import lapse_expired, stored_reminders

BERLIN = ZoneInfo("Europe/Berlin")
# The fake clock's day (tests/conftest.py: Fri 20 Nov 2026, 16:00 in Berlin).
TODAY = date(2026, 11, 20)
TERMS = OfferTerms(
    salary="85,000 EUR",
    bonus="10 % yearly",
    benefits="30 days off\nTrain pass",
    location="Berlin, 2 days remote",
    answer_by=date(2026, 12, 4),
    answer_by_time=time(12),
)


def _interviewed(clock: FakeClock, company: str, email: str = "") -> Application:
    application = create_application(clock, company, "Engineer")
    save_interview(
        InterviewDraft(
            application_id=application.id,
            day=date(2026, 11, 16),
            start=time(10),
            end=time(11),
            time_zone="Europe/Berlin",
            round=1,
            people=(PersonDraft(f"Dana {company}", "Manager", email=email),),
        ),
        clock,
    )
    return application


def _open(kind: str) -> list[tuple[str, datetime]]:
    return sorted(
        (r.subject_key, r.due_at)
        for r in stored_reminders(
            "kind = ? AND done_at IS NULL AND suspended_at IS NULL AND dismissed_at IS NULL",
            [kind],
        )
    )


def test_an_offer_is_saved_as_typed_and_read_back(
    database: peewee.Database, clock: FakeClock
) -> None:
    acme = create_application(clock, "Acme", "Engineer", location="Berlin")
    empty = load_offer(acme.id)
    assert empty.status is None and empty.terms == OfferTerms(location="Berlin")
    save_offer(acme.id, TERMS, clock, TODAY)
    loaded = load_offer(acme.id)
    # The deadline kept with the zone it was given in: without one named, the user's.
    assert loaded.terms == replace(TERMS, answer_by_zone="Europe/Berlin")
    assert loaded.status is OfferStatus.OPEN
    assert open_offer_count() == 1
    # Saving again replaces the terms, one offer per application.
    tokyo = OfferTerms(salary="90,000 EUR", answer_by_zone="Asia/Tokyo")
    save_offer(acme.id, tokyo, clock, TODAY)
    assert load_offer(acme.id).terms == tokyo
    assert db.execute_sql("SELECT COUNT(*) FROM offer").fetchone()[0] == 1


def test_an_offer_that_cannot_be_saved_writes_nothing(
    database: peewee.Database, clock: FakeClock
) -> None:
    acme = create_application(clock, "Acme")
    with pytest.raises(UserError):
        save_offer(acme.id, OfferTerms(salary="x" * (LINE_LIMIT + 1)), clock, TODAY)
    assert db.execute_sql("SELECT COUNT(*) FROM offer").fetchone()[0] == 0


def test_saving_marks_the_application_for_planning(
    database: peewee.Database, clock: FakeClock
) -> None:
    acme = create_application(clock, "Acme")
    plan_all(clock.now())
    db.execute_sql("DELETE FROM plan_dirty")
    save_offer(acme.id, TERMS, clock, TODAY)
    marked = [row[0] for row in db.execute_sql("SELECT application_id FROM plan_dirty")]
    assert marked == [acme.id]


def test_an_open_offer_is_reminded_before_its_deadline(
    database: peewee.Database, clock: FakeClock
) -> None:
    """Fri 20 Nov: a deadline of Fri 4 Dec 12:00 is reminded on Tue 1 Dec and on the
    morning of the 4th, at 09:00 in Berlin (the user's hours)."""
    acme = create_application(clock, "Acme")
    save_offer(acme.id, TERMS, clock, TODAY)
    plan_all(clock.now())
    assert _open("offer_answer") == [
        (f"offer:{acme.id}:0", datetime(2026, 12, 4, 8, tzinfo=UTC)),
        (f"offer:{acme.id}:3", datetime(2026, 12, 1, 8, tzinfo=UTC)),
    ]
    title = stored_reminders("kind = 'offer_answer'")[0].title
    assert title == "Answer Acme's offer by Fri 4 Dec 12:00"
    # Due on the 1st, as Today would show it.
    due = preview_due(datetime(2026, 12, 1, 8, 30, tzinfo=UTC))
    assert [(r.kind, r.subject_key) for r in due] == [("offer_answer", f"offer:{acme.id}:3")]


def test_the_reminders_follow_the_users_zone(database: peewee.Database, clock: FakeClock) -> None:
    options.put(options.USER_ZONE, "America/New_York")
    acme = create_application(clock, "Acme")
    save_offer(acme.id, TERMS, clock, TODAY)
    plan_all(clock.now())
    assert [due for _key, due in _open("offer_answer")] == [
        datetime(2026, 12, 4, 14, tzinfo=UTC),
        datetime(2026, 12, 1, 14, tzinfo=UTC),
    ]


def test_a_deadline_recorded_in_tokyo_stays_that_instant_on_a_utc_clock(
    database: peewee.Database, clock: FakeClock
) -> None:
    """A walkthrough: recorded with the app in Tokyo, answer by Tue 8 Dec 10:00; started
    again in UTC, the comparison, the reminders and ``followthrough due`` still said
    10:00. The deadline is 10:00 in Tokyo: 01:00 UTC, said on both clocks, and the
    reminders move to the user's new hours (01:00 comes before their day: the evening
    before)."""
    options.put(options.USER_ZONE, "Asia/Tokyo")
    acme = create_application(clock, "Acme")
    terms = OfferTerms(salary="9M JPY", answer_by=date(2026, 12, 8), answer_by_time=time(10))
    save_offer(acme.id, terms, clock, TODAY)
    plan_all(clock.now())
    assert [due for _key, due in _open("offer_answer")] == [
        datetime(2026, 12, 8, 0, tzinfo=UTC),  # 09:00 in Tokyo
        datetime(2026, 12, 5, 0, tzinfo=UTC),
    ]
    options.put(options.USER_ZONE, "UTC")
    plan_all(clock.now())
    assert [due for _key, due in _open("offer_answer")] == [
        datetime(2026, 12, 7, 16, 45, tzinfo=UTC),
        datetime(2026, 12, 5, 9, tzinfo=UTC),
    ]
    expected = "Answer Acme's offer by Tue 8 Dec 01:00 (10:00 in Tokyo)"
    assert {r.title for r in stored_reminders("kind = 'offer_answer'")} == {expected}
    due = preview_due(datetime(2026, 12, 7, 17, tzinfo=UTC))
    assert [r.title for r in due if r.subject_key == f"offer:{acme.id}:0"] == [expected]
    (line,) = offer_lines()
    assert line.terms.answer_by_zone == "Asia/Tokyo"
    assert line.terms.deadline(ZoneInfo("UTC")) == datetime(2026, 12, 8, 1, tzinfo=UTC)
    assert load_offer(acme.id).terms == replace(terms, answer_by_zone="Asia/Tokyo")


def test_follow_ups_wait_while_an_offer_is_open_for_that_application_only(
    database: peewee.Database, clock: FakeClock
) -> None:
    """[003]: the offer is the user's to answer, there is nothing to chase; the other
    applications keep their follow-ups (keep going until the first day)."""
    acme, beta = _interviewed(clock, "Acme"), _interviewed(clock, "Beta")
    plan_all(clock.now())
    chased = {
        r.application_id for r in stored_reminders("kind IN ('follow_up', 'decision_passed')")
    }
    assert chased == {acme.id, beta.id}
    # An offer recorded while the stage is still "Interviewing" (it moves to "Offer").
    save_offer(acme.id, TERMS, clock, TODAY)
    plan_all(clock.now())
    follow_ups = stored_reminders(
        "kind IN ('follow_up', 'decision_passed') AND suspended_at IS NULL AND done_at IS NULL"
    )
    assert {r.application_id for r in follow_ups} == {beta.id}
    assert {r.application_id for r in stored_reminders("kind = 'offer_answer'")} == {acme.id}
    # Declined: the application closes as withdrawn, its reminders go.
    decline_offer(acme.id, TERMS, clock, date(2026, 11, 20))
    plan_all(clock.now())
    assert _open("offer_answer") == []
    closed = Application.get_by_id(acme.id)
    assert (closed.stage, closed.closure_reason) == (
        Stage.WITHDRAWN.value,
        ClosureReason.WITHDREW.value,
    )


def test_an_offer_reopened_brings_its_reminders_back(
    database: peewee.Database, clock: FakeClock
) -> None:
    acme = _interviewed(clock, "Acme")
    save_offer(acme.id, TERMS, clock, TODAY)
    decline_offer(acme.id, TERMS, clock, date(2026, 11, 20))
    change_stage(acme.id, Stage.OFFER, clock, date(2026, 11, 21))
    reopen_offer(acme.id, clock.now())
    plan_all(clock.now())
    assert len(_open("offer_answer")) == 2


def test_accepting_moves_to_accepted_and_leaves_the_others_open(
    database: peewee.Database, clock: FakeClock
) -> None:
    acme, beta = _interviewed(clock, "Acme"), _interviewed(clock, "Beta", "dana@beta.test")
    gamma = create_application(clock, "Gamma")
    save_offer(beta.id, OfferTerms(salary="80k", answer_by=date(2026, 12, 10)), clock, TODAY)
    accept_offer(acme.id, TERMS, date(2027, 1, 4), clock, date(2026, 11, 20))
    accepted = Application.get_by_id(acme.id)
    assert accepted.stage == Stage.ACCEPTED.value
    # Through "Offer": both steps on the timeline.
    steps = [e.to_stage for e in StageEvent.select().where(StageEvent.application == acme.id)]
    assert steps[-2:] == [Stage.OFFER.value, Stage.ACCEPTED.value]
    assert load_offer(acme.id).start_on == date(2027, 1, 4)
    # Nothing else closed; the other offer still open (its application at "Offer", where
    # recording it moved it) and compared.
    assert Application.get_by_id(beta.id).stage == Stage.OFFER.value
    assert [(o.company, o.status) for o in offer_lines()] == [
        ("Beta", OfferStatus.OPEN),
        ("Acme", OfferStatus.ACCEPTED),
    ]
    plan_all(clock.now())
    assert _open("first_day") == [(f"offer:{acme.id}", datetime(2027, 1, 4, 8, tzinfo=UTC))]
    due = preview_due(datetime(2027, 1, 4, 8, 5, tzinfo=UTC))
    assert ("first_day", f"offer:{acme.id}") in [(r.kind, r.subject_key) for r in due]
    # On that day: the others, with whom to write to.
    day = first_day(acme.id)
    assert day.start_on == date(2027, 1, 4)
    assert [(o.company, o.contact_name, o.contact_email) for o in day.others] == [
        ("Beta", "Dana Beta", "dana@beta.test"),
        ("Gamma", "", ""),
    ]
    assert gamma.id in [o.application_id for o in day.others]


def test_closing_the_others_goes_through_the_stage_rules(
    database: peewee.Database, clock: FakeClock
) -> None:
    acme, beta = _interviewed(clock, "Acme"), _interviewed(clock, "Beta")
    gamma = create_application(clock, "Gamma")
    accept_offer(acme.id, TERMS, date(2027, 1, 4), clock, date(2026, 11, 20))
    assert close_as_withdrawn([beta.id, acme.id], clock, date(2027, 1, 4)) == [beta.id]
    closed = Application.get_by_id(beta.id)
    assert closed.stage == Stage.WITHDRAWN.value
    assert closed.closure_reason == ClosureReason.ACCEPTED_ELSEWHERE.value
    assert closed.closed_on == date(2027, 1, 4)
    event = (
        StageEvent.select()
        .where(StageEvent.application == beta.id)
        .order_by(StageEvent.id.desc())
        .get()
    )
    assert event.closure_reason == ClosureReason.ACCEPTED_ELSEWHERE.value
    # The accepted one and the one not chosen are untouched.
    assert Application.get_by_id(acme.id).stage == Stage.ACCEPTED.value
    assert Application.get_by_id(gamma.id).stage == Stage.APPLIED.value
    assert [o.company for o in first_day(acme.id).others] == ["Gamma"]


def test_a_second_offer_is_not_accepted_beside_the_first(
    database: peewee.Database, clock: FakeClock
) -> None:
    """Two applications "Accepted" at once came from two clicks (a walkthrough): the second
    is refused, in words, and nothing of it is written; once the first is reopened (or
    closed) it can be accepted."""
    acme, beta = _interviewed(clock, "Acme"), _interviewed(clock, "Beta")
    today = date(2026, 11, 20)
    accept_offer(acme.id, TERMS, date(2027, 1, 4), clock, today)
    save_offer(beta.id, TERMS, clock, TODAY)
    with pytest.raises(UserError) as refused:
        accept_offer(beta.id, TERMS, date(2027, 1, 11), clock, today)
    assert "Acme" in str(refused.value)
    assert Application.get_by_id(beta.id).stage != Stage.ACCEPTED.value
    assert load_offer(beta.id).status is OfferStatus.OPEN


def _steps(application_id: int) -> list[str]:
    return [
        e.to_stage
        for e in StageEvent.select()
        .where(StageEvent.application == application_id)
        .order_by(StageEvent.id)
    ]


def test_recording_an_offer_moves_the_application_to_offer(
    database: peewee.Database, clock: FakeClock
) -> None:
    """A walkthrough: an offer recorded on an "Interviewing" application left the board,
    the lists and Insights (which read the stage) saying "Interviewing"."""
    applied = create_application(clock, "Applied Co")
    interviewing = _interviewed(clock, "Acme")
    checking = _interviewed(clock, "Beta")
    change_stage(checking.id, Stage.REFERENCE_CHECK, clock, TODAY)
    for application in (applied, interviewing, checking):
        save_offer(application.id, TERMS, clock, TODAY)
        assert Application.get_by_id(application.id).stage == Stage.OFFER.value
        # Through the stage rules: on the timeline, at the moment it was recorded.
        event = StageEvent.select().order_by(StageEvent.id.desc()).get()
        assert (event.application_id, event.to_stage) == (application.id, Stage.OFFER.value)
        assert event.happened_at == clock.now()
    # Saving the terms again moves nothing more.
    events = StageEvent.select().count()
    save_offer(interviewing.id, OfferTerms(salary="90,000 EUR"), clock, TODAY)
    assert StageEvent.select().count() == events
    # Insights' funnel agrees with the board: three offers.
    funnel = dict(load_insights(clock, ZoneInfo("Europe/Berlin")).funnel)
    assert funnel[Stage.OFFER] == 3


def test_the_offer_and_its_stage_are_one_write(
    database: peewee.Database, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The offer is not saved without its stage move, nor the move without the offer."""
    acme = _interviewed(clock, "Acme")

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(records, "change_stage", broken)
    with pytest.raises(RuntimeError):
        save_offer(acme.id, TERMS, clock, TODAY)
    assert db.execute_sql("SELECT COUNT(*) FROM offer").fetchone()[0] == 0
    monkeypatch.undo()
    with pytest.raises(UserError):
        save_offer(acme.id, OfferTerms(salary="x" * (LINE_LIMIT + 1)), clock, TODAY)
    assert Application.get_by_id(acme.id).stage == Stage.INTERVIEWING.value


def test_recording_never_moves_a_stage_backwards_or_reopens_one(
    database: peewee.Database, clock: FakeClock
) -> None:
    """Accepted stays accepted when its terms are edited; a closed application is the
    user's to reopen; a declined offer saved again does not pull its reopened application
    back to "Offer"."""
    acme = _interviewed(clock, "Acme")
    accept_offer(acme.id, TERMS, date(2027, 1, 4), clock, TODAY)
    save_offer(acme.id, OfferTerms(salary="95,000 EUR"), clock, TODAY)
    assert Application.get_by_id(acme.id).stage == Stage.ACCEPTED.value
    beta = _interviewed(clock, "Beta")
    change_stage(beta.id, Stage.REJECTED, clock, TODAY, ClosureReason.REJECTED)
    before = _steps(beta.id)
    save_offer(beta.id, TERMS, clock, TODAY)
    assert Application.get_by_id(beta.id).stage == Stage.REJECTED.value
    assert _steps(beta.id) == before
    gamma = _interviewed(clock, "Gamma")
    decline_offer(gamma.id, TERMS, clock, TODAY)
    change_stage(gamma.id, Stage.INTERVIEWING, clock, TODAY)
    save_offer(gamma.id, TERMS, clock, TODAY)
    assert Application.get_by_id(gamma.id).stage == Stage.INTERVIEWING.value
    assert load_offer(gamma.id).status is OfferStatus.DECLINED


def test_declining_an_offer_recorded_at_once_passes_through_offer(
    database: peewee.Database, clock: FakeClock
) -> None:
    """Recorded and declined in one go: the offer did come (Insights' funnel counts it),
    then the application closed as withdrawn."""
    acme = _interviewed(clock, "Acme")
    decline_offer(acme.id, TERMS, clock, TODAY)
    assert _steps(acme.id)[-2:] == [Stage.OFFER.value, Stage.WITHDRAWN.value]
    assert Application.get_by_id(acme.id).closure_reason == ClosureReason.WITHDREW.value


def test_a_deadline_already_behind_stays_due_until_the_offer_is_answered(
    database: peewee.Database, clock: FakeClock
) -> None:
    """Recorded late (Fri 20 Nov, 16:00 in Berlin): a day before today or today's 12:00
    has passed, today's 17:00 or today as a whole day has not; each gets the day's
    reminder at once (the early one has nothing left to say). A passed deadline is not
    dropped silently: its reminder stays due, overdue on Today and as the application's
    next step, a week later too, saying so, until the offer is answered."""
    late = create_application(clock, "Late")
    noon = create_application(clock, "Noon")
    evening = create_application(clock, "Evening")
    whole = create_application(clock, "Whole day")
    save_offer(late.id, OfferTerms("80k", answer_by=date(2026, 11, 18)), clock, TODAY)
    save_offer(noon.id, OfferTerms(answer_by=TODAY, answer_by_time=time(12)), clock, TODAY)
    save_offer(evening.id, OfferTerms(answer_by=TODAY, answer_by_time=time(17)), clock, TODAY)
    save_offer(whole.id, OfferTerms(answer_by=TODAY), clock, TODAY)
    plan_all(clock.now())
    due = preview_due(clock.now())
    assert sorted(r.subject_key for r in due if r.kind == "offer_answer") == sorted(
        f"offer:{app.id}:0" for app in (late, noon, evening, whole)
    )
    # A week on, planned again and lapsed what lapses: still there, and overdue.
    week_later = clock.now() + timedelta(days=7)
    plan_all(week_later)
    lapse_expired(week_later)
    use_rendering(Rendering(BERLIN, now=lambda: week_later))
    try:
        firsts = first_items(week_later, BERLIN)
        step = next_actions(week_later, BERLIN)[late.id]
    finally:
        use_rendering(None)
    assert {app: firsts[app].section for app in (late.id, noon.id)} == {
        late.id: Section.OVERDUE,
        noon.id: Section.OVERDUE,
    }
    assert step.text == "Answer Late's offer by Wed 18 Nov" and step.overdue
    assert step.why.startswith(
        "The deadline, Wed 18 Nov, has passed: reply now or ask for more time."
    )
    # Still an offer, compared with the others (the window says "passed").
    assert load_offer(late.id).terms.answer_by == date(2026, 11, 18)
    assert {o.company for o in offer_lines()} == {"Late", "Noon", "Evening", "Whole day"}
    # Answered: it ends.
    decline_offer(late.id, load_offer(late.id).terms, clock, TODAY)
    plan_all(week_later)
    assert f"offer:{late.id}:0" not in {key for key, _due in _open("offer_answer")}


def test_the_person_to_write_to_is_the_one_met_last_with_an_address(
    database: peewee.Database, clock: FakeClock
) -> None:
    acme = _interviewed(clock, "Acme", "dana@acme.test")
    assert person_to_write(acme.id) == ("Dana Acme", "dana@acme.test")
    nobody = create_application(clock, "Nobody")
    assert person_to_write(nobody.id) == ("", "")
