"""Damage a database the way only a full check can see."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def damage_one_index(database: Path) -> None:
    """The application_stage index now claims to index the company: its entries no longer
    match the table. ``PRAGMA quick_check`` says ok; ``PRAGMA integrity_check`` does not."""
    connection = sqlite3.connect(database)
    connection.execute("PRAGMA writable_schema = ON")
    connection.execute(
        "UPDATE sqlite_master SET sql = 'CREATE INDEX application_stage ON application "
        "(company)' WHERE name = 'application_stage'"
    )
    connection.commit()
    connection.close()
