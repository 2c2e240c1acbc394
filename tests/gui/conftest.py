"""Widget fixtures: a main window over a fresh database, with work run in the background."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import peewee
import pytest
from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from followthrough.domain.clock import FakeClock
from followthrough.logfile import log_to_file
from followthrough.ui.shell.context import AppContext
from followthrough.ui.shell.main_window import MainWindow


@pytest.fixture
def context(
    data_dir: Path, database: peewee.SqliteDatabase, clock: FakeClock
) -> Iterator[AppContext]:
    context = AppContext.create(data_dir, database, clock)
    yield context
    context.runner.wait_for_done()


@pytest.fixture
def make_window(qtbot: QtBot, context: AppContext) -> Callable[[], MainWindow]:
    def make() -> MainWindow:
        window = MainWindow(context)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        with qtbot.waitSignal(window.data_loaded, timeout=10000):
            window.refresh()
        return window

    return make


@pytest.fixture
def window(make_window: Callable[[], MainWindow]) -> MainWindow:
    return make_window()


@pytest.fixture(autouse=True)
def _no_modal_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal question left open would hang the suite: answer "discard" unless a test asks."""
    from followthrough.ui.applications.new_dialog import NewApplicationDialog
    from followthrough.ui.common.ask import Ask, Unsaved

    monkeypatch.setattr(
        NewApplicationDialog, "confirm_discard", classmethod(lambda _cls, _parent: Unsaved.DISCARD)
    )
    # A changed form closed when its test ends would ask about unsaved changes (a test
    # run alone hung there); tests about the question answer it themselves.
    monkeypatch.setattr(Ask, "unsaved_changes", staticmethod(lambda _parent: Unsaved.DISCARD))


@pytest.fixture(autouse=True)
def save_failures(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """A failed save asks the person what to do in a modal box; here it is recorded (what,
    reason) and answered "Don't save". Tests that expect none assert the list is empty."""
    from followthrough.ui.common.saving import AfterFailure, SaveFailedBox

    failures: list[tuple[str, str]] = []

    def ask(
        _parent: object, what: str, failure: str, _can_edit: bool, _verb: str = "saved"
    ) -> AfterFailure:
        failures.append((what, str(failure)))
        return AfterFailure.DISCARD

    monkeypatch.setattr(SaveFailedBox, "ask", staticmethod(ask))
    return failures


@pytest.fixture(autouse=True)
def _words_as_the_app_writes_them(qapp: QApplication, clock: FakeClock) -> Iterator[None]:
    """English plurals and days in the locale, installed as app.run_gui does."""
    from followthrough.domain.reminder_kinds import Rendering, use_rendering
    from followthrough.domain.wording import use_day_words, use_translation
    from followthrough.ui.common.locale_words import use_locale_day_words
    from followthrough.ui.common.translation import install_translations

    assert install_translations(qapp), "the English plurals must load"
    previous = use_locale_day_words(clock)
    rendering = use_rendering(
        Rendering(ZoneInfo("Europe/Berlin"), QCoreApplication.translate, clock.now)
    )
    use_translation(QCoreApplication.translate)
    yield
    use_translation(None)
    use_rendering(rendering)
    use_day_words(previous)


@pytest.fixture(autouse=True)
def _shown_in_berlin() -> Iterator[None]:
    """Windows show times on the same clock the store plans with (tests/conftest.py)."""
    from followthrough.ui.common.formatting import set_user_zone

    set_user_zone("Europe/Berlin")
    yield
    set_user_zone("")


@pytest.fixture(autouse=True)
def _fresh_flow_state(context: AppContext) -> Iterator[None]:
    """Note composers and the spelling dictionary are shared per process: each test
    starts without them. (Depends on the context, so composers close before the
    database does.)"""
    from followthrough.ui.notes.flow import NoteFlow

    NoteFlow.forget_speller()
    NoteFlow.open_composers.clear()
    yield
    for dialog in list(NoteFlow.open_composers.values()):
        dialog._dirty = False
        dialog.close()
    NoteFlow.open_composers.clear()
    NoteFlow.forget_speller()


@pytest.fixture
def log_file(data_dir: Path) -> Iterator[Path]:
    """The log file the app would write in this data folder (its handler removed after)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = log_to_file(data_dir)
    assert path is not None
    root = logging.getLogger()
    handler = root.handlers[-1]
    yield path
    root.removeHandler(handler)
    handler.close()


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """What was handed to the desktop to open (each opened fine)."""
    urls: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        urls.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    return urls
