"""A problem found in a bank file, located by file and line."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """Errors skip the question; warnings only report."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a bank file: where, a stable code, and a message for authors."""

    file: str
    line: int
    code: str
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        tag = "" if self.severity is Severity.ERROR else " (warning)"
        return f"{self.file}:{self.line}: {self.message}{tag}"


class ProblemSink:
    """Collects problems for one file, so parsers report without raising."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.items: list[Problem] = []

    def error(self, line: int, code: str, message: str) -> None:
        """Record an error: the question will be skipped."""
        self.items.append(Problem(self.file, line, code, message))

    def warn(self, line: int, code: str, message: str) -> None:
        """Record a warning: the question still loads."""
        self.items.append(Problem(self.file, line, code, message, Severity.WARNING))

    @property
    def has_errors(self) -> bool:
        """Whether any error (not warning) was recorded."""
        return any(p.severity is Severity.ERROR for p in self.items)
