"""Where things live: the user data dir, and resources (also when frozen)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "ABM Desk"
APP_SLUG = "abmdesk"


def user_data_dir() -> Path:
    """The platform's user data dir (``ABMDESK_DATA_DIR`` overrides it, for tests)."""
    override = os.environ.get("ABMDESK_DATA_DIR")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_path

        path = user_data_path(APP_SLUG, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return user_data_dir() / "abmdesk.db"


def demo_db_path() -> Path:
    return user_data_dir() / "demo.db"


def log_path() -> Path:
    return user_data_dir() / "abmdesk.log"


def resources_dir() -> Path:
    """``resources/`` beside the package, or inside the PyInstaller bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def translations_dir() -> Path:
    return resources_dir() / "translations"
