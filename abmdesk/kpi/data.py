"""Loading the KPI inputs from an ABM Desk SQLite database (a DB-API connection).

Deals, stage changes, contracts and costs are tens of thousands of rows at most and
are read as rows; the interactions are aggregated in SQL (``abmdesk.kpi.scan``).
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from abmdesk.kpi.inputs import (
    AccountRow,
    ContractRow,
    CostRow,
    DealRow,
    KpiInputs,
    Params,
    Period,
    StageChangeRow,
)
from abmdesk.kpi.scan import InteractionScan


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
        "SELECT id, hex(id), name, sector, employees, is_target, target_since, committee_size,"
        " retention_years FROM accounts"
    )
    return [
        AccountRow(
            id=r[0],
            key=r[1],
            name=r[2],
            sector=r[3],
            employees=r[4],
            is_target=bool(r[5]),
            target_since=_date(r[6]),
            committee_size=r[7],
            retention_years=r[8],
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
    inputs.engagement, inputs.stakeholders, inputs.minutes = InteractionScan(period, params).run(
        con
    )
    return inputs
