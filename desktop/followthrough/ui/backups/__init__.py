"""Backups from the window: File ▸ Back up now…, File ▸ Restore…, and telling the user
when the automatic daily backup could not be made."""
