"""The domain's and the store's sentences pass through ``domain.wording.translate``.

A stand-in translation wraps every text it is handed in «»: a sentence that comes out
wrapped was looked up in the user's language where it was written; one that does not was
built in English past the translation. Its placeholders are filled after the lookup, so
the wrapped template still holds the names and days.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time

import pytest

from followthrough.domain.cadence import FollowUp, InterviewFacts, next_step
from followthrough.domain.errors import UserError
from followthrough.domain.interviews import InterviewDraft, interview_problems
from followthrough.domain.mailto import mailto_url
from followthrough.domain.note_checks import length_hint
from followthrough.domain.phone_followup import QUESTIONS, opener
from followthrough.domain.references import overuse_warning
from followthrough.domain.spoken_timeframes import read_timeframe
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


def test_cadence_reason() -> None:
    facts = InterviewFacts(
        ended_at=datetime(2026, 11, 20, 11, tzinfo=UTC),
        time_zone="Europe/Berlin",
        decision_on=date(2026, 11, 27),
        preferred_method="email",
    )
    step = next_step(facts)
    assert isinstance(step, FollowUp)
    assert step.reason == (
        "«They said they would decide by Fri 27 Nov. With no news once that day is over, "
        "e-mail to ask where things stand.»"
    )


def test_explanations() -> None:
    reading = read_timeframe("within two weeks", DAY)
    assert reading is not None
    assert reading.explain() == "«by {day}, {kind}»".format(day="Fri 4 Dec", kind="«a working day»")
    assert length_hint(300, "email") == (
        "«At 300 words this is on the long side; a thank-you e-mail reads best under about "
        "200 words.»"
    )
    warning = overuse_warning([DAY, DAY], DAY, window_days=30, threshold=2)
    assert warning is not None and warning.startswith("«Given to 2 employers in the last «30 days»")


def test_phone_script() -> None:
    assert QUESTIONS[1].text == "«Am I still in the running for the role?»"
    assert opener("Dana Lee", "", "", "", None) == (
        "«Hello Dana.» «We talked recently about «the position», and I'm calling to follow up.»"
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


def test_reference_talking_points() -> None:
    from followthrough.domain.references import MessagePurpose, ReferenceFacts, talking_points

    facts = ReferenceFacts(
        person_name="Sam Ortiz", company="Acme", role_title="Data Analyst", sender_name=""
    )
    for purpose in (MessagePurpose.HEADS_UP, MessagePurpose.THANKS, MessagePurpose.CHECK_IN):
        points = talking_points(purpose, facts)
        assert points and all(point.startswith("«") for point in points), (purpose, points)
