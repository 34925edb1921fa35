"""Turn importer output into bank-valid questions: write, re-parse, and report what the bank rejects."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from app.core.bank.dump import question_to_markdown
from app.core.bank.parse import parse_question
from app.core.bank.problems import ProblemSink, Severity
from app.core.models import Question, QuestionId, QuestionType
from app.interchange.model import ImportedQuestion, ParseResult
from app.interchange.text import BAD_CHAR, one_line

DEFAULT_DIFFICULTY = 3


def canonical(question: Question, known_facts: frozenset[str] | None = None) -> tuple[Question | None, str]:
    """The question as its bank file reads back (path and hash cleared), or None and the first error."""
    sink = ProblemSink("import")
    try:
        text = question_to_markdown(question)
    except Exception as exc:
        return None, f"cannot be written as a bank file: {exc}"
    parsed = parse_question(text, "", sink, question.topic, known_facts)
    errors = [p.message for p in sink.items if p.severity is Severity.ERROR]
    if parsed is None or errors:
        return None, errors[0] if errors else "not a valid question"
    return dataclasses.replace(parsed, path="", content_hash=""), ""


def new_question(qid: QuestionId, qtype: QuestionType, topic: str, stem: str, **fields: Any) -> Question:
    """A Question with the import defaults: difficulty 3, no facts, empty explanation."""
    fields.setdefault("difficulty", DEFAULT_DIFFICULTY)
    fields.setdefault("explanation", "")
    return Question(id=qid, type=qtype, topic=topic, stem=stem, **fields)


def add(result: ParseResult, question: Question, line: int, file: str = "") -> None:
    """Add a question after checking it is a valid bank question; an invalid one becomes an error."""
    good, error = canonical(question)
    if good is None:
        result.error(line, f"{question.id}: {error}" if question.id else error)
    else:
        result.questions.append(ImportedQuestion(good, line, file))


def finish(result: ParseResult, bad_lines: list[int], what: str) -> ParseResult:
    """Drop questions holding undecodable text, report bad lines, and say so when nothing was found."""
    claimed: set[int] = set()
    kept: list[ImportedQuestion] = []
    for item in result.questions:
        if BAD_CHAR in repr(item.question) and bad_lines:
            line = next((b for b in bad_lines if b >= item.line), bad_lines[-1])
            claimed.add(line)
            result.error(line, f"{item.question.id}: not valid UTF-8 text (or a NUL byte) at line {line}")
        else:
            kept.append(item)
    result.questions = kept
    for line in bad_lines:
        if line not in claimed:
            result.error(line, "not valid UTF-8 text (or a NUL byte); save the file as UTF-8")
    result.errors.sort(key=lambda e: e.line)
    if result.nothing_read and not result.errors:
        result.error(1, f"no {what} questions found")
    return result


def compose_explanation(general: str, feedback: list[tuple[str, bool, str]]) -> str:
    """A teaching explanation: the general feedback, then what each answer's feedback says about it.

    `feedback` holds (answer text, is it correct, feedback text); answers without feedback are left out.
    """
    parts = [general.strip()] if general.strip() else []
    lines = [
        f"- **{one_line(answer)}**{' (correct)' if correct else ''}: {one_line(text)}"
        for answer, correct, text in feedback
        if text.strip()
    ]
    if lines:
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def literal_alternative(answer: str) -> str:
    """A short answer as a fill-in alternative: Moodle's `*` wildcard (or a literal `re:`) becomes a regex."""
    answer = one_line(answer)
    if "*" in answer or answer.startswith("re:"):
        return "re:" + ".*".join(re.escape(part) for part in answer.split("*"))
    return answer
