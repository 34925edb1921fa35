"""BankWatcher: notices edits made to bank files outside the app and re-scans the library incrementally."""

from __future__ import annotations

import os

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from app.core.bank.library import Library
from app.core.models import QuestionId

#: Beyond this many files only folders are watched (file creations and renames still show).
MAX_WATCHED_FILES = 4000


class BankWatcher(QObject):
    """Watches every bank folder (and its files when few enough); `changed` carries the ids that changed."""

    changed = Signal(object)  # set[QuestionId]

    def __init__(self, library: Library, parent: QObject | None = None, delay_ms: int = 300) -> None:
        super().__init__(parent)
        self.library = library
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._schedule)
        self.watcher.fileChanged.connect(self._schedule)
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self.rescan)
        self._watch()

    def _schedule(self, _path: str = "") -> None:
        self._timer.start()

    def _watch(self) -> None:
        """Watch every (non-hidden) bank folder, and the files the last scan saw when they are few."""
        folders: list[str] = []
        for bank in self.library.banks:
            root = bank.root if bank.root.is_dir() else bank.root.parent
            for folder, subfolders, _files in os.walk(root):
                subfolders[:] = [d for d in subfolders if not d.startswith(".")]
                folders.append(folder)
        files = [str(p) for p in self.library.files()]
        wanted = folders + (files if len(files) <= MAX_WATCHED_FILES else [])
        current = set(self.watcher.directories()) | set(self.watcher.files())
        missing = [p for p in wanted if p not in current]
        if missing:
            self.watcher.addPaths(missing)

    def rescan(self) -> set[QuestionId]:
        """Re-scan now; emits `changed` when any question appeared, vanished or changed."""
        self._timer.stop()
        changed = self.library.refresh()
        self._watch()
        if changed:
            self.changed.emit(changed)
        return changed
