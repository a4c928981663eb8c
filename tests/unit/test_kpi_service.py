"""The KPI service: the SPEC 4 object, its table, the CLI, and the query plans."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest

from abmdesk.cli import main
from abmdesk.errors import ValidationError
from abmdesk.kpi import data
from abmdesk.kpi.inputs import Params, Period
from abmdesk.kpi.scan import InteractionScan
from abmdesk.services.kpis import compute_kpis, format_kpis_table, kpis_from_inputs
from tests.unit.kpi_builders import build, kpis

F, T = "2026-01-01", "2026-06-30"
STAGES = ["discovery", "first_meeting", "qualified", "proposal", "negotiation"]


@pytest.fixture
def world(engine):
    """A little of everything, with account names out of order."""
    with build(engine) as b:
        zeta = b.account("Zeta", target=True, sector="Industrie", employees=40)
        alpha = b.account("alpha")
        beta = b.account("Beta", target=True, since="2026-02-01", committee=3)
        boss = b.person(beta, "Boss", role="decision_maker")
        b.person(zeta, "Seat", placeholder=True)
        b.touch(beta, "meeting", "2026-06-01T10:00", person=boss, minutes=60)
        b.touch(zeta, "web_visit", "2026-03-03")
        b.touch(alpha, "email_sent", "2026-06-03")
        b.deal(
            beta,
            "Big",
            "2026-02-01",
            amount=200_000,
            status="won",
            closed="2026-05-01",
            stages=[("discovery", "2026-02-01"), ("proposal", "2026-03-01")],
        )
        b.deal(alpha, "Small", "2026-01-15", amount=1_000, status="lost", closed="2026-02-15")
        b.contract(beta, "new", 50_000, "2026-05-01")
        b.cost("2026-03-01", 50_000)
    return engine


def test_shape_of_the_json_object(world):
    result = kpis(world, F, T)
    assert result["period"] == {"from": F, "to": T}
    assert set(result) >= {
        "period",
        "engagement",
        "coverage",
        "velocity",
        "conversion",
        "contract_value",
        "clv",
        "roi",
    }
    names = ["Beta", "Zeta", "alpha"]  # sorted by name
    assert [r["account"] for r in result["engagement"]["accounts"]] == names
    assert [r["account"] for r in result["coverage"]["accounts"]] == names
    assert [r["account"] for r in result["clv"]["accounts"]] == names
    assert [r["account"] for r in result["roi"]["accounts"]] == ["Beta", "Zeta"]
    engagement_row = result["engagement"]["accounts"][0]
    assert set(engagement_row) >= {"account", "score", "weekly", "trend", "dormant"}
    assert set(result["coverage"]["accounts"][0]) >= {
        "account",
        "committee_size",
        "identified",
        "engaged",
        "identified_coverage",
        "engaged_coverage",
        "engagement_ratio",
        "role_coverage",
        "at_risk",
    }
    for group in ("abm", "non_abm", "all"):
        v = result["velocity"][group]
        assert set(v) >= {
            "open_deals",
            "win_rate",
            "avg_won_amount",
            "avg_cycle_days",
            "velocity_per_day",
            "avg_days_in_stage",
        }
        assert list(v["avg_days_in_stage"]) == STAGES
    assert "cycle_reduction" in result["velocity"]
    assert set(result["conversion"]) == {"all", "by_sector", "by_size"}
    assert set(result["contract_value"]) >= {"abm", "non_abm", "uplift"}
    assert set(result["clv"]) >= {"accounts", "average"}
    assert set(result["clv"]["average"]) == {"abm", "non_abm"}
    assert set(result["roi"]) >= {"revenue", "cost", "roi", "accounts"}
    assert set(result["roi"]["accounts"][0]) >= {"account", "revenue", "cost", "roi"}
    assert result["roi"]["roi"] == 3.0
    text = json.dumps(result, ensure_ascii=False, allow_nan=False)
    assert json.loads(text) == result


def test_plain_types_and_nulls(world):
    result = kpis(world, F, T)

    def walk(value):
        if isinstance(value, dict):
            for k, v in value.items():
                assert isinstance(k, str)
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
        else:
            assert value is None or type(value) in (bool, int, float, str), value

    walk(result)
    beta = result["coverage"]["accounts"][0]
    assert isinstance(beta["identified"], int) and isinstance(beta["committee_size"], int)
    alpha = result["coverage"]["accounts"][2]
    assert alpha["engagement_ratio"] is None
    assert result["velocity"]["non_abm"]["win_rate"] == 0.0
    assert result["velocity"]["non_abm"]["avg_cycle_days"] is None
    assert result["velocity"]["cycle_reduction"] is None
    assert result["contract_value"]["uplift"] is None
    assert result["clv"]["average"]["non_abm"] is None


def test_empty_database(engine):
    result = kpis(engine, F, T)
    assert result["engagement"] == {
        **result["engagement"],
        "engaged_target_accounts_rate": None,
        "accounts": [],
    }
    assert result["coverage"] == {"accounts": []}
    assert result["roi"] == {**result["roi"], "revenue": 0.0, "cost": 0.0, "roi": None}
    assert result["conversion"] == {"all": {}, "by_sector": {}, "by_size": {}}
    json.dumps(result, allow_nan=False)


def test_period_must_not_be_reversed(engine):
    with pytest.raises(ValidationError):
        compute_kpis(engine, dt.date(2026, 2, 1), dt.date(2026, 1, 1))


def test_parallel_load_matches_one_transaction(world, db_path):
    period = Period(dt.date.fromisoformat(F), dt.date.fromisoformat(T))
    con = sqlite3.connect(db_path)
    try:
        inputs = data.load_inputs(con, period, Params())
    finally:
        con.close()
    assert kpis_from_inputs(inputs) == kpis(world, F, T)


def test_single_day_period(world):
    result = kpis(world, "2026-06-01", "2026-06-01")
    beta = result["engagement"]["accounts"][0]
    assert beta["weekly"] == {"2026-W23": 50}
    assert beta["score"] == 50


def test_table(world):
    text = format_kpis_table(kpis(world, F, T))
    assert "2026-01-01 to 2026-06-30" in text
    assert "ROI: 300.0 %" in text
    assert "Revenue: 200 000.00 EUR" in text
    assert "Beta" in text and "Zeta" in text
    assert "Proposal" in text
    assert "…" not in text  # fewer than 20 accounts


def test_table_truncates_long_lists(engine):
    with build(engine) as b:
        for k in range(25):
            a = b.account(f"Account {k:02d}", target=True)
            b.touch(a, "web_visit", "2026-06-01")
    text = format_kpis_table(kpis(engine, F, T))
    assert "… 5 more" in text


def test_cli_json_and_table(world, db_path, capsys):
    assert main(["kpis", "--db", str(db_path), "--from", F, "--to", T, "--json"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out)["roi"]["roi"] == 3.0
    assert main(["kpis", "--db", str(db_path), "--from", F, "--to", T]) == 0
    assert "ROI: 300.0 %" in capsys.readouterr().out


def test_interaction_scan_uses_the_kpi_index(world, db_path):
    """Every read of interactions is a range on ix_interactions_kpi, never a table row."""
    con = sqlite3.connect(db_path)
    try:
        set_setting_params = Params(staff_hourly_cost=10)
        period = Period(dt.date.fromisoformat(F), dt.date.fromisoformat(T))
        table_root = con.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'interactions'"
        ).fetchone()[0]
        for statement in InteractionScan(period, set_setting_params).statements():
            sql, binds = statement.sql, statement.binds
            plans = [row[3] for row in con.execute("EXPLAIN QUERY PLAN " + sql, binds)]
            scans = [
                p for p in plans if p.startswith(("SEARCH i ", "SCAN i ", "SEARCH interactions"))
            ]
            assert len(scans) >= 1, plans
            assert all("USING INDEX ix_interactions_kpi (day>? AND day<?)" in p for p in scans), (
                plans
            )
            assert not [p for p in plans if "SCAN interactions" in p or p == "SCAN i"], plans
            code = con.execute("EXPLAIN " + sql, binds).fetchall()
            cursors = {r[2] for r in code if r[1] == "OpenRead" and r[3] == table_root}
            assert not [r for r in code if r[1] == "Column" and r[2] in cursors]
    finally:
        con.close()


def test_long_periods_split_into_several_statements(engine):
    with build(engine) as b:
        a = b.account("Alpha")
        b.touch(a, "meeting", "2010-03-01")
        b.touch(a, "call", "2026-06-30")
    period = Period(dt.date(2000, 1, 1), dt.date.fromisoformat(T))
    statements = InteractionScan(period, Params()).statements()
    assert len(statements) == 5  # the stakeholders, then 1 390 segments in 4 statements
    assert max(len(s.columns) for s in statements) <= 500
    row = kpis(engine, "2000-01-01", T)["engagement"]["accounts"][0]
    assert row["weekly"] == {"2010-W09": 50, "2026-W27": 10}
    assert row["score"] == 10


def test_gc_is_restored(world):
    import gc

    assert gc.isenabled()
    kpis(world, F, T)
    assert gc.isenabled()
    gc.disable()
    try:
        kpis(world, F, T)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_worker_errors_reach_the_caller(world, monkeypatch):
    import gc
    import threading

    calls = []
    real = InteractionScan.execute

    def failing(con, statement):
        calls.append(statement)
        if any(isinstance(c, int) for c in statement.columns):
            raise sqlite3.OperationalError("disk I/O error")
        return real(con, statement)

    monkeypatch.setattr(InteractionScan, "execute", staticmethod(failing))
    with pytest.raises(sqlite3.OperationalError, match="disk I/O error"):
        kpis(world, F, T)
    assert calls
    assert gc.isenabled()
    assert not [t for t in threading.enumerate() if t.name == "kpi-scan"]


def test_stakeholder_of_another_account(engine):
    with build(engine) as b:
        a = b.account("A")
        other = b.account("B")
        p = b.person(other, "Pat", role="sponsor")
        b.touch(a, "meeting", "2026-06-15", person=p)  # logged on A, naming B's person
    cov = {r["account"]: r for r in kpis(engine, F, T)["coverage"]["accounts"]}
    assert (cov["A"]["engaged"], cov["B"]["engaged"]) == (0, 1)
    assert cov["B"]["role_coverage"] == 0.25
    eng = {r["account"]: r for r in kpis(engine, F, T)["engagement"]["accounts"]}
    assert (eng["A"]["score"], eng["B"]["score"]) == (50, 0)
