"""Offers in the database: one per application (``records``), the others to close on the
first day (``first_day``) and the offer's reminders (``planner``). The rules are in
``domain.offers``."""
