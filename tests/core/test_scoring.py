"""Grading responses: the key scores full marks, text and output normalisation, and scoring invariants."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.models import Blueprint, Exam, OrderCredit, Question, QuestionType, is_empty
from app.core.scoring import (
    ScoringRules,
    blank_matches,
    grade,
    grade_exam,
    key_response,
    normalize_output,
    normalize_text,
)

GOOD_IDS = ["fx-single", "fx-multiple", "fx-truefalse", "fx-fill", "fx-order", "fx-match", "fx-output"]
ALL_IDS = [*GOOD_IDS, "fx-open"]


@pytest.mark.parametrize("qid", GOOD_IDS)
def test_key_response_earns_full_marks(good, qid: str) -> None:
    question = good[qid]
    mark = grade(question, key_response(question))
    assert not mark.pending
    assert mark.score == mark.max_score == question.points
    assert mark.correct


def test_key_response_of_fill_skips_a_leading_regex(good) -> None:
    question = dataclasses.replace(
        good["fx-fill"], blanks=((r"re:\d+", "256"), ("re:runq.*slow", "runqputslow"))
    )
    assert key_response(question) == ["256", "runqputslow"]
    assert grade(question, key_response(question)).correct


def test_open_question_waits_for_self_grading(good) -> None:
    question = good["fx-open"]
    assert key_response(question) is None
    mark = grade(question, "P 持有本地运行队列")
    assert mark.pending
    assert mark.score == 0.0
    assert not mark.correct


@pytest.mark.parametrize(
    ("qid", "wrong"),
    [
        ("fx-single", "A"),
        ("fx-multiple", ["A"]),
        ("fx-multiple", ["A", "B", "C"]),
        ("fx-truefalse", True),
        ("fx-order", [1, 0, 2]),
        ("fx-output", "[3, 1, 2]"),
    ],
)
def test_wrong_response_scores_zero(good, qid: str, wrong) -> None:
    mark = grade(good[qid], wrong, ScoringRules(order_credit=OrderCredit.ALL))
    assert (mark.score, mark.pending, mark.correct) == (0.0, False, False)


def test_partial_credit_for_fill_and_match(good) -> None:
    assert grade(good["fx-fill"], ["256", "wrong"]).score == 0.5
    match = good["fx-match"]
    response = {p.left: p.right for p in match.pairs}
    response["mheap"] = match.distractors[0]
    assert grade(match, response).score == pytest.approx(2 / 3, abs=1e-4)


def test_points_weight_the_score(good) -> None:
    question = dataclasses.replace(good["fx-fill"], points=3.0)
    assert grade(question, ["256", ""]).score == 1.5
    assert grade(question, key_response(question)).max_score == 3.0


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("（A， B）", "(a, b)"),
        ("ＡＢＣ１２３", "abc123"),
        ("  Hello \t  World\n", "hello world"),
        ("ＧＯＭＡＸＰＲＯＣＳ：　４", "gomaxprocs: 4"),
        ("Straße", "strasse"),
    ],
)
def test_normalize_text_folds_width_case_and_space(given: str, expected: str) -> None:
    assert normalize_text(given) == expected


@pytest.mark.parametrize(
    ("given", "hit"),
    [
        ("256", True),
        ("  256 ", True),
        ("２５６", True),
        ("2560", False),
    ],
)
def test_fill_plain_alternative(good, given: str, hit: bool) -> None:
    assert blank_matches(given, good["fx-fill"].blanks[0]) is hit


@pytest.mark.parametrize(
    ("given", "hit"),
    [
        ("runqputslow", True),
        ("RUNTIME.runqputslow", True),
        ("runtime.runqputslow()", True),  # only the re: alternative accepts the call form
        ("Runtime.RunqPutSlow()", True),
        ("runtimeXrunqputslow()", False),  # the regex's \. is a literal dot
        ("runtime.runqputslow() extra", False),  # the regex must match the whole answer
        ("runqget", False),
    ],
)
def test_fill_regex_alternative(good, given: str, hit: bool) -> None:
    assert blank_matches(given, good["fx-fill"].blanks[1]) is hit


@pytest.mark.parametrize(
    "given",
    ["[1, 2, 3]", "[1, 2, 3]\n", "[1, 2, 3]   \r\n", "\n[1, 2, 3]\r\n\r\n", "[1, 2, 3]\t"],
)
def test_output_ignores_line_endings_and_trailing_space(good, given: str) -> None:
    assert grade(good["fx-output"], given).score == 1.0


@pytest.mark.parametrize("given", ["[1,2,3]", " [1, 2, 3]", "[1, 2, 3]\n[4]"])
def test_output_is_otherwise_exact(good, given: str) -> None:
    assert grade(good["fx-output"], given).score == 0.0


def test_normalize_output_unifies_crlf_and_drops_trailing_space() -> None:
    assert normalize_output("a  \r\nb\t\rc\n\n") == "a\nb\nc"
    assert normalize_output("  indented\n") == "  indented"


def test_grade_exam_counts_unanswered_as_zero(good) -> None:
    questions = tuple(good[qid] for qid in ALL_IDS)
    exam = Exam(Blueprint("all", len(questions), None, types=frozenset(QuestionType)), 1, questions)
    responses = {
        q.id: "我的回答" if q.type is QuestionType.OPEN else key_response(q)
        for q in questions
        if q.id != "fx-single"
    }
    result = grade_exam(exam, responses)
    assert [m.question_id for m in result.marks] == ALL_IDS
    assert result.max_score == 8.0
    assert result.score == 6.0  # single unanswered, open pending
    assert [m.question_id for m in result.marks if m.pending] == ["fx-open"]


# --- properties -----------------------------------------------------------------------------------

json_scalars = st.none() | st.booleans() | st.text(max_size=8)
responses = (
    json_scalars
    | st.lists(st.text(max_size=8), max_size=4)
    | st.lists(st.integers(-2, 5), max_size=4)
    | st.dictionaries(st.text(max_size=8), st.text(max_size=8), max_size=4)
)


def _own_response(question: Question, data: st.DataObject):
    """A response made only of the question's own key material (option keys, items, pairs, outputs)."""
    match question.type:
        case QuestionType.SINGLE:
            return data.draw(st.sampled_from([c.key for c in question.choices]))
        case QuestionType.MULTIPLE:
            keys = [c.key for c in question.choices]
            return data.draw(st.lists(st.sampled_from(keys), max_size=len(keys) + 1))
        case QuestionType.TRUEFALSE:
            return data.draw(st.booleans())
        case QuestionType.FILL:
            alternatives = [a for alts in question.blanks for a in alts]
            return data.draw(st.lists(st.sampled_from(alternatives), max_size=len(question.blanks) + 1))
        case QuestionType.ORDER:
            order = data.draw(st.permutations(range(len(question.order_items))))
            return list(order)[: data.draw(st.integers(0, len(order)))]
        case QuestionType.MATCH:
            rights = [p.right for p in question.pairs] + list(question.distractors)
            lefts = [p.left for p in question.pairs]
            return data.draw(st.dictionaries(st.sampled_from(lefts), st.sampled_from(rights)))
        case QuestionType.OUTPUT:
            return data.draw(st.sampled_from(question.outputs) | st.text(max_size=10))
    return data.draw(st.text(max_size=10))


@settings(max_examples=100, deadline=None)
@given(data=st.data(), qid=st.sampled_from(ALL_IDS), points=st.sampled_from([0.5, 1.0, 2.0, 3.5]))
def test_score_of_a_response_from_own_keys_is_within_bounds(
    good, data: st.DataObject, qid: str, points: float
) -> None:
    question = dataclasses.replace(good[qid], points=points)
    response = _own_response(question, data)
    mark = grade(question, response)
    assert 0.0 <= mark.score <= question.points
    assert mark.max_score == points
    assert mark.pending is (question.type is QuestionType.OPEN and not is_empty(response))


@settings(max_examples=100, deadline=None)
@given(qid=st.sampled_from(ALL_IDS), response=responses)
def test_any_json_response_scores_within_bounds(good, qid: str, response) -> None:
    question = good[qid]
    mark = grade(question, response)
    assert 0.0 <= mark.score <= question.points
    assert mark.pending is (question.type is QuestionType.OPEN and not is_empty(response))


@settings(max_examples=100, deadline=None)
@given(picked=st.lists(st.sampled_from(["A", "B", "C"]), unique=True), data=st.data())
def test_order_of_a_multiple_choice_response_never_matters(
    good, picked: list[str], data: st.DataObject
) -> None:
    question = good["fx-multiple"]
    shuffled = data.draw(st.permutations(picked))
    assert grade(question, list(shuffled)) == grade(question, picked)
    assert grade(question, picked).correct is (sorted(picked) == ["A", "C"])


@pytest.mark.parametrize("qid", ALL_IDS)
@pytest.mark.parametrize("empty", [None, "", [], {}])
def test_empty_response_scores_zero_even_for_open(good, qid: str, empty) -> None:
    mark = grade(good[qid], empty)
    assert mark.score == 0.0
    assert not mark.pending


def test_slash_delimited_path_is_a_literal_answer_not_a_regex() -> None:
    accepted = ("/var/run/secrets/kubernetes.io/serviceaccount/", "re:/var/run/secrets/.+")
    assert blank_matches("/var/run/secrets/kubernetes.io/serviceaccount/", accepted[:1])
    assert not blank_matches("/var/run/secretsXkubernetes.io/serviceaccount/", accepted[:1])
    assert blank_matches("/var/run/secrets/anything", accepted)
