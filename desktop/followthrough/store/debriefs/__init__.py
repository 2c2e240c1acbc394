"""Debriefs in the database: one per interview (``records``), the question bank
(``bank``) and the debrief's reminders (``planner``). The rules are in
``domain.debriefs``."""
