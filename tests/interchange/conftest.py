"""Fixtures for the import/export tests: the fixture bank and a sample of the shipped bank."""

from __future__ import annotations

from collections import defaultdict

import pytest
from interchange_support import GOOD_BANK, SAMPLE_SIZE

from app.core.bank import load_bank
from app.core.models import Question
from app.paths import shipped_bank_dir


@pytest.fixture(scope="session")
def good_questions() -> list[Question]:
    """One valid question of every type."""
    return load_bank([GOOD_BANK]).questions


@pytest.fixture(scope="session")
def shipped_sample() -> list[Question]:
    """About 100 shipped questions, spread evenly over the types and the bank."""
    by_type: dict[str, list[Question]] = defaultdict(list)
    for question in sorted(load_bank([shipped_bank_dir()]).questions, key=lambda q: q.id):
        by_type[question.type.value].append(question)
    share = SAMPLE_SIZE // len(by_type) + 1
    sample: list[Question] = []
    for questions in by_type.values():
        step = max(1, len(questions) // share)
        sample += questions[::step][:share]
    return sample[:SAMPLE_SIZE]
