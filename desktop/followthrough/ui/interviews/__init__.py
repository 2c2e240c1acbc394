"""Interviews: recording one, its people and what they said."""
