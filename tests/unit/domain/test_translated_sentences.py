"""The domain's and the store's sentences pass through ``domain.wording.translate``.

A stand-in translation wraps every text it is handed in «»: a sentence that comes out
wrapped was looked up in the user's language where it was written; one that does not was
built in English past the translation. Its placeholders are filled after the lookup, so
the wrapped template still holds the names and days.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time

import pytest

from followthrough.domain.errors import UserError
from followthrough.domain.interviews import InterviewDraft, interview_problems
from followthrough.domain.mailto import mailto_url
from followthrough.domain.stages import Stage, plan_stage_change
from followthrough.domain.validation import day_problem, email_problem, url_problem
from followthrough.domain.wording import use_translation
from followthrough.store.errors import DISK_FULL, UNEXPECTED, describe_failure
from followthrough.store.settings import Option

DAY = date(2026, 11, 20)


def wrapped(_context: str, text: str) -> str:
    return "«" + text + "»"


@pytest.fixture(autouse=True)
def stand_in_translation() -> Iterator[None]:
    use_translation(wrapped)
    yield
    use_translation(None)


def test_validation_messages() -> None:
    assert (
        email_problem("dana@") == "«This does not look like an e-mail address (name@example.com).»"
    )
    assert url_problem("acme.example.com") == "«Web addresses start with http:// or https://.»"
    # The template and the day's name are each translated.
    assert day_problem(date(1900, 1, 1)) == "««The date» must lie between 1970 and 2200.»"


def test_interview_problems() -> None:
    draft = InterviewDraft(
        application_id=1, day=DAY, start=time(10), end=time(9), time_zone="Europe/Paris", round=0
    )
    messages = interview_problems(draft).messages
    assert messages["end"] == "«The interview has to end after it starts.»"
    assert messages["round"] == "«Rounds are counted from 1.»"


def test_stage_refusals_translate_the_stage_names_too() -> None:
    with pytest.raises(UserError) as raised:
        plan_stage_change(Stage.OFFER, Stage.OFFER, DAY)
    assert str(raised.value) == "«The application is already at “«Offer»”.»"


def test_mailto_refusal() -> None:
    with pytest.raises(UserError) as raised:
        mailto_url(" ", "Thank you", "")
    assert str(raised.value) == "«Add the interviewer's e-mail address first.»"


def test_setting_range() -> None:
    option = Option("test.count", 3, "Follow-ups", minimum=1)
    with pytest.raises(UserError) as raised:
        option.check(0)
    assert str(raised.value) == "«{label}: at least {minimum}»".format(
        label="«Follow-ups»", minimum=1
    )


def test_failures_in_plain_words() -> None:
    assert DISK_FULL.reason == (
        "«The disk that holds your data is full. Free some space, then try again.»"
    )
    assert UNEXPECTED.reason == (
        "«Something unexpected stopped it. The details were written to followthrough.log in "
        "your data folder.»"
    )
    # A refusal is already in the user's language: not translated twice.
    refusal = describe_failure(UserError("«Enter the company's name.»"))
    assert refusal.reason == "«Enter the company's name.»"


def test_english_again_after_the_stand_in_is_removed() -> None:
    use_translation(None)
    assert url_problem("acme.example.com") == "Web addresses start with http:// or https://."
