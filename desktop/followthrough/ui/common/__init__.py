"""Pieces every feature's screens share: text safety, saving, tables, forms."""
