"""The spelling checker for notes: what it checks, what it leaves alone, where the
misspellings are and what it suggests."""

from __future__ import annotations

import time

import pytest

from followthrough.domain.spelling import Misspelling, Speller, words_from_names


@pytest.fixture(scope="module")
def speller() -> Speller:
    return Speller()


def words(speller: Speller, text: str) -> list[str]:
    return [m.word for m in speller.misspellings(text)]


def test_finds_a_misspelling_with_its_place(speller: Speller) -> None:
    text = "Thank you for the interveiw on Thursday."
    assert speller.misspellings(text) == [Misspelling(18, 27, "interveiw")]


def test_spans_index_into_the_original_text(speller: Speller) -> None:
    text = "Dear Dana,\n\nI recieve – “teh” notes — café Interveiw’s résumé.\tOppertunity!"
    found = speller.misspellings(text)
    assert [m.word for m in found] == ["recieve", "teh", "Interveiw", "Oppertunity"]
    for m in found:
        assert text[m.start : m.end] == m.word


def test_correct_text_has_no_misspellings(speller: Speller) -> None:
    text = (
        "Thank you for meeting me on Tuesday. I didn’t mention that I'd led the migration; "
        "it's something I enjoyed. Regards."
    )
    assert speller.misspellings(text) == []


def test_addresses_are_left_alone(speller: Speller) -> None:
    text = (
        "See https://exmaple.com/pipelnie-notes, www.qwxz.io/abcz and "
        "linkedin.com/in/jamieprk. Mail jamie.prk+jbos@exmaple.com. Then teh end."
    )
    assert words(speller, text) == ["teh"]


def test_acronyms_numbers_and_single_letters_are_left_alone(speller: Speller) -> None:
    text = "SQL, AWS and GCPX at 3pm, Q3, 2nd, v2x, a_b, x y z — but XQWZPRTS is checked."
    assert words(speller, text) == ["XQWZPRTS"]


def test_possessives_are_checked_without_the_s(speller: Speller) -> None:
    assert speller.misspellings("Acme's team and Acme’s office.") == []
    text = "Globexx's office"
    assert speller.misspellings(text) == [Misspelling(0, 7, "Globexx")]


def test_accented_words_are_known_without_their_accents(speller: Speller) -> None:
    assert words(speller, "My résumé, the café, a naïve idea.") == []


def test_personal_words_make_names_known() -> None:
    text = "Dear Zorbalina Quistwerth, thanks from Jamie at Frobnicatrix Labs."
    plain = Speller()
    assert words(plain, text) == ["Zorbalina", "Quistwerth", "Frobnicatrix"]
    personal = Speller(words_from_names("Zorbalina Quistwerth", "Frobnicatrix Labs"))
    assert personal.misspellings(text) == []
    assert personal.misspellings("ZORBALINA and frobnicatrix’s") == []


def test_add_words_is_case_insensitive(speller: Speller) -> None:
    checker = Speller()
    assert words(checker, "Kubernetesy rocks") == ["Kubernetesy"]
    checker.add_words(["KUBERNETESY", "  ", ""])
    assert checker.misspellings("Kubernetesy rocks") == []
    assert checker.misspellings("kubernetesy") == []
    # Other spellers are not affected.
    assert words(speller, "kubernetesy") == ["kubernetesy"]


def test_known_words(speller: Speller) -> None:
    assert words(speller, "Interview, don’t interveiw") == ["interveiw"]
    assert speller.misspellings("") == []


def test_words_from_names() -> None:
    assert words_from_names("Dana Lee", "Acme Robotics") == {"Dana", "Lee", "Acme", "Robotics"}
    assert words_from_names("Jean-Luc O'Brien", "3M Co.") == {"Jean", "Luc", "O'Brien", "M", "Co"}
    assert words_from_names() == set()


@pytest.mark.parametrize(
    ("word", "first"),
    [
        ("interveiw", "interview"),
        ("Interveiw", "Interview"),
        ("INTERVEIW", "INTERVIEW"),
        ("recieve", "receive"),
        ("Oppertunity", "Opportunity"),
        ("dont’t", "don’t"),
    ],
)
def test_suggestions_keep_the_capitalisation(speller: Speller, word: str, first: str) -> None:
    suggestions = speller.suggestions(word)
    assert suggestions[0] == first
    assert len(suggestions) == len(set(suggestions))


def test_suggestions_best_first_and_limited(speller: Speller) -> None:
    suggestions = speller.suggestions("teh")
    assert suggestions[0] == "the"
    assert len(suggestions) == 6
    assert speller.suggestions("teh", limit=2) == suggestions[:2]
    assert speller.suggestions("teh", limit=0) == []
    assert speller.suggestions("  ") == []


def test_suggestions_try_two_edits_when_one_finds_nothing(speller: Speller) -> None:
    assert "interviewing" in speller.suggestions("intervewinng")


def test_suggestions_include_personal_words_first() -> None:
    checker = Speller(["Zorbalina"])
    assert checker.suggestions("Zorbalna")[0] == "Zorbalina"


def test_suggestions_are_fast(speller: Speller) -> None:
    start = time.perf_counter()
    for word in ("acknowledgmnet", "oppertunity", "enthousiastic", "Intervew"):
        assert speller.suggestions(word)
    assert time.perf_counter() - start < 1.0
    # Long words never try two edits, so even a hopeless one is quick.
    start = time.perf_counter()
    assert speller.suggestions("qwzxqwzxqwzxqwzx") == []
    assert time.perf_counter() - start < 0.2


def test_the_words_of_work_are_not_misspellings(speller: Speller) -> None:
    """A tester's note about a designer's "onboarding" flow was underlined in red."""
    text = (
        "I enjoyed hearing about the onboarding roadmap, the frontend and backend "
        "workflows and the datasets your DevOps team keeps onsite."
    )
    assert words(speller, text) == []
