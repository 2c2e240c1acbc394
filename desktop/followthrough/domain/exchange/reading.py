"""A file's text, checked against the format, into rows of the database's tables.

Everything is checked before anything is written: the file's shape, its version, each
field's type and range, ids unique, every reference to a person or an application
present in the file. A problem is an ``ExchangeError`` whose text says, in plain words,
where and what (never Python's own words); text fields are taken as they are, as plain
text, whatever they hold.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, cast

from followthrough.domain.errors import UserError
from followthrough.domain.exchange.schema import (
    FORMAT_NAME,
    HEADER_KEYS,
    INTERVIEW,
    MAJOR_VERSION,
    REFERRED,
    TOP_LEVEL,
    FieldSpec,
    Kind,
    ObjectSpec,
    Tables,
)
from followthrough.domain.validation import EARLIEST_DAY, LATEST_DAY
from followthrough.domain.wording import translate
from followthrough.domain.zones import zone_known

_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_CLOCK = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]\Z")
_INSTANT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}")
_VERSION = re.compile(r"([0-9]{1,6})\.([0-9]{1,6})\Z")
# How much of a value a message quotes.
_SHOWN_CHARS = 40
_ASCII_FOLD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


class ExchangeError(UserError):
    """A file that cannot be imported (or written); the text says why, for a person."""


@dataclass(frozen=True)
class Document:
    """A checked file: its records as table rows, and what it says about itself."""

    tables: Tables
    version: str
    exported_at: str | None
    exported_by: str
    # Names in the file this version does not know (a newer minor version's): left out.
    unknown: frozenset[str] = frozenset()

    def count(self, spec: ObjectSpec) -> int:
        return self.tables.count(spec)


def parse_document(text: str) -> Document:
    """The records of an export's ``text``; ExchangeError when it cannot be imported."""
    top = _load_json(text)
    version = _check_header(top)
    reader = _Reader()
    for entry in TOP_LEVEL:
        reader.read_list(entry.spec, top.get(entry.key, []), (), None, entry.key)
    known = {*HEADER_KEYS, *(entry.key for entry in TOP_LEVEL)}
    reader.unknown.update(f"{key}" for key in top if key not in known)
    exported_at = top.get("exported_at")
    exported_by = top.get("exported_by")
    return Document(
        reader.tables,
        version,
        exported_at if isinstance(exported_at, str) else None,
        exported_by if isinstance(exported_by, str) else "",
        frozenset(reader.unknown),
    )


# -- the JSON itself -----------------------------------------------------------------------


class _NotANumberError(ValueError):
    pass


class _RepeatedNameError(ValueError):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def _refuse_constant(_text: str) -> object:
    raise _NotANumberError


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    made = dict(pairs)
    if len(made) != len(pairs):
        seen: set[str] = set()
        for name, _value in pairs:
            if name in seen:
                raise _RepeatedNameError(name)
            seen.add(name)
    return made


def _load_json(text: str) -> dict[str, Any]:
    if not text.strip():
        raise ExchangeError(translate("exchange", "The file is empty."))
    try:
        top = json.loads(text, object_pairs_hook=_object, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise ExchangeError(_broken_json(text, exc)) from None
    except _NotANumberError:
        raise ExchangeError(
            translate("exchange", "The file holds a number that is not one (NaN or Infinity).")
        ) from None
    except _RepeatedNameError as exc:
        raise ExchangeError(
            translate(
                "exchange", "The name “{name}” appears twice in one object of the file."
            ).format(name=shown_value(exc.name))
        ) from None
    except RecursionError:
        raise ExchangeError(
            translate("exchange", "The file is nested too deeply to be a Follow-Through export.")
        ) from None
    except ValueError:
        # Python's limit on the digits of a number read from text.
        raise ExchangeError(
            translate("exchange", "The file holds a number with far too many digits.")
        ) from None
    if not isinstance(top, dict) or top.get("format") != FORMAT_NAME:
        raise ExchangeError(
            translate(
                "exchange",
                "This is not a Follow-Through export: it does not begin with “format”: “{name}”.",
            ).format(name=FORMAT_NAME)
        )
    return top


def _broken_json(text: str, error: json.JSONDecodeError) -> str:
    # A string left open, or the text over where a value or a bracket should come: cut.
    if error.msg.startswith("Unterminated string") or error.pos >= len(text.rstrip()):
        return translate(
            "exchange",
            "The file ends too early (at line {line}): it was probably cut short while it "
            "was copied, downloaded or saved.",
        ).format(line=error.lineno)
    return translate(
        "exchange",
        "The file is not valid JSON: something is wrong at line {line}, column {column}.",
    ).format(line=error.lineno, column=error.colno)


def _check_header(top: Mapping[str, Any]) -> str:
    version = top.get("version")
    matched = _VERSION.match(version) if isinstance(version, str) else None
    if matched is None:
        raise ExchangeError(
            translate(
                "exchange",
                "The file does not say which version of the format it follows "
                "(“version”, such as “1.0”).",
            )
        )
    assert isinstance(version, str)
    major = int(matched.group(1))
    if major > MAJOR_VERSION:
        raise ExchangeError(
            translate(
                "exchange",
                "This file was written by a newer version of Follow-Through (format "
                "{version}; this version reads format {major}). Update Follow-Through to "
                "import it.",
            ).format(version=version, major=MAJOR_VERSION)
        )
    if major < MAJOR_VERSION:
        raise ExchangeError(
            translate(
                "exchange", "The file's format version {version} is not one Follow-Through knows."
            ).format(version=version)
        )
    return version


# -- words for the messages ----------------------------------------------------------------


def shown_value(text: str) -> str:
    """A value as a message quotes it: short, with invisible and control characters
    written as codes (a file's text must not steer the terminal or the text direction)."""
    cut = text[:_SHOWN_CHARS]
    shown = "".join(
        f"\\u{ord(c):04x}" if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl", "Zp") else c
        for c in cut
    )
    return shown + ("…" if len(text) > _SHOWN_CHARS else "")


def _found(raw: object) -> str:
    if raw is None:
        return "null"
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, int | float):
        return translate("exchange", "the number {number}").format(number=shown_value(repr(raw)))
    if isinstance(raw, str):
        return f"“{shown_value(raw)}”"
    if isinstance(raw, list):
        return translate("exchange", "a list")
    return translate("exchange", "an object")


def _expected(spec: FieldSpec) -> str:
    if spec.kind is Kind.CHOICE:
        return translate("exchange", "one of {choices}").format(choices=", ".join(spec.choices))
    words = {
        Kind.TEXT: translate("exchange", "text"),
        Kind.NAME: translate("exchange", "text"),
        Kind.INSTANT: translate("exchange", "a date and time such as 2026-11-20T15:00:00Z"),
        Kind.DAY: translate("exchange", "a date such as 2026-11-20"),
        Kind.CLOCK: translate("exchange", "a time of day such as 09:30"),
        Kind.ZONE: translate("exchange", "a time zone name such as Europe/Berlin"),
        Kind.INT: translate("exchange", "a whole number"),
        Kind.BOOL: translate("exchange", "true or false"),
        Kind.ID: translate("exchange", "a whole number from 1"),
        Kind.REF: translate("exchange", "a whole number from 1"),
    }
    return words[spec.kind]


class _BadValueError(Exception):
    """A field's value is wrong: the sentence says how (the field named in it)."""


def _wrong(spec: FieldSpec, raw: object) -> _BadValueError:
    return _BadValueError(
        translate("exchange", "“{field}” should be {expected}, not {found}.").format(
            field=spec.name, expected=_expected(spec), found=_found(raw)
        )
    )


# -- one value -----------------------------------------------------------------------------


def _text(spec: FieldSpec, raw: object) -> str:
    if not isinstance(raw, str):
        raise _wrong(spec, raw)
    if not raw.isascii():
        try:
            raw.encode("utf-8")
        except UnicodeEncodeError:
            raise _BadValueError(
                translate(
                    "exchange", "“{field}” holds a broken character (half of a UTF-16 pair)."
                ).format(field=spec.name)
            ) from None
    return raw


def _name(spec: FieldSpec, raw: object) -> str:
    text = _text(spec, raw)
    # SQLite measures text up to its first NUL: a name that is blank before one is blank
    # to the database's own checks (a step key "\x00" failed its CHECK on import).
    if not text.split("\x00", 1)[0].strip():
        raise _BadValueError(
            translate("exchange", "“{field}” cannot be blank.").format(field=spec.name)
        )
    return text


def _in_range(spec: FieldSpec, day: date) -> None:
    if not EARLIEST_DAY <= day <= LATEST_DAY:
        raise _BadValueError(
            translate("exchange", "“{field}” must lie between {earliest} and {latest}.").format(
                field=spec.name, earliest=EARLIEST_DAY.year, latest=LATEST_DAY.year
            )
        )


def _day(spec: FieldSpec, raw: object) -> str:
    if not isinstance(raw, str) or not _DAY.match(raw):
        raise _wrong(spec, raw)
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        raise _wrong(spec, raw) from None
    _in_range(spec, day)
    return raw


def _instant(spec: FieldSpec, raw: object) -> str:
    if not isinstance(raw, str) or not _INSTANT.match(raw):
        raise _wrong(spec, raw)
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        raise _wrong(spec, raw) from None
    if value.tzinfo is None:
        raise _BadValueError(
            translate(
                "exchange", "“{field}” needs its time zone, as in 2026-11-20T15:00:00Z."
            ).format(field=spec.name)
        )
    _in_range(spec, value.date())
    # As the database keeps instants (store.fields): UTC, to the second, with a "Z".
    return value.astimezone(UTC).replace(tzinfo=None, microsecond=0).isoformat() + "Z"


def _clock(spec: FieldSpec, raw: object) -> str:
    if not isinstance(raw, str) or not _CLOCK.match(raw):
        raise _wrong(spec, raw)
    return raw


def _zone(spec: FieldSpec, raw: object) -> str:
    text = _name(spec, raw)
    if not zone_known(text):
        raise _BadValueError(
            translate(
                "exchange", "“{field}”: {zone} is not a time zone this computer knows."
            ).format(field=spec.name, zone=_found(text))
        )
    return text


def _int(spec: FieldSpec, raw: object) -> int:
    if not isinstance(raw, int) or isinstance(raw, bool):
        raise _wrong(spec, raw)
    if spec.minimum is not None and raw < spec.minimum:
        raise _BadValueError(
            translate("exchange", "“{field}” must be at least {minimum}.").format(
                field=spec.name, minimum=spec.minimum
            )
        )
    if spec.maximum is not None and raw > spec.maximum:
        raise _BadValueError(
            translate("exchange", "“{field}” must be at most {maximum}.").format(
                field=spec.name, maximum=spec.maximum
            )
        )
    return raw


# SQLite's integers: an id beyond them cannot be stored.
_LARGEST_ID = 2**63 - 1


def _id(spec: FieldSpec, raw: object) -> int:
    if not isinstance(raw, int) or isinstance(raw, bool) or not 1 <= raw <= _LARGEST_ID:
        raise _wrong(spec, raw)
    return raw


def _bool(spec: FieldSpec, raw: object) -> bool:
    if not isinstance(raw, bool):
        raise _wrong(spec, raw)
    return raw


def _choice(spec: FieldSpec, raw: object) -> str:
    if not isinstance(raw, str) or raw not in spec.choices:
        raise _wrong(spec, raw)
    return raw


_CONVERT: dict[Kind, Callable[[FieldSpec, object], object]] = {
    Kind.TEXT: _text,
    Kind.NAME: _name,
    Kind.INSTANT: _instant,
    Kind.DAY: _day,
    Kind.CLOCK: _clock,
    Kind.ZONE: _zone,
    Kind.INT: _int,
    Kind.BOOL: _bool,
    Kind.CHOICE: _choice,
    Kind.ID: _id,
    Kind.REF: _id,
}


# -- objects -------------------------------------------------------------------------------

# Where an object sits in the file, for messages: (kind, its number in its list (0: the
# only one), the object itself).
_Step = tuple[ObjectSpec, int, object]
_Where = tuple[_Step, ...]


def _where_words(where: _Where) -> str:
    if not where:
        return translate("exchange", "the file")
    parts = []
    for spec, number, item in where:
        label = translate("exchange", spec.label)
        part = f"{label} {number}" if number else label
        title = item if spec.scalar else None
        if isinstance(item, dict) and spec.title_field:
            title = item.get(spec.title_field)
        if isinstance(title, str) and title.strip():
            part += f" ({shown_value(title)})"
        parts.append(part)
    return ", ".join(parts)


@dataclass
class _Reader:
    tables: Tables = field(default_factory=Tables)
    ids: dict[str, set[int]] = field(default_factory=dict)
    seen: dict[tuple[str, tuple[str, ...]], set[tuple[object, ...]]] = field(default_factory=dict)
    unknown: set[str] = field(default_factory=set)
    known: dict[str, set[str]] = field(default_factory=dict)

    def fail(self, where: _Where, problem: str) -> ExchangeError:
        return ExchangeError(
            translate("exchange", "In {where}: {problem}").format(
                where=_where_words(where), problem=problem
            )
        )

    def read_list(
        self, spec: ObjectSpec, value: object, where: _Where, parent: object, key: str
    ) -> None:
        if not isinstance(value, list):
            raise self.fail(
                where,
                translate("exchange", "“{field}” should be a list, not {found}.").format(
                    field=key, found=_found(value)
                ),
            )
        for number, item in enumerate(value, start=1):
            self.read_object(spec, item, (*where, (spec, number, item)), parent)

    def read_one(
        self, spec: ObjectSpec, value: object, where: _Where, parent: object, key: str
    ) -> None:
        if value is None:
            return
        if not isinstance(value, dict):
            raise self.fail(
                where,
                translate("exchange", "“{field}” should be an object or null, not {found}.").format(
                    field=key, found=_found(value)
                ),
            )
        self.read_object(spec, value, (*where, (spec, 0, value)), parent)

    def read_object(self, spec: ObjectSpec, item: object, where: _Where, parent: object) -> None:
        if spec.scalar:
            values: Mapping[str, object] = {spec.fields[0].name: item}
        elif isinstance(item, dict):
            values = item
        else:
            raise self.fail(
                where[:-1],
                translate("exchange", "each {label} should be an object, not {found}.").format(
                    label=translate("exchange", spec.label), found=_found(item)
                ),
            )
        row = {f.db_column: self.value(f, values, where) for f in spec.fields}
        if spec.parent_column:
            row[spec.parent_column] = parent
        self.check_row(spec, row, where)
        self.tables.add(spec, row)
        if not spec.scalar:
            self.note_unknown(spec, values)
        key = row["id"] if spec.has_id else parent
        for child in spec.children:
            if child.many:
                self.read_list(child.spec, values.get(child.key, []), where, key, child.key)
            else:
                self.read_one(child.spec, values.get(child.key), where, key, child.key)

    def value(self, spec: FieldSpec, values: Mapping[str, object], where: _Where) -> object:
        if spec.name not in values:
            if spec.required:
                raise self.fail(
                    where, translate("exchange", "“{field}” is missing.").format(field=spec.name)
                )
            return spec.default
        raw = values[spec.name]
        if raw is None:
            if spec.nullable:
                return None
            raise self.fail(
                where,
                translate("exchange", "“{field}” cannot be null.").format(field=spec.name),
            )
        try:
            converted = _CONVERT[spec.kind](spec, raw)
        except _BadValueError as bad:
            raise self.fail(where, str(bad)) from None
        if spec.kind is Kind.REF:
            self.check_reference(spec, converted, where)
        return converted

    def check_reference(self, spec: FieldSpec, value: object, where: _Where) -> None:
        target = REFERRED[spec.refers_to]
        if value not in self.ids.get(target.name, ()):
            raise self.fail(
                where,
                translate(
                    "exchange", "“{field}” names {what} {id}, which is not in the file."
                ).format(field=spec.name, what=translate("exchange", target.label), id=value),
            )

    def check_row(self, spec: ObjectSpec, row: dict[str, object], where: _Where) -> None:
        if spec.has_id:
            known = self.ids.setdefault(spec.name, set())
            if row["id"] in known:
                raise self.fail(
                    where,
                    translate("exchange", "the id {id} is used by another {label} too.").format(
                        id=row["id"], label=translate("exchange", spec.label)
                    ),
                )
            known.add(cast(int, row["id"]))
        for columns in spec.unique:
            values = tuple(row[c] for c in columns)
            if spec.nocase:
                values = tuple(
                    v.translate(_ASCII_FOLD) if isinstance(v, str) else v for v in values
                )
            seen = self.seen.setdefault((spec.table, columns), set())
            if values in seen:
                names = ", ".join(f"“{f.name}”" for f in spec.fields if f.db_column in columns)
                raise self.fail(
                    where,
                    translate("exchange", "another {label} has the same {fields}.").format(
                        label=translate("exchange", spec.label), fields=names
                    ),
                )
            seen.add(values)
        if spec is INTERVIEW and str(row["ends_at"]) < str(row["starts_at"]):
            raise self.fail(where, translate("exchange", "“ends_at” is before “starts_at”."))

    def note_unknown(self, spec: ObjectSpec, values: Mapping[str, object]) -> None:
        known = self.known.get(spec.table)
        if known is None:
            known = {f.name for f in spec.fields} | {c.key for c in spec.children}
            self.known[spec.table] = known
        if not known.issuperset(values):
            self.unknown.update(f"{spec.name}.{name}" for name in values if name not in known)
