""" "Recorded — Undo": a step taken in one click (a message said on the phone, a reminder
marked done) can be taken back for a few seconds from the status bar, without a question
first."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QStatusBar, QWidget

from followthrough.ui.common.text import plain_label

UNDO_SECONDS = 12


class UndoOffer(QWidget):
    """``text`` and an Undo button at the right of ``status_bar`` for ``seconds``; Undo
    calls ``undo`` once and the offer goes (``gone`` is told, whatever the reason)."""

    def __init__(
        self,
        status_bar: QStatusBar,
        text: str,
        undo: Callable[[], None],
        seconds: float | None = None,
        *,
        gone: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(status_bar)
        self.setObjectName("undoOffer")
        self._status_bar = status_bar
        self._undo = undo
        self._gone = gone
        self._withdrawn = False
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = plain_label(text)
        self.button = QPushButton(self.tr("&Undo"))
        self.button.setObjectName("undoButton")
        self.button.clicked.connect(self.take_back)
        row.addWidget(self.label)
        row.addWidget(self.button)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.withdraw)
        self.timer.start(int((UNDO_SECONDS if seconds is None else seconds) * 1000))
        status_bar.addPermanentWidget(self)
        self.show()

    def take_back(self) -> None:
        self.withdraw()
        self._undo()

    def withdraw(self) -> None:
        """The offer goes (its time is up, it was used, or a newer one came)."""
        if self._withdrawn:
            return
        self._withdrawn = True
        if self._gone is not None:
            self._gone()
        self.timer.stop()
        self._status_bar.removeWidget(self)
        self.hide()
        self.deleteLater()


class UndoSlot:
    """One offer at a time in a window: a newer one withdraws the one before."""

    def __init__(self) -> None:
        self.offer: UndoOffer | None = None

    def offer_new(self, status_bar: QStatusBar, text: str, undo: Callable[[], None]) -> None:
        if self.offer is not None:
            self.offer.withdraw()
        offer = UndoOffer(status_bar, text, undo, gone=lambda: self._gone(offer))
        self.offer = offer

    def _gone(self, offer: UndoOffer) -> None:
        if self.offer is offer:
            self.offer = None
