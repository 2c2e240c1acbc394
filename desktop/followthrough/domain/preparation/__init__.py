"""Preparing a further round: a checklist made from what the app knows (who you will
meet, your debrief of the round before, what you told them), ticked as you go, with a
reminder before the day. docs/advice.md, Keeping momentum: prepare the next round —
research, portfolio [003]; keep answers consistent across rounds [002]."""
