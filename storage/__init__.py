"""Database access (SQLAlchemy 2): SQLite by default, PostgreSQL via MADOGUCHI_DATABASE_URL."""
