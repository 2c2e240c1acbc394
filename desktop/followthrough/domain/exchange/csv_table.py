"""A CSV file's text as a table: its column names and rows, whatever program wrote it.

The separator is found by trying each usual one (comma, semicolon — Excel's in much of
Europe —, tab, vertical bar) on the first lines: the one that splits them into the same
number of columns, two or more, wins. Quoted values may hold separators, quotes and line
breaks (RFC 4180); a stray quote inside a value is taken as a character, as spreadsheets
do. A file that ends inside a quoted value was cut short, and is said to be.

A row with fewer values than the header has columns (or more, past empty ones) has lost
or gained some on the way: its values may sit under the wrong names. ``width_off`` says
so, and ``cut_short`` when it is the last row and the file does not end with a line
break: the file was cut off in the middle of that row.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from followthrough.domain.exchange.reading import ExchangeError
from followthrough.domain.exchange.text_files import DecodedText
from followthrough.domain.wording import QT_TRANSLATE_NOOP, translate

# More rows than any search has (the app's benchmarks use 10,000 applications).
MAX_ROWS = 100_000
_SAMPLE_CHARS = 65536
_SAMPLE_ROWS = 50
_DELIMITERS = (",", ";", "\t", "|")
_DELIMITER_WORDS = {
    ",": QT_TRANSLATE_NOOP("exchange", "commas"),
    ";": QT_TRANSLATE_NOOP("exchange", "semicolons"),
    "\t": QT_TRANSLATE_NOOP("exchange", "tabs"),
    "|": QT_TRANSLATE_NOOP("exchange", "vertical bars"),
}


@dataclass
class CsvTable:
    """The column names (the first line that is not blank: blank lines and lines of empty
    cells before it are skipped) and every row after them that is not blank, with the
    line of the file each starts on."""

    headers: list[str]
    delimiter: str
    encoding: str
    lines: list[int] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    # Whether the text ends with a line break (a file cut off mid-row does not).
    ends_with_break: bool = True

    @property
    def delimiter_words(self) -> str:
        return translate("exchange", _DELIMITER_WORDS[self.delimiter])

    @property
    def encoding_words(self) -> str:
        return DecodedText("", self.encoding).encoding_words

    def cell(self, row: int, column: int) -> str:
        cells = self.rows[row]
        return cells[column] if column < len(cells) else ""

    @property
    def _named(self) -> int:
        """The columns up to the last one with a name (unnamed ones after it may be
        missing from a row without loss)."""
        return max((i + 1 for i, name in enumerate(self.headers) if name), default=0)

    def width_off(self, row: int) -> int | None:
        """How many values row ``row`` has, when that is not what the header says: fewer
        than its named columns, or more with something in the extra ones; else None."""
        cells = self.rows[row]
        if len(cells) < self._named:
            return len(cells)
        if any(cell.strip() for cell in cells[len(self.headers) :]):
            return len(cells)
        return None

    @property
    def cut_short(self) -> bool:
        """The file ends in the middle of its last row: no line break after it, and
        fewer values than the header has columns."""
        if self.ends_with_break or not self.rows:
            return False
        found = self.width_off(len(self.rows) - 1)
        return found is not None and found < len(self.headers)


def sniff_delimiter(text: str) -> str:
    """The separator that splits the first lines of ``text`` most evenly (comma when none
    makes two columns)."""
    sample = text[:_SAMPLE_CHARS]
    if len(text) > _SAMPLE_CHARS and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    best, best_score = ",", (0.0, 0)
    for delimiter in _DELIMITERS:
        reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter, strict=False)
        rows: list[list[str]] = []
        try:
            for row in reader:
                if any(cell.strip() for cell in row):
                    rows.append(row)
                if len(rows) >= _SAMPLE_ROWS:
                    break
        except csv.Error:
            continue
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        even = sum(len(row) == width for row in rows) / len(rows)
        score = (round(even, 2), width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def parse_table(decoded: DecodedText) -> CsvTable:
    """The table in ``decoded``; ExchangeError in plain words when it has none."""
    delimiter = sniff_delimiter(decoded.text)
    try:
        table = _read(decoded, delimiter, strict=True)
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise ExchangeError(
                translate(
                    "exchange",
                    "The file ends inside a quoted value: it was probably cut short while it "
                    "was copied, downloaded or saved.",
                )
            ) from None
        try:
            table = _read(decoded, delimiter, strict=False)
        except csv.Error:
            raise ExchangeError(_unreadable()) from None
    if not table.headers:
        raise ExchangeError(translate("exchange", "The file is empty."))
    if not table.rows:
        raise ExchangeError(
            translate("exchange", "The file names its columns but has no rows under them.")
        )
    table.ends_with_break = decoded.text.rstrip(" \t\x00").endswith(("\n", "\r"))
    return table


def _unreadable() -> str:
    return translate(
        "exchange",
        "The file cannot be read as a table: a value is longer than any a spreadsheet "
        "writes. Is it a CSV file?",
    )


def _read(decoded: DecodedText, delimiter: str, *, strict: bool) -> CsvTable:
    table = CsvTable([], delimiter, decoded.encoding)
    reader = csv.reader(io.StringIO(decoded.text, newline=""), delimiter=delimiter, strict=strict)
    start = 1
    for row in reader:
        if any(cell.strip() for cell in row):
            if not table.headers:
                table.headers = [cell.strip() for cell in row]
            else:
                table.lines.append(start)
                table.rows.append(row)
                if len(table.rows) > MAX_ROWS:
                    raise ExchangeError(
                        translate(
                            "exchange",
                            "The file has more than {limit} rows: more applications than "
                            "any search. Is it the right file?",
                        ).format(limit=f"{MAX_ROWS:,}")
                    )
        start = reader.line_num + 1
    return table
