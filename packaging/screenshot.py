"""Render the README screenshots: the real main window on the shipped bank, home, exam and result pages."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("MOCKEXAM_HOME", tempfile.mkdtemp(prefix="mockexam-shots-"))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.core.bank import load_bank  # noqa: E402
from app.gui import _apply_look  # noqa: E402
from app.paths import database_path, settings_path, shipped_bank_dir  # noqa: E402
from app.storage.db import open_database  # noqa: E402
from app.storage.repositories import SqlAttemptStore  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402
from app.ui.services import AppServices  # noqa: E402


def main(out_dir: Path) -> int:
    """Save home.png, exam.png and result.png into `out_dir`."""
    app = QApplication(sys.argv)
    _apply_look(app)
    out_dir.mkdir(parents=True, exist_ok=True)
    load = load_bank([shipped_bank_dir()])
    window = MainWindow(QSettings(str(settings_path()), QSettings.Format.IniFormat))
    window.resize(1100, 760)
    store = SqlAttemptStore(open_database(database_path()))
    window.set_services(AppServices(load.questions, store, problems=load.problems, data_location="~/.local/share/MockExam"))
    window.show()
    app.processEvents()
    window.grab().save(str(out_dir / "home.png"))
    window.home.count.setValue(10)
    window.start_exam(window.home.blueprint())
    for index in range(4):
        window.exam.choices.toggle_index(index % 2)
        window.exam.next()
    window.exam.go_to(1)
    app.processEvents()
    window.grab().save(str(out_dir / "exam.png"))
    window.exam.confirm = lambda text: True  # type: ignore[method-assign]
    window.exam.request_submit()
    window.result.list.setCurrentRow(1)
    app.processEvents()
    window.grab().save(str(out_dir / "result.png"))
    print(f"screenshots written to {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
