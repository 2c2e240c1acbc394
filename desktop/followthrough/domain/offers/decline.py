"""The word to an employer whose offer the user turns down: warm, clear, the door open.

Thanks for the offer and for the time given, a plain "no" that leaves no doubt, respect
for the company and a wish to stay in touch: burn no bridges, you may meet again
[000, 004]. A fresh template, written for this app; the person's first name when one is
known; signed as the withdrawal message is (the notes' placeholder without a name).
"""

from __future__ import annotations

from dataclasses import dataclass

from followthrough.domain.notes import SENDER_PLACEHOLDER, first_name
from followthrough.domain.wording import translate

CONTEXT = "offers"


@dataclass(frozen=True)
class DeclineMessage:
    subject: str
    body: str


def decline_message(
    company: str, role: str, contact_name: str = "", user_name: str = ""
) -> DeclineMessage:
    """The message declining ``company``'s offer (for ``role`` when known), to
    ``contact_name`` by first name (a general greeting without one), signed ``user_name``
    if given."""
    first = first_name(contact_name.strip())
    greeting = (
        translate("offers", "Dear {name},").format(name=first)
        if first
        else translate("offers", "Hello,")
    )
    role = role.strip()
    if role:
        subject = translate("offers", "Your offer for the {role} role").format(role=role)
        thanks = translate(
            "offers",
            "Thank you very much for offering me the {role} role at {company}, and for the "
            "time you and your colleagues gave me along the way.",
        ).format(role=role, company=company)
    else:
        subject = translate("offers", "Your offer from {company}").format(company=company)
        thanks = translate(
            "offers",
            "Thank you very much for your offer, and for the time you and your colleagues "
            "gave me along the way.",
        )
    answer = translate(
        "offers",
        "After careful thought I have decided to decline it. It was not an easy choice, "
        "and it says nothing against {company} or the people I met.",
    ).format(company=company)
    door = translate(
        "offers",
        "I would like to keep in touch, and I hope we get the chance to work together "
        "another time.",
    )
    closing = translate("offers", "Warm regards,")
    lines = [greeting, "", thanks, "", answer, "", door, "", closing]
    # Never unsigned: without a name in Preferences, the notes' placeholder to fill in.
    lines.append(user_name.strip() or SENDER_PLACEHOLDER)
    return DeclineMessage(subject, "\n".join(lines))
