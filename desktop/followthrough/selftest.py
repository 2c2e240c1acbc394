"""``followthrough --self-test``: a headless check that a build works end to end."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import traceback
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from followthrough import APP_NAME, __version__


class SelfTestError(Exception):
    pass


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestError(message)


def _step_database(data_dir: Path) -> None:
    from followthrough.domain.clock import SystemClock
    from followthrough.domain.stages import ClosureReason, Stage
    from followthrough.store.database import open_database
    from followthrough.store.migrations import LATEST_VERSION, schema_version
    from followthrough.store.models import Contact, Interview, InterviewParticipant
    from followthrough.store.queries import change_stage, create_application

    clock = SystemClock()
    database = open_database(data_dir, clock)
    _check(schema_version(database) == LATEST_VERSION, "schema not at the latest version")
    pragmas = {
        name: database.execute_sql(f"PRAGMA {name}").fetchone()[0]
        for name in ("journal_mode", "synchronous", "foreign_keys")
    }
    _check(
        pragmas == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1},
        f"unexpected pragmas {pragmas}",
    )
    application = create_application(
        clock, "Self-test Ltd", "Checker", posting_url="https://example.com/job"
    )
    start = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)  # a DST change in Europe
    interview = Interview.create(
        application=application,
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        time_zone="Europe/Berlin",
    )
    person = Contact.create(name="Dana Lee", created_at=clock.now())
    InterviewParticipant.create(interview=interview, contact=person)
    change_stage(application.id, Stage.INTERVIEWING, clock, clock.now().date())
    change_stage(application.id, Stage.REJECTED, clock, clock.now().date(), ClosureReason.REJECTED)
    database.close()
    database = open_database(data_dir, clock)
    back = Interview.get_by_id(interview.id)
    _check(
        back.starts_at == start and back.application.company == "Self-test Ltd",
        "a record did not read back as written",
    )
    _check(back.application.stage == "rejected", "the stage change was not stored")
    back.application.delete_instance()
    _check(InterviewParticipant.select().count() == 0, "deleting did not cascade")
    _check(Contact.select().count() == 1, "deleting an application removed a contact")
    database.close()


def _step_window(data_dir: Path, artifacts: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer

    from followthrough.app import make_application
    from followthrough.domain.clock import SystemClock
    from followthrough.resources import icon_path
    from followthrough.store.database import open_database
    from followthrough.ui.shell.context import AppContext
    from followthrough.ui.shell.main_window import MainWindow

    _check(icon_path().exists(), f"resources missing: {icon_path()}")
    app = make_application([sys.argv[0]])
    clock = SystemClock()
    database = open_database(data_dir, clock)
    context = AppContext.create(data_dir, database, clock)
    window = MainWindow(context)
    window.resize(1000, 680)
    window.show()
    loop = QEventLoop()
    window.data_loaded.connect(loop.quit)
    QTimer.singleShot(15000, loop.quit)
    window.refresh()
    loop.exec()
    app.processEvents()
    # The database step left one person and no application behind.
    expected = "0 applications (0 active) · 0 interviews · 1 person"
    _check(
        window.status_counts.text() == expected,
        f"the window did not show the data: {window.status_counts.text()!r}",
    )
    image = window.grab().toImage()
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    _check(len(colours) > 5, "the rendered window is blank")
    target = artifacts / "main-window.png"
    _check(image.save(str(target)), f"could not save {target}")
    window.close()
    context.runner.wait_for_done()
    database.close()


def _step_reminders(data_dir: Path) -> None:
    from followthrough.domain.clock import FakeClock
    from followthrough.store.database import open_database
    from followthrough.store.reminders import ReminderSpec, claim_due, sync_reminders

    clock = FakeClock(datetime(2026, 11, 23, 15, 30, tzinfo=UTC))
    database = open_database(data_dir, clock)
    sync_reminders(
        [ReminderSpec("self_test", "one", "Self-test reminder", clock.now())], ["self_test"]
    )
    first, second = claim_due(clock.now()), claim_due(clock.now())
    database.close()
    _check(
        [r.title for r in first] == ["Self-test reminder"] and second == [],
        "a due reminder was not claimed exactly once",
    )


def _step_note_pdf(artifacts: Path) -> None:
    """A sample thank-you note, composed, spell-checked and printed to PDF in each bundled
    handwriting font (the PDFs are left in the artifacts folder)."""
    from datetime import date

    from followthrough.app import make_application
    from followthrough.domain.notes import NoteFacts, PersonalParts, Tone, compose
    from followthrough.domain.spelling import Speller
    from followthrough.services.fonts import load_handwriting_fonts
    from followthrough.services.printing import NoteLayout, PageFormat, note_to_pdf

    make_application([sys.argv[0]])
    note = compose(
        Tone.WARM,
        NoteFacts(
            interviewer_name="Dana Lee",
            interviewer_title="Engineering Manager",
            company="Acme Robotics",
            role_title="Data Engineer",
            interview_day=date(2026, 11, 19),
            sender_name="Alex Kim",
            sender_contact="alex.kim@example.com",
        ),
        PersonalParts(
            specific_point="how your team moved its nightly batch jobs to streaming",
            wish_said="I led a similar migration at my last job, cutting costs by a third",
            promised_on=date(2026, 11, 27),
        ),
    )
    speller = Speller(["Acme"])
    unknown = {m.word for m in speller.misspellings(note.body)}
    _check(not unknown, f"the spelling dictionary does not know {sorted(unknown)}")
    _check(
        [m.word for m in speller.misspellings("Thank you for the interveiw")] == ["interveiw"],
        "the spelling check missed a misspelling",
    )
    fonts = load_handwriting_fonts()
    _check(len(fonts) >= 2, "fewer than two handwriting fonts are bundled")
    for index, font in enumerate(fonts):
        target = artifacts / f"sample-note-{index + 1}.pdf"
        pages = note_to_pdf(
            target,
            note.body,
            NoteLayout(font_family=font.family, page=PageFormat.CARD_A6, ruled=index == 0),
            "Self-test note",
        )
        data = target.read_bytes()
        _check(pages >= 1 and data.startswith(b"%PDF"), f"{target.name} is not a PDF")
        # Font names appear uncompressed in the PDF's font dictionaries.
        squeezed = font.family.replace(" ", "").encode()
        _check(squeezed in data, f"{target.name} does not embed {font.family}")


def _step_notification() -> str:
    """Send one native notification. No notification service on this machine is a note,
    not a failure; a notification backend missing from the build is a failure."""
    from followthrough.services.notifier import PlyerBackend

    try:
        PlyerBackend().deliver("Follow-Through self-test", "Notifications work <&>.")
    except Exception as exc:
        name = type(exc).__name__
        if "DBus" in name or "dbus" in type(exc).__module__:
            return f"no notification service here ({name}); the app would list it in-app"
        raise SelfTestError(f"the notification backend is broken: {name}: {exc}") from exc
    return "sent"


def run_self_test(keep: Path | None = None) -> int:
    print(f"{APP_NAME} {__version__} self-test")
    work = Path(tempfile.mkdtemp(prefix="followthrough-selftest-"))
    artifacts = keep if keep is not None else work / "artifacts"
    artifacts.mkdir(parents=True, exist_ok=True)
    data_dir = work / "data"
    steps: list[tuple[str, Callable[[], None]]] = [
        (
            "database: migrations, pragmas, write and read back, cascade",
            lambda: _step_database(data_dir),
        ),
        ("main window rendered offscreen", lambda: _step_window(data_dir, artifacts)),
        ("a due reminder claimed exactly once", lambda: _step_reminders(data_dir)),
        (
            "a thank-you note composed, spell-checked and printed to PDF in each font",
            lambda: _step_note_pdf(artifacts),
        ),
    ]
    try:
        for name, step in steps:
            try:
                step()
            except SelfTestError as exc:
                print(f"FAIL  {name}: {exc}")
                return 1
            except Exception:
                print(f"FAIL  {name}:\n{traceback.format_exc()}")
                return 1
            print(f"ok    {name}")
        try:
            print(f"ok    desktop notification: {_step_notification()}")
        except SelfTestError as exc:
            print(f"FAIL  desktop notification: {exc}")
            return 1
        if keep is not None:
            print(f"artifacts kept in {artifacts}")
        print("self-test passed")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)
