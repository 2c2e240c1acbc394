"""Column types shared by the models."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import peewee

_UTC_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


class UtcDateTimeField(peewee.Field):
    """An instant, stored as fixed-width ISO 8601 text in UTC (so it sorts as text).

    Naive datetimes are refused: every instant in the app knows its zone.
    """

    field_type = "TEXT"

    def db_value(self, value: datetime | None) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(
                f"{getattr(self, 'name', 'instant')}: a timezone-aware datetime is required"
            )
        return value.astimezone(UTC).strftime(_UTC_FORMAT)

    def python_value(self, value: Any) -> datetime | None:
        if value is None:
            return None
        # fromisoformat reads the trailing Z as UTC and is far faster than strptime.
        return datetime.fromisoformat(value).astimezone(UTC)


def to_db_instant(value: datetime) -> str:
    """The stored text of an instant, for raw comparisons in queries."""
    if value.tzinfo is None:
        raise ValueError("a timezone-aware datetime is required")
    return value.astimezone(UTC).strftime(_UTC_FORMAT)
