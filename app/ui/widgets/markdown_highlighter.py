"""MarkdownHighlighter: colours front matter, section headings, list markers and code fences in the editor."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

_RULES = (
    (re.compile(r"^##\s.*$"), "#0b57d0", True),
    (re.compile(r"^\s*(?:[-*+]\s+\[[ xX]\]|[-*+]|\d+[.)])\s"), "#8250df", True),
    (re.compile(r"\{\{\d+\}\}"), "#b3261e", True),
    (re.compile(r"=>"), "#b3261e", True),
    (re.compile(r"`[^`\n]+`"), "#116329", False),
)
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
IN_FRONT_MATTER, IN_FENCE, IN_BODY = 1, 2, 3


def _format(color: str, bold: bool) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    return fmt


class MarkdownHighlighter(QSyntaxHighlighter):
    """Highlights a question file line by line; block state tracks front matter and fences."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._rules = [(pattern, _format(color, bold)) for pattern, color, bold in _RULES]
        self._meta = _format("#6e7781", False)
        self._code = _format("#116329", False)

    def highlightBlock(self, text: str) -> None:
        previous = self.previousBlockState()
        first = self.currentBlock().blockNumber() == 0
        if (first and text.strip() == "---") or previous == IN_FRONT_MATTER:
            self.setFormat(0, len(text), self._meta)
            closing = previous == IN_FRONT_MATTER and text.strip() == "---"
            self.setCurrentBlockState(IN_BODY if closing else IN_FRONT_MATTER)
            return
        if _FENCE.match(text):
            self.setFormat(0, len(text), self._code)
            self.setCurrentBlockState(IN_BODY if previous == IN_FENCE else IN_FENCE)
            return
        if previous == IN_FENCE:
            self.setFormat(0, len(text), self._code)
            self.setCurrentBlockState(IN_FENCE)
            return
        self.setCurrentBlockState(IN_BODY)
        for pattern, fmt in self._rules:
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), fmt)
