"""The tray icon offscreen: its menu for 0, 1 and 20 due items, what each entry emits,
the count badge, and messages when there is no tray."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import QMenu, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from followthrough.domain.clock import FakeClock
from followthrough.store.reminders import DueReminder
from followthrough.ui.shell.tray import CLOSE_TO_TRAY_TEXT, MAX_MENU_ITEMS, TrayIcon, menu_text

BERLIN = ZoneInfo("Europe/Berlin")
SEPARATOR = "---"
ITEM_ENTRIES = [
    "Open",
    "Done",
    SEPARATOR,
    "Snooze 15 minutes",
    "Snooze 1 hour",
    "Snooze until tomorrow morning",
]
PAUSE_ENTRIES = ["For 1 hour", "Until tomorrow morning", "Resume now"]


def reminder(number: int, title: str | None = None) -> DueReminder:
    return DueReminder(
        reminder_id=100 + number,
        kind="followup",
        title=title or f"Follow up with Company {number}",
        body=f"Call about the role {number}",
        due_at=datetime(2026, 11, 20, 9, 0, tzinfo=UTC) + timedelta(minutes=number),
        application_id=number,
        fired=True,
    )


def texts(menu: QMenu) -> list[str]:
    """The visible entries of ``menu``, separators as ``---``."""
    return [
        SEPARATOR if action.isSeparator() else action.text()
        for action in menu.actions()
        if action.isVisible()
    ]


def entry(menu: QMenu, text: str) -> QAction:
    (found,) = [a for a in menu.actions() if a.text() == text and a.isVisible()]
    return found


def image(tray: TrayIcon, size: int = 32) -> QImage:
    return tray.icon().pixmap(size, size).toImage()


@pytest.fixture
def tray(qtbot: QtBot, clock: FakeClock) -> Iterator[TrayIcon]:
    tray = TrayIcon(clock, BERLIN)
    yield tray
    tray.deleteLater()


@pytest.fixture
def shown(tray: TrayIcon, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Pretend a tray host took the icon in; returns the messages shown there."""
    messages: list[tuple[str, str]] = []
    icon = tray.qt_icon
    monkeypatch.setattr(TrayIcon, "available", staticmethod(lambda: True))
    monkeypatch.setattr(icon, "isVisible", lambda: True)
    monkeypatch.setattr(icon, "supportsMessages", lambda: True)
    monkeypatch.setattr(
        icon, "showMessage", lambda title, body, _icon, _msecs: messages.append((title, body))
    )
    return messages


# -- the menu -------------------------------------------------------------------------------


def test_with_nothing_due_the_menu_says_so(tray: TrayIcon) -> None:
    tray.set_due([])
    assert texts(tray.menu()) == [
        "Open Follow-Through",
        SEPARATOR,
        "Nothing due",
        SEPARATOR,
        "Pause reminders",
        SEPARATOR,
        "Quit",
    ]
    assert not entry(tray.menu(), "Nothing due").isEnabled()
    assert tray.item_menus() == []
    assert tray.tool_tip() == "Follow-Through — nothing due"
    assert texts(tray.pause_menu) == PAUSE_ENTRIES
    assert not tray.resume_action.isEnabled()


def test_one_due_item_gets_its_own_submenu(tray: TrayIcon) -> None:
    tray.set_due([reminder(1)])
    assert texts(tray.menu()) == [
        "Open Follow-Through",
        SEPARATOR,
        "Follow up with Company 1",
        SEPARATOR,
        "Pause reminders",
        SEPARATOR,
        "Quit",
    ]
    (submenu,) = tray.item_menus()
    assert entry(tray.menu(), "Follow up with Company 1").menu() is submenu
    assert texts(submenu) == ITEM_ENTRIES
    assert all(action.isEnabled() for action in submenu.actions())
    assert tray.tool_tip() == "Follow-Through — 1 due"


def test_twenty_due_items_list_fifteen_and_count_the_rest(qtbot: QtBot, tray: TrayIcon) -> None:
    tray.set_due([reminder(n) for n in range(20)])
    shown = texts(tray.menu())
    assert shown[:2] == ["Open Follow-Through", SEPARATOR]
    assert shown[2 : 2 + MAX_MENU_ITEMS] == [f"Follow up with Company {n}" for n in range(15)]
    assert shown[2 + MAX_MENU_ITEMS :] == [
        "5 more in the window…",
        SEPARATOR,
        "Pause reminders",
        SEPARATOR,
        "Quit",
    ]
    assert len(tray.item_menus()) == MAX_MENU_ITEMS
    assert tray.tool_tip() == "Follow-Through — 20 due"
    more = entry(tray.menu(), "5 more in the window…")
    assert more.isEnabled()
    with qtbot.waitSignal(tray.open_requested, timeout=1000):
        more.trigger()


def test_the_menu_follows_the_due_list(tray: TrayIcon) -> None:
    tray.set_due([reminder(n) for n in range(20)])
    tray.set_due([reminder(3)])
    assert [m.title() for m in tray.item_menus()] == ["Follow up with Company 3"]
    assert "5 more in the window…" not in texts(tray.menu())
    tray.set_due([])
    assert "Nothing due" in texts(tray.menu())


def test_long_titles_are_cut_and_ampersands_stay_literal(tray: TrayIcon) -> None:
    title = "Thank-you note to R&D lead at\nGlobex   Corporation about the second-round interview"
    tray.set_due([reminder(1, title)])
    (submenu,) = tray.item_menus()
    shown = submenu.title()
    assert shown == menu_text(title)
    assert shown.startswith("Thank-you note to R&&D lead at Globex Corporation")
    assert shown.endswith("…")
    assert len(shown.replace("&&", "&")) <= 50
    assert "\n" not in shown
    assert menu_text("Short & sweet") == "Short && sweet"
    assert menu_text("   ") == "(untitled)"


def test_a_change_while_the_menu_is_open_waits_until_it_opens_again(
    tray: TrayIcon, monkeypatch: pytest.MonkeyPatch
) -> None:
    tray.set_due([reminder(1)])
    monkeypatch.setattr(tray.menu(), "isVisible", lambda: True)
    tray.set_due([reminder(1), reminder(2)])
    assert len(tray.item_menus()) == 1  # not rebuilt under the pointer
    assert tray.tool_tip() == "Follow-Through — 2 due"
    tray.menu().aboutToShow.emit()
    assert len(tray.item_menus()) == 2


# -- what the entries emit ------------------------------------------------------------------


def test_item_entries_emit_with_the_reminder_and_the_right_times(
    qtbot: QtBot, tray: TrayIcon, clock: FakeClock
) -> None:
    first = reminder(1)
    tray.set_due([first, reminder(2)])
    submenu = tray.item_menus()[0]
    # Snooze times are taken when the entry is chosen, not when the menu was built.
    clock.advance(timedelta(minutes=7))
    now = clock.now()  # 15:07 UTC, 16:07 in Berlin on Friday 20 November 2026

    with qtbot.waitSignal(tray.open_reminder, timeout=1000) as opened:
        entry(submenu, "Open").trigger()
    assert opened.args == [first]

    with qtbot.waitSignal(tray.done_requested, timeout=1000) as done:
        entry(submenu, "Done").trigger()
    assert done.args == [101]

    expected = {
        "Snooze 15 minutes": now + timedelta(minutes=15),
        "Snooze 1 hour": now + timedelta(hours=1),
        # 09:00 in Berlin on Saturday 21 November is 08:00 UTC.
        "Snooze until tomorrow morning": datetime(2026, 11, 21, 8, 0, tzinfo=UTC),
    }
    for text, until in expected.items():
        with qtbot.waitSignal(tray.snooze_requested, timeout=1000) as snoozed:
            entry(submenu, text).trigger()
        assert snoozed.args == [101, until], text
        assert snoozed.args[1].tzinfo is not None

    with qtbot.waitSignal(tray.done_requested, timeout=1000) as done:
        entry(tray.item_menus()[1], "Done").trigger()
    assert done.args == [102]


def test_tomorrow_morning_follows_the_clock_change(
    qtbot: QtBot, tray: TrayIcon, clock: FakeClock
) -> None:
    # Saturday 28 March 2026, 22:00 in Berlin; the clocks go forward that night.
    clock.set(datetime(2026, 3, 28, 22, 0, tzinfo=BERLIN))
    tray.set_morning(time(8, 30))
    tray.set_due([reminder(1)])
    with qtbot.waitSignal(tray.snooze_requested, timeout=1000) as snoozed:
        entry(tray.item_menus()[0], "Snooze until tomorrow morning").trigger()
    # 08:30 summer time on Sunday 29 March is 06:30 UTC.
    assert snoozed.args == [101, datetime(2026, 3, 29, 6, 30, tzinfo=UTC)]


def test_pause_entries_emit_until_when(qtbot: QtBot, tray: TrayIcon, clock: FakeClock) -> None:
    now = clock.now()
    with qtbot.waitSignal(tray.pause_requested, timeout=1000) as paused:
        entry(tray.pause_menu, "For 1 hour").trigger()
    assert paused.args == [now + timedelta(hours=1)]
    with qtbot.waitSignal(tray.pause_requested, timeout=1000) as paused:
        entry(tray.pause_menu, "Until tomorrow morning").trigger()
    assert paused.args == [datetime(2026, 11, 21, 8, 0, tzinfo=UTC)]


def test_resume_is_offered_only_while_paused(
    qtbot: QtBot, tray: TrayIcon, clock: FakeClock
) -> None:
    tray.set_due([reminder(1)])
    tray.set_paused(clock.now() + timedelta(hours=1))
    assert tray.resume_action.isEnabled()
    assert texts(tray.pause_menu) == ["Paused until 17:00", *PAUSE_ENTRIES]
    assert tray.tool_tip() == "Follow-Through — 1 due\nReminders paused until 17:00"
    with qtbot.waitSignal(tray.pause_requested, timeout=1000) as resumed:
        tray.resume_action.trigger()
    assert resumed.args == [None]

    tray.set_paused(datetime(2026, 11, 21, 8, 0, tzinfo=UTC))
    assert texts(tray.pause_menu)[0] == "Paused until Sat 21 Nov 09:00"

    tray.set_paused(None)
    assert not tray.resume_action.isEnabled()
    assert texts(tray.pause_menu) == PAUSE_ENTRIES
    assert tray.tool_tip() == "Follow-Through — 1 due"


def test_a_pause_that_ran_out_no_longer_shows(tray: TrayIcon, clock: FakeClock) -> None:
    tray.set_paused(clock.now() + timedelta(hours=1))
    clock.advance(timedelta(hours=2))
    tray.menu().aboutToShow.emit()
    assert not tray.resume_action.isEnabled()
    tray.set_due([])
    assert tray.tool_tip() == "Follow-Through — nothing due"


def test_open_and_quit(qtbot: QtBot, tray: TrayIcon) -> None:
    with qtbot.waitSignal(tray.open_requested, timeout=1000):
        entry(tray.menu(), "Open Follow-Through").trigger()
    with qtbot.waitSignal(tray.quit_requested, timeout=1000):
        entry(tray.menu(), "Quit").trigger()


def test_clicking_the_icon_opens_the_window(qtbot: QtBot, tray: TrayIcon) -> None:
    for reason in (
        QSystemTrayIcon.ActivationReason.Trigger,
        QSystemTrayIcon.ActivationReason.DoubleClick,
    ):
        with qtbot.waitSignal(tray.open_requested, timeout=1000):
            tray.qt_icon.activated.emit(reason)
    with qtbot.assertNotEmitted(tray.open_requested):
        tray.qt_icon.activated.emit(QSystemTrayIcon.ActivationReason.Context)


# -- the icon -------------------------------------------------------------------------------


def test_the_icon_is_the_app_icon(tray: TrayIcon) -> None:
    assert not tray.base_icon.isNull()
    assert image(tray) == tray.base_icon.pixmap(32, 32).toImage()


def test_a_count_badge_appears_when_something_is_due(tray: TrayIcon) -> None:
    plain = image(tray)
    tray.set_due([reminder(1), reminder(2), reminder(3)])
    three = image(tray)
    assert three != plain
    assert three.size() == plain.size()
    tray.set_due([reminder(n) for n in range(12)])
    assert image(tray) not in (plain, three)
    tray.set_due([reminder(n) for n in range(150)])  # "99+"
    assert image(tray, 16) != tray.base_icon.pixmap(16, 16).toImage()
    tray.set_due([])
    assert image(tray) == plain


# -- messages -------------------------------------------------------------------------------


def test_without_a_tray_messages_report_failure(tray: TrayIcon) -> None:
    assert not TrayIcon.available()  # the offscreen platform has no system tray
    assert tray.show_message("Follow up", "Call Initech") is False
    assert tray.show_reminder(reminder(1)) is False
    assert tray.explain_close_to_tray() is False


def test_a_hidden_icon_shows_no_message(tray: TrayIcon, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(TrayIcon, "available", staticmethod(lambda: True))
    assert not tray.is_visible()
    assert tray.show_message("Follow up", "Call Initech") is False


def test_clicking_a_reminder_message_opens_that_reminder(
    qtbot: QtBot, tray: TrayIcon, shown: list[tuple[str, str]]
) -> None:
    item = reminder(4)
    assert tray.show_reminder(item) is True
    assert shown == [(item.title, item.body)]
    with qtbot.waitSignal(tray.open_reminder, timeout=1000) as opened:
        tray.qt_icon.messageClicked.emit()
    assert opened.args == [item]
    # The same click again (no new message) just opens the window.
    with qtbot.waitSignal(tray.open_requested, timeout=1000):
        tray.qt_icon.messageClicked.emit()


def test_a_plain_message_does_not_open_an_earlier_reminder(
    qtbot: QtBot, tray: TrayIcon, shown: list[tuple[str, str]]
) -> None:
    tray.show_reminder(reminder(4))
    assert tray.show_message("Backup", "Your data was saved.") is True
    with qtbot.assertNotEmitted(tray.open_reminder), qtbot.waitSignal(tray.open_requested):
        tray.qt_icon.messageClicked.emit()


def test_closing_to_the_tray_is_explained_in_one_line(
    tray: TrayIcon, shown: list[tuple[str, str]]
) -> None:
    assert tray.explain_close_to_tray() is True
    assert shown == [
        (
            "Follow-Through",
            "Follow-Through keeps running here and will remind you; quit from this menu.",
        )
    ]
    assert "\n" not in CLOSE_TO_TRAY_TEXT


@pytest.mark.parametrize("platform", ["linux", "freebsd14"])
def test_a_reminder_body_reaches_a_freedesktop_tray_escaped(
    tray: TrayIcon,
    shown: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
    platform: str,
) -> None:
    monkeypatch.setattr(sys, "platform", platform)  # the server may read markup
    item = replace(reminder(5), body="Call <b>Dana</b> & Sam at R&D")
    assert tray.show_reminder(item) is True
    assert shown == [(item.title, "Call &lt;b&gt;Dana&lt;/b&gt; &amp; Sam at R&amp;D")]


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_a_reminder_body_reaches_a_windows_or_mac_balloon_as_typed(
    tray: TrayIcon,
    shown: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
    platform: str,
) -> None:
    monkeypatch.setattr(sys, "platform", platform)  # plain text: "&amp;" would show
    item = replace(reminder(5), body="Smith & Co <sales>")
    assert tray.show_reminder(item) is True
    assert shown == [(item.title, "Smith & Co <sales>")]
