"""How search text is cut into pieces: runs of CJK characters and Latin words, NFKC- and case-folded."""

from __future__ import annotations

import re
import unicodedata

CJK = "\u3400-\u9fff\uf900-\ufaff"
_PIECES = re.compile(rf"([{CJK}]+)|([0-9a-z]+)")  # "_" splits words, as in FTS5's unicode61
_COMPATIBILITY = re.compile("[\u3000\uff00-\uffef\u2460-\u24ff]")  # full-width forms, circled digits…


def fold(text: str) -> str:
    """NFKC (only where compatibility forms occur: it is slow) and case folding."""
    if _COMPATIBILITY.search(text):
        text = unicodedata.normalize("NFKC", text)
    return text.casefold()


def pieces(text: str) -> list[tuple[str, str]]:
    """('cjk', run) and ('word', word) pieces of folded text, in order."""
    return [("cjk", m.group(1)) if m.group(1) else ("word", m.group(2)) for m in _PIECES.finditer(fold(text))]


def query_pieces(query: str) -> list[str]:
    """The pieces of a query as a user would see them matched (for highlighting)."""
    return [piece for _, piece in pieces(query)]
