"""KPI 4, conversion per stage (SPEC 3.4); period 2026-01-01..2026-06-30."""

from __future__ import annotations

from tests.unit.kpi_builders import build, kpis

F, T = "2026-01-01", "2026-06-30"


def _cell(entered: int, advanced: int) -> dict:
    return {"entered": entered, "advanced": advanced, "rate": advanced / entered}


def test_conversion(engine):
    with build(engine) as b:
        a = b.account("A", sector="Industrie", employees=120)  # 50-249
        nb = b.account("B")  # unknown sector and size
        c = b.account("C", sector="  ", employees=12)  # blank sector -> unknown; 10-49
        b.deal(
            a,
            "X",
            "2026-01-10",
            stages=[
                ("discovery", "2026-01-10"),
                ("first_meeting", "2026-02-01"),
                ("qualified", "2026-03-01"),  # open since: not advanced
            ],
        )
        b.deal(
            a,
            "Y",
            "2025-12-01",
            status="won",
            closed="2026-02-01",
            stages=[
                ("discovery", "2025-12-01"),  # first entry before F: not entered
                ("first_meeting", "2026-01-05"),  # advanced: won on or before T
            ],
        )
        b.deal(
            nb,
            "Z",
            "2026-01-10",
            stages=[
                ("qualified", "2026-01-10"),
                ("discovery", "2026-01-20"),  # backward move
                ("qualified", "2026-02-01"),  # discovery advanced; re-entry is not "later"
                ("proposal", "2026-07-10"),  # after T: qualified did not advance
            ],
        )
        b.deal(
            c,
            "W",
            "2026-06-30",
            stages=[("discovery", "2026-06-30T23:00"), ("first_meeting", "2026-07-01T09:00")],
        )
        b.deal(
            c,
            "V",
            "2025-06-01",
            status="lost",
            closed="2026-03-01",
            stages=[
                ("discovery", "2025-06-01"),
                ("discovery", "2026-02-01"),  # re-entry in the period: not a first entry
                ("first_meeting", "2026-02-10"),  # lost: not advanced
            ],
        )
        b.deal(
            nb,
            "U",
            "2026-03-01",
            status="won",
            closed="2026-08-01",  # won after T: not advanced at T
            stages=[("proposal", "2026-03-01")],
        )
    conv = kpis(engine, F, T)["conversion"]
    assert conv["all"] == {
        "discovery": _cell(3, 2),  # X, Z advanced; W not
        "first_meeting": _cell(3, 2),  # X, Y advanced; V not
        "qualified": _cell(2, 0),  # X, Z
        "proposal": _cell(1, 0),  # U
    }
    assert list(conv["all"]) == ["discovery", "first_meeting", "qualified", "proposal"]
    assert conv["by_sector"] == {
        "Industrie": {
            "discovery": _cell(1, 1),
            "first_meeting": _cell(2, 2),
            "qualified": _cell(1, 0),
        },
        "unknown": {
            "discovery": _cell(2, 1),
            "first_meeting": _cell(1, 0),
            "qualified": _cell(1, 0),
            "proposal": _cell(1, 0),
        },
    }
    assert conv["by_size"] == {
        "10-49": {"discovery": _cell(1, 0), "first_meeting": _cell(1, 0)},
        "50-249": {
            "discovery": _cell(1, 1),
            "first_meeting": _cell(2, 2),
            "qualified": _cell(1, 0),
        },
        "unknown": {
            "discovery": _cell(1, 1),
            "qualified": _cell(1, 0),
            "proposal": _cell(1, 0),
        },
    }
    assert list(conv["by_size"]) == ["10-49", "50-249", "unknown"]
    assert conv["all"]["qualified"]["rate"] == 0.0


def test_later_periods_see_later_advances(engine):
    with build(engine) as b:
        a = b.account("A", sector="Santé", employees=6000)
        b.deal(
            a,
            "X",
            "2026-06-20",
            stages=[("discovery", "2026-06-20"), ("negotiation", "2026-07-02")],
        )
    assert kpis(engine, F, T)["conversion"]["all"] == {"discovery": _cell(1, 0)}
    conv = kpis(engine, F, "2026-07-31")["conversion"]
    assert conv["all"] == {"discovery": _cell(1, 1), "negotiation": _cell(1, 0)}
    assert list(conv["by_size"]) == ["5000+"]
    assert list(conv["by_sector"]) == ["Santé"]


def test_groups_without_entries_are_omitted(engine):
    with build(engine) as b:
        a = b.account("A", sector="Retail", employees=3)
        b.deal(a, "old", "2025-01-01", stages=[("discovery", "2025-01-01")])
        b.deal(a, "none", "2026-02-01")  # no stage change at all
    conv = kpis(engine, F, T)["conversion"]
    assert conv == {"all": {}, "by_sector": {}, "by_size": {}}
