"""Loading the KPI inputs from an ABM Desk SQLite database (a DB-API connection).

The interaction scans (up to millions of rows) are aggregated in SQLite over the
covering index ``ix_interactions_kpi(day, account_id, type_key, stakeholder_id,
duration_minutes)``; only per-account (and per-account-week) sums reach Python.
Points come from ``interaction_types`` in the same query (current points: retroactive).

The weekly sums run one query per ISO week: each sorts one week of rows for its
GROUP BY, which is markedly faster than one sort of a whole year (no spill to disk).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator

from abmdesk import domain
from abmdesk.kpi.inputs import (
    AccountEngagement,
    AccountRow,
    ContractRow,
    CostRow,
    DealRow,
    KpiInputs,
    Params,
    Period,
    StageChangeRow,
    StakeholderCounts,
)

#: Interactions with their type's current points. CROSS JOIN keeps ``interactions``
#: as the outer loop (a range scan of the covering index), whatever the statistics.
_POINTS_FROM = "FROM interactions AS i CROSS JOIN interaction_types AS t ON t.key = i.type_key"

_WEEK_SQL = f"""
SELECT i.account_id, SUM(t.points) AS points
{_POINTS_FROM}
WHERE i.day BETWEEN ? AND ?
GROUP BY i.account_id
HAVING SUM(t.points) <> 0
"""

_WINDOWS_SQL = f"""
SELECT i.account_id,
       SUM(CASE WHEN i.day >= :score_from THEN t.points ELSE 0 END),
       SUM(CASE WHEN i.day >= :last4_from THEN t.points ELSE 0 END),
       SUM(CASE WHEN i.day BETWEEN :prev4_from AND :prev4_to THEN t.points ELSE 0 END),
       MAX(i.day >= :active_from AND t.points > 0)
{_POINTS_FROM}
WHERE i.day BETWEEN :lo AND :hi
GROUP BY i.account_id
"""

_MINUTES_SQL = """
SELECT account_id, SUM(duration_minutes)
FROM interactions
WHERE day BETWEEN ? AND ? AND duration_minutes > 0
GROUP BY account_id
"""

_IDENTIFIED_SQL = """
SELECT account_id, COUNT(*)
FROM stakeholders NOT INDEXED
WHERE NOT placeholder
GROUP BY account_id
"""

_ENGAGED_SQL = f"""
SELECT s.account_id, COUNT(*),
       MAX(s.role = :r0), MAX(s.role = :r1), MAX(s.role = :r2), MAX(s.role = :r3)
FROM stakeholders AS s
WHERE NOT s.placeholder
  AND s.id IN (SELECT i.stakeholder_id {_POINTS_FROM}
               WHERE i.day BETWEEN :lo AND :hi AND t.points > 0
                 AND i.stakeholder_id IS NOT NULL)
GROUP BY s.account_id
"""


def engagement_window(period: Period, params: Params) -> tuple[int, int]:
    """Day numbers of the engagement window of SPEC 3.1 (N days ending at T)."""
    end = period.end_day
    return end - params.engagement_window_days + 1, end


def week_chunks(period: Period) -> Iterator[tuple[str, int, int]]:
    """``(ISO week label, first day, last day)`` of each week of the period, clipped to it."""
    first, last = period.start_day, period.end_day
    # Monday-start week index from a day number: 1970-01-05 (day 4) is a Monday.
    week = (first - 4) // 7
    while True:
        monday = week * 7 + 4
        if monday > last:
            return
        label = domain.iso_week_label(domain.from_day_number(monday))
        yield label, max(first, monday), min(last, monday + 6)
        week += 1


def load_weekly(con: sqlite3.Connection, period: Period) -> dict[bytes, dict[str, int]]:
    """Per account, ISO week -> Σ points in the period; weeks with 0 points omitted."""
    out: dict[bytes, dict[str, int]] = {}
    for label, lo, hi in week_chunks(period):
        for account_id, points in con.execute(_WEEK_SQL, (lo, hi)):
            weeks = out.get(account_id)
            if weeks is None:
                out[account_id] = {label: points}
            else:
                weeks[label] = points
    return out


def load_windows(
    con: sqlite3.Connection, period: Period, params: Params
) -> dict[bytes, AccountEngagement]:
    """Per account: score, last4, prev4 and activity in the 30 days ending at T."""
    end = period.end_day
    score_from, _ = engagement_window(period, params)
    bounds = {
        "score_from": score_from,
        "last4_from": end - 27,
        "prev4_from": end - 55,
        "prev4_to": end - 28,
        "active_from": end - 29,
        "lo": min(score_from, end - 55, end - 29),
        "hi": end,
    }
    out: dict[bytes, AccountEngagement] = {}
    for account_id, score, last4, prev4, active in con.execute(_WINDOWS_SQL, bounds):
        out[account_id] = AccountEngagement(
            score=score or 0, last4=last4 or 0, prev4=prev4 or 0, active30=bool(active)
        )
    return out


def load_minutes(con: sqlite3.Connection, period: Period) -> dict[bytes, int]:
    """Per account: Σ duration_minutes of its interactions in the period."""
    rows = con.execute(_MINUTES_SQL, (period.start_day, period.end_day))
    return {account_id: minutes for account_id, minutes in rows}


def load_stakeholder_counts(
    con: sqlite3.Connection, period: Period, params: Params
) -> dict[bytes, StakeholderCounts]:
    """Per account: identified (non-placeholder) and engaged stakeholders, engaged roles."""
    lo, hi = engagement_window(period, params)
    roles = domain.REQUIRED_ROLES
    binds: dict[str, object] = {"lo": lo, "hi": hi}
    binds.update({f"r{k}": role for k, role in enumerate(roles)})
    engaged = {
        account_id: (count, frozenset(r for r, flag in zip(roles, flags, strict=True) if flag))
        for account_id, count, *flags in con.execute(_ENGAGED_SQL, binds)
    }
    out: dict[bytes, StakeholderCounts] = {}
    for account_id, identified in con.execute(_IDENTIFIED_SQL):
        count, held = engaged.get(account_id, (0, frozenset()))
        out[account_id] = StakeholderCounts(
            identified=identified, engaged=count, engaged_roles=held
        )
    return out


def _date(text: str | None) -> dt.date | None:
    if text is None or text == "":
        return None
    return dt.date.fromisoformat(text[:10])


def _datetime(text: str | None) -> dt.datetime | None:
    if text is None or text == "":
        return None
    return dt.datetime.fromisoformat(text)


def load_accounts(con: sqlite3.Connection) -> list[AccountRow]:
    rows = con.execute(
        "SELECT id, name, sector, employees, is_target, target_since, committee_size,"
        " retention_years FROM accounts"
    )
    return [
        AccountRow(
            id=r[0],
            name=r[1],
            sector=r[2],
            employees=r[3],
            is_target=bool(r[4]),
            target_since=_date(r[5]),
            committee_size=r[6],
            retention_years=r[7],
        )
        for r in rows
    ]


def load_deals(con: sqlite3.Connection) -> list[DealRow]:
    rows = con.execute(
        "SELECT id, account_id, opened_at, amount_cents, status, closed_at FROM deals"
    )
    return [
        DealRow(
            id=r[0],
            account_id=r[1],
            opened_at=_datetime(r[2]),  # type: ignore[arg-type]
            amount_cents=r[3],
            status=r[4],
            closed_at=_datetime(r[5]),
        )
        for r in rows
    ]


def load_stage_changes(con: sqlite3.Connection) -> list[StageChangeRow]:
    """Every stage change, by deal, then entered_at, then insertion order."""
    rows = con.execute(
        "SELECT deal_id, stage, entered_at FROM stage_changes ORDER BY deal_id, entered_at, rowid"
    )
    fromiso = dt.datetime.fromisoformat
    return [StageChangeRow(deal_id=d, stage=s, entered_at=fromiso(e)) for d, s, e in rows]


def load_contracts(con: sqlite3.Connection) -> list[ContractRow]:
    rows = con.execute(
        "SELECT account_id, kind, annual_value_cents, start_date, end_date FROM contracts"
    )
    return [
        ContractRow(
            account_id=r[0],
            kind=r[1],
            annual_value_cents=r[2],
            start_date=_date(r[3]),  # type: ignore[arg-type]
            end_date=_date(r[4]),
        )
        for r in rows
    ]


def load_costs(con: sqlite3.Connection) -> list[CostRow]:
    rows = con.execute("SELECT date, amount_cents, program, account_id FROM costs")
    return [
        CostRow(date=_date(r[0]), amount_cents=r[1], program=r[2], account_id=r[3])  # type: ignore[arg-type]
        for r in rows
    ]


def merge_weekly(
    engagement: dict[bytes, AccountEngagement], weekly: dict[bytes, dict[str, int]]
) -> dict[bytes, AccountEngagement]:
    """Attach the weekly sums to the window sums (in place), per account."""
    for account_id, weeks in weekly.items():
        agg = engagement.get(account_id)
        if agg is None:
            engagement[account_id] = AccountEngagement(weekly=weeks)
        else:
            agg.weekly = weeks
    return engagement


def load_interaction_aggregates(
    con: sqlite3.Connection, period: Period, params: Params
) -> tuple[dict[bytes, AccountEngagement], dict[bytes, StakeholderCounts], dict[bytes, int]]:
    """The window sums, the stakeholder counts and the staff minutes (all but weekly)."""
    minutes = load_minutes(con, period) if params.staff_hourly_cost else {}
    return (
        load_windows(con, period, params),
        load_stakeholder_counts(con, period, params),
        minutes,
    )


def load_records(con: sqlite3.Connection, period: Period, params: Params) -> KpiInputs:
    """Accounts, deals, stage changes, contracts and costs; no interaction aggregate yet."""
    return KpiInputs(
        period=period,
        params=params,
        accounts=load_accounts(con),
        engagement={},
        stakeholders={},
        deals=load_deals(con),
        stage_changes=load_stage_changes(con),
        contracts=load_contracts(con),
        costs=load_costs(con),
    )


def load_inputs(con: sqlite3.Connection, period: Period, params: Params) -> KpiInputs:
    """All KPI inputs, read one after the other on ``con`` (inside one read transaction)."""
    inputs = load_records(con, period, params)
    engagement, inputs.stakeholders, inputs.minutes = load_interaction_aggregates(
        con, period, params
    )
    inputs.engagement = merge_weekly(engagement, load_weekly(con, period))
    return inputs
