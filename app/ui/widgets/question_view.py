"""QuestionView: a read-only rich-text view of rendered Markdown that never fetches anything."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QTextBrowser, QWidget


class QuestionView(QTextBrowser):
    """Shows HTML from app.render; links and resources stay inert."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setObjectName("questionView")

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        """Refuse every external resource: questions cannot make the app reach the network or disk."""
        return None
