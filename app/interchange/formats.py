"""The import and export formats by name, as the command line and the GUI offer them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from app.core.models import Question
from app.interchange.aiken import read_aiken, write_aiken
from app.interchange.csv_read import read_csv
from app.interchange.csv_write import write_csv
from app.interchange.folder import read_markdown, read_markdown_folder
from app.interchange.gift_read import read_gift
from app.interchange.gift_write import write_gift
from app.interchange.ids import source_prefix
from app.interchange.jsonfmt import read_json, write_json
from app.interchange.model import Exported, ParseResult
from app.interchange.moodle_read import read_moodle_xml
from app.interchange.moodle_write import write_moodle_xml

Reader = Callable[[bytes, str, str], ParseResult]
TextWriter = Callable[[Sequence[Question]], Exported]

READERS: dict[str, Reader] = {
    "gift": read_gift,
    "moodle-xml": read_moodle_xml,
    "aiken": read_aiken,
    "csv": read_csv,
    "markdown": read_markdown,
    "json": read_json,
}
TEXT_WRITERS: dict[str, TextWriter] = {
    "moodle-xml": write_moodle_xml,
    "gift": write_gift,
    "json": write_json,
    "csv": write_csv,
    "aiken": write_aiken,
}
EXPORT_FORMATS = ("anki", "moodle-xml", "gift", "markdown", "json", "csv", "aiken")


def read_path(path: Path, format_name: str, default_topic: str = "") -> ParseResult:
    """Read a file (or, for markdown, a bank folder) in the named format; never raises for bad content."""
    topic = default_topic or source_prefix(path.name)
    if format_name == "markdown" and path.is_dir():
        return read_markdown_folder(path, topic)
    return READERS[format_name](path.read_bytes(), path.name, topic)
