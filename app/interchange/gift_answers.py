"""The answer block of one GIFT item: choice, true/false, short answer, matching and numerical."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from app.core.models import Choice, Pair, QuestionType
from app.interchange import gift_syntax as gift
from app.interchange.build import add, compose_explanation, literal_alternative, new_question
from app.interchange.ids import IdMaker
from app.interchange.model import ParseResult
from app.interchange.numeric import accepted, parse_number, plain
from app.interchange.text import html_to_markdown

_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d*)?)%")
_MARK = "\U000f00ff"
MISSING_WORD = r"\_\_\_\_\_"
TRUE_WORDS, FALSE_WORDS = ("T", "TRUE"), ("F", "FALSE")
Feedback = list[tuple[str, bool, str]]


class ItemProblem(Exception):
    """A malformed answer block; its message is the item's error."""


@dataclass(frozen=True)
class Item:
    """One GIFT item, split around its answer block (text still escaped)."""

    name: str
    before: str
    answers: str
    after: str
    text_format: str
    line: int
    topic: str
    tags: tuple[str, ...]


def parse_item(item: Item, ids: IdMaker, result: ParseResult) -> None:
    """Add the item's question to `result`, or an error or skip for it."""
    answers, general = item.answers, ""
    cut = answers.rfind("####")
    if cut >= 0:
        answers, general = answers[:cut], answers[cut + 4 :]
    body = answers.strip()
    try:
        if not body:
            result.skip(item.line, "essay without key points cannot be self-graded")
            return
        if body.startswith("#"):
            qtype, marker, key, feedback = _numerical(body[1:], item, result)
        elif "~" in body:
            qtype, marker, key, feedback = _choice(body, item, result)
        elif "=" in body and "->" in body:
            qtype, marker, key, feedback = _matching(body, item)
        elif body.split("#", 1)[0].strip() in TRUE_WORDS + FALSE_WORDS:
            qtype, marker, key, feedback = _truefalse(body, item)
        else:
            qtype, marker, key, feedback = _short_answer(body, item, result)
    except ItemProblem as problem:
        result.error(item.line, str(problem))
        return
    stem = _stem(item, marker)
    general_format, general_text = gift.split_format(general, item.text_format)
    explanation = compose_explanation(gift.to_markdown(general_text, general_format), feedback)
    qid = ids.make(item.name, stem)
    question = new_question(qid, qtype, item.topic, stem, explanation=explanation, tags=item.tags, **key)
    add(result, question, item.line)


def _stem(item: Item, marker: str | None) -> str:
    """The question text with the answer block replaced by `marker` (a blank) where it stood."""
    before, after = gift.unescape(item.before), gift.unescape(item.after)
    if after.strip():
        text = before + _MARK + after
        marker = marker or MISSING_WORD
    elif marker is None:
        text = before
    else:
        text = before + _MARK
    converted = html_to_markdown(text) if item.text_format == "html" else text.strip()
    return converted.replace(_MARK, marker or "")


def _text(piece: str, item: Item) -> str:
    text_format, text = gift.split_format(piece, item.text_format)
    return gift.to_markdown(text, text_format)


def _split(piece: str, item: Item) -> tuple[str, str]:
    """`answer#feedback` as Markdown (answer, feedback)."""
    answer, _, feedback = piece.partition("#")
    return _text(answer, item), _text(feedback, item)


def _weight(piece: str, default: float) -> tuple[float, str]:
    match = _WEIGHT.match(piece)
    if not match:
        return default, piece
    return float(match.group(1)), piece[match.end() :]


def _pieces(body: str, separator: str) -> list[str]:
    parts = body.split(separator)
    if parts and not parts[0].strip():
        parts = parts[1:]
    return [p.strip() for p in parts]


Parsed = tuple[QuestionType, str | None, dict[str, Any], Feedback]


def _choice(body: str, item: Item, result: ParseResult) -> Parsed:
    has_equals = "=" in body
    entries: list[tuple[float, str, str]] = []
    for piece in _pieces(body.replace("=", "~="), "~"):
        if piece.startswith("="):
            weight, piece = _weight(piece[1:].lstrip(), 100.0)
        else:
            weight, piece = _weight(piece, 0.0)
        text, note = _split(piece, item)
        if not text:
            raise ItemProblem("an answer of this multiple-choice question is empty")
        entries.append((weight, text, note))
    if len(entries) < 2:
        raise ItemProblem("a multiple-choice question needs at least two answers")
    correct = [(w >= 100) if has_equals else (w > 0) for w, _, _ in entries]
    if not any(correct):
        raise ItemProblem("no answer is marked correct ('=' or a positive %weight%)")
    for (weight, text, _), right in zip(entries, correct, strict=True):
        if 0 < weight < 100 and not right:
            result.warn(
                item.line, f"partial credit ({weight:g}%) for '{text[:40]}' is not kept: it counts as wrong"
            )
    single = has_equals and sum(correct) == 1
    choices = tuple(
        Choice(string.ascii_uppercase[i % 26], text, right)
        for i, ((_, text, _), right) in enumerate(zip(entries, correct, strict=True))
    )
    feedback = [(t, r, f) for (_, t, f), r in zip(entries, correct, strict=True)]
    qtype = QuestionType.SINGLE if single else QuestionType.MULTIPLE
    return qtype, None, {"choices": choices}, feedback


def _truefalse(body: str, item: Item) -> Parsed:
    word, *notes = body.split("#", 2)
    truth = word.strip() in TRUE_WORDS
    wrong, right = (_text(n, item) for n in [*notes, "", ""][:2])
    feedback = [(str(truth).lower(), True, right), (str(not truth).lower(), False, wrong)]
    return QuestionType.TRUEFALSE, None, {"truth": truth}, feedback


def _matching(body: str, item: Item) -> Parsed:
    pairs: list[Pair] = []
    distractors: list[str] = []
    for piece in _pieces(body, "="):
        if "->" not in piece:
            raise ItemProblem(f"matching answer '{gift.unescape(piece)[:40]}' has no '->'")
        left, _, right = piece.partition("->")
        left_text, right_text = _text(left, item), gift.unescape(right).strip()
        if not right_text:
            raise ItemProblem("a matching answer has nothing after '->'")
        if left_text:
            pairs.append(Pair(left_text, right_text))
        else:
            distractors.append(right_text)
    return QuestionType.MATCH, None, {"pairs": tuple(pairs), "distractors": tuple(distractors)}, []


def _short_answer(body: str, item: Item, result: ParseResult) -> Parsed:
    alternatives: list[str] = []
    feedback: Feedback = []
    for piece in _pieces(body, "="):
        weight, piece = _weight(piece, 100.0)
        answer, note = _split(piece, item)
        if not answer:
            raise ItemProblem("a short answer is empty")
        if weight >= 100:
            alternatives.append(literal_alternative(answer))
        else:
            result.warn(item.line, f"partial-credit answer '{answer[:40]}' ({weight:g}%) is not accepted")
        feedback.append((answer, weight >= 100, note))
    if not alternatives:
        raise ItemProblem("no short answer gets full credit")
    return QuestionType.FILL, "{{1}}", {"blanks": (tuple(alternatives),)}, feedback


def _numerical(body: str, item: Item, result: ParseResult) -> Parsed:
    body, _, wrong = body.partition("~")
    alternatives: list[str] = []
    feedback: Feedback = []
    for piece in _pieces(body, "="):
        weight, piece = _weight(piece, 100.0)
        value, note = _split(piece, item)
        if value == "*":
            continue
        bounds = _bounds(value)
        if bounds is None:
            raise ItemProblem(f"'{value[:40]}' is not a number, a number:tolerance or a low..high range")
        exact, low, high = bounds
        feedback.append((value, weight >= 100, note))
        if weight < 100:
            result.warn(item.line, f"partial-credit answer {value} ({weight:g}%) is not accepted")
            continue
        accepts, complete = accepted(exact, low, high)
        if not complete:
            result.warn(item.line, f"range of {value} is too wide to list: only {plain(exact)} is accepted")
        alternatives += [a for a in accepts if a not in alternatives]
    if not alternatives:
        raise ItemProblem("a numerical question needs a full-credit numeric answer")
    if wrong.strip():
        feedback.append(("any other answer", False, _split(wrong, item)[1]))
    return QuestionType.FILL, "{{1}}", {"blanks": (tuple(alternatives),)}, feedback


def _bounds(value: str) -> tuple[Decimal, Decimal, Decimal] | None:
    """(exact, low, high) of `a:tolerance`, `low..high` or a bare number."""
    low_text, dots, high_text = value.partition("..")
    if dots:
        low, high = parse_number(low_text), parse_number(high_text)
        return None if low is None or high is None else ((low + high) / 2, low, high)
    exact_text, _, tolerance_text = value.partition(":")
    exact, tolerance = parse_number(exact_text), parse_number(tolerance_text or "0")
    if exact is None or tolerance is None:
        return None
    return exact, exact - abs(tolerance), exact + abs(tolerance)
