"""Hypothesis strategies for JSON exports (``docs/data-format.md``), made from the format's
own table (``domain.exchange.schema``): any document an export could hold, with hostile
text in every text field."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from hypothesis import strategies as st

from followthrough.domain.exchange.schema import (
    FORMAT_NAME,
    INTERVIEW,
    TOP_LEVEL,
    VERSION_TEXT,
    FieldSpec,
    Kind,
    ObjectSpec,
)

# Text a file may hold that must come back exactly as it went in, as plain text.
HOSTILE = (
    "<b>bold</b> <img src=x onerror=alert(1)>",
    "'); DROP TABLE application; --",
    "Robert'); DELETE FROM contact WHERE ('1'='1",
    "\u202eevil\u202c \u200f\u200e right-to-left",
    "nul\x00 bell\x07 escape\x1b[31m red",
    "line\nbreak\r\ncarriage\ttab",
    "Ünïcödé — 日本語 — emoji 🧑‍💻",
    "&amp; & &lt; %n %1 {name} {0}",
    "\u2028\u2029 separators",
    "x" * 2000,
)
ZONES = ("Europe/Berlin", "America/Los_Angeles", "Asia/Kolkata", "UTC", "Pacific/Chatham")
_EARLIEST = datetime(1970, 1, 2, tzinfo=UTC)
_LATEST = datetime(2200, 12, 30, tzinfo=UTC)

text = st.one_of(st.text(max_size=20), st.sampled_from(HOSTILE))
# Not blank, also before a NUL (SQLite reads text up to one: the reader refuses those).
names = text.filter(lambda t: bool(t.split("\x00", 1)[0].strip()))
instants = st.datetimes(
    min_value=_EARLIEST.replace(tzinfo=None), max_value=_LATEST.replace(tzinfo=None)
).map(lambda moment: moment.replace(microsecond=0))
days = st.dates(min_value=date(1970, 1, 1), max_value=date(2200, 12, 31))


def instant_text(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _value(spec: FieldSpec) -> st.SearchStrategy[Any]:
    kinds: dict[Kind, st.SearchStrategy[Any]] = {
        Kind.TEXT: text,
        Kind.NAME: names,
        Kind.INSTANT: instants.map(instant_text),
        Kind.DAY: days.map(date.isoformat),
        Kind.CLOCK: st.builds(
            lambda h, m: f"{h:02d}:{m:02d}", st.integers(0, 23), st.integers(0, 59)
        ),
        Kind.ZONE: st.sampled_from(ZONES),
        Kind.INT: st.integers(
            spec.minimum if spec.minimum is not None else -(10**6),
            spec.maximum if spec.maximum is not None else 10**6,
        ),
        Kind.BOOL: st.booleans(),
        Kind.CHOICE: st.sampled_from(spec.choices) if spec.choices else st.nothing(),
    }
    made = kinds[spec.kind]
    return st.one_of(st.none(), made) if spec.nullable else made


@st.composite
def _object(
    draw: st.DrawFn, spec: ObjectSpec, people: list[int], ids: dict[str, list[int]]
) -> object:
    if spec.scalar:
        return draw(_value(spec.fields[0]))
    made: dict[str, object] = {}
    for field in spec.fields:
        if field.kind is Kind.ID:
            made[field.name] = ids[spec.name].pop()
        elif field.kind is Kind.REF:
            pool = people if field.refers_to == "person" else ids.get("all " + field.refers_to, [])
            choices = st.sampled_from(pool) if pool else st.none()
            made[field.name] = draw(st.one_of(st.none(), choices) if field.nullable else choices)
        elif field.required or draw(st.booleans()):
            made[field.name] = draw(_value(field))
    if spec is INTERVIEW:
        start = draw(instants)
        made["starts_at"] = instant_text(start)
        made["ends_at"] = instant_text(start + timedelta(minutes=draw(st.integers(0, 300))))
    for child in spec.children:
        if not people and any(f.kind is Kind.REF and not f.nullable for f in child.spec.fields):
            made[child.key] = [] if child.many else None
            continue
        if child.many:
            items = draw(st.lists(_object(child.spec, people, ids), max_size=2))
            made[child.key] = _unique(child.spec, items)
        else:
            made[child.key] = draw(st.one_of(st.none(), _object(child.spec, people, ids)))
    return made


def _unique(spec: ObjectSpec, items: list[object]) -> list[object]:
    """``items`` without those that would repeat a unique set of fields (the parent's
    own part of each set is the same for all of them)."""
    fields = [[f.name for f in spec.fields if f.db_column in columns] for columns in spec.unique]
    kept: list[object] = []
    seen: list[set[tuple[object, ...]]] = [set() for _ in fields]
    for item in items:
        keys = [
            tuple(_folded(spec, item if spec.scalar else item[n]) for n in names)  # type: ignore[index]
            for names in fields
        ]
        if any(key in seen[i] for i, key in enumerate(keys)):
            continue
        for i, key in enumerate(keys):
            seen[i].add(key)
        kept.append(item)
    return kept


def _folded(spec: ObjectSpec, value: object) -> object:
    if spec.nocase and isinstance(value, str):
        return value.translate(
            str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
        )
    return value


@st.composite
def documents(draw: st.DrawFn, max_records: int = 3) -> dict[str, Any]:
    """A whole export: header, then every list of records."""
    id_pool = draw(st.lists(st.integers(1, 10**9), min_size=200, max_size=200, unique=True))
    ids = {"person": id_pool[:40], "application": id_pool[40:80], "interview": id_pool[80:160]}
    ids["reference"] = id_pool[160:200]
    made: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": VERSION_TEXT,
        "exported_at": instant_text(draw(instants)),
        "exported_by": draw(text),
    }
    people: list[int] = []
    for top in TOP_LEVEL:
        items = draw(st.lists(_object(top.spec, people, ids), max_size=max_records))
        items = _unique(top.spec, items)
        made[top.key] = items
        if top.key == "people":
            people.extend(item["id"] for item in items)
        if top.key == "applications":
            ids["all application"] = [item["id"] for item in items]
    return made
