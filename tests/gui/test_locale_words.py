"""Days and plurals as a person reads them, in two locales, through the one formatter."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from followthrough.domain import wording
from followthrough.domain.clock import FakeClock
from followthrough.domain.two_clocks import both_clocks


@pytest.fixture
def locale_named() -> Iterator[object]:
    previous = QLocale()

    def use(name: str) -> None:
        QLocale.setDefault(QLocale(name))

    yield use
    QLocale.setDefault(previous)


def test_english_days(locale_named, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    locale_named("en_GB")
    assert wording.short_day(date(2026, 12, 1)) == "Tue 1 Dec"
    assert wording.long_day(date(2026, 12, 1)) == "Tue 1 Dec 2026"
    assert wording.full_day(date(2026, 12, 1)) == "Tuesday 1 December"
    assert wording.weekday_name(date(2026, 12, 1)) == "Tuesday"
    assert wording.clock_time(time(9, 5)) == "09:05"


def test_german_days(locale_named) -> None:  # type: ignore[no-untyped-def]
    locale_named("en_GB")
    assert wording.short_day(date(2026, 12, 1)) == "Tue 1 Dec"  # kept for English…
    locale_named("de_DE")  # …and not shown once the locale changed
    assert wording.short_day(date(2026, 12, 1)) == "Di. 1 Dez."
    assert wording.full_day(date(2026, 12, 1)) == "Dienstag 1 Dezember"
    assert wording.weekday_name(date(2026, 12, 1)) == "Dienstag"


def test_a_day_in_another_year_shows_its_year(locale_named) -> None:  # type: ignore[no-untyped-def]
    locale_named("en_GB")
    # The suite's clock says November 2026.
    assert wording.short_day(date(2024, 11, 20)) == "Wed 20 Nov 2024"
    assert wording.short_day(date(2027, 1, 4)) == "Mon 4 Jan 2027"
    assert wording.short_day(date(2026, 1, 4)) == "Sun 4 Jan"


def test_the_domain_writes_through_the_same_formatter(locale_named) -> None:  # type: ignore[no-untyped-def]
    from zoneinfo import ZoneInfo

    locale_named("de_DE")
    text = both_clocks(
        datetime(2026, 12, 1, 17, 30, tzinfo=ZoneInfo("UTC")),
        ZoneInfo("Europe/Berlin"),
        ZoneInfo("America/Los_Angeles"),
    )
    assert text == "Di. 1 Dez. 18:30 (09:30 in Los Angeles)"


@pytest.mark.parametrize(
    ("count", "expected"),
    [(0, "0 interviews"), (1, "1 interview"), (2, "2 interviews"), (1200, "1,200 interviews")],
)
def test_english_plurals_come_from_the_catalogue(locale_named, count: int, expected: str) -> None:  # type: ignore[no-untyped-def]
    locale_named("en_GB")
    text = QCoreApplication.translate("MainWindow", "%Ln interview(s)", "", count)
    assert text == expected
    people = QCoreApplication.translate("MainWindow", "%Ln person(s)", "", count)
    assert people.endswith("person" if count == 1 else "people")


def test_agenda_words_are_written_again_for_another_clock() -> None:
    from datetime import UTC
    from zoneinfo import ZoneInfo

    from PySide6.QtCore import QCoreApplication

    from followthrough.domain.agenda import AgendaItem
    from followthrough.domain.note_reminders import note_params
    from followthrough.domain.reminder_kinds import Rendering, params_text, use_rendering
    from followthrough.ui.common.reminder_kinds import shown_words

    deadline = datetime(2026, 11, 21, 14, 0, tzinfo=UTC)
    item = AgendaItem(
        kind="note_due_soon",
        day=date(2026, 11, 21),
        title="as planned",
        params=params_text(note_params("Dana Lee", "Acme", 1, deadline, "Europe/Berlin")),
    )
    previous = use_rendering(Rendering(ZoneInfo("Europe/Berlin"), QCoreApplication.translate))
    try:
        assert shown_words(item)[0].endswith("due Sat 21 Nov 15:00")
        use_rendering(Rendering(ZoneInfo("America/New_York"), QCoreApplication.translate))
        assert shown_words(item)[0].endswith("due Sat 21 Nov 09:00 (15:00 in Berlin)")
    finally:
        use_rendering(previous)
