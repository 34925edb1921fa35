"""MockExam's own lossless JSON: {"format": "mockexam-questions", "version": 1, "questions": [...]}."""

from __future__ import annotations

import dataclasses
import json
import re
import string
from collections.abc import Sequence
from typing import Any

from app.core.models import Choice, KeyPoint, Pair, Question, QuestionId, QuestionType
from app.interchange.build import add, finish
from app.interchange.ids import topic_slug
from app.interchange.model import Exported, ParseResult
from app.interchange.text import decode, line_at

FORMAT_NAME = "mockexam-questions"
VERSION = 1
_QUESTIONS = re.compile(r'"questions"\s*:\s*\[')
_KEY_FIELDS: dict[QuestionType, tuple[str, ...]] = {
    QuestionType.SINGLE: ("choices",),
    QuestionType.MULTIPLE: ("choices",),
    QuestionType.TRUEFALSE: ("truth",),
    QuestionType.FILL: ("blanks",),
    QuestionType.ORDER: ("order_items",),
    QuestionType.MATCH: ("pairs", "distractors"),
    QuestionType.OPEN: ("model_answer", "key_points"),
    QuestionType.OUTPUT: ("outputs",),
}


class ItemProblem(Exception):
    """A question object that cannot be read."""


def question_to_dict(q: Question) -> dict[str, Any]:
    """Every field of a question (but its path and hash) as JSON values."""
    data: dict[str, Any] = {
        "id": q.id, "type": q.type.value, "topic": q.topic, "difficulty": q.difficulty,
        "tags": list(q.tags), "facts": list(q.facts), "source": q.source, "section": q.section,
        "time": q.time, "points": q.points, "versions": dict(q.versions), "followups": list(q.followups),
        "stem": q.stem,
    }  # fmt: skip
    key: dict[str, Any] = {
        "choices": [{"text": c.text, "correct": c.correct} for c in q.choices],
        "truth": q.truth,
        "blanks": [list(b) for b in q.blanks],
        "order_items": list(q.order_items),
        "pairs": [{"left": p.left, "right": p.right} for p in q.pairs],
        "distractors": list(q.distractors),
        "model_answer": q.model_answer,
        "key_points": [{"text": p.text, "weight": p.weight} for p in q.key_points],
        "outputs": list(q.outputs),
    }
    data |= {name: key[name] for name in _KEY_FIELDS[q.type]}
    data["explanation"] = q.explanation
    return data


def write_json(questions: Sequence[Question]) -> Exported:
    """The questions as versioned JSON; nothing is left out."""
    document = {
        "format": FORMAT_NAME,
        "version": VERSION,
        "questions": [question_to_dict(q) for q in questions],
    }
    return Exported(json.dumps(document, ensure_ascii=False, indent=2) + "\n", [])


def _get(data: dict[str, Any], name: str, kind: type | tuple[type, ...], default: Any = None) -> Any:
    """The value of `name`, checked to be of `kind` (a bool is never a number); None when optional."""
    value = data.get(name, default)
    if value is None and default is None:
        return None
    if (isinstance(value, bool) and kind is not bool) or not isinstance(value, kind):
        raise ItemProblem(f"'{name}' has the wrong type: {value!r:.40}")
    return value


def _strings(data: dict[str, Any], name: str) -> tuple[str, ...]:
    values = _get(data, name, list, [])
    if not all(isinstance(v, str) for v in values):
        raise ItemProblem(f"'{name}' must be a list of strings")
    return tuple(values)


def _objects(data: dict[str, Any], name: str, *fields: str) -> list[dict[str, Any]]:
    values = _get(data, name, list, [])
    if not all(isinstance(v, dict) and all(f in v for f in fields) for v in values):
        raise ItemProblem(f"'{name}' must be a list of objects with {', '.join(fields)}")
    return list(values)


def question_from_dict(data: Any) -> Question:
    """A Question from one JSON object; raises ItemProblem on a wrong shape (values are checked later)."""
    if not isinstance(data, dict):
        raise ItemProblem("a question must be a JSON object")
    try:
        qtype = QuestionType(str(data.get("type")))
    except ValueError:
        raise ItemProblem(f"unknown type {data.get('type')!r:.40}") from None
    versions = _get(data, "versions", dict, {})
    choices = _objects(data, "choices", "text", "correct")
    blanks = _get(data, "blanks", list, [])
    if not all(isinstance(b, list) and all(isinstance(a, str) for a in b) for b in blanks):
        raise ItemProblem("'blanks' must be a list of lists of strings")
    return Question(
        id=QuestionId(_get(data, "id", str, "")),
        type=qtype,
        topic=_get(data, "topic", str, ""),
        stem=_get(data, "stem", str, ""),
        explanation=_get(data, "explanation", str, ""),
        difficulty=_get(data, "difficulty", int, 3),
        tags=_strings(data, "tags"),
        facts=_strings(data, "facts"),
        source=_get(data, "source", str, ""),
        section=_get(data, "section", str, ""),
        time=_get(data, "time", int),
        points=float(_get(data, "points", (int, float), 1.0)),
        versions=tuple((str(k), str(v)) for k, v in versions.items()),
        followups=tuple(QuestionId(f) for f in _strings(data, "followups")),
        choices=tuple(
            Choice(string.ascii_uppercase[i % 26], str(c["text"]), c["correct"] is True)
            for i, c in enumerate(choices)
        ),
        truth=_get(data, "truth", bool),
        blanks=tuple(tuple(b) for b in blanks),
        order_items=_strings(data, "order_items"),
        pairs=tuple(Pair(str(p["left"]), str(p["right"])) for p in _objects(data, "pairs", "left", "right")),
        distractors=_strings(data, "distractors"),
        model_answer=_get(data, "model_answer", str, ""),
        key_points=tuple(
            KeyPoint(str(p["text"]), float(p.get("weight", 1))) for p in _objects(data, "key_points", "text")
        ),
        outputs=_strings(data, "outputs"),
    )


def _item_lines(text: str, count: int) -> list[int]:
    """The line each element of the "questions" array starts on (1 when it cannot be told)."""
    match = _QUESTIONS.search(text)
    lines = [1] * count
    if match is None:
        return lines
    decoder, position = json.JSONDecoder(), match.end()
    for index in range(count):
        while position < len(text) and text[position] in " \t\n\r,":
            position += 1
        lines[index] = line_at(text, position)
        try:
            _, position = decoder.raw_decode(text, position)
        except ValueError:
            break
    return lines


def read_json(data: bytes, source_name: str, default_topic: str) -> ParseResult:
    """Questions from MockExam JSON; they keep their ids and every field."""
    result = ParseResult()
    bad_lines: list[int] = []
    try:
        text, bad_lines = decode(data)
        try:
            document = json.loads(text)
        except json.JSONDecodeError as exc:
            result.error(exc.lineno, f"not valid JSON: {exc.msg}")
            return finish(result, bad_lines, "MockExam JSON")
        except RecursionError:
            result.error(1, "not valid MockExam JSON: nested too deeply")
            return finish(result, bad_lines, "MockExam JSON")
        if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
            result.error(1, f'not a MockExam questions file: "format" must be "{FORMAT_NAME}"')
        elif document.get("version") != VERSION:
            result.error(
                1, f"unsupported version {document.get('version')!r}; this MockExam reads version {VERSION}"
            )
        elif not isinstance(document.get("questions"), list):
            result.error(1, '"questions" must be a list')
        else:
            items = document["questions"]
            for item, line in zip(items, _item_lines(text, len(items)), strict=True):
                try:
                    question = question_from_dict(item)
                except ItemProblem as problem:
                    result.error(line, str(problem))
                    continue
                if not question.topic.strip():
                    question = dataclasses.replace(question, topic=topic_slug(default_topic, ""))
                add(result, question, line)
    except Exception as exc:
        result.error(1, f"internal error reading the file: {exc!r}")
    return finish(result, bad_lines, "MockExam JSON")
