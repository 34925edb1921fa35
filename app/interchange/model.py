"""What importers return and exporters report: imported questions, per-item errors and skips."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from app.core.models import Question, QuestionId


@dataclass(frozen=True)
class ItemError:
    """A problem with one item of an input file, at its 1-based line."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass(frozen=True)
class ImportedQuestion:
    """A question read from a file, with the 1-based line where its item starts (and its file, if many)."""

    question: Question
    line: int
    file: str = ""


@dataclass
class ParseResult:
    """The outcome of reading one input: good questions, malformed items, and items we cannot represent.

    `warnings` notes what was read with a loss (e.g. a numeric tolerance narrowed to the exact value).
    """

    questions: list[ImportedQuestion] = field(default_factory=list)
    errors: list[ItemError] = field(default_factory=list)
    skipped: list[ItemError] = field(default_factory=list)
    warnings: list[ItemError] = field(default_factory=list)

    @property
    def nothing_read(self) -> bool:
        """Whether the input yielded neither a question nor a recognised (skipped) item."""
        return not self.questions and not self.skipped

    def error(self, line: int, message: str) -> None:
        """Record a malformed item."""
        self.errors.append(ItemError(max(1, line), message))

    def skip(self, line: int, message: str) -> None:
        """Record an item we cannot represent."""
        self.skipped.append(ItemError(max(1, line), message))

    def warn(self, line: int, message: str) -> None:
        """Record a loss while reading an item that was still imported."""
        self.warnings.append(ItemError(max(1, line), message))


@dataclass(frozen=True)
class ExportSkip:
    """A question an exporter left out, and why."""

    question_id: QuestionId
    reason: str

    def __str__(self) -> str:
        return f"{self.question_id}: {self.reason}"


class Exported(NamedTuple):
    """The text an exporter wrote and the questions it had to leave out."""

    text: str
    skipped: list[ExportSkip]
