"""Parse the answer sections of each question type; report malformed lines by file line."""

from __future__ import annotations

import re
import string

from app.core.bank.problems import ProblemSink
from app.core.bank.sections import Block, closes_fence
from app.core.models import Choice, KeyPoint, Pair
from app.core.scoring import regex_of

_OPTION = re.compile(r"^\s*[-*+]\s+\[( |x|X)\]\s+(.*\S)\s*$")
_NUMBERED = re.compile(r"^\s*(\d+)[.)]\s+(.*\S)\s*$")
_PAIR = re.compile(r"^\s*[-*+]\s+(.*?)\s*=>\s*(.*\S)\s*$")
_KEY_POINT = re.compile(r"^\s*[-*+]\s+(?:\[(\d+(?:\.\d+)?)\]\s+)?(.*\S)\s*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
BLANK_MARK = re.compile(r"\{\{(\d+)\}\}")
MAX_OPTIONS = 8
TRUE_WORDS = {"true", "对", "正确", "是", "t", "yes"}
FALSE_WORDS = {"false", "错", "错误", "否", "f", "no"}


def _items(
    block: Block, pattern: re.Pattern[str], what: str, sink: ProblemSink
) -> list[tuple[int, list[str]]]:
    """Match every list item of a block as (line, groups); indented lines continue the last group."""
    items: list[tuple[int, list[str]]] = []
    for lineno, line in block.numbered():
        if not line.strip():
            continue
        match = pattern.match(line)
        if match:
            items.append((lineno, [g or "" for g in match.groups()]))
        elif line.startswith(("  ", "\t")) and items:
            items[-1][1][-1] += "\n" + line.strip()
        else:
            sink.error(lineno, "bad-item", f"expected {what}, got '{line.strip()[:60]}'")
    return items


def parse_options(block: Block, multiple: bool, sink: ProblemSink) -> tuple[Choice, ...]:
    """`- [x] text` items -> choices keyed A, B, C…; checks the count of correct options."""
    items = _items(block, _OPTION, "an option like '- [x] text' or '- [ ] text'", sink)
    if len(items) < 2:
        sink.error(block.heading_line, "too-few-options", "a choice question needs at least two options")
        return ()
    if len(items) > MAX_OPTIONS:
        sink.error(block.heading_line, "too-many-options", f"at most {MAX_OPTIONS} options (A-H)")
        return ()
    choices = tuple(
        Choice(string.ascii_uppercase[i], text, mark != " ") for i, (_, (mark, text)) in enumerate(items)
    )
    texts = [c.text for c in choices]
    for lineno, (_, text) in items:
        if texts.count(text) > 1:
            sink.error(lineno, "duplicate-option", f"option '{text[:40]}' appears twice")
            break
    correct = sum(c.correct for c in choices)
    if correct == 0:
        sink.error(block.heading_line, "no-correct-option", "no option is marked correct with [x]")
    elif not multiple and correct > 1:
        sink.error(
            block.heading_line, "several-correct", f"single choice needs exactly one [x], found {correct}"
        )
    return choices


def parse_truth(block: Block, sink: ProblemSink) -> bool | None:
    """`true` / `false` (or 对 / 错) on the first line of the answer."""
    word = block.text.splitlines()[0].strip().lower().rstrip(".。") if block.text else ""
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    sink.error(block.first_line, "bad-truth", f"a true/false answer must be 'true' or 'false', got '{word}'")
    return None


def parse_blanks(block: Block, stem: str, stem_line: int, sink: ProblemSink) -> tuple[tuple[str, ...], ...]:
    """Numbered blanks with `|`-separated alternatives; they must match the stem's {{n}} marks."""
    blanks: list[tuple[str, ...]] = []
    for lineno, (number, text) in _items(
        block, _NUMBERED, "a numbered blank like '1. answer | alternative'", sink
    ):
        if int(number) != len(blanks) + 1:
            sink.error(lineno, "blank-numbering", f"blanks must be numbered 1, 2, 3…; got {number}")
        alternatives = tuple(a.strip() for a in text.split(" | ") if a.strip())
        for alt in alternatives:
            pattern = regex_of(alt)
            if pattern is not None:
                try:
                    re.compile(pattern)
                except re.error as exc:
                    sink.error(lineno, "bad-regex", f"invalid regular expression {alt}: {exc}")
        blanks.append(alternatives)
    marks = [int(m) for m in BLANK_MARK.findall(stem)]
    if not blanks:
        sink.error(block.heading_line, "no-blanks", "a fill question needs at least one blank")
    elif sorted(marks) != list(range(1, len(blanks) + 1)):
        sink.error(
            stem_line,
            "blank-marks",
            f"the stem must mark each blank once as {{{{1}}}}…{{{{{len(blanks)}}}}}; found {marks or 'none'}",
        )
    return tuple(blanks)


def parse_order(block: Block, sink: ProblemSink) -> tuple[str, ...]:
    """A numbered list in the correct order."""
    items = [text for _, (_, text) in _items(block, _NUMBERED, "a numbered item like '1. first step'", sink)]
    if len(items) < 2:
        sink.error(block.heading_line, "too-few-items", "an ordering question needs at least two items")
    elif len(set(items)) != len(items):
        sink.error(block.heading_line, "duplicate-item", "ordering items must be distinct")
    return tuple(items)


def parse_pairs(block: Block, sink: ProblemSink) -> tuple[tuple[Pair, ...], tuple[str, ...]]:
    """`- left => right` pairs, and `- => right` distractors."""
    pairs: list[Pair] = []
    distractors: list[str] = []
    for lineno, (left, right) in _items(block, _PAIR, "a pair like '- left => right'", sink):
        left, right = left.strip(), right.strip()
        if not left:
            distractors.append(right)
        elif any(p.left == left for p in pairs):
            sink.error(lineno, "duplicate-left", f"left item '{left[:40]}' appears twice")
        else:
            pairs.append(Pair(left, right))
    if len(pairs) < 2:
        sink.error(block.heading_line, "too-few-pairs", "a matching question needs at least two pairs")
    return tuple(pairs), tuple(distractors)


def parse_key_points(block: Block, sink: ProblemSink) -> tuple[KeyPoint, ...]:
    """`- [weight] point` items; weight defaults to 1."""
    points = tuple(
        KeyPoint(text, float(weight) if weight else 1.0)
        for _, (weight, text) in _items(block, _KEY_POINT, "a key point like '- [2] point'", sink)
    )
    if not points:
        sink.error(block.heading_line, "no-key-points", "an open question needs at least one key point")
    elif any(p.weight <= 0 for p in points):
        sink.error(block.heading_line, "bad-weight", "key point weights must be positive")
    return points


def parse_outputs(block: Block, sink: ProblemSink) -> tuple[str, ...]:
    """The contents of each fenced block: the expected output and accepted alternatives."""
    outputs: list[str] = []
    current: list[str] | None = None
    opener = ""
    for line in block.lines:
        fence = _FENCE.match(line)
        if current is None and fence:
            current, opener = [], fence.group(1)
        elif current is not None and closes_fence(opener, line):
            outputs.append("\n".join(current))
            current = None
        elif current is not None:
            current.append(line)
    if not outputs:
        sink.error(block.heading_line, "no-output", "the output section needs a fenced block with the output")
    return tuple(outputs)
