"""Read Moodle GIFT text: items split by blank lines, titles, categories, escapes and answer blocks."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.interchange.build import finish
from app.interchange.gift_answers import Item, parse_item
from app.interchange.gift_syntax import CATEGORY, escape, split_format, unescape
from app.interchange.ids import IdMaker, slugify, topic_slug
from app.interchange.model import ParseResult
from app.interchange.text import decode, line_at

DESCRIPTION = "description-only item (no answers): nothing to ask"


@dataclass
class _Source:
    """The state carried from block to block: category and ids."""

    ids: IdMaker
    default_topic: str
    category: list[str] = field(default_factory=list)


def _blocks(text: str) -> list[tuple[int, str]]:
    """Items as (first line, text): runs of non-blank lines; `//` comment lines are blanked."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if not stripped:
            current = None
        elif stripped.startswith("//"):
            if current is not None:
                current.append("")
        elif current is None:
            current = [line]
            blocks.append((number, current))
        else:
            current.append(line)
    return [(start, "\n".join(lines)) for start, lines in blocks]


def read_gift(data: bytes, source_name: str, default_topic: str) -> ParseResult:
    """Questions from a GIFT file; malformed items are errors, unsupported ones are skipped."""
    result = ParseResult()
    bad_lines: list[int] = []
    try:
        text, bad_lines = decode(data)
        source = _Source(IdMaker(source_name), default_topic)
        for start, block in _blocks(text):
            try:
                _read_block(escape(block), start, source, result)
            except Exception as exc:
                result.error(start, f"internal error reading this item: {exc!r}")
    except Exception as exc:
        result.error(1, f"internal error reading the file: {exc!r}")
    if not result.questions and not result.errors and all(s.message == DESCRIPTION for s in result.skipped):
        result.skipped.clear()  # not one answer block: this is not GIFT at all
    return finish(result, bad_lines, "GIFT")


def _read_block(block: str, start: int, source: _Source, result: ParseResult) -> None:
    while block.startswith(CATEGORY):
        first, _, rest = block.partition("\n")
        path = unescape(first[len(CATEGORY) :]).strip()
        source.category = [p.strip() for p in path.split("/") if p.strip() and not p.strip().startswith("$")]
        if source.category and source.category[0].lower() == "top":
            source.category = source.category[1:]
        if not rest.strip():
            return
        start = line_at(block, len(first) + 1 + len(rest) - len(rest.lstrip()), start)
        block = rest.lstrip()
    name, body_at = "", 0
    if block.startswith("::"):
        end = block.find("::", 2)
        if end >= 0:
            name, body_at = unescape(block[2:end]).strip(), end + 2
        else:
            body_at = 2
    body = block[body_at:]
    opening, closing = body.find("{"), body.find("}")
    if opening < 0 and closing < 0:
        result.skip(start, DESCRIPTION)
        return
    if 0 <= closing < opening or opening < 0:
        result.error(line_at(block, body_at + closing, start), "'}' without an opening '{'")
        return
    closing = body.find("}", opening)
    if closing < 0:
        result.error(line_at(block, body_at + opening, start), "'{' is never closed with '}'")
        return
    after = body[closing + 1 :]
    if "{" in after:
        result.skip(start, "several answer blocks in one item (cloze) are not supported")
        return
    if "}" in after:
        result.error(line_at(block, body_at + closing + 1 + after.find("}"), start), "'}' without '{'")
        return
    text_format, before = split_format(body[:opening], "moodle")
    topic = topic_slug(source.category[-1], source.default_topic) if source.category else ""
    item = Item(
        name=name,
        before=before,
        answers=body[opening + 1 : closing],
        after=after,
        text_format=text_format,
        line=start,
        topic=topic or topic_slug(source.default_topic, ""),
        tags=(*(t for t in (slugify(p) for p in source.category) if t), "gift"),
    )
    parse_item(item, source.ids, result)
