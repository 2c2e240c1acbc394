"""Column types shared by the models."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, overload

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
        return None if value is None else instant_from_db(str(value))


def to_db_instant(value: datetime) -> str:
    """The stored text of an instant, for raw comparisons in queries."""
    if value.tzinfo is None:
        raise ValueError("a timezone-aware datetime is required")
    return value.astimezone(UTC).strftime(_UTC_FORMAT)


@overload
def instant_from_db(text: str) -> datetime: ...
@overload
def instant_from_db(text: None) -> None: ...
@overload
def instant_from_db(text: str | None) -> datetime | None: ...
def instant_from_db(text: str | None) -> datetime | None:
    """An instant as stored (``UtcDateTimeField``'s text), in UTC; None stays None. For
    values read by raw SQL, which Peewee does not decode."""
    if text is None:
        return None
    # fromisoformat reads the trailing Z as UTC and is far faster than strptime.
    return datetime.fromisoformat(text).astimezone(UTC)


@overload
def day_from_db(value: date | str) -> date: ...
@overload
def day_from_db(value: None) -> None: ...
@overload
def day_from_db(value: object) -> date | None: ...
def day_from_db(value: object) -> date | None:
    """A day read by raw SQL: ISO text (or a date, where the driver already made one);
    None stays None."""
    if value is None:
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))
