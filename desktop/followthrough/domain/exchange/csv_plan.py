"""What each row of a spreadsheet becomes, before anything is written: an application
(with perhaps a contact), or a reason to leave it out, and the problems met in plain
words.

A row is left out when it has no company, when it has fewer or more values than the
file has columns (they may be under the wrong names: the file may be cut short; unless
asked), when the app has the same company and role already or an earlier row has it (a
duplicate; both unless asked), or when its status says it was not applied to yet (unless
asked). A value that cannot be used as it is does not cost the row: a date that cannot
be read, or lies ahead, is left empty (with why: "reads only as month first"); a link
that is no web address goes into the notes; a value too long for its field is shortened,
the whole of it kept in the notes; an unknown status is taken as *Applied*, its words
kept in the notes; each is said.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from followthrough.domain.contacts import ContactRoleKind
from followthrough.domain.exchange.csv_mapping import (
    CsvField,
    NotApplied,
    StageChoice,
    contact_role,
    guess_stage,
    status_key,
)
from followthrough.domain.exchange.csv_table import CsvTable
from followthrough.domain.exchange.file_dates import DateOrder, missed_day, read_day
from followthrough.domain.exchange.merging import match_text
from followthrough.domain.exchange.reading import shown_value
from followthrough.domain.stages import Stage
from followthrough.domain.validation import (
    COMPANY_LIMIT,
    LINE_LIMIT,
    LOCATION_LIMIT,
    NAME_LIMIT,
    ROLE_LIMIT,
    applied_on_problem,
    email_problem,
    length_problem,
    phone_problem,
    url_problem,
)
from followthrough.domain.wording import long_day, translate

# Written in empty cells by some trackers (Huntr writes "-").
_PLACEHOLDERS = frozenset({"-", "--", "—", "–", "n/a", "na", "none", "null", "nil", "?"})
# What a spreadsheet-safe export put before a value that starts like a formula.
_NEUTRALISED = ("'=", "'+", "'-", "'@", "'\t", "'\r")


def cell_value(text: str) -> str:
    """A cell as the app takes it: trimmed, a placeholder for "nothing" as empty, and the
    quote a safe export put before a formula-like value taken off."""
    value = text.strip()
    if value.casefold() in _PLACEHOLDERS:
        return ""
    if value.startswith(_NEUTRALISED):
        return value[1:]
    return value


def shown(text: str) -> str:
    """A value quoted in a problem or shown as an example: on one line, short, and with
    control and invisible characters written as codes (a file's text must not turn the
    text's direction around)."""
    return shown_value(" ".join(text.split()))


class Outcome(StrEnum):
    IMPORT = "import"
    DUPLICATE = "duplicate"
    NOT_APPLIED = "not_applied"
    # More or fewer values than the file has columns: they may be in the wrong place.
    UNEVEN = "uneven"
    REFUSED = "refused"


@dataclass(frozen=True)
class ContactDraft:
    name: str
    email: str = ""
    phone: str = ""
    # What they are to the search, from the column's name ("Recruiter", "Referrer").
    role: ContactRoleKind = ContactRoleKind.RECRUITER


@dataclass(frozen=True)
class ApplicationDraft:
    company: str
    role_title: str = ""
    posting_url: str = ""
    location: str = ""
    source: str = ""
    applied_on: date | None = None
    stage: Stage = Stage.APPLIED
    notes: str = ""
    contact: ContactDraft | None = None

    @property
    def key(self) -> tuple[str, str]:
        return match_text(self.company), match_text(self.role_title)


@dataclass(frozen=True)
class PlannedRow:
    line: int
    draft: ApplicationDraft
    outcome: Outcome
    problems: tuple[str, ...] = ()
    status: str = ""
    # A duplicate: the line of the file that has it first; 0: the app has it.
    same_as: int = 0


@dataclass(frozen=True)
class CsvMapping:
    """The person's choices: a field per column, what each status means (by
    ``status_key``), how to read 03/04/2026, and whether duplicates and jobs not applied
    to come in too."""

    columns: tuple[CsvField, ...]
    stages: Mapping[str, StageChoice] = field(default_factory=dict)
    date_order: DateOrder = DateOrder.DAY_FIRST
    with_duplicates: bool = False
    with_not_applied: bool = False
    with_uneven: bool = False

    def column_of(self, target: CsvField) -> int | None:
        return next((i for i, f in enumerate(self.columns) if f is target), None)


@dataclass
class CsvPlan:
    rows: list[PlannedRow]

    def count(self, outcome: Outcome) -> int:
        return sum(1 for row in self.rows if row.outcome is outcome)

    def to_import(self) -> list[ApplicationDraft]:
        return [row.draft for row in self.rows if row.outcome is Outcome.IMPORT]


# -- one row -------------------------------------------------------------------------------


@dataclass
class _Row:
    """A row being read: its values by field, and what was found wrong."""

    values: dict[CsvField, str]
    extra: list[str]
    problems: list[str] = field(default_factory=list)
    refused: bool = False

    def get(self, target: CsvField) -> str:
        return self.values.get(target, "")

    def refuse(self, problem: str) -> None:
        self.problems.append(problem)
        self.refused = True


def _row_values(table: CsvTable, index: int, mapping: CsvMapping) -> _Row:
    values: dict[CsvField, str] = {}
    extra: list[str] = []
    for column, target in enumerate(mapping.columns):
        if target is CsvField.IGNORE:
            continue
        value = cell_value(table.cell(index, column))
        if target is CsvField.TO_NOTES:
            if value:
                extra.append(f"{table.headers[column]}: {value}")
        elif value:
            values[target] = value
    return _Row(values, extra)


def shortened(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, at a space when one is near the end,
    with "…" saying it goes on."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 2 // 3:
        cut = cut[:space]
    return cut.rstrip() + "…"


def _shortened_lengths(row: _Row) -> None:
    """A value too long for its field is cut to fit; the whole of it goes to the notes."""
    for target, limit in (
        (CsvField.COMPANY, COMPANY_LIMIT),
        (CsvField.ROLE, ROLE_LIMIT),
        (CsvField.LOCATION, LOCATION_LIMIT),
        (CsvField.SOURCE, LINE_LIMIT),
    ):
        value = row.get(target)
        if not length_problem(value, limit, ""):
            continue
        row.values[target] = shortened(value, limit)
        row.extra.append(
            translate("exchange", "{field} (shortened): {value}").format(
                field=target.label, value=value
            )
        )
        row.problems.append(
            translate(
                "exchange",
                "{field} is longer than {limit} characters ({length}): shortened, the whole "
                "of it kept in the notes.",
            ).format(field=target.label, limit=f"{limit:,}", length=f"{len(value):,}")
        )


def _width(table: CsvTable, index: int, row: _Row) -> bool:
    """Whether the row has as many values as the file has columns (said when not)."""
    found = table.width_off(index)
    if found is None:
        return True
    columns = len(table.headers)
    if found > columns:
        problem = translate(
            "exchange",
            "This row has {found} values for the file's {columns} columns: a value may "
            "hold a separator that was not quoted, so some may be under the wrong column.",
        )
    elif table.cut_short and index == len(table.rows) - 1:
        problem = translate(
            "exchange",
            "This row has {found} of the {columns} columns and the file ends in the middle "
            "of it: the file looks cut short.",
        )
    else:
        problem = translate(
            "exchange", "This row has {found} of the {columns} columns: the file may be cut short."
        )
    row.problems.append(problem.format(found=found, columns=columns))
    return False


def _web_address(row: _Row) -> str:
    link = row.get(CsvField.POSTING_URL)
    if not link or not url_problem(link):
        return link
    if "://" not in link and not url_problem(f"https://{link}"):
        return f"https://{link}"
    row.extra.append(translate("exchange", "Link: {link}").format(link=link))
    row.problems.append(
        translate("exchange", "“{link}” is not a web address: it is kept in the notes.").format(
            link=shown(link)
        )
    )
    return ""


def _day(row: _Row, order: DateOrder, today: date) -> date | None:
    text = row.get(CsvField.APPLIED_ON)
    if not text:
        return None
    day = read_day(text, order)
    if day is None:
        row.problems.append(_unread_day(text, order))
        return None
    problem = applied_on_problem(day, today)
    if problem:
        row.problems.append(
            translate("exchange", "“{date}”: {problem} It is left empty.").format(
                date=shown(text), problem=problem
            )
        )
        return None
    return day


def _unread_day(text: str, order: DateOrder) -> str:
    """Why ``text`` gives no day: it reads only the other way round, or not at all."""
    missed = missed_day(text, order)
    if missed is None:
        return translate(
            "exchange", "“{date}” cannot be read as a date: the day you applied is left empty."
        ).format(date=shown(text))
    if missed.dotted:
        words = translate(
            "exchange",
            "“{date}” reads only as month first ({day}), but a date with dots is read day "
            "first: the day you applied is left empty.",
        )
    elif missed.order is DateOrder.MONTH_FIRST:
        words = translate(
            "exchange",
            "“{date}” reads only as month first ({day}), but this file is read day first: "
            "the day you applied is left empty.",
        )
    else:
        words = translate(
            "exchange",
            "“{date}” reads only as day first ({day}), but this file is read month first: "
            "the day you applied is left empty.",
        )
    return words.format(date=shown(text), day=long_day(missed.day))


def _stage(row: _Row, mapping: CsvMapping) -> StageChoice:
    status = row.get(CsvField.STAGE)
    guessed = guess_stage(status)
    if guessed is None:
        # The app has no word for it: the file's word stays, whatever stage it becomes.
        row.extra.append(
            translate("exchange", "Status in the file: {status}").format(status=status)
        )
    chosen = mapping.stages.get(status_key(status))
    if chosen is not None:
        return chosen
    if guessed is not None:
        return guessed
    row.problems.append(
        translate(
            "exchange",
            "The status “{status}” is not one the app knows: taken as Applied, its words "
            "kept in the notes.",
        ).format(status=shown(status))
    )
    return Stage.APPLIED


def _contact(row: _Row, role: ContactRoleKind) -> ContactDraft | None:
    name = row.get(CsvField.CONTACT_NAME)
    email = row.get(CsvField.CONTACT_EMAIL)
    phone = row.get(CsvField.CONTACT_PHONE)
    if email and email_problem(email):
        row.problems.append(
            translate("exchange", "“{email}” is not an e-mail address: left out.").format(
                email=shown(email)
            )
        )
        email = ""
    if phone and phone_problem(phone):
        row.problems.append(
            translate("exchange", "“{phone}” is not a phone number: left out.").format(
                phone=shown(phone)
            )
        )
        phone = ""
    name = name or email
    if not name:
        return None
    if length_problem(name, NAME_LIMIT, ""):
        row.problems.append(translate("exchange", "The contact's name is too long: left out."))
        return None
    return ContactDraft(name, email, phone, role)


@dataclass(frozen=True)
class RowPlan:
    """What one row becomes: its application, its problems, whether it is refused, whether
    its number of values fits the columns, and what its status means."""

    draft: ApplicationDraft
    problems: tuple[str, ...]
    refused: bool
    even: bool
    choice: StageChoice


def _role_of_contacts(table: CsvTable, mapping: CsvMapping) -> ContactRoleKind:
    column = mapping.column_of(CsvField.CONTACT_NAME)
    if column is None:
        column = mapping.column_of(CsvField.CONTACT_EMAIL)
    return contact_role(table.headers[column] if column is not None else "")


def plan_row(table: CsvTable, index: int, mapping: CsvMapping, today: date) -> RowPlan:
    """What row ``index`` becomes."""
    row = _row_values(table, index, mapping)
    even = _width(table, index, row)
    if not row.get(CsvField.COMPANY):
        row.refuse(translate("exchange", "No company: the row is left out."))
    _shortened_lengths(row)
    choice = _stage(row, mapping)
    posting_url = _web_address(row)
    applied_on = _day(row, mapping.date_order, today)
    contact = _contact(row, _role_of_contacts(table, mapping))
    notes = "\n".join(part for part in (row.get(CsvField.NOTES), *row.extra) if part)
    draft = ApplicationDraft(
        company=row.get(CsvField.COMPANY),
        role_title=row.get(CsvField.ROLE),
        posting_url=posting_url,
        location=row.get(CsvField.LOCATION),
        source=row.get(CsvField.SOURCE),
        applied_on=applied_on,
        stage=choice if isinstance(choice, Stage) else Stage.APPLIED,
        notes=notes,
        contact=contact,
    )
    return RowPlan(draft, tuple(row.problems), row.refused, even, choice)


# -- the whole file ------------------------------------------------------------------------


def plan_import(
    table: CsvTable,
    mapping: CsvMapping,
    known: Iterable[tuple[str, str]],
    today: date,
    spelling: Mapping[str, str] | None = None,
) -> CsvPlan:
    """Every row's fate. ``known``: (company, role) of the applications the app has
    already; ``spelling``: how it writes each company it knows (by ``match_text``), so a
    company in the file takes the app's spelling."""
    seen = {(match_text(company), match_text(role)): 0 for company, role in known}
    spelling = dict(spelling or {})
    status_column = mapping.column_of(CsvField.STAGE)
    rows: list[PlannedRow] = []
    for index, line in enumerate(table.lines):
        planned = plan_row(table, index, mapping, today)
        draft, choice = planned.draft, planned.choice
        status = "" if status_column is None else table.cell(index, status_column).strip()
        outcome, same_as = Outcome.IMPORT, 0
        if planned.refused:
            outcome = Outcome.REFUSED
        elif not planned.even and not mapping.with_uneven:
            outcome = Outcome.UNEVEN
        elif choice is NotApplied.SKIP and not mapping.with_not_applied:
            outcome = Outcome.NOT_APPLIED
        elif draft.key in seen and not mapping.with_duplicates:
            outcome, same_as = Outcome.DUPLICATE, seen[draft.key]
        if outcome is Outcome.IMPORT:
            seen.setdefault(draft.key, line)
            company = spelling.setdefault(match_text(draft.company), draft.company)
            if company != draft.company:
                draft = replace(draft, company=company)
        rows.append(PlannedRow(line, draft, outcome, planned.problems, status, same_as))
    return CsvPlan(rows)


def outcome_words(row: PlannedRow) -> str:
    """What happens to the row, in plain words, with its problems."""
    if row.outcome is Outcome.DUPLICATE and row.same_as:
        head = translate(
            "exchange", "Left out: the same company and role as line {line} of the file."
        ).format(line=row.same_as)
    else:
        head = {
            Outcome.IMPORT: translate("exchange", "Imported."),
            Outcome.DUPLICATE: translate(
                "exchange", "Left out: the app has this company and role already."
            ),
            Outcome.NOT_APPLIED: translate("exchange", "Left out: not applied to yet."),
            Outcome.UNEVEN: translate("exchange", "Left out."),
            Outcome.REFUSED: "",
        }[row.outcome]
    return " ".join(part for part in (head, *row.problems) if part)
