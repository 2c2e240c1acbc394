"""QObjects without widgets: background work, single instance, later scheduler and notifier."""
