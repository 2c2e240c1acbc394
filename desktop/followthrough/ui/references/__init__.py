"""References: heads-ups, thanks and outcomes for the people who vouch."""
