"""Print an HTML report to a PDF file with Qt (QTextDocument + QPdfWriter), no window needed."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)

CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei")
RESOLUTION_DPI = 300
MARGINS_MM = QMarginsF(4, 4, 4, 4)  # QTextDocument.print adds 2 cm of its own around the text
BODY_POINT_SIZE = 10

_app: QCoreApplication | None = None  # kept alive for the process when this module had to create it


def ensure_gui_application() -> None:
    """Create a QGuiApplication (offscreen without a display) unless one exists already."""
    global _app
    if QCoreApplication.instance() is not None:
        return
    argv = ["mockexam"]
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if headless and not os.environ.get("QT_QPA_PLATFORM"):
        argv += ["-platform", "offscreen"]
    _app = QGuiApplication(argv)


def default_font() -> QFont:
    """The report's body font: a Simplified Chinese CJK family when one is installed."""
    families = set(QFontDatabase.families())
    family = next((f for f in CJK_FAMILIES if f in families), "")
    font = QFont(family) if family else QFont()
    font.setPointSize(BODY_POINT_SIZE)
    return font


def _print(html: str, target: Path) -> None:
    writer = QPdfWriter(str(target))
    writer.setResolution(RESOLUTION_DPI)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Portrait)
    writer.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)
    writer.setCreator("MockExam")
    document = QTextDocument()
    document.setDefaultFont(default_font())
    document.setHtml(html)
    writer.setTitle(document.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
    document.print_(writer)  # the painter ends, and the file is complete, before this returns


def write_pdf(html: str, path: Path) -> None:
    """Lay `html` out on A4 pages and write it to `path` atomically; OSError names the file on failure."""
    ensure_gui_application()
    path = Path(path)
    temp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))  # fails early, and clearly
    except OSError as exc:
        raise OSError(f"cannot write {path}: {exc.strerror or exc}") from exc
    try:
        _print(html, temp)
        with temp.open("rb") as written:
            if written.read(5) != b"%PDF-":
                raise OSError("Qt wrote no PDF (is the folder writable and the disk not full?)")
            os.fsync(written.fileno())
        os.replace(temp, path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise OSError(f"cannot write {path}: {exc.strerror or exc}") from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
