"""Write questions as a spreadsheet CSV (UTF-8 with BOM, CRLF rows) with the columns csv_read reads."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from app.core.models import Question, QuestionType
from app.interchange.csv_read import COLUMNS, ESCAPABLE
from app.interchange.model import Exported


def escape_item(text: str) -> str:
    """An item of a `|` or `;` list: separators, a leading `*` and backslashes before them escaped."""
    out: list[str] = []
    for index, char in enumerate(text):
        following = text[index + 1 : index + 2]
        if char in "|;" or (char == "*" and index == 0):
            out.append("\\" + char)
        elif char == "\\" and (following in ESCAPABLE or not following):
            out.append("\\\\")
        else:
            out.append(char)
    return "".join(out)


def _joined(items: Sequence[str], separator: str) -> str:
    return separator.join(escape_item(item) for item in items)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _answer(q: Question) -> tuple[str, str, str]:
    """(options, answer, key_points) cells."""
    if q.type in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        return "|".join(("*" if c.correct else "") + escape_item(c.text) for c in q.choices), "", ""
    if q.type is QuestionType.TRUEFALSE:
        return "", "true" if q.truth else "false", ""
    if q.type is QuestionType.FILL:
        return "", ";".join(_joined(alts, "|") for alts in q.blanks), ""
    if q.type is QuestionType.ORDER:
        return "", _joined(q.order_items, "|"), ""
    if q.type is QuestionType.MATCH:
        entries = [f"{p.left}=>{p.right}" for p in q.pairs] + [f"=>{d}" for d in q.distractors]
        return "", _joined(entries, "|"), ""
    if q.type is QuestionType.OPEN:
        points = [f"{_number(p.weight)}:{p.text}" for p in q.key_points]
        return "", q.model_answer, _joined(points, "|")
    return "", q.outputs[0] if q.outputs else "", ""


def write_csv(questions: Sequence[Question]) -> Exported:
    """CSV text, one row per question; an output question keeps only its first expected output."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for q in questions:
        options, answer, points = _answer(q)
        row = [q.id, q.type.value, q.topic, q.difficulty, _joined(q.tags, ";"), _joined(q.facts, ";")]
        writer.writerow([*row, q.stem, options, answer, points, q.explanation])
    return Exported("\ufeff" + buffer.getvalue(), [])
