"""Shared fixtures for the render tests: the good fixture bank's questions."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.bank import load_bank
from app.core.models import Question

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(scope="session")
def good() -> dict[str, Question]:
    """The good bank's questions by id."""
    load = load_bank([FIXTURES / "good_bank"])
    assert not load.errors
    return dict(load.by_id)
