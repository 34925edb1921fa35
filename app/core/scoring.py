"""Grade responses against a question's key; pure functions, no I/O."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from app.core.models import (
    Blueprint,
    Exam,
    Mark,
    OrderCredit,
    Question,
    QuestionId,
    QuestionType,
    Response,
    Result,
    SelfGrade,
    is_empty,
)

_SPACE = re.compile(r"\s+")
_NUM = r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?"
_NUMBER = re.compile(rf"^{_NUM}$")
_TOLERANCE = re.compile(rf"^({_NUM})\s*(?:±|\+/-|\+-)\s*({_NUM})$")
_RANGE = re.compile(rf"^({_NUM})\s*\.\.\s*({_NUM})$")


@dataclass(frozen=True)
class ScoringRules:
    """How partial answers earn credit, as a blueprint asks."""

    partial_credit: bool = False  # multiple choice: (right picks - wrong picks) / correct options, >= 0
    order_credit: OrderCredit = OrderCredit.SUBSEQUENCE

    @classmethod
    def of(cls, blueprint: Blueprint) -> ScoringRules:
        """The rules a blueprint sets."""
        return cls(blueprint.partial_credit, blueprint.order_credit)


def normalize_text(text: str) -> str:
    """Fold full-width forms (NFKC), case, and runs of white space, so '（A， B）' equals '(a, b)'."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def normalize_output(text: str) -> str:
    """Program output compared exactly, after unifying line endings and dropping trailing white space."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip("\n")


REGEX_PREFIX = "re:"


def regex_of(alternative: str) -> str | None:
    """The pattern of a fill-in alternative written `re:PATTERN`, or None for a literal answer."""
    return alternative[len(REGEX_PREFIX) :] if alternative.startswith(REGEX_PREFIX) else None


def parse_decimal(text: str) -> Decimal | None:
    """A finite decimal written plainly (`-1.5`, `.5`, `1e3`), or None; no surrounding space allowed."""
    if not _NUMBER.match(text):
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
        return None
    return value if value.is_finite() else None


def numeric_range(alternative: str) -> tuple[Decimal, Decimal] | None:
    """The closed range a numeric alternative accepts: `3.14 ± 0.01`, `10..12` or a plain number.

    None for an alternative that is not numeric (it is then compared as text).
    """
    text = unicodedata.normalize("NFKC", alternative).strip()
    if (exact := parse_decimal(text)) is not None:
        return exact, exact
    if match := _TOLERANCE.match(text):
        centre, tolerance = Decimal(match[1]), abs(Decimal(match[2]))
        return centre - tolerance, centre + tolerance
    if match := _RANGE.match(text):
        low, high = sorted((Decimal(match[1]), Decimal(match[2])))
        return low, high
    return None


def blank_matches(given: str, accepted: tuple[str, ...]) -> bool:
    """Whether a fill-in answer matches an accepted alternative.

    Text is compared after folding case, white space and full-width forms; `re:PATTERN` is a regex;
    numeric alternatives (`42`, `3.14 ± 0.01`, `10..12`) accept any number in their range.
    """
    value = normalize_text(given)
    number = parse_decimal(value.replace(" ", ""))
    for alt in accepted:
        pattern = regex_of(alt)
        if pattern is not None:
            try:
                if re.fullmatch(pattern, given.strip(), flags=re.IGNORECASE) or re.fullmatch(
                    pattern, value, flags=re.IGNORECASE
                ):
                    return True
            except re.error:
                continue  # the bank check reports it; a bad pattern simply matches nothing
        elif value == normalize_text(alt) or (
            number is not None and (bounds := numeric_range(alt)) and bounds[0] <= number <= bounds[1]
        ):
            return True
    return False


def longest_ordered_run(order: Sequence[int]) -> int:
    """The length of the longest subsequence of `order` that is strictly increasing."""
    tails: list[int] = []
    for value in order:
        position = bisect_left(tails, value)
        if position == len(tails):
            tails.append(value)
        else:
            tails[position] = value
    return len(tails)


def order_fraction(response: Sequence[int], size: int, credit: OrderCredit) -> float:
    """Credit for an ordering answer, where the correct order is 0, 1, ..., size-1."""
    order = list(dict.fromkeys(i for i in response if 0 <= i < size))  # known items, first place each
    if credit is OrderCredit.ALL or size <= 1:
        return float(list(response) == list(range(size)))
    if credit is OrderCredit.SUBSEQUENCE:
        return longest_ordered_run(order) / size
    in_order = sum(order[i] < order[j] for i in range(len(order)) for j in range(i + 1, len(order)))
    return in_order / (size * (size - 1) / 2)


def self_grade_fraction(question: Question, ticked: SelfGrade) -> float:
    """The share of an open question's key-point weight the user ticked as covered."""
    weights = [kp.weight for kp in question.key_points]
    total = sum(weights)
    if total <= 0:
        return 1.0 if ticked else 0.0
    return sum(weights[i] for i in set(ticked) if 0 <= i < len(weights)) / total


def fraction_correct(
    question: Question,
    response: Response,
    rules: ScoringRules = ScoringRules(),
    self_grade: SelfGrade | None = None,
) -> float | None:
    """The share of the question answered right, 0..1; None when an open answer awaits self-grading."""
    if is_empty(response):
        return 0.0
    match question.type:
        case QuestionType.SINGLE:
            return float(response == question.correct_keys[0])
        case QuestionType.MULTIPLE:
            picked = set(map(str, response)) if isinstance(response, list) else set()
            correct = set(question.correct_keys)
            if rules.partial_credit:
                return max(0.0, (len(picked & correct) - len(picked - correct)) / len(correct))
            return float(picked == correct)
        case QuestionType.TRUEFALSE:
            return float(response is question.truth)
        case QuestionType.FILL:
            given = response if isinstance(response, list) else []
            hits = sum(
                i < len(given) and blank_matches(str(given[i]), accepted)
                for i, accepted in enumerate(question.blanks)
            )
            return hits / len(question.blanks)
        case QuestionType.ORDER:
            indexes = [i for i in response if isinstance(i, int)] if isinstance(response, list) else []
            return order_fraction(indexes, len(question.order_items), rules.order_credit)
        case QuestionType.MATCH:
            chosen = response if isinstance(response, dict) else {}
            return sum(chosen.get(p.left) == p.right for p in question.pairs) / len(question.pairs)
        case QuestionType.OPEN:
            return None if self_grade is None else self_grade_fraction(question, self_grade)
        case QuestionType.OUTPUT:
            given_output = normalize_output(str(response))
            return float(any(given_output == normalize_output(o) for o in question.outputs))
    return 0.0  # pragma: no cover - every type is handled above


def grade(
    question: Question,
    response: Response,
    rules: ScoringRules = ScoringRules(),
    self_grade: SelfGrade | None = None,
) -> Mark:
    """The mark for one response."""
    fraction = fraction_correct(question, response, rules, self_grade)
    if fraction is None:
        return Mark(question.id, 0.0, question.points, pending=True)
    return Mark(question.id, round(question.points * fraction, 4), question.points)


def grade_exam(
    exam: Exam,
    responses: Mapping[QuestionId, Response],
    self_grades: Mapping[QuestionId, SelfGrade] | None = None,
) -> Result:
    """Marks for every question of an exam; unanswered questions score zero."""
    rules = ScoringRules.of(exam.blueprint)
    grades = self_grades or {}
    marks = tuple(grade(q, responses.get(q.id), rules, grades.get(q.id)) for q in exam.questions)
    return Result(marks, exam.blueprint.pass_ratio, exam.blueprint.scale)


def key_response(question: Question) -> Response:
    """The response that earns full marks (None for open questions, which are self-graded)."""
    match question.type:
        case QuestionType.SINGLE:
            return question.correct_keys[0]
        case QuestionType.MULTIPLE:
            return sorted(question.correct_keys)
        case QuestionType.TRUEFALSE:
            return question.truth
        case QuestionType.FILL:
            # a re: alternative is a pattern, not an answer: key the first literal one
            return [next((a for a in alts if regex_of(a) is None), alts[0]) for alts in question.blanks]
        case QuestionType.ORDER:
            return list(range(len(question.order_items)))
        case QuestionType.MATCH:
            return {p.left: p.right for p in question.pairs}
        case QuestionType.OUTPUT:
            return question.outputs[0]
    return None
