"""Partial credit, numeric and width-folded fill-ins, self-grading, scaled scores, and their invariants."""

from __future__ import annotations

import dataclasses
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.models import Blueprint, Exam, OrderCredit, Question, QuestionType
from app.core.scoring import (
    ScoringRules,
    blank_matches,
    grade,
    grade_exam,
    key_response,
    longest_ordered_run,
    numeric_range,
    order_fraction,
    self_grade_fraction,
)

PARTIAL = ScoringRules(partial_credit=True)


@pytest.mark.parametrize(
    ("given_text", "accepted", "hit"),
    [
        ("a,b;c(d)", ("a，b；c（d）",), True),  # full-width punctuation in the key
        ("a，b；c（d）", ("a,b;c(d)",), True),  # ... or in the answer
        ("  Copy   On  Write ", ("copy on write",), True),
        ("3.145", ("3.14 ± 0.01",), True),
        ("3.13", ("3.14 ± 0.01",), True),
        ("3.16", ("3.14 ± 0.01",), False),
        ("3.14", ("3.14 +/- 0.01",), True),
        ("11", ("10..12",), True),
        ("12.0", ("10..12",), True),
        ("12.5", ("10..12",), False),
        ("９.５", ("9..10",), True),  # full-width digits
        ("10.750", ("10.75",), True),  # a plain number accepts the same value written differently
        ("1e1", ("10",), True),
        ("ten", ("10..12",), False),
        ("10..12", ("10..12",), True),  # the literal text still matches
        ("x", ("re:[",), False),  # a broken pattern matches nothing instead of raising
    ],
)
def test_fill_in_matching(given_text: str, accepted: tuple[str, ...], hit: bool) -> None:
    assert blank_matches(given_text, accepted) is hit


def test_numeric_range_forms() -> None:
    assert numeric_range("3.14 ± 0.01") is not None
    assert numeric_range("12..10") == numeric_range("10..12")
    assert numeric_range("runqputslow") is None
    assert numeric_range("re:\\d+") is None


@pytest.mark.parametrize(
    ("response", "credit", "expected"),
    [
        ([0, 1, 2, 3], OrderCredit.SUBSEQUENCE, 1.0),
        ([1, 0, 2, 3], OrderCredit.SUBSEQUENCE, 0.75),
        ([3, 2, 1, 0], OrderCredit.SUBSEQUENCE, 0.25),
        ([1, 0, 2, 3], OrderCredit.PAIRS, 5 / 6),
        ([3, 2, 1, 0], OrderCredit.PAIRS, 0.0),
        ([1, 0, 2, 3], OrderCredit.ALL, 0.0),
        ([0, 1, 2, 3], OrderCredit.ALL, 1.0),
        ([0, 0, 1], OrderCredit.SUBSEQUENCE, 0.5),  # a repeated item counts once
        ([0, 9, 1], OrderCredit.SUBSEQUENCE, 0.5),  # an unknown item is ignored
    ],
)
def test_order_credit(response: list[int], credit: OrderCredit, expected: float) -> None:
    assert order_fraction(response, 4, credit) == pytest.approx(expected)


def test_longest_ordered_run() -> None:
    assert longest_ordered_run([]) == 0
    assert longest_ordered_run([2, 0, 1, 3]) == 3


def test_self_grading_weights_the_ticked_key_points(good) -> None:
    question = good["fx-open"]  # key points weigh 2 and 1
    assert self_grade_fraction(question, ()) == 0.0
    assert self_grade_fraction(question, (0,)) == pytest.approx(2 / 3)
    assert self_grade_fraction(question, (1,)) == pytest.approx(1 / 3)
    assert self_grade_fraction(question, (1, 0, 0, 7)) == 1.0  # repeats and stray indexes ignored
    mark = grade(question, "P 持有本地运行队列", self_grade=(0,))
    assert not mark.pending
    assert mark.score == pytest.approx(2 / 3, abs=1e-4)


def test_pending_attempt_reports_a_score_range_and_scaled_score(good) -> None:
    questions = (good["fx-single"], good["fx-open"])
    blueprint = Blueprint("t", 2, None, pass_ratio=0.5, scale=(100.0, 1000.0))
    exam = Exam(blueprint, 1, questions)
    responses = {questions[0].id: key_response(questions[0]), questions[1].id: "我的回答"}
    pending = grade_exam(exam, responses)
    assert pending.pending_count == 1
    assert pending.score_range == (1.0, 2.0)
    assert pending.scaled == 550.0
    graded = grade_exam(exam, responses, {questions[1].id: (0, 1)})
    assert graded.pending_count == 0
    assert graded.score_range == (2.0, 2.0)
    assert graded.scaled == 1000.0
    assert graded.passed


# --- properties -----------------------------------------------------------------------------------


def _response_with_fill(question: Question, data: st.DataObject):
    match question.type:
        case QuestionType.SINGLE:
            return data.draw(st.none() | st.sampled_from([c.key for c in question.choices]))
        case QuestionType.MULTIPLE:
            return data.draw(st.lists(st.sampled_from([c.key for c in question.choices]), unique=True))
        case QuestionType.TRUEFALSE:
            return data.draw(st.none() | st.booleans())
        case QuestionType.FILL:
            alts = [a for blank in question.blanks for a in blank] + ["", "x"]
            return data.draw(st.lists(st.sampled_from(alts), max_size=len(question.blanks)))
        case QuestionType.ORDER:
            return list(data.draw(st.permutations(range(len(question.order_items)))))
        case QuestionType.MATCH:
            rights = [p.right for p in question.pairs] + list(question.distractors)
            return data.draw(
                st.dictionaries(st.sampled_from([p.left for p in question.pairs]), st.sampled_from(rights))
            )
        case QuestionType.OUTPUT:
            return data.draw(st.sampled_from([*question.outputs, "", "nope"]))
        case QuestionType.OPEN:
            return data.draw(st.text(max_size=6))
    return None


ALL_IDS = [
    "fx-single",
    "fx-multiple",
    "fx-truefalse",
    "fx-fill",
    "fx-order",
    "fx-match",
    "fx-output",
    "fx-open",
]
RULES = st.builds(ScoringRules, st.booleans(), st.sampled_from(list(OrderCredit)))


@settings(max_examples=200, deadline=None)
@given(data=st.data(), qid=st.sampled_from(ALL_IDS), rules=RULES)
def test_every_score_lies_between_zero_and_max(
    good, data: st.DataObject, qid: str, rules: ScoringRules
) -> None:
    question = dataclasses.replace(good[qid], points=data.draw(st.sampled_from([0.5, 1.0, 3.0])))
    ticks = data.draw(st.none() | st.lists(st.integers(-1, 3)).map(tuple))
    mark = grade(question, _response_with_fill(question, data), rules, ticks)
    assert 0.0 <= mark.score <= mark.max_score == question.points


@settings(max_examples=50, deadline=None)
@given(qid=st.sampled_from(ALL_IDS), rules=RULES)
def test_all_correct_gives_max_and_empty_gives_zero(good, qid: str, rules: ScoringRules) -> None:
    question = good[qid]
    ticks = tuple(range(len(question.key_points)))
    response = "完整的回答" if question.type is QuestionType.OPEN else key_response(question)
    best = grade(question, response, rules, ticks)
    assert best.score == best.max_score
    assert best.correct
    for empty in (None, "", [], {}):
        assert grade(question, empty, rules, ticks).score == 0.0


@settings(max_examples=100, deadline=None)
@given(data=st.data(), qid=st.sampled_from(ALL_IDS), rules=RULES)
def test_option_shuffles_never_change_a_score(
    good, data: st.DataObject, qid: str, rules: ScoringRules
) -> None:
    """Responses are stored by file key, so the displayed (shuffled) order cannot affect the grade."""
    question = good[qid]
    response = _response_with_fill(question, data)
    shuffled_choices = dataclasses.replace(
        question, choices=tuple(data.draw(st.permutations(question.choices)))
    )
    assert grade(shuffled_choices, response, rules) == grade(question, response, rules)


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_partial_credit_is_monotonic_in_right_picks(good, data: st.DataObject) -> None:
    question = good["fx-multiple"]
    correct = list(question.correct_keys)
    wrong = [c.key for c in question.choices if not c.correct]
    picked_wrong = data.draw(st.lists(st.sampled_from(wrong), unique=True))
    scores = [grade(question, picked_wrong + correct[:n], PARTIAL).score for n in range(len(correct) + 1)]
    assert scores == sorted(scores)
    assert grade(question, correct, PARTIAL).score == question.points


@settings(max_examples=100, deadline=None)
@given(size=st.integers(2, 7), data=st.data(), credit=st.sampled_from(list(OrderCredit)))
def test_order_credit_bounds_and_identity(size: int, data: st.DataObject, credit: OrderCredit) -> None:
    order = list(data.draw(st.permutations(range(size))))
    fraction = order_fraction(order, size, credit)
    assert 0.0 <= fraction <= 1.0
    assert (fraction == 1.0) is (order == list(range(size)))


def test_order_subsequence_credit_over_every_permutation_of_four() -> None:
    values = {order_fraction(list(p), 4, OrderCredit.SUBSEQUENCE) for p in itertools.permutations(range(4))}
    assert values == {0.25, 0.5, 0.75, 1.0}
