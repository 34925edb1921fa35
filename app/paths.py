"""Where things live: the user data dir (platformdirs; MOCKEXAM_HOME overrides) and the bundled files."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_dir

from app import APP_NAME, ORG_NAME

HOME_ENV = "MOCKEXAM_HOME"
DB_NAME = "mockexam.sqlite3"


def bundle_root() -> Path:
    """The folder holding questions/ and resources/: the PyInstaller bundle when frozen, else the checkout."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def shipped_bank_dir() -> Path:
    """The read-only question bank that ships with the app."""
    return bundle_root() / "questions"


def resources_dir() -> Path:
    """Icons, styles and translations."""
    return bundle_root() / "resources"


def data_dir() -> Path:
    """The user's data dir (created on demand): MOCKEXAM_HOME if set, else the platform's own."""
    override = os.environ.get(HOME_ENV)
    path = Path(override).expanduser() if override else Path(user_data_dir(APP_NAME, ORG_NAME))
    path.mkdir(parents=True, exist_ok=True)
    return path


def shipped_presets_dir() -> Path:
    """Exam presets that ship with the bank."""
    return shipped_bank_dir() / "blueprints"


def user_presets_dir() -> Path:
    """Presets the user saved."""
    return data_dir() / "presets"


def database_path() -> Path:
    """The SQLite database holding attempts and the bank index."""
    return data_dir() / DB_NAME


def settings_path() -> Path:
    """The INI file for window geometry and preferences."""
    return data_dir() / "settings.ini"
