"""The debrief: what happened in an interview, written down the same day.

- ``record``: what a debrief holds (questions and answers, what went well, what to
  improve, what you meant to say, skills to develop, a self-rating, what you told whom);
- ``timing``: when to be reminded to write it (the same evening, inside the user's hours);
- ``consistency``: what you told a company before, and where a new answer disagrees;
- ``bank``: every question from every debrief, grouped, with the best answer kept.

Sources: docs/advice.md, "Keeping momentum" ([000, 001, 002, 003]: debrief right away;
[002]: keep answers consistent across rounds).
"""
