"""Every kind of reminder, in one registry.

A reminder is one ``kind`` about one subject. Each feature registers its kinds here, with
the words and colour role the screens use, and names its subjects with a ``SubjectKey``
(one format for all: ``feature:id[:id…]``, e.g. ``note:12:7`` for the note to person 7
after interview 12). Planning, Today, the calendar, the tray and Today's list ask
this registry instead of naming kinds; adding a kind is one registration (see
CONTRIBUTING.md).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from followthrough.domain.wording import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

# Context the window translates kind labels in.
LABEL_CONTEXT = "ReminderKind"


class Feature(StrEnum):
    """Who owns a subject: the first part of its key."""

    FOLLOW_UP = "follow_up"
    NOTE = "note"
    REFERENCE = "ref"
    REJECTION = "rejection"


class ReminderKind(StrEnum):
    FOLLOW_UP = "follow_up"
    DECISION_PASSED = "decision_passed"
    MOVE_ON = "move_on"
    POSITION_FILLED = "position_filled"
    NOTE_DUE_SOON = "note_due_soon"
    NOTE_OVERDUE = "note_overdue"
    REFERENCE_HEADS_UP = "reference_heads_up"
    REFERENCE_THANKS = "reference_thanks"
    REFERENCE_OUTCOME = "reference_outcome"
    NETWORK_CHECK_IN = "network_check_in"
    REVISIT_COMPANY = "revisit_company"


@dataclass(frozen=True)
class SubjectKey:
    """What a reminder is about: its feature and the ids that name the thing."""

    feature: str
    ids: tuple[int, ...]

    def __str__(self) -> str:
        return ":".join((self.feature, *(str(i) for i in self.ids)))

    @classmethod
    def parse(cls, text: str) -> SubjectKey | None:
        """The key written by ``str()``; None for anything else."""
        feature, _, rest = text.partition(":")
        if not feature or not rest:
            return None
        parts = rest.split(":")
        if not all(part.isdigit() and part.isascii() for part in parts):
            return None
        return cls(feature, tuple(int(part) for part in parts))

    def ids_of(self, feature: str, count: int) -> tuple[int, ...] | None:
        """The ids when this key is ``feature``'s and has ``count`` of them."""
        if self.feature != feature or len(self.ids) != count:
            return None
        return self.ids


# (context, English text) -> the text in the user's language.
Translate = Callable[[str, str], str]


def _as_written(_context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class Rendering:
    """How a reminder's words come out when shown: on whose clock, in which language."""

    zone: ZoneInfo
    translate: Translate = _as_written
    # What time it is for the person reading (a note's words change once its deadline has
    # passed); None: words as planned, as when stored.
    now: Callable[[], datetime] | None = None


# A reminder's parameters (as stored) -> its title and body, as shown.
Renderer = Callable[[Mapping[str, Any], Rendering], tuple[str, str]]


@dataclass(frozen=True)
class KindInfo:
    """What the screens need to know of a kind."""

    kind: str
    feature: str
    label: str  # English, marked for translation in LABEL_CONTEXT
    colour_role: str  # a role name of the window's theme
    # Writes its title and body from the stored parameters; without one, the text stored
    # with the reminder is shown as it is.
    render: Renderer | None = None
    # A kind that reads as another once a moment in its parameters has passed (a note's
    # "due soon" is "overdue" after its deadline, though the "overdue" reminder waits for
    # the user's hours): that kind, and the moment.
    late_kind: str | None = None
    late_from: Callable[[Mapping[str, Any]], datetime] | None = None
    # False: Today lists it from its own day, not among what is coming up (a "debrief it
    # now" reminder days ahead only repeats the interview listed there).
    listed_ahead: bool = True


def params_text(params: Mapping[str, Any]) -> str:
    """Parameters as stored: JSON, keys sorted (equal parameters, equal text)."""
    return json.dumps(params, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


# None until the window or a command says on whose clock reminders are shown: the words
# stored with each reminder are shown as they are meanwhile.
_rendering: Rendering | None = None
_generation = 0


def use_rendering(rendering: Rendering | None) -> Rendering | None:
    """Show reminders on ``rendering``'s clock and language from now on; returns the one
    it replaces (the window installs the user's zone and Qt's translation)."""
    global _rendering, _generation
    previous, _rendering = _rendering, rendering
    _generation += 1
    return previous


def rendering_generation() -> int:
    """Changes whenever another rendering is installed (for caches of written words)."""
    return _generation


def rendering_day() -> date | None:
    """The reader's day on the installed rendering's clock (None without a clock): words
    that say "tomorrow" or "in 3 days" change with it (for caches of written words)."""
    rendering = _rendering
    if rendering is None or rendering.now is None:
        return None
    return rendering.now().astimezone(rendering.zone).date()


def render_text(kind: str, params: str, title: str, body: str) -> tuple[str, str]:
    """A reminder's title and body as shown now: written from its parameters by its
    kind's renderer; else (no renderer, no parameters, or parameters it cannot read, as
    from an older version) the text stored with it."""
    info = _KINDS.get(kind)
    rendering = _rendering  # once: another thread may install another meanwhile
    if rendering is None or info is None or info.render is None or not params:
        return title, body
    try:
        return info.render(json.loads(params), rendering)
    except Exception:
        log.warning("reminder %s: its words could not be written; stored words shown", kind)
        log.debug("the failure", exc_info=True)
        return title, body


def shown_kind(kind: str, params: str) -> str:
    """The kind an item reads as now, on the installed rendering's clock (see
    ``KindInfo.late_kind``); the kind itself without a clock or parameters."""
    info = _KINDS.get(kind)
    rendering = _rendering
    if (
        info is None
        or info.late_kind is None
        or info.late_from is None
        or rendering is None
        or rendering.now is None
        or not params
    ):
        return kind
    try:
        late = rendering.now() >= info.late_from(json.loads(params))
    except Exception:
        log.debug("reminder %s: its parameters could not be read", kind, exc_info=True)
        return kind
    return info.late_kind if late else kind


def render_with(kind: str, params: Mapping[str, Any], rendering: Rendering) -> tuple[str, str]:
    """The words of a reminder being planned (stored with it, for whoever reads the row
    without a renderer)."""
    info = _KINDS.get(kind)
    if info is None or info.render is None:
        raise KeyError(f"no renderer for reminder kind {kind!r}")
    return info.render(params, rendering)


_KINDS: dict[str, KindInfo] = {}
# The agenda's kinds (no feature), then the features' in the order listed at the end.
_LISTED_FEATURES: tuple[str, ...] = (
    "",
    Feature.FOLLOW_UP,
    Feature.NOTE,
    Feature.REFERENCE,
    Feature.REJECTION,
)


def register_kind(info: KindInfo) -> KindInfo:
    """Add ``info`` (registering the same kind again replaces it)."""
    _KINDS[info.kind] = info
    return info


def unregister_kind(kind: str) -> None:
    _KINDS.pop(kind, None)


def kind_info(kind: str) -> KindInfo | None:
    return _KINDS.get(kind)


def registered_kinds() -> tuple[KindInfo, ...]:
    """Every kind, in the order the screens list them (legends, marks): the agenda's, then
    each feature's as its module is listed at the end of this one, whichever module loaded
    first (the window loads them after its first paint, in the order it needs them);
    others after, as registered."""
    order = _LISTED_FEATURES
    return tuple(
        sorted(
            _KINDS.values(),
            key=lambda info: order.index(info.feature) if info.feature in order else len(order),
        )
    )


def listed_ahead(kind: str) -> bool:
    """Whether Today lists the kind among the days coming up (``KindInfo.listed_ahead``);
    unknown kinds are."""
    info = _KINDS.get(kind)
    return info is None or info.listed_ahead


def kind_label(kind: str) -> str:
    """The English label (the window translates it); the kind itself when unknown."""
    info = _KINDS.get(kind)
    return info.label if info is not None else kind


def kinds_of(feature: str) -> tuple[str, ...]:
    return tuple(info.kind for info in _KINDS.values() if info.feature == feature)


def feature_of(kind: str, subject_key: str) -> str | None:
    """The feature that handles a reminder: its kind's, when the subject agrees."""
    info = _KINDS.get(kind)
    subject = SubjectKey.parse(subject_key)
    if info is None or subject is None or subject.feature != info.feature:
        return None
    return info.feature


# The agenda's own kinds (not reminders) share the labels and colours.
INTERVIEW = "interview"
DECISION = "decision"

for _info in (
    KindInfo(INTERVIEW, "", QT_TRANSLATE_NOOP("ReminderKind", "Interview"), "interview"),
    KindInfo(DECISION, "", QT_TRANSLATE_NOOP("ReminderKind", "Decision due"), "decision"),
):
    register_kind(_info)

# Each feature registers its kinds, with their words, when its module loads: a new kind
# of reminder is one more line here (and its own module). Last, as they import this one.
from followthrough.domain import (  # noqa: E402
    follow_up_reminders,  # noqa: F401
    note_reminders,  # noqa: F401
    reference_reminders,  # noqa: F401
    rejection,  # noqa: F401
)
