"""The command line's CSV and vCard exchange: ``followthrough import FILE.csv``,
``import FILE.vcf``, ``export --format csv [--what contacts]`` and ``export --format
vcard``. Heavy modules load here, when the command runs."""

from __future__ import annotations

import errno
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from followthrough.domain.errors import UserError
from followthrough.domain.wording import plural

if TYPE_CHECKING:
    from followthrough.domain.exchange.csv_plan import CsvPlan
    from followthrough.domain.exchange.csv_table import CsvTable
    from followthrough.domain.exchange.file_dates import DateOrder
    from followthrough.domain.exchange.vcards import PlannedCard
    from followthrough.store.exchange.vcard_files import CardImportReport

T = TypeVar("T")
# Rows with something to say, listed after an import; the rest are counted.
_LISTED = 30
CSV_SUFFIXES = (".csv", ".tsv", ".txt")
VCARD_SUFFIXES = (".vcf", ".vcard")


def format_of(path: Path, given: str | None) -> str:
    if given:
        return given
    suffix = path.suffix.casefold()
    if suffix in CSV_SUFFIXES:
        return "csv"
    if suffix in VCARD_SUFFIXES:
        return "vcard"
    return "json"


def _read(path: Path, read: Callable[[Path], T]) -> T:
    try:
        return read(path)
    except UserError as exc:
        raise UserError(f"Nothing was imported from {path}. {exc}") from exc


def _in_folder(data_dir: Path, work: Callable[[], T], undo: Callable[[], None]) -> T:
    from followthrough.domain.clock import SystemClock
    from followthrough.store.database import open_database

    try:
        database = open_database(data_dir, SystemClock())
        try:
            return work()
        finally:
            database.close()
    except BaseException:
        undo()
        raise


def _date_order(path: Path, table: CsvTable, columns: list[object], dates: str | None) -> DateOrder:
    from followthrough.domain.exchange.csv_mapping import CsvField
    from followthrough.domain.exchange.file_dates import DateOrder, date_evidence

    if dates is not None:
        return DateOrder.DAY_FIRST if dates == "day-first" else DateOrder.MONTH_FIRST
    if CsvField.APPLIED_ON not in columns:
        return DateOrder.DAY_FIRST
    column = columns.index(CsvField.APPLIED_ON)
    evidence = date_evidence(table.cell(i, column) for i in range(len(table.rows)))
    if evidence.conflict:
        raise UserError(
            f"Nothing was imported from {path}: its dates disagree: "
            f"{', '.join(evidence.day_first)} can only be day first, "
            f"{', '.join(evidence.month_first)} only month first. Run it again with --dates "
            "day-first or --dates month-first (each date that does not fit is then left "
            "empty, and said)."
        )
    if evidence.order is None and evidence.ambiguous:
        raise UserError(
            f"Nothing was imported from {path}: its dates, such as 03/04/2026, could be day "
            "first (3 April) or month first (March 4), and no date in it tells. Run it again "
            "with --dates day-first or --dates month-first."
        )
    return evidence.order or DateOrder.DAY_FIRST


def import_csv(data_dir: Path, path: Path, dates: str | None, undo: Callable[[], None]) -> int:
    from followthrough.domain.clock import SystemClock
    from followthrough.domain.exchange.csv_mapping import CsvField, guess_columns
    from followthrough.domain.exchange.csv_plan import CsvMapping, plan_import
    from followthrough.store import settings as options
    from followthrough.store.database import DataLocation
    from followthrough.store.exchange.csv_import import (
        CsvImportReport,
        import_applications,
        known_applications,
        read_csv,
    )

    table = _read(path, read_csv)
    columns = guess_columns(table.headers)
    if CsvField.COMPANY not in columns:
        raise UserError(
            f"Nothing was imported from {path}: no column is named like a company "
            "(“Company”, “Company Name”, “Employer”…). Rename that column, or import the "
            "file in the window (File ▸ Import ▸ Applications from CSV…), where you choose "
            "what each column is."
        )
    mapping = CsvMapping(tuple(columns), date_order=_date_order(path, table, list(columns), dates))
    started = time.perf_counter()

    def work() -> tuple[CsvPlan, CsvImportReport]:
        now = SystemClock().now()
        today = now.astimezone(options.user_zone()).date()
        known = known_applications()
        plan = plan_import(table, mapping, known.titles, today, known.spelling)
        report = import_applications(plan.to_import(), now, today, back_up=DataLocation(data_dir))
        return plan, report

    plan, report = _in_folder(data_dir, work, undo)
    from followthrough.__main__ import duration_words

    print(
        f"Imported {plural(report.applications, 'application')} from {path} into {data_dir} "
        f"{duration_words(time.perf_counter() - started)} "
        f"({table.encoding}, columns separated by {table.delimiter_words})."
    )
    print_backup(report.backup)
    if table.cut_short:
        print(
            f"The file looks cut short: it ends in the middle of its last row (line "
            f"{table.lines[-1]}), which has only {len(table.rows[-1])} of the "
            f"{len(table.headers)} columns and was left out. Check that the whole file was "
            "saved, copied or downloaded."
        )
    _print_problems(plan)
    return 0


def print_backup(backup: Path | None) -> None:
    """Where the copy made before an import is (nothing when none was made)."""
    if backup is not None:
        print(
            f"Your data as it was before is kept in {backup} (File ▸ Restore… in the window "
            "brings it back)."
        )


def _print_problems(plan: CsvPlan) -> None:
    from followthrough.domain.exchange.csv_plan import Outcome, outcome_words

    left_out = len(plan.rows) - plan.count(Outcome.IMPORT)
    if left_out:
        print(
            f"Left out: {plural(left_out, 'row')} (duplicates: {plan.count(Outcome.DUPLICATE)}, "
            f"not applied to yet: {plan.count(Outcome.NOT_APPLIED)}, with missing or extra "
            f"columns: {plan.count(Outcome.UNEVEN)}, with a problem: "
            f"{plan.count(Outcome.REFUSED)})."
        )
    said = [row for row in plan.rows if row.problems or row.outcome is not Outcome.IMPORT]
    for row in said[:_LISTED]:
        print(f"  line {row.line}: {outcome_words(row)}")
    if len(said) > _LISTED:
        print(f"  … and {plural(len(said) - _LISTED, 'more row')}.")


def import_vcards(data_dir: Path, path: Path, undo: Callable[[], None]) -> int:
    from followthrough.domain.clock import SystemClock
    from followthrough.domain.exchange.vcards import CardOutcome, plan_cards
    from followthrough.store.exchange.vcard_files import import_cards, people, read_vcards

    cards = _read(path, read_vcards)

    def work() -> tuple[list[PlannedCard], CardImportReport]:
        planned = plan_cards(cards.cards, people())
        return planned, import_cards(planned, SystemClock().now())

    planned, report = _in_folder(data_dir, work, undo)
    same = sum(1 for plan in planned if plan.outcome is CardOutcome.KNOWN)
    print(
        f"From {path}: added {plural(report.added, 'person', 'people')}, added to "
        f"{plural(report.updated, 'person', 'people')} already there, "
        f"{plural(same, 'person', 'people')} already there as the card says."
    )
    for bad in cards.bad:
        print(f"  card {bad.number} (line {bad.line}) left out: {bad.problem}")
    for card in cards.cards:
        for problem in card.problems:
            print(f"  card {card.number} ({card.name}): {problem}")
    return 0


def _check_folder(data_dir: Path) -> None:
    if data_dir.exists() and not data_dir.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(data_dir))


def export_csv(data_dir: Path, output: Path | None, what: str) -> int:
    from followthrough.domain.clock import SystemClock
    from followthrough.domain.exchange.csv_writing import (
        APPLICATION_HEADERS,
        CONTACT_HEADERS,
        csv_chunks,
    )
    from followthrough.store.database import read_database
    from followthrough.store.exchange.csv_export import CsvContent, csv_export, save_csv

    _check_folder(data_dir)
    content = CsvContent(what)
    # One read-only look: nothing in the data folder is created or changed.
    found = read_database(data_dir, lambda: csv_export(content), SystemClock())
    if found is None:
        headers = APPLICATION_HEADERS if content is CsvContent.APPLICATIONS else CONTACT_HEADERS
        found = (list(csv_chunks(headers, [])), 0)
    chunks, count = found
    if output is None or str(output) == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write("".join(chunks).encode("utf-8"))
        sys.stdout.flush()
        return 0
    save_csv(output, chunks)
    if content is CsvContent.APPLICATIONS:
        print(f"Exported {plural(count, 'application')} to {output}.")
    else:
        print(f"Exported {plural(count, 'person', 'people')} to {output}.")
    return 0


def export_vcards(data_dir: Path, output: Path | None) -> int:
    from followthrough.domain.clock import SystemClock
    from followthrough.domain.exchange.vcards import cards_text
    from followthrough.store.database import read_database
    from followthrough.store.exchange.exporting import save_file
    from followthrough.store.exchange.vcard_files import people_out

    _check_folder(data_dir)
    everyone = read_database(data_dir, people_out, SystemClock()) or []
    text = cards_text(everyone)
    if output is None or str(output) == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
        return 0
    save_file(output, lambda stream: stream.write(text))
    print(f"Exported {plural(len(everyone), 'person', 'people')} to {output}.")
    return 0
