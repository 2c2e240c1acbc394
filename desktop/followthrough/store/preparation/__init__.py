"""A further round's preparation in the database: its facts and ticks (``records``) and
its reminder (``planner``). The rules are in ``domain.preparation``."""
