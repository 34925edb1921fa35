"""Composition root: parse arguments, then run a CLI command, the self-test, or the GUI."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from app import APP_DISPLAY_NAME, __version__

CLI_COMMANDS = {"bank", "import", "export", "history", "report"}


def parse_gui_args(argv: Sequence[str]) -> argparse.Namespace:
    """Options of the GUI entry point."""
    parser = argparse.ArgumentParser(prog="mockexam", description=f"{APP_DISPLAY_NAME}: timed mock exams")
    parser.add_argument("--version", action="version", version=f"mockexam {__version__}")
    parser.add_argument("--self-test", action="store_true", help="check the installation headless and exit")
    parser.add_argument("--quit-after-shown", action="store_true", help="quit once the home page is ready")
    return parser.parse_known_args(list(argv))[0]


def write_pdf(html: str, path: Path) -> None:
    """The Qt PDF printer the CLI's `report --format pdf` uses; Qt is imported only when a PDF is written."""
    from app.ui.report_pdf import write_pdf as qt_write_pdf

    qt_write_pdf(html, path)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `mockexam` and `python -m app`."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in CLI_COMMANDS:
        from app.cli import run

        try:
            return run(args, pdf_writer=write_pdf)
        except BrokenPipeError:  # output piped into `head` and closed early: not an error of ours
            sys.stderr.close()
            return 0
    options = parse_gui_args(args)
    if options.self_test:
        from app.selftest import run_self_test

        return run_self_test()
    from app.gui import run_gui

    return run_gui(quit_after_shown=options.quit_after_shown)
