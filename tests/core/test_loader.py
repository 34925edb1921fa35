"""Loading bank folders: bad files are skipped and reported as file:line, the rest still loads."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.core.bank import Problem, Severity, load_bank

BROKEN_EXPECTED = {
    "misc/bad-encoding.md": (7, "bad-encoding"),
    "misc/bad-yaml.md": (5, "bad-yaml"),
    "misc/duplicate-b.md": (3, "duplicate-id"),
    "misc/no-correct.md": (9, "no-correct-option"),
    "misc/unknown-fact.md": (5, "unknown-fact"),
    "misc/unknown-type.md": (3, "unknown-type"),
    "misc/unterminated-fence.md": (9, "unterminated-fence"),
}


@pytest.fixture(scope="module")
def broken(broken_bank_dir: Path):
    return load_bank([broken_bank_dir], display_base=broken_bank_dir)


def test_good_files_of_a_broken_bank_still_load(broken) -> None:
    assert sorted(q.id for q in broken.questions) == ["dup", "still-loads"]
    assert broken.by_id["still-loads"].topic == "misc"
    assert broken.files == 9


def test_every_broken_file_is_reported_at_its_line(broken) -> None:
    first_error = {}
    for p in broken.errors:
        first_error.setdefault(p.file, (p.line, p.code))
    assert first_error == BROKEN_EXPECTED


def test_problem_str_is_file_colon_line_colon_message(broken) -> None:
    for p in broken.errors:
        assert str(p) == f"{p.file}:{p.line}: {p.message}"
    bad_yaml = next(p for p in broken.errors if p.code == "bad-yaml")
    assert str(bad_yaml).startswith("misc/bad-yaml.md:5: invalid YAML in front matter")


def test_warning_str_is_tagged() -> None:
    problem = Problem("a.md", 3, "untagged-fence", "no tag", Severity.WARNING)
    assert str(problem) == "a.md:3: no tag (warning)"


def test_duplicate_id_names_the_first_file(broken) -> None:
    [dup] = [p for p in broken.errors if p.code == "duplicate-id"]
    assert dup.file == "misc/duplicate-b.md"
    assert "'dup'" in dup.message
    assert "misc/duplicate-a.md" in dup.message
    assert broken.by_id["dup"].truth is True  # the first file's question is the one kept


def test_ids_must_be_unique_across_banks(good_bank_dir: Path) -> None:
    load = load_bank([good_bank_dir, good_bank_dir])
    assert len(load.questions) == 8
    assert [p.code for p in load.errors] == ["duplicate-id"] * 8


def test_unknown_fact_is_checked_against_facts_tsv(broken) -> None:
    [unknown] = [p for p in broken.errors if p.code == "unknown-fact"]
    assert "999.9.9" in unknown.message
    assert "000.1.1" not in unknown.message


def test_without_facts_tsv_any_fact_id_is_accepted(broken_bank_dir: Path, tmp_path: Path) -> None:
    shutil.copy(broken_bank_dir / "misc" / "unknown-fact.md", tmp_path / "q.md")
    (tmp_path / "q.md").write_text(
        (tmp_path / "q.md").read_text(encoding="utf-8").replace("facts:", "topic: misc\nfacts:"),
        encoding="utf-8",
    )
    load = load_bank([tmp_path])
    assert load.problems == []
    assert load.questions[0].facts == ("000.1.1", "999.9.9")


def test_missing_folder_is_reported_and_other_folders_still_load(good_bank_dir: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    load = load_bank([missing, good_bank_dir])
    assert len(load.questions) == 8
    [problem] = load.problems
    assert (problem.file, problem.code, problem.severity) == (str(missing), "no-bank", Severity.ERROR)


def test_readme_and_hidden_folders_are_skipped(good_bank_dir: Path, tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    shutil.copytree(good_bank_dir, bank)
    (bank / "README.md").write_text("# not a question\n", encoding="utf-8")
    (bank / "go-runtime" / "README.md").write_text("# notes\n", encoding="utf-8")
    (bank / ".git").mkdir()
    (bank / ".git" / "junk.md").write_text("not a question\n", encoding="utf-8")
    (bank / "go-runtime" / ".drafts").mkdir()
    (bank / "go-runtime" / ".drafts" / "wip.md").write_text("half written\n", encoding="utf-8")
    load = load_bank([bank])
    assert load.problems == []
    assert load.files == 8
    assert len(load.questions) == 8


def test_a_bank_inside_a_hidden_folder_still_loads(good_bank_dir: Path, tmp_path: Path) -> None:
    bank = tmp_path / ".local" / "share" / "bank"
    shutil.copytree(good_bank_dir, bank)
    load = load_bank([bank])
    assert load.problems == []
    assert len(load.questions) == 8


def test_display_base_makes_paths_relative(good_bank_dir: Path) -> None:
    load = load_bank([good_bank_dir, good_bank_dir], display_base=good_bank_dir)
    expected = {str(p.relative_to(good_bank_dir)) for p in good_bank_dir.rglob("*.md")}
    assert {p.file for p in load.errors} == expected
    assert "go-runtime/single.md" in expected


def test_count_by_sorts_keys(good_load) -> None:
    assert good_load.count_by("topic") == {"go-runtime": 7, "python": 1}
    assert good_load.count_by("difficulty") == {"1": 2, "2": 4, "3": 1, "4": 1}
