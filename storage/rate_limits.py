"""Rate-limit counters in the database, so every app worker sees the same counts."""

from __future__ import annotations

import logging
import time

from sqlalchemy import Integer, String, case, delete, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from storage.db import Base, Database

logger = logging.getLogger(__name__)
PRUNE_EVERY = 500
KEEP_S = 24 * 60 * 60


class RateCounter(Base):
    __tablename__ = "rate_limit_counters"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    window_start: Mapped[int] = mapped_column(Integer, index=True)
    count: Mapped[int] = mapped_column(Integer)


class RateCounterStore:
    """Implements connectors.web.limits.CounterStore."""

    def __init__(self, database: Database) -> None:
        self._db = database
        self._hits = 0
        Base.metadata.create_all(database.engine, tables=[RateCounter.__table__])  # type: ignore[list-item]

    def hit(self, key: str, *, window_start: int) -> int:
        self._hits += 1
        if self._hits % PRUNE_EVERY == 0:
            self._prune()
        for _ in range(3):  # two workers may insert the same new key at once
            try:
                return self._increment(key, window_start)
            except IntegrityError:
                continue
        return 1

    def _increment(self, key: str, window_start: int) -> int:
        # One UPDATE ... RETURNING reads and writes at once: SQLite ignores SELECT ... FOR UPDATE, and
        # a read-then-write there lost hits when workers counted the same key together.
        same_window = RateCounter.window_start == window_start
        statement = (update(RateCounter).where(RateCounter.key == key)
                     .values(count=case((same_window, RateCounter.count + 1), else_=1), window_start=window_start)
                     .returning(RateCounter.count))
        with self._db.session() as session:
            count = session.execute(statement).scalar_one_or_none()
            if count is None:
                session.add(RateCounter(key=key, window_start=window_start, count=1))
                return 1
            return int(count)

    def _prune(self) -> None:
        with self._db.session() as session:
            session.execute(delete(RateCounter).where(RateCounter.window_start < time.time() - KEEP_S))
