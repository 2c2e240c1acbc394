"""Follow-ups: calls and messages after an interview, the call sheet."""
