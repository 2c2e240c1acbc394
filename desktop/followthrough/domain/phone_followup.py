"""The phone follow-up: warm up, say who you are in five seconds, then ask (docs/advice.md [003]).

Plain text in, plain text out: the call sheet shows it, the tests read it. The order comes
from docs/advice.md, "The phone follow-up": get the body and voice ready; open with a short
reminder of who you are rather than asking whether they have decided; offer whatever they
still need from you; then find out where things stand and when you may call again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from followthrough.domain.wording import QT_TRANSLATE_NOOP, full_day, translate


@dataclass(frozen=True)
class WarmUpStep:
    """One thing to do before dialling; ``key`` is stable, the words are for the screen
    (written in English, marked in the "phone" context; ``title`` and ``detail`` give them
    in the user's language)."""

    key: str
    marked_title: str
    marked_detail: str

    @property
    def title(self) -> str:
        return translate("phone", self.marked_title)

    @property
    def detail(self) -> str:
        return translate("phone", self.marked_detail)


WARM_UP: tuple[WarmUpStep, ...] = (
    WarmUpStep(
        "stretch",
        QT_TRANSLATE_NOOP("phone", "Stretch"),
        QT_TRANSLATE_NOOP(
            "phone",
            "Arms high above your head, shoulders loose, then one long breath out. Twice more.",
        ),
    ),
    WarmUpStep(
        "smile",
        QT_TRANSLATE_NOOP("phone", "Smile"),
        QT_TRANSLATE_NOOP(
            "phone", "Put the smile on before they pick up: it can be heard down the line."
        ),
    ),
    WarmUpStep(
        "stand",
        QT_TRANSLATE_NOOP("phone", "Stand up"),
        QT_TRANSLATE_NOOP(
            "phone", "Make the call on your feet; your voice comes out livelier and surer."
        ),
    ),
)


@dataclass(frozen=True)
class Question:
    """One follow-up question; ``key`` is stable, ``text`` is what to say (in the user's
    language; ``marked_text`` as written, marked in the "phone" context)."""

    key: str
    marked_text: str

    @property
    def text(self) -> str:
        return translate("phone", self.marked_text)


QUESTIONS: tuple[Question, ...] = (
    Question(
        "anything_needed",
        QT_TRANSLATE_NOOP(
            "phone",
            "Is there anything more I can send you — references, a work sample, more detail "
            "on something we touched on?",
        ),
    ),
    Question(
        "still_candidate", QT_TRANSLATE_NOOP("phone", "Am I still in the running for the role?")
    ),
    Question(
        "second_round",
        QT_TRANSLATE_NOOP("phone", "Have you settled yet who goes through to the next round?"),
    ),
    Question(
        "timeframe", QT_TRANSLATE_NOOP("phone", "Has the timing of your decision moved at all?")
    ),
    Question(
        "next_step",
        QT_TRANSLATE_NOOP("phone", "Is the next step still the one you described when we met?"),
    ),
    Question(
        "check_back",
        QT_TRANSLATE_NOOP(
            "phone",
            "When would suit you for me to check in again — and is a call still the best way?",
        ),
    ),
)

# What not to open with: it puts them on the spot instead of offering help [003]. Marked:
# the call sheet translates it in the "phone" context.
OPENING_TIP = QT_TRANSLATE_NOOP(
    "phone",
    "Don't open by asking whether they have decided: remind them who you are and offer "
    "whatever they still need.",
)

# About five seconds of speech.
INTRO_WORD_LIMIT = 18
_PLACEHOLDER = re.compile(r"\[[^\]]*\]")
_HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "mx", "prof", "sir", "dame"})


# Where the user's name goes until the app knows it (Preferences ▸ "Your name").
NAME_PLACEHOLDER = QT_TRANSLATE_NOOP("phone", "[your name]")


def fill_in_name(text: str, name: str) -> str:
    """``text`` with the name placeholder replaced by ``name`` (a line kept before the
    name was set); unchanged while no name is known."""
    name = " ".join(name.split())
    if not name:
        return text
    for placeholder in {NAME_PLACEHOLDER, translate("phone", NAME_PLACEHOLDER)}:
        text = text.replace(placeholder, name)
    return text


def default_intro_line(role: str = "", name: str = "") -> str:
    """A starting point for the five-second reminder; the parts in brackets are to fill in
    (the user's name too, until the app knows it)."""
    role, name = role.strip(), " ".join(name.split())
    name = name or translate("phone", NAME_PLACEHOLDER)
    if role:
        text = translate(
            "phone",
            "It's {name}, the {role} candidate who [the one thing they will remember about you].",
        )
    else:
        text = translate(
            "phone", "It's {name}, the candidate who [the one thing they will remember about you]."
        )
    return text.format(name=name, role=role)


def intro_placeholders(text: str) -> list[str]:
    """The ``[…]`` parts of an intro line still waiting to be filled in."""
    return _PLACEHOLDER.findall(text)


def intro_hint(text: str, *, name_known: bool = True) -> str | None:
    """A gentle word about an intro line that is empty, unfinished or too long; else None.
    ``name_known``: whether the user's name is set (else the hint says where to set it)."""
    text = text.strip()
    if not text:
        return translate("phone", "Write a line that tells them who you are in about five seconds.")
    placeholders = intro_placeholders(text)
    if (
        placeholders
        and not name_known
        and any(p in (NAME_PLACEHOLDER, translate("phone", NAME_PLACEHOLDER)) for p in placeholders)
    ):
        return translate(
            "phone",
            "Replace the parts in brackets with your own words. Your name fills in by itself "
            "once it is set in Preferences (Your name).",
        )
    if placeholders:
        return translate("phone", "Replace the parts in brackets with your own words.")
    words = len(text.split())
    if words > INTRO_WORD_LIMIT:
        return translate(
            "phone", "{words} words take longer than five seconds to say; aim for {limit} or fewer."
        ).format(words=words, limit=INTRO_WORD_LIMIT)
    return None


def greeting_name(name: str) -> str:
    """The name to greet with: the first name, or the whole name after a title (Dr Lee)."""
    parts = name.split()
    if not parts:
        return ""
    if parts[0].rstrip(".").lower() in _HONORIFICS:
        return " ".join(parts)
    return parts[0]


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?…" else text + "."


def _day(day: date) -> str:
    return full_day(day)


def questions_for(next_step: str = "") -> tuple[str, ...]:
    """The questions to ask, with the next step they named filled in when it is known."""
    step = " ".join(next_step.split()).rstrip(".")
    texts = []
    for question in QUESTIONS:
        if question.key == "next_step" and step:
            step_text = step[0].lower() + step[1:] if not step[:2].isupper() else step
            texts.append(
                translate(
                    "phone", "Is the next step still “{step}”, as you described when we met?"
                ).format(step=step_text)
            )
        else:
            texts.append(question.text)
    return tuple(texts)


def opener(
    name_of_interviewer: str,
    intro_line: str,
    role: str,
    company: str,
    interview_day: date | None,
) -> str:
    """What to say first: hello, who you are in five seconds, and which interview it was.

    Missing facts are left out rather than guessed: no name gives a plain "Hello.", no
    role "the position", no day "recently".
    """
    name = greeting_name(name_of_interviewer)
    parts = [
        translate("phone", "Hello {name}.").format(name=name)
        if name
        else translate("phone", "Hello.")
    ]
    intro = _sentence(intro_line)
    if intro:
        parts.append(intro)
    position = _position(role.strip(), company.strip())
    if interview_day is not None:
        talked = translate(
            "phone", "We talked on {day} about {position}, and I'm calling to follow up."
        ).format(day=_day(interview_day), position=position)
    else:
        talked = translate(
            "phone", "We talked recently about {position}, and I'm calling to follow up."
        ).format(position=position)
    parts.append(talked)
    return " ".join(parts)


def _position(role: str, company: str) -> str:
    """ "the Data Analyst position at Acme", or as much of it as is known."""
    if role and company:
        text = translate("phone", "the {role} position at {company}")
    elif role:
        text = translate("phone", "the {role} position")
    elif company:
        text = translate("phone", "the position at {company}")
    else:
        text = translate("phone", "the position")
    return text.format(role=role, company=company)
