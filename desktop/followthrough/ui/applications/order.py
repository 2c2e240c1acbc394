"""The orders the application list and board start in (a small module: the window's
data is sorted in the background before the Applications page is built)."""

from __future__ import annotations

from datetime import date

from followthrough.store.applications import ApplicationSummary

FAR_FUTURE = date.max.toordinal()


def due_sort_key(row: ApplicationSummary) -> int:
    """Soonest due first; applications with nothing due last."""
    due = row.next_action.due_day
    return due.toordinal() if due else FAR_FUTURE


def company_sort_key(row: ApplicationSummary) -> str:
    return row.company.casefold()
