"""Aiken: a question line, options `A. text` or `A) text`, and `ANSWER: B`; single choice only."""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.core.models import Choice, Question, QuestionType
from app.interchange.build import add, finish, new_question
from app.interchange.ids import IdMaker, topic_slug
from app.interchange.model import Exported, ExportSkip, ParseResult
from app.interchange.text import decode, one_line

_OPTION = re.compile(r"^\s*([A-Za-z])\s*[.)]\s+(.*\S)\s*$")
_ANSWER = re.compile(r"^\s*ANSWER\s*[:：]\s*(\S*)\s*$", re.IGNORECASE)


@dataclass
class _Item:
    line: int
    stem: list[str] = field(default_factory=list)
    options: list[tuple[str, str]] = field(default_factory=list)


def read_aiken(data: bytes, source_name: str, default_topic: str) -> ParseResult:
    """Single-choice questions from an Aiken file; each malformed item is an error at its line."""
    result = ParseResult()
    bad_lines: list[int] = []
    try:
        text, bad_lines = decode(data)
        _read(text, IdMaker(source_name), topic_slug(default_topic, ""), result)
    except Exception as exc:
        result.error(1, f"internal error reading the file: {exc!r}")
    return finish(result, bad_lines, "Aiken")


def _read(text: str, ids: IdMaker, topic: str, result: ParseResult) -> None:
    item: _Item | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        answer = _ANSWER.match(line)
        option = _OPTION.match(line)
        if answer:
            if item is None:
                result.error(number, "ANSWER line without a question before it")
            else:
                _finish_item(item, answer.group(1), number, ids, topic, result)
            item = None
        elif option and item is not None and (item.options or item.stem):
            item.options.append((option.group(1).upper(), option.group(2)))
        elif item is not None and item.options:
            result.error(item.line, "question has no 'ANSWER: X' line after its options")
            item = _Item(number, [line.strip()])
        elif item is None:
            item = _Item(number, [line.strip()])
        else:
            item.stem.append(line.strip())
    if item is not None:
        result.error(item.line, "question has no 'ANSWER: X' line after its options")


def _finish_item(item: _Item, key: str, line: int, ids: IdMaker, topic: str, result: ParseResult) -> None:
    letters = [letter for letter, _ in item.options]
    if len(item.options) < 2:
        result.error(item.line, "an Aiken question needs at least two options like 'A. text'")
        return
    if len(set(letters)) != len(letters):
        result.error(item.line, f"option letters repeat: {' '.join(letters)}")
        return
    key = key.upper().rstrip(".)")
    if key not in letters:
        result.error(line, f"ANSWER '{key}' is not one of the options {' '.join(letters)}")
        return
    choices = tuple(
        Choice(string.ascii_uppercase[i % 26], text, letter == key)
        for i, (letter, text) in enumerate(item.options)
    )
    stem = "\n".join(item.stem)
    question = new_question(
        ids.make("", stem), QuestionType.SINGLE, topic, stem, choices=choices, tags=("aiken",)
    )
    add(result, question, item.line)


def write_aiken(questions: Sequence[Question]) -> Exported:
    """Aiken text for the single-choice questions; stems and options are folded to one line each."""
    parts: list[str] = []
    skipped: list[ExportSkip] = []
    for q in questions:
        if q.type is not QuestionType.SINGLE:
            skipped.append(ExportSkip(q.id, f"Aiken holds single-choice questions only, not {q.type}"))
        elif "```" in q.stem or "~~~" in q.stem:
            skipped.append(ExportSkip(q.id, "the stem has a code block; an Aiken question is one line"))
        elif len(q.choices) > 26:
            skipped.append(ExportSkip(q.id, "more options than letters"))
        else:
            lines = [one_line(q.stem)]
            lines += [f"{string.ascii_uppercase[i]}. {one_line(c.text)}" for i, c in enumerate(q.choices)]
            lines += [f"ANSWER: {string.ascii_uppercase[[c.correct for c in q.choices].index(True)]}", ""]
            parts += lines
    return Exported("\n".join(parts), skipped)
