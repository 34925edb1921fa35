"""Drawing exams from synthetic banks: count, eligibility, reproducibility from the seed, too-small banks."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.assembly import BankTooSmallError, assemble, eligible, new_seed
from app.core.models import Blueprint, Question, QuestionId, QuestionType

TOPICS = ["go", "k8s", "python"]


def _question(index: int, topic: str, qtype: QuestionType) -> Question:
    return Question(
        id=QuestionId(f"q{index:03d}"),
        type=qtype,
        topic=topic,
        stem=f"stem {index}",
        explanation="why",
        difficulty=1 + index % 5,
    )


banks = st.lists(st.tuples(st.sampled_from(TOPICS), st.sampled_from(list(QuestionType))), max_size=40).map(
    lambda specs: [_question(i, topic, qtype) for i, (topic, qtype) in enumerate(specs)]
)
blueprints = st.builds(
    lambda count, topics, types: Blueprint("bp", count, 600, topics=tuple(topics), types=frozenset(types)),
    st.integers(1, 15),
    st.lists(st.sampled_from(TOPICS), unique=True, max_size=2),
    st.sets(st.sampled_from(list(QuestionType)), min_size=1),
)
seeds = st.integers(0, 2**31)


def _is_eligible(question: Question, blueprint: Blueprint) -> bool:
    return question.type in blueprint.types and (not blueprint.topics or question.topic in blueprint.topics)


@settings(max_examples=100, deadline=None)
@given(bank=banks, blueprint=blueprints, seed=seeds)
def test_exam_has_count_distinct_eligible_questions(bank, blueprint: Blueprint, seed: int) -> None:
    available = sum(_is_eligible(q, blueprint) for q in bank)
    if available < blueprint.count:
        with pytest.raises(BankTooSmallError) as info:
            assemble(bank, blueprint, seed)
        assert (info.value.available, info.value.requested) == (available, blueprint.count)
        assert str(available) in str(info.value)
        return
    exam = assemble(bank, blueprint, seed)
    ids = [q.id for q in exam.questions]
    assert len(ids) == blueprint.count
    assert len(set(ids)) == blueprint.count
    assert all(_is_eligible(q, blueprint) for q in exam.questions)
    assert (exam.seed, exam.blueprint) == (seed, blueprint)


@settings(max_examples=100, deadline=None)
@given(bank=banks, blueprint=blueprints, seed=seeds, shuffle_seed=st.integers())
def test_same_seed_gives_the_same_exam_whatever_the_bank_order(
    bank, blueprint: Blueprint, seed: int, shuffle_seed: int
) -> None:
    if len(eligible(bank, blueprint)) < blueprint.count:
        return
    shuffled = list(bank)
    random.Random(shuffle_seed).shuffle(shuffled)
    assert assemble(bank, blueprint, seed) == assemble(shuffled, blueprint, seed)


def test_different_seeds_draw_different_exams() -> None:
    bank = [_question(i, "go", QuestionType.SINGLE) for i in range(30)]
    blueprint = Blueprint("bp", 5, None)
    draws = {tuple(q.id for q in assemble(bank, blueprint, seed).questions) for seed in range(20)}
    assert len(draws) > 10


def test_eligible_filters_by_topic_and_type_and_sorts_by_id() -> None:
    bank = [
        _question(3, "go", QuestionType.SINGLE),
        _question(1, "go", QuestionType.OPEN),
        _question(2, "k8s", QuestionType.MULTIPLE),
        _question(0, "go", QuestionType.TRUEFALSE),
    ]
    choice_types = frozenset({QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.TRUEFALSE})
    blueprint = Blueprint("bp", 1, None, topics=("go",), types=choice_types)
    assert [q.id for q in eligible(bank, blueprint)] == ["q000", "q003"]
    everything = Blueprint("bp", 1, None, types=frozenset(QuestionType))
    assert [q.id for q in eligible(bank, everything)] == ["q000", "q001", "q002", "q003"]


def test_too_small_bank_reports_available_and_requested() -> None:
    bank = [_question(i, "go", QuestionType.SINGLE) for i in range(3)] + [
        _question(9, "go", QuestionType.OPEN)
    ]
    with pytest.raises(BankTooSmallError) as info:
        assemble(bank, Blueprint("bp", 4, None, types=frozenset({QuestionType.SINGLE})), seed=1)
    assert (info.value.available, info.value.requested) == (3, 4)


def test_new_seed_is_a_positive_31_bit_int() -> None:
    seed_values = {new_seed() for _ in range(20)}
    assert all(1 <= s < 2**31 for s in seed_values)
    assert len(seed_values) > 1
