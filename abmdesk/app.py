"""The one place that wires QApplication, translations, the database and MainWindow."""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from abmdesk import paths
from abmdesk.errors import AbmError

log = logging.getLogger("abmdesk.app")

LANGUAGES = ("fr", "en")
_LOCALES = {
    "fr": (QLocale.Language.French, QLocale.Country.France),
    "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


def resolve_language(language: str | None) -> str:
    """``fr`` or ``en``: the explicit choice, else the system locale's language."""
    if language in LANGUAGES:
        return language  # type: ignore[return-value]
    return "fr" if QLocale.system().language() == QLocale.Language.French else "en"


def locale_for(language: str) -> QLocale:
    """The system locale when it speaks ``language`` (fr_BE, fr_CH…), else its default."""
    system = QLocale.system()
    lang, country = _LOCALES[language]
    if system.language() == lang:
        return system
    return QLocale(lang, country)


def install_translators(app: QCoreApplication, language: str | None) -> list[QTranslator]:
    """Load ABM Desk's and Qt's own translations for ``language`` (None: the system's).

    Also sets the default QLocale, which every number, amount and date goes through.
    Returns the installed translators (``remove_translators`` takes them out again).
    """
    lang = resolve_language(language)
    QLocale.setDefault(locale_for(lang))
    installed: list[QTranslator] = []
    if lang == "en":
        return installed
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", qt_dir):
        app.installTranslator(qt)
        installed.append(qt)
    else:
        log.warning("Qt's own %s translation not found in %s", lang, qt_dir)
    own = QTranslator(app)
    qm = paths.translations_dir() / f"abmdesk_{lang}.qm"
    if own.load(str(qm)):
        app.installTranslator(own)
        installed.append(own)
    else:
        log.warning("%s not found: run 'python -m abmdesk.tools.translations compile'", qm)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)


def _application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(paths.APP_SLUG)
    app.setApplicationDisplayName(paths.APP_NAME)
    app.setOrganizationName(paths.APP_SLUG)
    return app


def create_main_window(db_path: str | Path) -> QMainWindow:
    """The main window on the database at ``db_path`` (opened or migrated), not shown.

    Needs an existing QApplication. The window owns the engine and disposes of it
    when closed.
    """
    from abmdesk.services.database import open_db
    from abmdesk.ui.main_window import MainWindow

    engine = open_db(db_path)
    try:
        return MainWindow(engine, db_path)
    except Exception:
        engine.dispose()
        raise


def _language_setting(engine) -> str:  # noqa: ANN001
    from abmdesk.services.settings import load_settings

    try:
        return load_settings(engine).language
    except AbmError:
        return ""


def _generate_demo(engine) -> None:  # noqa: ANN001
    from abmdesk.services.demo import generate_demo

    generate_demo(engine, size="small", seed=1)


def run_gui(
    db_path: str | Path | None = None,
    demo: bool = False,
    lang: str | None = None,
    smoke_test: bool = False,
) -> int:
    """Open the GUI and run the event loop; returns the exit code."""
    if smoke_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = _application()
    if smoke_test:
        return _smoke_test(app, lang)

    from abmdesk.services.database import is_empty, open_db
    from abmdesk.ui.main_window import MainWindow

    if db_path is not None:
        path = Path(db_path)
    elif demo:
        path = paths.demo_db_path()
    else:
        path = paths.default_db_path()
    if db_path is None and not demo and not path.exists():
        # First run: the welcome dialog offers an empty database, the demo or an import.
        from abmdesk.ui.welcome import first_run

        welcome_translators = install_translators(app, lang)
        first = first_run(path)
        if first is None:
            return 0
        first.dispose()  # opened again below, like any existing database
        remove_translators(app, welcome_translators)
    try:
        engine = open_db(path)
    except AbmError as exc:
        install_translators(app, lang)
        QMessageBox.critical(
            None,
            paths.APP_NAME,
            QCoreApplication.translate("App", "This database cannot be opened:\n%1").replace(
                "%1", str(exc)
            ),
        )
        return 1
    install_translators(app, lang or _language_setting(engine))
    window = MainWindow(engine, path)
    window.show()
    if demo and db_path is None and is_empty(engine):
        window.start_demo_generation(lambda: _generate_demo(engine))
    probe = os.environ.get("ABMDESK_BENCH_PROBE")
    if probe:
        _bench_probe(app, window, probe)
    return app.exec()


def _bench_probe(app: QApplication, window: QMainWindow, mode: str) -> None:
    """For bench/bench_gui.py (``ABMDESK_BENCH_PROBE=startup|tabs``): one JSON line, then quit.

    ``startup`` reports the wall-clock time once the shown window has processed its
    first events; ``tabs`` then visits every tab (waiting for the KPIs) and reports
    the longest time the GUI thread did not answer a 10 ms timer.
    """
    import json

    from PySide6.QtCore import QTimer

    kpi = window.kpi_tab  # type: ignore[attr-defined]
    info: dict = {"kpis_started_before_show": kpi.is_busy() or kpi.result is not None}
    beats: list[float] = []
    heartbeat = QTimer(window)
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(lambda: beats.append(time.perf_counter()))

    def finish() -> None:
        info["peak_rss_mb"] = _peak_rss_mb()
        print("ABMDESK_BENCH " + json.dumps(info), flush=True)
        app.quit()

    def visit() -> None:
        from abmdesk.tools.screenshots import wait_for_kpis, wait_until_idle

        started = time.perf_counter()
        heartbeat.start()
        stalls: dict[str, float] = {}
        tabs = window.tabs  # type: ignore[attr-defined]
        for index in range(tabs.count()):
            beats.append(time.perf_counter())
            tabs.setCurrentIndex(index)
            if tabs.widget(index) is kpi:
                wait_for_kpis(app, window)
            wait_until_idle(app, window)
            gaps = [b - a for a, b in zip(beats, beats[1:], strict=False)]
            stalls[tabs.widget(index).objectName()] = max(gaps, default=0.0) * 1000
            beats.clear()
        heartbeat.stop()
        info.update(tabs_seconds=time.perf_counter() - started, max_stall_ms=stalls)
        finish()

    def ready() -> None:
        info["ready"] = time.time()
        info["heavy_modules"] = [
            m for m in ("pandas", "pyqtgraph", "numpy", "abmdesk.kpi") if m in sys.modules
        ]
        info["kpis_started_at_ready"] = kpi.is_busy() or kpi.result is not None
        if mode == "tabs":
            QTimer.singleShot(0, visit)
        else:
            finish()

    # Two turns of the event loop: the window is exposed and painted, then we report.
    QTimer.singleShot(0, lambda: QTimer.singleShot(0, ready))


def _peak_rss_mb() -> float | None:
    """This process's own peak RSS (VmHWM; ru_maxrss of a child counts its forking parent)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def _smoke_test(app: QApplication, lang: str | None) -> int:
    """Open every tab offscreen on a fresh demo database, export a map; 0 when all went well.

    Fails loudly: a non-zero exit with one line on stderr and the details in the log.
    """
    from abmdesk.services import records
    from abmdesk.services.database import open_db
    from abmdesk.ui.main_window import MainWindow

    started = time.perf_counter()
    translators: list[QTranslator] = []
    language = lang or "fr"
    # An exception in a slot or a task callback only prints a traceback: count it here.
    uncaught: list[BaseException] = []
    previous_hook = sys.excepthook

    def catch(kind: type[BaseException], exc: BaseException, tb: object) -> None:
        uncaught.append(exc)
        log.error("uncaught error in the GUI", exc_info=(kind, exc, tb))  # type: ignore[arg-type]

    def settle(window: QMainWindow, seconds: float) -> None:
        """Process events for ``seconds`` and until background work is done."""
        _process_events(app, seconds)
        deadline = time.monotonic() + 120
        while window.runner.pending() and time.monotonic() < deadline:  # type: ignore[attr-defined]
            _process_events(app, 0.05)
        if uncaught:
            exc = uncaught[0]
            raise RuntimeError(f"uncaught {type(exc).__name__} in the GUI: {exc}") from exc

    sys.excepthook = catch
    try:
        with tempfile.TemporaryDirectory(prefix="abmdesk-smoke-") as tmp:
            path = Path(tmp) / "smoke.db"
            engine = open_db(path)
            try:
                _generate_demo(engine)
                translators = install_translators(app, language)
                _check_translations(language, translators)
                window = MainWindow(engine, path, owns_engine=False, restore_state=False)
                window.runner.task_failed.connect(lambda _task, exc: uncaught.append(exc))
                window.resize(1440, 900)
                window.show()
                app.processEvents()
                account = records.largest_target_account(engine)
                if account is None:
                    raise RuntimeError("the demo has no target account to map")
                for index in range(window.tabs.count()):
                    window.tabs.setCurrentIndex(index)
                    widget = window.tabs.widget(index)
                    if widget is window.accounts_tab and hasattr(widget, "select_account"):
                        widget.select_account(account.id)  # its side panel draws a sparkline
                    settle(window, 0.2)
                    grab = window.grab()
                    if grab.isNull():
                        raise RuntimeError(f"tab {index} could not be drawn")
                kpi = window.kpi_tab
                deadline = time.monotonic() + 120
                timer = getattr(kpi, "_timer", None)
                while (kpi.is_busy() or (timer is not None and timer.isActive())) and (
                    time.monotonic() < deadline
                ):
                    _process_events(app, 0.05)
                if kpi.result is None:
                    raise RuntimeError(f"KPIs: {kpi.status.text() or 'not computed'}")
                log.info(
                    "smoke test: every tab drawn; pyqtgraph %s",
                    "loaded" if "pyqtgraph" in sys.modules else "not used",
                )
                window.show_account_map(account.id)
                settle(window, 0.3)
                png = Path(tmp) / "map.png"
                _export_map(window.map_tab, png)
                export_pdf = getattr(window.map_tab, "export_pdf", None)
                if callable(export_pdf):  # QPdfWriter in the frozen app too
                    pdf = Path(tmp) / "map.pdf"
                    export_pdf(str(pdf))
                    if not pdf.is_file() or not pdf.read_bytes().startswith(b"%PDF"):
                        raise RuntimeError(f"the map PDF export left no PDF at {pdf}")
                settle(window, 0.1)
                log.info(
                    "smoke test: map of %s exported (%d bytes)", account.name, png.stat().st_size
                )
                window.close()
                window.deleteLater()
                app.processEvents()
            finally:
                engine.dispose()
    except Exception as exc:
        message = f"abmdesk smoke test failed: {type(exc).__name__}: {exc}"
        log.error(message, exc_info=True)
        print(message, file=sys.stderr)
        return 1
    finally:
        sys.excepthook = previous_hook
        remove_translators(app, translators)
    elapsed = time.perf_counter() - started
    log.info("smoke test passed in %.1f s", elapsed)
    print(f"abmdesk smoke test: ok ({elapsed:.1f} s)")
    return 0


def _check_translations(language: str, translators: list[QTranslator]) -> None:
    """French needs both Qt's own translation and ours, also in the frozen app."""
    if language == "en":
        return
    found = [t.filePath() for t in translators]
    log.info("translations loaded: %s", ", ".join(found) or "none")
    if not any(Path(f).name.startswith("qtbase_") for f in found):
        raise RuntimeError(f"Qt's own translation qtbase_{language}.qm was not found")
    if not any(Path(f).name.startswith("abmdesk_") for f in found):
        raise RuntimeError(f"abmdesk_{language}.qm was not found in {paths.translations_dir()}")


def _export_map(map_tab: QWidget, png: Path) -> None:
    """The map tab's own PNG export when it has one, else a picture of the tab."""
    export = getattr(map_tab, "export_png", None)
    if callable(export):
        if export(str(png)) is False:
            raise RuntimeError(f"the map could not be exported to {png}")
    elif not map_tab.grab().save(str(png), "PNG"):
        raise RuntimeError(f"the map tab could not be saved to {png}")
    if not png.is_file() or png.stat().st_size == 0:
        raise RuntimeError(f"the map export left no picture at {png}")
    if QImage(str(png)).isNull():
        raise RuntimeError(f"the map export at {png} is not a readable PNG")


def _process_events(app: QApplication, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)
