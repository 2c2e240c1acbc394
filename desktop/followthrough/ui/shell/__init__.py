"""The window around everything: main window, tray, preferences, help, loading."""
