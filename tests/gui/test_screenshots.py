"""The screenshot renderer, the smoke test of the installer, and a light start-up."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QImage

from abmdesk.services import records
from abmdesk.tools import screenshots

NAMES = [
    "01-accounts.png",
    "02-map.png",
    "03-interactions.png",
    "04-pipeline.png",
    "05-kpis.png",
    "06-map-acme-industries.png",
]


def _distinct_colours(image: QImage, step: int = 37) -> int:
    return len(
        {
            image.pixel(x, y)
            for x in range(0, image.width(), step)
            for y in range(0, image.height(), step)
        }
    )


def test_largest_target_account(gui_db):
    from abmdesk.services.database import open_db

    path, ids = gui_db
    engine = open_db(path)
    try:
        # Acme (target, 3 people with its empty seat) beats Cabinet Lefèvre (target, nobody)
        # and Boulangeries Dupont (not a target).
        choice = records.largest_target_account(engine)
        assert choice is not None
        assert (choice.id, choice.name) == (ids["acme"], "Acme Industries")
    finally:
        engine.dispose()


def test_largest_target_account_without_targets(tmp_path):
    from abmdesk.services.database import open_db

    engine = open_db(tmp_path / "empty.db")
    try:
        assert records.largest_target_account(engine) is None
    finally:
        engine.dispose()


def test_renders_every_tab_and_the_largest_map(qapp, gui_db, tmp_path):
    path, _ = gui_db
    out = tmp_path / "shots"
    previous_locale = QLocale()
    seen: list[str] = []
    shots = screenshots.render_screenshots(path, out, "fr", progress=lambda s: seen.append(s.what))
    assert [s.path.name for s in shots] == NAMES
    assert seen == [
        "accountsTab",
        "mapTab",
        "interactionsTab",
        "pipelineTab",
        "kpiTab",
        "map of Acme Industries",
    ]
    for shot in shots:
        image = QImage(str(shot.path))
        assert (image.width(), image.height()) == (1440, 900), shot.path.name
        assert _distinct_colours(image) > 5, f"{shot.path.name} looks blank"
        assert shot.path.stat().st_size < 300_000
    # The application is left as it was: no translator, the same default locale.
    assert QCoreApplication.translate("MainWindow", "Accounts") == "Accounts"
    assert QLocale().name() == previous_locale.name()


def test_compact_is_exact_up_to_256_colours(qapp):
    from PySide6.QtGui import QColor

    image = QImage(64, 32, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    for x in range(64):
        image.setPixelColor(x, 5, QColor(x * 4, 10, 200))  # 64 more colours
    small = screenshots.compact(image)
    assert small.format() == QImage.Format.Format_Indexed8
    assert small.convertToFormat(QImage.Format.Format_RGB32) == image


def test_english_pictures_differ_from_french_ones(qapp, gui_db, tmp_path):
    path, _ = gui_db
    fr = screenshots.render_screenshots(path, tmp_path / "fr", "fr")
    en = screenshots.render_screenshots(path, tmp_path / "en", "en")
    assert [s.path.name for s in fr] == [s.path.name for s in en]
    assert QImage(str(fr[0].path)) != QImage(str(en[0].path))  # "Comptes" / "Accounts"


def test_kpi_failure_is_reported(qapp, gui_db, tmp_path, monkeypatch):
    import abmdesk.ui.kpi_tab as kpi_tab

    def broken(engine, date_from, date_to, filters=None, **_options):
        raise RuntimeError("no engine today")

    monkeypatch.setattr(kpi_tab, "_default_compute", broken)
    path, _ = gui_db
    with pytest.raises(screenshots.ScreenshotError, match="no engine today"):
        screenshots.render_screenshots(path, tmp_path / "shots", "fr")


def test_smoke_test_passes(qapp, capsys):
    from abmdesk.app import run_gui

    assert run_gui(smoke_test=True) == 0
    assert capsys.readouterr().out.startswith("abmdesk smoke test: ok")
    assert QCoreApplication.translate("MainWindow", "Accounts") == "Accounts"  # cleaned up


def test_smoke_test_fails_loudly(qapp, capsys, monkeypatch, caplog):
    import abmdesk.app as app_module

    def broken_export(map_tab, png: Path) -> None:
        raise RuntimeError("no picture")

    monkeypatch.setattr(app_module, "_export_map", broken_export)
    logger = logging.getLogger("abmdesk")
    monkeypatch.setattr(logger, "propagate", True)
    with caplog.at_level(logging.ERROR, logger="abmdesk.app"):
        assert app_module.run_gui(smoke_test=True) == 1
    err = capsys.readouterr().err
    assert err == "abmdesk smoke test failed: RuntimeError: no picture\n"
    assert any("no picture" in r.getMessage() for r in caplog.records)


def test_smoke_test_exports_the_map_tab(qtbot, window, tmp_path):
    """Through the map tab's export_png when it has one, else a picture of the tab."""
    from abmdesk.app import _export_map

    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    png = tmp_path / "map.png"
    _export_map(window.map_tab, png)
    assert not QImage(str(png)).isNull()


def test_nothing_runs_before_the_window_is_shown(qtbot, gui_db):
    """Even when the KPI tab was the last one open, its computation waits for the event loop."""
    from abmdesk.app import create_main_window
    from abmdesk.ui.main_window import window_settings

    settings = window_settings()
    settings.setValue("version", 1)
    settings.setValue("window/tab", 4)
    settings.sync()
    path, _ = gui_db
    win = create_main_window(path)
    qtbot.addWidget(win)
    assert win.tabs.currentWidget() is win.kpi_tab
    # Other tabs may start small background reads; the KPIs wait for the event loop.
    assert "kpis" not in [task.name for task in win.runner.pending()]
    assert win.kpi_tab.result is None and not win.kpi_tab.is_busy()
    win.show()
    with qtbot.waitSignal(win.kpi_tab.computed, timeout=30_000):
        pass  # computed off the GUI thread once the loop runs
    win.close()


def test_bench_probe_reports_start_up_and_tabs(tmp_path, gui_db):
    """The hook bench/bench_gui.py times: one JSON line from the real `python -m abmdesk`."""
    import json
    import os
    import subprocess
    import sys

    path, _ = gui_db
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        ABMDESK_DATA_DIR=str(tmp_path / "data"),
        ABMDESK_BENCH_PROBE="tabs",
    )
    proc = subprocess.run(
        [sys.executable, "-m", "abmdesk", "--db", str(path)],
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    line = [ln for ln in proc.stdout.splitlines() if ln.startswith("ABMDESK_BENCH ")][-1]
    info = json.loads(line.split(" ", 1)[1])
    assert info["kpis_started_before_show"] is False
    assert not {"pandas", "pyqtgraph"} & set(info["heavy_modules"])
    assert list(info["max_stall_ms"]) == [
        "accountsTab",
        "mapTab",
        "interactionsTab",
        "pipelineTab",
        "kpiTab",
    ]
    assert info["ready"] > 0 and info["tabs_seconds"] > 0


def test_smoke_test_fails_on_an_error_in_a_slot(qapp, capsys, monkeypatch):
    """An exception in a slot only prints a traceback in Qt: the smoke test still fails."""
    from abmdesk.app import run_gui
    from abmdesk.ui.main_window import MainWindow

    def broken(self, index: int) -> None:
        raise ValueError("tab handler broke")

    monkeypatch.setattr(MainWindow, "_on_tab_changed", broken)
    assert run_gui(smoke_test=True) == 1
    err = capsys.readouterr().err
    assert err.strip().splitlines()[-1] == (
        "abmdesk smoke test failed: RuntimeError: uncaught ValueError in the GUI: tab handler broke"
    )


def test_smoke_test_fails_on_a_failed_background_task(qapp, capsys, monkeypatch):
    import abmdesk.ui.kpi_tab as kpi_tab
    from abmdesk.app import run_gui

    def broken(*args, **kwargs):
        raise RuntimeError("KPI engine down")

    monkeypatch.setattr(kpi_tab, "_default_compute", broken)
    assert run_gui(smoke_test=True) == 1
    assert "KPI engine down" in capsys.readouterr().err
