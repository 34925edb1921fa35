"""Stable ids for imported questions: source file stem plus the item's title or a hash of its text."""

from __future__ import annotations

import hashlib
import re
from pathlib import PurePath

from app.core.models import QuestionId
from app.core.scoring import normalize_text

ID_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
MAX_SLUG = 48


def slugify(text: str, max_length: int = MAX_SLUG) -> str:
    """Lowercase a-z, 0-9 and single dashes; '' when `text` has none of them (e.g. only Chinese)."""
    slug = _NOT_SLUG.sub("-", text.lower()).strip("-")
    return slug[:max_length].strip("-")


def text_hash(text: str) -> str:
    """The first 10 hex digits of the sha1 of the normalised text (case, width and white space folded)."""
    return hashlib.sha1(normalize_text(text).encode("utf-8")).hexdigest()[:10]


def source_prefix(source_name: str) -> str:
    """The slug of a source file's stem ('import' when it has no usable characters)."""
    name = PurePath(source_name.replace("\\", "/")).name
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    return slugify(stem) or "import"


def topic_slug(name: str, default: str) -> str:
    """A category or topic name as a folder-safe topic; `default` (or 'imported') when it slugs to ''."""
    return slugify(name) or slugify(default) or "imported"


class IdMaker:
    """Hands out ids for one source file; a repeated id gets -2, -3, ... in order of appearance."""

    def __init__(self, source_name: str) -> None:
        self.prefix = source_prefix(source_name)
        self._used: set[str] = set()

    def make(self, title: str, text: str) -> QuestionId:
        """`prefix-slug(title)` for an ASCII title, else `prefix-<hash of text>`."""
        title = title.strip()
        part = slugify(title) if title and title.isascii() else ""
        return self.claim(f"{self.prefix}-{part or text_hash(text)}")

    def claim(self, base: str) -> QuestionId:
        """`base`, or the first free `base-N`."""
        candidate, number = base, 1
        while candidate in self._used:
            number += 1
            candidate = f"{base}-{number}"
        self._used.add(candidate)
        return QuestionId(candidate)
