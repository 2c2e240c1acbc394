"""Ordered schema steps, tracked in ``PRAGMA user_version``.

Each step runs in its own transaction together with the version bump, after an online
backup of the database as it was; if a step fails, its transaction rolls back and the
database keeps the schema of the last step that succeeded. Steps are frozen once released:
a change to the models is a new step, never an edit of an old one.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import peewee

from followthrough.domain.clock import Clock
from followthrough.domain.wording import translate
from followthrough.store.backup import backup_database
from followthrough.store.transactions import writing

if TYPE_CHECKING:
    # Loaded only when a migration runs (it brings Peewee's other back ends with it).
    from playhouse.migrate import SqliteMigrator


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[peewee.SqliteDatabase, SqliteMigrator], None]


def _v1_core_tables(database: peewee.SqliteDatabase, _migrator: SqliteMigrator) -> None:
    statements = [
        """
        CREATE TABLE application (
            id INTEGER PRIMARY KEY,
            company TEXT NOT NULL CHECK (length(trim(company)) > 0),
            role_title TEXT NOT NULL DEFAULT '',
            posting_url TEXT NOT NULL DEFAULT '',
            location TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            applied_on DATE,
            stage TEXT NOT NULL DEFAULT 'applied' CHECK (stage IN ('applied', 'interviewing',
                'offer', 'accepted', 'rejected', 'withdrawn', 'filled', 'no_response')),
            closed_on DATE,
            closure_reason TEXT CHECK (closure_reason IS NULL OR closure_reason IN
                ('rejected', 'withdrew', 'filled', 'no_response', 'accepted_elsewhere')),
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX application_stage ON application (stage)",
        """
        CREATE TABLE stage_event (
            id INTEGER PRIMARY KEY,
            application_id INTEGER NOT NULL REFERENCES application (id) ON DELETE CASCADE,
            from_stage TEXT,
            to_stage TEXT NOT NULL,
            closure_reason TEXT,
            happened_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX stage_event_application_id ON stage_event (application_id)",
        """
        CREATE TABLE contact (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            title TEXT NOT NULL DEFAULT '',
            company TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            linkedin_url TEXT NOT NULL DEFAULT '',
            preferred_method TEXT CHECK (preferred_method IS NULL OR preferred_method IN
                ('phone', 'email', 'either')),
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE contact_role (
            id INTEGER PRIMARY KEY,
            contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
            role TEXT NOT NULL CHECK (role IN ('interviewer', 'recruiter', 'hiring_manager',
                'referrer', 'reference'))
        )
        """,
        "CREATE UNIQUE INDEX contact_role_contact_id_role ON contact_role (contact_id, role)",
        """
        CREATE TABLE interview (
            id INTEGER PRIMARY KEY,
            application_id INTEGER NOT NULL REFERENCES application (id) ON DELETE CASCADE,
            round INTEGER NOT NULL DEFAULT 1 CHECK (round >= 1),
            starts_at TEXT NOT NULL,
            ends_at TEXT NOT NULL CHECK (ends_at >= starts_at),
            time_zone TEXT NOT NULL,
            format TEXT NOT NULL DEFAULT 'video' CHECK (format IN ('phone', 'video', 'onsite')),
            location TEXT NOT NULL DEFAULT '',
            next_step TEXT NOT NULL DEFAULT '',
            decision_expected_on DATE,
            decision_within_count INTEGER CHECK (decision_within_count IS NULL
                OR decision_within_count > 0),
            decision_within_unit TEXT CHECK (decision_within_unit IS NULL OR
                decision_within_unit IN ('days', 'working_days', 'weeks')),
            tells_unsuccessful INTEGER,
            check_back_when TEXT NOT NULL DEFAULT '',
            check_back_method TEXT CHECK (check_back_method IS NULL OR check_back_method IN
                ('phone', 'email', 'either')),
            notes TEXT NOT NULL DEFAULT ''
        )
        """,
        "CREATE INDEX interview_application_id ON interview (application_id)",
        "CREATE INDEX interview_starts_at ON interview (starts_at)",
        "CREATE INDEX interview_decision_expected_on ON interview (decision_expected_on)",
        """
        CREATE TABLE interview_participant (
            id INTEGER PRIMARY KEY,
            interview_id INTEGER NOT NULL REFERENCES interview (id) ON DELETE CASCADE,
            contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
            role TEXT NOT NULL DEFAULT 'interviewer'
        )
        """,
        "CREATE UNIQUE INDEX interview_participant_interview_id_contact_id "
        "ON interview_participant (interview_id, contact_id)",
        "CREATE INDEX interview_participant_contact_id ON interview_participant (contact_id)",
    ]
    for statement in statements:
        database.execute_sql(statement)


def _v2_touchpoints_reminders_settings(
    database: peewee.SqliteDatabase, _migrator: SqliteMigrator
) -> None:
    statements = [
        """
        CREATE TABLE touchpoint (
            id INTEGER PRIMARY KEY,
            application_id INTEGER NOT NULL REFERENCES application (id) ON DELETE CASCADE,
            contact_id INTEGER REFERENCES contact (id) ON DELETE SET NULL,
            happened_at TEXT NOT NULL,
            channel TEXT NOT NULL CHECK (channel IN ('phone', 'voicemail', 'email', 'reply')),
            answered INTEGER NOT NULL DEFAULT 0,
            outcome TEXT NOT NULL DEFAULT 'no_news' CHECK (outcome IN
                ('no_news', 'still_candidate', 'new_timeframe', 'filled')),
            new_decision_on DATE,
            notes TEXT NOT NULL DEFAULT ''
        )
        """,
        "CREATE INDEX touchpoint_application_id ON touchpoint (application_id, happened_at)",
        """
        CREATE TABLE reminder (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            subject_key TEXT NOT NULL,
            application_id INTEGER REFERENCES application (id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            body TEXT NOT NULL DEFAULT '',
            due_at TEXT NOT NULL,
            snoozed_until TEXT,
            fired_at TEXT,
            done_at TEXT,
            dismissed_at TEXT,
            delivered_via TEXT,
            delivery_error TEXT
        )
        """,
        "CREATE UNIQUE INDEX reminder_kind_subject ON reminder (kind, subject_key)",
        "CREATE INDEX reminder_application_id ON reminder (application_id)",
        # What fires next: an index on the effective due instant of open, unfired reminders,
        # so the scheduler's query stays a lookup however many reminders there are.
        """
        CREATE INDEX reminder_next_due ON reminder (COALESCE(snoozed_until, due_at))
        WHERE fired_at IS NULL AND done_at IS NULL AND dismissed_at IS NULL
        """,
        "CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        # "Call me every two weeks": the rhythm the interviewer named, never to be exceeded.
        "ALTER TABLE interview ADD COLUMN check_back_every_days INTEGER "
        "CHECK (check_back_every_days IS NULL OR check_back_every_days > 0)",
        # The five-second "who I am" for the phone, kept per application.
        "ALTER TABLE application ADD COLUMN intro_line TEXT NOT NULL DEFAULT ''",
    ]
    for statement in statements:
        database.execute_sql(statement)


def _v3_thank_you_notes(database: peewee.SqliteDatabase, _migrator: SqliteMigrator) -> None:
    statements = [
        # One note per interviewer and interview; the personal parts are kept apart from
        # the text so the template can be filled again until the text is edited by hand.
        """
        CREATE TABLE thank_you_note (
            id INTEGER PRIMARY KEY,
            interview_id INTEGER NOT NULL REFERENCES interview (id) ON DELETE CASCADE,
            contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
            status TEXT NOT NULL DEFAULT 'to_write' CHECK (status IN ('to_write', 'drafted',
                'checked', 'sent', 'mailed', 'dropped_off')),
            medium TEXT NOT NULL DEFAULT 'email'
                CHECK (medium IN ('email', 'card', 'drop_off')),
            tone TEXT NOT NULL DEFAULT 'warm',
            subject TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            edited_by_hand INTEGER NOT NULL DEFAULT 0,
            specific_point TEXT NOT NULL DEFAULT '',
            wish_said TEXT NOT NULL DEFAULT '',
            extra TEXT NOT NULL DEFAULT '',
            promised_on DATE,
            address TEXT NOT NULL DEFAULT '',
            checked_at TEXT,
            finished_at TEXT,
            finished_on DATE,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (interview_id, contact_id)
        )
        """,
        "CREATE INDEX thank_you_note_contact_id ON thank_you_note (contact_id)",
        # Names and company words the spelling check should take as correct.
        "CREATE TABLE personal_word (word TEXT PRIMARY KEY COLLATE NOCASE)",
    ]
    for statement in statements:
        database.execute_sql(statement)


_OLD_STAGE_CHECK = """CHECK (stage IN ('applied', 'interviewing',
                'offer', 'accepted', 'rejected', 'withdrawn', 'filled', 'no_response'))"""
_NEW_STAGE_CHECK = """CHECK (stage IN ('applied', 'interviewing', 'reference_check',
                'offer', 'accepted', 'rejected', 'withdrawn', 'filled', 'no_response'))"""


def _widen_stage_check(database: peewee.SqliteDatabase) -> None:
    """Let ``application.stage`` take "reference_check".

    SQLite cannot alter a CHECK constraint, and rebuilding the table would need foreign
    keys off (impossible inside this step's transaction; with them on, dropping the table
    would cascade into every child row). Widening an IN list changes nothing on disk and
    every stored row still passes, so the stored CREATE statement is edited in place, the
    way the SQLite manual describes for such changes (lang_altertable.html, "otheralter").
    """
    (sql,) = database.execute_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'application'"
    ).fetchone()
    if _OLD_STAGE_CHECK not in sql:
        raise RuntimeError("the application table's stage check is not the one expected")
    (version,) = database.execute_sql("PRAGMA schema_version").fetchone()
    database.execute_sql("PRAGMA writable_schema = ON")
    try:
        database.execute_sql(
            "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'application'",
            (sql.replace(_OLD_STAGE_CHECK, _NEW_STAGE_CHECK),),
        )
        # PRAGMA takes no bound parameters; the version is an int read just above.
        database.execute_sql(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        database.execute_sql("PRAGMA writable_schema = OFF")


def _v4_references(database: peewee.SqliteDatabase, _migrator: SqliteMigrator) -> None:
    _widen_stage_check(database)
    statements = [
        # What makes someone a good reference, kept once per person.
        """
        CREATE TABLE reference_profile (
            contact_id INTEGER PRIMARY KEY REFERENCES contact (id) ON DELETE CASCADE,
            relationship TEXT NOT NULL DEFAULT '',
            speaks_to TEXT NOT NULL DEFAULT '',
            consent_on DATE,
            updated_at TEXT NOT NULL
        )
        """,
        # A reference given to one employer, or a network contact at (or into) it, with
        # every step of keeping them in the loop.
        """
        CREATE TABLE application_reference (
            id INTEGER PRIMARY KEY,
            application_id INTEGER NOT NULL REFERENCES application (id) ON DELETE CASCADE,
            contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
            kind TEXT NOT NULL DEFAULT 'reference' CHECK (kind IN ('reference', 'network')),
            given_on DATE,
            emphasis TEXT NOT NULL DEFAULT '',
            resume_path TEXT NOT NULL DEFAULT '',
            heads_up_at TEXT,
            heads_up_via TEXT,
            contacted_on DATE,
            contacted_by TEXT,
            contacted_logged_at TEXT,
            thanked_on DATE,
            outcome_told_on DATE,
            checked_in_at TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (application_id, contact_id)
        )
        """,
        "CREATE INDEX application_reference_contact_id ON application_reference (contact_id)",
    ]
    for statement in statements:
        database.execute_sql(statement)


# Settings that change when reminders come (store.settings keys; frozen with this step).
PLANNING_SETTING_KEYS = (
    "followup.patience",
    "followup.default_wait_working_days",
    "reminders.quiet_until_hour",
    "reminders.quiet_from_hour",
    "notes.hours_to_send",
)


def _dirty(select: str) -> str:
    # Not INSERT OR IGNORE: inside a trigger, the conflict clause of the statement that
    # fired it (an upsert, say) would override that one.
    return (
        f"INSERT INTO plan_dirty (application_id) SELECT DISTINCT app FROM ({select}) "
        "WHERE app IS NOT NULL AND app NOT IN (SELECT application_id FROM plan_dirty);"
    )


def _v5_plan_by_what_changed(database: peewee.SqliteDatabase, _migrator: SqliteMigrator) -> None:
    """Reminders re-planned by what changed: a lapse instant on each reminder, and a list of
    applications whose facts changed since they were last planned, kept by triggers in the
    same transaction as the change (application 0: everything, e.g. a planning setting)."""
    by_application = "SELECT {row}.application_id AS app"
    by_interview = "SELECT application_id AS app FROM interview WHERE id = {row}.interview_id"
    by_contact = (
        "SELECT i.application_id AS app FROM interview_participant p "
        "JOIN interview i ON i.id = p.interview_id WHERE p.contact_id = {row}.id "
        "UNION SELECT application_id FROM application_reference WHERE contact_id = {row}.id"
    )
    statements = [
        "ALTER TABLE reminder ADD COLUMN expires_at TEXT",
        """
        CREATE TABLE plan_dirty (
            application_id INTEGER PRIMARY KEY,
            stamp INTEGER NOT NULL DEFAULT 0
        )
        """,
        # Everything is planned afresh once after this step.
        "INSERT INTO plan_dirty (application_id, stamp) VALUES (0, 1)",
        f"""
        CREATE TRIGGER plan_dirty_application_insert AFTER INSERT ON application
        BEGIN {_dirty("SELECT NEW.id AS app")} END
        """,
        f"""
        CREATE TRIGGER plan_dirty_application_update AFTER UPDATE ON application
        WHEN OLD.company IS NOT NEW.company OR OLD.role_title IS NOT NEW.role_title
          OR OLD.stage IS NOT NEW.stage OR OLD.closed_on IS NOT NEW.closed_on
        BEGIN {_dirty("SELECT NEW.id AS app")} END
        """,
        f"""
        CREATE TRIGGER plan_dirty_contact_update AFTER UPDATE ON contact
        WHEN OLD.name IS NOT NEW.name OR OLD.title IS NOT NEW.title
          OR OLD.email IS NOT NEW.email OR OLD.preferred_method IS NOT NEW.preferred_method
        BEGIN {_dirty(by_contact.format(row="NEW"))} END
        """,
        f"""
        CREATE TRIGGER plan_dirty_note_update AFTER UPDATE ON thank_you_note
        WHEN OLD.status IS NOT NEW.status OR OLD.promised_on IS NOT NEW.promised_on
          OR OLD.medium IS NOT NEW.medium
        BEGIN {_dirty(by_interview.format(row="NEW"))} END
        """,
    ]
    for table, select in (
        ("stage_event", by_application),
        ("interview", by_application),
        ("touchpoint", by_application),
        ("application_reference", by_application),
        ("interview_participant", by_interview),
    ):
        for event, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
            statements.append(
                f"CREATE TRIGGER plan_dirty_{table}_{event.lower()} AFTER {event} ON {table} "
                f"BEGIN {_dirty(select.format(row=row))} END"
            )
    for event, row in (("INSERT", "NEW"), ("DELETE", "OLD")):
        statements.append(
            f"CREATE TRIGGER plan_dirty_note_{event.lower()} AFTER {event} ON thank_you_note "
            f"BEGIN {_dirty(by_interview.format(row=row))} END"
        )
    statements += _setting_triggers(PLANNING_SETTING_KEYS)
    for statement in statements:
        database.execute_sql(statement)


def _setting_triggers(keys: tuple[str, ...]) -> list[str]:
    """Saving one of these settings marks everything to be planned again."""
    listed = ", ".join(f"'{key}'" for key in keys)
    return [
        f"CREATE TRIGGER plan_dirty_setting_{event.lower()} AFTER {event} ON setting "
        f"WHEN {row}.key IN ({listed}) BEGIN "
        "UPDATE plan_dirty SET stamp = stamp + 1 WHERE application_id = 0; "
        "INSERT INTO plan_dirty (application_id, stamp) SELECT 0, 1 "
        "WHERE NOT EXISTS (SELECT 1 FROM plan_dirty WHERE application_id = 0); END"
        for event, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD"))
    ]


# Frozen with step 6: the user's time zone now decides when reminders come.
PLANNING_SETTING_KEYS_V6 = (*PLANNING_SETTING_KEYS, "app.time_zone")


def _v6_what_they_said(database: peewee.SqliteDatabase, _migrator: SqliteMigrator) -> None:
    """The day they said to check back on, their words about the decision, the user's
    time zone among the settings that re-plan everything, and suspended reminders."""
    statements = [
        # A reminder whose subject is gone waits, as it was, should the subject return.
        "ALTER TABLE reminder ADD COLUMN suspended_at TEXT",
        "ALTER TABLE interview ADD COLUMN check_back_on DATE",
        "ALTER TABLE interview ADD COLUMN decision_said TEXT NOT NULL DEFAULT ''",
        *(f"DROP TRIGGER plan_dirty_setting_{event}" for event in ("insert", "update", "delete")),
        *_setting_triggers(PLANNING_SETTING_KEYS_V6),
        # The rules changed (channel, promise, two clocks): everything is planned again.
        "UPDATE plan_dirty SET stamp = stamp + 1 WHERE application_id = 0",
        "INSERT INTO plan_dirty (application_id, stamp) SELECT 0, 1 "
        "WHERE NOT EXISTS (SELECT 1 FROM plan_dirty WHERE application_id = 0)",
    ]
    for statement in statements:
        database.execute_sql(statement)


def _v7_one_subject_format(database: peewee.SqliteDatabase, _migrator: SqliteMigrator) -> None:
    """Reminders as the registry of kinds wants them (domain.reminder_kinds):

    - follow-up subjects join the one key format: "application:A:interview:I:after:N"
      becomes "follow_up:A:I:N" (states kept);
    - a ``params`` column, what each reminder's words are written from when shown; every
      application is marked for planning, which fills it in (the stored words stay shown
      until then, and for kinds without a renderer)."""
    database.execute_sql("ALTER TABLE reminder ADD COLUMN params TEXT NOT NULL DEFAULT ''")
    for statement in (
        "UPDATE plan_dirty SET stamp = stamp + 1 WHERE application_id = 0",
        "INSERT INTO plan_dirty (application_id, stamp) SELECT 0, 1 "
        "WHERE NOT EXISTS (SELECT 1 FROM plan_dirty WHERE application_id = 0)",
    ):
        database.execute_sql(statement)
    rows = database.execute_sql(
        "SELECT id, subject_key FROM reminder WHERE subject_key LIKE 'application:%'"
    ).fetchall()
    for reminder_id, key in rows:
        parts = key.split(":")
        if len(parts) == 6 and parts[2] == "interview" and parts[4] == "after":
            new_key = f"follow_up:{parts[1]}:{parts[3]}:{parts[5]}"
            database.execute_sql(
                "UPDATE reminder SET subject_key = ? WHERE id = ?", (new_key, reminder_id)
            )


def _v8_month_count_indexes(database: peewee.SqliteDatabase, _migrator: SqliteMigrator) -> None:
    # The calendar counts a month's open reminders per day and kind (fired or not): an
    # index over exactly those rows answers it without reading the table. With when each
    # fired and expires, the other questions about open reminders (which have fired,
    # which lapse) are answered from it too, rather than read slower through it.
    database.execute_sql(
        """
        CREATE INDEX reminder_open_due
        ON reminder (COALESCE(snoozed_until, due_at), kind, fired_at, expires_at)
        WHERE done_at IS NULL AND dismissed_at IS NULL AND suspended_at IS NULL
        """
    )
    # An application's decision date is the one named at its latest interview that named
    # one (``store.agenda``): its interviews with a date, latest last, without the table.
    database.execute_sql(
        """
        CREATE INDEX interview_decision_order
        ON interview (application_id, starts_at, id, decision_expected_on)
        WHERE decision_expected_on IS NOT NULL
        """
    )


def _v9_debriefs(database: peewee.SqliteDatabase, _migrator: SqliteMigrator) -> None:
    """Debriefs: one per interview, its questions, what was told to whom, and skills to
    develop; saving or removing one re-plans its application (the "debrief while it is
    fresh" reminder goes, a skill's practice reminder comes)."""
    by_interview = "SELECT application_id AS app FROM interview WHERE id = {row}.interview_id"
    by_debrief = (
        "SELECT i.application_id AS app FROM debrief d JOIN interview i ON i.id = d.interview_id "
        "WHERE d.id = {row}.debrief_id"
    )
    statements = [
        """
        CREATE TABLE debrief (
            id INTEGER PRIMARY KEY,
            interview_id INTEGER NOT NULL UNIQUE REFERENCES interview (id) ON DELETE CASCADE,
            went_well TEXT NOT NULL DEFAULT '',
            to_improve TEXT NOT NULL DEFAULT '',
            meant_to_say TEXT NOT NULL DEFAULT '',
            rating INTEGER CHECK (rating BETWEEN 1 AND 5),
            written_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE debrief_question (
            id INTEGER PRIMARY KEY,
            debrief_id INTEGER NOT NULL REFERENCES debrief (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            question TEXT NOT NULL,
            answer TEXT NOT NULL DEFAULT '',
            how_it_went TEXT CHECK (how_it_went IN ('well', 'okay', 'poorly')),
            themes TEXT NOT NULL DEFAULT '',
            best INTEGER NOT NULL DEFAULT 0,
            practise INTEGER NOT NULL DEFAULT 0
        )
        """,
        "CREATE INDEX debrief_question_debrief ON debrief_question (debrief_id, position)",
        """
        CREATE TABLE debrief_told (
            id INTEGER PRIMARY KEY,
            debrief_id INTEGER NOT NULL REFERENCES debrief (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            topic TEXT NOT NULL,
            said TEXT NOT NULL,
            told_to TEXT NOT NULL DEFAULT ''
        )
        """,
        "CREATE INDEX debrief_told_debrief ON debrief_told (debrief_id, position)",
        """
        CREATE TABLE debrief_skill (
            id INTEGER PRIMARY KEY,
            debrief_id INTEGER NOT NULL REFERENCES debrief (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            practise_by DATE,
            done INTEGER NOT NULL DEFAULT 0
        )
        """,
        "CREATE INDEX debrief_skill_debrief ON debrief_skill (debrief_id, position)",
    ]
    for event, row in (("INSERT", "NEW"), ("DELETE", "OLD")):
        statements.append(
            f"CREATE TRIGGER plan_dirty_debrief_{event.lower()} AFTER {event} ON debrief "
            f"BEGIN {_dirty(by_interview.format(row=row))} END"
        )
    for event, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
        statements.append(
            f"CREATE TRIGGER plan_dirty_debrief_skill_{event.lower()} AFTER {event} "
            f"ON debrief_skill BEGIN {_dirty(by_debrief.format(row=row))} END"
        )
    for statement in statements:
        database.execute_sql(statement)


def _v10_rejection_playbook(database: peewee.SqliteDatabase, _migrator: SqliteMigrator) -> None:
    """After a rejection: each playbook step's state (to do, done, skipped), and the months
    chosen for the "look at the company again" reminder. A change marks its application
    for planning (the revisit reminder is planned from these rows)."""
    statements = [
        """
        CREATE TABLE rejection_step (
            id INTEGER PRIMARY KEY,
            application_id INTEGER NOT NULL REFERENCES application (id) ON DELETE CASCADE,
            step_key TEXT NOT NULL CHECK (length(step_key) > 0),
            state TEXT NOT NULL DEFAULT 'todo' CHECK (state IN ('todo', 'done', 'skipped')),
            months INTEGER CHECK (months IS NULL OR months BETWEEN 1 AND 24),
            updated_at TEXT NOT NULL,
            UNIQUE (application_id, step_key)
        )
        """
    ]
    select = "SELECT {row}.application_id AS app"
    for event, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
        statements.append(
            f"CREATE TRIGGER plan_dirty_rejection_step_{event.lower()} AFTER {event} "
            f"ON rejection_step BEGIN {_dirty(select.format(row=row))} END"
        )
    for statement in statements:
        database.execute_sql(statement)


def _v11_offers(database: peewee.SqliteDatabase, _migrator: SqliteMigrator) -> None:
    """Offers: one per application, the terms as typed, the answer deadline on the user's
    clock, its status and the start day once accepted; saving, answering or removing one
    re-plans its application (its "answer by" reminders instead of follow-ups, the first
    day's reminder)."""
    statements = [
        """
        CREATE TABLE offer (
            id INTEGER PRIMARY KEY,
            application_id INTEGER NOT NULL UNIQUE
                REFERENCES application (id) ON DELETE CASCADE,
            salary TEXT NOT NULL DEFAULT '',
            bonus TEXT NOT NULL DEFAULT '',
            benefits TEXT NOT NULL DEFAULT '',
            location TEXT NOT NULL DEFAULT '',
            answer_by DATE,
            answer_by_time TEXT,
            status TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'accepted', 'declined')),
            answered_on DATE,
            start_on DATE,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        # The follow-up planner asks, per application, whether an offer is open.
        "CREATE INDEX offer_open ON offer (application_id) WHERE status = 'open'",
    ]
    by_application = "SELECT {row}.application_id AS app"
    for event, row in (("INSERT", "NEW"), ("DELETE", "OLD")):
        statements.append(
            f"CREATE TRIGGER plan_dirty_offer_{event.lower()} AFTER {event} ON offer "
            f"BEGIN {_dirty(by_application.format(row=row))} END"
        )
    statements.append(
        f"""
        CREATE TRIGGER plan_dirty_offer_update AFTER UPDATE ON offer
        WHEN OLD.status IS NOT NEW.status OR OLD.answer_by IS NOT NEW.answer_by
          OR OLD.answer_by_time IS NOT NEW.answer_by_time OR OLD.start_on IS NOT NEW.start_on
          OR OLD.salary IS NOT NEW.salary
        BEGIN {_dirty(by_application.format(row="NEW"))} END
        """
    )
    for statement in statements:
        database.execute_sql(statement)


def _v12_preparation(database: peewee.SqliteDatabase, _migrator: SqliteMigrator) -> None:
    """The ticks of a further round's preparation checklist (the items themselves are
    made from the facts, ``domain.preparation``)."""
    database.execute_sql(
        """
        CREATE TABLE prep_tick (
            interview_id INTEGER NOT NULL REFERENCES interview (id) ON DELETE CASCADE,
            item TEXT NOT NULL,
            ticked_at TEXT NOT NULL,
            PRIMARY KEY (interview_id, item)
        ) WITHOUT ROWID
        """
    )


def _v13_listed_where_shown(database: peewee.SqliteDatabase, _migrator: SqliteMigrator) -> None:
    # An open reminder is listed at when it fires, or at when it was shown if that was
    # earlier (``store.reminders.PLACED``): the index of open reminders by that instant
    # follows, or the agenda's range queries and counts would read the whole table.
    # The expression is written here as it was at version 13, not imported.
    database.execute_sql("DROP INDEX IF EXISTS reminder_open_due")
    database.execute_sql(
        """
        CREATE INDEX reminder_open_due
        ON reminder (
            MIN(COALESCE(snoozed_until, due_at), COALESCE(fired_at, snoozed_until, due_at)),
            kind, fired_at, expires_at
        )
        WHERE done_at IS NULL AND dismissed_at IS NULL AND suspended_at IS NULL
        """
    )


def _zone_when_migrating(database: peewee.SqliteDatabase) -> str:
    """The user's zone as the app reads it now: "Your time zone" when set to a zone this
    computer knows, else the computer's own."""
    from followthrough.domain.zones import zone_known
    from followthrough.store.settings import the_computers_zone

    row = database.execute_sql("SELECT value FROM setting WHERE key = 'app.time_zone'").fetchone()
    try:
        chosen = json.loads(row[0]) if row is not None else ""
    except ValueError:
        chosen = ""
    if isinstance(chosen, str) and chosen and zone_known(chosen):
        return chosen
    return the_computers_zone().key


def _v14_offer_deadline_zone(database: peewee.SqliteDatabase, _migrator: SqliteMigrator) -> None:
    """An offer's answer deadline keeps the zone it was given in, so that it stays one
    instant when the user's zone changes (it was a wall-clock day and time, read on
    whatever clock the user had later).

    Existing deadlines get the user's zone at the time of this step: the "Your time zone"
    setting, else the computer's. They were typed on the user's clock as the app read it
    then, and every reminder of them was planned on that clock, so this is the best guess
    of the zone they were given in and it moves no deadline and no reminder on the update
    itself. (A user who changed zones between recording an offer and this update had the
    deadline read on the new clock already; which one they meant cannot be known.)

    The day's "answer by" reminder no longer lapses at the deadline (it stays due, "reply
    now or ask for more time"): one that lapsed so (dismissed at its lapse, not by the
    user, who can only dismiss before it) for an offer still open comes back. Everything
    is planned again, the reminders' words now naming the deadline's own clock."""
    zone = _zone_when_migrating(database)
    by_application = "SELECT {row}.application_id AS app"
    statements: list[tuple[str, tuple[object, ...]]] = [
        # NULL: not known (a file from before it was kept), read on the user's clock.
        ("ALTER TABLE offer ADD COLUMN answer_by_zone TEXT", ()),
        ("UPDATE offer SET answer_by_zone = ?", (zone,)),
        ("DROP TRIGGER plan_dirty_offer_update", ()),
        (
            f"""
            CREATE TRIGGER plan_dirty_offer_update AFTER UPDATE ON offer
            WHEN OLD.status IS NOT NEW.status OR OLD.answer_by IS NOT NEW.answer_by
              OR OLD.answer_by_time IS NOT NEW.answer_by_time
              OR OLD.answer_by_zone IS NOT NEW.answer_by_zone
              OR OLD.start_on IS NOT NEW.start_on OR OLD.salary IS NOT NEW.salary
            BEGIN {_dirty(by_application.format(row="NEW"))} END
            """,
            (),
        ),
        (
            "UPDATE reminder SET dismissed_at = NULL, expires_at = NULL "
            "WHERE kind = 'offer_answer' AND subject_key LIKE 'offer:%:0' "
            "AND done_at IS NULL AND dismissed_at IS NOT NULL AND expires_at IS NOT NULL "
            "AND dismissed_at >= expires_at "
            "AND application_id IN (SELECT application_id FROM offer WHERE status = 'open')",
            (),
        ),
        ("UPDATE plan_dirty SET stamp = stamp + 1 WHERE application_id = 0", ()),
        (
            "INSERT INTO plan_dirty (application_id, stamp) SELECT 0, 1 "
            "WHERE NOT EXISTS (SELECT 1 FROM plan_dirty WHERE application_id = 0)",
            (),
        ),
    ]
    for statement, params in statements:
        database.execute_sql(statement, params)


# Number 10 is another branch's; versions only need to increase.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "applications, contacts, interviews and their participants", _v1_core_tables),
    Migration(2, "touchpoints, reminders and settings", _v2_touchpoints_reminders_settings),
    Migration(3, "thank-you notes and the personal word list", _v3_thank_you_notes),
    Migration(4, "references, network contacts and the reference-check stage", _v4_references),
    Migration(5, "reminders re-planned by what changed", _v5_plan_by_what_changed),
    Migration(6, "what the interviewer said: a check-back day, their words", _v6_what_they_said),
    Migration(7, "reminders: one subject format, words written when shown", _v7_one_subject_format),
    Migration(8, "indexes for the calendar's counts of a month", _v8_month_count_indexes),
    Migration(9, "debriefs: questions, what was told to whom, skills", _v9_debriefs),
    Migration(10, "after a rejection: the playbook's steps", _v10_rejection_playbook),
    Migration(11, "offers: the terms, the answer deadline, the start day", _v11_offers),
    Migration(12, "the ticks of a further round's preparation", _v12_preparation),
    Migration(13, "open reminders listed where they were shown", _v13_listed_where_shown),
    Migration(14, "offers: the zone the answer deadline was given in", _v14_offer_deadline_zone),
)
LATEST_VERSION = MIGRATIONS[-1].version


class MigrationError(RuntimeError):
    """A schema step failed; the database keeps the schema it had before that step."""


def schema_version(database: peewee.SqliteDatabase) -> int:
    row = database.execute_sql("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate_database(
    database: peewee.SqliteDatabase,
    backups_dir: Path | None,
    clock: Clock,
    migrations: Sequence[Migration] = MIGRATIONS,
) -> list[int]:
    """Bring the schema up to the last of ``migrations``; returns the versions applied.

    ``backups_dir`` None: no backups (an in-memory copy that a report reads)."""
    versions = [m.version for m in migrations]
    if versions != sorted(set(versions)):
        raise ValueError("migrations must have strictly increasing versions")
    current = schema_version(database)
    # A database created by this very call has nothing to lose: no copies of it.
    holds_data = current > 0
    applied: list[int] = []
    pending = [m for m in migrations if m.version > current]
    if not pending:
        return applied
    from playhouse.migrate import SqliteMigrator

    migrator = SqliteMigrator(database)
    for migration in pending:
        if holds_data and backups_dir is not None:
            try:
                backup_database(
                    database.connection(),
                    backups_dir,
                    f"before-v{migration.version}",
                    clock.now(),
                )
            except (OSError, sqlite3.Error) as exc:
                raise MigrationError(
                    translate(
                        "errors",
                        "Before updating the database to version {version}, a backup could "
                        "not be made in {folder}, so the update did not start; the database "
                        "was left at version {current}.",
                    ).format(version=migration.version, folder=backups_dir, current=current)
                ) from exc
        try:
            with writing(database):
                migration.apply(database, migrator)
                # PRAGMA takes no bound parameters; the version is an int we own.
                database.execute_sql(f"PRAGMA user_version = {int(migration.version)}")
        except Exception as exc:
            raise MigrationError(
                translate(
                    "errors",
                    "Updating the database to version {version} ({description}) failed: "
                    "{error}. It was left at version {current}.",
                ).format(
                    version=migration.version,
                    description=migration.description,
                    error=exc,
                    current=current,
                )
            ) from exc
        current = migration.version
        applied.append(migration.version)
    return applied
