"""SQLite storage through SQLModel: the schema ladder, table rows and repositories. No Qt."""
