"""The interaction scan (segments + one SQL statement) against a brute-force reference."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3

import pytest

from abmdesk import domain
from abmdesk.kpi.inputs import Params, Period
from abmdesk.kpi.scan import InteractionScan, segments
from abmdesk.services.settings import set_setting
from tests.unit.kpi_builders import build

POINTS = {"web_visit": 1, "meeting": 50, "email_sent": 0, "call": 10, "refund": -7}


def _day(text: str) -> int:
    return domain.day_number(dt.date.fromisoformat(text))


def test_segments_cut_at_mondays_and_window_bounds():
    period = Period(dt.date(2026, 6, 1), dt.date(2026, 6, 30))  # Monday .. Tuesday
    segs = segments(period, Params(engagement_window_days=10))
    # contiguous, in order, from T-55 (prev4) to T
    assert segs[0].lo == _day("2026-05-06")
    assert segs[-1].hi == _day("2026-06-30")
    assert all(a.hi + 1 == b.lo for a, b in zip(segs, segs[1:], strict=False))
    starts = {domain.from_day_number(s.lo).isoformat() for s in segs}
    assert {"2026-06-01", "2026-06-08", "2026-06-29"} <= starts  # Mondays in the period
    assert {"2026-06-21", "2026-06-03", "2026-06-01"} <= starts  # T-9, T-27, T-29
    for s in segs:
        days = {domain.from_day_number(d) for d in range(s.lo, s.hi + 1)}
        assert len({domain.iso_week_label(d) for d in days}) == 1
        assert s.week == (domain.iso_week_label(min(days)) if min(days) >= period.start else None)
        assert s.score == (min(days) >= dt.date(2026, 6, 21))
        assert s.last4 == (min(days) >= dt.date(2026, 6, 3))
        assert s.prev4 == (dt.date(2026, 5, 6) <= min(days) <= dt.date(2026, 6, 2))
        assert s.active == (min(days) >= dt.date(2026, 6, 1))


def _reference(con: sqlite3.Connection, period: Period, params: Params):
    """Brute force over every interaction row, in Python."""
    points = dict(con.execute("SELECT key, points FROM interaction_types"))
    people = {
        sid: (account, role)
        for sid, account, role in con.execute(
            "SELECT id, hex(account_id), role FROM stakeholders WHERE NOT placeholder"
        )
    }
    first, end = period.start, period.end
    window = end - dt.timedelta(days=params.engagement_window_days - 1)
    eng: dict[str, dict] = {}
    engaged: dict[str, set] = {}
    minutes: dict[str, int] = {}
    rows = con.execute(
        "SELECT hex(account_id), stakeholder_id, type_key, occurred_at, duration_minutes"
        " FROM interactions"
    )
    for account, sid, type_key, occurred_at, duration in rows:
        d = dt.datetime.fromisoformat(occurred_at).date()
        if d > end:
            continue
        p = points[type_key]
        e = eng.setdefault(
            account, {"score": 0, "last4": 0, "prev4": 0, "active": False, "weekly": {}}
        )
        if d >= window:
            e["score"] += p
            if p > 0 and sid in people:
                engaged.setdefault(people[sid][0], set()).add(sid)
        age = (end - d).days
        if age <= 27:
            e["last4"] += p
        elif age <= 55:
            e["prev4"] += p
        if age <= 29 and p > 0:
            e["active"] = True
        if d >= first:
            label = domain.iso_week_label(d)
            e["weekly"][label] = e["weekly"].get(label, 0) + p
            if duration:
                minutes[account] = minutes.get(account, 0) + duration
    for e in eng.values():
        e["weekly"] = {k: v for k, v in sorted(e["weekly"].items()) if v}
    identified: dict[str, int] = {}
    for account, _ in people.values():
        identified[account] = identified.get(account, 0) + 1
    roles = {
        account: {people[sid][1] for sid in sids} & set(domain.REQUIRED_ROLES)
        for account, sids in engaged.items()
    }
    return eng, identified, {a: len(s) for a, s in engaged.items()}, roles, minutes


@pytest.mark.parametrize(
    ("start", "end", "window"),
    [
        ("2026-01-01", "2026-06-30", 90),
        ("2026-06-10", "2026-06-30", 90),  # the windows reach back before F
        ("2026-06-25", "2026-06-25", 7),  # one day
        ("2025-12-20", "2026-01-10", 200),  # across a year end, long window
        ("2026-03-02", "2026-05-31", 1),
    ],
)
def test_scan_matches_brute_force(engine, db_path, start, end, window):
    for key, points in POINTS.items():
        set_setting(engine, f"points.{key}", str(points))
    set_setting(engine, "engagement_window_days", str(window))
    rnd = random.Random(f"{start}{end}{window}")
    first = dt.datetime(2025, 11, 1)
    with build(engine) as b:
        for k in range(12):
            a = b.account(f"Account {k}")
            persons = [
                b.person(
                    a,
                    f"P{j}",
                    role=rnd.choice([*domain.ROLES, None]),
                    placeholder=rnd.random() < 0.15,
                )
                for j in range(rnd.randint(0, 5))
            ]
            for _ in range(rnd.randint(0, 60)):
                at = first + dt.timedelta(seconds=rnd.randrange(300 * 86400))
                b.touch(
                    a,
                    rnd.choice(list(POINTS)),
                    at.replace(microsecond=0),
                    person=rnd.choice([None, *persons]),
                    minutes=rnd.choice([None, 0, 15, 45]),
                )
    period = Period(dt.date.fromisoformat(start), dt.date.fromisoformat(end))
    params = Params(engagement_window_days=window, staff_hourly_cost=1)
    con = sqlite3.connect(db_path)
    try:
        engagement, stakeholders, minutes = InteractionScan(period, params).run(con)
        eng, identified, engaged, roles, ref_minutes = _reference(con, period, params)
    finally:
        con.close()
    assert minutes == ref_minutes
    for key in eng.keys() | engagement.keys():
        ref = eng.get(key)
        got = engagement.get(key)
        if ref is None:
            assert got is not None and not got.weekly and got.score == 0
            continue
        if got is None:  # only rows outside the period and every window
            assert ref == {"score": 0, "last4": 0, "prev4": 0, "active": False, "weekly": {}}
            continue
        assert got.weekly == ref["weekly"]
        assert list(got.weekly) == list(ref["weekly"])  # calendar order
        assert (got.score, got.last4, got.prev4, got.active30) == (
            ref["score"],
            ref["last4"],
            ref["prev4"],
            ref["active"],
        )
    assert {k: v.identified for k, v in stakeholders.items()} == identified
    assert {k: v.engaged for k, v in stakeholders.items() if v.engaged} == engaged
    assert {k: set(v.engaged_roles) for k, v in stakeholders.items() if v.engaged} == roles
