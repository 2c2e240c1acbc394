from __future__ import annotations

import pytest

from followthrough.domain.validation import application_problems, url_problem


@pytest.mark.parametrize(
    "url", ["", "https://jobs.example.com/123", "http://acme.co/careers?id=4&x=y"]
)
def test_usable_urls(url: str) -> None:
    assert url_problem(url) is None


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("jobs.example.com", "start with http"),
        ("ftp://example.com/file", "start with http"),
        ("https://", "complete"),
        ("https://localhost", "complete"),
        ("https://exa mple.com", "complete"),
    ],
)
def test_unusable_urls_say_why(url: str, fragment: str) -> None:
    message = url_problem(url)
    assert message is not None
    assert fragment in message


def test_company_is_required() -> None:
    assert application_problems("  ", "") == {"company": "Enter the company's name."}
    assert application_problems("Acme", "") == {}
    assert set(application_problems("", "nope")) == {"company", "posting_url"}
