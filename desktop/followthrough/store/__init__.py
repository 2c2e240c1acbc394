"""Storage: Peewee models over one SQLite file, its opening, migrations and backups. No Qt."""
