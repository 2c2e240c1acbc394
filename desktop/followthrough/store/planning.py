"""Every reminder the facts call for, planned in one call (the scheduler runs it after
each change and at start-up)."""

from __future__ import annotations

from datetime import datetime

from followthrough.store.followups import plan_reminders
from followthrough.store.notes import plan_note_reminders
from followthrough.store.references import plan_reference_reminders


def plan_all(now: datetime) -> dict[str, tuple[int, int]]:
    """Bring every kind of planned reminder in line with the facts at ``now``;
    (written, removed) per feature."""
    return {
        "follow_ups": plan_reminders(),
        "thank_you_notes": plan_note_reminders(now),
        "references": plan_reference_reminders(now),
    }
