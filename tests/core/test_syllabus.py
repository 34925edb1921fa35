"""Reading a facts TSV and measuring how much of it a bank covers."""

from __future__ import annotations

from pathlib import Path

from app.core.bank.syllabus import Fact, measure_coverage, read_facts
from app.core.models import Question, QuestionId, QuestionType


def _question(qid: str, *facts: str) -> Question:
    return Question(QuestionId(qid), QuestionType.SINGLE, "t", "stem", "why", 1, facts=facts)


def test_read_facts_with_header(good_bank_dir: Path) -> None:
    facts, problems = read_facts(good_bank_dir / "facts.tsv")
    assert problems == []
    assert list(facts) == ["000.1.1", "000.1.2", "000.3.4", "000.3.5", "003.1.1"]
    assert facts["000.3.5"] == Fact("000.3.5", "Scheduling", "LRQ 256")
    assert facts["000.3.5"].section == "000.3"


def test_header_is_optional_and_bom_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "facts.tsv"
    path.write_text("\ufeff000.1.1\tAllocator\tTiers\n000.10.2\tNet\tTCP\twith a tab\n", encoding="utf-8")
    facts, problems = read_facts(path)
    assert problems == []
    assert list(facts) == ["000.1.1", "000.10.2"]
    assert facts["000.10.2"].text == "TCP\twith a tab"
    assert facts["000.10.2"].section == "000.10"


def test_malformed_rows_are_reported_with_their_line(tmp_path: Path) -> None:
    path = tmp_path / "facts.tsv"
    path.write_text(
        "id\tsection\tfact\n"  # 1
        "000.1.1\tAllocator\tTiers\n"  # 2
        "000.1.2 Allocator mcache\n"  # 3: spaces, not tabs
        "\n"  # 4: blank lines are fine
        "\tAllocator\tno id\n"  # 5
        "000.1.1\tAllocator\tagain\n"  # 6
        "000.2.1\tOnly two\n",  # 7
        encoding="utf-8",
    )
    facts, problems = read_facts(path)
    assert [(p.line, p.code) for p in problems] == [
        (3, "bad-row"),
        (5, "bad-row"),
        (6, "duplicate-fact"),
        (7, "bad-row"),
    ]
    assert all(p.file == str(path) for p in problems)
    assert list(facts) == ["000.1.1"]


def test_unreadable_file_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "facts.tsv"
    path.write_bytes(b"000.1.1\tA\t\xff\n")
    facts, problems = read_facts(path)
    assert facts == {}
    assert [(p.line, p.code) for p in problems] == [(1, "unreadable")]
    assert read_facts(tmp_path / "missing.tsv")[1][0].code == "unreadable"


def test_coverage_per_section_total_missing_and_unknown(good_bank_dir: Path) -> None:
    facts, _ = read_facts(good_bank_dir / "facts.tsv")
    questions = [
        _question("a", "000.1.1"),
        _question("b", "000.1.1", "000.3.5"),
        _question("c", "000.3.5", "999.1.1"),
    ]
    coverage = measure_coverage(questions, facts)
    assert (coverage.facts_total, coverage.facts_covered) == (5, 2)
    assert coverage.missing == ("000.1.2", "000.3.4", "003.1.1")
    assert coverage.unknown == ("999.1.1",)
    assert list(coverage.sections) == ["000.1", "000.3", "003.1"]
    allocator = coverage.sections["000.1"]
    assert (allocator.title, allocator.total, allocator.covered, allocator.questions) == (
        "Allocator",
        2,
        1,
        2,
    )
    assert allocator.missing == ("000.1.2",)
    scheduling = coverage.sections["000.3"]
    assert (scheduling.covered, scheduling.questions, scheduling.missing) == (1, 2, ("000.3.4",))
    python = coverage.sections["003.1"]
    assert (python.covered, python.questions, python.missing) == (0, 0, ("003.1.1",))


def test_question_counts_once_per_section_however_many_facts(good_bank_dir: Path) -> None:
    facts, _ = read_facts(good_bank_dir / "facts.tsv")
    coverage = measure_coverage([_question("a", "000.1.1", "000.1.2")], facts)
    assert coverage.sections["000.1"].questions == 1
    assert coverage.sections["000.1"].covered == 2


def test_sections_sort_numerically(tmp_path: Path) -> None:
    path = tmp_path / "facts.tsv"
    path.write_text(
        "000.10.1\tTen\tx\n000.2.1\tTwo\ty\n000.2.10\tTwo\tz\n000.2.9\tTwo\tw\n", encoding="utf-8"
    )
    facts, _ = read_facts(path)
    coverage = measure_coverage([], facts)
    assert list(coverage.sections) == ["000.2", "000.10"]
    assert coverage.missing == ("000.2.1", "000.2.9", "000.2.10", "000.10.1")


def test_good_bank_covers_its_whole_syllabus(good_load, good_bank_dir: Path) -> None:
    facts, _ = read_facts(good_bank_dir / "facts.tsv")
    coverage = measure_coverage(good_load.questions, facts)
    assert (coverage.facts_total, coverage.facts_covered, coverage.missing, coverage.unknown) == (
        5,
        5,
        (),
        (),
    )
