"""One SQLAlchemy engine per app; every table module registers on ``Base``.

Table modules live beside this one (``storage/<area>.py``) and define classes on
``Base``; importing them before ``Database.create_all`` creates their tables.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Table, create_engine, event, inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

logger = logging.getLogger(__name__)
SUPPORTED_URLS = "sqlite:///PATH, or postgresql://USER:PASSWORD@HOST:PORT/DATABASE (driver: psycopg 3)"
# Any fixed number: the PostgreSQL advisory lock that serialises table creation between workers.
_DDL_LOCK_KEY = 0x6D61646F


class Base(DeclarativeBase):
    pass


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers continue during a write; busy_timeout waits instead of failing
    # when two workers write at once.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _without_nul(parameters: Any) -> Any:
    if isinstance(parameters, str):
        return parameters.replace("\x00", "")
    if isinstance(parameters, dict):
        return {key: _without_nul(value) for key, value in parameters.items()}
    if isinstance(parameters, list | tuple):
        return type(parameters)(_without_nul(value) for value in parameters)
    return parameters


def _drop_nul_characters(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any,
                         _executemany: bool) -> tuple[str, Any]:
    # PostgreSQL text cannot hold U+0000 and would refuse the whole row (a resident's turn, a
    # staff phrase); the character means nothing in text, so both backends store the text without it.
    return statement, _without_nul(parameters)


def engine_url(url: str) -> str:
    """The SQLAlchemy URL for a configured one; the one place that picks the PostgreSQL driver.

    ``postgresql://`` and ``postgres://`` (what hosting providers hand out) use psycopg 3.
    The error never repeats the URL, which may hold a password.
    """
    scheme, separator, rest = url.partition("://")
    scheme = scheme.lower()
    if separator and scheme in ("sqlite", "sqlite+pysqlite"):
        return url
    if separator and scheme in ("postgresql", "postgres", "postgresql+psycopg"):
        return f"postgresql+psycopg://{rest}"
    shown = repr(scheme) if separator else "(none)"
    raise ValueError(f"unsupported database URL scheme {shown} in MADOGUCHI_DATABASE_URL; use {SUPPORTED_URLS}")


class Database:
    def __init__(self, url: str) -> None:
        url = engine_url(url)
        if url.startswith("sqlite:///"):
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        self.url = url
        # A database that cannot be reached fails a request in seconds instead of hanging it.
        connect_args = {"connect_timeout": 10} if url.startswith("postgresql") else {}
        self.engine: Engine = create_engine(url, pool_pre_ping=True, future=True, connect_args=connect_args)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        event.listen(self.engine, "before_cursor_execute", _drop_nul_characters, retval=True)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def create_all(self) -> None:
        self.create_tables()

    def create_tables(self, tables: list[Table] | None = None) -> None:
        """Creates the missing tables (all registered ones by default); safe when workers start together."""
        # SQLite has no advisory lock: "table already exists" means another worker created that
        # table first; look again. Each collision is on a different table, so the number of
        # tables bounds the retries.
        attempts = len(tables or Base.metadata.sorted_tables) + 3
        for attempt in range(attempts):
            try:
                with self.engine.begin() as connection:
                    if connection.dialect.name == "postgresql":
                        # Two workers would both see a table missing, and the second CREATE would fail.
                        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _DDL_LOCK_KEY})
                    Base.metadata.create_all(connection, tables=tables)
                return
            except OperationalError:
                if self.engine.dialect.name != "sqlite" or attempt == attempts - 1:
                    raise
                time.sleep(0.01 * (attempt + 1))

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except Exception:
            session.rollback()
            raise
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()

    def column_names(self, table: str) -> set[str]:
        return {column["name"] for column in inspect(self.engine).get_columns(table)}

    def add_missing_columns(self, table: str, columns: dict[str, str]) -> None:
        """Tables created by an older release get ``columns`` (name -> SQL type; nullable ones)."""
        existing = self.column_names(table)
        for name, sql_type in columns.items():
            if name in existing:
                continue
            try:
                with self.engine.begin() as connection:
                    connection.execute(text(f"ALTER TABLE {table} ADD COLUMN {name} {sql_type}"))
            except DBAPIError:
                # Another worker added it first ("duplicate column"); anything else is a real error.
                if name not in self.column_names(table):
                    raise
