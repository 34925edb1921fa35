"""The `bank check` and `bank coverage` commands, in process and once through `python -m app`."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import run

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
GOOD = FIXTURES / "good_bank"
BROKEN = FIXTURES / "broken_bank"
PROBLEM_LINE = re.compile(r"^(?P<file>[^:\n]+\.md):(?P<line>\d+): (?P<message>.+)$")


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = run(list(argv), out)
    return code, out.getvalue()


def test_check_good_bank_prints_counts_and_exits_0() -> None:
    code, out = _run("bank", "check", str(GOOD))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "8 questions loaded from 8 files, 0 errors"
    assert "by topic: go-runtime: 7, python: 1" in lines
    assert (
        "by type: fill: 1, match: 1, multiple: 1, open: 1, order: 1, output: 1, single: 1, truefalse: 1"
        in lines
    )
    assert "by difficulty: 1: 2, 2: 4, 3: 1, 4: 1" in lines


def test_check_broken_bank_lists_problems_as_path_line_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BROKEN)
    code, out = _run("bank", "check", ".")
    assert code == 1
    problems = [m.groupdict() for line in out.splitlines() if (m := PROBLEM_LINE.match(line))]
    assert {(p["file"], int(p["line"])) for p in problems} >= {
        ("misc/bad-encoding.md", 7),
        ("misc/bad-yaml.md", 5),
        ("misc/duplicate-b.md", 3),
        ("misc/no-correct.md", 9),
        ("misc/unknown-fact.md", 5),
        ("misc/unknown-type.md", 3),
        ("misc/unterminated-fence.md", 9),
    }
    assert "misc/no-correct.md:9: no option is marked correct with [x]" in out.splitlines()
    # a missing explanation only warns
    assert "2 questions loaded from 9 files, 8 errors" in out.splitlines()
    warning = "misc/unterminated-fence.md:7: no '## Explanation'"
    assert any(line.startswith(warning) and line.endswith("(warning)") for line in out.splitlines())


def test_check_paths_are_shown_relative_to_the_working_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)
    code, out = _run("bank", "check", str(BROKEN))
    assert code == 1
    assert "broken_bank/misc/bad-yaml.md:5: invalid YAML in front matter" in out


def test_check_json_report(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BROKEN)
    code, out = _run("bank", "check", "--json", ".")
    assert code == 1
    report = json.loads(out)
    assert {"questions", "by_type", "by_topic", "errors"} <= set(report)
    assert report["questions"] == 2
    assert report["by_type"] == {"truefalse": 2}
    assert report["by_topic"] == {"misc": 2}
    assert all({"file", "line", "message"} <= set(e) for e in report["errors"])
    assert {"file": "misc/unknown-type.md", "line": 3} in [
        {"file": e["file"], "line": e["line"]} for e in report["errors"]
    ]
    unknown_fact = next(e for e in report["errors"] if e["file"] == "misc/unknown-fact.md")
    assert "999.9.9" in unknown_fact["message"]


def test_check_json_of_good_bank() -> None:
    code, out = _run("bank", "check", "--json", str(GOOD))
    assert code == 0
    report = json.loads(out)
    assert report["questions"] == 8
    assert report["errors"] == []
    assert report["by_topic"] == {"go-runtime": 7, "python": 1}
    assert set(report["by_type"]) == {
        "single",
        "multiple",
        "truefalse",
        "fill",
        "order",
        "match",
        "open",
        "output",
    }


def test_check_warnings_do_not_fail(tmp_path: Path) -> None:
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "q.md").write_text(
        "---\nid: q\ntype: truefalse\ndifficulty: 1\nfacts: []\n---\nstem\n\n```\ncode\n```\n\n"
        "## Answer\ntrue\n\n## Explanation\nwhy\n",
        encoding="utf-8",
    )
    code, out = _run("bank", "check", str(tmp_path))
    assert code == 0
    assert "q.md:9: code fence has no language tag (e.g. ```go) (warning)" in out


def test_check_missing_folder_fails(tmp_path: Path) -> None:
    code, out = _run("bank", "check", str(tmp_path / "nope"))
    assert code == 1
    assert "bank folder does not exist" in out


def test_coverage_json() -> None:
    code, out = _run("bank", "coverage", str(GOOD), "--syllabus", str(GOOD / "facts.tsv"), "--json")
    assert code == 0
    report = json.loads(out)
    assert report["facts_total"] == 5
    assert report["facts_covered"] == 5
    assert report["missing"] == []
    assert report["unknown"] == []
    assert list(report["sections"]) == ["000.1", "000.3", "003.1"]
    assert report["sections"]["000.1"] == {
        "title": "Allocator",
        "total": 2,
        "covered": 2,
        "questions": 4,
        "missing": [],
    }


def test_coverage_against_a_wider_syllabus_shows_gaps_and_unknowns(tmp_path: Path) -> None:
    syllabus = tmp_path / "facts.tsv"
    syllabus.write_text("id\tsection\tfact\n000.1.1\tAllocator\tTiers\n000.9.1\tGC\tMark\n", encoding="utf-8")
    code, out = _run("bank", "coverage", str(GOOD), "--syllabus", str(syllabus), "--json")
    assert code == 0
    report = json.loads(out)
    assert (report["facts_total"], report["facts_covered"]) == (2, 1)
    assert report["missing"] == ["000.9.1"]
    assert report["unknown"] == ["000.1.2", "000.3.4", "000.3.5", "003.1.1"]
    assert report["sections"]["000.9"]["missing"] == ["000.9.1"]


def test_coverage_text_report() -> None:
    code, out = _run("bank", "coverage", str(GOOD), "--syllabus", str(GOOD / "facts.tsv"))
    assert code == 0
    assert "total: 5/5 facts covered (100.0%)" in out


def test_coverage_with_an_empty_syllabus_fails(tmp_path: Path) -> None:
    syllabus = tmp_path / "facts.tsv"
    syllabus.write_text("id\tsection\tfact\n", encoding="utf-8")
    code, out = _run("bank", "coverage", str(GOOD), "--syllabus", str(syllabus))
    assert code == 1
    assert "no facts read" in out


def test_python_m_app_bank_check_entry_point() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "app", "bank", "check", str(GOOD)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "8 questions loaded from 8 files, 0 errors" in proc.stdout
