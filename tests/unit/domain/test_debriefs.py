"""The debrief's rules (docs/advice.md, Keeping momentum): debrief right away
[000, 001, 002, 003]; keep answers consistent across rounds [002]."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from followthrough.domain.debriefs.bank import (
    AskedAt,
    bank_themes,
    build_bank,
    matches,
    question_key,
)
from followthrough.domain.debriefs.consistency import (
    EarlierStatement,
    disagreements,
    notice_days,
    salary_range,
)
from followthrough.domain.debriefs.record import (
    AskedQuestion,
    DebriefDraft,
    HowItWent,
    Skill,
    ToldStatement,
    ToldTopic,
    checked,
    meant_to_say_lines,
    parse_themes,
    practise_by_problem,
)
from followthrough.domain.debriefs.timing import debrief_due_at, debrief_lapses_at
from followthrough.domain.errors import UserError
from followthrough.domain.two_clocks import UserHours

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
HOURS = UserHours(time(8), time(21))


# -- when: the same day, inside the user's hours [000, 001, 002, 003] ------------------------


@pytest.mark.parametrize(
    ("ends", "expected"),
    [
        (time(10, 0), datetime(2026, 12, 2, 10, 45, tzinfo=BERLIN)),  # soon after
        (time(20, 30), datetime(2026, 12, 2, 20, 45, tzinfo=BERLIN)),  # before the day closes
        (time(20, 50), datetime(2026, 12, 2, 20, 50, tzinfo=BERLIN)),  # as it ends
        (time(22, 0), datetime(2026, 12, 3, 8, 0, tzinfo=BERLIN)),  # next morning
        (time(6, 0), datetime(2026, 12, 2, 8, 0, tzinfo=BERLIN)),  # an early call
    ],
)
def test_the_debrief_reminder_comes_the_same_day_inside_the_users_hours(
    ends: time, expected: datetime
) -> None:
    ended = datetime.combine(date(2026, 12, 2), ends, BERLIN)
    due = debrief_due_at(ended, BERLIN, HOURS)
    assert due == expected
    assert due.tzinfo is UTC


def test_the_users_clock_decides_not_the_interviewers() -> None:
    # An interview at 10:00 in New York ends at 16:00 in Berlin, the user's clock.
    ended = datetime(2026, 12, 2, 10, 0, tzinfo=NEW_YORK)
    assert debrief_due_at(ended, BERLIN, HOURS) == datetime(2026, 12, 2, 16, 45, tzinfo=BERLIN)
    assert debrief_lapses_at(ended) == datetime(2026, 12, 9, 15, 0, tzinfo=UTC)


def test_a_debrief_across_the_dst_change_keeps_the_local_hour() -> None:
    # Berlin leaves summer time on 25 Oct 2026: an interview ending at 21:30 on the 24th
    # is debriefed at 08:00 local on the 25th (07:00 UTC, not 06:00).
    ended = datetime(2026, 10, 24, 21, 30, tzinfo=BERLIN)
    assert debrief_due_at(ended, BERLIN, HOURS) == datetime(2026, 10, 25, 7, 0, tzinfo=UTC)


# -- consistent across rounds [002] ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("85k", (85_000, 85_000)),
        ("80,000-90,000 €", (80_000, 90_000)),
        ("between 80 and 90k", (80_000, 90_000)),
        ("€85 000 a year", (85_000, 85_000)),
        ("85.5k", (85_500, 85_500)),
        ("open, depends on the package", None),
    ],
)
def test_salary_figures_are_read_as_said(text: str, expected: tuple[float, float] | None) -> None:
    assert salary_range(text) == expected


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("four weeks' notice", 28),
        ("1 month", 30),
        ("available immediately", 0),
        ("two months", 60),
        ("whenever suits", None),
    ],
)
def test_notice_periods_are_read_as_days(text: str, days: int | None) -> None:
    assert notice_days(text) == days


EARLIER = [
    EarlierStatement(ToldStatement(ToldTopic.SALARY, "80-85k", "Dana Lee"), date(2026, 11, 20), 1),
    EarlierStatement(
        ToldStatement(ToldTopic.AVAILABILITY, "4 weeks notice"), date(2026, 11, 20), 1
    ),
    EarlierStatement(
        ToldStatement(ToldTopic.REASONS_FOR_LEAVING, "The team was restructured"),
        date(2026, 11, 20),
        1,
    ),
]


def test_a_new_salary_figure_outside_the_earlier_one_is_a_contradiction() -> None:
    (found,) = disagreements(ToldStatement(ToldTopic.SALARY, "95,000"), EARLIER)
    assert found.earlier is EARLIER[0]
    assert "round 1" in found.reason and "80-85k" in found.reason
    # Rounding is not a contradiction.
    assert disagreements(ToldStatement(ToldTopic.SALARY, "about 86k"), EARLIER) == []
    assert disagreements(ToldStatement(ToldTopic.SALARY, "82,000"), EARLIER) == []


def test_a_notice_period_said_another_way_agrees_and_a_longer_one_does_not() -> None:
    assert disagreements(ToldStatement(ToldTopic.AVAILABILITY, "one month"), EARLIER) == []
    (found,) = disagreements(ToldStatement(ToldTopic.AVAILABILITY, "three months"), EARLIER)
    assert "notice" in found.reason


def test_free_text_topics_are_shown_not_judged() -> None:
    new = ToldStatement(ToldTopic.REASONS_FOR_LEAVING, "I wanted a bigger role")
    assert disagreements(new, EARLIER) == []


# -- the form ---------------------------------------------------------------------------------


def test_a_saved_debrief_is_trimmed_and_empty_rows_are_left_out() -> None:
    draft = DebriefDraft(
        questions=(AskedQuestion("  Why us? ", " Mission "), AskedQuestion("", "")),
        went_well=" rapport ",
        skills=(Skill("  SQL   window functions "), Skill("  ")),
        told=(ToldStatement(ToldTopic.SALARY, "  "), ToldStatement(ToldTopic.OTHER, " x ")),
        rating=4,
    )
    clean = checked(draft)
    assert clean.questions == (AskedQuestion("Why us?", "Mission"),)
    assert clean.went_well == "rapport"
    assert clean.skills == (Skill("SQL window functions"),)
    assert clean.told == (ToldStatement(ToldTopic.OTHER, "x"),)


@pytest.mark.parametrize(
    "draft",
    [
        DebriefDraft(rating=6),
        DebriefDraft(questions=(AskedQuestion("", "an answer without its question"),)),
        DebriefDraft(went_well="x" * 20_001),
    ],
)
def test_what_cannot_be_saved_is_said_in_words(draft: DebriefDraft) -> None:
    with pytest.raises(UserError) as caught:
        checked(draft)
    assert str(caught.value)[0].isupper()


def test_themes_and_meant_to_say_lines() -> None:
    assert parse_themes("behavioural, Teamwork;  teamwork, ") == ("behavioural", "Teamwork")
    draft = DebriefDraft(meant_to_say="- the migration I led\n\n• my Go experience\n")
    assert meant_to_say_lines(draft) == ["the migration I led", "my Go experience"]


# -- the question bank -------------------------------------------------------------------------


def _asked(qid: int, question: str, company: str, day: date, **extra: object) -> AskedAt:
    values: dict[str, object] = {
        "answer": f"answer {qid}",
        "how_it_went": None,
        "themes": (),
        "best": False,
        "practise": False,
    }
    values.update(extra)
    return AskedAt(
        question_id=qid,
        question=question,
        company=company,
        application_id=qid,
        interview_id=qid,
        day=day,
        **values,  # type: ignore[arg-type]
    )


def test_questions_asked_at_several_companies_rise_to_the_top() -> None:
    rows = [
        _asked(1, "Tell me about yourself.", "Acme", date(2026, 11, 2)),
        _asked(2, "Why this role?", "Acme", date(2026, 11, 2)),
        _asked(3, "tell me about YOURSELF", "Initech", date(2026, 11, 9)),
        _asked(4, "Why this role?", "Acme", date(2026, 11, 16)),
    ]
    bank = build_bank(rows)
    assert [q.text for q in bank] == ["tell me about YOURSELF", "Why this role?"]
    assert (bank[0].companies, bank[0].times) == (2, 2)
    assert (bank[1].companies, bank[1].times) == (1, 2)
    assert question_key("Tell me about yourself.") == question_key("tell me about YOURSELF")


def test_the_best_answer_is_the_marked_one_else_the_latest_that_went_well() -> None:
    rows = [
        _asked(1, "Why us?", "Acme", date(2026, 11, 2), how_it_went=HowItWent.WELL),
        _asked(2, "Why us?", "Initech", date(2026, 11, 9), how_it_went=HowItWent.POORLY),
    ]
    (question,) = build_bank(rows)
    assert question.best_answer is not None and question.best_answer.question_id == 1
    rows.append(_asked(3, "Why us?", "Globex", date(2026, 11, 1), best=True))
    (question,) = build_bank(rows)
    assert question.best_answer is not None and question.best_answer.question_id == 3


def test_the_bank_is_searched_by_words_and_theme() -> None:
    rows = [
        _asked(1, "A conflict you solved?", "Acme", date(2026, 11, 2), themes=("Behavioural",)),
        _asked(2, "Design a URL shortener", "Initech", date(2026, 11, 9), themes=("design",)),
    ]
    bank = build_bank(rows)
    assert [q.text for q in bank if matches(q, "conflict")] == ["A conflict you solved?"]
    assert [q.text for q in bank if matches(q, "", "behavioural")] == ["A conflict you solved?"]
    assert [q.text for q in bank if matches(q, "answer 2")] == ["Design a URL shortener"]


def test_a_theme_is_one_theme_however_it_was_typed() -> None:
    # "Behavioural" and "behavioural" (and stray spaces) were two themes in the bank.
    rows = [
        _asked(1, "A conflict you solved?", "Acme", date(2026, 11, 2), themes=("behavioural",)),
        _asked(2, "A failure?", "Initech", date(2026, 11, 9), themes=("Behavioural", "SQL")),
        _asked(3, "Your weakness?", "Globex", date(2026, 11, 16), themes=("Behavioural",)),
        _asked(4, "A join?", "Globex", date(2026, 11, 16), themes=("sql",)),
    ]
    bank = build_bank(rows)
    # The spelling written most often; between equals, the first written.
    assert bank_themes(bank) == ["Behavioural", "SQL"]
    assert {q.text: q.themes for q in bank} == {
        "A conflict you solved?": ("Behavioural",),
        "A failure?": ("Behavioural", "SQL"),
        "Your weakness?": ("Behavioural",),
        "A join?": ("SQL",),
    }
    for typed in ("behavioural", " BEHAVIOURAL  ", "Behavioural"):
        assert len([q for q in bank if matches(q, "", typed)]) == 3
    assert len([q for q in bank if matches(q, "BEHAVIOURAL")]) == 3
    assert parse_themes(" Team  work, team work ;TEAM WORK") == ("Team work",)


def test_a_practise_by_day_before_today_is_refused_unless_saved_so_or_done() -> None:
    """A day already behind would be overdue at once and lead Today ahead of the
    thank-you note that really is due (the walkthrough: Tue 1 Dec, interview Wed 2 Dec)."""
    today = date(2026, 12, 2)
    past = Skill("SQL window functions", date(2026, 12, 1))
    assert practise_by_problem(past, today) == (
        "Tue 1 Dec has passed: practise by today, Wed 2 Dec, or a later day."
    )
    assert practise_by_problem(Skill("SQL", today), today) is None
    assert practise_by_problem(Skill("SQL", date(2026, 12, 9)), today) is None
    assert practise_by_problem(Skill("SQL"), today) is None  # no day: no reminder
    # Saved with that day before (an old debrief opened again), or done: left alone.
    assert practise_by_problem(past, today, saved=date(2026, 12, 1)) is None
    assert practise_by_problem(Skill("SQL", date(2026, 12, 1), done=True), today) is None
    assert practise_by_problem(past, today, saved=date(2026, 11, 30)) is not None
