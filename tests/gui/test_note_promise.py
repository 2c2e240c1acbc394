"""What the composer says under the promise, in whole sentences (ui/notes/promise)."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Any, cast

from followthrough.store.notes import NoteContext
from followthrough.ui.notes.promise import promise_help, weekend_advice

MONDAY = date(2026, 11, 23)
SATURDAY = date(2026, 11, 28)


def _note(
    other_promises: list[tuple[str, date]] | None = None, planned: date | None = None
) -> NoteContext:
    fake: Any = SimpleNamespace(other_promises=other_promises or [], planned_follow_up=planned)
    return cast(NoteContext, fake)


def test_no_promise() -> None:
    assert promise_help(_note(), None) == "No promise in the note."
    assert promise_help(_note(planned=MONDAY), None) == (
        "No promise: the follow-up reminder comes on Mon 23 Nov, as the plan says."
    )


def test_a_promised_working_day() -> None:
    assert promise_help(_note(), MONDAY) == (
        "The follow-up reminder for this application will come on Mon 23 Nov, the day you promise."
    )


def test_a_promised_saturday_is_kept_on_monday() -> None:
    assert promise_help(_note(), SATURDAY) == (
        "The follow-up reminder for this application will come on Sat 28 Nov, the day you "
        "promise (a Saturday: the call or e-mail comes on Mon 30 Nov)."
    )
    advice = weekend_advice(SATURDAY)
    assert advice is not None and advice.message == (
        "The note promises a Saturday: the call or e-mail comes on Mon 30 Nov. A weekday "
        "keeps your word to the day."
    )
    assert weekend_advice(MONDAY) is None
    assert weekend_advice(None) is None


def test_other_notes_promises() -> None:
    earlier = _note([("Sam", date(2026, 11, 20))])
    assert promise_help(earlier, MONDAY) == (
        "The follow-up reminder will come on Fri 20 Nov, the day Sam's note already "
        "promised: promise that day here too and both notes keep their word."
    )
    later = _note([("Sam", date(2026, 11, 24)), ("Ana", date(2026, 11, 25))])
    assert promise_help(later, MONDAY) == (
        "The follow-up reminder for this application will come on Mon 23 Nov, the day you "
        "promise. Sam's note promised Tue 24 Nov; Ana's note promised Wed 25 Nov: the same "
        "day in every note keeps one plan."
    )
