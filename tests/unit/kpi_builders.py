"""Small builders for KPI test data, written through the ORM in one write session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from abmdesk.db.engine import write_session
from abmdesk.db.models import (
    Account,
    Contract,
    Cost,
    Deal,
    Interaction,
    StageChange,
    Stakeholder,
)
from abmdesk.services.kpis import compute_kpis


def when(value: str | dt.datetime) -> dt.datetime:
    """``'2026-03-02'`` (midnight) or ``'2026-03-02T10:30'`` as a datetime."""
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(value)


def day(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def cents(euros: float | None) -> int | None:
    return None if euros is None else round(euros * 100)


class Builder:
    """Adds rows to one session; ``flush`` gives them their ids."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def account(
        self,
        name: str,
        *,
        target: bool = False,
        since: str | None = None,
        sector: str | None = None,
        employees: int | None = None,
        committee: int | None = None,
        retention: float | None = None,
    ) -> Account:
        row = Account(
            name=name,
            is_target=target,
            target_since=day(since),
            sector=sector,
            employees=employees,
            committee_size=committee,
            retention_years=retention,
        )
        self.session.add(row)
        self.session.flush()
        return row

    def person(
        self,
        account: Account,
        name: str,
        *,
        role: str | None = None,
        placeholder: bool = False,
    ) -> Stakeholder:
        row = Stakeholder(account=account, full_name=name, role=role, placeholder=placeholder)
        self.session.add(row)
        self.session.flush()
        return row

    def touch(
        self,
        account: Account,
        type_key: str,
        at: str | dt.datetime,
        *,
        person: Stakeholder | None = None,
        minutes: int | None = None,
    ) -> Interaction:
        row = Interaction(
            account_id=account.id,
            stakeholder_id=person.id if person is not None else None,
            type_key=type_key,
            occurred_at=when(at),
            duration_minutes=minutes,
        )
        self.session.add(row)
        return row

    def deal(
        self,
        account: Account,
        name: str,
        opened: str,
        *,
        amount: float | None = None,
        status: str = "open",
        closed: str | None = None,
        stages: Sequence[tuple[str, str]] = (),
    ) -> Deal:
        row = Deal(
            account_id=account.id,
            name=name,
            opened_at=when(opened),
            amount_cents=cents(amount),
            status=status,
            closed_at=when(closed) if closed else None,
        )
        self.session.add(row)
        self.session.flush()
        for stage, entered in stages:
            self.session.add(StageChange(deal_id=row.id, stage=stage, entered_at=when(entered)))
            self.session.flush()  # insertion order breaks ties of entered_at
        return row

    def contract(
        self,
        account: Account,
        kind: str,
        annual: float,
        start: str,
        end: str | None = None,
    ) -> Contract:
        row = Contract(
            account_id=account.id,
            kind=kind,
            annual_value_cents=cents(annual),
            start_date=day(start),
            end_date=day(end),
        )
        self.session.add(row)
        return row

    def cost(
        self,
        date: str,
        amount: float,
        *,
        program: str = "abm",
        account: Account | None = None,
        category: str | None = None,
    ) -> Cost:
        row = Cost(
            date=day(date),
            amount_cents=cents(amount),
            program=program,
            account_id=account.id if account is not None else None,
            category=category,
        )
        self.session.add(row)
        return row


@contextmanager
def build(engine: Engine) -> Iterator[Builder]:
    """``with build(engine) as b: b.account(...)`` — committed at the end."""
    with write_session(engine) as session:
        yield Builder(session)


def kpis(engine: Engine, start: str, end: str) -> dict:
    """compute_kpis over ``[start, end]`` given as ISO dates."""
    return compute_kpis(engine, dt.date.fromisoformat(start), dt.date.fromisoformat(end))


def by_name(rows: list[dict], name: str) -> dict:
    """The row of account ``name`` in a per-account list."""
    found = [r for r in rows if r["account"] == name]
    assert len(found) == 1, f"{name}: {len(found)} rows"
    return found[0]
