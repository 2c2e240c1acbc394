"""Preparing a further round: its checklist window, and how the window opens it."""
