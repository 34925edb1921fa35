"""The exam page's keyboard shortcuts, in one table (the help overlay lists the same keys)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut

if TYPE_CHECKING:
    from app.ui.pages.exam_page import ExamPage

OPTION_LETTERS = "ABCDEGH"  # F flags, so option F is reached with 6


def install_exam_shortcuts(page: ExamPage) -> list[QShortcut]:
    """Bind every exam key to `page`; active only while the page is visible in the active window."""
    bindings: list[tuple[str, Callable[[], object]]] = [
        ("N", page.next),
        ("P", page.previous),
        ("Right", page.next),
        ("Left", page.previous),
        ("PgDown", page.next),
        ("PgUp", page.previous),
        ("Alt+Right", page.next),
        ("Alt+Left", page.previous),
        ("F", page.toggle_flag),
        ("Ctrl+K", page.check_answer),
        ("Ctrl+P", page.toggle_pause),
        ("Ctrl+Return", page.on_ctrl_enter),
        ("Ctrl+Enter", page.on_ctrl_enter),
        ("Escape", page.close_review),
        ("F1", page.show_shortcuts),
        ("?", page.show_shortcuts),
        ("Ctrl+=", partial(page.zoom, 1)),
        ("Ctrl++", partial(page.zoom, 1)),
        ("Ctrl+-", partial(page.zoom, -1)),
        ("Ctrl+0", partial(page.zoom, 0)),
    ]
    bindings += [(str(number), partial(page.pick, number - 1)) for number in range(1, 9)]
    bindings += [(letter, partial(page.pick, "ABCDEFGH".index(letter))) for letter in OPTION_LETTERS]
    shortcuts = []
    for keys, slot in bindings:
        shortcut = QShortcut(QKeySequence(keys), page)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(slot)
        shortcuts.append(shortcut)
    return shortcuts
