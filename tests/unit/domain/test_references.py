"""References and network contacts (docs/advice.md, "References" and "Keeping momentum"): the
heads-up, the thank-you, the outcome and the check-in; the phone version; the points to
emphasise; leaning on one reference too often; when each reminder is due; mailto: links."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote
from zoneinfo import ZoneInfo

import pytest

from followthrough.domain import references
from followthrough.domain.mailto import MailtoError
from followthrough.domain.reference_reminders import (
    CHECK_IN_AFTER,
    HEADS_UP_AFTER,
    OUTCOME_AFTER,
    THANKS_AFTER,
    check_in_due,
    heads_up_due,
    outcome_due,
    reminder_round,
    thanks_due,
)
from followthrough.domain.references import (
    EMPHASIS_MAX_CHARS,
    NO_ADDRESS_MESSAGE,
    OUTCOME_STAGES,
    ContactedBy,
    Message,
    MessagePurpose,
    ReferenceFacts,
    compose,
    mailto_for,
    outcome_for,
    overuse_warning,
    suggested_emphasis,
    talking_points,
)
from followthrough.domain.stages import Stage

SEEDS = Path(__file__).resolve().parents[4] / "shared" / "seeds"
CHICAGO = ZoneInfo("America/Chicago")
TUESDAY = date(2026, 11, 10)
MONDAY = date(2026, 11, 16)

FULL = ReferenceFacts(
    person_name="Sam Ortiz",
    company="Acme",
    role_title="Data Analyst",
    sender_name="Alex Kim",
    relationship="my team lead at Globex",
    speaks_to="budgets; hiring",
    interview_day=TUESDAY,
    interview_round=2,
    emphasis=("Led the data migration", "Mentored two juniors"),
    resume_name="alex-kim-2026.pdf",
    contacted_on=MONDAY,
    contacted_by=ContactedBy.REFERENCE,
    outcome=Stage.REJECTED,
)
BARE = ReferenceFacts(person_name="Sam Ortiz", company="Acme", role_title="", sender_name="")
HAPPY = (Stage.ACCEPTED, Stage.OFFER)


def with_(facts: ReferenceFacts = FULL, **changes: Any) -> ReferenceFacts:
    return dataclasses.replace(facts, **changes)


def fact_variants() -> list[ReferenceFacts]:
    """A broad mix: every combination of a few values for each optional fact."""
    variants = []
    outcomes = itertools.cycle(OUTCOME_STAGES)
    for role, day, emphasis, resume, sender, relationship, check, speaks, by in itertools.product(
        ("", "Senior Data Analyst"),
        (None, TUESDAY),
        ((), ("  - Led the data migration ", "Mentored\ntwo juniors.")),
        ("", "cv 2026.pdf"),
        ("", "Alex Kim"),
        ("", "my team lead at Globex."),
        (False, True),
        ("", "budgets;\n• hiring"),
        (None, ContactedBy.COMPANY, ContactedBy.REFERENCE),
    ):
        variants.append(
            ReferenceFacts(
                person_name="Dr. Priya Natarajan" if sender else " sam   ortiz ",
                company="Acme  Inc." if resume else "Acme",
                role_title=role,
                sender_name=sender,
                relationship=relationship,
                speaks_to=speaks,
                interview_day=day,
                interview_round=2 if check else None,
                reference_check=check,
                emphasis=emphasis,
                resume_name=resume,
                contacted_on=MONDAY if by else None,
                contacted_by=by,
                outcome=next(outcomes),
            )
        )
    return variants


VARIANTS = fact_variants()


# --- Labels and outcomes ----------------------------------------------------------------


def test_labels() -> None:
    # The store writes these into the timeline; the window translates them.
    assert ContactedBy.COMPANY.label == "The employer told me"
    assert ContactedBy.REFERENCE.label == "They told me"


REASONS = (None, "rejected", "withdrew", "filled", "no_response", "accepted_elsewhere")


@pytest.mark.parametrize(
    ("stage", "expected"),
    [
        ("applied", None),
        ("interviewing", None),
        ("reference_check", None),
        ("offer", Stage.OFFER),
        ("accepted", Stage.ACCEPTED),
        ("rejected", Stage.REJECTED),
        ("withdrawn", Stage.WITHDRAWN),
        ("filled", Stage.FILLED),
        ("no_response", Stage.NO_RESPONSE),
    ],
)
@pytest.mark.parametrize("reason", REASONS)
def test_outcome_for_every_stage_and_reason(
    stage: str, expected: Stage | None, reason: str | None
) -> None:
    # The stage decides: withdrawing for another offer is still a withdrawal from this one.
    assert outcome_for(stage, reason) is expected


def test_outcome_for_an_unknown_stage_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown stage"):
        outcome_for("ghosted", None)


# --- Points to emphasise ----------------------------------------------------------------


def test_what_they_can_speak_to_is_split_on_lines_semicolons_and_bullets() -> None:
    points = suggested_emphasis("", "", "budgets; hiring\n- mentoring • coaching\n* hiring", 10)
    assert points == ("budgets", "hiring", "mentoring", "coaching")


def test_speaks_to_comes_first_then_interview_then_posting_notes() -> None:
    points = suggested_emphasis(
        posting_notes="Needs SQL\n\nRemote friendly",
        interview_notes="They asked about\t  stakeholder   reports\n   \n",
        speaks_to="Team leadership",
        limit=10,
    )
    assert points == (
        "Team leadership",
        "They asked about stakeholder reports",
        "Needs SQL",
        "Remote friendly",
    )


def test_only_what_they_can_speak_to_is_split_on_semicolons() -> None:
    # A semicolon inside a note line is part of the sentence.
    points = suggested_emphasis("Python; SQL", "", "", 10)
    assert points == ("Python; SQL",)


def test_bullet_marks_go_but_a_minus_sign_stays() -> None:
    points = suggested_emphasis("- Cut churn\n  *  Grew sales\n•Led team\n-5% costs", "", "", 10)
    assert points == ("Cut churn", "Grew sales", "Led team", "-5% costs")


def test_repeats_are_dropped_ignoring_case_and_a_final_full_stop() -> None:
    points = suggested_emphasis("Led the migration", "led the MIGRATION.", "Led the migration", 10)
    assert points == ("Led the migration",)


def test_long_points_are_cut_on_a_word_boundary() -> None:
    text = " ".join(["word"] * 60)  # 299 characters
    (point,) = suggested_emphasis(text, "", "", 4)
    assert len(point) <= EMPHASIS_MAX_CHARS
    assert point.endswith("word…")
    assert text.startswith(point[:-1])


def test_a_point_of_exactly_the_limit_is_kept_whole() -> None:
    text = "x" * (EMPHASIS_MAX_CHARS - 5) + " abcd"
    assert suggested_emphasis(text, "", "", 4) == (text,)
    longer = text + "e"
    (point,) = suggested_emphasis(longer, "", "", 4)
    assert point == "x" * (EMPHASIS_MAX_CHARS - 5) + "…"


def test_one_enormous_word_is_cut_hard() -> None:
    (point,) = suggested_emphasis("y" * 500, "", "", 4)
    assert point == "y" * (EMPHASIS_MAX_CHARS - 1) + "…"


def test_the_limit_caps_the_number_of_points() -> None:
    notes = "\n".join(f"point {n}" for n in range(10))
    assert suggested_emphasis(notes, "", "") == ("point 0", "point 1", "point 2", "point 3")
    assert len(suggested_emphasis(notes, "", "", limit=7)) == 7
    assert suggested_emphasis(notes, "", "", limit=0) == ()
    assert suggested_emphasis("", "", "", limit=4) == ()
    with pytest.raises(ValueError, match="negative"):
        suggested_emphasis(notes, "", "", limit=-1)


# --- Every text, every combination --------------------------------------------------------


@pytest.mark.parametrize("purpose", list(MessagePurpose))
def test_every_text_is_clean_for_many_combinations(purpose: MessagePurpose) -> None:
    for facts in VARIANTS:
        message = compose(purpose, facts)
        company = " ".join(facts.company.split())
        assert company in message.subject and company in message.body
        texts = [message.subject, message.body, *talking_points(purpose, facts)]
        for text in texts:
            assert "{" not in text and "}" not in text, text
            assert "  " not in text, text
            assert "\n\n\n" not in text, text
            assert ".." not in text, text
            assert "None" not in text and "[" not in text, text
            assert all(line == line.strip() for line in text.splitlines()), text
        assert "\n" not in message.subject
        assert message.body.startswith(("Hi sam,\n\n", "Hi Dr. Priya Natarajan,\n\n"))
        closing = message.body.rsplit("\n\n", 1)[-1]
        expected_name = "\nAlex Kim" if facts.sender_name else ""
        assert closing in (f"Best wishes,{expected_name}", f"With thanks,{expected_name}")


def test_talking_points_stay_short_enough_to_glance_at() -> None:
    for facts in VARIANTS:
        assert 4 <= len(talking_points(MessagePurpose.HEADS_UP, facts)) <= 7
        for purpose in (MessagePurpose.THANKS, MessagePurpose.OUTCOME, MessagePurpose.CHECK_IN):
            assert 3 <= len(talking_points(purpose, facts)) <= 5, (purpose, facts)


# --- The heads-up -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "greeting"),
    [
        ("Sam Ortiz", "Hi Sam,"),
        ("  sam   ", "Hi sam,"),
        ("Dr. Priya Natarajan", "Hi Dr. Priya Natarajan,"),
        ("Ms Jo Park", "Hi Ms Jo Park,"),
        ("", "Hi,"),
    ],
)
def test_the_greeting_uses_the_first_name_or_the_title_and_name(name: str, greeting: str) -> None:
    for purpose in MessagePurpose:
        body = compose(purpose, with_(person_name=name)).body
        assert body.split("\n")[0] == greeting


def test_the_heads_up_says_what_where_and_when() -> None:
    message = compose(MessagePurpose.HEADS_UP, FULL)
    assert message.subject == "Heads-up: Acme may call you about me (Data Analyst)"
    assert (
        "I had my second interview for the Data Analyst role at Acme on Tuesday 10 November"
        in message.body
    )
    assert "one of my references" in message.body


def test_the_heads_up_reads_well_without_a_role_or_a_round() -> None:
    message = compose(MessagePurpose.HEADS_UP, with_(role_title="", interview_round=None))
    assert message.subject == "Heads-up: Acme may call you about me"
    assert "I interviewed at Acme on Tuesday 10 November" in message.body
    for odd_round in (0, -1, 99):
        body = compose(MessagePurpose.HEADS_UP, with_(interview_round=odd_round)).body
        assert "I interviewed for the Data Analyst role at Acme" in body


def test_without_an_interview_day_the_company_may_get_in_touch() -> None:
    body = compose(MessagePurpose.HEADS_UP, with_(interview_day=None)).body
    assert "the Data Analyst role at Acme, and they may get in touch" in body
    assert "November" not in body
    bare = compose(MessagePurpose.HEADS_UP, BARE).body
    assert "a role at Acme, and they may get in touch" in bare


def test_a_reference_check_is_worded_differently_from_an_interview() -> None:
    after_interview = compose(MessagePurpose.HEADS_UP, FULL)
    checking = compose(MessagePurpose.HEADS_UP, with_(reference_check=True))
    assert checking.subject == "Heads-up: Acme is checking my references (Data Analyst)"
    assert "Acme told me they are now checking references" in checking.body
    assert "call from them soon" in checking.body
    assert "after my second interview on Tuesday 10 November" in checking.body
    assert "checking references" not in after_interview.body
    no_day = compose(MessagePurpose.HEADS_UP, with_(reference_check=True, interview_day=None))
    assert "A quick heads-up: Acme told me they are now checking references" in no_day.body


def test_the_emphasis_is_a_bullet_list_in_order() -> None:
    facts = with_(
        emphasis=("  - Led the data\nmigration ", "", "Mentored two juniors", "Cut costs")
    )
    lines = compose(MessagePurpose.HEADS_UP, facts).body.splitlines()
    start = lines.index("- Led the data migration")
    assert lines[start : start + 3] == [
        "- Led the data migration",
        "- Mentored two juniors",
        "- Cut costs",
    ]
    assert lines[start + 3] == ""  # the list ends its paragraph
    assert lines[start - 1].endswith(":")


def test_without_emphasis_they_are_asked_to_speak_to_what_they_know_best() -> None:
    body = compose(MessagePurpose.HEADS_UP, with_(emphasis=())).body
    assert "whatever you know best" in body
    assert "- budgets\n- hiring" in body
    plain = compose(MessagePurpose.HEADS_UP, with_(emphasis=(), speaks_to="")).body
    assert "whatever you know best" in plain
    assert "\n- " not in plain
    # Given points to emphasise, they come first and what they know best is not asked for.
    assert "whatever you know best" not in compose(MessagePurpose.HEADS_UP, FULL).body


def test_the_resume_is_named_only_when_there_is_one() -> None:
    with_resume = compose(MessagePurpose.HEADS_UP, FULL).body
    assert "I've attached my latest résumé (alex-kim-2026.pdf)" in with_resume
    without = compose(MessagePurpose.HEADS_UP, with_(resume_name="  ")).body
    assert "alex-kim" not in without and "attached" not in without
    assert "send you my latest résumé" in without
    for purpose in (MessagePurpose.THANKS, MessagePurpose.OUTCOME, MessagePurpose.CHECK_IN):
        assert "alex-kim-2026.pdf" not in compose(purpose, FULL).body


def test_the_heads_up_asks_them_to_say_if_they_are_contacted() -> None:
    for facts in VARIANTS:
        body = compose(MessagePurpose.HEADS_UP, facts).body
        company = " ".join(facts.company.split())
        assert f"Could you let me know if anyone from {company} gets in touch?" in body
        assert "Thank you so much for backing me" in body


def test_the_relationship_is_mentioned_only_when_known() -> None:
    body = compose(MessagePurpose.HEADS_UP, FULL).body
    assert "I've described you as my team lead at Globex." in body
    assert "described you" not in compose(MessagePurpose.HEADS_UP, with_(relationship="")).body


def test_the_signature_is_the_closing_and_the_name_or_the_closing_alone() -> None:
    assert compose(MessagePurpose.HEADS_UP, FULL).body.endswith("\n\nBest wishes,\nAlex Kim")
    assert compose(MessagePurpose.HEADS_UP, BARE).body.endswith("\n\nBest wishes,")


def test_a_missing_company_still_reads_well() -> None:
    facts = with_(company="  ")
    assert "anyone from the company gets in touch" in compose(MessagePurpose.HEADS_UP, facts).body
    outcome = compose(MessagePurpose.OUTCOME, facts).body
    assert "\n\nThe company has gone with another candidate" in outcome
    assert talking_points(MessagePurpose.HEADS_UP, facts)[0].startswith("The company may call")


# --- Thank-you, outcome, check-in ---------------------------------------------------------


def test_the_thank_you_names_the_company_and_the_day() -> None:
    message = compose(MessagePurpose.THANKS, FULL)
    assert message.subject == "Thank you for speaking to Acme"
    assert (
        "Thank you for speaking to Acme about me for the Data Analyst role on Monday 16 November."
        in message.body
    )
    assert "I'll let you know how it turns out." in message.body
    assert len(message.body.split()) < 60  # short


def test_the_thank_you_without_a_day_or_role() -> None:
    body = compose(MessagePurpose.THANKS, with_(contacted_on=None, role_title="")).body
    assert "Thank you for speaking to Acme about me." in body
    assert " on " not in body


def test_the_thank_you_depends_on_who_told_you() -> None:
    bodies = {
        by: compose(MessagePurpose.THANKS, with_(contacted_by=by)).body
        for by in (None, *ContactedBy)
    }
    assert "letting me know" in bodies[ContactedBy.REFERENCE]
    assert "They told me you had been in touch" in bodies[ContactedBy.COMPANY]
    assert "letting me know" not in bodies[None] and "told me" not in bodies[None]
    assert len(set(bodies.values())) == 3


@pytest.mark.parametrize("outcome", OUTCOME_STAGES)
def test_every_outcome_has_its_own_fitting_message(outcome: Stage) -> None:
    message = compose(MessagePurpose.OUTCOME, with_(outcome=outcome))
    assert "Acme" in message.subject and "Acme" in message.body
    assert "Thank you for your help along the way" in message.body
    happy = outcome in HAPPY
    assert ("Good news" in message.subject) is happy
    assert ("Good news" in message.body) is happy
    search_goes_on = "my search carries on" in message.body.lower()
    assert search_goes_on is (outcome is not Stage.ACCEPTED)
    if search_goes_on:
        assert "ask for your help again" in message.body
    if outcome is Stage.WITHDRAWN:
        assert "I've decided to withdraw my application for the Data Analyst role at Acme." in (
            message.body
        )
        assert "disappointed" not in message.body


def test_the_outcome_sentences_all_differ_and_read_well_without_a_role() -> None:
    news = set()
    for outcome in OUTCOME_STAGES:
        body = compose(MessagePurpose.OUTCOME, with_(outcome=outcome, role_title="")).body
        assert "Data Analyst" not in body and "for the role" not in body
        news.add(body.split("\n\n")[1])
    assert len(news) == len(OUTCOME_STAGES)


def test_an_outcome_message_needs_the_outcome() -> None:
    with pytest.raises(ValueError, match="outcome"):
        compose(MessagePurpose.OUTCOME, with_(outcome=None))
    with pytest.raises(ValueError, match="outcome"):
        talking_points(MessagePurpose.OUTCOME, with_(outcome=None))


def test_the_check_in_thanks_the_contact_and_offers_the_favour_back() -> None:
    message = compose(MessagePurpose.CHECK_IN, FULL)
    assert message.subject == "My interview at Acme"
    assert (
        "I had my second interview for the Data Analyst role at Acme on Tuesday 10 November."
        in message.body
    )
    assert "Thank you again for putting me forward" in message.body
    assert "anything I can do for you in return" in message.body
    assert "waiting to hear what comes next" in message.body


def test_the_check_in_without_a_day_role_or_round() -> None:
    facts = with_(interview_day=None, role_title="", interview_round=None)
    body = compose(MessagePurpose.CHECK_IN, facts).body
    assert "I've now had my interview at Acme." in body
    checking = compose(MessagePurpose.CHECK_IN, with_(reference_check=True)).body
    assert "checking references now" in checking
    assert "waiting to hear what comes next" not in checking


# --- Talking points ---------------------------------------------------------------------


def test_heads_up_talking_points() -> None:
    points = talking_points(MessagePurpose.HEADS_UP, FULL)
    assert points == (
        "Acme may call them about you for the Data Analyst role",
        "Your second interview was on Tuesday 10 November",
        "Ask them to stress: Led the data migration",
        "Ask them to stress: Mentored two juniors",
        "Tell them you'll e-mail your résumé (alex-kim-2026.pdf)",
        "Ask them to tell you if Acme contacts them",
        "Thank them for backing you",
    )


def test_many_emphasis_points_share_the_last_line() -> None:
    facts = with_(emphasis=("one", "two", "three", "four"))
    points = talking_points(MessagePurpose.HEADS_UP, facts)
    assert len(points) == 7
    assert "Ask them to stress: one" in points
    assert "Ask them to stress: two; three; four" in points
    no_day = talking_points(MessagePurpose.HEADS_UP, with_(facts, interview_day=None))
    assert no_day[1:4] == (
        "Ask them to stress: one",
        "Ask them to stress: two",
        "Ask them to stress: three; four",
    )


def test_bare_heads_up_talking_points() -> None:
    points = talking_points(MessagePurpose.HEADS_UP, BARE)
    assert points == (
        "Acme may call them about you",
        "Ask them to speak to what they know best",
        "Offer to send your latest résumé",
        "Ask them to tell you if Acme contacts them",
        "Thank them for backing you",
    )
    speaks = talking_points(MessagePurpose.HEADS_UP, with_(BARE, speaks_to="budgets\nhiring"))
    assert "Ask them to speak to what they know best: budgets; hiring" in speaks
    checking = talking_points(MessagePurpose.HEADS_UP, with_(BARE, reference_check=True))
    assert checking[0].startswith("Acme is checking references now")


def test_other_talking_points() -> None:
    thanks = talking_points(MessagePurpose.THANKS, FULL)
    assert thanks[0] == "Thank them for speaking to Acme on Monday 16 November"
    assert "Thank them for letting you know about the call" in thanks
    assert len(talking_points(MessagePurpose.THANKS, with_(contacted_by=None))) == 3
    accepted = talking_points(MessagePurpose.OUTCOME, with_(outcome=Stage.ACCEPTED))
    assert accepted[0] == "Tell them how it went: you accepted the offer from Acme"
    assert not any("search" in line for line in accepted)
    rejected = talking_points(MessagePurpose.OUTCOME, FULL)
    assert "Say your search goes on and you may ask again" in rejected
    check_in = talking_points(MessagePurpose.CHECK_IN, FULL)
    assert check_in[0] == (
        "Tell them you had your second interview for the Data Analyst role at Acme"
        " on Tuesday 10 November"
    )
    assert "Offer to return the favour" in check_in


# --- Leaning on one reference too often ---------------------------------------------------

TODAY = date(2026, 11, 20)


def days_ago(*counts: int) -> list[date]:
    return [TODAY - timedelta(days=n) for n in counts]


def test_reaching_the_threshold_warns() -> None:
    warning = overuse_warning(days_ago(0, 5, 12, 29), TODAY, window_days=30, threshold=4)
    assert warning is not None
    assert warning.startswith("Given to 4 employers in the last 30 days")
    assert "still happy to take calls" in warning


def test_one_below_the_threshold_is_quiet() -> None:
    assert overuse_warning(days_ago(0, 5, 12), TODAY, window_days=30, threshold=4) is None


def test_a_day_exactly_the_window_ago_is_outside_it() -> None:
    assert overuse_warning(days_ago(0, 5, 12, 30), TODAY, 30, 4) is None
    assert overuse_warning(days_ago(0, 5, 12, 29), TODAY, 30, 4) is not None


def test_future_days_are_not_counted() -> None:
    future = [TODAY + timedelta(days=1)]
    assert overuse_warning(days_ago(0, 5, 12) + future, TODAY, 30, 4) is None


def test_two_applications_on_one_day_count_twice_and_the_text_agrees_in_number() -> None:
    assert overuse_warning(days_ago(0, 0), TODAY, 30, 2) == (
        "Given to 2 employers in the last 30 days: check they're still happy to take calls,"
        " or share the load with another reference."
    )
    single = overuse_warning(days_ago(0), TODAY, 1, 1)
    assert single is not None and single.startswith("Given to 1 employer in the last day:")
    assert overuse_warning([], TODAY, 30, 1) is None


@pytest.mark.parametrize(("window", "threshold"), [(0, 3), (-1, 3), (30, 0), (30, -2)])
def test_a_window_or_threshold_below_one_is_refused(window: int, threshold: int) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        overuse_warning(days_ago(0), TODAY, window, threshold)


# --- When each reminder is due ------------------------------------------------------------

Due = Callable[[datetime, Callable[[datetime], datetime]], datetime]
DUE_FUNCTIONS: list[tuple[Due, timedelta]] = [
    (heads_up_due, HEADS_UP_AFTER),
    (check_in_due, CHECK_IN_AFTER),
    (thanks_due, THANKS_AFTER),
    (outcome_due, OUTCOME_AFTER),
]


def _identity(instant: datetime) -> datetime:
    return instant


def _next_nine(instant: datetime) -> datetime:
    """A stand-in for next_contact_time: 09:00 to 17:00 in Chicago, every day."""
    local = instant.astimezone(CHICAGO)
    if time(9) <= local.time() < time(17):
        return instant
    day = local.date() if local.time() < time(9) else local.date() + timedelta(days=1)
    return datetime.combine(day, time(9), CHICAGO)


def test_the_delays() -> None:
    assert timedelta(hours=2) == HEADS_UP_AFTER
    assert timedelta(days=1) == CHECK_IN_AFTER
    assert timedelta(hours=2) == THANKS_AFTER
    assert timedelta(days=1) == OUTCOME_AFTER


@pytest.mark.parametrize(("due", "delay"), DUE_FUNCTIONS)
def test_due_is_the_base_plus_the_delay_inside_contact_hours(due: Due, delay: timedelta) -> None:
    base = datetime(2026, 11, 10, 11, 0, tzinfo=CHICAGO)
    assert due(base, _identity) == base + delay
    assert due(base, _next_nine) == base + delay  # already inside contact hours
    # 20:00 plus two hours or a day falls in the evening: moved to the next 09:00.
    evening = datetime(2026, 11, 10, 20, 0, tzinfo=CHICAGO)
    next_day = 11 if delay < timedelta(days=1) else 12
    assert due(evening, _next_nine) == datetime(2026, 11, next_day, 9, 0, tzinfo=CHICAGO)


@pytest.mark.parametrize(("due", "delay"), DUE_FUNCTIONS)
def test_earliest_contact_gets_an_aware_instant(due: Due, delay: timedelta) -> None:
    seen: list[datetime] = []

    def record(instant: datetime) -> datetime:
        seen.append(instant)
        return instant

    base = datetime(2026, 11, 10, 17, 0, tzinfo=UTC)
    due(base, record)
    assert seen == [base + delay]
    assert seen[0].utcoffset() == timedelta(0)


def test_a_day_is_24_hours_across_a_clock_change() -> None:
    # Chicago falls back on 1 November 2026: 24 hours after noon is 11:00 the next day.
    ended = datetime(2026, 10, 31, 12, 0, tzinfo=CHICAGO)
    due = check_in_due(ended, _identity)
    assert due == datetime(2026, 11, 1, 11, 0, tzinfo=CHICAGO)
    assert due.astimezone(CHICAGO).utcoffset() == timedelta(hours=-6)  # now standard time


@pytest.mark.parametrize(("due", "delay"), DUE_FUNCTIONS)
def test_naive_datetimes_are_refused(due: Due, delay: timedelta) -> None:
    with pytest.raises(ValueError, match="timezone"):
        due(datetime(2026, 11, 10, 11, 0), _identity)  # noqa: DTZ001


# --- mailto: ----------------------------------------------------------------------------


def split(url: str) -> tuple[str, dict[str, list[str]]]:
    scheme, _, rest = url.partition(":")
    assert scheme == "mailto"
    address, _, query = rest.partition("?")
    return unquote(address), parse_qs(query, keep_blank_values=True, strict_parsing=True)


def test_the_mailto_link_encodes_every_field() -> None:
    message = Message("Heads-up: Acme & co?", "Hi Sam,\n\nRésumé attached & more? Yes.")
    url = mailto_for("sam@example.com", message)
    assert url.startswith("mailto:sam@example.com?subject=Heads-up%3A%20Acme%20%26%20co%3F&")
    assert "body=Hi%20Sam%2C%0D%0A%0D%0AR%C3%A9sum%C3%A9%20attached%20%26%20more%3F" in url
    assert " " not in url and "\n" not in url
    address, fields = split(url)
    assert address == "sam@example.com"
    assert fields == {
        "subject": ["Heads-up: Acme & co?"],
        "body": ["Hi Sam,\r\n\r\nRésumé attached & more? Yes."],
    }


def test_a_composed_message_round_trips() -> None:
    message = compose(MessagePurpose.HEADS_UP, FULL)
    _, fields = split(mailto_for("sam@example.com", message))
    assert fields["subject"] == [message.subject]
    assert fields["body"] == [message.body.replace("\n", "\r\n")]


@pytest.mark.parametrize(
    "address",
    [
        "x@y.com?cc=evil@z.com",
        "x@y.com\r\nBcc: evil@z.com",
        "x@y.com&bcc=evil@z.com",
        "x@y.com, evil@z.com",
        "not an address",
    ],
)
def test_an_address_that_could_add_a_recipient_is_refused(address: str) -> None:
    with pytest.raises(MailtoError):
        mailto_for(address, Message("Hi", "Body"))


@pytest.mark.parametrize("address", ["", "   ", "\t\n"])
def test_a_blank_address_asks_for_one(address: str) -> None:
    with pytest.raises(MailtoError) as raised:
        mailto_for(address, Message("Hi", "Body"))
    assert str(raised.value) == NO_ADDRESS_MESSAGE
    assert NO_ADDRESS_MESSAGE == "Add their e-mail address first, or copy the message instead."


# --- Pure, and written fresh --------------------------------------------------------------


def test_the_module_stays_pure() -> None:
    source = Path(references.__file__).read_text(encoding="utf-8")
    for forbidden in ("PySide6", "peewee", "followthrough.store", ".now(", "today()"):
        assert forbidden not in source


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles are not here")
def test_the_wording_is_not_copied_from_the_seeds() -> None:
    seeds = " ".join(
        " ".join(path.read_text(encoding="utf-8").split()) for path in SEEDS.glob("*.txt")
    ).lower()
    texts: list[str] = []
    for purpose in MessagePurpose:
        for facts in (FULL, BARE, with_(reference_check=True)):
            for outcome in OUTCOME_STAGES:
                message = compose(purpose, with_(facts, outcome=outcome))
                points = talking_points(purpose, with_(facts, outcome=outcome))
                texts += [message.subject, message.body, *points]
    for text in set(texts):
        words = text.lower().replace("—", " ").split()
        # No run of seven words appears in any seed article.
        for start in range(len(words) - 6):
            run = " ".join(words[start : start + 7])
            assert run not in seeds, f"copied: {run!r}"


def test_a_reminder_names_its_round() -> None:
    assert reminder_round('{"company":"Harbor Learning","person":"Jordan","round":1}') == 1
    assert reminder_round('{"company":"Acme"}') is None
    assert reminder_round('{"round":true}') is None
    assert reminder_round("") is None
    assert reminder_round("not json") is None
