"""The non-GUI commands: `mockexam bank check` and `mockexam bank coverage`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from app.core.bank import BankLoad, load_bank
from app.core.bank.syllabus import Coverage, measure_coverage, read_facts
from app.paths import shipped_bank_dir


def build_parser() -> argparse.ArgumentParser:
    """The `mockexam bank …` argument parser."""
    parser = argparse.ArgumentParser(prog="mockexam", description="MockExam command-line tools")
    commands = parser.add_subparsers(dest="command", required=True)
    bank = commands.add_parser("bank", help="check a question bank")
    bank_commands = bank.add_subparsers(dest="bank_command", required=True)
    check = bank_commands.add_parser("check", help="validate question files; exit 1 on any error")
    check.add_argument("dirs", nargs="*", type=Path, help="bank folders (default: the shipped bank)")
    check.add_argument("--json", action="store_true", help="print a JSON report")
    coverage = bank_commands.add_parser("coverage", help="which syllabus facts the bank covers")
    coverage.add_argument("dirs", nargs="*", type=Path, help="bank folders (default: the shipped bank)")
    coverage.add_argument("--syllabus", type=Path, required=True, help="facts TSV: id, section, fact")
    coverage.add_argument("--json", action="store_true", help="print a JSON report")
    return parser


def run(argv: Sequence[str], out: TextIO = sys.stdout) -> int:
    """Run a CLI command; returns the exit code."""
    args = build_parser().parse_args(list(argv))
    dirs = args.dirs or [shipped_bank_dir()]
    load = load_bank(dirs, display_base=Path.cwd())
    if args.bank_command == "check":
        return _check(load, args.json, out)
    return _coverage(load, args.syllabus, args.json, out)


def _check(load: BankLoad, as_json: bool, out: TextIO) -> int:
    errors = load.errors
    if as_json:
        report = {
            "questions": len(load.questions),
            "files": load.files,
            "by_type": load.count_by("type"),
            "by_topic": load.count_by("topic"),
            "by_difficulty": load.count_by("difficulty"),
            "errors": [
                {"file": p.file, "line": p.line, "message": p.message, "code": p.code} for p in errors
            ],
            "warnings": [
                {"file": p.file, "line": p.line, "message": p.message, "code": p.code}
                for p in load.problems
                if p not in errors
            ],
        }
        json.dump(report, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        for problem in load.problems:
            out.write(f"{problem}\n")
        out.write(f"{len(load.questions)} questions loaded from {load.files} files, {len(errors)} errors\n")
        for label, attribute in (("topic", "topic"), ("type", "type"), ("difficulty", "difficulty")):
            counts = ", ".join(f"{k}: {v}" for k, v in load.count_by(attribute).items())
            out.write(f"by {label}: {counts or '-'}\n")
    return 1 if errors else 0


def _coverage(load: BankLoad, syllabus: Path, as_json: bool, out: TextIO) -> int:
    facts, problems = read_facts(syllabus)
    if not facts:
        out.write(f"{syllabus}: no facts read" + "".join(f"\n{p}" for p in problems) + "\n")
        return 1
    coverage = measure_coverage(load.questions, facts)
    if as_json:
        json.dump(_coverage_json(coverage), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    for sid, sec in coverage.sections.items():
        gaps = f"  missing: {' '.join(sec.missing)}" if sec.missing else ""
        out.write(
            f"{sid:<8} {sec.covered:>3}/{sec.total:<3} facts  {sec.questions:>3} questions"
            f"  {sec.title}{gaps}\n"
        )
    share = coverage.facts_covered / coverage.facts_total
    out.write(f"total: {coverage.facts_covered}/{coverage.facts_total} facts covered ({share:.1%})\n")
    if coverage.unknown:
        out.write(f"unknown fact ids used by the bank: {' '.join(coverage.unknown)}\n")
    return 0


def _coverage_json(coverage: Coverage) -> dict[str, Any]:
    return {
        "facts_total": coverage.facts_total,
        "facts_covered": coverage.facts_covered,
        "missing": list(coverage.missing),
        "unknown": list(coverage.unknown),
        "sections": {
            sid: {
                "title": s.title,
                "total": s.total,
                "covered": s.covered,
                "questions": s.questions,
                "missing": list(s.missing),
            }
            for sid, s in coverage.sections.items()
        },
    }
