"""Render the README screenshots: the real main window on the shipped bank, page by page."""

from __future__ import annotations

import os
import random
import sys
import time
import tempfile
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from app.core.bank import load_bank
from app.core.bank.blueprints import load_presets
from app.core.bank.library import Bank, Library
from app.core.assembly import assemble
from app.core.clock import ExamClock
from app.core.models import Blueprint, Mode, QuestionType
from app.core.review import ReviewFilter
from app.core.session import ExamSession
from app.core.scoring import key_response
from app.gui import _apply_look
from app.paths import database_path, settings_path, shipped_bank_dir, shipped_presets_dir
from app.storage.db import open_database
from app.storage.repositories import SqlAttemptStore
from app.storage.search_index import SearchIndex
from app.ui.main_window import MainWindow
from app.ui.services import AppServices
from app.ui.widgets.answers.choice_answer import ChoiceAnswer

DATA_SHOWN = "~/.local/share/MockExam"


def main(out_dir: Path) -> int:
    """Save setup.png, exam.png, practice.png, review.png and result.png into `out_dir`."""
    os.environ.setdefault("MOCKEXAM_HOME", tempfile.mkdtemp(prefix="mockexam-shots-"))
    app = QApplication(sys.argv)
    _apply_look(app)
    out_dir.mkdir(parents=True, exist_ok=True)
    load = load_bank([shipped_bank_dir()])
    store = SqlAttemptStore(open_database(database_path()))
    window = MainWindow(QSettings(str(settings_path()), QSettings.Format.IniFormat), interactive=False)
    window.resize(1100, 760)
    presets = load_presets(shipped_presets_dir()).presets
    mine = Bank(Path(os.environ["MOCKEXAM_HOME"]) / "bank", "我的题库", writable=True)
    library = Library([Bank(shipped_bank_dir(), "内置题库", writable=False), mine], mine)
    library.refresh()
    window.set_services(
        AppServices(
            load.questions, store, problems=load.problems, presets=presets, data_location=DATA_SHOWN,
            library=library, make_search=SearchIndex,
        )  # fmt: skip
    )
    window.show()

    def shot(name: str) -> None:
        app.processEvents()
        window.grab().save(str(out_dir / name))

    shot("setup.png")
    go = next(p.blueprint for p in presets if "Go" in p.blueprint.name)
    window.start_exam(replace(go, count=10))
    session = window.exam.session
    assert session is not None
    for number, question in enumerate(session.questions[:7]):
        window.exam.go_to(number)
        widget = window.exam.answer
        if isinstance(widget, ChoiceAnswer) and number != 4:
            key = key_response(question)
            keys = ["T" if key else "F"] if isinstance(key, bool) else key if isinstance(key, list) else [key]
            for file_key in keys:
                widget.pick(widget.keys.index(str(file_key)))
    session.toggle_flag(session.questions[2].id)
    laid_out = (QuestionType.MATCH, QuestionType.ORDER)
    target = next((i for i, q in enumerate(session.questions) if q.type in laid_out), 1)
    window.exam.go_to(target)
    shot("exam.png")
    window.exam.open_review()
    shot("review.png")
    window.exam.confirm = lambda text: True  # type: ignore[method-assign]
    window.exam.request_submit()
    shot("result.png")
    window.result.review_requested.emit(ReviewFilter.ALL)
    window.review.list.setCurrentRow(4)
    shot("answers.png")
    _past_attempts(window, go)
    window.show_home()
    window.review_flow.show_history()
    shot("history.png")
    window.history.tabs.setCurrentIndex(1)
    shot("history-trend.png")
    window.history.tabs.setCurrentIndex(3)
    shot("history-pace.png")
    window.history.tabs.setCurrentIndex(4)
    shot("history-calendar.png")
    window.history.tabs.setCurrentWidget(window.history.book)
    shot("wrong-book.png")
    window.show_home()
    window.bank_editing.show_browser()
    window.browser.search.setText("写时复制")
    window.browser.apply_filters()
    window.browser.select([window.browser.model.row(0).key])
    shot("browser.png")
    editor = window.bank_editing.open_editor(window.browser.model.row(0).key)
    assert editor is not None
    editor.resize(1200, 760)
    app.processEvents()
    editor.grab().save(str(out_dir / "editor.png"))
    editor.close()
    window.show_home()
    practice = replace(go, name="Go 运行时练习", count=5, mode=Mode.PRACTICE, duration_s=None)
    window.start_exam(practice)
    session = window.exam.session
    assert session is not None
    index = next((i for i, q in enumerate(session.questions) if q.type is QuestionType.SINGLE), 0)
    window.exam.go_to(index)
    window.exam.answer.pick(0)
    window.exam.check_answer()
    shot("practice.png")
    print(f"screenshots written to {out_dir}")
    return 0


def _past_attempts(window: MainWindow, blueprint: Blueprint) -> None:
    """A few weeks of earlier attempts, improving, so the history page has something to show."""
    services = window.services
    assert services is not None
    rng = random.Random(20261123)
    now = time.time()
    for day in range(20, 0, -2):
        started = now - day * 86400 + rng.randint(0, 7200)
        ticks = iter(range(100000))
        clock = ExamClock(None, wall=lambda s=started: s, monotonic=lambda t=ticks: 45.0 * next(t))
        exam = assemble(services.questions, replace(blueprint, count=15), rng.randint(1, 10**9))
        session = ExamSession.start(exam, services.store, clock, services.bank)
        skill = 0.45 + (20 - day) * 0.025
        for question in exam.questions:
            if question.type is QuestionType.OPEN:
                continue
            right = rng.random() < skill
            response = key_response(question) if right else None
            if not right and question.type is QuestionType.SINGLE:
                response = next(c.key for c in question.choices if not c.correct)
            if response is not None:
                session.record(question, response, rng.randint(15_000, 160_000))
        session.submit("user")


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
