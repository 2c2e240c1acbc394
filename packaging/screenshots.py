"""Draw the README's screenshots: the main views on demo data, light and dark, at two sizes.

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1920x1080x24" \
        .venv/bin/python packaging/screenshots.py [--out docs/screenshots]

The data is the demo (25 applications) on a fixed clock, in a throwaway folder, so the
pictures change only when the app does. Each PNG is named ``<theme>-<size>-<view>.png``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "desktop"))

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop  # noqa: E402
from PySide6.QtGui import QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget  # noqa: E402

from followthrough.ui.common.appearance import dark_palette  # noqa: E402

SIZES = ((1100, 720), (1920, 1080))
# Monday 30 November 2026, 09:30 in Berlin: a working morning with things due.
NOW = datetime(2026, 11, 30, 8, 30, tzinfo=UTC)
ZONE = "Europe/Berlin"


def settle(milliseconds: int = 300) -> None:
    """Let loads finish and paints happen."""
    deadline = QDeadlineTimer(milliseconds)
    while not deadline.hasExpired():
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def wait_until(condition: Callable[[], bool], milliseconds: int = 10_000) -> None:
    deadline = QDeadlineTimer(milliseconds)
    while not condition():
        if deadline.hasExpired():
            raise TimeoutError("the window did not finish loading")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def save(widget: QWidget, path: Path) -> None:
    settle()
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    shoot_all(out)
    return 0


def shoot_all(out: Path) -> None:
    from followthrough.app import make_application
    from followthrough.demo import fill_demo
    from followthrough.domain.clock import FakeClock
    from followthrough.domain.reminder_kinds import Rendering, use_rendering
    from followthrough.domain.wording import use_translation
    from followthrough.services.scheduler import ReminderScheduler
    from followthrough.store import settings as options
    from followthrough.store.database import open_database
    from followthrough.ui.common.formatting import set_user_zone
    from followthrough.ui.common.locale_words import use_locale_day_words
    from followthrough.ui.shell.context import AppContext
    from followthrough.ui.shell.main_window import MainWindow

    app = make_application([sys.argv[0]])
    app.setStyle(QStyleFactory.create("Fusion"))
    light = app.style().standardPalette()
    clock = FakeClock(NOW)
    use_locale_day_words(clock)
    use_translation(QCoreApplication.translate)
    # One clock for the session, as app.run_gui sets it: planning and every window.
    options.set_computer_zone(ZONE)
    options.set_session_zone(ZONE)
    set_user_zone(ZONE)
    use_rendering(Rendering(ZoneInfo(ZONE), QCoreApplication.translate, clock.now))
    with tempfile.TemporaryDirectory(prefix="followthrough-shots-") as folder:
        data_dir = Path(folder) / "data"
        database = open_database(data_dir, clock)
        fill_demo(clock, 25)
        context = AppContext.create(data_dir, database, clock)
        window = MainWindow(context)
        # As the app starts: the scheduler fires what is due, so Today shows it as a user
        # would see it on this morning.
        scheduler = ReminderScheduler(context.runner, clock, app)
        window.attach_scheduler(scheduler)
        loaded: list[bool] = []
        window.data_loaded.connect(lambda: loaded.append(True))
        window.resize(*SIZES[0])
        window.show()
        window.refresh()
        wait_until(lambda: bool(loaded))
        checked: list[object] = []
        scheduler.open_changed.connect(checked.append)
        scheduler.start()
        wait_until(lambda: bool(checked))
        loaded.clear()
        window.refresh()
        wait_until(lambda: bool(loaded))
        shoot_themes(app, window, out, light)
        scheduler.stop()
        window.close()
        context.runner.wait_for_done()
        database.close()


def shoot_themes(app: QApplication, window: QWidget, out: Path, light: QPalette) -> None:
    """Each page at each size, and the feature windows, on the light and a dark palette."""
    from followthrough.ui.shell.main_window import PAGES

    for theme, palette in (("light", light), ("dark", dark_palette())):
        app.setPalette(palette)
        for width, height in SIZES:
            window.resize(width, height)
            shoot_window(window, out / f"{theme}-{width}x{height}", PAGES)
        shoot_dialogs(window, out / theme)


def shoot_window(window: QWidget, prefix: Path, pages: tuple[str, ...]) -> None:
    from followthrough.ui.shell.main_window import MainWindow

    assert isinstance(window, MainWindow)

    def show(name: str) -> None:
        # A page loads its rows when first shown.
        window.show_page(pages.index(name))
        wait_until(lambda: window.rows_current(name))

    show("Today")
    save(window, Path(f"{prefix}-today.png"))
    show("Applications")
    window.applications_page.views.setCurrentIndex(1)
    save(window, Path(f"{prefix}-board.png"))
    window.applications_page.views.setCurrentIndex(0)
    show("Calendar")
    window.calendar_page.views.setCurrentIndex(0)
    save(window, Path(f"{prefix}-month.png"))
    window.calendar_page.views.setCurrentIndex(1)
    save(window, Path(f"{prefix}-week.png"))
    window.calendar_page.views.setCurrentIndex(0)
    show("Insights")
    save(window, Path(f"{prefix}-insights.png"))
    # The application at the top of the list: the one whose next step is soonest.
    page = window.applications_page
    application_id = page.model.row_at(0).application_id
    dialog = window.open_application(application_id)
    dialog.resize(min(window.width(), 1000), min(window.height(), 760))
    save(dialog, Path(f"{prefix}-application.png"))
    dialog.close()


def shoot_dialogs(window: QWidget, prefix: Path) -> None:
    """The feature windows opened over the main one: the debrief of a later round (its
    questions, and what was told to whom with the earlier round's answers), the question
    bank, and a further round's checklist."""
    from followthrough.store.debriefs.bank import question_bank
    from followthrough.store.debriefs.records import load_debrief
    from followthrough.store.fields import to_db_instant
    from followthrough.store.models import db
    from followthrough.store.preparation.records import load_preparation
    from followthrough.ui.debriefs.bank import QuestionBankDialog
    from followthrough.ui.debriefs.form import DebriefDialog
    from followthrough.ui.preparation.checklist import PreparationDialog

    # A later round with a debrief, whose application told something at an earlier one.
    later = db.execute_sql(
        "SELECT i.id FROM interview i JOIN debrief d ON d.interview_id = i.id "
        "WHERE i.round >= 2 ORDER BY i.starts_at DESC LIMIT 1"
    ).fetchone()
    if later is not None:
        debrief = DebriefDialog(load_debrief(int(later[0])), NOW.date(), window)
        debrief.resize(760, 600)
        debrief.show()
        save(debrief, Path(f"{prefix}-debrief.png"))
        debrief.tabs.setCurrentIndex(3)
        save(debrief, Path(f"{prefix}-debrief-told.png"))
        debrief.hide()
        debrief.deleteLater()
    bank = QuestionBankDialog(question_bank(), window)
    bank.resize(900, 620)
    bank.show()
    save(bank, Path(f"{prefix}-question-bank.png"))
    bank.hide()
    bank.deleteLater()
    from followthrough.store.offers.records import offer_lines
    from followthrough.ui.offers.comparison import OfferComparisonDialog

    offers = OfferComparisonDialog(offer_lines(), NOW.date(), window)
    offers.resize(860, 460)
    offers.show()
    save(offers, Path(f"{prefix}-offers.png"))
    offers.hide()
    offers.deleteLater()
    ahead = db.execute_sql(
        "SELECT id FROM interview WHERE round >= 2 AND starts_at > ? ORDER BY starts_at LIMIT 1",
        (to_db_instant(NOW),),
    ).fetchone()
    if ahead is not None:
        prep = PreparationDialog(load_preparation(int(ahead[0])), window)
        prep.resize(620, 500)
        prep.show()
        save(prep, Path(f"{prefix}-preparation.png"))
        prep.hide()
        prep.deleteLater()


if __name__ == "__main__":
    raise SystemExit(main())
