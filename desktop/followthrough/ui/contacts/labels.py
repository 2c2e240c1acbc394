"""How people and their roles are named on screen."""

from __future__ import annotations

from followthrough.store.contacts import ContactCard


def person_label(person: ContactCard, *, with_company: bool = True) -> str:
    """``Dana Lee (Head of Data, Acme)``: the name, then the title and company known.
    Without the company where every choice works at the same one (the call sheet)."""
    extra = ", ".join(x for x in (person.title, person.company if with_company else "") if x)
    return f"{person.name} ({extra})" if extra else person.name
