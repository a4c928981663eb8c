"""KPI 1, engagement (SPEC 3.1), with hand-computed expectations.

T = 2026-06-30 unless said otherwise: the 90-day window is 2026-04-02..2026-06-30,
last4 is 2026-06-03..2026-06-30, prev4 is 2026-05-06..2026-06-02, and the 30-day
dormancy window is 2026-06-01..2026-06-30.
"""

from __future__ import annotations

import pytest

from abmdesk.kpi.engagement import trend
from abmdesk.services.settings import set_setting
from tests.unit.kpi_builders import build, by_name, kpis

F, T = "2026-01-01", "2026-06-30"


def _row(result: dict, name: str) -> dict:
    return by_name(result["engagement"]["accounts"], name)


def test_score_window_boundaries(engine):
    with build(engine) as b:
        a = b.account("Alpha")
        b.touch(a, "meeting", "2026-04-02T00:00:00")  # T-89: in (50)
        b.touch(a, "meeting", "2026-04-01T23:59:59")  # T-90: out
        b.touch(a, "web_visit", "2026-06-30T23:59:59")  # T, late evening: in (1)
        b.touch(a, "call", "2026-07-01T00:00:00")  # after T: out
    row = _row(kpis(engine, F, T), "Alpha")
    assert row["score"] == 51
    assert isinstance(row["score"], int)


def test_score_window_follows_the_setting(engine):
    set_setting(engine, "engagement_window_days", "30")
    with build(engine) as b:
        a = b.account("Alpha")
        b.touch(a, "call", "2026-06-01")  # T-29: in
        b.touch(a, "meeting", "2026-05-31")  # T-30: out
    assert _row(kpis(engine, F, T), "Alpha")["score"] == 10


def test_points_are_retroactive(engine):
    with build(engine) as b:
        a = b.account("Alpha")
        b.touch(a, "meeting", "2026-06-10")
        b.touch(a, "meeting", "2026-03-10")
        b.touch(a, "email_open", "2026-06-11")
    before = kpis(engine, F, T)
    assert _row(before, "Alpha")["score"] == 51
    assert _row(before, "Alpha")["weekly"] == {"2026-W11": 50, "2026-W24": 51}
    set_setting(engine, "points.meeting", "40")
    after = kpis(engine, F, T)
    assert _row(after, "Alpha")["score"] == 41
    assert _row(after, "Alpha")["weekly"] == {"2026-W11": 40, "2026-W24": 41}


def test_new_type_with_points(engine):
    set_setting(engine, "points.trade_show", "30")
    with build(engine) as b:
        a = b.account("Alpha")
        b.touch(a, "trade_show", "2026-06-10")
    assert _row(kpis(engine, F, T), "Alpha")["score"] == 30


def test_weekly_iso_weeks_across_the_year_boundary(engine):
    with build(engine) as b:
        a = b.account("Alpha")
        b.touch(a, "meeting", "2026-12-29T10:00")  # W53 but before the period: out
        b.touch(a, "web_visit", "2026-12-31T09:00")  # 2026-W53
        b.touch(a, "email_reply", "2027-01-01T18:00")  # still 2026-W53
        b.touch(a, "call", "2027-01-03T23:59:59")  # Sunday: 2026-W53
        b.touch(a, "event", "2027-01-04T00:00")  # Monday: 2027-W01
        b.touch(a, "email_sent", "2027-01-12")  # 0 points: week 2027-W02 omitted
        b.touch(a, "demo_request", "2027-01-25")  # after T: out
    row = _row(kpis(engine, "2026-12-30", "2027-01-20"), "Alpha")
    assert row["weekly"] == {"2026-W53": 16, "2027-W01": 15}
    assert list(row["weekly"]) == ["2026-W53", "2027-W01"]


def test_weekly_omits_weeks_whose_points_cancel(engine):
    set_setting(engine, "points.unsubscribe", "-5")
    with build(engine) as b:
        a = b.account("Alpha")
        b.touch(a, "email_reply", "2026-03-02")
        b.touch(a, "unsubscribe", "2026-03-03")  # same week: 5 - 5 = 0, omitted
        b.touch(a, "unsubscribe", "2026-03-10")  # -5 is not 0: kept
    row = _row(kpis(engine, F, T), "Alpha")
    assert row["weekly"] == {"2026-W11": -5}


def test_weekly_counts_the_whole_period_not_the_window(engine):
    with build(engine) as b:
        a = b.account("Alpha")
        b.touch(a, "meeting", "2026-01-01")  # Thursday of 2026-W01, first day of the period
        b.touch(a, "meeting", "2025-12-29")  # Monday of 2026-W01, before the period
    row = _row(kpis(engine, F, T), "Alpha")
    assert row["weekly"] == {"2026-W01": 50}
    assert row["score"] == 0  # far outside the 90-day window


@pytest.mark.parametrize(
    ("last4", "prev4", "expected"),
    [
        (0, 0, "flat"),
        (1, 0, "rising"),
        (12, 10, "rising"),
        (11, 10, "flat"),  # not > 1.1 × 10
        (9, 10, "flat"),  # not < 0.9 × 10
        (8, 10, "falling"),
        (0, 1, "falling"),
        (34, 30, "rising"),
        (33, 30, "flat"),
        (27, 30, "flat"),
        (26, 30, "falling"),
    ],
)
def test_trend_thresholds(last4, prev4, expected):
    assert trend(last4, prev4) == expected


def test_trend_from_the_data(engine):
    with build(engine) as b:
        rising = b.account("Rising")
        b.touch(rising, "call", "2026-06-03")  # T-27: last4
        b.touch(rising, "email_reply", "2026-06-30")  # last4: 15 in all
        b.touch(rising, "call", "2026-06-02")  # T-28: prev4
        b.touch(rising, "meeting", "2026-05-05")  # T-56: neither
        flat = b.account("Flat")
        b.touch(flat, "call", "2026-06-20")
        b.touch(flat, "web_visit", "2026-06-21")  # last4 = 11
        b.touch(flat, "call", "2026-05-06")  # T-55: prev4 = 10
        falling = b.account("Falling")
        b.touch(falling, "web_visit", "2026-06-10")  # last4 = 1
        b.touch(falling, "social_engagement", "2026-05-20")  # prev4 = 2
        b.account("Quiet")
    result = kpis(engine, F, T)
    assert _row(result, "Rising")["trend"] == "rising"
    assert (_row(result, "Rising")["last4"], _row(result, "Rising")["prev4"]) == (15, 10)
    assert _row(result, "Flat")["trend"] == "flat"
    assert (_row(result, "Flat")["last4"], _row(result, "Flat")["prev4"]) == (11, 10)
    assert _row(result, "Falling")["trend"] == "falling"
    assert _row(result, "Quiet")["trend"] == "flat"


def test_dormant(engine):
    with build(engine) as b:
        b.touch(b.account("Old"), "meeting", "2026-05-31T23:00")  # T-30: dormant
        b.touch(b.account("Recent"), "web_visit", "2026-06-01T00:00")  # T-29: not dormant
        b.touch(b.account("Silent"), "email_sent", "2026-06-30")  # 0 points: dormant
        b.touch(b.account("Later"), "meeting", "2026-07-01")  # after T: dormant
        b.account("Nothing")
    result = kpis(engine, F, T)
    assert _row(result, "Old")["dormant"] is True
    assert _row(result, "Old")["score"] == 50
    assert _row(result, "Recent")["dormant"] is False
    assert _row(result, "Silent")["dormant"] is True
    assert _row(result, "Later")["dormant"] is True
    nothing = _row(result, "Nothing")
    assert nothing == {
        **nothing,
        "score": 0,
        "weekly": {},
        "trend": "flat",
        "dormant": True,
    }


def test_engaged_target_accounts_rate(engine):
    with build(engine) as b:
        engaged = b.account("Engaged", target=True, since="2026-01-01")
        b.touch(engaged, "web_visit", "2026-06-15")
        silent = b.account("Silent", target=True)
        b.touch(silent, "email_sent", "2026-06-15")  # score 0
        b.touch(silent, "meeting", "2026-03-01")  # outside the 90-day window
        future = b.account("Future", target=True, since="2026-07-01")  # not a target at T
        b.touch(future, "meeting", "2026-06-15")
        other = b.account("Other")  # not a target
        b.touch(other, "meeting", "2026-06-15")
        b.account("Former", target=False, since="2025-01-01")  # is_target false wins
    result = kpis(engine, F, T)["engagement"]
    assert result["engaged_target_accounts_rate"] == 0.5
    assert [r["account"] for r in result["accounts"]] == [
        "Engaged",
        "Former",
        "Future",
        "Other",
        "Silent",
    ]


def test_engaged_target_accounts_rate_is_null_without_targets(engine):
    with build(engine) as b:
        b.touch(b.account("Other"), "meeting", "2026-06-15")
    assert kpis(engine, F, T)["engagement"]["engaged_target_accounts_rate"] is None


def test_account_interactions_without_stakeholder_count(engine):
    with build(engine) as b:
        a = b.account("Alpha")
        p = b.person(a, "Ann")
        b.touch(a, "call", "2026-06-15")
        b.touch(a, "call", "2026-06-16", person=p)
    assert _row(kpis(engine, F, T), "Alpha")["score"] == 20
