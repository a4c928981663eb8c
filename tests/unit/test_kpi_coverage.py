"""KPI 2, stakeholder coverage (SPEC 3.2); T = 2026-06-30, window 2026-04-02..2026-06-30."""

from __future__ import annotations

from abmdesk.services.settings import set_setting
from tests.unit.kpi_builders import build, by_name, kpis

F, T = "2026-01-01", "2026-06-30"


def _row(result: dict, name: str) -> dict:
    return by_name(result["coverage"]["accounts"], name)


def test_identified_engaged_and_roles(engine):
    with build(engine) as b:
        a = b.account("Alpha", target=True)
        boss = b.person(a, "Boss", role="decision_maker")
        sponsor = b.person(a, "Sponsor", role="sponsor")
        nobody = b.person(a, "No role")
        seat = b.person(a, "CFO — unknown", role="influencer", placeholder=True)
        b.touch(a, "meeting", "2026-06-01", person=boss)
        b.touch(a, "email_sent", "2026-06-02", person=sponsor)  # 0 points: not engaged
        b.touch(a, "web_visit", "2026-06-03", person=nobody)
        b.touch(a, "meeting", "2026-06-04", person=seat)  # placeholders never count
        b.touch(a, "meeting", "2026-06-05")  # account-level: engages nobody
    row = _row(kpis(engine, F, T), "Alpha")
    assert row == {
        "account": "Alpha",
        "committee_size": 6,  # default_committee_size
        "identified": 3,
        "engaged": 2,
        "identified_coverage": 0.5,
        "engaged_coverage": 2 / 6,
        "engagement_ratio": 2 / 3,
        "role_coverage": 0.25,  # decision_maker only; no role adds none
        "at_risk": False,  # 0.333 >= 0.30
    }


def test_engaged_window_boundaries(engine):
    with build(engine) as b:
        a = b.account("Alpha", committee=4)
        inside = b.person(a, "Inside", role="influencer")
        outside = b.person(a, "Outside", role="end_user")
        later = b.person(a, "Later", role="sponsor")
        b.touch(a, "call", "2026-04-02T00:00", person=inside)  # T-89: in
        b.touch(a, "call", "2026-04-01T23:59", person=outside)  # T-90: out
        b.touch(a, "call", "2026-07-01T08:00", person=later)  # after T: out
    row = _row(kpis(engine, F, T), "Alpha")
    assert (row["committee_size"], row["identified"], row["engaged"]) == (4, 3, 1)
    assert row["engaged_coverage"] == 0.25
    assert row["identified_coverage"] == 0.75
    assert row["engagement_ratio"] == 1 / 3
    assert row["role_coverage"] == 0.25


def test_engagement_window_setting_applies(engine):
    set_setting(engine, "engagement_window_days", "10")
    with build(engine) as b:
        a = b.account("Alpha")
        p = b.person(a, "P")
        q = b.person(a, "Q")
        b.touch(a, "call", "2026-06-21", person=p)  # T-9: in
        b.touch(a, "call", "2026-06-20", person=q)  # T-10: out
    assert _row(kpis(engine, F, T), "Alpha")["engaged"] == 1


def test_committee_size_below_identified(engine):
    with build(engine) as b:
        a = b.account("Alpha", committee=2)
        people = [b.person(a, f"P{k}", role=r) for k, r in enumerate(["sponsor", "other", None])]
        b.touch(a, "meeting", "2026-06-10", person=people[0])
    row = _row(kpis(engine, F, T), "Alpha")
    assert row["committee_size"] == 3
    assert row["identified_coverage"] == 1.0
    assert row["engaged_coverage"] == 1 / 3


def test_all_required_roles(engine):
    with build(engine) as b:
        a = b.account("Alpha", committee=5)
        for role in ("decision_maker", "sponsor", "influencer", "end_user", "other"):
            p = b.person(a, role, role=role)
            b.touch(a, "email_reply", "2026-05-01", person=p)
        twin = b.person(a, "second sponsor", role="sponsor")
        b.touch(a, "email_reply", "2026-05-01", person=twin)
    row = _row(kpis(engine, F, T), "Alpha")
    assert row["role_coverage"] == 1.0
    assert (row["committee_size"], row["identified"], row["engaged"]) == (6, 6, 6)
    assert row["engagement_ratio"] == 1.0


def test_at_risk_only_for_targets_at_t(engine):
    with build(engine) as b:
        for name, target, since in [
            ("Target", True, None),
            ("Not a target", False, None),
            ("Future target", True, "2026-07-01"),
            ("Target since T", True, "2026-06-30"),
        ]:
            a = b.account(name, target=target, since=since)
            p = b.person(a, "P")
            b.touch(a, "call", "2026-06-15", person=p)  # engaged 1 of 6 < 0.30
    result = kpis(engine, F, T)
    assert _row(result, "Target")["at_risk"] is True
    assert _row(result, "Not a target")["at_risk"] is False
    assert _row(result, "Future target")["at_risk"] is False
    assert _row(result, "Target since T")["at_risk"] is True


def test_risk_threshold_is_strict_and_a_setting(engine):
    with build(engine) as b:
        a = b.account("Alpha", target=True, committee=4)
        p = b.person(a, "P")
        b.touch(a, "call", "2026-06-15", person=p)  # engaged coverage 0.25
    assert _row(kpis(engine, F, T), "Alpha")["at_risk"] is True
    set_setting(engine, "coverage_risk_threshold", "0.25")
    assert _row(kpis(engine, F, T), "Alpha")["at_risk"] is False


def test_account_without_stakeholders(engine):
    set_setting(engine, "default_committee_size", "5")
    with build(engine) as b:
        a = b.account("Empty", target=True)
        b.person(a, "Seat", placeholder=True)
        b.touch(a, "meeting", "2026-06-15")
    row = _row(kpis(engine, F, T), "Empty")
    assert row == {
        "account": "Empty",
        "committee_size": 5,
        "identified": 0,
        "engaged": 0,
        "identified_coverage": 0.0,
        "engaged_coverage": 0.0,
        "engagement_ratio": None,
        "role_coverage": 0.0,
        "at_risk": True,
    }
