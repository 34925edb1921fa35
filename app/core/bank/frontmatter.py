"""Split a question file into YAML front matter and body, keeping line numbers for every key."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from app.core.bank.problems import ProblemSink

#: libyaml's C loader when PyYAML was built with it (about 10x faster), else the pure-Python one.
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
    text = "\n".join(lines[1:end])
    loader = _Loader(text)
    try:
        node = loader.get_single_node()  # one parse gives both the values and each key's line
        values = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        # libyaml puts an end-of-stream mark one line past the text; clamp it to the last YAML line
        line = min(mark.line + 2, end) if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc)
        sink.error(line, "bad-yaml", f"invalid YAML in front matter: {problem}")
        return None
    finally:
        loader.dispose()
    if values is None:
        values = {}
    if not isinstance(values, dict) or not isinstance(node, yaml.MappingNode | type(None)):
        sink.error(2, "bad-yaml", "front matter must be a YAML mapping of keys to values")
        return None
    key_lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            key_lines[str(key_node.value)] = key_node.start_mark.line + 2
    return FrontMatter({str(k): v for k, v in values.items()}, key_lines, end + 2)
