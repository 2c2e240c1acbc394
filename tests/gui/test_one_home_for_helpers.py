"""Helpers are imported from where they live, not through a module that passes them on."""

from __future__ import annotations

import re
from pathlib import Path

from followthrough.ui.calendar import views
from followthrough.ui.common import forms

DESKTOP = Path(__file__).resolve().parents[2] / "desktop" / "followthrough"


def test_qdate_helpers_live_only_in_locale_words() -> None:
    assert "from_qdate" not in vars(forms) and "to_qdate" in vars(forms)  # used, not offered
    importing = re.compile(r"from followthrough\.ui\.common\.forms import (\([^)]*\)|[^\n]*)")
    offenders = [
        str(path.relative_to(DESKTOP))
        for path in DESKTOP.rglob("*.py")
        for names in importing.findall(path.read_text(encoding="utf-8"))
        if re.search(r"\b(from|to)_qdate\b", names)
    ]
    assert offenders == []


def test_the_calendar_views_module_passes_nothing_on() -> None:
    assert set(views.__all__) == {"MonthCalendar", "agenda_columns", "agenda_table"}
    assert not hasattr(views, "WeekView") and not hasattr(views, "week_start")
