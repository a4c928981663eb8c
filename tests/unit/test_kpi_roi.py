"""KPI 7, ROI (SPEC 3.7); period 2026-01-01..2026-06-30."""

from __future__ import annotations

import pytest

from abmdesk.services.settings import set_setting
from tests.unit.kpi_builders import build, by_name, kpis

F, T = "2026-01-01", "2026-06-30"


def test_spec_example_roi_3(engine):
    with build(engine) as b:
        a = b.account("A", target=True, since="2025-01-01")
        nb = b.account("B", target=True, since="2026-01-01")
        c = b.account("C", target=True, since="2026-06-01")
        d = b.account("D")
        b.deal(a, "a1", "2025-12-01", amount=150_000, status="won", closed="2026-03-01")
        b.deal(a, "after T", "2026-01-01", amount=99, status="won", closed="2026-07-05")
        b.deal(a, "lost", "2026-01-01", amount=99, status="lost", closed="2026-03-05")
        b.deal(nb, "b1", "2026-01-01", amount=50_000, status="won", closed="2026-05-01")
        # won before C became a target: not ABM revenue
        b.deal(c, "c1", "2026-01-01", amount=70_000, status="won", closed="2026-02-01")
        b.deal(d, "d1", "2026-01-01", amount=80_000, status="won", closed="2026-02-01")
        b.cost("2026-02-01", 20_000, account=a, category="campaign")
        b.cost("2026-03-01", 24_000, category="tools")  # no account: shared by 3 targets
        b.cost("2026-06-30", 6_000, account=d)  # not a target: total only
        b.cost("2026-03-01", 9_999, program="other")
        b.cost("2025-12-31", 5_000, account=a)  # before F
        b.cost("2026-07-01", 5_000)  # after T
    r = kpis(engine, F, T)["roi"]
    assert r["revenue"] == 200_000.0
    assert r["cost"] == 50_000.0
    assert r["roi"] == 3.0
    assert [x["account"] for x in r["accounts"]] == ["A", "B", "C"]
    a_row, b_row, c_row = r["accounts"]
    assert (a_row["revenue"], a_row["cost"]) == (150_000.0, 28_000.0)
    assert a_row["roi"] == pytest.approx(122_000 / 28_000)
    assert (b_row["revenue"], b_row["cost"], b_row["roi"]) == (50_000.0, 8_000.0, 5.25)
    assert (c_row["revenue"], c_row["cost"], c_row["roi"]) == (0.0, 8_000.0, -1.0)


def test_staff_cost(engine):
    set_setting(engine, "staff_hourly_cost", "60")
    with build(engine) as b:
        a = b.account("A", target=True)
        other = b.account("Other")
        future = b.account("Future", target=True, since="2026-07-01")
        b.touch(a, "call", "2026-02-01T10:00", minutes=90)
        b.touch(a, "meeting", "2026-06-30T23:00", minutes=30)
        b.touch(a, "email_sent", "2026-03-01")  # no duration
        b.touch(a, "call", "2025-12-31T10:00", minutes=60)  # before F
        b.touch(a, "call", "2026-07-01T10:00", minutes=60)  # after T
        b.touch(other, "meeting", "2026-03-01", minutes=120)  # not a target
        b.touch(future, "meeting", "2026-03-01", minutes=120)  # not a target at T
        b.deal(a, "a1", "2026-01-01", amount=1_200, status="won", closed="2026-03-01")
    r = kpis(engine, F, T)["roi"]
    assert r["cost"] == 120.0  # 120 minutes × 60 €/h
    assert r["revenue"] == 1_200.0
    assert r["roi"] == 9.0
    assert r["accounts"] == [
        {"account": "A", "revenue": 1_200.0, "cost": 120.0, "roi": 9.0, "staff_cost": 120.0}
    ]


def test_staff_cost_with_costs_and_several_targets(engine):
    set_setting(engine, "staff_hourly_cost", "45.5")
    with build(engine) as b:
        a = b.account("A", target=True)
        z = b.account("Z", target=True)
        b.touch(a, "call", "2026-02-01", minutes=40)
        b.cost("2026-02-01", 100, category="staff")  # unassigned: 50 each
        b.cost("2026-02-02", 10, account=z)
    r = kpis(engine, F, T)["roi"]
    staff = 40 * 45.5 / 60
    assert r["cost"] == pytest.approx(110 + staff)
    assert r["roi"] == -1.0
    assert by_name(r["accounts"], "A")["cost"] == pytest.approx(50 + staff)
    assert by_name(r["accounts"], "Z")["cost"] == 60.0


def test_no_cost_is_null_roi(engine):
    with build(engine) as b:
        a = b.account("A", target=True)
        b.deal(a, "a1", "2026-01-01", amount=1_000, status="won", closed="2026-03-01")
        b.cost("2026-03-01", 500, program="other")
    r = kpis(engine, F, T)["roi"]
    assert (r["revenue"], r["cost"], r["roi"]) == (1_000.0, 0.0, None)
    assert r["accounts"][0]["roi"] is None


def test_unassigned_costs_without_targets(engine):
    with build(engine) as b:
        b.account("Not a target")
        b.cost("2026-03-01", 500)
    r = kpis(engine, F, T)["roi"]
    assert r == {**r, "revenue": 0.0, "cost": 500.0, "roi": -1.0, "accounts": []}
