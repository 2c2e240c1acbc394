"""Spreadsheets in and out, without the database: encodings, separators, the column and
status guesses for Huntr, Teal and hand-made trackers, days in common formats, each row's
fate with its problems, and a CSV that a spreadsheet opens safely."""

from __future__ import annotations

import codecs
import csv
import io
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followthrough.domain.exchange.csv_mapping import (
    CsvField,
    NotApplied,
    guess_columns,
    guess_stage,
)
from followthrough.domain.exchange.csv_plan import (
    CsvMapping,
    Outcome,
    cell_value,
    outcome_words,
    plan_import,
)
from followthrough.domain.exchange.csv_table import CsvTable, parse_table, sniff_delimiter
from followthrough.domain.exchange.csv_writing import csv_chunks, spreadsheet_safe
from followthrough.domain.exchange.file_dates import DateOrder, date_evidence, read_day
from followthrough.domain.exchange.reading import ExchangeError
from followthrough.domain.exchange.text_files import decode_text
from followthrough.domain.stages import Stage

TODAY = date(2026, 11, 20)
F = CsvField

# Real exports' headers: Huntr's job export, Teal's job tracker, a hand-made sheet.
HUNTR = (
    "id,createdAt,title,salary,location,url,rootDomain,htmlDescription,deadline,color,"
    "lastMovedAt,boardId,boardName,listId,listName,companyId,companyName,companyDomain,"
    "creatorUserId,creatorUserFirstName,creatorUserLastName,creatorUserEmail"
)
TEAL = (
    "Company,Job Position,Status,Date Saved,Date Applied,Location,Min Salary,Max Salary,URL,"
    "Notes,Excitement"
)
SHEET = "Employer;Role;Stage;Applied;Link;Where;Found via;Comments;Recruiter;Recruiter email"


def table_of(text: str) -> CsvTable:
    return parse_table(decode_text(text.encode("utf-8"), "a CSV file"))


# -- encodings -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Café;Rôle\n".encode(), "UTF-8"),
        (codecs.BOM_UTF8 + "Café;Rôle\n".encode(), "UTF-8 (with a byte-order mark)"),
        ("Café;Rôle\n".encode("utf-16"), "UTF-16"),
        (codecs.BOM_UTF16_BE + "Café;Rôle\n".encode("utf-16-be"), "UTF-16"),
        ("Café;Rôle €\n".encode("cp1252"), "Windows-1252 (Western European)"),
        (b"Caf\xe9;R\x81le\n", "Latin-1 (ISO 8859-1)"),
    ],
)
def test_the_usual_encodings_are_read_and_named(data: bytes, encoding: str) -> None:
    decoded = decode_text(data, "a CSV file")
    assert decoded.encoding_words == encoding
    assert decoded.text.startswith("Caf") and "R" in decoded.text
    if encoding != "Latin-1 (ISO 8859-1)":
        assert decoded.text.startswith("Café;Rôle")


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"", "The file is empty."),
        (b" \r\n\r\n", "The file is empty."),
        (b"PK\x03\x04\x14\x00\x06\x00", "This is a spreadsheet workbook (such as .xlsx or .xls)"),
        ("Company,Role\n".encode("utf-16-le"), "UTF-16 without saying so"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "This is not a text file"),
        (codecs.BOM_UTF8 + b"Company\n\xff\xfe\xfa", "says it is in UTF-8"),
    ],
)
def test_what_is_no_text_is_refused_in_plain_words(data: bytes, said: str) -> None:
    with pytest.raises(ExchangeError, match=said.replace("(", r"\(").replace(")", r"\)")):
        decode_text(data, "a CSV file")


# -- the table -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("Company,Role\nAcme,Analyst\n", ","),
        ('Company;Role;Notes\n"Acme, Inc";Analyst;a, b, c\nGlobex;Dev;x\n', ";"),
        ("Company\tRole\nAcme\tData, Analytics\n", "\t"),
        ("Company|Role\nAcme|Dev\n", "|"),
        ("Company\nAcme\n", ","),
    ],
)
def test_the_separator_is_found(text: str, delimiter: str) -> None:
    assert sniff_delimiter(text) == delimiter


def test_quoted_values_keep_separators_quotes_and_line_breaks() -> None:
    table = table_of('Company,Notes\r\n"Acme, Inc","said ""hi""\nthen left"\r\n\r\nGlobex,x\r')
    assert table.headers == ["Company", "Notes"]
    assert table.rows == [["Acme, Inc", 'said "hi"\nthen left'], ["Globex", "x"]]
    assert table.lines == [2, 5]


def test_blank_lines_before_the_column_names_are_skipped() -> None:
    table = table_of("\n,,\nCompany,Role,Notes\nAcme,x,y\n")
    assert table.headers == ["Company", "Role", "Notes"] and table.lines == [4]


def test_a_stray_quote_inside_a_value_is_a_character() -> None:
    table = table_of('Company,Role\nAcme,27" screen tester\n')
    assert table.rows == [["Acme", '27" screen tester']]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('Company,Notes\nAcme,"cut short here', "ends inside a quoted value"),
        ("Company,Role\n", "names its columns but has no rows"),
    ],
)
def test_a_file_without_a_table_is_refused(text: str, said: str) -> None:
    with pytest.raises(ExchangeError, match=said):
        table_of(text)


def test_a_value_longer_than_any_spreadsheet_writes_is_refused() -> None:
    with pytest.raises(ExchangeError, match="cannot be read as a table"):
        table_of('Company\n"' + "x" * 200_000 + '"x"\n')


# -- guessing ------------------------------------------------------------------------------


def test_huntrs_export_is_guessed() -> None:
    guessed = dict(zip(HUNTR.split(","), guess_columns(HUNTR.split(",")), strict=True))
    assert guessed["companyName"] is F.COMPANY
    assert guessed["title"] is F.ROLE
    assert guessed["listName"] is F.STAGE
    assert guessed["createdAt"] is F.APPLIED_ON  # the nearest thing Huntr has
    assert guessed["url"] is F.POSTING_URL and guessed["location"] is F.LOCATION
    assert guessed["salary"] is F.TO_NOTES and guessed["deadline"] is F.TO_NOTES
    assert guessed["creatorUserEmail"] is F.IGNORE and guessed["htmlDescription"] is F.IGNORE


def test_teals_export_is_guessed() -> None:
    guessed = dict(zip(TEAL.split(","), guess_columns(TEAL.split(",")), strict=True))
    assert guessed["Company"] is F.COMPANY and guessed["Job Position"] is F.ROLE
    assert guessed["Status"] is F.STAGE
    # The day applied, not the day saved.
    assert guessed["Date Applied"] is F.APPLIED_ON and guessed["Date Saved"] is F.IGNORE
    assert guessed["URL"] is F.POSTING_URL and guessed["Notes"] is F.NOTES
    assert guessed["Min Salary"] is F.TO_NOTES and guessed["Excitement"] is F.TO_NOTES


def test_a_hand_made_sheet_is_guessed() -> None:
    assert guess_columns(SHEET.split(";")) == [
        F.COMPANY,
        F.ROLE,
        F.STAGE,
        F.APPLIED_ON,
        F.POSTING_URL,
        F.LOCATION,
        F.SOURCE,
        F.NOTES,
        F.CONTACT_NAME,
        F.CONTACT_EMAIL,
    ]


def test_each_field_is_guessed_for_one_column_only() -> None:
    assert guess_columns(["Company", "Company Name", "Notes", "Comments"]) == [
        F.COMPANY,
        F.IGNORE,
        F.NOTES,
        F.IGNORE,
    ]


@pytest.mark.parametrize(
    ("status", "stage"),
    [
        ("", Stage.APPLIED),
        ("Applied", Stage.APPLIED),
        ("  APPLIED ", Stage.APPLIED),
        ("Wishlist", NotApplied.SKIP),
        ("Bookmarked", NotApplied.SKIP),
        ("Saved", NotApplied.SKIP),
        ("Applying", NotApplied.SKIP),
        ("Interview", Stage.INTERVIEWING),
        ("Interviewing", Stage.INTERVIEWING),
        ("Phone screen", Stage.INTERVIEWING),
        ("Reference check", Stage.REFERENCE_CHECK),
        ("Offer", Stage.OFFER),
        ("Negotiating", Stage.OFFER),
        ("Accepted", Stage.ACCEPTED),
        ("Rejected", Stage.REJECTED),
        ("Not Selected", Stage.REJECTED),
        ("I Withdrew", Stage.WITHDRAWN),
        ("Withdrawn", Stage.WITHDRAWN),
        ("Ghosted", Stage.NO_RESPONSE),
        ("No Response 🔇", Stage.NO_RESPONSE),
        ("Filled by someone else", Stage.FILLED),
        ("Declined", None),  # by whom? the person says
        ("Purple", None),
    ],
)
def test_statuses_are_guessed_and_unknown_ones_asked(status: str, stage: object) -> None:
    assert guess_stage(status) == stage


def test_every_stage_name_the_export_writes_is_read_back() -> None:
    from followthrough.domain.exchange.csv_writing import stage_text

    for stage in Stage:
        assert guess_stage(stage_text(stage.value)) is stage


# -- days ----------------------------------------------------------------------------------

NOV_20 = date(2026, 11, 20)


@pytest.mark.parametrize(
    ("text", "order", "day"),
    [
        ("2026-11-20", DateOrder.DAY_FIRST, NOV_20),
        ("2026-11-20 19:17:05", DateOrder.MONTH_FIRST, NOV_20),
        ("2026-11-20T19:17:05Z", DateOrder.DAY_FIRST, NOV_20),
        ("2026/11/20", DateOrder.DAY_FIRST, NOV_20),
        ("11/20/2026", DateOrder.MONTH_FIRST, NOV_20),
        ("20/11/2026", DateOrder.DAY_FIRST, NOV_20),
        ("20.11.2026", DateOrder.DAY_FIRST, NOV_20),
        ("20-11-26", DateOrder.DAY_FIRST, NOV_20),
        ("03/04/2026", DateOrder.DAY_FIRST, date(2026, 4, 3)),
        ("03/04/2026", DateOrder.MONTH_FIRST, date(2026, 3, 4)),
        ("Nov 20, 2026", DateOrder.DAY_FIRST, NOV_20),
        ("November 20 2026", DateOrder.DAY_FIRST, NOV_20),
        ("Friday, November 20, 2026", DateOrder.DAY_FIRST, NOV_20),
        ("20 Nov 2026", DateOrder.MONTH_FIRST, NOV_20),
        ("20-Nov-2026", DateOrder.MONTH_FIRST, NOV_20),
        ("20. November 2026", DateOrder.MONTH_FIRST, NOV_20),
        ("Fri 20 Nov 2026", DateOrder.MONTH_FIRST, NOV_20),
        ("46346", DateOrder.DAY_FIRST, NOV_20),  # a spreadsheet's serial day
        ("31/02/2026", DateOrder.DAY_FIRST, None),
        ("20/11/2026", DateOrder.MONTH_FIRST, None),
        ("next Tuesday", DateOrder.DAY_FIRST, None),
        ("Foo 20, 2026", DateOrder.DAY_FIRST, None),
        ("12345", DateOrder.DAY_FIRST, None),
    ],
)
def test_days_in_common_formats(text: str, order: DateOrder, day: date | None) -> None:
    assert read_day(text, order) == day


@pytest.mark.parametrize(
    ("values", "found"),
    [
        (["20/11/2026", "03/04/2026"], (DateOrder.DAY_FIRST, True)),
        (["11/20/2026", "03/04/2026"], (DateOrder.MONTH_FIRST, True)),
        (["03/04/2026", "05/06/2026"], (None, True)),
        (["2026-11-20", "Nov 20, 2026", "01/01/2026"], (None, False)),
        (["20/11/2026", "11/20/2026"], (None, False)),  # both: the person says
        # Dots are day first by custom: they do not decide the slashed ones.
        (["11/20/2026", "20.11.2026", "03/04/2026"], (DateOrder.MONTH_FIRST, True)),
        (["20.11.2026", "03/04/2026"], (None, True)),
        (["20-11-26", "03-04-26"], (DateOrder.DAY_FIRST, True)),
    ],
)
def test_the_order_of_day_and_month_is_decided_for_the_whole_file(
    values: list[str], found: tuple[DateOrder | None, bool]
) -> None:
    evidence = date_evidence(values)
    assert (evidence.order, evidence.ambiguous) == found


# The walkthrough's file: four dates month first, one with dots, one either way.
MIXED = (
    "Company,Title,Applied\n"
    "A,Dev,11/13/2026\nB,Dev,11/14/2026\nC,Dev,11/15/2026\nD,Dev,11/16/2026\n"
    "E,Dev,20.11.2026\nF,Dev,03/04/2026\n"
)


def test_dates_with_dots_do_not_outvote_the_slashed_ones() -> None:
    """mixed.csv was read day first: four of six dates were dropped, and the command
    line said no date told."""
    table = table_of(MIXED)
    evidence = date_evidence(table.cell(i, 2) for i in range(len(table.rows)))
    assert evidence.order is DateOrder.MONTH_FIRST and not evidence.conflict
    rows = plan(MIXED, date_order=DateOrder.MONTH_FIRST)
    assert [row.draft.applied_on for row in rows] == [
        date(2026, 11, 13),
        date(2026, 11, 14),
        date(2026, 11, 15),
        date(2026, 11, 16),
        date(2026, 11, 20),
        date(2026, 3, 4),
    ]
    assert all(row.problems == () for row in rows)


def test_dates_that_disagree_are_named_and_a_date_read_the_wrong_way_says_why() -> None:
    text = "Company,Applied\nA,20/11/2026\nB,11/20/2026\nC,11.20.2026\nD,2026-11-20\n"
    table = table_of(text)
    evidence = date_evidence(table.cell(i, 1) for i in range(len(table.rows)))
    assert evidence.conflict and evidence.order is None
    assert (evidence.day_first, evidence.month_first) == (("20/11/2026",), ("11/20/2026",))
    first, second, dotted, iso = plan(text, date_order=DateOrder.DAY_FIRST)
    assert first.draft.applied_on == date(2026, 11, 20) and iso.problems == ()
    assert second.draft.applied_on is None
    assert second.problems == (
        "“11/20/2026” reads only as month first (Fri 20 Nov 2026), but this file is read "
        "day first: the day you applied is left empty.",
    )
    assert dotted.problems == (
        "“11.20.2026” reads only as month first (Fri 20 Nov 2026), but a date with dots is "
        "read day first: the day you applied is left empty.",
    )
    (month_first_file,) = plan("Company,Applied\nA,20/11/2026\n", date_order=DateOrder.MONTH_FIRST)
    assert month_first_file.problems == (
        "“20/11/2026” reads only as day first (Fri 20 Nov 2026), but this file is read "
        "month first: the day you applied is left empty.",
    )


# -- each row's fate -----------------------------------------------------------------------


def plan(text: str, known: list[tuple[str, str]] | None = None, **choices: object) -> list:
    table = table_of(text)
    mapping = CsvMapping(tuple(guess_columns(table.headers)), **choices)  # type: ignore[arg-type]
    return plan_import(table, mapping, known or [], TODAY, {"acme": "ACME"}).rows


def test_rows_become_applications_with_their_problems_in_plain_words() -> None:
    rows = plan(
        "Company,Role,Status,Date Applied,URL,Notes,Salary\n"
        "acme,Data Analyst,Interviewing,2026-11-02,acme.example/jobs/1,keen,90k\n"
        ",Nobody,Applied,,,,\n"
        "Globex,Dev,Purple,32/13/2026,not a link,,\n"
        "Initech,QA,Applied,2027-01-05,-,,\n"
    )
    acme, blank, globex, initech = rows
    assert acme.outcome is Outcome.IMPORT and acme.problems == ()
    assert acme.draft.company == "ACME"  # the app's spelling of a company it knows
    assert acme.draft.stage is Stage.INTERVIEWING
    assert acme.draft.applied_on == date(2026, 11, 2)
    assert acme.draft.posting_url == "https://acme.example/jobs/1"
    assert acme.draft.notes == "keen\nSalary: 90k"
    assert blank.outcome is Outcome.REFUSED
    assert outcome_words(blank) == "No company: the row is left out."
    assert globex.outcome is Outcome.IMPORT
    assert globex.draft.stage is Stage.APPLIED and globex.draft.applied_on is None
    assert globex.draft.posting_url == "" and "Link: not a link" in globex.draft.notes
    assert globex.problems == (
        "The status “Purple” is not one the app knows: taken as Applied, its words kept in "
        "the notes.",
        "“not a link” is not a web address: it is kept in the notes.",
        "“32/13/2026” cannot be read as a date: the day you applied is left empty.",
    )
    assert initech.draft.applied_on is None and initech.draft.posting_url == ""
    assert "The day you applied cannot be in the future" in initech.problems[0]


def test_duplicates_and_jobs_not_applied_to_are_left_out_unless_asked() -> None:
    text = (
        "Company,Role,Status\n"
        "Acme,Analyst,Applied\n"
        "Globex,Dev,Applied\n"
        "GLOBEX, dev ,Interview\n"
        "Initech,QA,Wishlist\n"
    )
    rows = plan(text, known=[("Acme", "analyst")])
    assert [row.outcome for row in rows] == [
        Outcome.DUPLICATE,
        Outcome.IMPORT,
        Outcome.DUPLICATE,
        Outcome.NOT_APPLIED,
    ]
    assert outcome_words(rows[0]) == "Left out: the app has this company and role already."
    assert outcome_words(rows[2]) == "Left out: the same company and role as line 3 of the file."
    assert outcome_words(rows[3]) == "Left out: not applied to yet."
    both = plan(text, known=[("Acme", "analyst")], with_duplicates=True, with_not_applied=True)
    assert [row.outcome for row in both] == [Outcome.IMPORT] * 4
    assert both[3].draft.stage is Stage.APPLIED


def test_the_persons_choice_of_stage_wins_over_the_guess() -> None:
    rows = plan(
        "Company,Status\nAcme,Declined\nGlobex,Applied\n",
        stages={"declined": Stage.WITHDRAWN, "applied": NotApplied.SKIP},
    )
    assert rows[0].draft.stage is Stage.WITHDRAWN and rows[0].problems == ()
    assert rows[1].outcome is Outcome.NOT_APPLIED


def test_a_rows_contact_is_kept_and_bad_addresses_said() -> None:
    rows = plan(
        "Company,Recruiter,Recruiter email,Contact phone\n"
        "Acme,Dana Lee,dana@acme.example,+49 30 1234\n"
        "Globex,,sam@globex.example,\n"
        "Initech,Kim,not-an-address,call me\n"
    )
    assert rows[0].draft.contact is not None
    assert (rows[0].draft.contact.name, rows[0].draft.contact.phone) == ("Dana Lee", "+49 30 1234")
    assert rows[1].draft.contact is not None and rows[1].draft.contact.name == "sam@globex.example"
    assert rows[2].draft.contact is not None and rows[2].draft.contact.email == ""
    assert rows[2].problems == (
        "“not-an-address” is not an e-mail address: left out.",
        "“call me” is not a phone number: left out.",
    )


def test_a_value_too_long_for_its_field_is_shortened_and_kept_whole_in_the_notes() -> None:
    """A 300-character location left the whole application out."""
    place = "Building 7, " + "Long Street " * 24 + "Munich"
    assert len(place) > 150
    (row,) = plan("Company,Role,Location,Notes\nAcme," + "r" * 151 + f',"{place}",keen\n')
    assert row.outcome is Outcome.IMPORT
    assert len(row.draft.role_title) == 150 and row.draft.role_title.endswith("…")
    assert len(row.draft.location) <= 150 and row.draft.location.endswith("…")
    assert row.draft.location.startswith("Building 7, Long Street")
    assert row.draft.notes == f"keen\nRole (shortened): {'r' * 151}\nLocation (shortened): {place}"
    assert row.problems == (
        "Role is longer than 150 characters (151): shortened, the whole of it kept in the notes.",
        f"Location is longer than 150 characters ({len(place)}): shortened, the whole of it "
        "kept in the notes.",
    )
    assert outcome_words(row).startswith("Imported. Role is longer")


def test_an_unknown_status_keeps_its_words_in_the_notes() -> None:
    """'On hold' and 'Declined' came in as Applied, and the file's word was lost."""
    on_hold, declined, known = plan(
        "Company,Status,Notes\nAcme,On hold,keen\nGlobex,Declined,\nInitech,Applied,\n",
        stages={"declined": Stage.REJECTED},
    )
    assert on_hold.draft.stage is Stage.APPLIED
    assert on_hold.draft.notes == "keen\nStatus in the file: On hold"
    assert declined.draft.stage is Stage.REJECTED
    assert declined.draft.notes == "Status in the file: Declined"
    assert known.draft.notes == ""


def test_a_row_with_fewer_or_more_values_than_columns_is_left_out_unless_asked() -> None:
    text = (
        "Company,Role,Location,Notes\n"
        "Acme,Dev,Berlin,keen\n"
        "Globex,Dev\n"
        "Initech,Dev,Austin,a,b\n"
        "Hooli,Dev,,,\n"  # empty extra cells are no extra values
    )
    acme, globex, initech, hooli = plan(text)
    assert acme.outcome is hooli.outcome is Outcome.IMPORT
    assert globex.outcome is initech.outcome is Outcome.UNEVEN
    assert outcome_words(globex) == (
        "Left out. This row has 2 of the 4 columns: the file may be cut short."
    )
    assert outcome_words(initech) == (
        "Left out. This row has 5 values for the file's 4 columns: a value may hold a "
        "separator that was not quoted, so some may be under the wrong column."
    )
    asked = plan(text, with_uneven=True)
    assert [row.outcome for row in asked] == [Outcome.IMPORT] * 4
    assert asked[1].problems == globex.problems


def test_a_file_cut_off_in_its_last_row_says_so() -> None:
    """head -c 2000 tracker.csv came in as 12 applications, the last with location "Münc"."""
    whole = (
        "Company,Role,Location,Notes,Contact\nAcme,Dev,Berlin,keen,Dana\nGlobex,Dev,München,,Sam\n"
    )
    cut = whole[: whole.index("München") + 4]
    table = table_of(cut)
    assert table.cut_short and not table_of(whole).cut_short
    acme, globex = plan(cut)
    assert acme.outcome is Outcome.IMPORT
    assert globex.outcome is Outcome.UNEVEN and globex.draft.location == "Münc"
    assert outcome_words(globex) == (
        "Left out. This row has 3 of the 5 columns and the file ends in the middle of it: "
        "the file looks cut short."
    )
    # A short row that ends with its line break is not the file being cut.
    assert not table_of(cut + "\n").cut_short


@pytest.mark.parametrize(
    ("cell", "value"),
    [(" - ", ""), ("N/A", ""), ("'=SUM(A1)", "=SUM(A1)"), ("'+49 30", "+49 30"), ("'tis", "'tis")],
)
def test_cells_are_taken_as_the_app_takes_them(cell: str, value: str) -> None:
    assert cell_value(cell) == value


# -- out -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+49 30 1234", "'+49 30 1234"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Acme = fine", "Acme = fine"),
        ("", ""),
    ],
)
def test_formula_starts_are_neutralised(value: str, safe: str) -> None:
    assert spreadsheet_safe(value) == safe


def test_the_csv_has_a_byte_order_mark_crlf_and_quotes_where_needed() -> None:
    text = "".join(csv_chunks(("Company", "Notes"), [["=cmd|' /C calc'!A0", 'a "b",\nc']]))
    assert text.startswith("\ufeffCompany,Notes\r\n")
    rows = list(csv.reader(io.StringIO(text[1:], newline="")))
    assert rows == [["Company", "Notes"], ["'=cmd|' /C calc'!A0", 'a "b",\nc']]
    # ... and the app's own import takes the value back as it was.
    assert cell_value(rows[1][0]) == "=cmd|' /C calc'!A0"


# -- any bytes -----------------------------------------------------------------------------


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=300),
        st.text(alphabet=st.sampled_from(list(',;\t"\n\r\x00 aZ=-9/.é\u202e')), max_size=200).map(
            str.encode
        ),
    )
)
def test_any_bytes_give_a_preview_or_one_plain_message(data: bytes) -> None:
    try:
        table = parse_table(decode_text(data, "a CSV file"))
    except ExchangeError as refusal:
        assert str(refusal) and "Traceback" not in str(refusal)
        return
    rows = plan_import(table, CsvMapping(tuple(guess_columns(table.headers))), [], TODAY).rows
    assert len(rows) == len(table.rows)
    for row in rows:
        outcome_words(row)
