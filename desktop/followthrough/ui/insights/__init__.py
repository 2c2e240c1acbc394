"""Insights: the search in charts (replies, waits, the funnel, follow-ups, each week)."""
