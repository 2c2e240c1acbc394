"""What you told a company before, and where a new answer would disagree with it.

docs/advice.md, Keeping momentum: keep answers consistent across rounds [002]. A salary
figure or a notice period said at one round and another at the next is a contradiction
the interviewers notice; reasons for leaving and other processes are free text, shown
beside the new answer to compare (the app cannot tell whether two sentences agree)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from followthrough.domain.debriefs.record import ToldStatement, ToldTopic
from followthrough.domain.wording import translate

# Two salary figures further apart than this (relative) disagree: rounding ("about 80k"
# and "82,000") does not.
SALARY_TOLERANCE = 0.05
# Notice periods this close (in days, or 15 %) are the same said another way.
NOTICE_TOLERANCE_DAYS = 3

_NUMBER = re.compile(r"(\d[\d ,.' ]*\d|\d)\s*(k|K|thousand)?")
_DURATION = re.compile(
    r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s*"
    r"(day|days|week|weeks|month|months)\b",
    re.IGNORECASE,
)
_WORD_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12,
}  # fmt: skip
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30}
_IMMEDIATE = re.compile(r"\b(immediately|right away|straight away|now|at once)\b", re.IGNORECASE)


@dataclass(frozen=True)
class EarlierStatement:
    """What was told at an earlier interview of the same application."""

    statement: ToldStatement
    day: date
    round_: int


@dataclass(frozen=True)
class Disagreement:
    """A new answer that contradicts one given before, and why, in the user's words."""

    earlier: EarlierStatement
    reason: str


def _amount(text: str) -> float | None:
    match = _NUMBER.search(text)
    if match is None:
        return None
    digits = re.sub(r"[ ,.' ]", "", match.group(1))
    # "85.5k": a decimal point before "k" is kept.
    decimal = re.fullmatch(r"(\d+)[.,](\d{1,2})", match.group(1).strip())
    value = float(f"{decimal.group(1)}.{decimal.group(2)}") if decimal else float(digits)
    return value * 1000 if match.group(2) else value


def salary_range(text: str) -> tuple[float, float] | None:
    """The figure or range in "85k", "80,000-90,000 €", "between 80 and 90k" (a "k" on the
    second figure applies to both); None without a figure."""
    figures = list(_NUMBER.finditer(text))
    if not figures:
        return None
    values = [_amount(m.group(0)) for m in figures[:2]]
    amounts = [v for v in values if v is not None]
    if len(amounts) == 2 and figures[1].group(2) and not figures[0].group(2) and amounts[0] < 1000:
        amounts[0] *= 1000
    return (min(amounts), max(amounts))


def notice_days(text: str) -> int | None:
    """The notice or start delay in days ("four weeks' notice", "1 month", "immediately":
    0); None when none is said."""
    if _IMMEDIATE.search(text):
        return 0
    match = _DURATION.search(text)
    if match is None:
        return None
    count_word = match.group(1).lower()
    count = int(count_word) if count_word.isdigit() else _WORD_NUMBERS[count_word]
    unit = match.group(2).lower().rstrip("s")
    return count * _UNIT_DAYS[unit]


def _salaries_disagree(new: str, old: str) -> bool:
    ours, theirs = salary_range(new), salary_range(old)
    if ours is None or theirs is None:
        return False
    low, high = theirs
    slack = max(high, ours[1]) * SALARY_TOLERANCE
    return ours[0] > high + slack or ours[1] < low - slack


def disagreements(new: ToldStatement, earlier: list[EarlierStatement]) -> list[Disagreement]:
    """The earlier answers on the same topic that ``new`` contradicts (salary figures that
    do not meet, notice periods that differ), with the reason in the user's words."""
    found = []
    for before in earlier:
        old = before.statement
        if old.topic is not new.topic:
            continue
        if new.topic is ToldTopic.SALARY and _salaries_disagree(new.said, old.said):
            reason = translate(
                "debriefs",
                "At round {round} you gave another salary expectation: “{said}”.",
            )
        elif new.topic is ToldTopic.AVAILABILITY and _notice_differs(new.said, old.said):
            reason = translate(
                "debriefs",
                "At round {round} you said another notice period: “{said}”.",
            )
        else:
            continue
        found.append(Disagreement(before, reason.format(round=before.round_, said=old.said)))
    return found


def _notice_differs(new: str, old: str) -> bool:
    ours, theirs = notice_days(new), notice_days(old)
    if ours is None or theirs is None:
        return False
    # "Four weeks" and "a month" are the same notice; "two weeks" and "a month" are not.
    return abs(ours - theirs) > max(NOTICE_TOLERANCE_DAYS, max(ours, theirs) * 0.15)
