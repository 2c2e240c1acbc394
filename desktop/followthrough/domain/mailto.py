"""mailto: links (RFC 6068) that open a thank-you note in the user's e-mail program.

Every field is percent-encoded as UTF-8 and the address must be one plain address, so
nothing typed into a note can add a recipient or a header: no "?cc=", no "&bcc=", no
line break that starts a new header.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from followthrough.domain.errors import UserError
from followthrough.domain.validation import email_problem
from followthrough.domain.wording import QT_TRANSLATE_NOOP, translate


class MailtoError(UserError):
    """The address cannot go into a mailto: link; the message is meant for the user."""


# Characters that would end the address or start another one or a query in a mailto: URL,
# or that hide a second address (RFC 6068 section 2 and the header-injection tricks).
_REFUSED_IN_ADDRESS = frozenset("?&,;%<>")
# Line breaks in the many forms str.splitlines() knows.
_LINE_BREAK = re.compile(r"\r\n|[\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_SUBJECT_BREAKS = re.compile(r"[ \t]*(?:\r\n|[\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029])+[ \t]*")

# Marked for translation; translated in the "mailto" context when raised.
NO_ADDRESS_MESSAGE = QT_TRANSLATE_NOOP("mailto", "Add the interviewer's e-mail address first.")
ONE_ADDRESS_MESSAGE = QT_TRANSLATE_NOOP(
    "mailto", "Use one e-mail address only, without spaces or any of ? & , ; % < >."
)


def _checked_address(to: str) -> str:
    address = to.strip()
    if not address:
        raise MailtoError(translate("mailto", NO_ADDRESS_MESSAGE))
    if any(c.isspace() or c in _REFUSED_IN_ADDRESS for c in address):
        raise MailtoError(translate("mailto", ONE_ADDRESS_MESSAGE))
    problem = email_problem(address)
    if problem:
        raise MailtoError(problem)
    return address


def mailto_url(to: str, subject: str, body: str) -> str:
    """A mailto: link to ``to`` with ``subject`` and ``body`` filled in.

    Raises MailtoError when ``to`` is not exactly one plain address. Line breaks in the
    subject become single spaces; those in the body become CRLF, as RFC 6068 asks. An empty
    subject or body is left out of the link.
    """
    address = _checked_address(to)
    fields: list[str] = []
    one_line_subject = _SUBJECT_BREAKS.sub(" ", subject).strip()
    if one_line_subject:
        fields.append("subject=" + quote(one_line_subject, safe=""))
    crlf_body = _LINE_BREAK.sub("\r\n", body)
    if crlf_body:
        fields.append("body=" + quote(crlf_body, safe=""))
    url = "mailto:" + quote(address, safe="@")
    return url + "?" + "&".join(fields) if fields else url
