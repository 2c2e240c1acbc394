"""A reminder's words are written when it is shown, from the parameters stored with it:
on the clock and in the language of the moment, not frozen when it was planned."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import peewee
import pytest

from followthrough.domain.clock import FakeClock
from followthrough.domain.note_reminders import note_params
from followthrough.domain.reminder_kinds import (
    ReminderKind,
    Rendering,
    params_text,
    render_text,
    use_rendering,
)
from followthrough.domain.wording import EnglishDayWords
from followthrough.store.reminders import due_at, planned_reminder, sync_reminders

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
DEADLINE = datetime(2026, 11, 21, 14, 0, tzinfo=UTC)  # 15:00 in Berlin, 09:00 in New York

GERMAN = {
    "Thank-you note to {who} due {due}": "Dankeskarte an {who}, fällig {due}",
}


@pytest.fixture(autouse=True)
def _shown_as_stored() -> Iterator[None]:
    previous = use_rendering(None)
    yield
    use_rendering(previous)


def _plan_note(database: peewee.SqliteDatabase, clock: FakeClock) -> None:
    del database
    words = note_params("Dana Lee", "Acme", 1, DEADLINE, "Europe/Berlin")
    spec = planned_reminder(
        ReminderKind.NOTE_DUE_SOON,
        "note:1:2",
        clock.now() - timedelta(minutes=5),
        words,
        None,
        None,
        BERLIN,
    )
    sync_reminders([spec], [ReminderKind.NOTE_DUE_SOON], clock.now())


def test_planned_words_are_stored_with_their_parameters(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    _plan_note(database, clock)
    (reminder,) = due_at(clock.now())
    # No clock installed: the words as planned, on the user's clock then.
    assert reminder.title == "Thank-you note to Dana Lee (Acme) due Sat 21 Nov 15:00"
    # …and what they are written from when shown.
    stored = json.loads(reminder.params)
    assert stored["name"] == "Dana Lee" and stored["deadline"] == DEADLINE.isoformat()


def test_shown_on_the_clock_and_in_the_language_of_the_moment(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    _plan_note(database, clock)
    use_rendering(Rendering(NEW_YORK, lambda _context, text: GERMAN.get(text, text)))
    (reminder,) = due_at(clock.now())
    assert reminder.title == (
        "Dankeskarte an Dana Lee (Acme), fällig Sat 21 Nov 09:00 (15:00 in Berlin)"
    )
    # The body has no German here: it stays English, written on the New York clock.
    assert reminder.body.endswith("out by Sat 21 Nov 09:00 (15:00 in Berlin).")


def test_unreadable_or_missing_parameters_show_the_stored_words() -> None:
    use_rendering(Rendering(NEW_YORK))
    kind = ReminderKind.NOTE_DUE_SOON
    assert render_text(kind, "", "Stored title", "Stored body") == ("Stored title", "Stored body")
    assert render_text(kind, "{not json", "T", "B") == ("T", "B")
    assert render_text(kind, params_text({"name": "only"}), "T", "B") == ("T", "B")
    assert render_text("a_kind_nobody_registered", params_text({"x": 1}), "T", "B") == ("T", "B")


def test_agenda_rows_keep_their_parameters_and_are_worded_when_drawn(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    from followthrough.store.reminders import reminder_items

    _plan_note(database, clock)
    use_rendering(Rendering(NEW_YORK, lambda _context, text: GERMAN.get(text, text)))
    day = clock.now().astimezone(BERLIN).date()
    (item,) = reminder_items(day, day, BERLIN)
    # Not written while loading (thousands at a time): the planned words and parameters…
    assert item.title == "Thank-you note to Dana Lee (Acme) due Sat 21 Nov 15:00"
    assert item.params
    # …written when the row is drawn.
    assert item.words()[0] == (
        "Dankeskarte an Dana Lee (Acme), fällig Sat 21 Nov 09:00 (15:00 in Berlin)"
    )


def test_a_bad_translation_shows_the_stored_words_instead_of_failing() -> None:
    """A catalogue entry with a placeholder the code does not fill ({0}, {x.y}) must not
    stop reminders from being claimed and shown (found by the review)."""
    params = params_text(note_params("Dana Lee", "Acme", 1, DEADLINE, "Europe/Berlin"))
    for broken in ("{0} due", "{who.name} due"):
        use_rendering(Rendering(NEW_YORK, lambda _context, _text, b=broken: b))
        assert render_text(ReminderKind.NOTE_DUE_SOON, params, "Stored", "Body") == (
            "Stored",
            "Body",
        )


def test_words_planned_for_storing_do_not_depend_on_the_installed_language() -> None:
    from followthrough.domain import wording

    previous = wording.use_day_words(_Shouting())
    wording.use_translation(lambda _context, text: text.upper())
    try:
        assert wording.translate("x", "Call them") == "CALL THEM"
        assert wording.short_day(date(2026, 12, 1)) == "TUE 1 DEC"
        with wording.as_stored():
            assert wording.translate("x", "Call them") == "Call them"
            assert wording.short_day(date(2026, 12, 1)) == "Tue 1 Dec"
        assert wording.translate("x", "Call them") == "CALL THEM"
    finally:
        wording.use_translation(None)
        wording.use_day_words(previous)


class _Shouting(EnglishDayWords):
    """Days "in another locale", told apart from the stored ones."""

    def short_day(self, day: date) -> str:
        return super().short_day(day).upper()
