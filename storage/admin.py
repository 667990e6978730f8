"""Admin users, their sign-in sessions, and the revision history of data/ edits."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text, delete, select
from sqlalchemy.orm import Mapped, mapped_column

from knowledge.editing.revisions import Change, Revision
from storage.db import Base, Database

ROLES = ("viewer", "editor", "admin")  # each role can do everything the ones before it can
_hasher = PasswordHasher()


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime) -> datetime:
    # SQLite returns naive datetimes; everything here is stored in UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class AdminUser(Base):
    __tablename__ = "admin_users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_utcnow)


class AdminSession(Base):
    __tablename__ = "admin_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)  # the cookie is never stored
    user_id: Mapped[int] = mapped_column(ForeignKey("admin_users.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class RevisionRow(Base):
    __tablename__ = "data_revisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_utcnow, index=True)
    author: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    target: Mapped[str] = mapped_column(String(200), index=True)
    action: Mapped[str] = mapped_column(String(16))
    file: Mapped[str] = mapped_column(String(200))
    before: Mapped[str] = mapped_column(Text)
    after: Mapped[str] = mapped_column(Text)


@dataclass(frozen=True)
class User:
    id: int
    username: str
    role: str
    active: bool

    def can(self, role: str) -> bool:
        return self.active and ROLES.index(self.role) >= ROLES.index(role)


@dataclass(frozen=True)
class SignedIn:
    user: User
    csrf_token: str


def _user(row: AdminUser) -> User:
    return User(row.id, row.username, row.role, row.active)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class AdminStore:
    def __init__(self, database: Database, *, session_hours: float = 8.0) -> None:
        self._db = database
        self._session_hours = session_hours
        tables = [AdminUser.__table__, AdminSession.__table__, RevisionRow.__table__]
        Base.metadata.create_all(database.engine, tables=tables)  # type: ignore[arg-type]

    # -- users -------------------------------------------------------------------------------
    def create_user(self, *, username: str, password: str, role: str) -> User:
        _check_role(role)
        if len(password) < 10:
            raise ValueError("パスワードは10文字以上にしてください")
        with self._db.session() as session:
            if session.scalar(select(AdminUser).where(AdminUser.username == username)) is not None:
                raise ValueError(f"ユーザー '{username}' はすでにあります")
            row = AdminUser(username=username, password_hash=_hasher.hash(password), role=role, active=True)
            session.add(row)
            session.flush()
            return _user(row)

    def users(self) -> list[User]:
        with self._db.session() as session:
            return [_user(row) for row in session.scalars(select(AdminUser).order_by(AdminUser.username))]

    def update_user(self, username: str, *, role: str | None = None, active: bool | None = None,
                    password: str | None = None) -> User:
        with self._db.session() as session:
            row = session.scalar(select(AdminUser).where(AdminUser.username == username))
            if row is None:
                raise KeyError(username)
            if role is not None:
                _check_role(role)
                row.role = role
            if active is not None:
                row.active = active
            if password is not None:
                row.password_hash = _hasher.hash(password)
            if active is False or password is not None:
                session.execute(delete(AdminSession).where(AdminSession.user_id == row.id))
            return _user(row)

    def authenticate(self, username: str, password: str) -> User | None:
        with self._db.session() as session:
            row = session.scalar(select(AdminUser).where(AdminUser.username == username))
            if row is None or not row.active:
                _hasher.hash(password)  # same time whether or not the user exists
                return None
            try:
                _hasher.verify(row.password_hash, password)
            except (VerificationError, InvalidHashError):
                return None
            if _hasher.check_needs_rehash(row.password_hash):
                row.password_hash = _hasher.hash(password)
            return _user(row)

    # -- sessions ----------------------------------------------------------------------------
    def start_session(self, user: User) -> tuple[str, str]:
        """(cookie token, CSRF token) for a new sign-in."""
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        expires = _utcnow() + timedelta(hours=self._session_hours)
        with self._db.session() as session:
            session.add(AdminSession(token_hash=_digest(token), user_id=user.id, csrf_token=csrf, expires_at=expires))
        return token, csrf

    def session_user(self, token: str) -> SignedIn | None:
        with self._db.session() as session:
            row = session.get(AdminSession, _digest(token))
            if row is None or _aware(row.expires_at) < _utcnow():
                return None
            user = session.get(AdminUser, row.user_id)
            if user is None or not user.active:
                return None
            return SignedIn(_user(user), row.csrf_token)

    def end_session(self, token: str) -> None:
        with self._db.session() as session:
            session.execute(delete(AdminSession).where(AdminSession.token_hash == _digest(token)))

    def purge_sessions(self) -> int:
        with self._db.session() as session:
            result = session.execute(delete(AdminSession).where(AdminSession.expires_at < _utcnow()))
            return int(getattr(result, "rowcount", 0) or 0)


class RevisionStore:
    """The writer's RevisionLog on the app database."""

    def __init__(self, database: Database) -> None:
        self._db = database
        Base.metadata.create_all(database.engine, tables=[RevisionRow.__table__])  # type: ignore[list-item]

    def add(self, change: Change) -> int:
        with self._db.session() as session:
            row = RevisionRow(author=change.author, kind=change.kind, target=change.target, action=change.action,
                              file=change.file, before=change.before, after=change.after)
            session.add(row)
            session.flush()
            return row.id

    def get(self, revision_id: int) -> Revision | None:
        with self._db.session() as session:
            row = session.get(RevisionRow, revision_id)
            return _revision(row) if row is not None else None

    def history(self, *, target: str | None = None, limit: int = 50) -> list[Revision]:
        query = select(RevisionRow).order_by(RevisionRow.id.desc()).limit(limit)
        if target is not None:
            query = query.where(RevisionRow.target == target)
        with self._db.session() as session:
            return [_revision(row) for row in session.scalars(query)]


def _revision(row: RevisionRow) -> Revision:
    change = Change(row.kind, row.target, row.action, row.file, row.before, row.after, row.author)
    return Revision(row.id, _aware(row.created_at), change)


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise ValueError(f"役割は {', '.join(ROLES)} のどれかです（'{role}' は使えません）")
