"""The pages of the main window's stack, in insertion order."""

from __future__ import annotations

from enum import IntEnum


class Page(IntEnum):
    """The pages of the stack, in insertion order."""

    SETUP = 0
    EXAM = 1
    RESULT = 2
    BROWSER = 3
    REVIEW = 4
    HISTORY = 5
