"""The user's choices: one typed registry with defaults, stored in the ``setting`` table.

Window geometry and other UI state live in QSettings (``ui-state.ini``), not here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import time
from typing import Any, Generic, TypeVar
from zoneinfo import ZoneInfo

from followthrough.domain.cadence import (
    DEFAULT_PATIENCE,
    DEFAULT_WAIT_WORKING_DAYS,
    LONGEST_DEFAULT_WAIT,
    PATIENCE_PRESETS,
    SHORTEST_DEFAULT_WAIT,
)
from followthrough.domain.errors import UserError
from followthrough.domain.momentum import (
    DEFAULT_MIN_ACTIVE,
    DEFAULT_WEEKLY_GOAL,
    MOST_MIN_ACTIVE,
    MOST_WEEKLY_GOAL,
)
from followthrough.domain.notes import DEFAULT_CREATIVE_ROLES
from followthrough.domain.two_clocks import UserHours
from followthrough.domain.wording import QT_TRANSLATE_NOOP, translate
from followthrough.domain.zones import computer_zone_name, zone_known
from followthrough.store.models import Setting, db
from followthrough.store.transactions import writes

T = TypeVar("T", int, bool, str)


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    default: T
    # In English, marked for translation: the checks below write it into their refusals,
    # and the preferences dialog shows it (translated in the "settings" context).
    label: str
    choices: tuple[T, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    # Text options: edited over several lines (an address, contact details).
    multiline: bool = False
    # Text options: a time zone name ("" for the computer's own).
    time_zone: bool = False

    def check(self, value: T) -> T:
        label = translate("settings", self.label)
        if not isinstance(value, type(self.default)):
            raise UserError(
                translate("settings", "{label}: expected {kind}").format(
                    label=label, kind=type(self.default).__name__
                )
            )
        if self.time_zone and isinstance(value, str) and value and not zone_known(value):
            raise UserError(
                translate(
                    "settings", "{label}: “{zone}” is not a time zone this computer knows"
                ).format(label=label, zone=value)
            )
        if self.choices and value not in self.choices:
            raise UserError(
                translate("settings", "{label}: choose one of {choices}").format(
                    label=label, choices=", ".join(map(str, self.choices))
                )
            )
        if isinstance(value, int) and not isinstance(value, bool):
            if self.minimum is not None and value < self.minimum:
                raise UserError(
                    translate("settings", "{label}: at least {minimum}").format(
                        label=label, minimum=self.minimum
                    )
                )
            if self.maximum is not None and value > self.maximum:
                raise UserError(
                    translate("settings", "{label}: at most {maximum}").format(
                        label=label, maximum=self.maximum
                    )
                )
        return value


# How many unanswered follow-ups before the app suggests moving on (docs/advice.md,
# Follow-up timing: a few attempts [003]; one source says a single unanswered message is
# the sign [001]).
PATIENCE = Option(
    "followup.patience",
    DEFAULT_PATIENCE,
    QT_TRANSLATE_NOOP("settings", "Unanswered follow-ups before moving on"),
    PATIENCE_PRESETS,
)
# With no timeframe given: wait more than three days and usually no more than seven [003].
DEFAULT_WAIT = Option(
    "followup.default_wait_working_days",
    DEFAULT_WAIT_WORKING_DAYS,
    QT_TRANSLATE_NOOP("settings", "Working days to wait when no date was given"),
    minimum=SHORTEST_DEFAULT_WAIT,
    maximum=LONGEST_DEFAULT_WAIT,
)
QUIET_START = Option(
    "reminders.quiet_until_hour",
    9,
    QT_TRANSLATE_NOOP("settings", "Reminders start at (hour)"),
    minimum=0,
    maximum=23,
)
QUIET_END = Option(
    "reminders.quiet_from_hour",
    17,
    QT_TRANSLATE_NOOP("settings", "Reminders stop at (hour)"),
    minimum=1,
    maximum=24,
)
START_AT_LOGIN = Option(
    "app.start_at_login", False, QT_TRANSLATE_NOOP("settings", "Start Follow-Through when I log in")
)
# docs/advice.md, Thank-you notes: send within 24 hours; about two days is the outer
# limit [002, 004].
NOTE_HOURS = Option(
    "notes.hours_to_send",
    24,
    QT_TRANSLATE_NOOP("settings", "Hours to send a thank-you note"),
    minimum=24,
    maximum=48,
)
# Kept once, signed under every note.
SENDER_NAME = Option(
    "notes.sender_name", "", QT_TRANSLATE_NOOP("settings", "Your name (signs your notes)")
)
SENDER_CONTACT = Option(
    "notes.sender_contact",
    "",
    QT_TRANSLATE_NOOP("settings", "Your contact details (e-mail, phone, LinkedIn)"),
    multiline=True,
)
# docs/advice.md, A handwritten card for creative roles [002]: the roles whose notes the
# composer suggests sending as a handwritten card (words matched in the role title).
CREATIVE_ROLES = Option(
    "notes.creative_roles",
    ", ".join(DEFAULT_CREATIVE_ROLES),
    QT_TRANSLATE_NOOP("settings", "Roles that suit a handwritten card (words, comma-separated)"),
)
# A reference given to many employers at once gets many calls: warn past this many
# within this many days.
REFERENCE_OVERUSE_COUNT = Option(
    "references.overuse_count",
    3,
    QT_TRANSLATE_NOOP("settings", "Warn when a reference is given to this many employers"),
    minimum=2,
    maximum=10,
)
REFERENCE_OVERUSE_DAYS = Option(
    "references.overuse_days",
    30,
    QT_TRANSLATE_NOOP("settings", "…within this many days"),
    minimum=7,
    maximum=90,
)
# docs/advice.md, Keeping momentum: keep applying elsewhere while you wait; more offers
# give leverage [001, 003, 004]. Today warns below this many active applications (0: never).
MIN_ACTIVE = Option(
    "momentum.min_active",
    DEFAULT_MIN_ACTIVE,
    QT_TRANSLATE_NOOP("settings", "Warn when fewer applications than this are active"),
    minimum=0,
    maximum=MOST_MIN_ACTIVE,
)
# The user's own pace: new applications a week, counted on Today (0: no goal).
WEEKLY_GOAL = Option(
    "momentum.weekly_goal",
    DEFAULT_WEEKLY_GOAL,
    QT_TRANSLATE_NOOP("settings", "New applications per week (your goal)"),
    minimum=0,
    maximum=MOST_WEEKLY_GOAL,
)

# The user's own clock: when they are reminded and how times are shown. Empty: the
# computer's zone as it is when the app starts (it follows the user who travels, from
# the next start; a running app keeps one clock).
USER_ZONE = Option(
    "app.time_zone",
    "",
    QT_TRANSLATE_NOOP("settings", "Your time zone (from the next start)"),
    time_zone=True,
)

# How many of the automatic daily backups are kept in the data folder's backups/ (the
# oldest go first; copies made before a format update or a restore, and those made with
# "Back up now", are never deleted).
KEEP_DAILY_BACKUPS = Option(
    "backups.keep_daily",
    7,
    QT_TRANSLATE_NOOP("settings", "Daily backups to keep"),
    minimum=1,
    maximum=365,
)

# The user's own calendar server (CalDAV), where interviews and reminders are sent, one
# way, while sending is on (File ▸ Calendar server…, not Preferences: it has its own
# dialog, with a connection test). The password is in the system's keyring, never here.
CALENDAR_SERVER = Option(
    "calendar_server.address", "", QT_TRANSLATE_NOOP("settings", "Server address")
)
CALENDAR_USER = Option("calendar_server.user", "", QT_TRANSLATE_NOOP("settings", "User name"))
CALENDAR_NAME = Option(
    "calendar_server.calendar", "", QT_TRANSLATE_NOOP("settings", "Calendar (its name or address)")
)
CALENDAR_SENDING = Option(
    "calendar_server.sending",
    False,
    QT_TRANSLATE_NOOP("settings", "Send my interviews and reminders to this calendar"),
)
CALENDAR_SERVER_OPTIONS: tuple[Option[str] | Option[bool], ...] = (
    CALENDAR_SERVER,
    CALENDAR_USER,
    CALENDAR_NAME,
    CALENDAR_SENDING,
)

# The options that change when reminders come: saving one re-plans every reminder
# (a trigger of migration 5 lists their keys; a test keeps the two in step).
PLANNING_OPTIONS = (PATIENCE, DEFAULT_WAIT, QUIET_START, QUIET_END, NOTE_HOURS, USER_ZONE)

ALL_OPTIONS: tuple[Option[int] | Option[bool] | Option[str], ...] = (
    PATIENCE,
    DEFAULT_WAIT,
    QUIET_START,
    QUIET_END,
    START_AT_LOGIN,
    NOTE_HOURS,
    SENDER_NAME,
    SENDER_CONTACT,
    CREATIVE_ROLES,
    REFERENCE_OVERUSE_COUNT,
    REFERENCE_OVERUSE_DAYS,
    MIN_ACTIVE,
    WEEKLY_GOAL,
    USER_ZONE,
    KEEP_DAILY_BACKUPS,
)


def get(option: Option[T]) -> T:
    row = Setting.get_or_none(Setting.key == option.key)
    if row is None:
        return option.default
    try:
        return option.check(json.loads(row.value))
    except (ValueError, TypeError):
        # A value this version cannot use falls back to the default rather than failing.
        return option.default


@writes
def put(option: Option[T], value: T) -> None:
    option.check(value)
    # Only a real change is written: saving a planning option re-plans every reminder.
    db.execute_sql(
        "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) "
        "DO UPDATE SET value = excluded.value WHERE value IS NOT excluded.value",
        (option.key, json.dumps(value)),
    )


@writes
def put_all(values: dict[Option[Any], Any]) -> None:
    """Several options in one transaction (all or none)."""
    for option, value in values.items():
        put_any(option, value)


def get_any(option: Option[Any]) -> Any:
    """``get`` for code that walks ``ALL_OPTIONS`` (mixed value types)."""
    return get(option)


def put_any(option: Option[Any], value: object) -> None:
    """``put`` for code that walks ``ALL_OPTIONS``; the option checks the value's type."""
    put(option, option.check(value))


# -- the user's clock --------------------------------------------------------------------

# The computer's zone, as the app found it at start (Qt knows it on every platform); until
# then, what Python can tell from the system.
_computer_zone = computer_zone_name()


# The zone a running app settled on at start: one clock for the whole session, so that
# what it plans and what its windows show always agree (a changed preference applies
# from the next start). None: not in the app (a command reads the preference).
_session_zone: str | None = None


def set_computer_zone(name: str) -> None:
    global _computer_zone
    _computer_zone = name if zone_known(name) else "UTC"


def set_session_zone(name: str | None) -> None:
    global _session_zone
    _session_zone = name if name and zone_known(name) else None


def the_computers_zone() -> ZoneInfo:
    """The computer's own zone (what "Your time zone" means when left empty)."""
    return ZoneInfo(_computer_zone)


def user_zone() -> ZoneInfo:
    """The user's own zone: the session's in the running app, else the preference, else
    the computer's."""
    if _session_zone is not None:
        return ZoneInfo(_session_zone)
    chosen = get(USER_ZONE)
    return ZoneInfo(chosen if chosen and zone_known(chosen) else _computer_zone)


def user_hours() -> UserHours:
    """When the user may be reminded, on their own clock (the reminder-hours settings)."""
    start, end = get(QUIET_START), get(QUIET_END)
    return UserHours(time(start), time(23, 59) if end >= 24 else time(end))
