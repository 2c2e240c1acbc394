"""The phone follow-up script (docs/advice.md, "The phone follow-up" [003])."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from followthrough.domain.phone_followup import (
    INTRO_WORD_LIMIT,
    OPENING_TIP,
    QUESTIONS,
    WARM_UP,
    default_intro_line,
    fill_in_name,
    intro_hint,
    intro_placeholders,
    opener,
    questions_for,
)

SEEDS = Path(__file__).resolve().parents[4] / "shared" / "seeds"


def test_the_warm_up_is_stretch_smile_stand() -> None:
    # [003]: stretch, smile, stand before the call.
    assert [step.key for step in WARM_UP] == ["stretch", "smile", "stand"]
    assert all(step.title and step.detail for step in WARM_UP)


def test_the_questions_follow_the_advice_in_order() -> None:
    # [003]: anything needed; still a candidate; second round; timeframe; next step; check back.
    assert [q.key for q in QUESTIONS] == [
        "anything_needed",
        "still_candidate",
        "second_round",
        "timeframe",
        "next_step",
        "check_back",
    ]
    assert all(q.text.endswith("?") for q in QUESTIONS)
    assert len({q.text for q in QUESTIONS}) == len(QUESTIONS)


def test_the_next_step_they_named_is_filled_in() -> None:
    generic = questions_for()
    assert generic == tuple(q.text for q in QUESTIONS)
    named = questions_for("  Case study with the team. ")
    assert (
        named[4]
        == "Is the next step still “case study with the team”, as you described when we met?"
    )
    assert named[:4] == generic[:4] and named[5] == generic[5]
    assert "“HR screen”" in questions_for("HR screen")[4]


def test_the_opener_greets_by_first_name_with_the_intro_and_the_interview() -> None:
    text = opener(
        "Dana Lee",
        "it's Alex, the analyst who rebuilt the churn model",
        "Data Analyst",
        "Acme",
        date(2026, 11, 10),
    )
    assert text == (
        "Hello Dana. It's Alex, the analyst who rebuilt the churn model. We talked on "
        "Tuesday 10 November about the Data Analyst position at Acme, and I'm calling to "
        "follow up."
    )


def test_the_opener_leaves_out_what_is_not_known() -> None:
    assert opener("", "", "", "", None) == (
        "Hello. We talked recently about the position, and I'm calling to follow up."
    )
    text = opener("Dr. Priya Natarajan", "  Sam here!  ", "", "Bluebird", None)
    assert text.startswith("Hello Dr. Priya Natarajan. Sam here! We talked recently about ")
    assert "the position at Bluebird" in text


def test_the_opener_does_not_ask_whether_they_have_decided() -> None:
    # [003]: open with who you are, not with "have you decided?".
    text = opener("Dana Lee", "It's Alex.", "Data Analyst", "Acme", date(2026, 11, 10))
    assert "decided" not in text and "decision" not in text
    assert "decided" in OPENING_TIP


def test_the_default_intro_line_names_the_role_and_asks_to_be_finished() -> None:
    line = default_intro_line("Data Analyst")
    assert "the Data Analyst candidate" in line
    assert intro_placeholders(line) == [
        "[your name]",
        "[the one thing they will remember about you]",
    ]
    assert "the candidate who" in default_intro_line("  ")
    # Once the app knows the user's name (their notes' signature), it is filled in.
    named = default_intro_line("Data Analyst", " Alex  Kim ")
    assert named.startswith("It's Alex Kim, the Data Analyst candidate")
    assert intro_placeholders(named) == ["[the one thing they will remember about you]"]


def test_a_kept_line_gets_the_name_once_it_is_known() -> None:
    kept = default_intro_line("Data Analyst")
    assert fill_in_name(kept, "") == kept
    named = fill_in_name(kept, " Alex  Kim ")
    assert named.startswith("It's Alex Kim, the Data Analyst candidate")
    assert intro_placeholders(named) == ["[the one thing they will remember about you]"]
    # Without a name the hint says where to set it; with one, only what is left to fill.
    without = intro_hint(kept, name_known=False)
    assert without is not None and "Preferences" in without
    with_name = intro_hint(named, name_known=True)
    assert with_name is not None and "Preferences" not in with_name


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("", "five seconds"),
        (default_intro_line("Data Analyst"), "brackets"),
        (" ".join(["word"] * (INTRO_WORD_LIMIT + 1)), f"aim for {INTRO_WORD_LIMIT}"),
        ("It's Alex, the analyst who rebuilt the churn model.", None),
        (" ".join(["word"] * INTRO_WORD_LIMIT), None),
    ],
)
def test_intro_hints(text: str, hint: str | None) -> None:
    found = intro_hint(text)
    if hint is None:
        assert found is None
    else:
        assert found is not None and hint in found


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles are not here")
def test_the_wording_is_not_copied_from_the_seeds() -> None:
    seeds = " ".join(
        " ".join(path.read_text(encoding="utf-8").split()) for path in SEEDS.glob("*.txt")
    ).lower()
    texts = [q.text for q in QUESTIONS] + [s.detail for s in WARM_UP] + [OPENING_TIP]
    texts.append(opener("Dana", "", "Data Analyst", "Acme", date(2026, 11, 10)))
    for text in texts:
        words = text.lower().replace("—", " ").split()
        # No run of seven words appears in any seed article.
        for start in range(len(words) - 6):
            run = " ".join(words[start : start + 7])
            assert run not in seeds, f"copied: {run!r}"
