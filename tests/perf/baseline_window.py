"""The baseline for "launch until the first rows are painted": bare PySide6.

    python tests/perf/baseline_window.py DATA_DIR

A QMainWindow with a QTableView over a minimal table model of the applications in
DATA_DIR's database (read with plain sqlite3), nothing else: no scheduler, no pages, no
styling. It logs "first data painted" the way the app does, after the repaint the rows
asked for, so that the two are timed by the same clock and the same probe.
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
    with sqlite3.connect(f"{database.absolute().as_uri()}?mode=ro", uri=True) as connection:
        rows = connection.execute(
            "SELECT company, role_title, stage FROM application ORDER BY id"
        ).fetchall()
    view.setModel(Rows(rows))
    QTimer.singleShot(0, lambda: logging.getLogger("baseline").info("first data painted"))
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
