"""Incremental indexing of one bank folder: stat every file, re-read changed ones, re-parse on a new hash."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.core.bank.loader import bank_facts, display_name, question_files, read_question_file
from app.core.bank.parse import content_hash
from app.core.bank.problems import Problem
from app.core.models import Question


@dataclass(frozen=True)
class FileEntry:
    """What the scanner knows of one file: its stat signature, content hash and parse outcome."""

    mtime_ns: int
    size: int
    digest: str
    question: Question | None
    problems: tuple[Problem, ...]


@dataclass
class ScanStats:
    """What one scan did: files seen, files read, files parsed, and the paths that changed."""

    seen: int = 0
    read: int = 0
    parsed: int = 0
    changed: set[Path] = field(default_factory=set)


class BankScanner:
    """Keeps one bank folder's parsed questions up to date at the cost of a stat per unchanged file."""

    def __init__(self, root: Path, display_base: Path | None = None) -> None:
        self.root = root
        self.display_base = display_base
        self.entries: dict[Path, FileEntry] = {}
        self.facts_problems: list[Problem] = []
        self._facts_signature: tuple[int, int] | None = None
        self._known_facts: frozenset[str] | None = None

    def scan(self) -> ScanStats:
        """Bring the entries up to date with the folder; returns what changed."""
        stats = ScanStats()
        facts_changed = self._refresh_facts()
        paths = question_files(self.root) if self.root.is_dir() else []
        for path in paths:
            stats.seen += 1
            try:
                st = path.stat()
            except OSError:
                continue
            old = self.entries.get(path)
            if not facts_changed and old and (old.mtime_ns, old.size) == (st.st_mtime_ns, st.st_size):
                continue
            entry = self._read(path, st.st_mtime_ns, st.st_size, old, facts_changed, stats)
            if old is None or old.digest != entry.digest or facts_changed:
                stats.changed.add(path)
            self.entries[path] = entry
        for gone in set(self.entries) - set(paths):
            del self.entries[gone]
            stats.changed.add(gone)
        return stats

    def _refresh_facts(self) -> bool:
        facts_path = self.root / "facts.tsv"
        try:
            st = facts_path.stat()
            signature: tuple[int, int] | None = (st.st_mtime_ns, st.st_size)
        except OSError:
            signature = None
        if signature == self._facts_signature and (signature is not None or self.entries):
            return False
        self._facts_signature = signature
        self._known_facts, problems = bank_facts(self.root)
        self.facts_problems = problems
        return True

    def _read(
        self, path: Path, mtime_ns: int, size: int, old: FileEntry | None, force: bool, stats: ScanStats
    ) -> FileEntry:
        shown = display_name(path, self.display_base)
        stats.read += 1
        try:
            data = path.read_bytes()
        except OSError:
            question, problems = read_question_file(path, shown, self.root, self._known_facts)
            return FileEntry(mtime_ns, size, "", question, tuple(problems))
        digest = content_hash(data)
        if old is not None and old.digest == digest and not force:
            return FileEntry(mtime_ns, size, digest, old.question, old.problems)
        stats.parsed += 1
        question, problems = read_question_file(path, shown, self.root, self._known_facts, data)
        return FileEntry(mtime_ns, size, digest, question, tuple(problems))
