"""docs/advice.md, A handwritten card for creative roles: which role titles the user's
word list matches (whole words, any case, the usual bends of a job title)."""

from __future__ import annotations

import pytest

from followthrough.domain.notes import (
    DEFAULT_CREATIVE_ROLES,
    creative_role_match,
    creative_role_words,
)


def test_the_preference_is_read_as_a_list_of_words() -> None:
    assert creative_role_words(" Design,writing ;; ART, design,\nGraphic  Design ") == (
        "design",
        "writing",
        "art",
        "graphic design",
    )
    assert creative_role_words("") == ()


@pytest.mark.parametrize(
    ("title", "word"),
    [
        ("Senior Product Designer", "design"),
        ("UX design lead", "design"),
        ("Technical Writer", "writing"),
        ("Art Director", "art"),
        ("Arts Administrator", "art"),
        ("Concept Artist", "art"),
        ("MARKETING MANAGER", "marketing"),
        ("Content Marketer", "marketing"),
        ("Data Engineer", None),
        ("Artificial Intelligence Engineer", None),  # whole words only
        ("Startup Operations", None),
        ("Redesign Program Manager", None),
        ("", None),
    ],
)
def test_the_defaults_match_creative_titles(title: str, word: str | None) -> None:
    assert creative_role_match(title, DEFAULT_CREATIVE_ROLES) == word


def test_the_users_own_words_count_too() -> None:
    words = creative_role_words("design, graphic design, copywriter")
    assert creative_role_match("Copywriter", words) == "copywriter"
    assert creative_role_match("Junior Graphic Designer", ("graphic design",)) == "graphic design"
    assert creative_role_match("Graphic Novelist", ("graphic design",)) is None
