"""The question bank's rows: every question of every debrief, with where and when."""

from __future__ import annotations

from followthrough.domain.debriefs.bank import AskedAt, BankQuestion, build_bank, question_key
from followthrough.domain.debriefs.record import HowItWent, parse_themes
from followthrough.store import settings as options
from followthrough.store.fields import instant_from_db
from followthrough.store.models import db
from followthrough.store.transactions import writing

_ROWS = """
SELECT q.id, q.question, q.answer, q.how_it_went, q.themes, q.best, q.practise,
       a.company, a.id, i.id, i.starts_at
FROM debrief_question q
JOIN debrief d ON d.id = q.debrief_id
JOIN interview i ON i.id = d.interview_id
JOIN application a ON a.id = i.application_id
"""


def asked_rows() -> list[AskedAt]:
    rows = []
    # Days on the user's clock, as every list shows them.
    zone = options.user_zone()
    for (
        qid,
        question,
        answer,
        how,
        themes,
        best,
        practise,
        company,
        app,
        iid,
        starts,
    ) in db.execute_sql(_ROWS):
        started = instant_from_db(starts)
        rows.append(
            AskedAt(
                question_id=int(qid),
                question=question,
                answer=answer,
                how_it_went=HowItWent(how) if how else None,
                themes=parse_themes(themes),
                best=bool(best),
                practise=bool(practise),
                company=company,
                application_id=int(app),
                interview_id=int(iid),
                day=started.astimezone(zone).date(),
            )
        )
    return rows


def question_bank() -> list[BankQuestion]:
    """The bank, in its order (``domain.debriefs.bank``). A read: nothing is written."""
    return build_bank(asked_rows())


def mark_best(question_id: int) -> None:
    """Keep this answer as the one to reuse for its question (the others asked the same
    question lose the mark)."""
    with writing():
        found = db.execute_sql(
            "SELECT question FROM debrief_question WHERE id = ?", (question_id,)
        ).fetchone()
        if found is None:
            return
        key = question_key(found[0])
        same = [
            int(qid)
            for qid, text in db.execute_sql("SELECT id, question FROM debrief_question WHERE best")
            if question_key(text) == key
        ]
        db.connection().executemany(
            "UPDATE debrief_question SET best = 0 WHERE id = ?", [(qid,) for qid in same]
        )
        db.execute_sql("UPDATE debrief_question SET best = 1 WHERE id = ?", (question_id,))


def set_practise(question_ids: list[int], practise: bool) -> None:
    """Put these questions on the "practise these" list, or take them off it."""
    with writing():
        db.connection().executemany(
            "UPDATE debrief_question SET practise = ? WHERE id = ?",
            [(int(practise), qid) for qid in question_ids],
        )
