"""Which e-mail addresses can be saved as typed, and which are sent back with a reason."""

from __future__ import annotations

import pytest

from followthrough.domain.validation import email_problem

MESSAGE = "This does not look like an e-mail address (name@example.com)."


@pytest.mark.parametrize(
    "address",
    [
        "",  # empty: optional field
        "   ",
        "dana@acme.com",
        "  dana@acme.com  ",  # stray spaces around are trimmed
        "dana@acme.com\r\n",
        "dana.lee+jobs@mail.acme.co.uk",
        "d@a.io",
        "DANA_LEE@ACME.COM",
        "o'brien@example.ie",
        "first-last@sub.domain.example.org",
        "dana@xn--bcher-kva.example",
    ],
)
def test_usable_addresses(address: str) -> None:
    assert email_problem(address) is None


@pytest.mark.parametrize(
    "address",
    [
        "dana",
        "dana.acme.com",  # no @
        "@acme.com",  # no name
        "dana@",  # no domain
        "dana@acme",  # no dot in the domain
        "dana lee@acme.com",  # spaces inside
        "dana@acme .com",
        "dana@acme.com, sam@acme.com",  # two addresses pasted
        "dana@acme.com;sam@acme.com",
        "Dana Lee <dana@acme.com>",  # a display name pasted with it
        "dana@acme.com\nsam",
        "dana@acme.com\rsam@acme.com",
        "dana\t@acme.com",
        "dana@@acme.com",  # a doubled @
        "dana@acme.com@acme.com",
        "dana@acme..com",  # an empty part of the domain
        "dana@.acme.com",
        "dana@acme.com.",
        "dana@acme.",
    ],
)
def test_unusable_addresses_say_why(address: str) -> None:
    assert email_problem(address) == MESSAGE
