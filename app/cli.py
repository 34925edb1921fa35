"""The non-GUI commands: `mockexam bank check|coverage`, `import`, `export`, `history` and `report`."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from app.core.analytics import AttemptSummary, summarize
from app.core.bank import BankLoad, load_bank
from app.core.bank.files import atomic_write_text
from app.core.bank.syllabus import Coverage, measure_coverage, read_facts
from app.core.history import build_history
from app.core.models import AttemptId, Question, QuestionId
from app.interchange.anki import write_anki
from app.interchange.folder import write_markdown_folder
from app.interchange.formats import EXPORT_FORMATS, READERS, TEXT_WRITERS, read_path
from app.interchange.model import ExportSkip, ItemError
from app.interchange.plan import ImportPlan, apply_import, plan_import
from app.paths import data_dir, database_path, shipped_bank_dir

if TYPE_CHECKING:
    from app.storage.repositories import SqlAttemptStore

#: Writes an HTML document as a PDF file (injected by app.main: the cli may not import Qt); raises OSError.
PdfWriter = Callable[[str, Path], None]


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
    _add_attempt_parsers(commands)
    return parser


def _add_attempt_parsers(commands: Any) -> None:
    history = commands.add_parser("history", help="list the stored attempts, newest first")
    history.add_argument("--json", action="store_true", help="print the attempts as JSON")
    report = commands.add_parser("report", help="write the report of one attempt as PDF or HTML")
    report.add_argument("attempt_id", type=int, metavar="ATTEMPT_ID", help="the attempt (see `history`)")
    report.add_argument("--format", required=True, choices=("pdf", "html"), help="the file format")
    report.add_argument("--out", required=True, type=Path, help="the file to write")


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


def run(
    argv: Sequence[str],
    out: TextIO | None = None,
    pdf_writer: PdfWriter | None = None,
    err: TextIO | None = None,
) -> int:
    """Run a CLI command; returns the exit code. `pdf_writer` lets `report --format pdf` print via Qt.

    `out` and `err` default to the standard streams as they are at the call.
    """
    args = build_parser().parse_args(list(argv))
    out = out or sys.stdout
    if args.command in ("history", "report"):
        return _attempt_command(args, out, err or sys.stderr, pdf_writer)
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


# ---- attempts: history and report ------------------------------------------------------------


def _attempt_command(args: argparse.Namespace, out: TextIO, err: TextIO, pdf_writer: PdfWriter | None) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from app.storage.db import DatabaseError, open_database
    from app.storage.repositories import SqlAttemptStore

    path = database_path()
    if args.command == "report" and args.format == "pdf" and pdf_writer is None:
        err.write("mockexam: PDF output is not available here; use --format html\n")
        return 2
    engine = None
    try:
        if path.exists():  # else no attempt was ever stored: do not create the database just to say so
            engine = open_database(path)
        store = SqlAttemptStore(engine) if engine is not None else None
        if args.command == "history":
            return _history(store, args.json, out)
        return _report(store, args, out, err, pdf_writer)
    except DatabaseError as exc:
        err.write(f"mockexam: {exc}\n")
        return 2
    except SQLAlchemyError as exc:
        first_line = (str(exc).splitlines() or [type(exc).__name__])[0]
        err.write(f"mockexam: cannot read the attempt history in {path}: {first_line}\n")
        return 2
    finally:
        if engine is not None:
            engine.dispose()


def _iso(timestamp: float) -> str:
    return dt.datetime.fromtimestamp(timestamp).astimezone().isoformat(timespec="seconds")


def _history_row(summary: AttemptSummary) -> dict[str, Any]:
    return {
        "id": summary.id,
        "started": _iso(summary.started_at),
        "preset": summary.preset,
        "mode": summary.mode,
        "score": summary.score,
        "max_score": summary.max_score,
        "passed": summary.passed,
        "duration_s": None if summary.duration_s is None else round(summary.duration_s, 1),
        "questions": summary.question_count,
    }


def _history(store: SqlAttemptStore | None, as_json: bool, out: TextIO) -> int:
    rows = [_history_row(summarize(r)) for r in (store.list_attempts() if store else [])]
    if as_json:
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    if not rows:
        out.write("no attempts yet\n")
        return 0
    out.write(
        f"{'id':>5}  {'started':<25}  {'mode':<8}  {'score':>11}  {'passed':<7}  {'duration':>9}  preset\n"
    )
    for row in rows:
        score = "-" if row["score"] is None else f"{row['score']:g}/{row['max_score'] or 0:g}"
        passed = {True: "yes", False: "no", None: "open"}[row["passed"]]
        duration = "-" if row["duration_s"] is None else f"{row['duration_s']:.0f}s"
        out.write(
            f"{row['id']:>5}  {row['started']:<25}  {row['mode']:<8}  {score:>11}  {passed:<7}  {duration:>9}"
            f"  {row['preset']}\n"
        )
    return 0


def _bank_questions() -> dict[QuestionId, Question]:
    """The shipped bank with the user's bank folder over it (user copies win), as the app merges them."""
    from app.core.bank.library import Bank, Library

    mine = Bank(data_dir() / "bank", "我的题库", writable=True)
    library = Library([Bank(shipped_bank_dir(), "内置题库", writable=False), mine], mine)
    library.refresh()
    return library.state.questions


def _report(
    store: SqlAttemptStore | None,
    args: argparse.Namespace,
    out: TextIO,
    err: TextIO,
    pdf_writer: PdfWriter | None,
) -> int:
    from app.core.review import previous_of, review_attempt
    from app.render.report_html import attempt_report_html

    attempt_id = AttemptId(args.attempt_id)
    record = store.load_attempt(attempt_id) if store else None
    if store is None or record is None:
        err.write(f"mockexam: no attempt {attempt_id} (see `mockexam history`)\n")
        return 1
    sources = store.question_sources(a.content_hash for a in record.answers.values())
    review = review_attempt(record, _bank_questions(), sources)
    html = attempt_report_html(review, previous_of(record, store.list_attempts()))
    target: Path = args.out
    try:
        if args.format == "html":
            atomic_write_text(target, html)
        else:
            assert pdf_writer is not None
            pdf_writer(html, target)
    except OSError as exc:
        message = str(exc) if str(target) in str(exc) else f"cannot write {target}: {exc.strerror or exc}"
        err.write(f"mockexam: {message}\n")
        return 2
    missing = f", {len(review.missing)} questions no longer in the bank" if review.missing else ""
    out.write(
        f"wrote the report of attempt {attempt_id} ({len(review.items)} questions{missing}) to {target}\n"
    )
    return 0
