"""Grade responses against a question's key; pure functions, no I/O."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from app.core.models import Exam, Mark, Question, QuestionId, QuestionType, Response, Result, is_empty

_SPACE = re.compile(r"\s+")


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


def blank_matches(given: str, accepted: tuple[str, ...]) -> bool:
    """Whether a fill-in answer matches one of the accepted alternatives (`re:PATTERN` is a regex)."""
    value = normalize_text(given)
    for alt in accepted:
        pattern = regex_of(alt)
        if pattern is not None:
            if re.fullmatch(pattern, given.strip(), flags=re.IGNORECASE):
                return True
        elif value == normalize_text(alt):
            return True
    return False


def fraction_correct(question: Question, response: Response, partial: bool = False) -> float | None:
    """The share of the question answered right, 0..1; None when it waits for self-grading.

    `partial`: multiple choice earns (right picks - wrong picks) / correct options, never below 0.
    """
    if is_empty(response):
        return None if question.type is QuestionType.OPEN else 0.0
    match question.type:
        case QuestionType.SINGLE:
            return float(response == question.correct_keys[0])
        case QuestionType.MULTIPLE:
            picked = set(map(str, response)) if isinstance(response, list) else set()
            correct = set(question.correct_keys)
            if partial:
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
            return float(response == list(range(len(question.order_items))))
        case QuestionType.MATCH:
            chosen = response if isinstance(response, dict) else {}
            return sum(chosen.get(p.left) == p.right for p in question.pairs) / len(question.pairs)
        case QuestionType.OPEN:
            return None
        case QuestionType.OUTPUT:
            given_output = normalize_output(str(response))
            return float(any(given_output == normalize_output(o) for o in question.outputs))
    return 0.0  # pragma: no cover - every type is handled above


def grade(question: Question, response: Response, partial: bool = False) -> Mark:
    """The mark for one response."""
    fraction = fraction_correct(question, response, partial)
    if fraction is None:
        return Mark(question.id, 0.0, question.points, pending=True)
    return Mark(question.id, round(question.points * fraction, 4), question.points)


def grade_exam(exam: Exam, responses: Mapping[QuestionId, Response]) -> Result:
    """Marks for every question of an exam; unanswered questions score zero."""
    partial = exam.blueprint.partial_credit
    marks = tuple(grade(q, responses.get(q.id), partial) for q in exam.questions)
    return Result(marks, exam.blueprint.pass_ratio)


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
