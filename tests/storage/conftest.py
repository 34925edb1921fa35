"""Shared fixtures for the storage tests: a fresh database file per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from app.storage.db import open_database


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where the test's database file lives (not created yet)."""
    return tmp_path / "data" / "mockexam.sqlite3"


@pytest.fixture
def engine(db_path: Path) -> Iterator[Engine]:
    """An engine on a new, fully migrated database file."""
    engine = open_database(db_path)
    yield engine
    engine.dispose()
