"""Markdown bank folders (and single question files) in and out; questions keep their own ids."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from app.core.bank.dump import question_to_markdown
from app.core.bank.files import atomic_write_text
from app.core.bank.loader import load_bank
from app.core.bank.parse import parse_question
from app.core.bank.problems import Problem, ProblemSink, Severity
from app.core.models import Question
from app.interchange.build import finish
from app.interchange.ids import ID_PATTERN, topic_slug
from app.interchange.model import ImportedQuestion, ParseResult
from app.interchange.text import decode


def _report(result: ParseResult, problems: Sequence[Problem]) -> None:
    for problem in problems:
        if problem.severity is Severity.ERROR:
            result.error(problem.line, f"{problem.file}: {problem.message}")


def _line_of_id(text: str) -> int:
    return next((n for n, line in enumerate(text.split("\n"), start=1) if line.startswith("id:")), 1)


def read_markdown_folder(folder: Path, default_topic: str = "") -> ParseResult:
    """Every question of another bank folder; each bad file is an error naming the file."""
    result = ParseResult()
    try:
        load = load_bank([folder], display_base=folder)
        _report(result, load.problems)
        for question in load.questions:
            shown = Path(question.path).relative_to(folder) if question.path else Path("?")
            try:
                line = _line_of_id(Path(question.path).read_text(encoding="utf-8-sig"))
            except (OSError, UnicodeDecodeError):
                line = 1
            clean = dataclasses.replace(question, path="", content_hash="")
            result.questions.append(ImportedQuestion(clean, line, str(shown)))
    except Exception as exc:
        result.error(1, f"internal error reading the folder: {exc!r}")
    return finish(result, [], "Markdown")


def read_markdown(data: bytes, source_name: str, default_topic: str) -> ParseResult:
    """The question of one bank file."""
    result = ParseResult()
    text, bad_lines = decode(data)
    if bad_lines:
        result.error(bad_lines[0], f"{source_name}: not valid UTF-8 text (or a NUL byte)")
        return finish(result, [], "Markdown")
    sink = ProblemSink(source_name)
    try:
        question = parse_question(text, source_name, sink, topic_slug(default_topic, ""))
    except Exception as exc:
        result.error(1, f"internal error reading the file: {exc!r}")
        return finish(result, [], "Markdown")
    _report(result, sink.items)
    if question is not None:
        clean = dataclasses.replace(question, path="", content_hash="")
        result.questions.append(ImportedQuestion(clean, _line_of_id(text), source_name))
    return finish(result, [], "Markdown")


def write_markdown_folder(questions: Sequence[Question], out_dir: Path) -> list[Path]:
    """Write each question as `out_dir/<topic>/<id>.md`, atomically; returns the files written."""
    written: list[Path] = []
    for question in questions:
        topic = question.topic if ID_PATTERN.match(question.topic) else topic_slug(question.topic, "misc")
        path = out_dir / topic / f"{question.id}.md"
        atomic_write_text(path, question_to_markdown(question))
        written.append(path)
    return written
