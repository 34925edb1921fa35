"""A line-aware, entity-free XML parse (expat): every element remembers the line where it starts."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any
from xml.parsers import expat

LINE = " line"  # an attribute name no XML document can use


class XmlError(Exception):
    """Malformed or refused XML, at a 1-based line."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def parse_xml(text: str, first_line: int = 1) -> ET.Element:
    """The root element of `text`; DOCTYPE and entity declarations are refused (no entity expansion)."""
    builder = ET.TreeBuilder()
    parser = expat.ParserCreate(encoding="UTF-8")

    def start(tag: str, attrs: dict[str, str]) -> None:
        element = builder.start(tag, attrs)
        element.set(LINE, str(parser.CurrentLineNumber + first_line - 1))

    def refuse(*_: Any) -> None:
        raise XmlError(
            parser.CurrentLineNumber + first_line - 1, "DOCTYPE and entity declarations are not allowed"
        )

    parser.StartElementHandler = start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.data
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    try:
        parser.Parse(text.encode("utf-8"), True)
        return builder.close()
    except expat.ExpatError as exc:
        raise XmlError(
            exc.lineno + first_line - 1, f"malformed XML: {expat.errors.messages[exc.code]}"
        ) from None
    except XmlError:
        raise
    except Exception as exc:
        raise XmlError(parser.CurrentLineNumber + first_line - 1, f"malformed XML: {exc}") from None


def line_of(element: ET.Element) -> int:
    """The line where `element` starts."""
    try:
        return int(element.get(LINE, "1"))
    except ValueError:
        return 1


def child_text(element: ET.Element | None, *path: str) -> str:
    """The text of the first element down `path` (each step a child tag), '' when missing."""
    for tag in path:
        if element is None:
            return ""
        element = element.find(tag)
    return "" if element is None else "".join(element.itertext())
