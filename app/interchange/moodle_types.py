"""One Moodle XML <question> of a supported type as a MockExam question."""

from __future__ import annotations

import re
import string
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

from app.core.models import Choice, Pair, QuestionType
from app.interchange import moodle_essay
from app.interchange.build import add, compose_explanation, literal_alternative, new_question
from app.interchange.ids import IdMaker
from app.interchange.model import ParseResult
from app.interchange.numeric import accepted, parse_number, plain
from app.interchange.text import html_to_markdown, one_line
from app.interchange.xmltree import child_text

_TAG = re.compile(r"<[a-zA-Z/!][^>]*>|&[#a-zA-Z0-9]+;")
_BLANK = re.compile(r"(?:\\_){3,}|_{3,}")
Feedback = list[tuple[str, bool, str]]


class ItemProblem(Exception):
    """A question that cannot be read; its message is the item's error."""


@dataclass(frozen=True)
class MoodleItem:
    """One <question> element with what the file around it says: line, name, topic, tags."""

    element: ET.Element
    qtype: str
    line: int
    name: str
    topic: str
    tags: tuple[str, ...]


def text_of(element: ET.Element | None, default_format: str = "html") -> str:
    """The Markdown of an element holding <text> (and a format attribute)."""
    if element is None:
        return ""
    inner = element.find("text")
    raw = "".join(inner.itertext()) if inner is not None else (element.text or "")
    text_format = element.get("format", default_format)
    if text_format == "html" or (text_format == "moodle_auto_format" and _TAG.search(raw)):
        return html_to_markdown(raw)
    return raw.strip()


def _fraction(answer: ET.Element) -> float:
    try:
        return float(answer.get("fraction", "0"))
    except ValueError as exc:
        raise ItemProblem(f"answer fraction {answer.get('fraction')!r} is not a number") from exc


def _answers(item: MoodleItem) -> list[tuple[float, str, str]]:
    """(fraction, Markdown text, Markdown feedback) of each <answer>."""
    return [
        (_fraction(a), text_of(a, "moodle_auto_format"), text_of(a.find("feedback")))
        for a in item.element.findall("answer")
    ]


def read_question(item: MoodleItem, ids: IdMaker, result: ParseResult) -> None:
    """Add the question to `result`, or an error or a skip for it."""
    readers = {
        "multichoice": _choice,
        "truefalse": _truefalse,
        "shortanswer": _short_answer,
        "numerical": _numerical,
        "matching": _matching,
        "match": _matching,
        "essay": _essay,
        "ordering": _ordering,
    }
    reader = readers.get(item.qtype)
    if reader is None:
        result.skip(item.line, f"'{item.qtype or '?'}' questions are not supported")
        return
    stem = text_of(item.element.find("questiontext"))
    try:
        qtype, key, feedback = reader(item, result)
    except ItemProblem as problem:
        if str(problem).startswith("skip:"):
            result.skip(item.line, str(problem)[5:])
        else:
            result.error(item.line, str(problem))
        return
    if qtype is QuestionType.FILL:
        stem = _BLANK.sub("{{1}}", stem, count=1) if _BLANK.search(stem) else f"{stem}\n\n{{{{1}}}}"
    explanation = compose_explanation(text_of(item.element.find("generalfeedback")), feedback)
    extra: dict[str, Any] = {}
    grade = parse_number(child_text(item.element, "defaultgrade"))
    if grade is not None and grade > 0:
        extra["points"] = float(grade)
    qid = ids.make(item.name, stem)
    question = new_question(
        qid, qtype, item.topic, stem, explanation=explanation, tags=item.tags, **key, **extra
    )
    add(result, question, item.line)


Read = tuple[QuestionType, dict[str, Any], Feedback]


def _choice(item: MoodleItem, result: ParseResult) -> Read:
    answers = _answers(item)
    single = child_text(item.element, "single").strip().lower() not in ("false", "0")
    correct = [(f >= 100) if single else (f > 0) for f, _, _ in answers]
    if single and sum(correct) > 1:
        raise ItemProblem("skip:several fully correct answers in a single-answer question")
    if not any(correct):
        raise ItemProblem("no answer is correct (fraction 100, or positive when several may be chosen)")
    for (fraction, text, _), right in zip(answers, correct, strict=True):
        if 0 < fraction < 100 and not right:
            result.warn(item.line, f"partial credit ({fraction:g}%) for '{text[:40]}' is not kept")
    choices = tuple(
        Choice(string.ascii_uppercase[i % 26], text, right)
        for i, ((_, text, _), right) in enumerate(zip(answers, correct, strict=True))
    )
    feedback = [(t, r, f) for (_, t, f), r in zip(answers, correct, strict=True)]
    return (QuestionType.SINGLE if single else QuestionType.MULTIPLE), {"choices": choices}, feedback


def _truefalse(item: MoodleItem, _: ParseResult) -> Read:
    answers = _answers(item)
    truth = next((one_line(t).lower() == "true" for f, t, _ in answers if f >= 100), None)
    if truth is None:
        raise ItemProblem("no answer of this true/false question has fraction 100")
    feedback = [(one_line(t).lower(), f >= 100, fb) for f, t, fb in answers]
    return QuestionType.TRUEFALSE, {"truth": truth}, feedback


def _short_answer(item: MoodleItem, result: ParseResult) -> Read:
    raw = [
        (_fraction(a), child_text(a, "text"), text_of(a.find("feedback")))
        for a in item.element.findall("answer")
    ]
    alternatives = [literal_alternative(t) for f, t, _ in raw if f >= 100 and t.strip()]
    for fraction, text, _ in raw:
        if fraction < 100:
            result.warn(item.line, f"partial-credit answer '{text[:40]}' ({fraction:g}%) is not accepted")
    if not alternatives:
        raise ItemProblem("no short answer gets full credit (fraction 100)")
    feedback = [(t, f >= 100, fb) for f, t, fb in raw]
    return QuestionType.FILL, {"blanks": (tuple(dict.fromkeys(alternatives)),)}, feedback


def _numerical(item: MoodleItem, result: ParseResult) -> Read:
    alternatives: list[str] = []
    feedback: Feedback = []
    for answer in item.element.findall("answer"):
        fraction, value = _fraction(answer), child_text(answer, "text").strip()
        feedback.append((value, fraction >= 100, text_of(answer.find("feedback"))))
        if value == "*" or fraction < 100:
            continue
        exact, tolerance = parse_number(value), parse_number(child_text(answer, "tolerance") or "0")
        if exact is None or tolerance is None:
            raise ItemProblem(f"numerical answer {value[:40]!r} is not a number")
        accepts, complete = accepted(exact, exact - abs(tolerance), exact + abs(tolerance))
        if not complete:
            result.warn(
                item.line, f"tolerance of {value} is too wide to list: only {plain(exact)} is accepted"
            )
        alternatives += [a for a in accepts if a not in alternatives]
    if not alternatives:
        raise ItemProblem("a numerical question needs a numeric answer with fraction 100")
    return QuestionType.FILL, {"blanks": (tuple(alternatives),)}, feedback


def _matching(item: MoodleItem, _: ParseResult) -> Read:
    pairs: list[Pair] = []
    distractors: list[str] = []
    for sub in item.element.findall("subquestion"):
        left, right = text_of(sub), child_text(sub, "answer", "text").strip()
        if not right:
            raise ItemProblem("a matching subquestion has no answer")
        if left:
            pairs.append(Pair(left, right))
        else:
            distractors.append(right)
    return QuestionType.MATCH, {"pairs": tuple(pairs), "distractors": tuple(distractors)}, []


def _essay(item: MoodleItem, _: ParseResult) -> Read:
    info = text_of(item.element.find("graderinfo"))
    outputs = moodle_essay.outputs(info)
    if outputs:
        return QuestionType.OUTPUT, {"outputs": outputs}, []
    found = moodle_essay.key_points(info)
    if found is None:
        raise ItemProblem("skip:essay without key points cannot be self-graded")
    answer, points = found
    if not answer:
        raise ItemProblem("skip:essay without a model answer cannot be self-graded")
    return QuestionType.OPEN, {"model_answer": answer, "key_points": points}, []


def _ordering(item: MoodleItem, _: ParseResult) -> Read:
    items = tuple(text for _, text, _ in _answers(item))
    return QuestionType.ORDER, {"order_items": items}, []
