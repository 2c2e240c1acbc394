"""The calendar: month marks and the week's agenda."""
