"""The debrief form, the question bank and how the window opens them."""
