"""Banks merged by id, user overrides of shipped questions, incremental re-scans and undoable deletes."""

from __future__ import annotations

import dataclasses
import os
import shutil
from pathlib import Path

import pytest

from app.core.bank.dump import question_to_markdown
from app.core.bank.files import atomic_write_text
from app.core.bank.library import Bank, Library, ReadOnlyBankError
from app.core.bank.scanner import BankScanner
from app.core.models import QuestionId

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def banks(tmp_path: Path) -> tuple[Bank, Bank]:
    shipped = tmp_path / "shipped"
    shutil.copytree(FIXTURES / "good_bank", shipped)
    return Bank(shipped, "shipped", writable=False), Bank(tmp_path / "user", "mine", writable=True)


def _library(banks: tuple[Bank, Bank]) -> Library:
    library = Library([banks[0]], banks[1])
    library.refresh()
    return library


def _touch_later(path: Path) -> None:
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


def test_rescan_with_nothing_changed_reads_no_file(banks: tuple[Bank, Bank]) -> None:
    scanner = BankScanner(banks[0].root)
    first = scanner.scan()
    assert first.parsed == first.seen > 0
    again = scanner.scan()
    assert (again.read, again.parsed, again.changed) == (0, 0, set())


def test_rescan_parses_only_a_file_whose_content_changed(banks: tuple[Bank, Bank]) -> None:
    scanner = BankScanner(banks[0].root)
    scanner.scan()
    files = sorted(scanner.entries)
    touched, edited = files[0], files[1]
    _touch_later(touched)  # same bytes, newer mtime: read and hashed, not parsed
    edited.write_text(edited.read_text(encoding="utf-8").replace("difficulty: ", "difficulty: 5 #", 1))
    stats = scanner.scan()
    assert stats.read == 2
    assert stats.parsed == 1
    assert stats.changed == {edited}


def test_editing_a_shipped_question_saves_an_override_that_wins(banks: tuple[Bank, Bank]) -> None:
    library = _library(banks)
    qid = next(iter(library.state.questions))
    shipped = library.state.questions[qid]
    edited = dataclasses.replace(shipped, explanation="改过的解析，足够长来教会读者为什么。")
    changes = library.plan_save(edited, question_to_markdown(edited), previous=shipped)
    library.apply(changes)
    assert changes[0].path == banks[1].root / shipped.topic / f"{qid}.md"
    assert Path(shipped.path).read_text(encoding="utf-8")  # shipped file untouched
    assert library.refresh() == {qid}
    assert library.state.questions[qid].explanation == edited.explanation
    assert qid in library.state.overridden
    assert library.state.origin[qid] is banks[1]
    assert not [p for p in library.state.problems if p.code == "duplicate-id"]


def test_revert_to_shipped_removes_the_override_and_undo_brings_it_back(banks: tuple[Bank, Bank]) -> None:
    library = _library(banks)
    qid = next(iter(library.state.questions))
    shipped = library.state.questions[qid]
    edited = dataclasses.replace(shipped, difficulty=5 if shipped.difficulty != 5 else 1)
    library.apply(library.plan_save(edited, question_to_markdown(edited), previous=shipped))
    library.refresh()
    deletion = library.plan_delete(qid)
    library.apply(deletion)
    library.refresh()
    assert library.state.questions[qid].difficulty == shipped.difficulty
    assert qid not in library.state.overridden
    library.revert(deletion)
    library.refresh()
    assert library.state.questions[qid].difficulty == edited.difficulty


def test_shipped_questions_cannot_be_deleted(banks: tuple[Bank, Bank]) -> None:
    library = _library(banks)
    with pytest.raises(ReadOnlyBankError):
        library.plan_delete(next(iter(library.state.questions)))


def test_renaming_a_user_question_leaves_no_stale_copy(banks: tuple[Bank, Bank]) -> None:
    library = _library(banks)
    source = next(iter(library.state.questions.values()))
    mine = dataclasses.replace(source, id=QuestionId("mine-one"))
    library.apply(library.plan_save(mine, question_to_markdown(mine)))
    library.refresh()
    mine = library.state.questions[QuestionId("mine-one")]
    moved = dataclasses.replace(mine, id=QuestionId("mine-two"), topic="elsewhere")
    changes = library.plan_save(moved, question_to_markdown(moved), previous=mine)
    library.apply(changes)
    library.refresh()
    assert changes[0].path == banks[1].root / "elsewhere" / "mine-two.md"
    assert QuestionId("mine-one") not in library.state.questions
    assert library.state.questions[QuestionId("mine-two")].topic == "elsewhere"
    assert not Path(mine.path).exists()


def test_duplicate_ids_between_user_banks_are_reported(banks: tuple[Bank, Bank], tmp_path: Path) -> None:
    other = Bank(tmp_path / "other", "other", writable=True)
    library = Library([banks[0], banks[1], other], banks[1])
    library.refresh()
    source = next(iter(library.state.questions.values()))
    copy = dataclasses.replace(source, id=QuestionId("twice"))
    for bank in (banks[1], other):
        atomic_write_text(bank.root / copy.topic / "twice.md", question_to_markdown(copy))
    library.refresh()
    dupes = [p for p in library.state.problems if p.code == "duplicate-id"]
    assert len(dupes) == 1
    assert library.state.origin[QuestionId("twice")] is banks[1]


def test_atomic_write_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "a" / "q.md"
    atomic_write_text(target, "一\n")
    atomic_write_text(target, "二\n")
    assert target.read_text(encoding="utf-8") == "二\n"
    assert [p.name for p in target.parent.iterdir()] == ["q.md"]


def test_planned_changes_apply_and_revert_exactly(banks: tuple[Bank, Bank]) -> None:
    library = _library(banks)
    shipped = next(iter(library.state.questions.values()))
    edited = dataclasses.replace(shipped, tags=("retagged",))
    override = library.plan_save(edited, question_to_markdown(edited), previous=shipped)
    assert [(c.before, c.after is not None) for c in override] == [(None, True)]  # a new override file
    library.apply(override)
    library.refresh()
    assert library.state.questions[shipped.id].tags == ("retagged",)
    moved = dataclasses.replace(library.state.questions[shipped.id], topic="moved")
    move = library.plan_save(moved, question_to_markdown(moved), previous=library.state.questions[shipped.id])
    library.apply(move)
    library.refresh()
    assert library.state.questions[shipped.id].topic == "moved"
    live = [p for p in banks[1].root.rglob("*.md") if ".trash" not in p.parts]
    assert len(live) == 1  # the old override went to the trash
    library.revert(move)
    library.revert(override)
    library.refresh()
    assert library.state.questions[shipped.id] == shipped
    assert qid_overrides(library) == set()


def qid_overrides(library: Library) -> set[QuestionId]:
    return set(library.state.overridden)
