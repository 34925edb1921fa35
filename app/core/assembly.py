"""Draw an exam from a bank according to a blueprint, reproducibly from a seed."""

from __future__ import annotations

import random
from collections.abc import Iterable

from app.core.models import Blueprint, Exam, Question


class BankTooSmallError(ValueError):
    """The bank holds fewer eligible questions than the blueprint asks for."""

    def __init__(self, available: int, requested: int) -> None:
        super().__init__(f"the bank has {available} eligible questions, the exam asks for {requested}")
        self.available = available
        self.requested = requested


def eligible(questions: Iterable[Question], blueprint: Blueprint) -> list[Question]:
    """Questions of the blueprint's topics (all when none named) and types, sorted by id."""
    topics = set(blueprint.topics)
    return sorted(
        (q for q in questions if q.type in blueprint.types and (not topics or q.topic in topics)),
        key=lambda q: q.id,
    )


def new_seed() -> int:
    """A fresh seed to draw an exam with; stored with the attempt so the draw can be repeated."""
    return random.SystemRandom().randrange(1, 2**31)


def assemble(questions: Iterable[Question], blueprint: Blueprint, seed: int) -> Exam:
    """Sample `blueprint.count` distinct eligible questions; the same seed and bank give the same exam."""
    pool = eligible(questions, blueprint)
    if blueprint.count < 1:
        raise BankTooSmallError(len(pool), blueprint.count)
    if len(pool) < blueprint.count:
        raise BankTooSmallError(len(pool), blueprint.count)
    drawn = random.Random(seed).sample(pool, blueprint.count)
    return Exam(blueprint=blueprint, seed=seed, questions=tuple(drawn))
