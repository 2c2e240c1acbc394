"""Colours by role: readable on a light and on dark palettes, the light ones as the app always
had them, and following a palette change while the app runs."""

from __future__ import annotations

import itertools
import math
import weakref
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from followthrough.domain.reminder_kinds import registered_kinds
from followthrough.ui.calendar.views import MonthCalendar
from followthrough.ui.common.table_model import Column, RecordTableModel
from followthrough.ui.common.theme import (
    ColourRole,
    colour,
    colour_item,
    colour_text,
    is_dark,
    kind_colour,
    kind_role,
    on_palette_change,
    recolour_items,
    style_colour,
)

Role = ColourRole
# Colours of words: text contrast (WCAG AA) on every palette.
TEXT_ROLES = {Role.ERROR, Role.WARNING, Role.ADVICE, Role.SUCCESS, Role.MUTED, Role.COUNT}
# A background the palette's text is drawn on.
BACKGROUNDS = {Role.FOUND_PASSAGE}
# The card preview: paper and ink as printed, whatever the theme.
PRINTED = {Role.PAPER, Role.INK}
FOREGROUNDS = set(Role) - BACKGROUNDS - PRINTED

# What the light default shows: the old colours, but the today ring (#f2a541), too pale
# for 3:1 on white and a shade darker now, and the kinds' families, given hues of their own.
LIGHT = {
    Role.ERROR: "#b00020",
    Role.WARNING: "#9a5b00",
    Role.ADVICE: "#8a6d00",
    Role.SUCCESS: "#1b7f3b",
    Role.MUTED: "#555555",
    Role.COUNT: "#333333",
    Role.OWED: "#b9770e",
    Role.ACCENT: "#d37d0e",
    Role.ANSWERED: "#2e7d32",
    Role.UNANSWERED: "#b26a00",
    Role.SPELLING: "#d0021b",
    Role.FOUND_PASSAGE: "#ffe08a",
    Role.PAPER: "#fffdf6",
    Role.INK: "#1d2b53",
    Role.INTERVIEW: "#1a91ec",
    Role.DECISION: "#b342f0",
    Role.FOLLOW_UP: "#d27611",
    Role.CLOSING: "#7f8c8d",
    Role.NOTE_DUE: "#0d9e85",
    Role.NOTE_LATE: "#f04342",
    Role.REFERENCE: "#0e9baa",
    Role.REFERENCE_THANKS: "#0da325",
    Role.REFERENCE_OUTCOME: "#89920c",
    Role.NETWORK: "#f04294",
    Role.NEUTRAL: "#777777",
}

# (Base, Window): Fusion's usual dark, a darker Base, black, and one with Window = Base.
DARK = [("#2a2a2a", "#353535"), ("#191919", "#353535"), ("#000000", "#1e1e1e"), ("#3c3f41",) * 2]


def luminance(c: QColor) -> float:
    def linear(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF())


def ratio(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def dark_palette(base: str, window: str) -> QPalette:
    palette = QPalette(QApplication.palette())
    light = QColor("#e8e8e8")
    for role, value in (
        (QPalette.ColorRole.Base, QColor(base)),
        (QPalette.ColorRole.AlternateBase, QColor(window)),
        (QPalette.ColorRole.Window, QColor(window)),
        (QPalette.ColorRole.Button, QColor(window)),
        (QPalette.ColorRole.Text, light),
        (QPalette.ColorRole.WindowText, light),
        (QPalette.ColorRole.ButtonText, light),
    ):
        palette.setColor(role, value)
    return palette


@pytest.fixture
def restore_palette(qapp: QApplication) -> Iterator[None]:
    saved = QPalette(QApplication.palette())
    yield
    QApplication.setPalette(saved)
    assert colour(Role.ERROR).name() == LIGHT[Role.ERROR]


def test_the_light_default_keeps_its_colours(qapp: QApplication) -> None:
    palette = QApplication.palette()
    assert not is_dark(palette)
    assert {role: colour(role, palette).name() for role in Role} == LIGHT


def test_every_role_reads_on_the_light_default(qapp: QApplication) -> None:
    palette = QApplication.palette()
    base, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
    for role in FOREGROUNDS:
        floor = 4.5 if role in TEXT_ROLES else 3.0
        assert ratio(colour(role, palette), base) >= floor, role
    for role in BACKGROUNDS:
        assert ratio(text, colour(role, palette)) >= 4.5, role


@pytest.mark.parametrize(("base", "window"), DARK)
def test_every_role_reads_on_a_dark_palette(qapp: QApplication, base: str, window: str) -> None:
    palette = dark_palette(base, window)
    assert is_dark(palette)
    grounds = [palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Window)]
    for role in FOREGROUNDS:
        # Kind colours colour words in the tables too: text contrast on dark, where no old
        # look holds them back; on Window as well, where labels are drawn.
        for ground in grounds:
            assert ratio(colour(role, palette), ground) >= 4.5, (role, ground.name())
    passage = colour(Role.FOUND_PASSAGE, palette)
    assert ratio(palette.color(QPalette.ColorRole.Text), passage) >= 4.5
    assert ratio(passage, grounds[0]) >= 1.5  # and still stands out from the page


def test_the_card_preview_is_paper_and_ink_in_every_theme(qapp: QApplication) -> None:
    for palette in (QApplication.palette(), dark_palette(*DARK[0])):
        paper, ink = colour(Role.PAPER, palette), colour(Role.INK, palette)
        assert (paper.name(), ink.name()) == (LIGHT[Role.PAPER], LIGHT[Role.INK])
        assert ratio(paper, ink) >= 4.5


def lab(c: QColor) -> tuple[float, float, float]:
    """CIELAB (D65) of an sRGB colour."""

    def linear(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = linear(c.redF()), linear(c.greenF()), linear(c.blueF())
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


@pytest.mark.parametrize("palette_name", ["light", *(f"dark {b}/{w}" for b, w in DARK)])
def test_the_kinds_families_are_told_apart_on_every_palette(
    qapp: QApplication, palette_name: str
) -> None:
    """The calendar's dots and the "What" columns: no two families alike ("Note due" and
    "Thank reference" were both teal-green, "Interview" and the heads-up both blue)."""
    dark = dict(zip((f"dark {b}/{w}" for b, w in DARK), DARK, strict=True))
    palette = (
        QApplication.palette() if palette_name == "light" else dark_palette(*dark[palette_name])
    )
    families = sorted({kind_role(info.kind) for info in registered_kinds()} - {None}, key=str)
    assert len(families) >= 10
    shade = {role: lab(colour(role, palette)) for role in families if role is not None}
    chroma = {role: math.hypot(a, b) for role, (_l, a, b) in shade.items()}
    hue = {role: math.degrees(math.atan2(b, a)) % 360 for role, (_l, a, b) in shade.items()}
    # Closing is the one grey; every other family is clearly coloured.
    greys = {role for role, c in chroma.items() if c < 10}
    assert greys == {Role.CLOSING}
    assert all(c >= 30 for role, c in chroma.items() if role not in greys)
    for first, second in itertools.combinations(shade, 2):
        distance = math.dist(shade[first], shade[second])
        assert distance >= 20, (first, second, distance)
        if first in greys or second in greys:
            continue
        apart = abs(hue[first] - hue[second])
        assert min(apart, 360 - apart) >= 30, (first, second, apart)


def test_a_dark_palette_gets_lighter_colours(qapp: QApplication) -> None:
    palette = dark_palette(*DARK[0])
    error = colour(Role.ERROR, palette)
    assert error.lightnessF() > QColor(LIGHT[Role.ERROR]).lightnessF()
    assert style_colour(Role.ERROR, palette) == f"color: {error.name()};"


def test_every_kind_has_its_colour() -> None:
    assert {str(info.kind): kind_role(info.kind) for info in registered_kinds()} == {
        "interview": Role.INTERVIEW,
        "decision": Role.DECISION,
        "follow_up": Role.FOLLOW_UP,
        "decision_passed": Role.FOLLOW_UP,
        "move_on": Role.CLOSING,
        "position_filled": Role.CLOSING,
        "note_due_soon": Role.NOTE_DUE,
        "note_overdue": Role.NOTE_LATE,
        "reference_heads_up": Role.REFERENCE,
        "reference_thanks": Role.REFERENCE_THANKS,
        "reference_outcome": Role.REFERENCE_OUTCOME,
        "network_check_in": Role.NETWORK,
        # The debrief is writing after an interview, as the notes are.
        "debrief_due": Role.NOTE_DUE,
        "skill_practice": Role.NOTE_DUE,
        # Preparing a round: the interview's own colour.
        "prepare_round": Role.INTERVIEW,
        # Looking at a company again after a no: a closed application's, grey.
        "revisit_company": Role.CLOSING,
        # Answering an offer is a decision that is due, the user's own; the first day
        # closes the other applications.
        "offer_answer": Role.DECISION,
        "first_day": Role.CLOSING,
    }


def test_an_unknown_kind_is_grey(qapp: QApplication) -> None:
    assert kind_role("something_new") is None
    assert kind_colour("something_new") == colour(Role.NEUTRAL)
    assert kind_colour("interview") == colour(Role.INTERVIEW)


def test_coloured_text_follows_a_palette_change(qtbot: QtBot, restore_palette: None) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    label = QLabel("Something went wrong")
    colour_text(label, Role.ERROR)
    QVBoxLayout(window).addWidget(label)
    window.show()

    def shown() -> str:
        return label.palette().color(label.foregroundRole()).name()

    assert shown() == LIGHT[Role.ERROR]
    dark = dark_palette(*DARK[0])
    QApplication.setPalette(dark)
    qtbot.waitUntil(lambda: shown() == colour(Role.ERROR, dark).name())
    colour_text(label, Role.SUCCESS)
    assert shown() == colour(Role.SUCCESS, dark).name()
    colour_text(label, None)  # back to the palette's own text colour
    assert shown() == "#e8e8e8"


def test_list_items_are_coloured_again_on_a_palette_change(
    qtbot: QtBot, restore_palette: None
) -> None:
    findings = QListWidget()
    qtbot.addWidget(findings)
    problem = QListWidgetItem("✗ A problem", findings)
    colour_item(problem, Role.ERROR)
    QListWidgetItem("Plain", findings)
    changes: list[int] = []
    on_palette_change(findings, lambda: (changes.append(1), recolour_items(findings)))
    findings.show()
    assert problem.foreground().color().name() == LIGHT[Role.ERROR]
    dark = dark_palette(*DARK[0])
    QApplication.setPalette(dark)
    qtbot.waitUntil(lambda: bool(changes))
    assert problem.foreground().color() == colour(Role.ERROR, dark)
    assert findings.item(1).data(Qt.ItemDataRole.ForegroundRole) is None


class _Dialog(QWidget):
    def refresh(self) -> None:
        pass


def test_watching_the_palette_keeps_no_window_alive() -> None:
    # Kept alive past its last reference, a dialog's Python overrides (reject asking to
    # discard changes) would still run when the app closes it.
    dialog = _Dialog()
    colour_text(dialog, Role.ERROR)
    on_palette_change(dialog, dialog.refresh)
    gone = weakref.ref(dialog)
    del dialog
    assert gone() is None  # freed at once: no reference cycle through the watchers


def test_table_colours_follow_a_palette_change(restore_palette: None) -> None:
    model: RecordTableModel[str] = RecordTableModel(
        [Column("Name", lambda r: r, colour=lambda _r: Role.ERROR)]
    )
    model.set_rows(["late"])

    def shown() -> str:
        return model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole).color().name()

    assert shown() == LIGHT[Role.ERROR]
    dark = dark_palette(*DARK[0])
    QApplication.setPalette(dark)
    assert shown() == colour(Role.ERROR, dark).name() != LIGHT[Role.ERROR]


def _has(image: QImage, wanted: QColor) -> bool:
    rgb = wanted.rgb()
    return any(
        image.pixel(x, y) == rgb for x in range(image.width()) for y in range(image.height())
    )


def test_calendar_dots_follow_a_palette_change(qtbot: QtBot, restore_palette: None) -> None:
    calendar = MonthCalendar()
    qtbot.addWidget(calendar)
    calendar.resize(500, 400)
    calendar.setSelectedDate(QDate(2026, 3, 2))
    calendar.set_marks({date(2026, 3, 18): {"interview": 1}}, date(2026, 3, 20))
    calendar.show()
    qtbot.waitExposed(calendar)
    light = colour(Role.INTERVIEW)
    assert _has(calendar.grab().toImage(), light)
    dark = dark_palette(*DARK[0])
    QApplication.setPalette(dark)
    qtbot.wait(20)
    image = calendar.grab().toImage()
    assert _has(image, colour(Role.INTERVIEW, dark))
    assert not _has(image, light)


def test_every_registered_kind_names_a_colour_role_of_the_theme() -> None:
    from followthrough.domain.reminder_kinds import registered_kinds
    from followthrough.ui.common.theme import ColourRole, kind_role

    for info in registered_kinds():
        assert info.colour_role in set(ColourRole), info.kind
        assert kind_role(info.kind) is ColourRole(info.colour_role)
    assert kind_role("a_kind_nobody_registered") is None
