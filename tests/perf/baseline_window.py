"""The baseline for launching the app: bare PySide6 showing the same applications.

    python tests/perf/baseline_window.py DATA_DIR

A QMainWindow with a QTableView over a minimal table model of the applications in
DATA_DIR's database (read with plain sqlite3), nothing else: no scheduler, no pages, no
styling; an empty or missing DATA_DIR gives the same window with no rows. It logs "first
data painted" the way the app does, after the repaint the rows asked for, so that the two
are timed by the same clock and the same probe; ``bench.py`` also times its first frame
on the X server and its memory and CPU time when idle.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

Index = QModelIndex | QPersistentModelIndex


class Rows(QAbstractTableModel):
    def __init__(self, rows: list[tuple[Any, ...]]) -> None:
        super().__init__()
        self.rows = rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return str(self.rows[index.row()][index.column()])


def read_rows(database: Path) -> list[tuple[Any, ...]]:
    """The applications' company, role and stage; none for an empty data folder."""
    if not database.exists():
        return []
    with sqlite3.connect(f"{database.absolute().as_uri()}?mode=ro", uri=True) as connection:
        return connection.execute(
            "SELECT company, role_title, stage FROM application ORDER BY id"
        ).fetchall()


def main() -> int:
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    database = Path(sys.argv[1]) / "followthrough.sqlite3"
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    view = QTableView()
    window.setCentralWidget(view)
    window.resize(1100, 720)
    window.show()
    view.setModel(Rows(read_rows(database)))
    QTimer.singleShot(0, lambda: logging.getLogger("baseline").info("first data painted"))
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
