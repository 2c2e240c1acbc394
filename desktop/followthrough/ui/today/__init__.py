"""Today: what to do now, reminders and the welcome."""
