"""The rows and aggregates the KPIs are computed from, and the small rules they share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from abmdesk import domain

CLOSED_STATUSES = frozenset({"won", "lost"})


@dataclass(frozen=True, slots=True)
class Period:
    """``[start, end]``, both inclusive; ``end`` is also the "as of" date T."""

    start: dt.date
    end: dt.date

    @property
    def start_day(self) -> int:
        return domain.day_number(self.start)

    @property
    def end_day(self) -> int:
        return domain.day_number(self.end)

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    @property
    def start_at(self) -> dt.datetime:
        """Midnight starting F: a date-time x is in the period if start_at <= x < stop_at."""
        return dt.datetime.combine(self.start, dt.time())

    @property
    def stop_at(self) -> dt.datetime:
        """Midnight ending T (the start of the next day)."""
        return dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time())


@dataclass(frozen=True, slots=True)
class Params:
    """The settings the KPIs use (SPEC section 1)."""

    engagement_window_days: int = 90
    default_committee_size: int = 6
    default_retention_years: float = 5
    coverage_risk_threshold: float = 0.30
    staff_hourly_cost: float = 0


class AccountRow(NamedTuple):
    id: bytes
    key: str  # the id as upper-case hex: the key of the interaction aggregates
    name: str
    sector: str | None = None
    employees: int | None = None
    is_target: bool = False
    target_since: dt.date | None = None
    committee_size: int | None = None
    retention_years: float | None = None

    def target_at(self, day: dt.date) -> bool:
        """SPEC 3: a target account at ``day``."""
        return domain.is_target_at(self.is_target, self.target_since, day)


class DealRow(NamedTuple):
    id: bytes
    account_id: bytes
    opened_at: dt.datetime  # SPEC's created_at
    amount_cents: int | None
    status: str
    closed_at: dt.datetime | None

    @property
    def closed(self) -> bool:
        """Won or lost (the schema guarantees a closing date then)."""
        return self.status in CLOSED_STATUSES and self.closed_at is not None


class StageChangeRow(NamedTuple):
    deal_id: bytes
    stage: str
    entered_at: dt.datetime


class ContractRow(NamedTuple):
    account_id: bytes
    kind: str
    annual_value_cents: int
    start_date: dt.date
    end_date: dt.date | None


class CostRow(NamedTuple):
    date: dt.date
    amount_cents: int
    program: str
    account_id: bytes | None


@dataclass(slots=True)
class AccountEngagement:
    """Per-account sums of interaction points, aggregated in SQL."""

    score: int = 0  # engagement window ending at T
    last4: int = 0  # 28 days ending at T
    prev4: int = 0  # the 28 days before
    active30: bool = False  # an interaction with points > 0 in the 30 days ending at T
    weekly: dict[str, int] = field(default_factory=dict)  # ISO week -> points in the period


@dataclass(frozen=True, slots=True)
class StakeholderCounts:
    """Per-account identified / engaged stakeholders and the roles engaged ones hold."""

    identified: int = 0
    engaged: int = 0
    engaged_roles: frozenset[str] = frozenset()


@dataclass
class KpiInputs:
    """Everything the seven KPIs need, for one period."""

    period: Period
    params: Params
    accounts: list[AccountRow]
    engagement: dict[str, AccountEngagement]  # by AccountRow.key
    stakeholders: dict[str, StakeholderCounts]  # by AccountRow.key
    deals: list[DealRow]
    stage_changes: list[StageChangeRow]  # ordered by deal, entered_at, insertion
    contracts: list[ContractRow]
    costs: list[CostRow]
    #: Σ duration_minutes of each account's interactions in the period, by
    #: AccountRow.key (only when staff time has a cost; empty otherwise).
    minutes: dict[str, int] = field(default_factory=dict)

    @cached_property
    def accounts_by_id(self) -> dict[bytes, AccountRow]:
        return {a.id: a for a in self.accounts}

    @cached_property
    def deals_by_id(self) -> dict[bytes, DealRow]:
        return {d.id: d for d in self.deals}

    @cached_property
    def abm(self) -> dict[bytes, bool]:
        """Deal id -> whether the deal is ABM (SPEC 3)."""
        accounts = self.accounts_by_id
        as_of = self.period.end
        return {d.id: deal_is_abm(d, accounts.get(d.account_id), as_of) for d in self.deals}


def deal_is_abm(deal: DealRow, account: AccountRow | None, as_of: dt.date) -> bool:
    """SPEC 3: target at the closing date if closed, else at T."""
    if account is None:
        return False
    day = deal.closed_at.date() if deal.closed and deal.closed_at is not None else as_of
    return account.target_at(day)


def ratio(numerator: float, denominator: float) -> float | None:
    """``numerator / denominator``, or None when the denominator is 0."""
    if denominator == 0:
        return None
    return numerator / denominator


def mean(values: Iterable[float]) -> float | None:
    """Arithmetic mean, or None for no values."""
    total = 0.0
    count = 0
    for v in values:
        total += v
        count += 1
    return total / count if count else None


def sort_by_name(rows: list[dict]) -> list[dict]:
    """Per-account rows sorted by account name (code-point order, as ``sorted`` does)."""
    return sorted(rows, key=lambda r: r["account"])
