"""`mockexam import` and `mockexam export`, run in process."""

from __future__ import annotations

import io
import json
from pathlib import Path

from interchange_support import FIXTURES, GOOD_BANK

from app.cli import run
from app.core.bank import load_bank
from app.core.models import Answer, Blueprint, Exam, Mark, QuestionId, Result
from app.main import main
from app.paths import database_path
from app.storage.db import open_database
from app.storage.repositories import SqlAttemptStore

GIFT = str(FIXTURES / "examples.gift")


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = run(list(argv), out)
    return code, out.getvalue()


def test_dry_run_json_prints_the_counts_and_writes_nothing(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    code, out = _run("import", GIFT, "--format", "gift", "--into", str(bank), "--dry-run", "--json")
    assert code == 0
    report = json.loads(out)
    assert list(report) == ["added", "updated", "unchanged", "skipped", "errors", "skipped_items"]
    assert (report["added"], report["updated"], report["unchanged"], report["skipped"]) == (22, 0, 0, 2)
    assert report["errors"] == []
    assert report["skipped_items"][0] == {
        "line": 109,
        "message": "essay without key points cannot be self-graded",
    }
    assert not bank.exists()


def test_import_writes_a_bank_that_bank_check_accepts(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    code, out = _run(
        "import", str(FIXTURES / "moodle_export.xml"), "--format", "moodle-xml", "--into", str(bank)
    )
    assert code == 0, out
    assert "7 added, 0 updated, 0 unchanged, 3 skipped, 0 errors" in out
    assert "7 files written" in out
    code, out = _run("bank", "check", str(bank))
    assert code == 0, out
    assert (
        out.startswith("7 questions loaded from 7 files, 0 errors")
        or "7 questions loaded from 7 files" in out
    )
    code, out = _run(
        "import", str(FIXTURES / "moodle_export.xml"), "--format", "moodle-xml", "--into", str(bank)
    )
    assert "0 added, 0 updated, 7 unchanged" in out


def test_item_errors_exit_1_but_the_good_items_are_imported(tmp_path: Path) -> None:
    source = tmp_path / "mixed.gift"
    source.write_text("::ok::Fine? {T}\n\n::bad::Broken {=a\n", encoding="utf-8")
    code, out = _run("import", str(source), "--format", "gift", "--into", str(tmp_path / "bank"), "--json")
    assert code == 1
    report = json.loads(out)
    assert report["added"] == 1
    assert report["errors"] == [{"line": 3, "message": "'{' is never closed with '}'"}]
    assert (tmp_path / "bank" / "mixed" / "mixed-ok.md").is_file()


def test_unusable_input_exits_2(tmp_path: Path) -> None:
    code, _ = _run(
        "import", str(tmp_path / "missing.gift"), "--format", "gift", "--into", str(tmp_path / "b")
    )
    assert code == 2
    code, out = _run("import", GIFT, "--format", "json", "--into", str(tmp_path / "b"), "--json")
    assert code == 2
    assert json.loads(out)["errors"][0]["message"].startswith("not valid JSON")
    assert not (tmp_path / "b").exists()


def test_markdown_folder_import_keeps_ids(tmp_path: Path) -> None:
    code, out = _run("import", str(GOOD_BANK), "--format", "markdown", "--into", str(tmp_path / "bank"))
    assert code == 0, out
    assert (tmp_path / "bank" / "go-runtime" / "fx-single.md").is_file()


def test_export_gift_by_topic_writes_a_file_and_lists_skips(tmp_path: Path) -> None:
    target = tmp_path / "go.gift"
    code, out = _run("export", "--format", "gift", "--topic", "go-runtime", "--out", str(target))
    assert code == 0, out
    text = target.read_text(encoding="utf-8")
    assert "$CATEGORY: $course$/top/go-runtime" in text
    assert text.count("$CATEGORY:") == 1
    assert "skipped " in out
    assert "GIFT has no ordering question" in out
    assert out.splitlines()[-1].startswith("wrote ")


def test_export_markdown_and_anki_from_extra_banks(tmp_path: Path) -> None:
    code, out = _run(
        "export",
        "--format",
        "markdown",
        "--bank",
        str(GOOD_BANK),
        "--topic",
        "python",
        "--out",
        str(tmp_path / "md"),
    )
    assert code == 0, out
    ids = {q.id for q in load_bank([tmp_path / "md"]).questions}
    assert "fx-output" in ids
    assert all(q.topic == "python" for q in load_bank([tmp_path / "md"]).questions)
    assert (
        main(
            [
                "export",
                "--format",
                "anki",
                "--bank",
                str(GOOD_BANK),
                "--topic",
                "python",
                "--out",
                str(tmp_path / "p.apkg"),
            ]
        )
        == 0
    )
    assert (tmp_path / "p.apkg").stat().st_size > 0


def test_export_wrong_only_reads_the_attempt_history(tmp_path: Path) -> None:
    args = [
        "export",
        "--format",
        "json",
        "--bank",
        str(GOOD_BANK),
        "--wrong-only",
        "--out",
        str(tmp_path / "w.json"),
    ]
    code, out = _run(*args)
    assert code == 1
    assert "no attempt history yet" in out
    question = load_bank([GOOD_BANK]).by_id[QuestionId("fx-truefalse")]
    store = SqlAttemptStore(open_database(database_path()))
    attempt = store.start_attempt(Exam(Blueprint("t", 1, None), 1, (question,)), 1000.0, None)
    store.save_answer(attempt, Answer(question.id, question.content_hash, True, 1001.0))
    store.finish_attempt(attempt, Result((Mark(question.id, 0.0, 1.0),)), 1002.0)
    code, out = _run(*args)
    assert code == 0, out
    exported = json.loads((tmp_path / "w.json").read_text(encoding="utf-8"))
    assert [q["id"] for q in exported["questions"]] == ["fx-truefalse"]
