"""Assembly properties: exact weighted quotas, no duplicates, seeded determinism, policies respected."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.assembly import (
    BankTooSmallError,
    History,
    QuestionStats,
    allocate,
    assemble,
    largest_remainder,
)
from app.core.models import Blueprint, Policy, Question, QuestionId, QuestionType

TOPICS = ["go", "k8s", "redis", "net"]


def _bank(sizes: dict[str, int]) -> list[Question]:
    return [
        Question(
            id=QuestionId(f"{topic}-{i:03d}"),
            type=QuestionType.SINGLE,
            topic=topic,
            stem="s",
            explanation="e",
            difficulty=1 + i % 5,
        )
        for topic, size in sizes.items()
        for i in range(size)
    ]


sizes_strategy = st.fixed_dictionaries({t: st.integers(0, 30) for t in TOPICS})
weights_strategy = st.fixed_dictionaries({t: st.sampled_from([0, 0.5, 1, 2, 3]) for t in TOPICS})


@given(total=st.integers(0, 200), weights=weights_strategy)
def test_largest_remainder_sums_exactly_and_stays_within_one_of_the_exact_share(total, weights) -> None:
    shares = largest_remainder(total, weights)
    weight_sum = sum(weights.values())
    if weight_sum == 0:
        assert sum(shares.values()) == 0
        return
    assert sum(shares.values()) == total
    for key, weight in weights.items():
        exact = total * weight / weight_sum
        assert math.floor(exact) <= shares[key] <= math.ceil(exact)


@given(sizes=sizes_strategy, weights=weights_strategy, count=st.integers(1, 60))
def test_allocate_respects_capacity_and_weights(sizes, weights, count) -> None:
    capacity = dict(sizes)
    usable = sum(capacity[t] for t in TOPICS if weights[t] > 0)
    if usable < count:
        with pytest.raises(BankTooSmallError):
            allocate(count, weights, capacity)
        return
    quotas = allocate(count, weights, capacity)
    assert sum(quotas.values()) == count
    assert all(0 <= quotas[t] <= capacity[t] for t in TOPICS)
    assert all(quotas[t] == 0 for t in TOPICS if weights[t] == 0)
    ideal = largest_remainder(count, weights)
    if all(ideal[t] <= capacity[t] for t in TOPICS):
        assert quotas == ideal  # exact where the bank allows
    else:
        for t in TOPICS:  # a topic that is not full got at least its floor share
            if weights[t] > 0 and quotas[t] < capacity[t]:
                assert quotas[t] >= math.floor(count * weights[t] / sum(weights.values()))


@settings(max_examples=60)
@given(sizes=sizes_strategy, weights=weights_strategy, count=st.integers(1, 40), seed=st.integers(0, 2**31))
def test_weighted_exam_has_the_quotas_no_duplicates_and_is_reproducible(sizes, weights, count, seed) -> None:
    bank = _bank(sizes)
    blueprint = Blueprint("w", count, None, weights=tuple(weights.items()))
    if sum(sizes[t] for t in TOPICS if weights[t] > 0) < count:
        with pytest.raises(BankTooSmallError) as info:
            assemble(bank, blueprint, seed)
        assert info.value.requested == count
        return
    exam = assemble(bank, blueprint, seed)
    ids = [q.id for q in exam.questions]
    assert len(ids) == len(set(ids)) == count
    drawn = {t: sum(q.topic == t for q in exam.questions) for t in TOPICS}
    assert drawn == allocate(count, weights, sizes)
    assert [q.id for q in assemble(list(reversed(bank)), blueprint, seed).questions] == ids


@settings(max_examples=60)
@given(seen=st.sets(st.integers(0, 29)), count=st.integers(1, 30), seed=st.integers(0, 1000))
def test_unseen_policy_takes_every_unseen_question_before_any_seen_one(seen, count, seed) -> None:
    bank = _bank({"go": 30})
    history = History({bank[i].id: QuestionStats(seen=1, last_seen=float(i)) for i in seen})
    exam = assemble(bank, Blueprint("u", count, None, policy=Policy.UNSEEN), seed, history)
    drawn = {q.id for q in exam.questions}
    unseen = {q.id for i, q in enumerate(bank) if i not in seen}
    if count <= len(unseen):
        assert drawn <= unseen
    else:
        assert unseen <= drawn
        seen_drawn = sorted(int(q.split("-")[1]) for q in drawn - unseen)
        assert seen_drawn == sorted(seen)[: len(seen_drawn)]  # the least recently seen first


@given(book=st.sets(st.integers(0, 19), min_size=1), seed=st.integers(0, 1000))
def test_wrong_policy_draws_only_from_the_wrong_question_book(book, seed) -> None:
    bank = _bank({"go": 20})
    history = History({bank[i].id: QuestionStats(seen=1, in_wrong_book=i in book) for i in range(20)})
    exam = assemble(bank, Blueprint("w", 10, None, policy=Policy.WRONG), seed, history)
    assert {q.id for q in exam.questions} <= {bank[i].id for i in book}
    assert len(exam.questions) == min(10, len(book))


def test_wrong_policy_with_an_empty_book_is_a_clear_error() -> None:
    with pytest.raises(BankTooSmallError) as info:
        assemble(_bank({"go": 5}), Blueprint("w", 3, None, policy=Policy.WRONG), 1, History())
    assert (info.value.available, info.value.requested) == (0, 3)


def test_weakest_policy_gives_the_weak_topic_more_questions() -> None:
    bank = _bank({"go": 30, "k8s": 30})
    history = History(topic_accuracy={"go": 0.9, "k8s": 0.2})
    exam = assemble(bank, Blueprint("w", 20, None, policy=Policy.WEAKEST), 3, history)
    drawn = {t: sum(q.topic == t for q in exam.questions) for t in ("go", "k8s")}
    assert drawn == {"go": 2, "k8s": 18}  # weights 0.1 and 0.8 -> 2.2 and 17.8 of 20
