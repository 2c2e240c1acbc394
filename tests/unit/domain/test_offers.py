"""The offer's rules: "answer by" reminders on the user's clock (across a DST change, in a
second zone), the first day's reminder, the comparison and the withdrawal message
(docs/advice.md, Keeping momentum: a written offer is not the end, act as if between
interviews until the first day [003]; keep applying, more offers give leverage [001, 003,
004]; withdraw politely and burn no bridges [000, 004]; decline warmly, the door left open
[000, 004])."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from followthrough.domain.errors import UserError
from followthrough.domain.offers.decline import decline_message
from followthrough.domain.offers.record import (
    LINE_LIMIT,
    OfferLine,
    OfferStatus,
    OfferTerms,
    checked,
    compared,
    days_left_text,
    deadline_passed,
    deadline_words,
    moves_to_offer,
)
from followthrough.domain.offers.reminders import (
    EARLY_DAYS,
    FIRST_DAY,
    OFFER_ANSWER,
    answer_params,
    answer_reminders,
    answer_subject,
    application_of,
    first_day_due,
    first_day_params,
    first_day_subject,
    is_first_day,
)
from followthrough.domain.offers.withdrawal import withdrawal_message
from followthrough.domain.reminder_kinds import Rendering, render_with
from followthrough.domain.stages import Stage
from followthrough.domain.two_clocks import UserHours

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
HOURS = UserHours(time(9), time(17))


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def _by(day: date, at: time | None, zone: str = "", salary: str = "") -> OfferTerms:
    """An offer's deadline: ``day`` at ``at`` in ``zone`` ("": the user's clock)."""
    return OfferTerms(salary=salary, answer_by=day, answer_by_time=at, answer_by_zone=zone)


def test_reminded_three_days_before_and_on_the_morning_of_the_deadline() -> None:
    """[003]: the offer is the user's to answer; the app reminds ahead of the deadline and
    on its day, at the start of the user's hours."""
    early, on_the_day = answer_reminders(_by(date(2026, 12, 11), None), BERLIN, HOURS)
    assert early.days_before == EARLY_DAYS == 3
    assert early.due_at == utc(2026, 12, 8, 8)  # 09:00 in Berlin
    assert early.expires_at == on_the_day.due_at  # the day's reminder takes over
    assert on_the_day.days_before == 0
    assert on_the_day.due_at == utc(2026, 12, 11, 8)
    # The day's stays due past the deadline, until the offer is answered (it then says
    # the deadline has passed: reply now or ask for more time).
    assert on_the_day.expires_at is None


def test_the_deadline_across_a_dst_change_keeps_the_users_hours() -> None:
    """Berlin leaves summer time on Sun 25 Oct 2026: three days before a Tue 27 Oct
    deadline is 09:00 summer time (07:00 UTC), the day itself 09:00 winter time (08:00)."""
    early, on_the_day = answer_reminders(_by(date(2026, 10, 27), time(12)), BERLIN, HOURS)
    assert early.due_at == utc(2026, 10, 24, 7)
    assert on_the_day.due_at == utc(2026, 10, 27, 8)


def test_a_second_zone_reminds_on_that_clock() -> None:
    """A user in New York: 09:00 there, in winter (UTC-5) and after the spring change."""
    early, on_the_day = answer_reminders(_by(date(2026, 3, 10), None), NEW_YORK, HOURS)
    assert early.due_at == utc(2026, 3, 7, 14)  # Sat 7 Mar, still EST
    assert on_the_day.due_at == utc(2026, 3, 10, 13)  # EDT since Sun 8 Mar


def test_a_deadline_before_the_users_day_reminds_the_evening_before() -> None:
    """An answer due at 08:00 cannot wait for 09:00: the end of the user's day before."""
    early, on_the_day = answer_reminders(_by(date(2026, 12, 11), time(8)), BERLIN, HOURS)
    assert on_the_day.due_at == utc(2026, 12, 10, 15, 45)  # 16:45 in Berlin
    assert early.due_at == utc(2026, 12, 8, 8)


def test_the_first_day_reminder_comes_at_the_start_of_the_users_hours() -> None:
    assert first_day_due(date(2027, 1, 4), BERLIN, HOURS) == utc(2027, 1, 4, 8)
    assert first_day_due(date(2027, 1, 4), NEW_YORK, UserHours(time(8), time(18))) == utc(
        2027, 1, 4, 13
    )


def test_subjects_name_the_application() -> None:
    assert application_of(answer_subject(12, 3)) == 12
    assert application_of(first_day_subject(12)) == 12
    assert is_first_day(first_day_subject(12)) and not is_first_day(answer_subject(12, 0))
    assert application_of("debrief:12") is None


def test_the_reminders_words() -> None:
    rendering = Rendering(BERLIN)
    params = answer_params(
        "Acme", "Engineer", _by(date(2026, 12, 11), time(12), salary="85,000 EUR")
    )
    title, body = render_with(OFFER_ANSWER, params, rendering)
    assert title == "Answer Acme's offer by Fri 11 Dec 12:00"
    assert "85,000 EUR" in body and "Acme · Engineer" in body
    title, _body = render_with(
        OFFER_ANSWER, answer_params("Acme", "", _by(date(2026, 12, 11), None, salary="")), rendering
    )
    assert title == "Answer Acme's offer by Fri 11 Dec"
    title, body = render_with(FIRST_DAY, first_day_params("Acme", "", date(2027, 1, 4)), rendering)
    assert title == "Your first day at Acme: close the other applications"
    assert "Mon 4 Jan" in body


def test_terms_are_trimmed_and_held_to_their_limits() -> None:
    terms = checked(OfferTerms(salary="  85,000 EUR ", answer_by_time=time(12)))
    assert terms.salary == "85,000 EUR"
    assert terms.answer_by_time is None  # a time needs a day
    with pytest.raises(UserError):
        checked(OfferTerms(bonus="x" * (LINE_LIMIT + 1)))


def test_the_deadline_is_the_end_of_the_day_without_a_time() -> None:
    terms = OfferTerms(answer_by=date(2026, 12, 11))
    assert terms.deadline(BERLIN) == datetime(2026, 12, 12, tzinfo=BERLIN)
    timed = OfferTerms(answer_by=date(2026, 12, 11), answer_by_time=time(12))
    assert timed.deadline(BERLIN) == datetime(2026, 12, 11, 12, tzinfo=BERLIN)


def test_days_left_in_words() -> None:
    today = date(2026, 12, 8)
    assert days_left_text(date(2026, 12, 11), today) == "3 days left"
    assert days_left_text(date(2026, 12, 9), today) == "1 day left"
    assert days_left_text(today, today) == "answer today"
    assert days_left_text(date(2026, 12, 6), today) == "passed 2 days ago"
    assert days_left_text(None, today) == "no deadline given"


def test_offers_compare_open_first_nearest_deadline_first() -> None:
    """[001, 003, 004]: several offers side by side, the one to answer first in front."""

    def line(company: str, by: date | None, status: OfferStatus) -> OfferLine:
        return OfferLine(1, company, "", OfferTerms(answer_by=by), status)

    ordered = compared(
        [
            line("Zeta", date(2026, 12, 20), OfferStatus.OPEN),
            line("Beta", None, OfferStatus.OPEN),
            line("Acme", date(2026, 12, 1), OfferStatus.ACCEPTED),
            line("Gamma", date(2026, 12, 11), OfferStatus.OPEN),
        ],
        BERLIN,
    )
    assert [o.company for o in ordered] == ["Gamma", "Zeta", "Beta", "Acme"]


def test_the_withdrawal_thanks_says_why_and_keeps_the_door_open() -> None:
    """[000, 004]: thank them, burn no bridges, stay in touch; [003]: only once the new
    job has started."""
    message = withdrawal_message("Beta", "Data Analyst", "Sam Rivera", "Alex Kim")
    assert message.subject == "My application for Data Analyst at Beta"
    body = message.body
    assert body.startswith("Dear Sam,")
    assert "Thank you" in body
    assert "accepted a position elsewhere" in body
    assert "appreciate" in body
    assert "stay in touch" in body
    assert body.endswith("Alex Kim")
    plain = withdrawal_message("Beta", "", "")
    assert plain.subject == "My application at Beta"
    # Never unsigned: the notes' placeholder for a name not given yet (a walkthrough).
    assert plain.body.startswith("Hello,")
    assert plain.body.endswith("With best wishes,\n[your name]")


def test_a_deadline_has_passed_on_the_users_own_clock() -> None:
    """A day before today has passed; today's counts until its time (the whole day without
    one), on the user's clock: 00:30 in Berlin is still the day before in New York."""
    now = datetime(2026, 12, 8, 15, tzinfo=BERLIN)

    def passed(by: date | None, at: time | None = None, zone: ZoneInfo = BERLIN) -> bool:
        return deadline_passed(OfferTerms(answer_by=by, answer_by_time=at), now, zone)

    assert passed(date(2026, 12, 7))
    assert not passed(date(2026, 12, 8))  # today, the whole day
    assert not passed(date(2026, 12, 8), time(17))
    assert passed(date(2026, 12, 8), time(15))  # its time has come
    assert passed(date(2026, 12, 8), time(12))
    assert not passed(None)
    late = datetime(2026, 12, 9, 0, 30, tzinfo=BERLIN)
    day = OfferTerms(answer_by=date(2026, 12, 8))
    assert deadline_passed(day, late, BERLIN)
    assert not deadline_passed(day, late, NEW_YORK)


def test_days_left_says_when_todays_time_has_passed() -> None:
    today = date(2026, 12, 8)
    assert days_left_text(today, today, passed=True) == "passed today"
    assert days_left_text(date(2026, 12, 7), today, passed=True) == "passed yesterday"


def test_recording_an_offer_moves_only_a_stage_before_offer() -> None:
    """Forward to "Offer" from applied, interviewing or a reference check; never backwards
    from an accepted offer, nor reopening a closed application behind the user's back."""
    assert [s for s in Stage if moves_to_offer(s)] == [
        Stage.APPLIED,
        Stage.INTERVIEWING,
        Stage.REFERENCE_CHECK,
    ]


def test_the_answer_reminder_names_the_offers_deadline_and_how_far_it_is() -> None:
    """The row of the early reminder shows when it came (days before): its words name the
    deadline itself, and how far off it is for the person reading."""
    params = answer_params(
        "Acme", "Engineer", _by(date(2026, 12, 11), time(12), salary="85,000 EUR")
    )

    def body(now: datetime | None) -> str:
        moment = (lambda: now) if now is not None else None
        return render_with(OFFER_ANSWER, params, Rendering(BERLIN, now=moment))[1]

    # Stored words (no reader yet): the deadline as a day.
    assert body(None).startswith("Your answer is due Fri 11 Dec 12:00. Acme · Engineer")
    assert body(utc(2026, 12, 8, 8)).startswith(
        "Your answer is due in 3 days (Fri 11 Dec 12:00). Acme · Engineer, 85,000 EUR:"
    )
    # Read two days after the early reminder came (still listed: Overdue).
    assert body(utc(2026, 12, 10, 9)).startswith("Your answer is due tomorrow (Fri 11 Dec 12:00).")
    # 23:30 UTC on the 10th is 00:30 on the 11th in Berlin: on the user's clock, today.
    assert body(utc(2026, 12, 10, 23, 30)).startswith("Your answer is due today")
    assert body(utc(2026, 12, 11, 11)).startswith(
        "The deadline, Fri 11 Dec 12:00, has passed: reply now or ask for more time."
    )
    whole_day = answer_params("Acme", "", _by(date(2026, 12, 11), None, salary=""))
    _title, words = render_with(
        OFFER_ANSWER, whole_day, Rendering(BERLIN, now=lambda: utc(2026, 12, 11, 20))
    )
    assert words.startswith("Your answer is due today (Fri 11 Dec). Acme:")


def test_the_decline_thanks_them_says_no_and_keeps_the_door_open() -> None:
    """[000, 004]: thank them, burn no bridges, stay in touch: a clear "no" that is warm."""
    message = decline_message("Acme", "Data Analyst", "Dr. Sam Rivera", "Alex Kim")
    assert message.subject == "Your offer for the Data Analyst role"
    body = message.body
    assert body.startswith("Dear Sam,\n")  # the first name, past the title
    assert "Thank you very much for offering me the Data Analyst role at Acme" in body
    assert "I have decided to decline it" in body
    assert "keep in touch" in body and "work together another time" in body
    assert body.endswith("Warm regards,\nAlex Kim")
    plain = decline_message("Acme", " ", "")
    assert plain.subject == "Your offer from Acme"
    assert plain.body.startswith("Hello,\n")
    assert "Thank you very much for your offer" in plain.body
    # Never unsigned: the placeholder the withdrawal message and the notes use.
    assert plain.body.endswith("Warm regards,\n[your name]")
    assert withdrawal_message("Acme", "", "").body.endswith("[your name]")


TOKYO = ZoneInfo("Asia/Tokyo")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")


def test_a_deadline_keeps_the_zone_it_was_given_in() -> None:
    """Recorded in Tokyo, answer by Tue 8 Dec 10:00: one instant, 01:00 on a UTC clock
    (a walkthrough restarted the app in UTC and still read 10:00). Where the clocks
    differ, both are written, as for every time of two clocks."""
    terms = _by(date(2026, 12, 8), time(10), "Asia/Tokyo")
    assert terms.deadline(UTC) == utc(2026, 12, 8, 1)
    assert terms.deadline(TOKYO) == utc(2026, 12, 8, 1)
    assert deadline_words(terms, TOKYO) == "Tue 8 Dec 10:00"
    assert deadline_words(terms, UTC) == "Tue 8 Dec 01:00 (10:00 in Tokyo)"
    # In Los Angeles it is still the day before.
    assert terms.deadline_day(LOS_ANGELES) == date(2026, 12, 7)
    assert deadline_words(terms, LOS_ANGELES) == "Mon 7 Dec 17:00 (Tue 8 Dec 10:00 in Tokyo)"
    # A deadline without a zone (none known) is read on the user's clock.
    assert _by(date(2026, 12, 8), time(10)).deadline(UTC) == utc(2026, 12, 8, 10)


def test_a_whole_day_given_elsewhere_ends_when_that_day_ends_there() -> None:
    terms = _by(date(2026, 12, 8), None, "Asia/Tokyo")
    assert terms.deadline(UTC) == utc(2026, 12, 8, 15)  # midnight in Tokyo
    assert terms.deadline_day(UTC) == date(2026, 12, 8)
    assert deadline_words(terms, UTC) == "Tue 8 Dec 15:00 (the end of Tue 8 Dec in Tokyo)"
    assert deadline_words(terms, TOKYO) == "Tue 8 Dec"
    # On its own clock the whole day is its day (the midnight ending it is the next's).
    assert terms.deadline_day(TOKYO) == date(2026, 12, 8)


def test_the_reminders_move_with_the_instant_on_another_clock() -> None:
    """The same Tokyo deadline planned for a user now in UTC: 01:00 comes before their
    day starts, so the day's reminder is the evening before (16:45 UTC on the 7th), the
    early one three days before its day (the 8th, in UTC too); planned in Tokyo, 09:00
    there on the 8th (00:00 UTC)."""
    terms = _by(date(2026, 12, 8), time(10), "Asia/Tokyo")
    early, on_the_day = answer_reminders(terms, UTC, HOURS)
    assert on_the_day.due_at == utc(2026, 12, 7, 16, 45)
    assert early.due_at == utc(2026, 12, 5, 9)
    assert early.expires_at == on_the_day.due_at
    early, on_the_day = answer_reminders(terms, TOKYO, HOURS)
    assert on_the_day.due_at == utc(2026, 12, 8, 0)  # 09:00 in Tokyo
    assert early.due_at == utc(2026, 12, 5, 0)
    title, body = render_with(
        OFFER_ANSWER,
        answer_params("Acme", "", terms),
        Rendering(UTC, now=lambda: utc(2026, 12, 7, 16, 45)),
    )
    assert title == "Answer Acme's offer by Tue 8 Dec 01:00 (10:00 in Tokyo)"
    assert body.startswith("Your answer is due tomorrow (Tue 8 Dec 01:00 (10:00 in Tokyo)).")


def test_a_deadline_given_across_a_dst_change_keeps_its_own_clock() -> None:
    """New York moves to summer time on Sun 8 Mar 2026, Berlin on Sun 29 Mar: 17:00 in
    New York is 23:00 in Berlin on Fri 6 Mar and 22:00 on Mon 9 Mar (the gap between the
    clocks is not a fixed number of hours)."""
    before = _by(date(2026, 3, 6), time(17), "America/New_York")
    after = _by(date(2026, 3, 9), time(17), "America/New_York")
    assert before.deadline(BERLIN) == utc(2026, 3, 6, 22)
    assert after.deadline(BERLIN) == utc(2026, 3, 9, 21)
    assert deadline_words(before, BERLIN) == "Fri 6 Mar 23:00 (17:00 in New York)"
    assert deadline_words(after, BERLIN) == "Mon 9 Mar 22:00 (17:00 in New York)"
    # The day's reminder: the start of the user's hours in Berlin, winter time there.
    _early, on_the_day = answer_reminders(after, BERLIN, HOURS)
    assert on_the_day.due_at == utc(2026, 3, 9, 8)


def test_offers_compare_by_the_instant_of_their_deadline() -> None:
    """10:00 in Tokyo comes before 09:00 in Berlin the same day."""
    tokyo = OfferLine(
        1, "Tokyo Co", "", _by(date(2026, 12, 8), time(10), "Asia/Tokyo"), OfferStatus.OPEN
    )
    berlin = OfferLine(
        2, "Berlin Co", "", _by(date(2026, 12, 8), time(9), "Europe/Berlin"), OfferStatus.OPEN
    )
    assert [o.company for o in compared([berlin, tokyo], UTC)] == ["Tokyo Co", "Berlin Co"]


def test_a_zone_not_known_is_refused() -> None:
    assert checked(_by(date(2026, 12, 8), None, " Asia/Tokyo ")).answer_by_zone == "Asia/Tokyo"
    with pytest.raises(UserError, match="not a time zone"):
        checked(_by(date(2026, 12, 8), None, "Mars/Olympus"))
