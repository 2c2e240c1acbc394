"""Reading and saving an application's offer; accepting and declining it through the
stage rules (one transaction each)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from followthrough.domain.clock import Clock
from followthrough.domain.errors import UserError
from followthrough.domain.offers.record import (
    OfferLine,
    OfferStatus,
    OfferTerms,
    checked,
    compared,
    moves_to_offer,
)
from followthrough.domain.stages import ACTIVE_STAGES, ClosureReason, Stage, allowed_targets
from followthrough.domain.wording import translate
from followthrough.store import settings as options
from followthrough.store.fields import day_from_db
from followthrough.store.models import Application, Offer, db
from followthrough.store.queries import change_stage
from followthrough.store.transactions import writing


@dataclass(frozen=True)
class OfferContext:
    """An application's offer with what the form shows around it."""

    application_id: int
    company: str
    role: str
    stage: Stage
    terms: OfferTerms
    status: OfferStatus | None  # None: no offer recorded yet
    start_on: date | None
    # How many other offers are recorded (the form offers to compare them).
    other_offers: int


def stored_time(text: str | None) -> time | None:
    return time.fromisoformat(text) if text else None


def _terms(row: Offer) -> OfferTerms:
    return OfferTerms(
        salary=row.salary,
        bonus=row.bonus,
        benefits=row.benefits,
        location=row.location,
        answer_by=day_from_db(row.answer_by),
        answer_by_time=stored_time(row.answer_by_time),
        answer_by_zone=row.answer_by_zone or "",
    )


def load_offer(application_id: int) -> OfferContext:
    """The application's offer (empty terms with its location when none is recorded).
    Raises ``Application.DoesNotExist`` when the application is gone."""
    application = Application.get_by_id(application_id)
    row = Offer.get_or_none(Offer.application == application_id)
    others = Offer.select().where(Offer.application != application_id).count()
    if row is None:
        terms = OfferTerms(location=application.location)
        status, start = None, None
    else:
        terms, status, start = _terms(row), OfferStatus(row.status), day_from_db(row.start_on)
    return OfferContext(
        application_id,
        application.company,
        application.role_title or "",
        Stage(application.stage),
        terms,
        status,
        start,
        others,
    )


def _store(application_id: int, terms: OfferTerms, now: datetime) -> Offer:
    clean = checked(terms)
    values = {
        "salary": clean.salary,
        "bonus": clean.bonus,
        "benefits": clean.benefits,
        "location": clean.location,
        "answer_by": clean.answer_by,
        "answer_by_time": clean.answer_by_time.isoformat(timespec="minutes")
        if clean.answer_by_time
        else None,
        # Kept with the deadline: its instant stays put when the user's zone changes.
        "answer_by_zone": clean.answer_by_zone or options.user_zone().key,
        "updated_at": now,
    }
    row = Offer.get_or_none(Offer.application == application_id)
    if row is None:
        Application.get_by_id(application_id)  # gone meanwhile: DoesNotExist
        return Offer.create(application=application_id, created_at=now, **values)
    for name, value in values.items():
        setattr(row, name, value)
    row.save()
    return row


def _reach_offer(application_id: int, row: Offer, clock: Clock, today: date) -> None:
    """An open offer recorded for an application still before "Offer" moves it there,
    through the stage rules (on its timeline): the board, the lists and Insights read the
    stage. An accepted or closed application is left as it is (``moves_to_offer``)."""
    if row.status != OfferStatus.OPEN.value:
        return
    if moves_to_offer(Stage(Application.get_by_id(application_id).stage)):
        change_stage(application_id, Stage.OFFER, clock, today)


def save_offer(application_id: int, terms: OfferTerms, clock: Clock, today: date) -> None:
    """Save the offer's terms as typed (checked first: UserError in the user's words),
    and in the same transaction move the application to "Offer" when it was not there yet
    (``_reach_offer``)."""
    with writing():
        row = _store(application_id, terms, clock.now())
        _reach_offer(application_id, row, clock, today)


def accept_offer(
    application_id: int, terms: OfferTerms, start_on: date, clock: Clock, today: date
) -> None:
    """Save the terms and accept the offer: the application moves to "Accepted" through
    the stage rules (by way of "Offer" when it was not there yet), with the start day.
    The other applications stay as they are until that day."""
    with writing():
        _refuse_a_second_acceptance(application_id)
        row = _store(application_id, terms, clock.now())
        stage = Stage(Application.get_by_id(application_id).stage)
        if stage is not Stage.OFFER and Stage.OFFER in allowed_targets(stage):
            change_stage(application_id, Stage.OFFER, clock, today)
        change_stage(application_id, Stage.ACCEPTED, clock, today)
        row.status = OfferStatus.ACCEPTED.value
        row.answered_on = today
        row.start_on = start_on
        row.save()


def _refuse_a_second_acceptance(application_id: int) -> None:
    """One accepted offer at a time: accepting another is a choice made explicitly (its
    own application reopened or declined first), not a click that leaves two "Accepted"."""
    other = (
        Offer.select(Offer, Application)
        .join(Application)
        .where(
            (Offer.status == OfferStatus.ACCEPTED.value)
            & (Offer.application != application_id)
            & (Application.stage == Stage.ACCEPTED.value)
        )
        .first()
    )
    if other is not None:
        raise UserError(
            translate(
                "offers",
                "You have accepted the offer from {company} already. To accept this one "
                "instead, first reopen or close that application.",
            ).format(company=other.application.company)
        )


def decline_offer(application_id: int, terms: OfferTerms, clock: Clock, today: date) -> None:
    """Save the terms and decline the offer: the application closes as withdrawn (the
    user's own choice), through the stage rules (by way of "Offer" when it was not there
    yet), so its references hear how it ended."""
    with writing():
        row = _store(application_id, terms, clock.now())
        # Through "Offer" (the offer did come, as Insights' funnel then counts it).
        _reach_offer(application_id, row, clock, today)
        if Stage(Application.get_by_id(application_id).stage) in ACTIVE_STAGES:
            change_stage(application_id, Stage.WITHDRAWN, clock, today, ClosureReason.WITHDREW)
        row.status = OfferStatus.DECLINED.value
        row.answered_on = today
        row.save()


def reopen_offer(application_id: int, now: datetime) -> None:
    """An answered offer open again (the stage is the user's to change back)."""
    with writing():
        row = Offer.get_or_none(Offer.application == application_id)
        if row is None:
            raise UserError(translate("offers", "This application has no offer recorded."))
        row.status = OfferStatus.OPEN.value
        row.answered_on = None
        row.start_on = None
        row.updated_at = now
        row.save()


def offer_lines() -> list[OfferLine]:
    """The offers to compare: every offer of an application that is still active or was
    accepted, open ones first, the nearest deadline first."""
    stages = [s.value for s in (*ACTIVE_STAGES, Stage.ACCEPTED)]
    marks = ", ".join("?" * len(stages))
    rows = db.execute_sql(
        "SELECT a.id, a.company, a.role_title, o.salary, o.bonus, o.benefits, o.location, "
        "o.answer_by, o.answer_by_time, o.answer_by_zone, o.status, o.start_on FROM offer o "
        f"JOIN application a ON a.id = o.application_id WHERE a.stage IN ({marks})",
        stages,
    )
    lines = []
    for app, company, role, salary, bonus, benefits, location, by, at, zone, status, start in rows:
        terms = OfferTerms(
            salary, bonus, benefits, location, day_from_db(by), stored_time(at), zone or ""
        )
        lines.append(
            OfferLine(int(app), company, role or "", terms, OfferStatus(status), day_from_db(start))
        )
    return compared(lines, options.user_zone())


def open_offer_count() -> int:
    """How many offers wait for an answer (a cheap count for the window's menu)."""
    row = db.execute_sql("SELECT COUNT(*) FROM offer WHERE status = 'open'").fetchone()
    return int(row[0])
