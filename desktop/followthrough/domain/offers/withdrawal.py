"""The word to the other employers once the new job starts: withdrawing politely.

Thanks for their time, the news that the user has taken another position, appreciation of
the process, and an open door for later (burn no bridges; stay in touch) [000, 003, 004].
A fresh template, written for this app; the person's name when one is known.
"""

from __future__ import annotations

from dataclasses import dataclass

from followthrough.domain.notes import SENDER_PLACEHOLDER
from followthrough.domain.wording import translate

CONTEXT = "offers"


@dataclass(frozen=True)
class Withdrawal:
    subject: str
    body: str


def withdrawal_message(
    company: str, role: str, contact_name: str = "", user_name: str = ""
) -> Withdrawal:
    """The message withdrawing from ``company``'s process (``role`` when known), to
    ``contact_name`` (a general greeting without one), signed ``user_name`` if given."""
    first = contact_name.strip().split(" ")[0] if contact_name.strip() else ""
    greeting = (
        translate("offers", "Dear {name},").format(name=first)
        if first
        else translate("offers", "Hello,")
    )
    if role.strip():
        subject = translate("offers", "My application for {role} at {company}").format(
            role=role.strip(), company=company
        )
        opening = translate(
            "offers",
            "Thank you for the time you and your colleagues gave me while considering me "
            "for the {role} position.",
        ).format(role=role.strip())
    else:
        subject = translate("offers", "My application at {company}").format(company=company)
        opening = translate(
            "offers",
            "Thank you for the time you and your colleagues gave me while considering my "
            "application.",
        )
    news = translate(
        "offers",
        "I wanted to let you know that I have accepted a position elsewhere, so I am "
        "withdrawing from your process.",
    )
    appreciation = translate(
        "offers",
        "I enjoyed learning about {company} and the people I met, and I appreciate how "
        "the process was handled.",
    ).format(company=company)
    door = translate(
        "offers",
        "I would be glad to stay in touch, and I hope our paths cross again.",
    )
    closing = translate("offers", "With best wishes,")
    lines = [greeting, "", opening, "", news, "", appreciation, "", door, "", closing]
    # Never unsigned: without a name in Preferences, the notes' placeholder to fill in.
    lines.append(user_name.strip() or SENDER_PLACEHOLDER)
    return Withdrawal(subject, "\n".join(lines))
