"""What the debrief notes offer the thank-you note: the things the candidate wished
they had said."""

from __future__ import annotations

import re

_BULLET = re.compile(r"^\s*(?:[-*•·–—>]+|\d{1,2}[.)]|[a-z][.)])\s+", re.IGNORECASE)


_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+")


_WISH_CUES = re.compile(
    r"\b(?:forgot|forget|forgotten|wish|wished|should\s+have|should've|meant\s+to"
    r"|didn['’]?t\s+mention|did\s+not\s+mention|never\s+mentioned|could\s+have|could've"
    r"|better\s+answer|missed|didn['’]?t\s+say|did\s+not\s+say|left\s+out)\b",
    re.IGNORECASE,
)


def _debrief_items(notes_text: str) -> list[str]:
    items: list[str] = []
    for line in notes_text.splitlines():
        line = _BULLET.sub("", line).strip()
        for sentence in _SENTENCE_SPLIT.split(line):
            sentence = sentence.strip()
            # Headings ("What went well:") introduce items rather than being one.
            if sentence and not sentence.endswith(":") and any(c.isalpha() for c in sentence):
                items.append(sentence)
    return items


def debrief_suggestions(notes_text: str, limit: int = 5) -> list[str]:
    """Sentences and bullets from the interview's debrief worth offering as "what you wish
    you had said": those saying so ("forgot", "should have", "meant to"…) first, then the
    rest in their order, each once."""
    items = _debrief_items(notes_text)
    cued = [item for item in items if _WISH_CUES.search(item)]
    others = [item for item in items if not _WISH_CUES.search(item)]
    result: list[str] = []
    seen: set[str] = set()
    for item in cued + others:
        key = " ".join(item.casefold().split()).rstrip(".!?")
        if key in seen:
            continue
        seen.add(key)
        result.append(item)
        if len(result) >= limit:
            break
    return result
