"""Widgets, dialogs, item models and the tray icon."""
