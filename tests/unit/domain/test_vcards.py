"""Business cards in and out (vobject): vCard 2.1, 3.0 and 4.0 read, several cards in a
file, each bad card said on its own, people matched instead of doubled, and the app's
own cards read back the same."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followthrough.domain.exchange.reading import ExchangeError
from followthrough.domain.exchange.text_files import decode_text
from followthrough.domain.exchange.vcards import (
    Card,
    CardOutcome,
    Person,
    PersonOut,
    card_text,
    cards_text,
    plan_cards,
    read_cards,
    updated,
)
from tests.helpers.exchange_data import HOSTILE

V3 = """BEGIN:VCARD
VERSION:3.0
FN:Dana Lee
N:Lee;Dana;;;
ORG:Acme Analytics;Data
TITLE:Head of Data
EMAIL;TYPE=INTERNET:dana.old@acme.example
EMAIL;TYPE=INTERNET,pref:dana@acme.example
TEL;TYPE=CELL:+49 30 1234 567
URL:https://www.linkedin.com/in/danalee
NOTE:Met at the Berlin fair\\, keen on dashboards
END:VCARD
"""
V4 = """BEGIN:VCARD
VERSION:4.0
FN:Sam Okafor
EMAIL;TYPE=work:sam@globex.example
TEL;VALUE=uri;TYPE=voice:tel:+1-555-0100
X-SOCIALPROFILE;TYPE=linkedin:linkedin.com/in/samokafor
URL:https://samokafor.example
END:VCARD
"""
V21 = """BEGIN:VCARD
VERSION:2.1
N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen
TEL;WORK:030 555 12
END:VCARD
"""


def test_cards_of_each_version_are_read() -> None:
    found = read_cards(V3 + V4 + V21)
    assert found.bad == []
    dana, sam, jurgen = found.cards
    assert (dana.number, dana.line, dana.name, dana.title) == (1, 1, "Dana Lee", "Head of Data")
    assert dana.company == "Acme Analytics"
    assert dana.email == "dana@acme.example"  # the preferred one
    assert dana.phone == "+49 30 1234 567"
    assert dana.linkedin_url == "https://www.linkedin.com/in/danalee"
    assert dana.notes == "Met at the Berlin fair, keen on dashboards"
    assert (sam.name, sam.phone) == ("Sam Okafor", "+1-555-0100")
    assert sam.linkedin_url == "https://linkedin.com/in/samokafor"
    assert sam.notes == "Web: https://samokafor.example"
    assert (jurgen.name, jurgen.phone) == ("Jürgen Müller", "030 555 12")


def test_each_bad_card_is_said_and_the_others_come_in() -> None:
    text = (
        V3
        + "BEGIN:VCARD\nVERSION:3.0\nORG:Only a company\nEND:VCARD\n"
        + "BEGIN:VCARD\nVERSION:3.0\nFN:Kim\nEMAIL:not an address\nTEL:call the office\n"
        + "END:VCARD\n"
        + "BEGIN:VCARD\nVERSION:3.0\nFN:Bad\nthis line has no colon\nEND:VCARD\n"
        + "BEGIN:VCARD\nVERSION:3.0\nFN:"
        + "x" * 130
        + "\nEND:VCARD\n"
        + "BEGIN:VCARD\nVERSION:3.0\nFN:Cut short"
    )
    found = read_cards(text)
    assert [card.name for card in found.cards] == ["Dana Lee", "Kim"]
    kim = found.cards[1]
    assert kim.email == "" and kim.phone == "" and kim.notes == "Phone: call the office"
    assert kim.problems == (
        "“not an address” is not an e-mail address: left out.",
        "“call the office” is not a phone number: kept in the notes.",
    )
    assert [(bad.number, bad.line, bad.problem) for bad in found.bad] == [
        (2, 13, "It has no name (FN or N)."),
        (4, 23, "It cannot be read as a vCard."),
        (5, 28, "Its name is too long for a person's."),
        (
            6,
            32,
            "It has no end (END:VCARD): the file was probably cut short, or the card is damaged.",
        ),
    ]


@pytest.mark.parametrize("text", ["", "just some text\n", "BEGIN:VCALENDAR\nEND:VCALENDAR\n"])
def test_a_file_without_cards_is_refused(text: str) -> None:
    with pytest.raises(ExchangeError, match="holds no card"):
        read_cards(text)


def test_people_are_matched_by_email_else_by_name_and_only_gain_what_is_missing() -> None:
    cards = read_cards(
        V3
        + V4
        + "BEGIN:VCARD\nVERSION:3.0\nFN:Ana Ruiz\nEMAIL:ana@new.example\nEND:VCARD\n"
        + "BEGIN:VCARD\nVERSION:3.0\nFN:dana  LEE\nEND:VCARD\n"
        + "BEGIN:VCARD\nVERSION:3.0\nFN:Lee Wong\nEND:VCARD\n"
    ).cards
    people = [
        Person(1, "D. Lee", email="DANA@acme.example", phone="+49 1", notes="from the fair"),
        Person(2, "Sam Okafor", "Partner", "Globex", "sam@globex.example", "+1-555-0100",
               "https://linkedin.com/in/samokafor", "Web: https://samokafor.example"),
        Person(3, "Ana Ruiz", email="ana@old.example"),
    ]  # fmt: skip
    dana, sam, ana, dana_again, lee = plan_cards(cards, people)
    assert dana.outcome is CardOutcome.ADDS and dana.person is not None and dana.person.id == 1
    # The phone and the e-mail address stay theirs.
    assert dana.adds == ("title", "company", "linkedin_url", "notes")
    assert updated(dana.person, dana.card, dana.adds)["notes"] == (
        "from the fair\n\nMet at the Berlin fair, keen on dashboards"
    )
    assert sam.outcome is CardOutcome.KNOWN and sam.adds == ()
    assert ana.outcome is CardOutcome.NEW  # the same name, another address: someone else
    assert dana_again.outcome is CardOutcome.REPEATED and dana_again.same_as == 1
    assert lee.outcome is CardOutcome.NEW


def test_the_apps_cards_read_back_the_same_with_hostile_text() -> None:
    for text in HOSTILE:
        if not text.strip() or len(text) > 120:
            continue
        person = PersonOut(
            name=" ".join(text.split()) or "x",
            title="Head; of, Data",
            company="Acme\\ Inc",
            email="dana@acme.example",
            phone="+49 30 1234",
            linkedin_url="https://www.linkedin.com/in/dana",
            notes=text,
            roles=("Interviewer at Acme · Data Analyst", "Reference for Globex"),
        )
        written = card_text(person)
        assert written.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n")
        assert all(len(line.encode()) <= 76 for line in written.split("\r\n"))  # folded
        (card,) = read_cards(written).cards
        assert (card.name, card.title, card.company) == (person.name, person.title, person.company)
        assert (card.email, card.phone, card.linkedin_url) == (
            person.email,
            person.phone,
            person.linkedin_url,
        )
        # The roles are the app's own: not taken into the notes when read back.
        assert card.notes == text.replace("\r\n", "\n").replace("\r", "\n").strip()


def test_roles_are_written_in_the_note() -> None:
    text = cards_text([PersonOut("Dana Lee", roles=("Interviewer at Acme · Data Analyst",))])
    assert "NOTE:In Follow-Through:\\nInterviewer at Acme · Data Analyst" in text.replace(
        "\r\n ", ""
    )
    assert "N:Lee;Dana;;;" in text


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=300),
        st.lists(
            st.sampled_from(
                [
                    "BEGIN:VCARD",
                    "END:VCARD",
                    "VERSION:3.0",
                    "VERSION:4.0",
                    "FN:Dana",
                    "N:;;;;",
                    "EMAIL:x",
                    "TEL;VALUE=uri:tel:",
                    "ORG:;;",
                    "PHOTO;ENCODING=b:@@@",
                    "NOTE;ENCODING=QUOTED-PRINTABLE:=ZZ",
                    " folded",
                    "X-BAD;;;:",
                    "\u202e\x00",
                    ":",
                ]
            ),
            max_size=14,
        ).map(lambda lines: "\n".join(lines).encode()),
    )
)
def test_any_bytes_give_cards_or_one_plain_message(data: bytes) -> None:
    try:
        found = read_cards(decode_text(data, "a vCard file").text)
    except ExchangeError as refusal:
        assert str(refusal) and "Traceback" not in str(refusal)
        return
    for card in found.cards:
        assert isinstance(card, Card) and card.name.strip()
    plan_cards(found.cards, [Person(1, "Dana", email="x@y.example")])


def test_the_card_library_loads_only_when_cards_are_read_or_written() -> None:
    """vobject (with dateutil and pytz: some 8 MiB and 45 ms) stays out of a process that
    only loads the exchange's modules, as the window does when its menus are used."""
    import subprocess
    import sys
    from pathlib import Path

    desktop = Path(__file__).resolve().parents[3] / "desktop"
    probe = (
        "import sys\n"
        "import followthrough.domain.exchange.vcards, followthrough.store.exchange.vcard_files\n"
        "import followthrough.store.exchange.csv_import, followthrough.__main__\n"
        "assert 'vobject' not in sys.modules, 'loaded early'\n"
        "from followthrough.domain.exchange.vcards import read_cards\n"
        "read_cards('BEGIN:VCARD\\nFN:x\\nEND:VCARD\\n')\n"
        "assert 'vobject' in sys.modules\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        env={"PYTHONPATH": str(desktop), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
