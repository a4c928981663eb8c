"""KPI 5, average contract value (SPEC 3.5); period 2026-01-01..2026-06-30."""

from __future__ import annotations

import pytest

from tests.unit.kpi_builders import build, kpis

F, T = "2026-01-01", "2026-06-30"


def test_contract_value_and_uplift(engine):
    with build(engine) as b:
        a = b.account("A", target=True, since="2025-06-01")
        late = b.account("Late", target=True, since="2026-05-01")
        other = b.account("Other")
        b.deal(a, "a1", "2026-01-01", amount=50_000, status="won", closed="2026-02-01")
        b.deal(a, "a2", "2026-01-01", amount=70_000, status="won", closed="2026-06-30T22:00")
        b.deal(a, "lost", "2026-01-01", amount=1_000_000, status="lost", closed="2026-02-01")
        b.deal(a, "open", "2026-01-01", amount=1_000_000)
        b.deal(a, "after", "2026-01-01", amount=1_000_000, status="won", closed="2026-07-01")
        b.deal(a, "before", "2025-09-01", amount=1_000_000, status="won", closed="2025-12-31")
        # won before its account became a target: non-ABM
        b.deal(late, "l1", "2026-01-01", amount=30_000, status="won", closed="2026-04-30")
        b.deal(other, "o1", "2026-01-01", amount=50_000, status="won", closed="2026-03-01")
    cv = kpis(engine, F, T)["contract_value"]
    assert cv["abm"] == {"won_deals": 2, "average": 60_000.0}
    assert cv["non_abm"] == {"won_deals": 2, "average": 40_000.0}
    assert cv["uplift"] == pytest.approx(0.5)


def test_null_average_and_uplift(engine):
    with build(engine) as b:
        a = b.account("A", target=True)
        b.deal(a, "a1", "2026-01-01", amount=10_000, status="won", closed="2026-02-01")
        b.deal(a, "unpriced", "2026-01-01", status="won", closed="2026-02-01")
    cv = kpis(engine, F, T)["contract_value"]
    assert cv["abm"] == {"won_deals": 2, "average": 10_000.0}
    assert cv["non_abm"] == {"won_deals": 0, "average": None}
    assert cv["uplift"] is None


def test_no_deals(engine):
    cv = kpis(engine, F, T)["contract_value"]
    assert cv == {
        "abm": {"won_deals": 0, "average": None},
        "non_abm": {"won_deals": 0, "average": None},
        "uplift": None,
    }
