"""Draw an exam from a bank according to a blueprint, reproducibly from a seed."""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from app.core.models import Blueprint, Exam, Policy, Question, QuestionId

UNKNOWN_ACCURACY = 0.5
MIN_WEAKNESS = 0.1


class BankTooSmallError(ValueError):
    """The bank holds fewer eligible questions than the blueprint asks for."""

    def __init__(self, available: int, requested: int) -> None:
        super().__init__(f"the bank has {available} eligible questions, the exam asks for {requested}")
        self.available = available
        self.requested = requested


@dataclass(frozen=True)
class QuestionStats:
    """What earlier attempts say about one question."""

    seen: int = 0
    last_seen: float = 0.0
    in_wrong_book: bool = False
    graded: int = 0  # answers graded right or wrong (pending self-grades excluded)
    correct: int = 0
    last_correct: bool | None = None


@dataclass(frozen=True)
class History:
    """Per-question stats and per-topic recent accuracy (0..1), for the selection policies."""

    questions: Mapping[QuestionId, QuestionStats] = field(default_factory=dict)
    topic_accuracy: Mapping[str, float] = field(default_factory=dict)


def eligible(
    questions: Iterable[Question], blueprint: Blueprint, history: History | None = None
) -> list[Question]:
    """Questions the blueprint may draw, sorted by id: type, topic, tags, difficulty and policy filters."""
    topics = blueprint.topic_filter
    tags = set(blueprint.tags)
    low, high = blueprint.difficulty
    stats = history.questions if history else {}
    return sorted(
        (
            q
            for q in questions
            if q.type in blueprint.types
            and (not topics or q.topic in topics)
            and (not tags or tags.intersection(q.tags))
            and low <= q.difficulty <= high
            and (blueprint.policy is not Policy.WRONG or (q.id in stats and stats[q.id].in_wrong_book))
        ),
        key=lambda q: q.id,
    )


def largest_remainder(total: int, weights: Mapping[str, float]) -> dict[str, int]:
    """Split `total` by `weights`: floors first, the rest to the largest fractions (ties by key)."""
    positive = {k: w for k, w in weights.items() if w > 0}
    if not positive or total <= 0:
        return dict.fromkeys(weights, 0)
    weight_sum = sum(positive.values())
    exact = {k: total * w / weight_sum for k, w in positive.items()}
    shares = {k: int(v) for k, v in exact.items()}
    leftover = total - sum(shares.values())
    for key in sorted(exact, key=lambda k: (-(exact[k] - shares[k]), k))[:leftover]:
        shares[key] += 1
    return {k: shares.get(k, 0) for k in weights}


def allocate(total: int, weights: Mapping[str, float], capacity: Mapping[str, int]) -> dict[str, int]:
    """Quotas per key, close to the weights as capacity allows; a full key's excess goes to the others."""
    quotas = dict.fromkeys(weights, 0)
    remaining = total
    open_keys = {k for k, w in weights.items() if w > 0 and capacity.get(k, 0) > 0}
    while remaining > 0 and open_keys:
        shares = largest_remainder(remaining, {k: weights[k] for k in sorted(open_keys)})
        for key, share in shares.items():
            take = min(share, capacity[key] - quotas[key])
            quotas[key] += take
            remaining -= take
            if quotas[key] >= capacity[key]:
                open_keys.discard(key)
    if remaining > 0:
        available = sum(capacity.get(k, 0) for k, w in weights.items() if w > 0)
        raise BankTooSmallError(available, total)
    return quotas


def _topic_weights(
    blueprint: Blueprint, topics: Iterable[str], history: History | None
) -> dict[str, float] | None:
    weights = dict(blueprint.weights) if blueprint.weights else None
    if blueprint.policy is not Policy.WEAKEST:
        return weights
    accuracy = history.topic_accuracy if history else {}
    base = weights or dict.fromkeys(topics, 1.0)
    return {t: w * max(MIN_WEAKNESS, 1.0 - accuracy.get(t, UNKNOWN_ACCURACY)) for t, w in base.items()}


def _pick(
    pool: list[Question], k: int, blueprint: Blueprint, history: History | None, rng: random.Random
) -> list[Question]:
    if blueprint.policy is not Policy.UNSEEN:
        return rng.sample(pool, k)
    stats = history.questions if history else {}
    tie_breaks = {q.id: rng.random() for q in pool}

    def freshness(q: Question) -> tuple[bool, float, float]:
        seen = stats.get(q.id, QuestionStats())
        return (seen.seen > 0, seen.last_seen, tie_breaks[q.id])

    return sorted(pool, key=freshness)[:k]


def new_seed() -> int:
    """A fresh seed to draw an exam with; stored with the attempt so the draw can be repeated."""
    return random.SystemRandom().randrange(1, 2**31)


def assemble(
    questions: Iterable[Question], blueprint: Blueprint, seed: int, history: History | None = None
) -> Exam:
    """Draw `blueprint.count` distinct eligible questions; same seed, bank and history, same exam."""
    rng = random.Random(seed)
    pool = eligible(questions, blueprint, history)
    if blueprint.policy is Policy.WRONG and 0 < len(pool) < blueprint.count:
        blueprint = replace(blueprint, count=len(pool))  # drill the whole wrong-question book
    if blueprint.count < 1 or len(pool) < blueprint.count:
        raise BankTooSmallError(len(pool), blueprint.count)
    by_topic: dict[str, list[Question]] = {}
    for question in pool:
        by_topic.setdefault(question.topic, []).append(question)
    weights = _topic_weights(blueprint, sorted(by_topic), history)
    if weights is None:
        drawn = _pick(pool, blueprint.count, blueprint, history, rng)
    else:
        capacity = {t: len(by_topic.get(t, ())) for t in weights}
        quotas = allocate(blueprint.count, weights, capacity)
        drawn = [
            q for t in sorted(quotas) for q in _pick(by_topic.get(t, []), quotas[t], blueprint, history, rng)
        ]
    if blueprint.shuffle_questions:
        rng.shuffle(drawn)
    else:
        drawn.sort(key=lambda q: (q.topic, q.id))
    return Exam(blueprint=blueprint, seed=seed, questions=tuple(drawn))
