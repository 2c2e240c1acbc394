"""File ▸ Export and File ▸ Import: the JSON file (``docs/data-format.md``) out and back in."""
