"""Read Moodle XML: <quiz> of <question type=...>, categories, HTML text converted to Markdown."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from app.interchange.build import finish
from app.interchange.ids import IdMaker, slugify, topic_slug
from app.interchange.model import ParseResult
from app.interchange.moodle_types import MoodleItem, read_question
from app.interchange.text import decode, line_at
from app.interchange.xmltree import XmlError, child_text, line_of, parse_xml

_QUESTION_START = re.compile(r"<question\b")
UNSUPPORTED = {
    "description": "description-only item: nothing to ask",
    "cloze": "cloze questions are not supported",
    "multianswer": "cloze questions are not supported",
}


@dataclass
class _State:
    ids: IdMaker
    default_topic: str
    category: list[str] = field(default_factory=list)


def read_moodle_xml(data: bytes, source_name: str, default_topic: str) -> ParseResult:
    """Questions from a Moodle XML export; a well-formedness error loses only the items it is in."""
    result = ParseResult()
    bad_lines: list[int] = []
    try:
        text, bad_lines = decode(data)
        state = _State(IdMaker(source_name), default_topic)
        try:
            root = parse_xml(text)
        except XmlError as error:
            _salvage(text, error, state, result)
        else:
            if root.tag != "quiz":
                result.error(
                    line_of(root), f"not a Moodle XML file: the root element is <{root.tag}>, not <quiz>"
                )
            else:
                for element in root:
                    _element(element, state, result)
    except Exception as exc:
        result.error(1, f"internal error reading the file: {exc!r}")
    return finish(result, bad_lines, "Moodle XML")


def _salvage(text: str, error: XmlError, state: _State, result: ParseResult) -> None:
    """After a well-formedness error, parse each <question> on its own so the good ones still import."""
    starts = [m.start() for m in _QUESTION_START.finditer(text)]
    if not starts:
        result.error(error.line, error.message)
        return
    end = text.rfind("</quiz>")
    for index, start in enumerate(starts):
        stop = starts[index + 1] if index + 1 < len(starts) else (end if end > start else len(text))
        first_line = line_at(text, start)
        try:
            quiz = parse_xml("<quiz>" + text[start:stop] + "</quiz>", first_line)
        except XmlError as item_error:
            result.error(max(first_line, item_error.line), item_error.message)
            continue
        for element in quiz:
            _element(element, state, result)


def _element(element: ET.Element, state: _State, result: ParseResult) -> None:
    if element.tag != "question":
        return
    line = line_of(element)
    qtype = element.get("type", "").strip().lower()
    if qtype == "category":
        path = child_text(element, "category", "text") or child_text(element, "category")
        parts = [p.strip() for p in path.split("/") if p.strip() and not p.strip().startswith("$")]
        state.category = parts[1:] if parts and parts[0].lower() == "top" else parts
        return
    if qtype in UNSUPPORTED:
        result.skip(line, UNSUPPORTED[qtype])
        return
    topic = topic_slug(state.category[-1], state.default_topic) if state.category else ""
    tags = [slugify(p) for p in state.category]
    tags += [slugify(t.text or "") for t in element.findall("tags/tag/text")]
    item = MoodleItem(
        element=element,
        qtype=qtype,
        line=line,
        name=child_text(element, "name", "text"),
        topic=topic or topic_slug(state.default_topic, ""),
        tags=tuple(dict.fromkeys([*(t for t in tags if t), "moodle-xml"])),
    )
    try:
        read_question(item, state.ids, result)
    except Exception as exc:
        result.error(line, f"internal error reading this question: {exc!r}")
