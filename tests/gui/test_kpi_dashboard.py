"""The KPI dashboard: filters, cards against the service, charts, hover, click, staleness."""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage

from abmdesk.services import kpi_filters as kf
from abmdesk.services.kpis import compute_kpis
from abmdesk.ui import kpi_tab as kpi_tab_module

SPEC_KEYS = (
    "period",
    "currency",
    "engagement",
    "coverage",
    "velocity",
    "conversion",
    "contract_value",
    "clv",
    "roi",
)


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory) -> Path:
    from abmdesk.db.migrate import open_database
    from abmdesk.services.demo import generate_demo

    path = tmp_path_factory.mktemp("dash") / "demo.db"
    engine = open_database(path)
    generate_demo(engine, "small", seed=3)
    engine.dispose()
    return path


@pytest.fixture
def demo_window(qtbot, demo_path, french_locale):
    from abmdesk.app import create_main_window

    win = create_main_window(demo_path)
    qtbot.addWidget(win)
    win.resize(1440, 900)
    yield win
    win.runner.shutdown()
    win.close()


def _computed(qtbot, tab, action=None, timeout=30_000):
    """Run ``action`` (or a refresh) and wait until the figures and their changes are in."""
    with qtbot.waitSignal(tab.compared, timeout=timeout):
        (action or tab.refresh)()
    assert not tab.is_busy()
    return tab.result


def _n(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def _non_background(image: QImage, background: QColor) -> int:
    """Pixels that differ from the background (sampled every 3 pixels)."""
    count = 0
    bg = background.rgb()
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            if image.pixel(x, y) != bg:
                count += 1
    return count


def test_unfiltered_dashboard_equals_compute_kpis(qtbot, demo_window):
    tab = demo_window.kpi_tab
    result = _computed(qtbot, tab)
    f, t = tab.period()
    expected = compute_kpis(demo_window.ctx.engine, f, t)
    assert {k: result[k] for k in SPEC_KEYS} == expected
    previous = tab.previous
    pf, pt = kf.previous_period(f, t)
    assert previous["period"] == {"from": pf.isoformat(), "to": pt.isoformat()}
    assert {k: previous[k] for k in SPEC_KEYS} == compute_kpis(demo_window.ctx.engine, pf, pt)


@pytest.mark.parametrize(
    "filters",
    [
        {"segment": "abm"},
        {"segment": "non_abm"},
        {"tier": "1"},
        {"size_band": "50-249"},
        {"segment": "abm", "owner": "Camille Martin"},
    ],
)
def test_filters_change_the_figures_as_the_service_says(qtbot, demo_window, filters):
    tab = demo_window.kpi_tab
    _computed(qtbot, tab)
    tab.set_choices(kf.dashboard_choices(demo_window.ctx.engine))
    result = _computed(qtbot, tab, lambda: tab.set_filters(**filters))
    f, t = tab.period()
    chosen = kf.DashboardFilters(**filters)
    assert tab.filters() == chosen
    expected = kf.compute_dashboard(demo_window.ctx.engine, f, t, chosen)
    assert {k: result[k] for k in SPEC_KEYS} == {k: expected[k] for k in SPEC_KEYS}
    fmt = demo_window.ctx.fmt
    h = kpi_tab_module.headlines(expected)
    cards = tab.cards
    assert cards["engagement"].value.text() == fmt.percent(h["engagement"])
    assert cards["coverage"].value.text() == fmt.integer(h["coverage"])
    assert cards["velocity"].value.text() == fmt.money_per_day(h["velocity"])
    assert cards["conversion"].value.text() == fmt.percent(h["conversion"])
    assert cards["contract_value"].value.text() == fmt.money(h["contract_value"])
    assert cards["clv"].value.text() == fmt.money(h["clv"])
    assert cards["roi"].value.text() == fmt.percent(h["roi"], 0)
    if chosen.segment == "non_abm":  # the non-ABM side leads, and says so
        assert h["velocity"] == expected["velocity"]["non_abm"]["velocity_per_day"]
        assert "non-ABM" in cards["velocity"].caption.text()
    else:
        assert h["clv"] == expected["clv"]["average"]["abm"]
    # the changes are against the same filter on the period before

    pf, pt = kf.previous_period(f, t)
    before = kpi_tab_module.headlines(kf.compute_dashboard(demo_window.ctx.engine, pf, pt, chosen))
    text, mood = tab.change_text(h["roi"], before["roi"], "points0", True)
    assert cards["roi"].change_text == (text or tab.tr("no comparison"))
    # the tables follow the filter too
    assert tab.models["coverage"].rowCount() == len(expected["coverage"]["accounts"])


def test_the_changes_read_the_right_way(qtbot, window, french_locale):
    tab = window.kpi_tab
    assert tab.change_text(0.5, 0.458, "points", True) == ("+4,2 pts", "good")
    assert tab.change_text(40.0, 43.0, "days", False)[1] == "good"
    assert tab.change_text(40.0, 43.0, "days", False)[0] == "\u2212" + tab.ctx.fmt.days(3.0)
    assert tab.change_text(3.0, 1.0, "count", False) == ("+2", "bad")
    assert tab.change_text(110.0, 100.0, "relative", True)[0] == "+" + tab.ctx.fmt.percent(0.1)
    assert tab.change_text(1.0, 1.0, "count", False)[1] == "neutral"
    assert tab.change_text(None, 1.0, "count", False) == ("", "")
    assert tab.change_text(5.0, 0.0, "relative", True) == ("", "")


def test_period_choices(window):
    today = dt.date(2026, 5, 14)
    assert kpi_tab_module.period_of("this_quarter", today) == (dt.date(2026, 4, 1), today)
    assert kpi_tab_module.period_of("last_quarter", today) == (
        dt.date(2026, 1, 1),
        dt.date(2026, 3, 31),
    )
    assert kpi_tab_module.period_of("last_12_months", today) == (dt.date(2025, 5, 15), today)
    assert kpi_tab_module.period_of("year_to_date", today) == (dt.date(2026, 1, 1), today)
    assert kpi_tab_module.period_of("custom", today) is None
    jan = dt.date(2026, 2, 3)
    assert kpi_tab_module.period_of("last_quarter", jan) == (
        dt.date(2025, 10, 1),
        dt.date(2025, 12, 31),
    )
    tab = window.kpi_tab
    tab.set_period(dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert tab.period_choice.currentData() == "custom"
    tab.set_period_choice("year_to_date")
    assert tab.period() == (dt.date(dt.date.today().year, 1, 1), dt.date.today())
    tab.date_from.setDate(tab.date_from.date().addDays(1))
    assert tab.period_choice.currentData() == "custom"


def test_stale_results_are_ignored(qtbot, window):
    tab = window.kpi_tab
    gate = threading.Event()
    calls: list = []

    def compute(engine, date_from, date_to, filters):
        calls.append(filters.segment)
        if filters.segment == "all" and len(calls) == 1:
            gate.wait(10)  # the first, slow request
            return {"period": {}, "roi": {"roi": 9.99}, "filters": filters.as_dict()}
        return {"period": {}, "roi": {"roi": 0.5}, "filters": filters.as_dict()}

    tab.compute_fn = compute
    tab.refresh()
    qtbot.waitUntil(lambda: calls == ["all"])
    with qtbot.waitSignal(tab.compared, timeout=10_000):
        tab.set_filters(segment="abm")
    gate.set()
    assert window.runner.wait(10_000)
    qtbot.wait(100)  # the slow answer arrives, and is dropped
    assert tab.result["filters"]["segment"] == "abm"
    assert tab.result["roi"]["roi"] == 0.5
    assert tab.previous["filters"]["segment"] == "abm"
    assert not tab.is_busy()


def test_busy_indicator_while_computing(qtbot, window):
    tab = window.kpi_tab
    gate = threading.Event()

    def slow(engine, date_from, date_to, filters):
        gate.wait(10)
        return {"period": {}}

    tab.compute_fn = slow
    window.show()
    tab.refresh()
    assert tab.is_busy() and not tab.busy.isHidden()
    gate.set()
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10_000)
    assert tab.busy.isHidden()


@pytest.fixture
def shown_dashboard(qtbot, demo_window):
    demo_window.show()
    qtbot.waitExposed(demo_window)
    demo_window.tabs.setCurrentWidget(demo_window.kpi_tab)
    tab = demo_window.kpi_tab
    if tab.result is None or tab.is_busy():
        qtbot.waitUntil(lambda: tab.result is not None and not tab.is_busy(), timeout=30_000)
    return tab


def test_each_chart_renders_non_blank(qtbot, shown_dashboard, tmp_path):
    tab = shown_dashboard
    assert set(tab.panels) == set(kpi_tab_module.KPI_KEYS)
    for key, panel in tab.panels.items():
        tab.show_chart(key)
        qtbot.wait(30)
        assert panel.isVisible()
        for chart in panel.charts:
            image = chart.grab().toImage()
            assert image.width() > 300 and image.height() > 200
            drawn = _non_background(image, QColor("white"))
            total = (image.width() // 3 + 1) * (image.height() // 3 + 1)
            assert drawn > total * 0.01, f"{key}: the chart looks blank"
        png = tmp_path / f"{key}.png"
        assert panel.save_png(str(png))
        assert not QImage(str(png)).isNull()


def _bar_of(chart, account: str):
    hits = [h for h in chart.hits if h.account == account]
    assert hits, account
    hit = hits[-1]
    return chart.scene_pos_of((hit.x0 + hit.x1) / 2, (hit.y0 + hit.y1) / 2)


def test_hover_shows_the_exact_value(qtbot, shown_dashboard):
    tab = shown_dashboard
    fmt = tab.ctx.fmt
    tab.show_chart("roi")
    qtbot.wait(30)
    panel = tab.panels["roi"]
    rows = [a for a in tab.result["roi"]["accounts"] if a["roi"] is not None]
    row = max(rows, key=lambda a: a["roi"])
    panel.chart.scene().sigMouseMoved.emit(_bar_of(panel.chart, row["account"]))
    assert row["account"] in panel.last_hover
    assert fmt.percent(row["roi"]) in panel.last_hover
    assert fmt.money(row["revenue"]) in panel.last_hover

    tab.show_chart("velocity")
    qtbot.wait(30)
    velocity = tab.panels["velocity"].chart
    hit = velocity.hits[0]
    velocity.scene().sigMouseMoved.emit(velocity.scene_pos_of((hit.x0 + hit.x1) / 2, hit.y1 / 2))
    days = tab.result["velocity"]["abm"]["avg_days_in_stage"]["discovery"]
    assert fmt.days(days) in velocity.last_hover

    tab.show_chart("engagement")
    qtbot.wait(30)
    engagement = tab.panels["engagement"].chart
    x, y, text, account = next(p for p in engagement.points if p[1] > 0)
    engagement.scene().sigMouseMoved.emit(engagement.scene_pos_of(x, y))
    assert engagement.last_hover == text
    assert account in text and fmt.integer(int(y)) in text


def test_clicking_a_bar_opens_the_account_map(qtbot, shown_dashboard):
    tab = shown_dashboard
    window = tab.window()
    tab.show_chart("coverage")
    qtbot.wait(30)
    chart = tab.panels["coverage"].chart
    name = next(h.account for h in chart.hits if h.account)
    pos = chart.mapFromScene(_bar_of(chart, name))
    with qtbot.waitSignal(tab.account_clicked, timeout=2000) as blocker:
        qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args[0] == uuid.UUID(tab.result["account_ids"][name])
    assert window.tabs.currentWidget() is window.map_tab


def test_a_chart_can_be_copied(qtbot, shown_dashboard):
    tab = shown_dashboard
    tab.show_chart("clv")
    qtbot.wait(30)
    panel = tab.panels["clv"]
    QGuiApplication.clipboard().clear()
    panel.copy_image()
    image = QGuiApplication.clipboard().image()
    assert not image.isNull() and image.width() >= panel.width() - 1


def test_the_context_menu_copies_and_saves(qtbot, shown_dashboard, tmp_path, monkeypatch):
    tab = shown_dashboard
    tab.show_chart("roi")
    qtbot.wait(30)
    panel = tab.panels["roi"]
    menu = panel.context_menu()
    actions = {a.objectName(): a for a in menu.actions()}
    assert set(actions) == {"kpiChartCopy", "kpiChartSave"}
    QGuiApplication.clipboard().clear()
    actions["kpiChartCopy"].trigger()
    assert not QGuiApplication.clipboard().image().isNull()
    target = tmp_path / "roi-chart.png"
    monkeypatch.setattr(
        "abmdesk.ui.kpi_charts.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(tmp_path / "roi-chart"), ""),
    )
    actions["kpiChartSave"].trigger()
    image = QImage(str(target))
    assert not image.isNull() and image.width() == panel.width()
    menu.deleteLater()


def test_ctrl_c_copies_the_chart(qtbot, shown_dashboard):
    tab = shown_dashboard
    tab.show_chart("velocity")
    panel = tab.panels["velocity"]
    tab.window().activateWindow()
    panel.setFocus()
    qtbot.waitUntil(panel.hasFocus)
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(panel, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert not QGuiApplication.clipboard().image().isNull()


def test_heat_tables_pass_the_model_tester(qtbot, qtmodeltester, shown_dashboard):
    shown_dashboard.show_chart("conversion")  # drawn when shown
    panel = shown_dashboard.panels["conversion"]
    assert panel.sector_model.rowCount() > 0
    qtmodeltester.check(panel.sector_model)
    qtmodeltester.check(panel.size_model)
    index = panel.sector_model.index(0, 1)
    assert "%" in (index.data() or "") or index.data() == "—"


def test_activity_is_shown_apart_from_the_kpis(qtbot, shown_dashboard):
    tab = shown_dashboard
    activity = tab.result["activity"]
    text = _n(tab.activity.text())
    assert _n(tab.ctx.fmt.integer(activity["interactions"])) in text
    assert _n(tab.ctx.fmt.integer(activity["emails_sent"])) in text
    assert "activity" not in kpi_tab_module.KPI_KEYS and len(tab.cards) == 7


def test_writes_make_the_dashboard_read_again(qtbot, shown_dashboard):
    from abmdesk.ui.changes import Changes

    tab = shown_dashboard
    f, t = tab.period()
    engine = tab.ctx.engine
    assert kf.is_cached(engine, f, t)
    with qtbot.waitSignal(tab.compared, timeout=30_000):
        tab.on_changes(Changes(interactions=True))
    assert kf.is_cached(engine, f, t)  # read again for the new figures
