"""One-line fields have length limits, phone numbers look like phone numbers, and the
day someone applied is not ahead of today: each refusal names the field and the rule."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from followthrough.domain.interviews import PersonDraft, interview_problems
from followthrough.domain.validation import (
    COMPANY_LIMIT,
    EARLIEST_DAY,
    LATEST_DAY,
    NAME_LIMIT,
    ROLE_LIMIT,
    application_problems,
    latest_today,
    length_problem,
    phone_problem,
)
from tests.unit.domain.test_interviews import draft

TODAY = date(2026, 11, 20)


def test_a_long_company_name_is_refused_naming_the_field_and_the_limit() -> None:
    problems = application_problems("A" * 5000, "", role_title="R" * (ROLE_LIMIT + 1))
    assert set(problems) == {"company", "role_title"}
    assert "company name" in problems["company"]
    assert f"{COMPANY_LIMIT:,}" in problems["company"] and "5,000" in problems["company"]
    assert f"{ROLE_LIMIT:,}" in problems["role_title"]
    assert not application_problems("A" * COMPANY_LIMIT, "", role_title="R" * ROLE_LIMIT)


def test_length_is_counted_without_the_spaces_around() -> None:
    assert length_problem(f"  {'x' * NAME_LIMIT}  ", NAME_LIMIT, "The name") is None
    assert length_problem("x" * (NAME_LIMIT + 1), NAME_LIMIT, "The name")


@pytest.mark.parametrize(
    "number",
    [
        "+49 30 1234567",
        "(555) 123-4567",
        "030/123.45.67",
        "555-1234 ext. 12",
        "555 1234 x12",
        "030\u00a01234\u00a0567",
        "030\t1234567",
        "+1 555 123 4567 (mobile)",
        "030 1234567, office",
        "+49 (30) 123 456 ext. 7 (Dana's desk)",
    ],
)
def test_phone_numbers_as_people_write_them_are_taken(number: str) -> None:
    assert phone_problem(number) is None


@pytest.mark.parametrize(
    "number",
    ["abc", "12", "call me", "555-1234 ask for Dana", "+49#30", "12 (mobile)", "1, office"],
)
def test_what_is_not_a_phone_number_is_refused_with_a_message(number: str) -> None:
    message = phone_problem(number)
    assert message is not None and "phone number" in message


@pytest.mark.parametrize(
    ("applied", "refused"),
    [
        (TODAY, False),
        (TODAY - timedelta(days=400), False),
        (TODAY + timedelta(days=1), True),
        (EARLIEST_DAY - timedelta(days=1), True),
        (LATEST_DAY, True),
    ],
)
def test_the_applied_on_day_is_not_in_the_future_nor_an_odd_year(
    applied: date, refused: bool
) -> None:
    problems = application_problems("Acme", "", applied, today=TODAY)
    assert ("applied_on" in problems) is refused
    if refused:
        assert "applied" in problems["applied_on"]


def test_the_store_allows_the_latest_today_anywhere() -> None:
    """11:00 UTC is already the next day on Kiritimati (UTC+14)."""
    assert latest_today(datetime(2026, 11, 20, 11, 0, tzinfo=UTC)) == date(2026, 11, 21)
    assert latest_today(datetime(2026, 11, 20, 9, 0, tzinfo=UTC)) == date(2026, 11, 20)


def test_an_interviewers_phone_and_name_are_checked() -> None:
    problems = interview_problems(
        draft(people=(PersonDraft("Dana Lee", phone="abc"), PersonDraft("N" * 500)))
    ).messages
    assert "phone number" in problems["people.0.phone"]
    assert problems["people.0.phone"].startswith("Dana Lee")
    assert f"{NAME_LIMIT:,}" in problems["people.1.name"]
