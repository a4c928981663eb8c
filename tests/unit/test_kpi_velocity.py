"""KPI 3, pipeline velocity (SPEC 3.3); period 2026-01-01..2026-06-30."""

from __future__ import annotations

import pytest

from tests.unit.kpi_builders import build, kpis

F, T = "2026-01-01", "2026-06-30"
STAGES = ("discovery", "first_meeting", "qualified", "proposal", "negotiation")


@pytest.fixture
def pipeline(engine):
    """Deals of a target account (A), a non-target (B) and a late target (C, since April)."""
    with build(engine) as b:
        a = b.account("A", target=True, since="2025-01-01")
        nb = b.account("B")
        c = b.account("C", target=True, since="2026-04-01")
        # ABM, won: 10.5 days
        b.deal(a, "A1", "2026-01-01T00:00", amount=10_000, status="won", closed="2026-01-11T12:00")
        b.deal(a, "A2", "2025-12-01", amount=7_000, status="lost", closed="2026-02-01")
        b.deal(a, "A3", "2026-02-01")  # open
        # won after T: open at T, and ABM (target when it closed)
        b.deal(a, "A4", "2026-05-01", amount=1, status="won", closed="2026-07-15")
        b.deal(a, "A5", "2026-06-30T23:59")  # created on T: open
        # non-ABM, won: 20 and 30 days
        b.deal(nb, "B1", "2026-01-01", amount=20_000, status="won", closed="2026-01-21")
        b.deal(nb, "B2", "2026-03-01", amount=40_000, status="won", closed="2026-03-31")
        b.deal(nb, "B3", "2026-07-05")  # created after T: not open at T
        b.deal(nb, "B4", "2025-11-01", amount=9, status="won", closed="2025-12-15")  # before F
        # C became a target after this deal closed: non-ABM, won in 59 days
        b.deal(c, "C1", "2026-01-01", amount=5_000, status="won", closed="2026-03-01")
        b.deal(c, "C2", "2026-02-01")  # open: ABM (C is a target at T)
    return engine


def test_velocity_groups(pipeline):
    v = kpis(pipeline, F, T)["velocity"]
    abm, non_abm, every = v["abm"], v["non_abm"], v["all"]

    assert abm["open_deals"] == 4  # A3, A4, A5, C2
    assert abm["win_rate"] == 0.5  # A1 won, A2 lost
    assert abm["avg_won_amount"] == 10_000.0
    assert abm["avg_cycle_days"] == 10.5
    assert abm["velocity_per_day"] == pytest.approx(4 * 0.5 * 10_000 / 10.5)

    assert non_abm["open_deals"] == 0
    assert non_abm["win_rate"] == 1.0  # B1, B2, C1
    assert non_abm["avg_won_amount"] == pytest.approx(65_000 / 3)
    assert non_abm["avg_cycle_days"] == pytest.approx(109 / 3)
    assert non_abm["velocity_per_day"] == 0.0

    assert every["open_deals"] == 4
    assert every["win_rate"] == 0.8
    assert every["avg_won_amount"] == 18_750.0
    assert every["avg_cycle_days"] == 29.875
    assert every["velocity_per_day"] == pytest.approx(4 * 0.8 * 18_750 / 29.875)

    assert v["cycle_reduction"] == pytest.approx(1 - 10.5 / (109 / 3))
    assert isinstance(abm["open_deals"], int)


def test_open_deals_at_t_with_a_later_period_end(pipeline):
    # As of 2026-07-31: A4 (won 07-15) is closed, B3 (created 07-05) is open.
    v = kpis(pipeline, "2026-07-01", "2026-07-31")["velocity"]
    assert v["abm"]["open_deals"] == 3  # A3, A5, C2
    assert v["non_abm"]["open_deals"] == 1  # B3
    assert v["abm"]["win_rate"] == 1.0  # A4
    assert v["abm"]["avg_won_amount"] == 1.0
    assert v["non_abm"]["win_rate"] is None


def test_empty_pipeline_is_null(engine):
    with build(engine) as b:
        a = b.account("A", target=True)
        b.deal(a, "lost", "2026-01-01", status="lost", closed="2026-02-01")
    v = kpis(engine, F, T)["velocity"]
    assert v["abm"]["win_rate"] == 0.0
    assert v["abm"]["avg_won_amount"] is None
    assert v["abm"]["avg_cycle_days"] is None
    assert v["abm"]["velocity_per_day"] is None
    assert v["non_abm"] == {
        **v["non_abm"],
        "open_deals": 0,
        "win_rate": None,
        "avg_won_amount": None,
        "avg_cycle_days": None,
        "velocity_per_day": None,
        "avg_days_in_stage": dict.fromkeys(STAGES),
    }
    assert v["cycle_reduction"] is None


def test_zero_cycle_gives_null_velocity(engine):
    with build(engine) as b:
        a = b.account("A")
        b.deal(
            a, "same day", "2026-03-01T10:00", amount=100, status="won", closed="2026-03-01T10:00"
        )
        b.deal(a, "open", "2026-03-01")
        b2 = b.account("B", target=True)
        b.deal(b2, "abm", "2026-03-01", amount=100, status="won", closed="2026-03-03")
    v = kpis(engine, F, T)["velocity"]
    assert v["non_abm"]["avg_cycle_days"] == 0.0
    assert v["non_abm"]["velocity_per_day"] is None
    assert v["cycle_reduction"] is None  # divisor 0


def test_won_deal_without_amount(engine):
    with build(engine) as b:
        a = b.account("A")
        b.deal(a, "priced", "2026-01-01", amount=1_000, status="won", closed="2026-01-03")
        b.deal(a, "unpriced", "2026-01-01", status="won", closed="2026-01-05")
        b.deal(a, "open", "2026-01-01")
    v = kpis(engine, F, T)["velocity"]["non_abm"]
    assert v["win_rate"] == 1.0
    assert v["avg_won_amount"] == 1_000.0  # the unknown amount is left out of the mean
    assert v["avg_cycle_days"] == 3.0  # (2 + 4) / 2
    assert v["velocity_per_day"] == pytest.approx(1 * 1.0 * 1_000 / 3)


def test_avg_days_in_stage(engine):
    with build(engine) as b:
        a = b.account("A", target=True)
        nb = b.account("B")
        # ABM, won: discovery 10 d, first meeting 4.5 d, qualified 53.5 d (ends at closed_at)
        b.deal(
            a,
            "D1",
            "2026-01-01",
            amount=1,
            status="won",
            closed="2026-03-10T00:00",
            stages=[
                ("discovery", "2026-01-01T00:00"),
                ("first_meeting", "2026-01-11T00:00"),
                ("qualified", "2026-01-15T12:00"),
            ],
        )
        # open: discovery 35 d (ends in the period); first meeting has not ended
        b.deal(
            nb,
            "D2",
            "2025-12-01",
            stages=[("discovery", "2025-12-01"), ("first_meeting", "2026-01-05")],
        )
        # backward move: qualified 10 d, then discovery 4 d, first meeting unfinished
        b.deal(
            nb,
            "D3",
            "2026-02-01",
            stages=[
                ("qualified", "2026-02-01"),
                ("discovery", "2026-02-11"),
                ("first_meeting", "2026-02-15"),
            ],
        )
        # a stay ending before F is out; first meeting (31 d) ends on F
        b.deal(
            nb,
            "D4",
            "2025-11-01",
            stages=[
                ("discovery", "2025-11-01"),
                ("first_meeting", "2025-12-01"),
                ("qualified", "2026-01-01"),
            ],
        )
        # a stay ending after T is out
        b.deal(
            a,
            "D5",
            "2026-06-20",
            stages=[("discovery", "2026-06-20"), ("first_meeting", "2026-07-02")],
        )
        # lost: proposal from 06-28T12:00 to closed_at 06-30T18:00 = 2.25 d
        b.deal(
            a,
            "D6",
            "2026-06-01",
            status="lost",
            closed="2026-06-30T18:00",
            stages=[("proposal", "2026-06-28T12:00")],
        )
        # closed after T: its last stay ends after T
        b.deal(
            a,
            "D7",
            "2026-06-01",
            status="won",
            closed="2026-07-03",
            stages=[("negotiation", "2026-06-01")],
        )
    v = kpis(engine, F, T)["velocity"]
    assert v["abm"]["avg_days_in_stage"] == {
        "discovery": 10.0,
        "first_meeting": 4.5,
        "qualified": 53.5,
        "proposal": 2.25,
        "negotiation": None,
    }
    assert v["non_abm"]["avg_days_in_stage"] == {
        "discovery": 19.5,  # (35 + 4) / 2
        "first_meeting": 31.0,
        "qualified": 10.0,
        "proposal": None,
        "negotiation": None,
    }
    every = v["all"]["avg_days_in_stage"]
    assert every["discovery"] == pytest.approx(49 / 3)
    assert every["first_meeting"] == pytest.approx(35.5 / 2)
    assert every["qualified"] == pytest.approx(63.5 / 2)
    assert every["proposal"] == 2.25
    assert every["negotiation"] is None


def test_same_time_stage_changes_keep_insertion_order(engine):
    with build(engine) as b:
        a = b.account("A")
        b.deal(
            a,
            "D",
            "2026-02-01",
            stages=[
                ("discovery", "2026-02-01"),
                ("first_meeting", "2026-02-01"),  # same instant: discovery lasted 0 days
                ("qualified", "2026-02-03"),
            ],
        )
    stay = kpis(engine, F, T)["velocity"]["all"]["avg_days_in_stage"]
    assert stay["discovery"] == 0.0
    assert stay["first_meeting"] == 2.0
