"""DejaVu Sans for the report: from resources/fonts (shipped with the app, licence in
resources/fonts/LICENSE), else the system's copy; registered once per process."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QGuiApplication

from abmdesk.paths import resources_dir

FAMILY = "DejaVu Sans"
FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
SYSTEM_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),
    Path("/usr/local/share/fonts"),
    Path("/Library/Fonts"),
)

_lock = threading.Lock()
_family: str | None = None


def font_dirs() -> list[Path]:
    return [resources_dir() / "fonts", *SYSTEM_DIRS]


def register_fonts() -> str:
    """Register DejaVu Sans (regular and bold) and return the family to use.

    Needs a QGuiApplication. When no DejaVu file is found the family is still
    returned: Qt then picks the closest installed font, which the PDF embeds too.
    """
    global _family
    with _lock:
        if _family is not None:
            return _family
        if QGuiApplication.instance() is None:
            raise RuntimeError("register_fonts() needs a QGuiApplication")
        family = FAMILY
        for name in FILES:
            for folder in font_dirs():
                path = folder / name
                if path.is_file():
                    font_id = QFontDatabase.addApplicationFont(str(path))
                    families = QFontDatabase.applicationFontFamilies(font_id)
                    if font_id >= 0 and families:
                        family = families[0]
                        break
        _family = family
        return family
