"""Contacts: everyone met, and how to reach them."""
