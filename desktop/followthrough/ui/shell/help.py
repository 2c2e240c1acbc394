"""About and Getting started: the help the app shows about itself."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from followthrough import APP_NAME, __version__
from followthrough.ui.common.text import escape
from followthrough.ui.common.widgets import resize_on_screen

ABOUT_TEXT = f"""
<h2>{APP_NAME} {__version__}</h2>
<p>Everything after the job interview, kept on time: a personal thank-you note to each
interviewer, follow-ups timed to what they said, heads-ups and thanks to your references,
an honest debrief, and the nudge to keep other applications going.</p>
<p>Your data stays on this computer, in one folder; nothing is sent anywhere.</p>
"""


HELP_TEXT = """
<h3>Getting started</h3>
<ol>
<li><b>Add an application</b> (Ctrl+N): company and role are enough.</li>
<li><b>Record each interview</b> with everyone you met and what they said about the next
step and when a decision is expected.</li>
<li><b>Let the app keep the timing.</b> Today shows what is due; reminders arrive as desktop
notifications, also when the window is closed.</li>
</ol>
<h3>Keyboard</h3>
<table>
<tr><td>Ctrl+N</td><td>New application</td></tr>
<tr><td>Ctrl+F</td><td>Search the current list</td></tr>
<tr><td>Ctrl+1 … Ctrl+5</td><td>Today, Applications, Calendar, Contacts, Insights</td></tr>
<tr><td>Ctrl+S</td><td>Insights: save the chart that has the focus as a PNG</td></tr>
<tr><td>PgUp, PgDown</td><td>Calendar: the month or week before, after</td></tr>
<tr><td>Home</td><td>Calendar: this week</td></tr>
<tr><td>Arrow keys, Enter</td><td>Calendar week: from item to item, open one</td></tr>
<tr><td>Ctrl+Shift+B</td><td>The question bank: every question from your debriefs</td></tr>
<tr><td>Ctrl+Shift+O</td><td>Your offers side by side</td></tr>
<tr><td>F5</td><td>Refresh</td></tr>
<tr><td>Ctrl+,</td><td>Preferences</td></tr>
<tr><td>F1</td><td>This help</td></tr>
<tr><td>Ctrl+Q</td><td>Quit</td></tr>
<tr><td colspan="2"><i>On Today</i></td></tr>
<tr><td>Arrows, Enter</td><td>Go from item to item; open one where it belongs</td></tr>
<tr><td>Ctrl+D</td><td>Done (Undo in the status bar for a few seconds)</td></tr>
<tr><td>Ctrl+L</td><td>Snooze the chosen item</td></tr>
<tr><td colspan="2"><i>On the applications board</i></td></tr>
<tr><td>Ctrl+Shift+Right, Left</td><td>Move the card to the next, previous stage</td></tr>
<tr><td>Arrows, Enter</td><td>Go from card to card and column to column; open the card</td></tr>
<tr><td>Menu key</td><td>The card's menu: Open, Move to</td></tr>
<tr><td colspan="2"><i>In an application's window</i></td></tr>
<tr><td>Ctrl+S</td><td>Save the application</td></tr>
<tr><td>Ctrl+I</td><td>Record an interview</td></tr>
<tr><td>Alt+B</td><td>Debrief the chosen interview (Interviews tab)</td></tr>
<tr><td>Alt+D</td><td>Prepare for the chosen further round: its checklist</td></tr>
<tr><td colspan="2"><i>Writing a debrief</i></td></tr>
<tr><td>Ctrl+S</td><td>Save the debrief</td></tr>
<tr><td colspan="2"><i>Writing a note or a message</i></td></tr>
<tr><td>Ctrl+S</td><td>Save the draft</td></tr>
<tr><td>Ctrl+E</td><td>Send by e-mail</td></tr>
<tr><td>Ctrl+P</td><td>Print the card (a preview first)</td></tr>
<tr><td>F7</td><td>Check the note</td></tr>
</table>
<h3>Your data</h3>
<p>Everything is kept in the folder <code>{data_dir}</code>. Once a day the app copies
your data into its <code>backups</code> folder and keeps the last seven of those
(Preferences ▸ <i>Daily backups to keep</i>); before each update of its format it makes
one more. <b>File ▸ Back up now…</b> copies it to a folder you choose (another disk, a
USB stick); <b>File ▸ Restore…</b> brings a copy back, keeping your current data aside
first.</p>
<p>To try the app with sample data without touching yours, run
<code>followthrough --data-dir /tmp/ft-demo demo</code> and then
<code>followthrough --data-dir /tmp/ft-demo</code>.</p>
"""


def help_html(data_dir: Path) -> str:
    """The Getting started text; the data folder's path is shown as it is (a folder name
    may hold ``<`` or ``&``)."""
    return HELP_TEXT.format(data_dir=escape(str(data_dir)))


class TextDialog(QDialog):
    """Help or About: the text scrolls inside a window that fits the screen (the help is
    taller than a laptop's screen: its last lines were cut off below the window)."""

    WIDTH = 620

    def __init__(self, title: str, html: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        self.text = QLabel(html)
        self.text.setObjectName("dialogText")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.area = QScrollArea()
        self.area.setObjectName("dialogTextArea")
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setWidget(self.text)
        layout.addWidget(self.area, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # As tall as the text needs, or as the screen allows (then it scrolls).
        margins = layout.contentsMargins()
        inner = self.WIDTH - margins.left() - margins.right()
        inner -= self.area.verticalScrollBar().sizeHint().width()
        height = (
            self.text.heightForWidth(inner)
            + buttons.sizeHint().height()
            + layout.spacing()
            + margins.top()
            + margins.bottom()
        )
        resize_on_screen(self, self.WIDTH, height)
