"""Read questions from a spreadsheet CSV: one row per question, the columns named in a header row."""

from __future__ import annotations

import csv
import io
import re
import string
from typing import Any

from app.core.bank.fields import FALSE_WORDS, TRUE_WORDS
from app.core.models import Choice, KeyPoint, Pair, QuestionId, QuestionType
from app.interchange.build import add, finish, new_question
from app.interchange.ids import ID_PATTERN, IdMaker, topic_slug
from app.interchange.model import ParseResult
from app.interchange.text import decode

COLUMNS = (
    "id", "type", "topic", "difficulty", "tags", "facts", "stem",
    "options", "answer", "key_points", "explanation",
)  # fmt: skip
REQUIRED = ("type", "stem")
_WEIGHT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*:\s*(.*)$", re.DOTALL)
ESCAPABLE = "|;*\\"


class RowProblem(Exception):
    """A row that cannot be read; its message is the row's error."""


def split_escaped(text: str, separator: str) -> list[str]:
    """Split on `separator` where it is not backslash-escaped; the pieces keep their escapes."""
    pieces, current, i = [], [], 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text) and text[i + 1] in ESCAPABLE:
            current.append(text[i : i + 2])
            i += 2
            continue
        if text.startswith(separator, i):
            pieces.append("".join(current))
            current, i = [], i + len(separator)
            continue
        current.append(char)
        i += 1
    pieces.append("".join(current))
    return pieces


def unescape(text: str) -> str:
    """Drop the backslash of `\\|`, `\\;`, `\\*` and `\\\\`."""
    return re.sub(r"\\([|;*\\])", r"\1", text).strip()


def _list(cell: str, separator: str) -> list[str]:
    return [unescape(p) for p in split_escaped(cell, separator) if unescape(p)]


def read_csv(data: bytes, source_name: str, default_topic: str) -> ParseResult:
    """Questions from a CSV with a header row (UTF-8, with or without BOM; `,` `;` or tab separated)."""
    result = ParseResult()
    bad_lines: list[int] = []
    try:
        text, bad_lines = decode(data)
        _read(text, source_name, default_topic, result)
    except Exception as exc:
        result.error(1, f"internal error reading the file: {exc!r}")
    return finish(result, bad_lines, "CSV")


def _read(text: str, source_name: str, default_topic: str, result: ParseResult) -> None:
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header: list[str] | None = None
    ids, used = IdMaker(source_name), set[str]()
    end = 0
    while True:
        start = end + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            result.error(start, f"unreadable CSV row: {exc}")
            if reader.line_num <= end:
                break
            end = reader.line_num
            continue
        end = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = [cell.strip().lower().replace(" ", "_") for cell in row]
            missing = [c for c in REQUIRED if c not in header]
            if missing:
                result.error(
                    start, f"the header row has no column {', '.join(missing)}; expected {', '.join(COLUMNS)}"
                )
                return
            continue
        cells = {name: (row[i] if i < len(row) else "") for i, name in enumerate(header)}
        try:
            _row(cells, start, ids, used, default_topic, result)
        except RowProblem as problem:
            result.error(start, str(problem))


def _row(
    cells: dict[str, str], line: int, ids: IdMaker, used: set[str], default: str, result: ParseResult
) -> None:
    try:
        qtype = QuestionType(cells.get("type", "").strip().lower())
    except ValueError:
        raise RowProblem(
            f"unknown type {cells.get('type', '')!r}; use one of {', '.join(QuestionType)}"
        ) from None
    stem = cells.get("stem", "").strip()
    raw_id = cells.get("id", "").strip()
    if ID_PATTERN.match(raw_id):
        if raw_id in used:
            raise RowProblem(f"id '{raw_id}' is used by an earlier row")
        qid = QuestionId(raw_id)
    else:
        qid = ids.make(raw_id, stem)
    used.add(qid)
    difficulty_text = cells.get("difficulty", "").strip() or "3"
    if not difficulty_text.isdigit() or not 1 <= int(difficulty_text) <= 5:
        raise RowProblem(f"difficulty must be 1-5, got {difficulty_text!r}")
    tags = tuple(dict.fromkeys([*_list(cells.get("tags", ""), ";"), "csv"]))
    question = new_question(
        qid,
        qtype,
        topic_slug(cells.get("topic", ""), default),
        stem,
        difficulty=int(difficulty_text),
        tags=tags,
        facts=tuple(_list(cells.get("facts", ""), ";")),
        explanation=cells.get("explanation", "").strip(),
        **_key(qtype, cells),
    )
    add(result, question, line)


def _key(qtype: QuestionType, cells: dict[str, str]) -> dict[str, Any]:
    answer = cells.get("answer", "")
    if qtype in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        pieces = [p.strip() for p in split_escaped(cells.get("options", ""), "|") if p.strip()]
        choices = tuple(
            Choice(
                string.ascii_uppercase[i % 26], unescape(p[1:] if p.startswith("*") else p), p.startswith("*")
            )
            for i, p in enumerate(pieces)
        )
        return {"choices": choices}
    if qtype is QuestionType.TRUEFALSE:
        word = answer.strip().lower()
        if word not in TRUE_WORDS | FALSE_WORDS:
            raise RowProblem(f"a truefalse answer must be true or false, got {answer.strip()!r}")
        return {"truth": word in TRUE_WORDS}
    if qtype is QuestionType.FILL:
        blanks = tuple(tuple(_list(blank, "|")) for blank in split_escaped(answer, ";") if unescape(blank))
        return {"blanks": blanks}
    if qtype is QuestionType.ORDER:
        return {"order_items": tuple(_list(answer, "|"))}
    if qtype is QuestionType.MATCH:
        pairs, distractors = [], []
        for piece in _list(answer, "|"):
            left, arrow, right = piece.partition("=>")
            if not arrow:
                raise RowProblem(f"a match answer needs 'left=>right' items, got {piece[:40]!r}")
            if left.strip():
                pairs.append(Pair(left.strip(), right.strip()))
            else:
                distractors.append(right.strip())
        return {"pairs": tuple(pairs), "distractors": tuple(distractors)}
    if qtype is QuestionType.OPEN:
        points = []
        for piece in _list(cells.get("key_points", ""), "|"):
            match = _WEIGHT.match(piece)
            points.append(
                KeyPoint(match.group(2).strip(), float(match.group(1))) if match else KeyPoint(piece)
            )
        return {"model_answer": answer.strip(), "key_points": tuple(points)}
    return {"outputs": (answer.strip("\n"),) if answer.strip() else ()}
