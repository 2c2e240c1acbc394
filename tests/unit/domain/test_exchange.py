"""The JSON format's reading (docs/data-format.md): a good file gives its records, a bad one
a sentence for a person, never Python's own words; and the merge rules."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followthrough.domain.exchange.merging import (
    ApplicationIndex,
    PeopleIndex,
    match_text,
    remap_subject,
    remap_tagged,
)
from followthrough.domain.exchange.reading import ExchangeError, parse_document
from followthrough.domain.exchange.schema import (
    APPLICATION,
    INTERVIEW,
    PERSON,
    REMINDER,
    VERSION_TEXT,
    FieldSpec,
    Kind,
    every_object,
)
from followthrough.domain.exchange.writing import document
from tests.helpers.exchange_data import HOSTILE, documents

DOCS = Path(__file__).resolve().parents[3] / "docs" / "data-format.md"


def minimal() -> dict[str, Any]:
    return {
        "format": "follow-through",
        "version": "1.0",
        "people": [
            {"id": 7, "name": "Dana Lee", "created_at": "2026-11-01T09:00:00Z"},
        ],
        "applications": [
            {
                "id": 3,
                "company": "Acme",
                "created_at": "2026-11-01T09:00:00Z",
                "updated_at": "2026-11-01T09:00:00Z",
                "interviews": [
                    {
                        "id": 11,
                        "starts_at": "2026-11-10T09:00:00Z",
                        "ends_at": "2026-11-10T10:00:00Z",
                        "time_zone": "Europe/Berlin",
                        "participants": [{"person_id": 7}],
                    }
                ],
            }
        ],
        "reminders": [
            {
                "kind": "follow_up",
                "subject": "follow_up:3:11:0",
                "application_id": 3,
                "due_at": "2026-11-12T09:00:00Z",
                "fired_at": "2026-11-12T09:00:05+01:00",
            }
        ],
    }


def refused(doc: object) -> str:
    with pytest.raises(ExchangeError) as caught:
        parse_document(doc if isinstance(doc, str) else json.dumps(doc))
    return str(caught.value)


# Words of Python's own that must never reach a person.
PYTHON_WORDS = re.compile(
    r"Traceback|Error\b|Expecting|Unterminated|delimiter|KeyError|NoneType|object has no|"
    r"invalid literal|line \d+ column \d+ \(char"
)


def test_a_small_file_gives_its_rows_with_defaults_and_instants_in_utc() -> None:
    parsed = parse_document(json.dumps(minimal()))
    (app,) = parsed.tables.of(APPLICATION)
    assert app["id"] == 3 and app["stage"] == "applied" and app["role_title"] == ""
    (interview,) = parsed.tables.of(INTERVIEW)
    assert interview["application_id"] == 3 and interview["round"] == 1
    (reminder,) = parsed.tables.of(REMINDER)
    # Any offset is read; what is stored is UTC, to the second.
    assert reminder["fired_at"] == "2026-11-12T08:00:05Z"
    assert reminder["done_at"] is None
    assert parsed.count(PERSON) == 1 and parsed.version == "1.0"


def test_a_newer_minor_version_is_read_and_what_it_adds_is_left_out() -> None:
    doc = minimal()
    doc["version"] = "1.7"
    doc["applications"][0]["salary_band"] = "B"
    doc["calendars"] = []
    parsed = parse_document(json.dumps(doc))
    assert parsed.unknown == {"application.salary_band", "calendars"}


@pytest.mark.parametrize("version", ["2.0", "10.3"])
def test_a_newer_major_version_is_refused_in_plain_words(version: str) -> None:
    doc = minimal()
    doc["version"] = version
    message = refused(doc)
    assert "newer version of Follow-Through" in message and version in message
    assert "Update Follow-Through" in message


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.pop("format"), "not a Follow-Through export"),
        (lambda d: d.update(version=1), "which version"),
        (lambda d: d.update(version="0.9"), "not one Follow-Through knows"),
        (lambda d: d.update(people={}), "“people” should be a list"),
        (lambda d: d["people"][0].pop("name"), "In person 1: “name” is missing."),
        (lambda d: d["people"][0].update(name="  "), "“name” cannot be blank"),
        (lambda d: d["people"].append(d["people"][0]), "the id 7 is used by another person"),
        (
            lambda d: d["applications"][0].update(stage="hired"),
            "application 1 (Acme): “stage” should be one of applied",
        ),
        (lambda d: d["applications"][0].update(company=None), "“company” cannot be null"),
        (lambda d: d["applications"][0].update(applied_on="20/11/2026"), "a date such as"),
        (lambda d: d["applications"][0].update(applied_on="1066-10-14"), "between 1970 and 2200"),
        (lambda d: d["applications"][0].update(created_at="2026-11-01T09:00"), "time zone"),
        (lambda d: d["applications"][0].update(created_at=12), "not the number 12"),
        (lambda d: d["applications"][0]["interviews"][0].update(round=0), "at least 1"),
        (lambda d: d["applications"][0]["interviews"][0].update(round=True), "not true"),
        (lambda d: d["applications"][0]["interviews"][0].update(round=1.5), "whole number"),
        (
            lambda d: d["applications"][0]["interviews"][0].update(time_zone="Mars/Olympus"),
            "not a time zone this computer knows",
        ),
        (
            # A region's folder among the zone files, not a zone.
            lambda d: d["applications"][0]["interviews"][0].update(time_zone="America"),
            "not a time zone this computer knows",
        ),
        (
            lambda d: d["applications"][0]["interviews"][0].update(time_zone="../../etc/passwd"),
            "not a time zone this computer knows",
        ),
        (
            lambda d: d["applications"][0]["interviews"][0].update(ends_at="2026-11-10T08:00:00Z"),
            "“ends_at” is before “starts_at”",
        ),
        (
            lambda d: d["applications"][0]["interviews"][0]["participants"][0].update(person_id=8),
            "interview 1, participant 1: “person_id” names person 8, which is not in the file",
        ),
        (
            lambda d: d["applications"][0]["interviews"][0]["participants"].append(
                {"person_id": 7}
            ),
            "another participant has the same “person_id”",
        ),
        (
            lambda d: d["reminders"][0].update(application_id=99),
            "names application 99, which is not in the file",
        ),
        (lambda d: d["reminders"].append(dict(d["reminders"][0])), "another reminder"),
        (lambda d: d["applications"][0].update(offer=[]), "“offer” should be an object or null"),
        (lambda d: d["applications"].append("Acme"), "each application should be an object"),
        (lambda d: d["applications"][0].update(notes="broken \ud800 half"), "broken character"),
        # SQLite reads text up to a NUL: blank before one is blank to its checks.
        (lambda d: d["applications"][0].update(company="\x00Acme"), "cannot be blank"),
        (lambda d: d.update(personal_words=["Müller", "MÜLLER", "acme", "ACME"]), "personal word"),
    ],
)
def test_each_kind_of_mistake_is_named_with_where_it_is(change: Any, expected: str) -> None:
    doc = minimal()
    change(doc)
    message = refused(doc)
    assert expected in message
    assert not PYTHON_WORDS.search(message), message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "The file is empty"),
        ("   \n", "The file is empty"),
        (
            '{"format": "follow-through", "version": "1.0", "people": [{"id": 1, "na',
            "ends too early",
        ),
        ('{"format": "follow-through", "version": "1.0", "people": [', "ends too early"),
        ('{"format": "follow-through",, "version": "1.0"}', "not valid JSON"),
        ('{"format": "follow-through", "version": "1.0", "x": NaN}', "NaN or Infinity"),
        ('{"format": "follow-through", "format": "follow-through"}', "appears twice"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"format": "follow-through", "n": ' + "9" * 5000 + "}", "too many digits"),
        ("[1, 2, 3]", "not a Follow-Through export"),
        ('"follow-through"', "not a Follow-Through export"),
    ],
)
def test_files_that_are_not_json_exports_are_named_as_such(text: str, expected: str) -> None:
    message = refused(text)
    assert expected in message
    assert not PYTHON_WORDS.search(message), message


def test_a_message_quoting_a_hostile_value_shows_it_inert() -> None:
    doc = minimal()
    doc["applications"][0]["stage"] = "\u202e\x1b[31m<b>x</b>" + "y" * 100
    message = refused(doc)
    assert "\x1b" not in message and "\u202e" not in message
    assert "\\u001b" in message and "\\u202e" in message
    assert "…" in message and len(message) < 400


def test_hostile_text_is_taken_as_it_is() -> None:
    doc = minimal()
    for number, value in enumerate(HOSTILE):
        doc["people"].append(
            {
                "id": 100 + number,
                "name": value,
                "notes": value,
                "created_at": "2026-11-01T09:00:00Z",
            }
        )
    people = parse_document(json.dumps(doc)).tables.of(PERSON)
    assert [p["notes"] for p in people[1:]] == list(HOSTILE)


def test_a_utf8_byte_order_mark_or_surrounding_blanks_do_not_matter() -> None:
    assert parse_document("\n " + json.dumps(minimal()) + "\n\n").count(PERSON) == 1


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_any_document_an_export_could_hold_is_read_and_written_back_the_same(
    doc: dict[str, Any],
) -> None:
    """Reading then writing gives the records back with every field spelt out (the
    defaults filled in, instants in UTC)."""
    parsed = parse_document(json.dumps(doc))
    again = document(parsed.tables, "2026-11-20T15:00:00Z", "test")
    assert parse_document(json.dumps(again)).tables == parsed.tables


def _mutations(doc: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Ways to spoil one value somewhere in ``doc``."""
    paths: list[tuple[Any, ...]] = []

    def walk(value: Any, path: tuple[Any, ...]) -> None:
        paths.append(path)
        if isinstance(value, dict):
            for key, inner in value.items():
                walk(inner, (*path, key))
        elif isinstance(value, list):
            for index, inner in enumerate(value):
                walk(inner, (*path, index))

    walk(doc, ())
    spoilers = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**20), 10**20),
        st.floats(allow_nan=False),
        st.text(max_size=5),
        st.just([]),
        st.just({}),
        st.just("\ud800"),
    )
    return st.tuples(st.sampled_from(paths), spoilers, st.booleans())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_spoilt_value_gives_a_plain_refusal_or_a_good_reading(data: st.DataObject) -> None:
    doc = data.draw(documents())
    path, spoiler, remove = data.draw(_mutations(doc))
    spoilt = copy.deepcopy(doc)
    if not path:
        spoilt = spoiler
    else:
        holder = spoilt
        for step in path[:-1]:
            holder = holder[step]
        if remove and isinstance(holder, dict):
            holder.pop(path[-1])
        else:
            holder[path[-1]] = spoiler
    try:
        text = json.dumps(spoilt, ensure_ascii=True)
    except (TypeError, ValueError):
        return
    try:
        parse_document(text)
    except ExchangeError as refusal:
        assert not PYTHON_WORDS.search(str(refusal)), str(refusal)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=300).map(lambda t: t))
def test_any_bytes_or_text_give_a_refusal_never_a_crash(junk: bytes | str) -> None:
    text = junk.decode("utf-8", "replace") if isinstance(junk, bytes) else junk
    try:
        parse_document(text)
    except ExchangeError as refusal:
        assert not PYTHON_WORDS.search(str(refusal)), str(refusal)


@settings(max_examples=60, deadline=None)
@given(documents(), st.integers(1, 400))
def test_a_document_cut_anywhere_is_refused(doc: dict[str, Any], keep: int) -> None:
    text = json.dumps(doc, indent=1)
    if keep >= len(text.rstrip()):
        return
    message = refused(text[:keep])
    assert "ends too early" in message or "not valid JSON" in message or "empty" in message


# -- merging -------------------------------------------------------------------------------


def test_names_and_titles_match_as_a_person_reads_them() -> None:
    assert match_text("  ACME   Corp ") == match_text("acme corp")
    assert match_text("Straße") == match_text("STRASSE")


def test_people_match_by_address_else_by_name_each_once() -> None:
    index = PeopleIndex.of(
        [
            (1, "Dana Lee", "dana@acme.example"),
            (2, "Sam Okafor", ""),
            (3, "Dana Lee", "dana@globex.example"),
            (4, "Sam Okafor", ""),
        ]
    )
    assert index.find("D. Lee", "DANA@globex.example") == 3  # the address decides
    assert index.find("dana  lee", "dana@acme.example") == 1
    assert index.find("Dana Lee", "dana@initech.example") is None  # another address
    assert index.find("sam okafor", "") == 2
    assert index.find("Sam Okafor", "sam@x.example") == 4  # one without an address
    assert index.find("Sam Okafor", "") is None  # each found once


def test_applications_match_by_company_and_role_and_keep_the_folders_spelling() -> None:
    index = ApplicationIndex.of([(5, "Acme GmbH", "Data Analyst"), (6, "Acme GmbH", "")])
    assert index.find("acme gmbh", "data  analyst") == 5
    assert index.find("ACME GMBH", "Data Analyst") is None  # found once already
    assert index.find("Acme GmbH", "Designer") is None
    assert index.company("ACME  gmbh") == "Acme GmbH"
    assert index.company("Initech") == "Initech"


def test_a_reminders_subject_takes_the_folders_ids() -> None:
    ids = {("application", 3): 30, ("interview", 11): 110, ("person", 7): 70, ("reference", 2): 20}

    def remap(kind: str, file_id: int) -> int | None:
        return ids.get((kind, file_id))

    assert remap_subject("follow_up:3:11:2", remap) == "follow_up:30:110:2"
    assert remap_subject("note:11:7", remap) == "note:110:70"
    assert remap_subject("ref:2", remap) == "ref:20"
    assert remap_subject("debrief:11:4", remap) == "debrief:110:4"
    assert remap_subject("offer:3:3", remap) == "offer:30:3"
    assert remap_subject("prep:11", remap) == "prep:110"
    assert remap_subject("note:11:8", remap) is None  # person 8 is not there
    assert remap_subject("calendar:3", remap) is None  # a feature this version lacks
    assert remap_subject("prep:11:1:2", remap) is None
    assert remap_tagged("connect:7", {"connect": "person"}, remap) == "connect:70"
    assert remap_tagged("revisit", {"connect": "person"}, remap) == "revisit"
    assert remap_tagged("connect:9", {"connect": "person"}, remap) is None


def _type_words(field: FieldSpec) -> str:
    """How docs/data-format.md writes a field's type."""
    words = {
        Kind.TEXT: "text",
        Kind.NAME: "text, not blank",
        Kind.INSTANT: "instant",
        Kind.DAY: "day",
        Kind.CLOCK: "time of day",
        Kind.ZONE: "time zone",
        Kind.BOOL: "true/false",
        Kind.ID: "id",
        Kind.REF: f"id of {'a' if field.refers_to == 'person' else 'an'} {field.refers_to}",
        Kind.CHOICE: "one of " + ", ".join(f"`{c}`" for c in field.choices),
        Kind.INT: "whole number",
    }[field.kind]
    if field.kind is Kind.INT and field.minimum is not None:
        words += (
            f" {field.minimum}–{field.maximum}"
            if field.maximum is not None
            else f" ≥ {field.minimum}"
        )
    return words + (", or null" if field.nullable else "")


def _section(text: str, name: str) -> str:
    start = text.index(f"\n### {name}\n")
    following = re.search(r"\n##", text[start + 5 :])
    return text[start : start + 5 + following.start()] if following else text[start:]


def test_the_format_document_describes_every_object_and_field() -> None:
    """docs/data-format.md has a section per object, with a row per field giving its
    type and its default as the importer has them, and a row per object it holds."""
    text = DOCS.read_text(encoding="utf-8")
    for placed in every_object():
        spec = placed.spec
        section = _section(text, spec.name)
        for field in spec.fields:
            default = "required" if field.required else f"`{json.dumps(field.default)}`"
            row = f"| `{field.name}` | {_type_words(field)} | {default} |"
            assert row in section, f"{spec.name}: {row}"
        for child in spec.children:
            assert f"| `{child.key}` |" in section, f"{spec.name}.{child.key}"
        assert section.count("\n| `") == len(spec.fields) + len(spec.children), spec.name
    assert f"version {VERSION_TEXT}" in text


def test_the_documents_example_imports() -> None:
    text = DOCS.read_text(encoding="utf-8")
    example = text[text.index("```json\n") + 8 : text.rindex("```")]
    parsed = parse_document(example)
    assert parsed.count(APPLICATION) == 1 and parsed.count(REMINDER) == 1
    assert not parsed.unknown
