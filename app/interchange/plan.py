"""Compare an import with a bank folder (added, updated, unchanged), then write the changes atomically."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from app.core.bank.dump import question_to_markdown
from app.core.bank.files import atomic_write_text
from app.core.bank.loader import bank_facts, load_bank
from app.core.models import Question, QuestionId
from app.interchange.build import canonical
from app.interchange.ids import ID_PATTERN
from app.interchange.model import ItemError, ParseResult


@dataclass(frozen=True)
class PlannedWrite:
    """A question to write, the file it goes to, and the line of its item in the input."""

    question: Question
    path: Path
    line: int


@dataclass
class ImportPlan:
    """What importing would do to a bank folder; nothing is written until apply_import."""

    bank_dir: Path
    added: list[tuple[QuestionId, int]] = field(default_factory=list)
    updated: list[tuple[QuestionId, int]] = field(default_factory=list)
    unchanged: list[tuple[QuestionId, int]] = field(default_factory=list)
    skipped: list[ItemError] = field(default_factory=list)
    errors: list[ItemError] = field(default_factory=list)
    warnings: list[ItemError] = field(default_factory=list)
    writes: list[PlannedWrite] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        """How many items fall in each category, for a preview."""
        return {
            "added": len(self.added),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "skipped": len(self.skipped),
            "errors": len(self.errors),
        }


def _same(a: Question, b: Question) -> bool:
    return dataclasses.replace(a, path="", content_hash="") == dataclasses.replace(
        b, path="", content_hash=""
    )


def plan_import(result: ParseResult, bank_dir: Path) -> ImportPlan:
    """Sort each imported question into added / updated / unchanged against the questions in `bank_dir`."""
    plan = ImportPlan(bank_dir, skipped=list(result.skipped), errors=list(result.errors))
    plan.warnings = list(result.warnings)
    existing = load_bank([bank_dir]).by_id if bank_dir.is_dir() else {}
    known_facts = bank_facts(bank_dir)[0] if bank_dir.is_dir() else None
    seen: dict[str, int] = {}
    for item in result.questions:
        question, where = item.question, f"{item.file}: " if item.file else ""
        if question.id in seen:
            plan.errors.append(
                ItemError(item.line, f"{where}id '{question.id}' repeats line {seen[question.id]}")
            )
            continue
        seen[question.id] = item.line
        if not ID_PATTERN.match(question.topic):
            plan.errors.append(
                ItemError(item.line, f"{where}topic {question.topic!r} is not a folder-safe slug")
            )
            continue
        checked, error = canonical(question, known_facts)
        if checked is None:
            plan.errors.append(ItemError(item.line, f"{where}{question.id}: {error}"))
            continue
        old = existing.get(question.id)
        target = Path(old.path) if old is not None else bank_dir / question.topic / f"{question.id}.md"
        if old is not None and _same(old, checked):
            plan.unchanged.append((question.id, item.line))
            continue
        if old is None and target.exists():
            plan.errors.append(
                ItemError(item.line, f"{where}{target} exists but is not a loadable question '{question.id}'")
            )
            continue
        (plan.updated if old is not None else plan.added).append((question.id, item.line))
        plan.writes.append(PlannedWrite(checked, target, item.line))
    plan.errors.sort(key=lambda e: e.line)
    return plan


def apply_import(plan: ImportPlan) -> list[Path]:
    """Write every added and updated question atomically; returns the files written."""
    written: list[Path] = []
    for write in plan.writes:
        atomic_write_text(write.path, question_to_markdown(write.question))
        written.append(write.path)
    return written
