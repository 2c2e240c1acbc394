"""The counts Today's momentum line needs, in one query over the application table
(domain.momentum says what they mean and what Today makes of them)."""

from __future__ import annotations

from followthrough.domain.momentum import LATE_STAGES, MomentumCounts, Week
from followthrough.domain.stages import ACTIVE_STAGES, Stage
from followthrough.store.fields import day_from_db, to_db_instant
from followthrough.store.models import db


def _placeholders(count: int) -> str:
    return ", ".join("?" * count)


# One pass over the table, no rows returned: cheap enough for every refresh (the window's
# first load). applied_on is stored as ISO text, created_at as fixed-width UTC text, so
# both compare as text.
_COUNTS_SQL = f"""
SELECT
    COALESCE(SUM(stage IN ({_placeholders(len(ACTIVE_STAGES))})), 0),
    COALESCE(SUM(stage IN ({_placeholders(len(LATE_STAGES))})), 0),
    MIN(CASE WHEN stage IN ({_placeholders(len(LATE_STAGES))}) THEN company END),
    COALESCE(SUM(CASE WHEN applied_on IS NOT NULL
                      THEN applied_on >= ? AND applied_on < ?
                      ELSE created_at >= ? AND created_at < ? END), 0)
FROM application
"""


# The accepted offer whose first day is latest (an application moved on to Accepted).
_ACCEPTED_SQL = """
SELECT a.company, o.start_on FROM offer o JOIN application a ON a.id = o.application_id
WHERE o.status = 'accepted' AND a.stage = ?
ORDER BY o.start_on IS NULL DESC, o.start_on DESC LIMIT 1
"""


def momentum_counts(week: Week) -> MomentumCounts:
    """Active and late applications, and how many are new in ``week``."""
    active = [s.value for s in ACTIVE_STAGES]
    late = [s.value for s in LATE_STAGES]
    params = [
        *active,
        *late,
        *late,
        week.first_day.isoformat(),
        week.next_first_day.isoformat(),
        to_db_instant(week.starts_at),
        to_db_instant(week.ends_at),
    ]
    row = db.execute_sql(_COUNTS_SQL, params).fetchone()
    accepted = db.execute_sql(_ACCEPTED_SQL, (Stage.ACCEPTED.value,)).fetchone()
    return MomentumCounts(
        active=int(row[0]),
        late=int(row[1]),
        late_company=row[2] or "",
        this_week=int(row[3]),
        accepted=accepted is not None,
        accepted_company=accepted[0] if accepted else "",
        accepted_start=day_from_db(accepted[1]) if accepted and accepted[1] else None,
    )
