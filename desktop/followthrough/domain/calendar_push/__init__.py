"""Sending interviews and reminders to the user's own calendar server (CalDAV), one way:
what to send (``events``), what differs from what was sent before (``plan``)."""
