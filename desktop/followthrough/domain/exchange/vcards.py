"""People as business cards (vCard 2.1, 3.0 and 4.0 in; 3.0 out), with ``vobject``.

``vobject`` (a maintained vCard and iCalendar library) is imported only inside these
functions: it is not needed until a card is read or written, and it costs the window's
process a few megabytes.

Reading: the file is cut into its cards (``BEGIN:VCARD`` … ``END:VCARD``) first, so that
one card that cannot be read is said, with its number and line, and the others still
come in. Each card gives a name (FN, else N), title, company (ORG), e-mail, phone,
LinkedIn address (a URL or X-SOCIALPROFILE at linkedin.com) and note; a value the app
cannot keep as it is (an e-mail address that is none, a phone number with letters) is
left out and said. A card without a name is not a person.

Matching: a card is the person the app has already with the same e-mail address, else
the same name (not when both have an address and they differ), as a JSON merge matches;
then only what the app does not know of them yet is added, nothing is replaced. Two
cards of one person in the file are one person.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from followthrough.domain.exchange.csv_plan import shown
from followthrough.domain.exchange.merging import PeopleIndex, match_text
from followthrough.domain.exchange.reading import ExchangeError
from followthrough.domain.validation import (
    COMPANY_LIMIT,
    LINE_LIMIT,
    NAME_LIMIT,
    email_problem,
    length_problem,
    phone_problem,
    url_problem,
)
from followthrough.domain.wording import translate

log = logging.getLogger(__name__)

# Fields a card can add to a person the app has (in this order).
CARD_FIELDS = ("title", "company", "email", "phone", "linkedin_url", "notes")


@dataclass(frozen=True)
class Card:
    """One card as the app takes it, with what could not be kept."""

    number: int
    line: int
    name: str
    title: str = ""
    company: str = ""
    email: str = ""
    phone: str = ""
    linkedin_url: str = ""
    notes: str = ""
    problems: tuple[str, ...] = ()

    def value(self, name: str) -> str:
        return str(getattr(self, name))


@dataclass(frozen=True)
class BadCard:
    """A card that is not a person the app can keep, and why."""

    number: int
    line: int
    problem: str
    name: str = ""


@dataclass
class CardFile:
    cards: list[Card] = field(default_factory=list)
    bad: list[BadCard] = field(default_factory=list)


# -- cutting the file into cards -----------------------------------------------------------


def _cut(text: str) -> list[tuple[int, str | None]]:
    """Each card's first line and text (None: a card without its end), in order."""
    cards: list[tuple[int, str | None]] = []
    start: int | None = None
    lines: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        word = line.strip().casefold()
        if word == "begin:vcard":
            if start is not None:
                cards.append((start, None))
            start, lines = number, [line.strip()]
        elif start is not None:
            lines.append(line)
            if word == "end:vcard":
                cards.append((start, "\r\n".join(lines) + "\r\n"))
                start = None
    if start is not None:
        cards.append((start, None))
    return cards


def _unfinished(number: int, line: int) -> BadCard:
    return BadCard(
        number,
        line,
        translate(
            "exchange",
            "It has no end (END:VCARD): the file was probably cut short, or the card is damaged.",
        ),
    )


# -- one card ------------------------------------------------------------------------------


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list | tuple):
        return " ".join(_text(part) for part in value if _text(part)).strip()
    return str(value).strip() if value is not None else ""


def _lines(component: Any, name: str) -> list[Any]:
    found = component.contents.get(name, [])
    # The preferred one first (TYPE=pref in 3.0, PREF=1 in 4.0).
    return sorted(found, key=lambda line: not _preferred(line))


def _preferred(line: Any) -> bool:
    params = getattr(line, "params", {}) or {}
    types = [str(t).casefold() for t in params.get("TYPE", [])]
    return "pref" in types or bool(params.get("PREF"))


def _first(component: Any, name: str) -> str:
    for line in _lines(component, name):
        value = _text(line.value)
        if value:
            return value
    return ""


def _name(component: Any) -> str:
    name = _first(component, "fn")
    if name:
        return name
    for line in _lines(component, "n"):
        value = line.value
        parts = [
            getattr(value, part, "")
            for part in ("prefix", "given", "additional", "family", "suffix")
        ]
        name = " ".join(_text(part) for part in parts if _text(part))
        if name:
            return name
    return ""


def _company(component: Any) -> str:
    for line in _lines(component, "org"):
        value = line.value
        units = value if isinstance(value, list) else [value]
        for unit in units:
            if _text(unit):
                return _text(unit)
    return ""


def _addresses(component: Any) -> tuple[str, list[str]]:
    """The LinkedIn address, and the card's other web addresses."""
    linkedin, others = "", []
    for name in ("x-socialprofile", "url"):
        for line in _lines(component, name):
            value = _text(line.value)
            if not value:
                continue
            if "linkedin.com" in value.casefold() and not linkedin:
                linkedin = value if "://" in value else f"https://{value}"
            elif value not in others and value.removeprefix("https://") != linkedin.removeprefix(
                "https://"
            ):
                others.append(value)
    return linkedin, others


def _own_note(note: str) -> str:
    """A card's note without what Follow-Through wrote in it (the person's roles, which
    the app knows from its own records)."""
    for heading in ("In Follow-Through:", translate("exchange", "In Follow-Through:")):
        at = note.find(heading)
        if at == 0 or (at > 0 and note[at - 2 : at] == "\n\n"):
            return note[:at].rstrip()
    return note


@dataclass
class _Checked:
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def keep(self, value: str, problem: str | None, what: str, to_notes: bool = False) -> str:
        if not value or problem is None:
            return value
        self.problems.append(problem)
        if to_notes:
            self.notes.append(f"{what}: {value}")
        return ""


def _card(number: int, line: int, component: Any) -> Card | BadCard:
    name = _name(component)
    if not name:
        return BadCard(number, line, translate("exchange", "It has no name (FN or N)."))
    if length_problem(name, NAME_LIMIT, ""):
        return BadCard(
            number, line, translate("exchange", "Its name is too long for a person's."), name
        )
    checked = _Checked()
    title = _first(component, "title") or _first(component, "role")
    title = checked.keep(
        title, length_problem(title, LINE_LIMIT, translate("exchange", "The title")), ""
    )
    company = _company(component)
    company = checked.keep(
        company, length_problem(company, COMPANY_LIMIT, translate("exchange", "The company")), ""
    )
    email = _first(component, "email")
    email = checked.keep(
        email,
        email_problem(email)
        and translate("exchange", "“{email}” is not an e-mail address: left out.").format(
            email=shown(email)
        ),
        "",
    )
    phone = _first(component, "tel").removeprefix("tel:")
    phone = checked.keep(
        phone,
        phone_problem(phone)
        and translate("exchange", "“{phone}” is not a phone number: kept in the notes.").format(
            phone=shown(phone)
        ),
        translate("exchange", "Phone"),
        to_notes=True,
    )
    linkedin, others = _addresses(component)
    linkedin = checked.keep(
        linkedin,
        url_problem(linkedin)
        and translate("exchange", "“{link}” is not a web address: kept in the notes.").format(
            link=shown(linkedin)
        ),
        "LinkedIn",
        to_notes=True,
    )
    notes = [_own_note(_first(component, "note")), *checked.notes]
    notes += [translate("exchange", "Web: {address}").format(address=url) for url in others]
    return Card(
        number,
        line,
        name,
        title=title,
        company=company,
        email=email,
        phone=phone,
        linkedin_url=linkedin,
        notes="\n".join(part for part in notes if part),
        problems=tuple(checked.problems),
    )


def read_cards(text: str) -> CardFile:
    """The cards in a vCard file's text; ExchangeError when it holds none."""
    import vobject  # only when cards are read (the module's docstring)

    pieces = _cut(text)
    if not pieces:
        raise ExchangeError(
            translate("exchange", "This is not a vCard file: it holds no card (BEGIN:VCARD).")
        )
    found = CardFile()
    for number, (line, piece) in enumerate(pieces, start=1):
        if piece is None:
            found.bad.append(_unfinished(number, line))
            continue
        try:
            component = vobject.readOne(piece, allowQP=True)
        except Exception as exc:  # any card the library cannot read is said
            log.info("card %d (line %d) could not be read: %r", number, line, exc)
            found.bad.append(
                BadCard(number, line, translate("exchange", "It cannot be read as a vCard."))
            )
            continue
        read = _card(number, line, component)
        if isinstance(read, Card):
            found.cards.append(read)
        else:
            found.bad.append(read)
    return found


# -- matching with the people the app has --------------------------------------------------


@dataclass(frozen=True)
class Person:
    """A person the app has, as a card is compared with them."""

    id: int
    name: str
    title: str = ""
    company: str = ""
    email: str = ""
    phone: str = ""
    linkedin_url: str = ""
    notes: str = ""

    def value(self, name: str) -> str:
        return str(getattr(self, name))


class CardOutcome(StrEnum):
    NEW = "new"
    ADDS = "adds"  # the app has them: the card adds what it does not know
    KNOWN = "known"  # the app has them and everything the card says
    REPEATED = "repeated"  # an earlier card in the file is the same person


@dataclass(frozen=True)
class PlannedCard:
    card: Card
    outcome: CardOutcome
    person: Person | None = None
    # The fields the card adds to the person (CARD_FIELDS' names).
    adds: tuple[str, ...] = ()
    same_as: int = 0


def _additions(card: Card, person: Person) -> tuple[str, ...]:
    adds = []
    for name in CARD_FIELDS:
        value, theirs = card.value(name), person.value(name)
        if not value:
            continue
        if name == "notes":
            if value not in theirs:
                adds.append(name)
        elif not theirs.strip():
            adds.append(name)
    return tuple(adds)


@dataclass
class _Seen:
    """The cards met so far in the file, to find the same person again."""

    by_email: dict[str, int] = field(default_factory=dict)
    by_name: dict[str, list[tuple[int, str]]] = field(default_factory=dict)

    def find(self, card: Card) -> int | None:
        address = match_text(card.email)
        if address and address in self.by_email:
            return self.by_email[address]
        for number, theirs in self.by_name.get(match_text(card.name), ()):
            if not (address and theirs and address != theirs):
                return number
        return None

    def add(self, card: Card) -> None:
        address = match_text(card.email)
        if address:
            self.by_email.setdefault(address, card.number)
        self.by_name.setdefault(match_text(card.name), []).append((card.number, address))


def plan_cards(cards: Sequence[Card], people: Iterable[Person]) -> list[PlannedCard]:
    """What each card does: a new person, additions to one the app has, nothing new, or
    a repeat of an earlier card."""
    known = {person.id: person for person in people}
    index = PeopleIndex.of((p.id, p.name, p.email) for p in known.values())
    seen = _Seen()
    planned: list[PlannedCard] = []
    for card in cards:
        earlier = seen.find(card)
        if earlier is not None:
            planned.append(PlannedCard(card, CardOutcome.REPEATED, same_as=earlier))
            continue
        seen.add(card)
        found = index.find(card.name, card.email)
        if found is None:
            planned.append(PlannedCard(card, CardOutcome.NEW))
            continue
        person = known[found]
        adds = _additions(card, person)
        outcome = CardOutcome.ADDS if adds else CardOutcome.KNOWN
        planned.append(PlannedCard(card, outcome, person, adds))
    return planned


def updated(person: Person, card: Card, adds: Iterable[str]) -> dict[str, str]:
    """The person's fields the card adds, as they are to be stored."""
    values = {}
    for name in adds:
        value = card.value(name)
        if name == "notes" and person.notes.strip():
            value = f"{person.notes}\n\n{value}"
        values[name] = value
    return values


# -- writing -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonOut:
    """A person as written on a card, with what they are in the search (one line each:
    "Interviewer at Acme · Data Analyst")."""

    name: str
    title: str = ""
    company: str = ""
    email: str = ""
    phone: str = ""
    linkedin_url: str = ""
    notes: str = ""
    roles: tuple[str, ...] = ()


def _split_name(name: str) -> tuple[str, str]:
    """(family, given) as N wants them: the last word is taken as the family name."""
    words = name.split()
    if len(words) < 2:
        return name.strip(), ""
    return words[-1], " ".join(words[:-1])


def _note(person: PersonOut) -> str:
    parts = [person.notes.strip()] if person.notes.strip() else []
    if person.roles:
        heading = translate("exchange", "In Follow-Through:")
        parts.append("\n".join([heading, *person.roles]))
    return "\n\n".join(parts)


def card_text(person: PersonOut) -> str:
    """One vCard 3.0 of ``person`` (CR LF line ends, long lines folded, text escaped)."""
    import vobject  # only when cards are written (the module's docstring)

    card = vobject.vCard()
    card.add("fn").value = person.name
    family, given = _split_name(person.name)
    card.add("n").value = vobject.vcard.Name(family=family, given=given)
    if person.company:
        card.add("org").value = [person.company]
    if person.title:
        card.add("title").value = person.title
    if person.email:
        line = card.add("email")
        line.value = person.email
        line.type_param = "INTERNET"
    if person.phone:
        card.add("tel").value = person.phone
    if person.linkedin_url:
        card.add("url").value = person.linkedin_url
        social = card.add("x-socialprofile")
        social.value = person.linkedin_url
        social.type_param = "linkedin"
    note = _note(person)
    if note:
        card.add("note").value = note
    return str(card.serialize())


def cards_text(people: Iterable[PersonOut]) -> str:
    return "".join(card_text(person) for person in people)
