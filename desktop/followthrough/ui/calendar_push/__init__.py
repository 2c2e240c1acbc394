"""File ▸ Calendar server…: where interviews and reminders are sent (CalDAV), the
password (keyring, or asked once per session), a connection test and what was sent."""
