"""mailto: links (RFC 6068): percent-encoding of every field and no way to add a recipient
or a header through the address, the subject or the body."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote

import pytest

from followthrough.domain.mailto import MailtoError, mailto_url


def split(url: str) -> tuple[str, dict[str, list[str]]]:
    """The decoded address and the decoded query of a mailto: link."""
    scheme, _, rest = url.partition(":")
    assert scheme == "mailto"
    address, _, query = rest.partition("?")
    assert "#" not in rest  # no fragment: every "#" was encoded
    fields = parse_qs(query, keep_blank_values=True, strict_parsing=bool(query))
    return unquote(address), fields


def test_plain_link() -> None:
    url = mailto_url("dana@acme.com", "Thank you", "Hi Dana")
    assert url == "mailto:dana@acme.com?subject=Thank%20you&body=Hi%20Dana"


def test_plus_in_the_address_is_encoded() -> None:
    url = mailto_url("dana+jobs@acme.com", "Hi", "x")
    assert url.startswith("mailto:dana%2Bjobs@acme.com?")
    assert split(url)[0] == "dana+jobs@acme.com"


def test_spaces_are_percent_20_never_plus() -> None:
    url = mailto_url("dana@acme.com", "Thank you for Thursday", "a b + c")
    assert "+" not in url
    assert "subject=Thank%20you%20for%20Thursday" in url
    assert "body=a%20b%20%2B%20c" in url
    assert split(url)[1]["body"] == ["a b + c"]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_body_line_breaks_become_crlf(newline: str) -> None:
    body = f"Hi Dana,{newline}{newline}Thanks.{newline}Jamie"
    url = mailto_url("dana@acme.com", "Hi", body)
    assert "body=Hi%20Dana%2C%0D%0A%0D%0AThanks.%0D%0AJamie" in url
    assert split(url)[1]["body"] == ["Hi Dana,\r\n\r\nThanks.\r\nJamie"]


@pytest.mark.parametrize(
    ("text", "encoded"),
    [
        ("Q&A", "Q%26A"),
        ("why?", "why%3F"),
        ("#1", "%231"),
        ("100%", "100%25"),
        ("a=b", "a%3Db"),
        ("Café", "Caf%C3%A9"),
        ("Grüße", "Gr%C3%BC%C3%9Fe"),
        ("日本", "%E6%97%A5%E6%9C%AC"),
    ],
)
def test_special_and_non_ascii_characters(text: str, encoded: str) -> None:
    url = mailto_url("dana@acme.com", text, text)
    assert f"subject={encoded}&body={encoded}" in url
    address, fields = split(url)
    assert address == "dana@acme.com"
    assert fields == {"subject": [text], "body": [text]}


def test_empty_subject_and_body_are_left_out() -> None:
    assert mailto_url("dana@acme.com", "", "") == "mailto:dana@acme.com"
    assert mailto_url("dana@acme.com", " \r\n ", "Hi") == "mailto:dana@acme.com?body=Hi"
    assert mailto_url("dana@acme.com", "Hi", "") == "mailto:dana@acme.com?subject=Hi"


def test_surrounding_whitespace_of_the_address_is_dropped() -> None:
    assert mailto_url("  dana@acme.com \n", "Hi", "x").startswith("mailto:dana@acme.com?")


@pytest.mark.parametrize(
    "to",
    [
        "a@b.com?cc=evil@x.com",
        "a@b.com,evil@x.com",
        "a@b.com;evil@x.com",
        "a@b.com\r\nBcc: evil@x.com",
        "a@b.com\nbcc=evil@x.com",
        "a@b.com&bcc=evil@x.com",
        "a@b.com evil@x.com",
        "Dana <a@b.com>",
        "a%40b.com",
        "a@b.com%0D%0ABcc:evil@x.com",
    ],
)
def test_injection_through_the_address_is_refused(to: str) -> None:
    with pytest.raises(MailtoError) as caught:
        mailto_url(to, "Hi", "Hi")
    assert "one e-mail address" in str(caught.value)


@pytest.mark.parametrize(
    ("to", "fragment"),
    [
        ("", "Add the interviewer's e-mail address"),
        ("   ", "Add"),
        ("dana", "name@example.com"),
        ("dana@acme", "name@example.com"),
        ("a@@acme.com", "name@example.com"),
    ],
)
def test_unusable_addresses_say_why(to: str, fragment: str) -> None:
    with pytest.raises(MailtoError) as caught:
        mailto_url(to, "Hi", "Hi")
    assert fragment in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_injection_through_the_subject_stays_in_the_subject() -> None:
    subject = "Thanks&cc=evil@x.com"
    address, fields = split(mailto_url("dana@acme.com", subject, "Hi"))
    assert address == "dana@acme.com"
    assert set(fields) == {"subject", "body"}
    assert fields["subject"] == [subject]


def test_line_breaks_in_the_subject_become_one_space() -> None:
    subject = "Thanks\r\nBcc: evil@x.com"
    url = mailto_url("dana@acme.com", subject, "Hi")
    assert "%0D" not in url.split("&body=")[0]
    assert "%0A" not in url.split("&body=")[0]
    address, fields = split(url)
    assert address == "dana@acme.com"
    assert set(fields) == {"subject", "body"}
    assert fields["subject"] == ["Thanks Bcc: evil@x.com"]
    assert split(mailto_url("d@acme.com", "a \n\n b\rc", "x"))[1]["subject"] == ["a b c"]


def test_injection_through_the_body_stays_in_the_body() -> None:
    body = "Hi Dana&bcc=evil@x.com\n?cc=evil@y.com#top\r\nBcc: evil@z.com"
    url = mailto_url("dana@acme.com", "Thanks", body)
    address, fields = split(url)
    assert address == "dana@acme.com"
    assert set(fields) == {"subject", "body"}
    assert fields["subject"] == ["Thanks"]
    assert fields["body"] == ["Hi Dana&bcc=evil@x.com\r\n?cc=evil@y.com#top\r\nBcc: evil@z.com"]
    assert url.count("&") == 1
    assert url.count("?") == 1


def test_a_whole_note_round_trips() -> None:
    body = "Dear Dana,\n\nMerci — it was a pleasure. 50% faster, Q&A #2?\n\nJamie\n+1 312 555 0199"
    url = mailto_url("dana@acme.com", "Thank you: Data Engineer interview", body)
    _, fields = split(url)
    assert fields["body"] == [body.replace("\n", "\r\n")]
    assert fields["subject"] == ["Thank you: Data Engineer interview"]
    assert url.isascii()
