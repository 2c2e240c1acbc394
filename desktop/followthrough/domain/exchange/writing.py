"""Rows of the database's tables written out as the file's objects (``schema``)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from followthrough.domain.exchange.schema import (
    FORMAT_NAME,
    TOP_LEVEL,
    VERSION_TEXT,
    FieldSpec,
    Kind,
    ObjectSpec,
    Tables,
    every_object,
)

Row = dict[str, object]


def _value(spec: FieldSpec, stored: object) -> object:
    """A stored value as the file writes it (SQLite keeps true and false as 1 and 0)."""
    if spec.kind is Kind.BOOL and stored is not None:
        return bool(stored)
    return stored


def key_of(spec: ObjectSpec, row: Row) -> object:
    """What a row's children name it by: its id, else its parent's (one per parent)."""
    return row["id"] if spec.has_id else row[spec.parent_column]


class _Nester:
    def __init__(self, tables: Tables) -> None:
        self.tables = tables
        self.by_parent: dict[str, dict[object, list[Row]]] = {}
        for placed in every_object():
            if placed.parent is None:
                continue
            grouped: dict[object, list[Row]] = defaultdict(list)
            for row in tables.of(placed.spec):
                grouped[row[placed.spec.parent_column]].append(row)
            self.by_parent[placed.spec.table] = grouped

    def build(self, spec: ObjectSpec, row: Row) -> object:
        if spec.scalar:
            only = spec.fields[0]
            return _value(only, row[only.db_column])
        made: dict[str, object] = {f.name: _value(f, row[f.db_column]) for f in spec.fields}
        if not spec.children:
            return made
        key = key_of(spec, row)
        for child in spec.children:
            rows = self.by_parent[child.spec.table].get(key, [])
            if child.many:
                made[child.key] = [self.build(child.spec, r) for r in rows]
            else:
                made[child.key] = self.build(child.spec, rows[0]) if rows else None
        return made


def nest(tables: Tables) -> dict[str, list[object]]:
    """The file's record lists ("people", "applications", …) from ``tables``."""
    nester = _Nester(tables)
    return {
        top.key: [nester.build(top.spec, row) for row in tables.of(top.spec)] for top in TOP_LEVEL
    }


def document(tables: Tables, exported_at: str, exported_by: str) -> dict[str, Any]:
    """The whole file as one object: what it is, its version, when and by what it was
    written, then the records."""
    return {
        "format": FORMAT_NAME,
        "version": VERSION_TEXT,
        "exported_at": exported_at,
        "exported_by": exported_by,
        **nest(tables),
    }


def document_chunks(tables: Tables, exported_at: str, exported_by: str) -> Iterator[str]:
    """The file's text, in pieces: the header, then each list with one record a line
    (compact, and still easy to read, search and compare); each record is made as it is
    written, so the whole text is never held at once."""
    nester = _Nester(tables)
    yield "{\n"
    header = {
        "format": FORMAT_NAME,
        "version": VERSION_TEXT,
        "exported_at": exported_at,
        "exported_by": exported_by,
    }
    for name, value in header.items():
        yield f"{json.dumps(name)}: {json.dumps(value, ensure_ascii=False)},\n"
    last = len(TOP_LEVEL) - 1
    for number, top in enumerate(TOP_LEVEL):
        yield f"{json.dumps(top.key)}: ["
        rows = tables.of(top.spec)
        for index, row in enumerate(rows):
            record = json.dumps(nester.build(top.spec, row), ensure_ascii=False)
            yield ("\n" if index == 0 else ",\n") + record
        yield ("\n]" if rows else "]") + (",\n" if number < last else "\n")
    yield "}\n"
