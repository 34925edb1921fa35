"""The non-GUI commands: `mockexam bank check|coverage`, `mockexam import` and `mockexam export`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from app.core.bank import BankLoad, load_bank
from app.core.bank.files import atomic_write_text
from app.core.bank.syllabus import Coverage, measure_coverage, read_facts
from app.core.history import build_history
from app.core.models import Question
from app.interchange.anki import write_anki
from app.interchange.folder import write_markdown_folder
from app.interchange.formats import EXPORT_FORMATS, READERS, TEXT_WRITERS, read_path
from app.interchange.model import ExportSkip, ItemError
from app.interchange.plan import ImportPlan, apply_import, plan_import
from app.paths import database_path, shipped_bank_dir


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
    _add_interchange_parsers(commands)
    return parser


def _add_interchange_parsers(commands: Any) -> None:
    importer = commands.add_parser("import", help="import questions from another format into a bank folder")
    importer.add_argument("file", type=Path, help="the file to read (a folder for --format markdown)")
    importer.add_argument("--format", required=True, choices=sorted(READERS), help="the file's format")
    importer.add_argument("--into", required=True, type=Path, help="the bank folder to write into")
    importer.add_argument("--topic", default="", help="topic of questions whose source names none")
    importer.add_argument("--dry-run", action="store_true", help="report what would change; write nothing")
    importer.add_argument("--json", action="store_true", help="print the counts as JSON")
    exporter = commands.add_parser("export", help="export the shipped bank (and --bank folders)")
    exporter.add_argument("--format", required=True, choices=EXPORT_FORMATS, help="the format to write")
    exporter.add_argument("--out", required=True, type=Path, help="the file (a folder for markdown) to write")
    exporter.add_argument("--topic", action="append", default=[], help="only this topic (repeatable)")
    exporter.add_argument(
        "--wrong-only", action="store_true", help="only questions in the wrong-question book"
    )
    exporter.add_argument("--bank", action="append", type=Path, default=[], help="another bank folder")
    exporter.add_argument("--deck", default="MockExam", help="the Anki deck name")


def run(argv: Sequence[str], out: TextIO = sys.stdout) -> int:
    """Run a CLI command; returns the exit code."""
    args = build_parser().parse_args(list(argv))
    if args.command == "import":
        return _import(args, out)
    if args.command == "export":
        return _export(args, out)
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


def _import_report(plan: ImportPlan | None, errors: list[ItemError], out: TextIO, as_json: bool) -> None:
    counts = plan.counts if plan else {"added": 0, "updated": 0, "unchanged": 0, "skipped": 0, "errors": 0}
    skipped = plan.skipped if plan else []
    if as_json:
        report: dict[str, Any] = {k: counts[k] for k in ("added", "updated", "unchanged", "skipped")}
        report["errors"] = [{"line": e.line, "message": e.message} for e in errors]
        report["skipped_items"] = [{"line": e.line, "message": e.message} for e in skipped]
        json.dump(report, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    for label, items in (("error", errors), ("skipped", skipped), ("warning", plan.warnings if plan else [])):
        for item in items:
            out.write(f"line {item.line}: {label}: {item.message}\n")
    out.write(", ".join(f"{v} {k}" for k, v in counts.items()) + "\n")


def _import(args: argparse.Namespace, out: TextIO) -> int:
    source: Path = args.file
    if not source.exists() or (source.is_dir() and args.format != "markdown"):
        _import_report(None, [ItemError(1, f"{source}: no such file")], out, args.json)
        return 2
    try:
        result = read_path(source, args.format, args.topic)
    except OSError as exc:
        _import_report(None, [ItemError(1, f"{source}: cannot read: {exc.strerror or exc}")], out, args.json)
        return 2
    if result.nothing_read:
        _import_report(None, result.errors, out, args.json)
        return 2
    plan = plan_import(result, args.into)
    try:
        written = [] if args.dry_run else apply_import(plan)
    except OSError as exc:
        _import_report(
            plan, [*plan.errors, ItemError(1, f"cannot write into {args.into}: {exc}")], out, args.json
        )
        return 2
    _import_report(plan, plan.errors, out, args.json)
    if not args.json:
        out.write(
            f"dry run: nothing written to {args.into}\n"
            if args.dry_run
            else f"{len(written)} files written\n"
        )
    return 1 if plan.errors else 0


def _wrong_book(questions: list[Question], out: TextIO) -> list[Question] | None:
    from app.storage.db import DatabaseError, open_database
    from app.storage.repositories import SqlAttemptStore

    path = database_path()
    if not path.exists():
        out.write("no attempt history yet: the wrong-question book is empty\n")
        return []
    try:
        attempts = SqlAttemptStore(open_database(path)).finished_attempts_with_answers()
    except DatabaseError as exc:
        out.write(f"cannot read the attempt history: {exc}\n")
        return None
    history = build_history(attempts, {q.id: q for q in questions})
    return [q for q in questions if (s := history.questions.get(q.id)) is not None and s.in_wrong_book]


def _export(args: argparse.Namespace, out: TextIO) -> int:
    load = load_bank([shipped_bank_dir(), *args.bank], display_base=Path.cwd())
    if load.errors:
        out.write(f"{len(load.errors)} bank files have errors and are left out (see `mockexam bank check`)\n")
    questions = [q for q in load.questions if not args.topic or q.topic in args.topic]
    if args.wrong_only:
        wrong = _wrong_book(questions, out)
        if wrong is None:
            return 2
        questions = wrong
    if not questions:
        out.write("no questions to export\n")
        return 1
    skipped: list[ExportSkip] = []
    try:
        if args.format == "anki":
            write_anki(questions, args.out, args.deck)
        elif args.format == "markdown":
            write_markdown_folder(questions, args.out)
        else:
            text, skipped = TEXT_WRITERS[args.format](questions)
            atomic_write_text(args.out, text)
    except OSError as exc:
        out.write(f"cannot write {args.out}: {exc}\n")
        return 2
    for item in skipped:
        out.write(f"skipped {item.question_id}: {item.reason}\n")
    written = len(questions) - len(skipped)
    out.write(f"wrote {written} questions to {args.out} ({args.format}), skipped {len(skipped)}\n")
    return 0
