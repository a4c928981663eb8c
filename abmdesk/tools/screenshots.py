"""Render the main window's screens to PNG, offscreen (``python -m abmdesk screenshots``).

One picture per tab in the window's order, each taken once the tab has loaded
(the KPI tab computes in a worker thread: its result signal is awaited), then the
account map of the largest target account (the one with the most stakeholders),
which is also the account selected on the accounts tab, so that its side panel
shows figures::

    01-accounts.png  02-map.png  03-interactions.png  04-pipeline.png  05-kpis.png
    06-map-<account>.png

The window is 1440×900 and starts from a clean state (no saved geometry, first
tab), so the pictures do not depend on how someone left the window last time.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from abmdesk.errors import AbmError

log = logging.getLogger("abmdesk.screenshots")

SIZE = (1440, 900)
#: File stems of the five tabs, in the order of SPEC 5.
TAB_STEMS = ("accounts", "map", "interactions", "pipeline", "kpis")
#: A tab counts as loaded once nothing has been pending for this long.
SETTLE_SECONDS = 0.3


class ScreenshotError(AbmError):
    """A screen could not be rendered (exit code 1 in the CLI)."""


@dataclass(frozen=True)
class Screenshot:
    path: Path
    what: str  # "accountsTab", …, or "map of <account>"


def ensure_offscreen() -> None:
    """Render offscreen unless the caller chose a platform (QT_QPA_PLATFORM)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def slug(text: str, limit: int = 40) -> str:
    """``Alizé Retail SARL`` → ``alize-retail-sarl`` (ASCII, for file names)."""
    ascii_text = (
        unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    )
    out = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return out[:limit].rstrip("-") or "account"


def _busy(window: Any) -> bool:
    """True while the window has background work or a tab says it is loading."""
    if window.runner.pending():
        return True
    for i in range(window.tabs.count()):
        is_busy = getattr(window.tabs.widget(i), "is_busy", None)
        if callable(is_busy) and is_busy():
            return True
    return _refresh_scheduled(window.kpi_tab) and window.kpi_tab.isVisible()


def _refresh_scheduled(kpi: Any) -> bool:
    """The KPI tab's debounce timer is running: a computation is about to start."""
    timer = getattr(kpi, "_timer", None)
    return bool(timer is not None and timer.isActive())


def wait_until_idle(app: Any, window: Any, timeout: float = 120.0) -> None:
    """Process events until nothing is pending for SETTLE_SECONDS (or fail at timeout)."""
    deadline = time.monotonic() + timeout
    quiet_since: float | None = None
    while True:
        app.processEvents()
        now = time.monotonic()
        if _busy(window):
            quiet_since = None
        elif quiet_since is None:
            quiet_since = now
        elif now - quiet_since >= SETTLE_SECONDS:
            return
        if now > deadline:
            raise ScreenshotError(f"the window was still busy after {timeout:.0f} s")
        time.sleep(0.01)


def wait_for_kpis(app: Any, window: Any, timeout: float = 300.0) -> None:
    """Select the KPI tab's computation and wait for its result (or its error) signal."""
    kpi = window.kpi_tab
    outcome: dict[str, Any] = {}
    on_done: Callable[[object], None] = lambda result: outcome.setdefault("result", result)  # noqa: E731
    on_failed: Callable[[str], None] = lambda text: outcome.setdefault("error", text)  # noqa: E731
    kpi.computed.connect(on_done)
    kpi.failed.connect(on_failed)
    try:
        kpi.ensure_computed()
        deadline = time.monotonic() + timeout
        while not outcome:
            if kpi.result is not None and not kpi.is_busy() and not _refresh_scheduled(kpi):
                break  # already computed before we asked
            if time.monotonic() > deadline:
                raise ScreenshotError(f"the KPIs were not computed within {timeout:.0f} s")
            app.processEvents()
            time.sleep(0.01)
    finally:
        kpi.computed.disconnect(on_done)
        kpi.failed.disconnect(on_failed)
    if "error" in outcome:
        raise ScreenshotError(f"KPIs: {outcome['error']}")


def compact(image: Any) -> Any:
    """An 8-bit palette copy: exact when the picture has at most 256 colours, else each
    pixel takes the nearest of its 256 most frequent colours (no dithering).

    Screens are flat colours plus anti-aliased text: a third of the size of a
    true-colour PNG, and no visible difference.
    """
    from collections import Counter

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    counts = Counter(memoryview(rgb.constBits()).cast("I"))
    table = [colour for colour, _ in counts.most_common(256)]
    flags = (
        Qt.ImageConversionFlag.ColorOnly
        | Qt.ImageConversionFlag.ThresholdDither
        | Qt.ImageConversionFlag.AvoidDither
    )
    return rgb.convertToFormat(QImage.Format.Format_Indexed8, table, flags)


def save_png(image: Any, path: Path) -> None:
    """Save as a palette PNG with the strongest compression."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not compact(image).save(str(path), "PNG", 0):
        raise ScreenshotError(f"{path}: cannot write the picture")


def grab_window(window: Any, path: Path) -> None:
    pixmap = window.grab()
    if pixmap.isNull():
        raise ScreenshotError(f"{path.name}: the window could not be drawn")
    save_png(pixmap.toImage(), path)


def render_screenshots(
    db_path: str | Path,
    out_dir: str | Path,
    lang: str = "fr",
    *,
    size: tuple[int, int] = SIZE,
    progress: Callable[[Screenshot], None] | None = None,
) -> list[Screenshot]:
    """Render every tab, then the largest target account's map, to PNG files in ``out_dir``.

    Needs no running QApplication (one is made, offscreen unless QT_QPA_PLATFORM
    says otherwise); reuses one when it exists, and leaves its translators and
    default locale as they were.
    """
    ensure_offscreen()
    from PySide6.QtCore import QLocale

    from abmdesk.app import _application, install_translators, remove_translators
    from abmdesk.services import records
    from abmdesk.services.database import open_db
    from abmdesk.ui.main_window import MainWindow

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    app = _application()
    previous_locale = QLocale()
    translators = install_translators(app, lang)
    engine = open_db(db_path)
    shots: list[Screenshot] = []

    def shot(path: Path, what: str) -> None:
        grab_window(window, path)
        item = Screenshot(path, what)
        shots.append(item)
        log.info("screenshot %s: %s", what, path)
        if progress is not None:
            progress(item)

    # An exception in a slot only prints a traceback: a picture taken after it may be wrong.
    uncaught: list[BaseException] = []
    previous_hook = sys.excepthook

    def catch(kind: type[BaseException], exc: BaseException, tb: Any) -> None:
        uncaught.append(exc)
        log.error("uncaught error while rendering", exc_info=(kind, exc, tb))
        previous_hook(kind, exc, tb)

    sys.excepthook = catch
    window = None
    try:
        window = MainWindow(engine, db_path, owns_engine=False, restore_state=False)
        window.resize(*size)
        window.show()
        wait_until_idle(app, window)
        account = records.largest_target_account(engine)
        tabs = window.tabs
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            widget = tabs.widget(index)
            if widget is window.accounts_tab and account is not None:
                select = getattr(widget, "select_account", None)
                if callable(select):  # its side panel then shows the account's figures
                    select(account.id)
            if widget is window.kpi_tab:
                wait_for_kpis(app, window)
            wait_until_idle(app, window)
            stem = TAB_STEMS[index] if index < len(TAB_STEMS) else widget.objectName()
            shot(out / f"{index + 1:02d}-{stem}.png", widget.objectName())
        if account is not None:
            window.show_account_map(account.id)
            wait_until_idle(app, window)
            number = tabs.count() + 1
            shot(out / f"{number:02d}-map-{slug(account.name)}.png", f"map of {account.name}")
        else:
            log.info("no target account: no account map picture")
        if uncaught:
            exc = uncaught[0]
            raise ScreenshotError(
                f"{len(uncaught)} error(s) in the window while rendering, the first: "
                f"{type(exc).__name__}: {exc}"
            )
    finally:
        sys.excepthook = previous_hook
        if window is not None:
            window.close()
            window.deleteLater()
            app.processEvents()
        engine.dispose()
        remove_translators(app, translators)
        QLocale.setDefault(previous_locale)
    return shots
