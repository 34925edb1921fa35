"""Load every question file under one or more bank folders; bad files are skipped and listed."""

from __future__ import annotations

import codecs
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.core.bank.parse import parse_question
from app.core.bank.problems import Problem, ProblemSink, Severity
from app.core.bank.syllabus import read_facts
from app.core.models import Question, QuestionId

FACTS_FILE = "facts.tsv"
SKIPPED_NAMES = {"README.md"}


@dataclass
class BankLoad:
    """The outcome of loading banks: good questions, every problem, and how many files were read."""

    questions: list[Question] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0

    @property
    def errors(self) -> list[Problem]:
        """Problems that made a file be skipped."""
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def by_id(self) -> dict[QuestionId, Question]:
        """Questions keyed by id."""
        return {q.id: q for q in self.questions}

    def count_by(self, attribute: str) -> dict[str, int]:
        """Question counts by topic, type or difficulty, sorted by key."""
        counts = Counter(str(getattr(q, attribute)) for q in self.questions)
        return dict(sorted(counts.items()))


def question_files(root: Path) -> list[Path]:
    """The Markdown question files of a bank folder, in a stable order, hidden folders skipped."""
    return sorted(
        p
        for p in root.rglob("*.md")
        if p.name not in SKIPPED_NAMES and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )


def load_bank(roots: Sequence[Path], display_base: Path | None = None) -> BankLoad:
    """Parse every question under `roots`; ids must be unique across all of them."""
    result = BankLoad()
    first_seen: dict[str, str] = {}
    for root in roots:
        if not root.is_dir():
            result.problems.append(Problem(str(root), 0, "no-bank", "bank folder does not exist"))
            continue
        known_facts = _known_facts(root, result)
        for path in question_files(root):
            result.files += 1
            shown = display_name(path, display_base)
            question, problems = read_question_file(path, shown, root, known_facts)
            result.problems.extend(problems)
            if question is None:
                continue
            if question.id in first_seen:
                result.problems.append(
                    Problem(
                        shown,
                        _line_of_id(path),
                        "duplicate-id",
                        f"id '{question.id}' is already used by {first_seen[question.id]}",
                    )
                )
                continue
            first_seen[question.id] = shown
            result.questions.append(question)
    return result


def _known_facts(root: Path, result: BankLoad) -> frozenset[str] | None:
    facts, problems = bank_facts(root)
    result.problems.extend(problems)
    return facts


def bank_facts(root: Path) -> tuple[frozenset[str] | None, list[Problem]]:
    """The fact ids of a bank's facts.tsv (None when it has none) and the problems reading it."""
    facts_path = root / FACTS_FILE
    if not facts_path.is_file():
        return None, []
    facts, problems = read_facts(facts_path)
    return frozenset(facts), problems


def read_question_file(
    path: Path, shown: str, root: Path, known_facts: frozenset[str] | None, data: bytes | None = None
) -> tuple[Question | None, list[Problem]]:
    """Read and parse one question file (or its already read `data`); None and the problems on error."""
    sink = ProblemSink(shown)
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            sink.error(0, "unreadable", f"cannot read file: {exc.strerror or exc}")
            return None, sink.items
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # utf-8-sig reports offsets after a stripped BOM; count from the file's first byte
        start = exc.start + (len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0)
        line = data[:start].count(b"\n") + 1
        sink.error(line, "bad-encoding", f"not valid UTF-8 (byte {start}); save the file as UTF-8")
        return None, sink.items
    rel = path.relative_to(root)
    default_topic = rel.parts[0] if len(rel.parts) > 1 else ""
    question = parse_question(text, str(path), sink, default_topic, known_facts)
    return question, sink.items


def display_name(path: Path, base: Path | None) -> str:
    """`path` relative to `base` when it lies under it, else the full path."""
    if base is not None:
        try:
            return str(path.relative_to(base))
        except ValueError:
            pass
    return str(path)


def _line_of_id(path: Path) -> int:
    try:
        for lineno, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
            if line.startswith("id:"):
                return lineno
    except (OSError, UnicodeDecodeError):
        pass
    return 1
