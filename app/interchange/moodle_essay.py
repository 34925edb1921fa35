"""How an essay's grader information carries an open question's key points or an output question's output."""

from __future__ import annotations

import re

from app.core.models import KeyPoint, Question, QuestionType
from app.interchange.text import markdown_to_html

KEY_POINTS = ("key points", "得分点")
EXPECTED_OUTPUT = ("expected output", "输出")
_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
_POINT = re.compile(r"^\s*[-*+]\s+(?:\\?\[(\d+(?:\.\d+)?)\\?\]\s+)?(.*\S)\s*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _fenced(text: str) -> str:
    fence = "`" * max([3, *(len(m) + 1 for m in re.findall(r"`{3,}", text))])
    return f"{fence}text\n{text}\n{fence}"


def graderinfo_html(question: Question) -> str:
    """The grader information of an essay exported for an open or output question."""
    if question.type is QuestionType.OUTPUT:
        blocks = "\n\n".join(_fenced(output) for output in question.outputs)
        return markdown_to_html(f"#### Expected output\n\n{blocks}")
    points = []
    for point in question.key_points:
        first, *rest = point.text.strip().splitlines() or [""]
        points.append("\n".join([f"- [{_number(point.weight)}] {first}", *(f"  {r.strip()}" for r in rest)]))
    return markdown_to_html(f"{question.model_answer}\n\n#### Key points\n\n" + "\n".join(points))


def _split(markdown: str, names: tuple[str, ...]) -> tuple[str, list[str]] | None:
    lines = markdown.split("\n")
    for index, line in enumerate(lines):
        match = _HEADING.match(line)
        if match and match.group(1).strip().rstrip(":：").lower() in names:
            return "\n".join(lines[:index]).strip(), lines[index + 1 :]
    return None


def key_points(markdown: str) -> tuple[str, tuple[KeyPoint, ...]] | None:
    """(model answer, key points) from grader information with a 'Key points' heading and list."""
    found = _split(markdown, KEY_POINTS)
    if found is None:
        return None
    answer, rest = found
    points: list[list[str]] = []
    for line in rest:
        match = _POINT.match(line)
        if match:
            points.append([match.group(1) or "1", match.group(2)])
        elif line.startswith((" ", "\t")) and line.strip() and points:
            points[-1][1] += "\n" + line.strip()
        elif line.strip():
            break
    parsed = tuple(KeyPoint(text, float(weight)) for weight, text in points)
    return (answer, parsed) if parsed else None


def outputs(markdown: str) -> tuple[str, ...] | None:
    """The fenced blocks after an 'Expected output' heading."""
    found = _split(markdown, EXPECTED_OUTPUT)
    if found is None:
        return None
    blocks: list[str] = []
    current: list[str] | None = None
    opener = ""
    for line in found[1]:
        fence = _FENCE.match(line)
        if current is None and fence:
            current, opener = [], fence.group(1)
        elif current is not None and line.strip() == opener:
            blocks.append("\n".join(current))
            current = None
        elif current is not None:
            current.append(line)
    return tuple(blocks) or None
