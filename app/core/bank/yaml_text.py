"""Parse a YAML document once, keeping the file line of every top-level key and of any syntax error."""

from __future__ import annotations

from typing import Any

import yaml

#: libyaml's C loader when PyYAML was built with it (about 10x faster), else the pure-Python one.
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlSyntaxError(ValueError):
    """Invalid YAML, located by the file line where the parser noticed it."""

    def __init__(self, line: int, problem: str) -> None:
        super().__init__(f"line {line}: {problem}")
        self.line = line
        self.problem = problem


def load_with_lines(text: str, first_line: int = 1) -> tuple[Any, dict[str, int]]:
    """The document's value, and the file line of each top-level mapping key.

    `first_line` is the file line of the text's first line. Errors are reported within the text's lines:
    libyaml marks an unclosed bracket on the end-of-stream line, one past the text, and that is clamped.
    """
    last_line = first_line + max(len(text.splitlines()), 1) - 1
    loader = _Loader(text)
    try:
        node = loader.get_single_node()  # one parse gives both the values and each key's line
        value = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = min(mark.line + first_line, last_line) if mark is not None else first_line
        raise YamlSyntaxError(line, str(getattr(exc, "problem", None) or exc)) from exc
    finally:
        loader.dispose()
    key_lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        key_lines = {str(key.value): key.start_mark.line + first_line for key, _ in node.value}
    return value, key_lines
