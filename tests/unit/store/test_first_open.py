"""Each application's first open reminder, chosen in one pass over the open reminders'
keys, is the one the former two-window query chose (kept here as the oracle), with ties,
snoozes, fired and done reminders, shared subjects and every section."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import peewee
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followthrough.demo import fill_demo
from followthrough.domain.clock import FakeClock
from followthrough.domain.reminder_kinds import registered_kinds
from followthrough.store.agenda import local_bounds
from followthrough.store.fields import to_db_instant
from followthrough.store.models import db
from followthrough.store.reminders import claim_due, first_open_per_application

CHICAGO = ZoneInfo("America/Chicago")

# Where an open reminder is listed: when it fires, or when it was shown if earlier
# (``StoredReminder.placed_at``; the generated mix fires some before they are due).
_EFFECTIVE = "MIN(COALESCE(snoozed_until, due_at), COALESCE(fired_at, snoozed_until, due_at))"
_OPEN = "done_at IS NULL AND dismissed_at IS NULL AND suspended_at IS NULL"
_ORACLE = f"""
WITH open AS (
  SELECT id, application_id, subject_key, {_EFFECTIVE} AS eff,
         (fired_at IS NOT NULL OR {_EFFECTIVE} <= ?) AS come
  FROM reminder WHERE {_OPEN} AND application_id IS NOT NULL
    -- Kinds listed from their own day (a debrief) are not first before it.
    AND NOT (fired_at IS NULL AND {_EFFECTIVE} >= ? AND kind IN ({{from_their_day}}))
    {{only}}
), current AS (
  SELECT id, application_id, eff, ROW_NUMBER() OVER (
    PARTITION BY CASE WHEN subject_key = '' THEN 'reminder ' || id ELSE subject_key END
    ORDER BY come DESC, CASE WHEN come THEN eff END DESC, CASE WHEN come THEN id END DESC,
             eff, id) AS n
  FROM open
), firsts AS (
  SELECT id, ROW_NUMBER() OVER (
    PARTITION BY application_id
    ORDER BY CASE WHEN eff < ? THEN 0 WHEN eff < ? THEN 1 ELSE 2 END, eff, id) AS m
  FROM current WHERE n = 1
)
SELECT id FROM firsts WHERE m = 1 ORDER BY id
"""


def _oracle(now: datetime, application_id: int | None = None) -> list[int]:
    start, end = local_bounds(
        now.astimezone(CHICAGO).date(), now.astimezone(CHICAGO).date(), CHICAGO
    )
    only = "" if application_id is None else "AND application_id = ?"
    from_their_day = [i.kind for i in registered_kinds() if not i.listed_ahead]
    params = (
        to_db_instant(now),
        to_db_instant(end),
        *from_their_day,
        *(() if application_id is None else (application_id,)),
        to_db_instant(start),
        to_db_instant(end),
    )
    sql = _ORACLE.format(only=only, from_their_day=", ".join("?" * len(from_their_day)))
    return [int(row[0]) for row in db.execute_sql(sql, params)]


def _chosen(now: datetime, application_id: int | None = None) -> list[int]:
    today = now.astimezone(CHICAGO).date()
    bounds = local_bounds(today, today, CHICAGO)
    return [r.reminder_id for r in first_open_per_application(now, bounds, application_id)]


def test_on_the_demo_data_the_same_reminders_are_first(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    fill_demo(clock, 80)
    now = clock.now()
    claim_due(now - timedelta(hours=3))  # some fired, some come since and not fired
    chosen = _chosen(now)
    assert chosen == _oracle(now)
    assert len(chosen) > 20
    one = int(db.execute_sql("SELECT application_id FROM reminder LIMIT 1").fetchone()[0])
    assert _chosen(now, one) == _oracle(now, one)


# (application, subject, due in hours from now, snoozed in hours or None, fired, done)
_REMINDER = st.tuples(
    st.integers(1, 3),
    st.sampled_from(["", "note:1", "note:2", "follow_up:3"]),
    st.sampled_from([-50, -30, -2, 0, 1, 5, 30, 200]),
    st.one_of(st.none(), st.sampled_from([-1, 3, 40])),
    st.booleans(),
    st.booleans(),
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(_REMINDER, max_size=14))
def test_any_mix_chooses_as_the_window_query_did(
    database: peewee.SqliteDatabase, clock: FakeClock, mix: list[tuple]
) -> None:
    now = clock.now()
    db.execute_sql("DELETE FROM reminder")
    db.execute_sql("DELETE FROM application")
    for app in (1, 2, 3):
        db.execute_sql(
            "INSERT INTO application (id, company, role_title, stage, created_at, updated_at) "
            "VALUES (?, 'Acme', '', 'applied', ?, ?)",
            (app, to_db_instant(now), to_db_instant(now)),
        )
    for number, (app, subject, due, snoozed, fired, done) in enumerate(mix):
        # Kinds differ by row: one kind and subject may be stored once.
        db.execute_sql(
            "INSERT INTO reminder (kind, subject_key, title, body, due_at, snoozed_until, "
            "fired_at, done_at, application_id) VALUES (?, ?, 't', '', ?, ?, ?, ?, ?)",
            (
                f"kind{number}",
                subject,
                to_db_instant(now + timedelta(hours=due)),
                None if snoozed is None else to_db_instant(now + timedelta(hours=snoozed)),
                to_db_instant(now) if fired else None,
                to_db_instant(now) if done else None,
                app,
            ),
        )
    assert _chosen(now) == _oracle(now)
