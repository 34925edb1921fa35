"""Shared test set-up: Qt offscreen, and a throw-away MockExam data dir for every test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIXTURES = Path(__file__).parent / "fixtures"
REPO_ROOT = Path(__file__).parent.parent


@pytest.fixture(autouse=True)
def mockexam_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own MOCKEXAM_HOME; the real user data dir is never touched."""
    home = tmp_path / "mockexam-home"
    monkeypatch.setenv("MOCKEXAM_HOME", str(home))
    return home


@pytest.fixture
def good_bank() -> Path:
    """A bank with one valid question of every type."""
    return FIXTURES / "good_bank"


@pytest.fixture
def broken_bank() -> Path:
    """A bank with one file per kind of error, and one good file."""
    return FIXTURES / "broken_bank"
