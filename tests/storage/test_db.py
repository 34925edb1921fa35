"""Opening the database: pragmas, the migration ladder against the table classes, upgrades and refusals."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

from app.storage import tables
from app.storage.db import (
    CorruptDatabaseError,
    DatabaseError,
    NewerDatabaseError,
    open_database,
    schema_version,
    upgrade,
)
from app.storage.schema import LATEST_VERSION, STEPS

TABLE_ROWS = (tables.QuestionIndexRow, tables.AttemptRow, tables.AnswerRow, tables.QuestionVersionRow)


def _pragma(engine: Engine, name: str) -> object:
    with engine.connect() as conn:
        return conn.execute(text(f"PRAGMA {name}")).scalar()


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_new_database_is_at_the_latest_version_with_wal_and_foreign_keys(
    engine: Engine, db_path: Path
) -> None:
    assert LATEST_VERSION == len(STEPS) >= 2
    assert _pragma(engine, "user_version") == LATEST_VERSION
    assert _pragma(engine, "journal_mode") == "wal"
    assert _pragma(engine, "foreign_keys") == 1
    assert _pragma(engine, "busy_timeout") == 5000
    assert schema_version(db_path) == LATEST_VERSION


def test_foreign_keys_are_enforced(engine: Engine) -> None:
    with engine.begin() as conn, pytest.raises(Exception, match="FOREIGN KEY"):
        conn.execute(
            text(
                "INSERT INTO answer (attempt_id, question_id, content_hash, response, changed_at) "
                "VALUES (42, 'q', 'h', 'null', 0)"
            )
        )


def test_migrated_schema_matches_the_table_classes(engine: Engine, db_path: Path) -> None:
    with closing(sqlite3.connect(db_path)) as conn:
        db_tables = {
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        }
        assert db_tables == {row.__tablename__ for row in TABLE_ROWS}
        for row in TABLE_ROWS:
            table = SQLModel.metadata.tables[row.__tablename__]
            info = conn.execute(f"PRAGMA table_info({table.name})").fetchall()
            assert [c[1] for c in info] == [c.name for c in table.columns], table.name
            assert {c[1] for c in info if c[5]} == {c.name for c in table.primary_key.columns}, table.name
            db_nullable = {c[1] for c in info if not c[3] and not c[5]}
            model_nullable = {c.name for c in table.columns if c.nullable and not c.primary_key}
            assert db_nullable == model_nullable, table.name
            db_fks = {
                (fk[3], f"{fk[2]}.{fk[4]}") for fk in conn.execute(f"PRAGMA foreign_key_list({table.name})")
            }
            model_fks = {(c.name, fk.target_fullname) for c in table.columns for fk in c.foreign_keys}
            assert db_fks == model_fks, table.name


def test_upgrade_from_version_1_keeps_rows_and_adds_v2_columns(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    assert upgrade(db_path, target=1) == 1
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert "mode" not in {c[1] for c in conn.execute("PRAGMA table_info(attempt)")}
        conn.execute(
            "INSERT INTO attempt (blueprint, seed, question_ids, started_at, deadline, finished_at, score,"
            " max_score) VALUES (?, 7, '[\"q1\"]', 1000.0, 1600.0, 1500.0, 1.0, 1.0)",
            ('{"name": "old", "count": 1, "duration_s": 600, "topics": [], "types": ["single"]}',),
        )
        conn.execute(
            "INSERT INTO answer (attempt_id, question_id, content_hash, response, changed_at)"
            " VALUES (1, 'q1', 'abc', '\"B\"', 1100.0)"
        )
        conn.execute(
            "INSERT INTO question_index (id, path, content_hash, topic, type, difficulty, indexed_at)"
            " VALUES ('q1', 'go/q1.md', 'abc', 'go', 'single', 2, 900.0)"
        )
        conn.commit()

    engine = open_database(db_path)
    try:
        assert _pragma(engine, "user_version") == LATEST_VERSION
        with engine.connect() as conn:
            assert conn.execute(text("SELECT id, seed, mode, score FROM attempt")).all() == [
                (1, 7, "exam", 1.0)
            ]
            assert conn.execute(text("SELECT question_id, response, time_spent_ms FROM answer")).all() == [
                ("q1", '"B"', 0)
            ]
            assert conn.execute(text("SELECT id, tags, facts FROM question_index")).all() == [
                ("q1", "[]", "[]")
            ]
            indexes = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='index'"))}
            assert {"ix_answer_question", "ix_attempt_started"} <= indexes
    finally:
        engine.dispose()


def test_opening_twice_is_a_no_op(db_path: Path) -> None:
    open_database(db_path).dispose()
    assert upgrade(db_path) == LATEST_VERSION
    engine = open_database(db_path)
    assert _pragma(engine, "user_version") == LATEST_VERSION
    engine.dispose()


@pytest.mark.parametrize("journal_mode", ["delete", "wal"])
def test_newer_database_is_refused_and_left_untouched(tmp_path: Path, journal_mode: str) -> None:
    path = tmp_path / "newer.sqlite3"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(f"PRAGMA journal_mode={journal_mode}")
        conn.execute("CREATE TABLE future (x TEXT)")
        conn.execute("INSERT INTO future VALUES ('keep me')")
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
        conn.commit()
    before = _files(tmp_path)
    with pytest.raises(NewerDatabaseError) as info:
        open_database(path)
    assert info.value.version == LATEST_VERSION + 1
    assert str(path) in str(info.value)
    assert isinstance(info.value, DatabaseError)
    after = _files(tmp_path)
    assert {name: after[name] for name in before} == before
    # a read-only look at a WAL database may leave SQLite's empty side files, never content
    extra = set(after) - set(before)
    assert extra <= {f"{path.name}-wal", f"{path.name}-shm"}
    assert after.get(f"{path.name}-wal", b"") == b""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        assert conn.execute("SELECT x FROM future").fetchall() == [("keep me",)]


def _damaged_sqlite(path: Path) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE t (x TEXT)")
        conn.executemany("INSERT INTO t VALUES (?)", [("x" * 500,)] * 200)
        conn.commit()
    data = bytearray(path.read_bytes())
    data[4196 : 4096 * 3] = b"Z" * (4096 * 3 - 4196)  # the SQLite header survives, the pages do not
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("kind", ["garbage", "damaged-sqlite", "truncated-sqlite"])
def test_unreadable_file_is_refused_as_corrupt_and_left_untouched(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "bad.sqlite3"
    if kind == "garbage":
        path.write_bytes(b"this is not a database, just some bytes\n" * 200)
    else:
        _damaged_sqlite(path)
        if kind == "truncated-sqlite":
            path.write_bytes(path.read_bytes()[:5000])
    before = _files(tmp_path)
    with pytest.raises(CorruptDatabaseError) as info:
        open_database(path)
    assert str(path) in str(info.value)
    assert _files(tmp_path) == before
