"""Backups while the app runs: the automatic daily copy (the last N kept), "Back up now"
to a folder the user chooses, and restoring a backup (checked first, the current data
kept aside, the file put in place while nothing has it open). No Qt."""
