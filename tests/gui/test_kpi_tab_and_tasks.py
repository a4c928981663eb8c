"""The background runner, the KPI tab (fake and real engine), screenshots, smoke test."""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import subprocess
import sys
import threading
import time

import pytest
from PySide6.QtCore import QDate

from abmdesk.ui.tasks import TaskRunner

FAKE_KPIS = {
    "period": {"from": "2025-01-01", "to": "2025-12-31"},
    "engagement": {
        "engaged_target_accounts_rate": 0.5,
        "accounts": [
            {
                "account": "Acme",
                "score": 120,
                "weekly": {"2025-W01": 5},
                "trend": "rising",
                "dormant": False,
            },
            {"account": "Zeta", "score": 0, "weekly": {}, "trend": "flat", "dormant": True},
        ],
    },
    "coverage": {
        "accounts": [
            {
                "account": "Acme",
                "committee_size": 6,
                "identified": 4,
                "engaged": 1,
                "identified_coverage": 4 / 6,
                "engaged_coverage": 1 / 6,
                "engagement_ratio": 0.25,
                "role_coverage": 0.25,
                "at_risk": True,
            },
            {
                "account": "Zeta",
                "committee_size": 6,
                "identified": 0,
                "engaged": 0,
                "identified_coverage": 0.0,
                "engaged_coverage": 0.0,
                "engagement_ratio": None,
                "role_coverage": 0.0,
                "at_risk": False,
            },
        ]
    },
    "velocity": {
        "abm": {
            "open_deals": 3,
            "win_rate": 0.5,
            "avg_won_amount": 40000.0,
            "avg_cycle_days": 60.0,
            "velocity_per_day": 1000.0,
            "avg_days_in_stage": {"discovery": 10.5},
        },
        "non_abm": {
            "open_deals": 2,
            "win_rate": 0.25,
            "avg_won_amount": 20000.0,
            "avg_cycle_days": 80.0,
            "velocity_per_day": 125.0,
            "avg_days_in_stage": {},
        },
        "all": {
            "open_deals": 5,
            "win_rate": None,
            "avg_won_amount": None,
            "avg_cycle_days": None,
            "velocity_per_day": None,
            "avg_days_in_stage": {},
        },
        "cycle_reduction": 0.25,
    },
    "conversion": {
        "all": {
            "discovery": {"entered": 4, "advanced": 3, "rate": 0.75},
            "proposal": {"entered": 2, "advanced": 1, "rate": 0.5},
        },
        "by_sector": {"Industrie": {"discovery": {"entered": 4, "advanced": 3, "rate": 0.75}}},
        "by_size": {"50-249": {"discovery": {"entered": 4, "advanced": 3, "rate": 0.75}}},
    },
    "contract_value": {
        "abm": {"won_deals": 2, "average": 45000.0},
        "non_abm": {"won_deals": 1, "average": 30000.0},
        "uplift": 0.5,
    },
    "clv": {
        "accounts": [
            {
                "account": "Acme",
                "base_arr": 50000.0,
                "upsell_rate": 0.2,
                "retention_years": 5,
                "clv": 300000.0,
            }
        ],
        "average": {"abm": 300000.0, "non_abm": None},
    },
    "roi": {
        "revenue": 200000.0,
        "cost": 50000.0,
        "roi": 3.0,
        "accounts": [{"account": "Acme", "revenue": 200000.0, "cost": 50000.0, "roi": 3.0}],
    },
}


def test_runner_delivers_on_the_gui_thread(qtbot):
    runner = TaskRunner()
    results = []
    worker_threads = []

    def work():
        worker_threads.append(threading.current_thread())
        return 42

    with qtbot.waitSignal(runner.task_done, timeout=5000):
        runner.submit(work, on_done=lambda r: results.append((r, threading.current_thread())))
    assert results == [(42, threading.main_thread())]
    assert worker_threads[0] is not threading.main_thread()
    runner.shutdown()


def test_runner_errors_and_cancel(qtbot):
    runner = TaskRunner()
    errors = []

    def boom():
        raise ValueError("no")

    with qtbot.waitSignal(runner.task_failed, timeout=5000):
        runner.submit(boom, on_error=errors.append)
    assert isinstance(errors[0], ValueError)

    gate = threading.Event()
    done = []
    task = runner.submit(lambda: gate.wait(5) and "late", on_done=done.append)
    task.cancel()
    gate.set()
    assert runner.wait(5000)
    qtbot.wait(50)
    assert done == [] and task.is_cancelled()

    def cooperative(task):
        while not task.is_cancelled():
            time.sleep(0.005)
        return "stopped"

    task = runner.submit(cooperative, pass_task=True, on_done=done.append)
    runner.shutdown()
    assert task.is_finished() and done == []


def _n(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def test_kpi_tab_with_fake_engine(qtbot, window, french_locale):
    tab = window.kpi_tab
    calls = []

    def fake(engine, date_from, date_to, filters):
        calls.append((date_from, date_to))
        return FAKE_KPIS

    tab.compute_fn = fake
    today = dt.date.today()
    assert tab.date_to.date() == QDate(today.year, today.month, today.day)
    assert tab.date_from.date() == QDate(today.year, today.month, today.day).addYears(-1).addDays(1)
    with qtbot.waitSignal(tab.computed, timeout=5000):
        tab.refresh()
    assert calls[0] == tab.period()
    cards = tab.cards
    assert _n(cards["engagement"].value.text()) == "50,0%"
    assert _n(cards["coverage"].value.text()) == "1"
    assert "1 000 €" in _n(cards["velocity"].value.text())
    assert "25,0%" in _n(cards["velocity"].detail.text())
    assert _n(cards["contract_value"].value.text()) == "45 000 €"
    assert "+50,0%" in _n(cards["contract_value"].detail.text())
    assert _n(cards["clv"].value.text()) == "300 000 €"
    assert _n(cards["roi"].value.text()) == "300%"
    assert _n(cards["conversion"].value.text()) == "66,7%"  # (3 + 1) advanced of (4 + 2)
    assert tab.models["engagement"].rowCount() == 2
    assert tab.models["coverage"].rowCount() == 2
    assert tab.models["velocity"].rowCount() == 3
    assert tab.models["conversion"].rowCount() == 4
    assert tab.models["clv"].rowCount() == 1
    assert tab.models["roi"].rowCount() == 1


def test_kpi_models_pass_the_tester(qtbot, qtmodeltester, window):
    tab = window.kpi_tab
    tab.show_result(FAKE_KPIS)
    for model in tab.models.values():
        qtmodeltester.check(model)


def test_kpi_tab_reports_errors(qtbot, window):
    tab = window.kpi_tab

    def broken(engine, date_from, date_to, filters):
        raise RuntimeError("disk on fire")

    tab.compute_fn = broken
    with qtbot.waitSignal(tab.failed, timeout=5000):
        tab.refresh()
    assert "disk on fire" in tab.status.text()
    tab.set_period(dt.date(2025, 6, 1), dt.date(2025, 1, 1))
    tab.refresh()
    assert not tab.is_busy()


def test_kpi_period_changes_recompute_once(qtbot, window):
    tab = window.kpi_tab
    calls = []
    tab.compute_fn = lambda e, f, t, flt: calls.append((f, t)) or FAKE_KPIS
    with qtbot.waitSignal(tab.compared, timeout=5000):
        tab.set_year_to_date()
    start, today = dt.date(dt.date.today().year, 1, 1), dt.date.today()
    length = (today - start).days + 1
    before = (start - dt.timedelta(days=length), start - dt.timedelta(days=1))
    assert calls == [(start, today), before]  # the period, then the one before for the changes


@pytest.mark.skipif(
    importlib.util.find_spec("abmdesk.services.kpis") is None, reason="KPI engine not there yet"
)
def test_kpi_tab_with_the_real_engine(qtbot, window):
    tab = window.kpi_tab
    with qtbot.waitSignal(tab.computed, timeout=30_000):
        tab.refresh()
    assert tab.result is not None and "engagement" in tab.result
    assert tab.models["engagement"].rowCount() == 3  # every account appears
    assert tab.cards["engagement"].value.text() not in ("", "—")


def test_selecting_the_kpi_tab_computes(qtbot, window):
    window.kpi_tab.compute_fn = lambda e, f, t, flt: FAKE_KPIS
    with qtbot.waitSignal(window.kpi_tab.computed, timeout=5000):
        window.tabs.setCurrentWidget(window.kpi_tab)  # window not even shown
    assert window.kpi_tab.models["roi"].rowCount() == 1


def test_screenshots_of_every_tab(qtbot, window, tmp_path):
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    window.kpi_tab.compute_fn = lambda e, f, t, flt: FAKE_KPIS
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(50)
        image = window.grab()
        assert image.width() >= 1440 and image.height() >= 900
        assert image.save(str(tmp_path / f"tab{index}.png"))
    window.runner.wait(10_000)


@pytest.mark.skipif(
    importlib.util.find_spec("abmdesk.services.demo") is None
    or importlib.util.find_spec("abmdesk.services.kpis") is None,
    reason="demo data or KPI engine not there yet",
)
def test_smoke_test_command(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ABMDESK_DATA_DIR=str(tmp_path))
    proc = subprocess.run(
        [sys.executable, "-m", "abmdesk", "--smoke-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert "ok" in proc.stdout
