"""The text of a file made elsewhere (a spreadsheet's CSV, a phone's vCards): its bytes
decoded, and the encoding named for the person.

Files from other programs come in the encodings those programs write: UTF-8 with or
without a byte-order mark (Excel's "CSV UTF-8" has one), UTF-16 with one (Excel's
"Unicode text", Outlook), and, from older programs, Windows-1252 ("ANSI" in Western
Europe and the Americas). A byte-order mark says which; without one, UTF-8 is tried
first (it almost never decodes text in another encoding), then Windows-1252, then
Latin-1, which decodes anything. Binary files (a workbook, a picture) are refused with
what to do instead.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from followthrough.domain.exchange.reading import ExchangeError
from followthrough.domain.wording import QT_TRANSLATE_NOOP, translate

# How much of the start is looked at to tell text from a binary file.
_SNIFF_BYTES = 4096

# The encodings, named for a person (marked for translation; shown with translate).
UTF8 = QT_TRANSLATE_NOOP("exchange", "UTF-8")
UTF8_BOM = QT_TRANSLATE_NOOP("exchange", "UTF-8 (with a byte-order mark)")
UTF16 = QT_TRANSLATE_NOOP("exchange", "UTF-16")
UTF32 = QT_TRANSLATE_NOOP("exchange", "UTF-32")
WINDOWS_1252 = QT_TRANSLATE_NOOP("exchange", "Windows-1252 (Western European)")
LATIN_1 = QT_TRANSLATE_NOOP("exchange", "Latin-1 (ISO 8859-1)")

# Starts of files that are no text at all: what they are, for the message.
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class DecodedText:
    text: str
    # One of the names above, in English (``encoding_words`` gives it translated).
    encoding: str

    @property
    def encoding_words(self) -> str:
        return translate("exchange", self.encoding)


def decode_text(data: bytes, what: str) -> DecodedText:
    """``data`` as text; ExchangeError in plain words when it is empty or no text.
    ``what`` names the kind of file expected in messages (already translated: "a CSV
    file")."""
    if not data.strip(b" \t\r\n\x00"):
        raise ExchangeError(translate("exchange", "The file is empty."))
    with_mark = _with_byte_order_mark(data)
    if with_mark is not None:
        return with_mark
    _refuse_binary(data[:_SNIFF_BYTES], what)
    try:
        return DecodedText(codecs.decode(data, "utf-8"), UTF8)
    except UnicodeDecodeError:
        pass
    try:
        return DecodedText(codecs.decode(data, "cp1252"), WINDOWS_1252)
    except UnicodeDecodeError:
        return DecodedText(codecs.decode(data, "latin-1"), LATIN_1)


def _with_byte_order_mark(data: bytes) -> DecodedText | None:
    marks = (
        (codecs.BOM_UTF32_LE, "utf-32-le", UTF32),
        (codecs.BOM_UTF32_BE, "utf-32-be", UTF32),
        (codecs.BOM_UTF8, "utf-8", UTF8_BOM),
        (codecs.BOM_UTF16_LE, "utf-16-le", UTF16),
        (codecs.BOM_UTF16_BE, "utf-16-be", UTF16),
    )
    for mark, codec, name in marks:
        if data.startswith(mark):
            body = data[len(mark) :]
            try:
                return DecodedText(codecs.decode(body, codec), name)
            except UnicodeDecodeError as exc:
                line = codecs.decode(body[: exc.start], codec, "replace").count("\n") + 1
                raise ExchangeError(
                    translate(
                        "exchange",
                        "The file says it is in {encoding}, but line {line} is not: it may "
                        "have been cut short or damaged.",
                    ).format(encoding=translate("exchange", name), line=line)
                ) from None
    return None


def _refuse_binary(head: bytes, what: str) -> None:
    if head.startswith(_ZIP) or head.startswith(_OLE):
        raise ExchangeError(
            translate(
                "exchange",
                "This is a spreadsheet workbook (such as .xlsx or .xls), not {what}. Open it "
                "in your spreadsheet program, save it as CSV (File ▸ Save as…), then import "
                "that file.",
            ).format(what=what)
        )
    if b"\x00" in head:
        if _looks_like_utf16(head):
            raise ExchangeError(
                translate(
                    "exchange",
                    "The file seems to be in UTF-16 without saying so (no byte-order mark). "
                    "Save it again as UTF-8 (or as “CSV UTF-8”), then import that.",
                )
            )
        raise ExchangeError(
            translate("exchange", "This is not a text file, so it cannot be {what}.").format(
                what=what
            )
        )


def _looks_like_utf16(head: bytes) -> bool:
    """Text in UTF-16 without a mark: one byte of each pair is nearly always zero."""
    even, odd = head[0::2], head[1::2]
    half = max(1, len(head) // 2)
    return even.count(0) > 0.4 * half or odd.count(0) > 0.4 * half
