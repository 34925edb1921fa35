"""Split a question file into YAML front matter and body, keeping line numbers for every key."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.core.bank.problems import ProblemSink
from app.core.bank.yaml_text import YamlSyntaxError, load_with_lines


@dataclass
class FrontMatter:
    """Parsed front matter: values, the line of each key, and the line where the body starts."""

    values: dict[str, Any] = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)
    body_start: int = 1

    def line_of(self, key: str) -> int:
        """The 1-based line of a key, or of the front matter's first line if absent."""
        return self.key_lines.get(key, 1)


def split_front_matter(lines: list[str], sink: ProblemSink) -> FrontMatter | None:
    """Parse the `---` delimited YAML block at the top; None (with an error) when it is missing or broken."""
    if not lines or lines[0].strip() != "---":
        sink.error(1, "no-front-matter", "file must start with a '---' line opening the YAML front matter")
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        sink.error(1, "unterminated-front-matter", "front matter opened with '---' is never closed")
        return None
    try:
        values, key_lines = load_with_lines("\n".join(lines[1:end]), first_line=2)
    except YamlSyntaxError as exc:
        sink.error(exc.line, "bad-yaml", f"invalid YAML in front matter: {exc.problem}")
        return None
    if values is None:
        values = {}
    if not isinstance(values, dict):
        sink.error(2, "bad-yaml", "front matter must be a YAML mapping of keys to values")
        return None
    return FrontMatter({str(k): v for k, v in values.items()}, key_lines, end + 2)
