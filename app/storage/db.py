"""Open the SQLite database: refuse newer or corrupt files untouched, upgrade older ones, then an Engine."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import create_engine

from app.storage.schema import LATEST_VERSION, STEPS


class DatabaseError(Exception):
    """The database cannot be used; the message says why and names the file."""


class NewerDatabaseError(DatabaseError):
    """The file was written by a newer MockExam; it is left untouched."""

    def __init__(self, path: Path, version: int) -> None:
        super().__init__(
            f"{path} was written by a newer version of MockExam (schema {version}; this version knows up to "
            f"{LATEST_VERSION}). It was not changed. Update MockExam to open it."
        )
        self.path = path
        self.version = version


class CorruptDatabaseError(DatabaseError):
    """The file is not a readable SQLite database, or fails its integrity check."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(f"{path} is damaged or not a MockExam database ({detail}). It was not changed.")
        self.path = path


def schema_version(path: Path) -> int:
    """The database's user_version, read without changing the file (0 when it does not exist)."""
    if not path.exists():
        return 0
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            status = str(conn.execute("PRAGMA quick_check").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        raise CorruptDatabaseError(path, str(exc)) from exc
    if status != "ok":
        raise CorruptDatabaseError(path, f"integrity check: {status}")
    return version


def upgrade(path: Path, target: int = LATEST_VERSION) -> int:
    """Apply the schema steps the file lacks, each in one transaction; returns the new version."""
    current = schema_version(path)
    if current > LATEST_VERSION:
        raise NewerDatabaseError(path, current)
    if current >= target:
        return current
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        for version in range(current + 1, target + 1):
            conn.execute("BEGIN IMMEDIATE")
            try:
                for statement in STEPS[version - 1]:
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {version}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
    finally:
        conn.close()
    return target


def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA synchronous=FULL")  # an answer confirmed saved survives a crash
    cursor.close()


def open_database(path: Path) -> Engine:
    """Check, upgrade and open the database at `path`; raises DatabaseError subclasses with clear messages."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        upgrade(path)
    except sqlite3.OperationalError as exc:
        raise DatabaseError(f"cannot open or upgrade {path}: {exc}") from exc
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _set_pragmas)
    return engine
