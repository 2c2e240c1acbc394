"""An interview as entered: its checks, the decision date it implies, its instants across
daylight-saving changes, and the end-of-interview checklist."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest

from followthrough.domain.contacts import ContactMethod
from followthrough.domain.interviews import (
    InterviewDraft,
    InterviewFormat,
    PersonDraft,
    Problems,
    end_of_interview_checklist,
    interview_problems,
    zone_problem,
)
from followthrough.domain.timeframes import WindowUnit

FRIDAY = date(2026, 11, 20)
DANA = PersonDraft(
    name="Dana Lee",
    title="Head of Data",
    email="dana@acme.example.com",
    phone="+1 312 555 0100",
    linkedin_url="https://www.linkedin.com/in/danalee",
    preferred_method="email",
)
SAM = PersonDraft(name="Sam Roe", email="sam@acme.example.com", preferred_method="phone")


def draft(**changes: Any) -> InterviewDraft:
    """A draft with nothing wrong in it, changed as the test needs."""
    base = InterviewDraft(
        application_id=1,
        day=FRIDAY,
        start=time(10, 0),
        end=time(11, 0),
        time_zone="America/Chicago",
        round=1,
        format="video",
        location="https://meet.example.com/abc-defg",
        people=(DANA, SAM),
    )
    return replace(base, **changes)


def test_the_base_draft_has_no_problems() -> None:
    problems = interview_problems(draft())
    assert not problems
    assert problems.messages == {}


# --- interview_problems: each rule, broken and kept -------------------------------------


@pytest.mark.parametrize(
    ("changes", "key", "fragment"),
    [
        ({"time_zone": "Mars/Olympus_Mons"}, "time_zone", "not a time zone"),
        ({"time_zone": ""}, "time_zone", "not a time zone"),
        ({"time_zone": "europe/berlin"}, "time_zone", "not a time zone"),
        ({"time_zone": "Europe/Berlin "}, "time_zone", "not a time zone"),
        ({"time_zone": "America"}, "time_zone", "not a time zone"),  # a folder, not a zone
        ({"time_zone": "../etc/passwd"}, "time_zone", "not a time zone"),
        ({"end": time(10, 0)}, "end", "end after it starts"),  # zero length
        ({"end": time(9, 0)}, "end", "end after it starts"),
        ({"round": 0}, "round", "from 1"),
        ({"round": -2}, "round", "from 1"),
        ({"format": "zoom"}, "format", "phone, video or on-site"),
        ({"format": "Video"}, "format", "phone, video or on-site"),
        ({"decision_within_count": 0, "decision_within_unit": WindowUnit.WEEKS}, "decision",
         "above zero"),
        ({"decision_within_count": -1}, "decision", "above zero"),
        ({"decision_on": FRIDAY - timedelta(days=1)}, "decision", "before the interview"),
        ({"location": "ftp://meet.example.com/x"}, "location", "http"),
        ({"location": "https://meet"}, "location", "complete"),
        ({"people": (replace(DANA, name="  "),)}, "people.0.name", "needs a name"),
        ({"people": (SAM, replace(DANA, email="dana.acme.com"))}, "people.1.email",
         "Dana Lee: This does not look like an e-mail"),
        ({"people": (replace(DANA, linkedin_url="linkedin.com/in/dana"),)},
         "people.0.linkedin_url", "Dana Lee: Web addresses start with http"),
        ({"people": (DANA, replace(SAM, name=" dana lee "))}, "people.1.name", "listed twice"),
        ({"people": (replace(DANA, contact_id=7), replace(SAM, contact_id=7))},
         "people.1.name", "listed twice"),
        ({"people": (replace(DANA, preferred_method="fax"),)}, "people.0.preferred_method",
         "Dana Lee"),
        ({"check_back_method": "carrier pigeon"}, "check_back_method", "phone, e-mail"),
    ],
)  # fmt: skip
def test_each_broken_rule_is_reported_on_its_field(
    changes: dict[str, Any], key: str, fragment: str
) -> None:
    problems = interview_problems(draft(**changes))
    assert list(problems.messages) == [key]
    assert fragment in problems.messages[key]


@pytest.mark.parametrize(
    "changes",
    [
        {"time_zone": "Europe/Berlin"},
        {"time_zone": "UTC"},
        {"time_zone": "Asia/Kolkata"},
        {"end": time(10, 1)},  # one minute is enough
        {"start": time(0, 0), "end": time(23, 59)},
        {"round": 1},
        {"round": 5},
        *({"format": f, "location": "Room 4"} for f in InterviewFormat),
        {"decision_within_count": 1, "decision_within_unit": WindowUnit.DAYS},
        {"decision_within_count": None, "decision_within_unit": None},
        {"decision_on": FRIDAY},  # a decision on the day itself
        {"decision_on": FRIDAY + timedelta(days=30)},
        # A video "location" that is not a link (a dial-in, a room) is not checked as one.
        {"location": "Teams, dial-in 555 0100"},
        {"location": ""},
        # Links are only checked for video calls: an on-site address with :// stays free text.
        {"format": "onsite", "location": "weird://but-on-site"},
        {"people": ()},
        {"people": (replace(DANA, email="", linkedin_url=""),)},
        # The same name under two different existing contacts is two people.
        {"people": (replace(DANA, contact_id=7), replace(DANA, contact_id=8))},
        *({"people": (replace(DANA, preferred_method=m),)} for m in (*ContactMethod, None)),
        *({"check_back_method": m} for m in (*ContactMethod, None)),
    ],
)
def test_drafts_that_keep_the_rules_pass(changes: dict[str, Any]) -> None:
    assert interview_problems(draft(**changes)).messages == {}


def test_several_problems_are_reported_together() -> None:
    problems = interview_problems(draft(time_zone="Nowhere", round=0, format="fax", end=time(9, 0)))
    assert set(problems.messages) == {"time_zone", "round", "format", "end"}
    assert problems  # truthy when anything is wrong


def test_the_first_message_for_a_field_wins() -> None:
    # Both decision rules are broken; the user sees the first, not a mix.
    problems = interview_problems(
        draft(decision_within_count=0, decision_on=FRIDAY - timedelta(days=2))
    )
    assert problems.messages == {"decision": "A timeframe needs a number above zero."}
    # A nameless second person is reported as nameless, not as a duplicate of the first.
    nameless = interview_problems(draft(people=(replace(DANA, name=""), replace(SAM, name=" "))))
    assert nameless.messages == {
        "people.0.name": "Every interviewer needs a name.",
        "people.1.name": "Every interviewer needs a name.",
    }


def test_problems_collect_messages_keyed_by_field() -> None:
    problems = Problems()
    assert not problems
    problems.add("end", "first")
    problems.add("end", "second")
    assert problems.messages == {"end": "first"}
    assert problems


def test_an_interview_ending_before_it_starts_in_real_time_is_refused() -> None:
    # 02:30 does not exist in Berlin on 2026-03-29 (clocks jump from 02:00 to 03:00): the
    # 02:30-03:00 slot would end (01:00 UTC) before it starts (01:30 UTC).
    gap = draft(time_zone="Europe/Berlin", day=date(2026, 3, 29), start=time(2, 30), end=time(3))
    assert interview_problems(gap).messages == {"end": "The interview has to end after it starts."}
    # Without the gap the same slot is fine, and a slot just across the gap is too.
    assert not interview_problems(replace(gap, day=date(2026, 3, 28)))
    assert not interview_problems(replace(gap, start=time(1, 30)))


@pytest.mark.parametrize(
    ("name", "known"),
    [("Europe/Paris", True), ("UTC", True), ("Etc/GMT+5", True), ("Paris", False), ("", False)],
)
def test_zone_problem(name: str, known: bool) -> None:
    assert (zone_problem(name) is None) is known


# --- the decision date ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, None),  # nobody said
        ({"decision_on": date(2026, 12, 1)}, date(2026, 12, 1)),
        (
            {"decision_within_count": 2, "decision_within_unit": WindowUnit.WEEKS},
            date(2026, 12, 4),
        ),
        ({"decision_within_count": 3, "decision_within_unit": WindowUnit.DAYS}, date(2026, 11, 23)),
        (
            {"decision_within_count": 3, "decision_within_unit": WindowUnit.WORKING_DAYS},
            date(2026, 11, 25),
        ),
        # A window as it was said wins over a stale named date.
        (
            {
                "decision_on": date(2026, 12, 24),
                "decision_within_count": 1,
                "decision_within_unit": WindowUnit.WEEKS,
            },
            date(2026, 11, 27),
        ),
        # A number without a unit is no window: the named date stands.
        ({"decision_on": date(2026, 12, 1), "decision_within_count": 2}, date(2026, 12, 1)),
        ({"decision_within_unit": WindowUnit.WEEKS}, None),
    ],
)
def test_decision_date(changes: dict[str, Any], expected: date | None) -> None:
    assert draft(**changes).decision_date() == expected


def test_the_window_counts_from_the_interview_day_not_from_today() -> None:
    earlier = draft(
        day=date(2026, 11, 2), decision_within_count=2, decision_within_unit=WindowUnit.WEEKS
    )
    assert earlier.decision_date() == date(2026, 11, 16)


# --- instants across daylight-saving changes ---------------------------------------------


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


@pytest.mark.parametrize(
    ("zone", "day", "start", "end", "starts_utc", "ends_utc"),
    [
        # Berlin: CET (+1) until 2026-03-29 01:00 UTC, CEST (+2) after.
        ("Europe/Berlin", date(2026, 3, 28), time(10), time(11), utc(2026, 3, 28, 9),
         utc(2026, 3, 28, 10)),
        ("Europe/Berlin", date(2026, 3, 29), time(10), time(11), utc(2026, 3, 29, 8),
         utc(2026, 3, 29, 9)),
        # 01:30 to 03:30 local on the change night is one hour long.
        ("Europe/Berlin", date(2026, 3, 29), time(1, 30), time(3, 30), utc(2026, 3, 29, 0, 30),
         utc(2026, 3, 29, 1, 30)),
        # Chicago: CDT (-5) until 2026-11-01 07:00 UTC, CST (-6) after.
        ("America/Chicago", date(2026, 10, 31), time(10), time(11), utc(2026, 10, 31, 15),
         utc(2026, 10, 31, 16)),
        ("America/Chicago", date(2026, 11, 1), time(10), time(11), utc(2026, 11, 1, 16),
         utc(2026, 11, 1, 17)),
        # 00:30 to 02:30 local on the change night is three hours long.
        ("America/Chicago", date(2026, 11, 1), time(0, 30), time(2, 30), utc(2026, 11, 1, 5, 30),
         utc(2026, 11, 1, 8, 30)),
        # 01:30 happens twice; the form means the first one (daylight time).
        ("America/Chicago", date(2026, 11, 1), time(1, 30), time(1, 45), utc(2026, 11, 1, 6, 30),
         utc(2026, 11, 1, 6, 45)),
        # The fixture's Friday, and an evening that is already tomorrow in UTC.
        ("America/Chicago", FRIDAY, time(9), time(10), utc(2026, 11, 20, 15),
         utc(2026, 11, 20, 16)),
        ("America/Chicago", FRIDAY, time(23, 30), time(23, 59), utc(2026, 11, 21, 5, 30),
         utc(2026, 11, 21, 5, 59)),
    ],
)  # fmt: skip
def test_local_times_become_the_right_instants(
    zone: str,
    day: date,
    start: time,
    end: time,
    starts_utc: datetime,
    ends_utc: datetime,
) -> None:
    entered = draft(time_zone=zone, day=day, start=start, end=end)
    # Compared in UTC: Python never calls an ambiguous local time equal to another zone's.
    assert entered.starts_at().astimezone(UTC) == starts_utc
    assert entered.ends_at().astimezone(UTC) == ends_utc
    assert not interview_problems(entered)
    # Still shown in the zone they were typed in.
    assert entered.starts_at().astimezone(entered.zone()).time() == start
    assert str(entered.starts_at().tzinfo) == zone


# --- the end-of-interview checklist ------------------------------------------------------

QUESTIONS = [
    "Asked about the next step?",
    "Asked when they will decide?",
    "Asked whether unsuccessful candidates hear back?",
    "Names and contact details of everyone you met?",
    "How each of them prefers to be contacted?",
    "When it is all right to check back?",
]


def answers(entered: InterviewDraft) -> dict[str, tuple[bool, str]]:
    items = end_of_interview_checklist(entered)
    assert [i.question for i in items] == QUESTIONS
    return {i.question: (i.answered, i.detail) for i in items}


def test_a_fully_answered_checklist() -> None:
    done = answers(
        draft(
            next_step="  Meet the team  ",
            decision_within_count=2,
            decision_within_unit=WindowUnit.WEEKS,
            tells_unsuccessful=True,
            check_back_when="after two weeks",
            check_back_method="phone",
        )
    )
    assert done == {
        QUESTIONS[0]: (True, "Meet the team"),
        QUESTIONS[1]: (True, "by Fri 4 Dec"),
        QUESTIONS[2]: (True, ""),
        QUESTIONS[3]: (True, ""),
        QUESTIONS[4]: (True, ""),
        QUESTIONS[5]: (True, "after two weeks, by phone"),
    }


def test_an_empty_checklist() -> None:
    empty = answers(draft(people=(), next_step="   ", check_back_when="  "))
    assert empty == {
        QUESTIONS[0]: (False, ""),
        QUESTIONS[1]: (False, ""),
        QUESTIONS[2]: (False, ""),
        QUESTIONS[3]: (False, "no interviewers yet"),
        QUESTIONS[4]: (False, ""),
        QUESTIONS[5]: (False, ""),
    }


@pytest.mark.parametrize(
    ("changes", "question", "expected"),
    [
        ({"next_step": "Case study"}, QUESTIONS[0], (True, "Case study")),
        ({"next_step": ""}, QUESTIONS[0], (False, "")),
        ({"decision_on": date(2026, 12, 1)}, QUESTIONS[1], (True, "by Tue 1 Dec")),
        ({"decision_on": None}, QUESTIONS[1], (False, "")),
        ({"tells_unsuccessful": True}, QUESTIONS[2], (True, "")),
        # "No, they don't tell you" is an answer too.
        ({"tells_unsuccessful": False}, QUESTIONS[2], (True, "")),
        ({"tells_unsuccessful": None}, QUESTIONS[2], (False, "")),
        # An e-mail or a phone number is enough contact detail.
        ({"people": (replace(DANA, phone=""),)}, QUESTIONS[3], (True, "")),
        ({"people": (replace(DANA, email=""),)}, QUESTIONS[3], (True, "")),
        (
            {"people": (replace(DANA, email=" ", phone=""), replace(SAM, email=""), SAM)},
            QUESTIONS[3],
            (False, "Dana Lee, Sam Roe"),
        ),
        ({"people": ()}, QUESTIONS[3], (False, "no interviewers yet")),
        ({"people": (DANA, SAM)}, QUESTIONS[4], (True, "")),
        (
            {"people": (DANA, replace(SAM, preferred_method=None))},
            QUESTIONS[4],
            (False, "Sam Roe"),
        ),
        ({"people": ()}, QUESTIONS[4], (False, "")),
        ({"check_back_when": "in a fortnight"}, QUESTIONS[5], (True, "in a fortnight")),
        ({"check_back_method": "email"}, QUESTIONS[5], (True, "by e-mail")),
        # The rhythm or the day they named, as the plan will follow it [003].
        ({"check_back_every_days": 14}, QUESTIONS[5], (True, "every 2 weeks")),
        ({"check_back_every_days": 10}, QUESTIONS[5], (True, "every 10 days")),
        ({"check_back_on": date(2026, 12, 14)}, QUESTIONS[5], (True, "on Mon 14 Dec")),
        ({"check_back_when": " ", "check_back_method": None}, QUESTIONS[5], (False, "")),
    ],
)
def test_each_checklist_question(
    changes: dict[str, Any], question: str, expected: tuple[bool, str]
) -> None:
    assert answers(draft(**changes))[question] == expected


def test_an_unknown_participant_role_is_reported() -> None:
    from datetime import date, time

    from followthrough.domain.interviews import InterviewDraft, PersonDraft, interview_problems

    draft = InterviewDraft(
        application_id=1,
        day=date(2026, 11, 23),
        start=time(10),
        end=time(11),
        time_zone="UTC",
        people=(PersonDraft(name="Sam", role="bystander"),),
    )
    assert "unknown role" in interview_problems(draft).messages["people.0.role"]
    ok = InterviewDraft(**{**draft.__dict__, "people": (PersonDraft(name="Sam"),)})
    assert "people.0.role" not in interview_problems(ok).messages
