"""Helpers for the import/export tests: fixture files, comparisons, the fixture bank paths."""

from __future__ import annotations

import dataclasses
import html
import re
from pathlib import Path

from app.core.models import Question
from app.interchange.model import ParseResult
from app.interchange.text import markdown_to_html, one_line

FIXTURES = Path(__file__).parent / "fixtures"
GOOD_BANK = Path(__file__).parents[1] / "fixtures" / "good_bank"
SAMPLE_SIZE = 100


def fixture_bytes(name: str) -> bytes:
    """The raw bytes of a fixture file."""
    return (FIXTURES / name).read_bytes()


def clean(question: Question) -> Question:
    """A question without its file path and hash, for comparisons."""
    return dataclasses.replace(question, path="", content_hash="")


def visible(markdown: str) -> str:
    """The text a reader sees once Markdown is rendered: tags dropped, entities decoded, spaces folded."""
    return one_line(html.unescape(re.sub(r"<[^>]+>", " ", markdown_to_html(markdown))))


def by_title(result: ParseResult, prefix: str) -> dict[str, Question]:
    """Imported questions keyed by their id without the source prefix."""
    return {item.question.id.removeprefix(prefix + "-"): item.question for item in result.questions}
