"""Split a question body into its stem and `## Section`s, aware of code fences."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.core.bank.problems import ProblemSink

SECTION_ALIASES: dict[str, str] = {
    "options": "options",
    "选项": "options",
    "answer": "answer",
    "答案": "answer",
    "blanks": "blanks",
    "填空": "blanks",
    "order": "order",
    "顺序": "order",
    "pairs": "pairs",
    "配对": "pairs",
    "key points": "key points",
    "得分点": "key points",
    "output": "output",
    "输出": "output",
    "explanation": "explanation",
    "解析": "explanation",
}

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)")
_HEADING = re.compile(r"^##\s+(.+?)\s*#*\s*$")


@dataclass
class Block:
    """A run of body lines; `first_line` is the 1-based file line of lines[0]."""

    first_line: int
    heading_line: int
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The block's text with surrounding blank lines trimmed."""
        return "\n".join(self.lines).strip("\n").rstrip()

    def numbered(self) -> list[tuple[int, str]]:
        """Each line with its 1-based file line number."""
        return [(self.first_line + i, line) for i, line in enumerate(self.lines)]


@dataclass
class Body:
    """The stem and the named sections of a question."""

    stem: Block
    sections: dict[str, Block]


def split_body(lines: list[str], first_line: int, sink: ProblemSink) -> Body:
    """Cut the body at level-2 headings outside fences; report unknown and repeated sections."""
    stem = Block(first_line, first_line)
    sections: dict[str, Block] = {}
    current = stem
    fence: tuple[str, int] | None = None
    for offset, line in enumerate(lines):
        lineno = first_line + offset
        match = _FENCE.match(line)
        if fence is None and match:
            fence = (match.group(1), lineno)
            if not match.group(2):
                sink.warn(lineno, "untagged-fence", "code fence has no language tag (e.g. ```go)")
        elif fence is not None and match and closes_fence(fence[0], line):
            fence = None
        elif fence is None and (heading := _HEADING.match(line)):
            name = SECTION_ALIASES.get(heading.group(1).strip().lower())
            if name is None:
                sink.error(lineno, "unknown-section", f"unknown section '## {heading.group(1)}'")
                current = Block(lineno + 1, lineno)  # swallow its content
                continue
            if name in sections:
                sink.error(lineno, "repeated-section", f"section '## {heading.group(1)}' appears twice")
            current = Block(lineno + 1, lineno)
            sections[name] = current
            continue
        current.lines.append(line)
    if fence is not None:
        sink.error(fence[1], "unterminated-fence", f"code fence {fence[0]} opened here is never closed")
    return Body(stem, sections)


def closes_fence(opener: str, line: str) -> bool:
    """Whether `line` closes a fence opened with `opener` (same character, at least as long)."""
    stripped = line.strip()
    return stripped.startswith(opener[0] * len(opener)) and set(stripped) == {opener[0]}
