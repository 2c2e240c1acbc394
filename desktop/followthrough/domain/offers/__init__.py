"""The offer: a written offer is not the end of the search.

- ``record``: what an offer holds (the terms as typed, the answer deadline on the user's
  clock, its status, the start date once accepted) and how several compare;
- ``reminders``: "answer by" reminders before the deadline (instead of follow-ups while
  the offer is open) and the first day's "close the other applications";
- ``withdrawal``: the polite message to the other employers once the new job starts;
- ``decline``: the warm "no, thank you" to an employer whose offer the user declines.

Sources: docs/advice.md, "Keeping momentum" ([003]: act as if between interviews until
the first day; [001, 003, 004]: keep applying, more offers give leverage).
"""
