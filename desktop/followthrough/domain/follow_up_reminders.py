"""The follow-up reminders' words, written when shown (their timing is
``cadence.next_step``'s)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from followthrough.domain.reminder_kinds import (
    Feature,
    KindInfo,
    ReminderKind,
    Rendering,
    register_kind,
)
from followthrough.domain.two_clocks import both_clocks
from followthrough.domain.wording import QT_TRANSLATE_NOOP
from followthrough.domain.zones import zone_or

CONTEXT = "followups"
PHONE = "call"
EMAIL = "email"


def follow_up_params(
    company: str,
    role: str,
    reason: str,
    *,
    how: str | None = None,
    at: datetime | None = None,
    their_zone: str = "",
) -> dict[str, Any]:
    """``how`` ("call" or "email") and ``at`` for a call or e-mail to make; ``reason``:
    why now, as the rules explain it."""
    params: dict[str, Any] = {"company": company, "role": role, "reason": reason}
    if how is not None and at is not None:
        params.update(how=how, at=at.isoformat(), their_zone=their_zone)
    return params


def reminder_channel(params: str) -> str | None:
    """How a follow-up reminder (its stored parameters) says to reach them: ``PHONE``,
    ``EMAIL``, or None when it names no way (move on, position filled)."""
    try:
        values = json.loads(params) if params else {}
    except ValueError:
        return None
    how = values.get("how") if isinstance(values, dict) else None
    return how if how in (PHONE, EMAIL) else None


def _what(params: Mapping[str, Any]) -> str:
    return f"{params['company']} ({params['role']})" if params["role"] else str(params["company"])


def _when_body(params: Mapping[str, Any], r: Rendering) -> str:
    at = datetime.fromisoformat(params["at"])
    when = both_clocks(at, r.zone, zone_or(params["their_zone"], r.zone))
    template = (
        QT_TRANSLATE_NOOP("followups", "Call {when}. {reason}")
        if params["how"] == PHONE
        else QT_TRANSLATE_NOOP("followups", "Email {when}. {reason}")
    )
    return r.translate(CONTEXT, template).format(when=when, reason=params["reason"])


def _render_follow_up(params: Mapping[str, Any], r: Rendering) -> tuple[str, str]:
    template = (
        QT_TRANSLATE_NOOP("followups", "Call {what} to follow up")
        if params["how"] == PHONE
        else QT_TRANSLATE_NOOP("followups", "Email {what} to follow up")
    )
    return r.translate(CONTEXT, template).format(what=_what(params)), _when_body(params, r)


def _render_decision_passed(params: Mapping[str, Any], r: Rendering) -> tuple[str, str]:
    template = (
        QT_TRANSLATE_NOOP("followups", "{what}: decision date passed — call them")
        if params["how"] == PHONE
        else QT_TRANSLATE_NOOP("followups", "{what}: decision date passed — email them")
    )
    return r.translate(CONTEXT, template).format(what=_what(params)), _when_body(params, r)


def _render_move_on(params: Mapping[str, Any], r: Rendering) -> tuple[str, str]:
    title = r.translate(CONTEXT, QT_TRANSLATE_NOOP("followups", "Time to move on from {what}?"))
    return title.format(what=_what(params)), str(params["reason"])


def _render_position_filled(params: Mapping[str, Any], r: Rendering) -> tuple[str, str]:
    title = r.translate(
        CONTEXT, QT_TRANSLATE_NOOP("followups", "Close {what}: the position is filled")
    )
    return title.format(what=_what(params)), str(params["reason"])


LABELS = "ReminderKind"
for _info in (
    KindInfo(
        ReminderKind.FOLLOW_UP,
        Feature.FOLLOW_UP,
        QT_TRANSLATE_NOOP("ReminderKind", "Follow up"),
        "follow_up",
        _render_follow_up,
    ),
    KindInfo(
        ReminderKind.DECISION_PASSED,
        Feature.FOLLOW_UP,
        QT_TRANSLATE_NOOP("ReminderKind", "Follow up"),
        "follow_up",
        _render_decision_passed,
    ),
    KindInfo(
        ReminderKind.MOVE_ON,
        Feature.FOLLOW_UP,
        QT_TRANSLATE_NOOP("ReminderKind", "Move on?"),
        "closing",
        _render_move_on,
    ),
    KindInfo(
        ReminderKind.POSITION_FILLED,
        Feature.FOLLOW_UP,
        QT_TRANSLATE_NOOP("ReminderKind", "Close"),
        "closing",
        _render_position_filled,
    ),
):
    register_kind(_info)
