"""Highlight the pieces of a search query in rendered HTML (text only, never inside tags)."""

from __future__ import annotations

import html
import re

from app.core.search_text import query_pieces

_TAG = re.compile(r"(<[^>]+>)")
MARK = "<span style='background:#ffe58f'>\\1</span>"


def highlight(body: str, query: str) -> str:
    """Wrap each query piece found in the HTML's text (never inside tags) in a highlight."""
    pieces = [re.escape(html.escape(p)) for p in query_pieces(query)]
    if not pieces:
        return body
    pattern = re.compile("(" + "|".join(sorted(pieces, key=len, reverse=True)) + ")", re.IGNORECASE)
    return "".join(p if p.startswith("<") else pattern.sub(MARK, p) for p in _TAG.split(body))
