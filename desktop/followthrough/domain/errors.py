"""The one kind of error whose text is meant for the user."""

from __future__ import annotations


class UserError(ValueError):
    """Refused as entered (a rule of the app, not a fault); ``str(error)`` is a sentence
    for the user, shown as it is. Every other exception is described in plain words by
    ``store.errors.describe_failure`` instead of showing its text."""
