"""The JSON exchange format (``docs/data-format.md``): everything a user has, in one file.

- ``schema``: every object and field, as one table the exporter and importer share;
- ``reading``: a file's text checked against it, into rows of the database's tables;
- ``writing``: those rows written out as the file's objects;
- ``merging``: how records in a file are matched with those already in a folder.
"""
