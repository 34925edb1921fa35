"""The banks a user works with: the read-only shipped bank and writable user banks, merged by id."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.core.bank.files import atomic_write_text, move_to_trash
from app.core.bank.problems import Problem
from app.core.bank.scanner import BankScanner
from app.core.models import Question, QuestionId


@dataclass(frozen=True)
class Bank:
    """One bank folder; the shipped bank is not writable."""

    root: Path
    name: str
    writable: bool


@dataclass(frozen=True)
class FileChange:
    """One file's content before and after an edit; None means the file does not exist."""

    path: Path
    before: str | None
    after: str | None


@dataclass
class LibraryState:
    """The merged view: questions by id (a user copy wins over the shipped one) and where each lives."""

    questions: dict[QuestionId, Question] = field(default_factory=dict)
    origin: dict[QuestionId, Bank] = field(default_factory=dict)
    overridden: set[QuestionId] = field(default_factory=set)  # shipped ids a user bank overrides
    problems: list[Problem] = field(default_factory=list)
    files: int = 0


class ReadOnlyBankError(Exception):
    """A change was asked of a question that only exists in a read-only bank."""


class Library:
    """Loads and re-scans every bank; saves, deletes and reverts questions in the writable ones.

    `banks[0]` may be the shipped bank; `default_bank` is where edits of shipped questions
    (overrides) and new questions go, created on first write.
    """

    def __init__(self, banks: Sequence[Bank], default_bank: Bank, display_base: Path | None = None) -> None:
        self.banks = list(banks)
        if default_bank not in self.banks:
            self.banks.append(default_bank)
        self.default_bank = default_bank
        self._display_base = display_base
        self._scanners = {bank.root: BankScanner(bank.root, display_base) for bank in self.banks}
        self.state = LibraryState()

    def files(self) -> list[Path]:
        """Every question file the last scan saw, across all banks."""
        return [path for scanner in self._scanners.values() for path in scanner.entries]

    def add_bank(self, bank: Bank) -> None:
        """Load another bank folder from now on (call `refresh` to read it)."""
        if all(b.root != bank.root for b in self.banks):
            self.banks.append(bank)
            self._scanners[bank.root] = BankScanner(bank.root, self._display_base)

    def refresh(self) -> set[QuestionId]:
        """Re-scan every bank (only changed files are read) and rebuild the merged view.

        Returns the ids whose question appeared, vanished or changed.
        """
        for scanner in self._scanners.values():
            scanner.scan()
        before = self.state.questions
        self.state = self._merge()
        after = self.state.questions
        return {
            qid
            for qid in before.keys() | after.keys()
            if before.get(qid) is None
            or after.get(qid) is None
            or before[qid].content_hash != after[qid].content_hash
            or before[qid].path != after[qid].path
        }

    def _merge(self) -> LibraryState:
        state = LibraryState()
        for bank in self.banks:
            scanner = self._scanners[bank.root]
            state.problems.extend(scanner.facts_problems)
            if not bank.root.is_dir() and bank is not self.default_bank:
                state.problems.append(Problem(str(bank.root), 0, "no-bank", "bank folder does not exist"))
            for path in sorted(scanner.entries):
                entry = scanner.entries[path]
                state.files += 1
                state.problems.extend(entry.problems)
                question = entry.question
                if question is None:
                    continue
                self._place(question, bank, state, path)
        return state

    def _place(self, question: Question, bank: Bank, state: LibraryState, path: Path) -> None:
        qid = question.id
        holder = state.origin.get(qid)
        if holder is not None and not (not holder.writable and bank.writable and qid not in state.overridden):
            state.problems.append(
                Problem(str(path), 1, "duplicate-id", f"id '{qid}' is already used by {holder.name}")
            )
            return
        if holder is not None:
            state.overridden.add(qid)
        state.questions[qid] = question
        state.origin[qid] = bank

    # ---- edits -------------------------------------------------------------------------------

    def bank_of(self, path: Path) -> Bank | None:
        """The bank whose folder holds `path`."""
        for bank in self.banks:
            if path.is_relative_to(bank.root):
                return bank
        return None

    def target_path(self, question: Question, previous: Question | None = None) -> Path:
        """Where saving `question` writes: the writable bank it (or its previous version) lives in,
        else the default user bank."""
        bank = self.state.origin.get(question.id)
        if (bank is None or not bank.writable) and previous is not None:
            bank = self.bank_of(Path(previous.path))
        if bank is None or not bank.writable:
            bank = self.default_bank
        return bank.root / question.topic / f"{question.id}.md"

    # ---- undoable edits as file changes ---------------------------------------------------------

    def plan_save(self, question: Question, text: str, previous: Question | None = None) -> list[FileChange]:
        """The file changes that saving `question` as `text` makes (nothing is written yet)."""
        path = self.target_path(question, previous)
        changes = [FileChange(path, _read(path), text)]
        for old in (previous, self.state.questions.get(question.id)):
            if old is None or Path(old.path) == path or any(c.path == Path(old.path) for c in changes):
                continue
            bank = self.bank_of(Path(old.path))
            if bank is not None and bank.writable and Path(old.path).exists():
                changes.append(FileChange(Path(old.path), _read(Path(old.path)), None))
        return changes

    def plan_delete(self, qid: QuestionId) -> list[FileChange]:
        """The change that deletes a user question or override (reverting it to the shipped one)."""
        bank = self.state.origin.get(qid)
        question = self.state.questions.get(qid)
        if bank is None or question is None:
            raise KeyError(qid)
        if not bank.writable:
            raise ReadOnlyBankError(f"'{qid}' belongs to the read-only bank {bank.name}")
        return [FileChange(Path(question.path), _read(Path(question.path)), None)]

    def apply(self, changes: Sequence[FileChange]) -> None:
        """Make each change: write the new text atomically, or move a removed file to its bank's trash."""
        for change in changes:
            self._set(change.path, change.after)

    def revert(self, changes: Sequence[FileChange]) -> None:
        """Undo `apply`: put every file back as it was before."""
        for change in reversed(changes):
            self._set(change.path, change.before)

    def _set(self, path: Path, text: str | None) -> None:
        bank = self.bank_of(path)
        if bank is None or not bank.writable:
            raise ReadOnlyBankError(f"{path} is not in a writable bank")
        if text is not None:
            atomic_write_text(path, text)
        elif path.exists():
            move_to_trash(path, bank.root)


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
