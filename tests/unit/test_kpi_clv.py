"""KPI 6, customer lifetime value (SPEC 3.6); T = 2026-06-30."""

from __future__ import annotations

from abmdesk.services.settings import set_setting
from tests.unit.kpi_builders import build, by_name, kpis

F, T = "2026-01-01", "2026-06-30"


def _row(result: dict, name: str) -> dict:
    return by_name(result["clv"]["accounts"], name)


def test_spec_example_300k(engine):
    with build(engine) as b:
        a = b.account("Alpha", target=True)
        b.contract(a, "new", 50_000, "2025-01-01")
        b.contract(a, "upsell", 10_000, "2025-06-01")
    result = kpis(engine, F, T)
    assert _row(result, "Alpha") == {
        "account": "Alpha",
        "base_arr": 50_000.0,
        "upsell_rate": 0.2,
        "retention_years": 5.0,
        "clv": 300_000.0,
    }
    assert result["clv"]["average"] == {"abm": 300_000.0, "non_abm": None}


def test_active_contracts_at_t(engine):
    with build(engine) as b:
        a = b.account("Beta", retention=3)
        b.contract(a, "new", 20_000, "2026-06-30")  # starts on T: active
        b.contract(a, "new", 30_000, "2024-01-01", "2026-06-30")  # ends on T: not active
        b.contract(a, "new", 40_000, "2026-07-01")  # starts after T
        b.contract(a, "upsell", 5_000, "2025-01-01", "2026-07-01")  # ends after T: active
        b.contract(a, "upsell", 7_000, "2024-01-01", "2025-12-31")  # ended
    row = _row(kpis(engine, F, T), "Beta")
    assert row["base_arr"] == 20_000.0
    assert row["upsell_rate"] == 0.25
    assert row["retention_years"] == 3.0
    assert row["clv"] == 75_000.0  # 20 000 × 3 × 1.25


def test_no_base_arr(engine):
    with build(engine) as b:
        b.contract(b.account("Upsell only", target=True), "upsell", 10_000, "2026-01-01")
        b.account("Nothing")
    result = kpis(engine, F, T)
    assert _row(result, "Upsell only") == {
        "account": "Upsell only",
        "base_arr": 0.0,
        "upsell_rate": 0.0,
        "retention_years": 5.0,
        "clv": 0.0,
    }
    assert _row(result, "Nothing")["clv"] == 0.0
    assert result["clv"]["average"] == {"abm": None, "non_abm": None}


def test_averages_split_by_target_at_t(engine):
    with build(engine) as b:
        b.contract(b.account("T1", target=True), "new", 10_000, "2025-01-01")  # 50 000
        b.contract(b.account("T2", target=True, retention=2), "new", 20_000, "2025-01-01")  # 40k
        future = b.account("Future", target=True, since="2026-07-01")  # not a target at T
        b.contract(future, "new", 1_000, "2025-01-01")  # 5 000
        b.contract(b.account("N1"), "new", 3_000, "2025-01-01")  # 15 000
        b.account("N2")  # base 0: not in the averages
    avg = kpis(engine, F, T)["clv"]["average"]
    assert avg == {"abm": 45_000.0, "non_abm": 10_000.0}


def test_default_retention_setting(engine):
    set_setting(engine, "default_retention_years", "4")
    with build(engine) as b:
        a = b.account("Alpha")
        b.contract(a, "new", 50_000, "2025-01-01")
        b.contract(a, "upsell", 10_000, "2025-06-01")
        c = b.account("Own years", retention=2.5)
        b.contract(c, "new", 1_000, "2025-01-01")
    result = kpis(engine, F, T)
    assert _row(result, "Alpha")["clv"] == 240_000.0
    assert _row(result, "Alpha")["retention_years"] == 4.0
    assert _row(result, "Own years")["clv"] == 2_500.0
