"""Render the README screenshots: the real main window on the shipped bank, home, exam and result pages."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from app.core.bank import load_bank
from app.core.scoring import key_response
from app.gui import _apply_look
from app.paths import database_path, settings_path, shipped_bank_dir
from app.storage.db import open_database
from app.storage.repositories import SqlAttemptStore
from app.ui.main_window import MainWindow
from app.ui.services import AppServices


def main(out_dir: Path) -> int:
    """Save home.png, exam.png and result.png into `out_dir`."""
    os.environ.setdefault("MOCKEXAM_HOME", tempfile.mkdtemp(prefix="mockexam-shots-"))
    app = QApplication(sys.argv)
    _apply_look(app)
    out_dir.mkdir(parents=True, exist_ok=True)
    load = load_bank([shipped_bank_dir()])
    window = MainWindow(QSettings(str(settings_path()), QSettings.Format.IniFormat))
    window.resize(1100, 760)
    store = SqlAttemptStore(open_database(database_path()))
    window.set_services(
        AppServices(load.questions, store, problems=load.problems, data_location="~/.local/share/MockExam")
    )
    window.show()
    app.processEvents()
    window.grab().save(str(out_dir / "home.png"))
    window.home.count.setValue(10)
    window.start_exam(window.home.blueprint())
    session = window.exam.session
    assert session is not None
    for number, question in enumerate(session.questions[:8]):
        key = key_response(question)
        keys = ("A" if key else "B") if isinstance(key, bool) else key
        if number == 5:  # one wrong answer, so the review shows both verdicts
            keys = "B" if keys != "B" else "A"
        for letter in keys if isinstance(keys, list) else [keys]:
            window.exam.choices.toggle_index(ord(str(letter)) - ord("A"))
        window.exam.next()
    window.exam.go_to(1)
    app.processEvents()
    window.grab().save(str(out_dir / "exam.png"))
    window.exam.confirm = lambda text: True  # type: ignore[method-assign]
    window.exam.request_submit()
    window.result.list.setCurrentRow(5)
    app.processEvents()
    window.grab().save(str(out_dir / "result.png"))
    print(f"screenshots written to {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
