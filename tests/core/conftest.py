"""Shared fixtures for the core tests: the fixture banks and a writer for inline question files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.core.bank import BankLoad, load_bank
from app.core.models import Question

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(scope="session")
def good_bank_dir() -> Path:
    """The fixture bank with one valid question of each type."""
    return FIXTURES / "good_bank"


@pytest.fixture(scope="session")
def broken_bank_dir() -> Path:
    """The fixture bank with one file per kind of error, plus one good file."""
    return FIXTURES / "broken_bank"


@pytest.fixture(scope="session")
def good_load(good_bank_dir: Path) -> BankLoad:
    """The good bank, loaded once."""
    return load_bank([good_bank_dir])


@pytest.fixture(scope="session")
def good(good_load: BankLoad) -> dict[str, Question]:
    """The good bank's questions by id."""
    return dict(good_load.by_id)


class FakeClock:
    """A settable time source, called like time.time or time.monotonic."""

    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def wall() -> FakeClock:
    """A fake wall clock (epoch seconds)."""
    return FakeClock(1_700_000_000.0)


@pytest.fixture
def mono() -> FakeClock:
    """A fake monotonic clock."""
    return FakeClock(500.0)


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """Write text (or raw bytes) to a file under tmp_path and return its path."""

    def write(relative: str, content: str | bytes) -> Path:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write
