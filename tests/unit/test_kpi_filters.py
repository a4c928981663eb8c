"""Filtered KPIs for the dashboard: the unfiltered result is compute_kpis, slices add up."""

from __future__ import annotations

import datetime as dt

import pytest

from abmdesk.errors import ValidationError
from abmdesk.services import kpi_filters as kf
from abmdesk.services.kpis import compute_kpis, load_kpi_inputs
from tests.unit.kpi_builders import build, by_name

F, T = dt.date(2026, 1, 1), dt.date(2026, 6, 30)
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


@pytest.fixture
def world(engine):
    with build(engine) as b:
        acme = b.account("Acme", target=True, sector="Industrie", employees=320)
        acme.tier, acme.owner = "1", "Claire"
        beta = b.account("Beta", target=True, since="2026-02-01", sector="Santé", employees=40)
        beta.tier, beta.owner = "2", "Hugo"
        gamma = b.account("Gamma", sector=" Industrie ", employees=5)
        gamma.tier, gamma.owner = "2", "Claire"
        delta = b.account("Delta")  # no sector, tier, owner, size
        boss = b.person(acme, "Boss", role="decision_maker")
        b.person(acme, "Seat", placeholder=True)
        doc = b.person(beta, "Doc", role="sponsor")
        b.touch(acme, "meeting", "2026-06-01T10:00", person=boss, minutes=60)
        b.touch(acme, "email_sent", "2026-06-02T10:00", minutes=5)
        b.touch(beta, "call", "2026-05-20T10:00", person=doc, minutes=30)
        b.touch(gamma, "web_visit", "2026-03-03")
        b.touch(delta, "email_sent", "2026-06-03")
        b.deal(
            acme,
            "Ligne",
            "2026-01-10",
            amount=120_000,
            status="won",
            closed="2026-04-01",
            stages=[("discovery", "2026-01-10"), ("proposal", "2026-02-15")],
        )
        b.deal(
            beta,
            "Scanner",
            "2026-02-10",
            amount=40_000,
            status="lost",
            closed="2026-05-01",
            stages=[("discovery", "2026-02-10")],
        )
        b.deal(
            gamma,
            "Site",
            "2026-01-15",
            amount=8_000,
            status="won",
            closed="2026-03-15",
            stages=[("discovery", "2026-01-15"), ("negotiation", "2026-02-20")],
        )
        b.deal(delta, "Audit", "2026-03-01", amount=2_000, stages=[("discovery", "2026-03-01")])
        b.contract(acme, "new", 50_000, "2026-04-01")
        b.contract(acme, "upsell", 10_000, "2026-05-01")
        b.contract(gamma, "new", 5_000, "2025-01-01")
        b.cost("2026-03-01", 30_000)  # no account: shared by the two target accounts
        b.cost("2026-03-02", 6_000, account=acme)
        b.cost("2026-03-03", 1_000, account=gamma)
        b.cost("2026-03-04", 9_999, program="other")
    kf.invalidate(engine)
    return engine


def _spec(result: dict) -> dict:
    return {k: result[k] for k in SPEC_KEYS}


def test_unfiltered_dashboard_is_compute_kpis(world):
    expected = compute_kpis(world, F, T)
    assert _spec(kf.compute_dashboard(world, F, T)) == expected
    assert _spec(kf.compute_dashboard(world, F, T, kf.DashboardFilters())) == expected
    # from the cache too, and with the cache off
    assert kf.is_cached(world, F, T)
    assert _spec(kf.compute_dashboard(world, F, T, activity=True)) == expected
    assert _spec(kf.compute_dashboard(world, F, T, use_cache=False)) == expected


def test_load_kpi_inputs_hook_gives_compute_kpis(world):
    from abmdesk.services.kpis import kpis_from_inputs

    inputs, currency = load_kpi_inputs(world, F, T)
    assert kpis_from_inputs(inputs, currency=currency) == compute_kpis(world, F, T)


def test_segment_abm_keeps_the_target_accounts(world):
    result = kf.compute_dashboard(world, F, T, kf.DashboardFilters(segment="abm"))
    names = [a["account"] for a in result["engagement"]["accounts"]]
    assert names == ["Acme", "Beta"]
    assert result["scope"] == {"accounts": 2, "target_accounts": 2}
    assert set(result["account_ids"]) == {"Acme", "Beta"}
    assert result["velocity"]["abm"]["won_deals"] == 1
    assert result["velocity"]["abm"]["lost_deals"] == 1
    assert result["velocity"]["non_abm"]["won_deals"] == 0
    assert result["clv"]["average"] == {"abm": 300_000.0, "non_abm": None}
    # every ABM cost in the period is borne by the two target accounts
    full = kf.compute_dashboard(world, F, T)
    assert result["roi"]["cost"] == pytest.approx(full["roi"]["cost"] - 1_000)
    assert result["roi"]["revenue"] == full["roi"]["revenue"] == 120_000


def test_segment_non_abm(world):
    result = kf.compute_dashboard(world, F, T, kf.DashboardFilters(segment="non_abm"))
    assert [a["account"] for a in result["coverage"]["accounts"]] == ["Delta", "Gamma"]
    assert result["engagement"]["engaged_target_accounts_rate"] is None
    assert result["contract_value"]["non_abm"] == {"won_deals": 1, "average": 8_000.0}
    assert result["roi"]["accounts"] == []
    assert result["roi"]["cost"] == 1_000  # Gamma's own ABM cost, no share of the rest
    assert result["velocity"]["all"]["open_deals"] == 1


def test_per_account_cost_is_the_same_with_a_filter(world):
    full = kf.compute_dashboard(world, F, T)
    tier1 = kf.compute_dashboard(world, F, T, kf.DashboardFilters(tier="1"))
    assert [a["account"] for a in tier1["roi"]["accounts"]] == ["Acme"]
    acme_full = by_name(full["roi"]["accounts"], "Acme")
    assert tier1["roi"]["accounts"][0] == acme_full
    assert acme_full["cost"] == 6_000 + 15_000
    assert tier1["roi"]["cost"] == pytest.approx(21_000)
    assert tier1["roi"]["roi"] == pytest.approx((120_000 - 21_000) / 21_000)


def test_sector_size_owner_and_not_set(world):
    industry = kf.compute_dashboard(world, F, T, kf.DashboardFilters(sector="Industrie"))
    assert [a["account"] for a in industry["clv"]["accounts"]] == ["Acme", "Gamma"]  # trimmed
    assert set(industry["conversion"]["by_sector"]) == {"Industrie"}
    small = kf.compute_dashboard(world, F, T, kf.DashboardFilters(size_band="1-9"))
    assert [a["account"] for a in small["clv"]["accounts"]] == ["Gamma"]
    assert set(small["conversion"]["by_size"]) == {"1-9"}
    claire = kf.compute_dashboard(world, F, T, kf.DashboardFilters(owner="Claire"))
    assert [a["account"] for a in claire["clv"]["accounts"]] == ["Acme", "Gamma"]
    nobody = kf.compute_dashboard(world, F, T, kf.DashboardFilters(owner=""))
    assert [a["account"] for a in nobody["clv"]["accounts"]] == ["Delta"]
    both = kf.compute_dashboard(world, F, T, kf.DashboardFilters(segment="abm", owner="Claire"))
    assert [a["account"] for a in both["clv"]["accounts"]] == ["Acme"]
    none = kf.compute_dashboard(world, F, T, kf.DashboardFilters(tier="9"))
    assert none["engagement"]["accounts"] == [] and none["roi"]["cost"] == 0


def test_slices_add_up(world):
    full = kf.compute_dashboard(world, F, T)
    parts = [
        kf.compute_dashboard(world, F, T, kf.DashboardFilters(segment=s))
        for s in ("abm", "non_abm")
    ]
    assert sum(p["roi"]["cost"] for p in parts) == pytest.approx(full["roi"]["cost"])
    for group in ("abm", "non_abm", "all"):
        for key in ("open_deals", "won_deals", "lost_deals"):
            assert sum(p["velocity"][group][key] for p in parts) == full["velocity"][group][key]
    assert sorted(a["account"] for p in parts for a in p["engagement"]["accounts"]) == sorted(
        a["account"] for a in full["engagement"]["accounts"]
    )


def test_activity_is_apart_from_the_kpis(world):
    result = kf.compute_dashboard(world, F, T, activity=True)
    assert result["activity"] == {"interactions": 5, "emails_sent": 2, "minutes": 95}
    abm = kf.compute_dashboard(world, F, T, kf.DashboardFilters(segment="abm"), activity=True)
    assert abm["activity"] == {"interactions": 3, "emails_sent": 1, "minutes": 95}
    assert "activity" not in kf.compute_dashboard(world, F, T)


def test_choices_come_from_the_data(world):
    choices = kf.dashboard_choices(world)
    assert choices.sectors == ("Industrie", "Santé", "")
    assert choices.tiers == ("1", "2", "")
    assert choices.owners == ("Claire", "Hugo", "")
    assert choices.size_bands == ("1-9", "10-49", "250-4999", "unknown")


def test_cache_is_dropped_on_invalidate(world):
    before = kf.compute_dashboard(world, F, T)
    with build(world) as b:
        b.account("Epsilon", target=True)
    assert _spec(kf.compute_dashboard(world, F, T)) == _spec(before)  # still cached
    kf.invalidate(world)
    after = kf.compute_dashboard(world, F, T)
    assert after["engagement"]["target_accounts"] == before["engagement"]["target_accounts"] + 1
    assert _spec(after) == compute_kpis(world, F, T)


def test_bad_filters_and_periods(world):
    with pytest.raises(ValidationError):
        kf.DashboardFilters(segment="vip")
    with pytest.raises(ValidationError):
        kf.DashboardFilters(size_band="huge")
    with pytest.raises(ValidationError):
        kf.compute_dashboard(world, T, F)


def test_previous_period_has_the_same_length():
    # 91 days (a second quarter) -> the 91 days before, not the 90-day first quarter
    assert kf.previous_period(dt.date(2026, 4, 1), dt.date(2026, 6, 30)) == (
        dt.date(2025, 12, 31),
        dt.date(2026, 3, 31),
    )
    assert kf.previous_period(dt.date(2026, 1, 1), dt.date(2026, 1, 1)) == (
        dt.date(2025, 12, 31),
        dt.date(2025, 12, 31),
    )
