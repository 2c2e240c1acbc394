"""Today's momentum line, driven through the real window (docs/advice.md, Keeping
momentum): the warning appears and clears as applications are added, closed and
reopened; the weekly goal counts up; Preferences change both."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialog, QSpinBox
from pytestqt.qtbot import QtBot

from followthrough.domain.clock import FakeClock
from followthrough.domain.stages import ClosureReason, Stage
from followthrough.store import settings as options
from followthrough.store.models import Application
from followthrough.store.queries import change_stage, create_application
from followthrough.ui.applications.new_dialog import NewApplicationDialog
from followthrough.ui.shell import main_window
from followthrough.ui.shell.main_window import MainWindow
from followthrough.ui.today.momentum import MomentumBox

pytestmark = pytest.mark.usefixtures("_no_autostart")


@pytest.fixture
def _no_autostart(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(main_window, "set_autostart", lambda *_args: None)


class Dialogs:
    """Answers the window's modal dialogs: a new application with the next company name,
    Preferences with the values asked for."""

    def __init__(self) -> None:
        self.companies: list[str] = []
        self.preferences: dict[str, int] = {}

    def __call__(self, dialog: QDialog) -> bool:
        if isinstance(dialog, NewApplicationDialog):
            dialog.company.setText(self.companies.pop(0))
            dialog.accept()
            return dialog.result() == QDialog.DialogCode.Accepted
        for key, value in self.preferences.items():
            spin = dialog.editors[key]  # type: ignore[attr-defined]
            assert isinstance(spin, QSpinBox)
            spin.setValue(value)
        return True


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    answers = Dialogs()
    monkeypatch.setattr(MainWindow, "exec_dialog", staticmethod(answers))
    return answers


def box_of(window: MainWindow) -> MomentumBox:
    return window.today_page.momentum


def warning(window: MainWindow) -> str:
    """The warning as shown ("" when hidden)."""
    box = box_of(window)
    return "" if box.isHidden() or box.warning_row.isHidden() else box.warning.text()


def goal(window: MainWindow) -> str:
    box = box_of(window)
    return "" if box.isHidden() or box.goal.isHidden() else box.goal.text()


def reload(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.data_loaded, timeout=10000):
        window.refresh()


def set_preferences(qtbot: QtBot, window: MainWindow, dialogs: Dialogs, **values: int) -> None:
    dialogs.preferences = {getattr(options, name).key: value for name, value in values.items()}
    window.statusBar().clearMessage()
    with qtbot.waitSignal(window.data_loaded, timeout=10000):
        window.open_preferences()
    qtbot.waitUntil(lambda: "Preferences saved." in window.statusBar().currentMessage())


def add_with_the_button(qtbot: QtBot, window: MainWindow, dialogs: Dialogs, company: str) -> None:
    window.show_page(0)
    dialogs.companies.append(company)
    button = box_of(window).add_button
    assert button.isVisible()
    with qtbot.waitSignal(window.data_loaded, timeout=10000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    window.show_page(0)


def test_the_warning_appears_clears_and_comes_back_and_the_goal_counts_up(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    clock: FakeClock,
    dialogs: Dialogs,
) -> None:
    ids = [create_application(clock, name).id for name in ("Acme", "Birch")]
    window = make_window()
    # Two in progress, five wanted (the default); no goal by default.
    assert warning(window) == (
        "In progress: 2 of the 5 applications you aim for. Keep applying elsewhere while you wait."
    )
    assert goal(window) == ""

    # Preferences: keep four going, three new ones a week.
    set_preferences(qtbot, window, dialogs, MIN_ACTIVE=4, WEEKLY_GOAL=3)
    assert warning(window).startswith("In progress: 2 of the 4 applications")
    assert goal(window) == "New applications this week: 2 of 3"

    # The warning's own button adds one: the goal is reached, the warning stays.
    add_with_the_button(qtbot, window, dialogs, "Cedar")
    assert warning(window).startswith("In progress: 3 of the 4 applications")
    assert goal(window) == "New applications this week: 3 of 3, goal reached ✓"
    # One more: enough going, the warning clears.
    add_with_the_button(qtbot, window, dialogs, "Dune")
    assert warning(window) == ""
    assert not box_of(window).isHidden()  # the goal line stays
    assert goal(window) == "New applications this week: 4 of 3, goal reached ✓"

    # Two close: the warning is back (the goal still counts them: they were sent).
    today = window.today()
    change_stage(ids[0], Stage.REJECTED, clock, today, ClosureReason.REJECTED)
    change_stage(ids[1], Stage.WITHDRAWN, clock, today, ClosureReason.WITHDREW)
    reload(qtbot, window)
    assert warning(window).startswith("In progress: 2 of the 4 applications")
    assert goal(window).startswith("New applications this week: 4 of 3")
    # Reopened, it clears again.
    change_stage(ids[0], Stage.INTERVIEWING, clock, today)
    change_stage(ids[1], Stage.INTERVIEWING, clock, today)
    reload(qtbot, window)
    assert warning(window) == ""

    # Zero turns both off: nothing left to show.
    set_preferences(qtbot, window, dialogs, MIN_ACTIVE=0, WEEKLY_GOAL=0)
    assert box_of(window).isHidden()


def test_one_offer_carrying_everything_is_named_as_plain_text(
    qtbot: QtBot, make_window: Callable[[], MainWindow], clock: FakeClock
) -> None:
    offer = create_application(clock, "<b>Acme</b> & Co").id
    for name in ("Birch", "Cedar", "Dune", "Elm", "Fir"):
        create_application(clock, name)
    window = make_window()
    # Six going: nothing to say.
    assert box_of(window).isHidden()
    change_stage(offer, Stage.OFFER, clock, window.today())
    reload(qtbot, window)
    # Five others besides the offer: still enough going.
    assert warning(window) == ""
    # One of the five others is turned down: four others, and everything hangs on the offer.
    birch = Application.get(Application.company == "Birch").id
    change_stage(birch, Stage.REJECTED, clock, window.today(), ClosureReason.REJECTED)
    reload(qtbot, window)
    label = box_of(window).warning
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert warning(window) == (
        "A lot rides on <b>Acme</b> & Co: keep applying elsewhere until your first day; "
        "a second offer gives you leverage."
    )


@pytest.fixture
def _locale_kept() -> Iterator[None]:
    previous = QLocale()
    yield
    QLocale.setDefault(previous)


@pytest.mark.usefixtures("_locale_kept")
def test_the_week_starts_on_the_locales_first_day(
    qtbot: QtBot, make_window: Callable[[], MainWindow], clock: FakeClock
) -> None:
    """Friday 20 November: an application sent on Sunday the 15th is this week's where
    weeks start on Sunday, last week's where they start on Monday."""
    create_application(clock, "Acme", applied_on=date(2026, 11, 15))
    options.put(options.WEEKLY_GOAL, 2)
    english = QLocale.Language.English
    QLocale.setDefault(QLocale(english, QLocale.Country.UnitedStates))
    assert QLocale().firstDayOfWeek() == Qt.DayOfWeek.Sunday
    window = make_window()
    assert goal(window) == "New applications this week: 1 of 2"
    QLocale.setDefault(QLocale(english, QLocale.Country.UnitedKingdom))
    assert QLocale().firstDayOfWeek() == Qt.DayOfWeek.Monday
    reload(qtbot, window)
    assert goal(window) == "New applications this week: 0 of 2"


def test_after_accepting_an_offer_today_says_keep_the_others_open_not_apply_more(
    qtbot: QtBot, make_window: Callable[[], MainWindow], clock: FakeClock
) -> None:
    """Found by the issue-17 walkthrough: "No application in progress: applying to a few
    keeps your options open" after accepting a job. [003]: until the first day, keep the
    others open; from it on, nothing."""
    from datetime import timedelta

    from followthrough.domain.offers.record import OfferTerms
    from followthrough.store.offers.records import accept_offer

    options.put(options.WEEKLY_GOAL, 3)
    acme = create_application(clock, "<b>Acme</b>").id
    window = make_window()
    window.show_page(0)
    today = window.today()
    start = today + timedelta(days=33)
    accept_offer(acme, OfferTerms(salary="80,000"), start, clock, today)
    reload(qtbot, window)
    said = warning(window)
    assert said.startswith("You accepted <b>Acme</b>'s offer, starting ")
    assert "Keep your other applications open until then" in said
    assert box_of(window).warning.textFormat() == Qt.TextFormat.PlainText
    assert not box_of(window).add_button.isVisible()
    assert goal(window) == ""  # no weekly goal once accepted
    clock.advance(timedelta(days=34))  # the first day has come
    reload(qtbot, window)
    assert warning(window) == ""
