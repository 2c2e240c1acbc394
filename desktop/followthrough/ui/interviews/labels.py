"""How interviews are named on screen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from followthrough.domain.interviews import FORMAT_WORDS, InterviewFormat
from followthrough.ui.common.text import capitalised

# The order the formats are offered in: video, the most common, first.
FORMAT_ORDER = (InterviewFormat.VIDEO, InterviewFormat.PHONE, InterviewFormat.ONSITE)


def format_word(interview_format: str) -> str:
    """``on-site``: how an interview happens, as domain.interviews marks it in the
    "interviews" context (the agenda writes it too), in the user's language; a value this
    version does not know, as stored."""
    word = FORMAT_WORDS.get(interview_format)
    return QCoreApplication.translate("interviews", word) if word else interview_format


def format_label(interview_format: InterviewFormat) -> str:
    """``On-site``: the word standing alone, as a choice."""
    return capitalised(format_word(interview_format))
