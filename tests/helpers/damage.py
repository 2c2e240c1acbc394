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


def damage_table_pages(database: Path, table: str = "application") -> None:
    """Overwrite the root page of ``table`` (the page its rows are reached through),
    leaving SQLite's header and the schema as they were: opening the file and reading
    the schema still work, reading the table does not."""
    connection = sqlite3.connect(database)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = int(connection.execute("PRAGMA page_size").fetchone()[0])
        root = int(
            connection.execute(
                "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
            ).fetchone()[0]
        )
    finally:
        connection.close()
    assert root > 1, root
    with database.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xde\xad\xbe\xef" * (page_size // 4))
