"""Durable file operations for bank folders: atomic writes, and a trash folder instead of deleting."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

TRASH_DIR = ".trash"


def atomic_write_text(path: Path, text: str) -> None:
    """Write `text` so that `path` holds either the old or the new content, never a torn file.

    The text goes to a temporary file in the same folder, is fsynced, renamed over `path`,
    and the folder is fsynced so the rename itself survives a crash.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not possible on every platform (Windows); the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def move_to_trash(path: Path, bank_root: Path) -> Path:
    """Move a bank file into `<bank>/.trash/<time>/<relative path>` (hidden, so loaders skip it)."""
    stamp = time.strftime("%Y%m%d-%H%M%S") + f"-{time.monotonic_ns() % 1_000_000:06d}"
    target = bank_root / TRASH_DIR / stamp / path.relative_to(bank_root)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(path), str(target))
    return target
