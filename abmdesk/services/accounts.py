"""Accounts: create, edit, delete (with a full snapshot for undo), filtered lists and
the per-account figures of the accounts tab's side panel.

Every write is one transaction and returns plain dataclasses. Validation errors are
:class:`FieldError` (a ValidationError naming the field and a ``code``), so that the GUI
can say it in the user's language; ``str(error)`` is a plain English sentence for the
command line and the logs.

Ids are stable across undo and redo: ``create_account`` takes an optional id, and
``restore_account`` puts back a deleted account and everything that went with it
(stakeholders, interactions, deals and their stage changes, contracts, costs) with
their ids and time stamps.
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, func, insert, or_, select
from sqlalchemy.orm import Session

from abmdesk import domain
from abmdesk.db.engine import read_session, write_session
from abmdesk.db.models import (
    Account,
    Contract,
    Cost,
    Deal,
    Interaction,
    InteractionType,
    StageChange,
    Stakeholder,
)
from abmdesk.errors import ValidationError
from abmdesk.kpi.clv import clv as clv_kpi
from abmdesk.kpi.coverage import coverage as coverage_kpi
from abmdesk.kpi.engagement import engagement as engagement_kpi
from abmdesk.kpi.inputs import (
    AccountEngagement,
    AccountRow,
    ContractRow,
    KpiInputs,
    Params,
    Period,
    StakeholderCounts,
)
from abmdesk.services.org import managers_first
from abmdesk.services.records import ACCOUNT_SORTS, AccountRecord, sort_text
from abmdesk.services.records import account_record as _record
from abmdesk.services.settings import load_settings

#: Weeks drawn by the side panel's sparkline (the current one included).
SPARKLINE_WEEKS = 12


class FieldError(ValidationError):
    """A refused value: ``field`` (an AccountInput/DealInput/... attribute) and ``code``.

    Codes: ``required``, ``duplicate``, ``negative``, ``not_positive``, ``unknown``,
    ``invalid``, ``before_open``, ``closed``, ``same_stage``, ``not_found``.
    """

    def __init__(self, field_name: str, code: str, message: str, value: object = None) -> None:
        self.field = field_name
        self.code = code
        self.value = value
        super().__init__(message)


# --- values -------------------------------------------------------------------------


@dataclass(frozen=True)
class AccountInput:
    """What the account form edits (stored as given once normalised)."""

    name: str
    domain: str | None = None
    sector: str | None = None
    employees: int | None = None
    country: str | None = None
    tier: str | None = None
    is_target: bool = False
    target_since: dt.date | None = None
    committee_size: int | None = None
    retention_years: float | None = None
    owner: str | None = None

    @classmethod
    def from_record(cls, record: AccountRecord) -> AccountInput:
        return cls(
            name=record.name,
            domain=record.domain,
            sector=record.sector,
            employees=record.employees,
            country=record.country,
            tier=record.tier,
            is_target=record.is_target,
            target_since=record.target_since,
            committee_size=record.committee_size,
            retention_years=record.retention_years,
            owner=record.owner,
        )


@dataclass(frozen=True)
class AccountEdit:
    before: AccountRecord
    after: AccountRecord


@dataclass(frozen=True)
class AccountDependents:
    """What goes with an account when it is deleted."""

    stakeholders: int = 0
    interactions: int = 0
    deals: int = 0
    contracts: int = 0
    costs: int = 0

    @property
    def total(self) -> int:
        return self.stakeholders + self.interactions + self.deals + self.contracts + self.costs


@dataclass(frozen=True)
class AccountSnapshot:
    """A deleted account and every row that went with it, column values as stored."""

    account: AccountRecord
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @property
    def dependents(self) -> AccountDependents:
        r = self.rows
        return AccountDependents(
            stakeholders=len(r.get("stakeholders", [])),
            interactions=len(r.get("interactions", [])),
            deals=len(r.get("deals", [])),
            contracts=len(r.get("contracts", [])),
            costs=len(r.get("costs", [])),
        )


def _text(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def normalize_account(data: AccountInput) -> AccountInput:
    """Trim texts (empty → None), lower-case the domain; raise FieldError for bad values."""
    name = " ".join((data.name or "").split())
    if not name:
        raise FieldError("name", "required", "name: an account needs a name")
    web = _text(data.domain)
    if web is not None:
        web = web.lower()
        for prefix in ("https://", "http://"):
            if web.startswith(prefix):
                web = web[len(prefix) :]
        web = web.strip("/")
        if web.startswith("www."):
            web = web[4:]
        if not web or any(c.isspace() for c in web):
            raise FieldError("domain", "invalid", f"domain: '{data.domain}' is not a domain")
    if data.employees is not None and int(data.employees) < 0:
        raise FieldError("employees", "negative", "employees: must not be negative")
    if data.committee_size is not None and int(data.committee_size) <= 0:
        raise FieldError("committee_size", "not_positive", "committee size: must be above 0")
    years = data.retention_years
    if years is not None:
        years = float(years)
        if not math.isfinite(years) or years <= 0:
            raise FieldError("retention_years", "not_positive", "retention: must be above 0")
    is_target = bool(data.is_target)
    return AccountInput(
        name=name,
        domain=web,
        sector=_text(data.sector),
        employees=None if data.employees is None else int(data.employees),
        country=_text(data.country),
        tier=_text(data.tier),
        is_target=is_target,
        target_since=data.target_since if is_target else None,
        committee_size=None if data.committee_size is None else int(data.committee_size),
        retention_years=years,
        owner=_text(data.owner),
    )


def _check_unique(session: Session, name: str, own_id: uuid.UUID | None) -> None:
    """Names are unique ignoring case and accents (``Cétia`` and ``cetia`` clash)."""
    wanted = sort_text(name)
    candidates = session.execute(select(Account.id, Account.name)).all()
    for other_id, other_name in candidates:
        if other_id != own_id and sort_text(other_name) == wanted:
            raise FieldError(
                "name",
                "duplicate",
                f"name: an account named '{other_name}' already exists",
                other_name,
            )


def name_taken(engine: Engine, name: str, own_id: uuid.UUID | None = None) -> str | None:
    """The existing account name that ``name`` would clash with, else None."""
    name = " ".join((name or "").split())
    if not name:
        return None
    with read_session(engine) as session:
        try:
            _check_unique(session, name, own_id)
        except FieldError as exc:
            return str(exc.value)
    return None


def _apply(account: Account, data: AccountInput) -> None:
    account.name = data.name
    account.domain = data.domain
    account.sector = data.sector
    account.employees = data.employees
    account.country = data.country
    account.tier = data.tier
    account.is_target = data.is_target
    account.target_since = data.target_since
    account.committee_size = data.committee_size
    account.retention_years = data.retention_years
    account.owner = data.owner


def create_account(
    engine: Engine, data: AccountInput, *, account_id: uuid.UUID | None = None
) -> AccountRecord:
    """A new account (``account_id`` given: that id, so a redo makes the same one)."""
    data = normalize_account(data)
    with write_session(engine) as session:
        _check_unique(session, data.name, None)
        account = Account(id=account_id or uuid.uuid4())
        _apply(account, data)
        session.add(account)
        session.flush()
        return _record(account)


def update_account(engine: Engine, account_id: uuid.UUID, data: AccountInput) -> AccountEdit:
    """Change an account's fields; the record before and after (undo writes ``before``)."""
    data = normalize_account(data)
    with write_session(engine) as session:
        account = session.get(Account, account_id)
        if account is None:
            raise FieldError("id", "not_found", "account: no such account")
        before = _record(account)
        _check_unique(session, data.name, account_id)
        _apply(account, data)
        session.flush()
        return AccountEdit(before=before, after=_record(account))


def account_dependents(engine: Engine, account_id: uuid.UUID) -> AccountDependents:
    """How many rows of each kind would go with the account."""

    def count(model: Any) -> Any:
        return (
            select(func.count())
            .select_from(model)
            .where(model.account_id == account_id)
            .scalar_subquery()
        )

    query = select(
        count(Stakeholder), count(Interaction), count(Deal), count(Contract), count(Cost)
    )
    with read_session(engine) as session:
        s, i, d, c, k = session.execute(query).one()
    return AccountDependents(stakeholders=s, interactions=i, deals=d, contracts=c, costs=k)


def _columns(model: Any) -> list[Any]:
    """The columns a restore writes (not the generated ones)."""
    return [c for c in model.__table__.columns if c.computed is None]


def _rows(session: Session, model: Any, where: Any) -> list[dict[str, Any]]:
    cols = _columns(model)
    result = session.execute(select(*cols).where(where))
    return [dict(zip([c.key for c in cols], row, strict=True)) for row in result]


def delete_account(engine: Engine, account_id: uuid.UUID) -> AccountSnapshot:
    """Delete an account and what cascades with it; the snapshot undo puts back."""
    with write_session(engine) as session:
        account = session.get(Account, account_id)
        if account is None:
            raise FieldError("id", "not_found", "account: no such account")
        record = _record(account)
        rows = {
            "accounts": _rows(session, Account, Account.id == account_id),
            "stakeholders": _rows(session, Stakeholder, Stakeholder.account_id == account_id),
            "interactions": _rows(session, Interaction, Interaction.account_id == account_id),
            "deals": _rows(session, Deal, Deal.account_id == account_id),
            "stage_changes": _rows(
                session,
                StageChange,
                StageChange.deal_id.in_(select(Deal.id).where(Deal.account_id == account_id)),
            ),
            "contracts": _rows(session, Contract, Contract.account_id == account_id),
            "costs": _rows(session, Cost, Cost.account_id == account_id),
        }
        session.expunge(account)
        session.execute(Account.__table__.delete().where(Account.__table__.c.id == account_id))
    return AccountSnapshot(account=record, rows=rows)


_RESTORE_ORDER: tuple[tuple[str, Any], ...] = (
    ("accounts", Account),
    ("stakeholders", Stakeholder),
    ("interactions", Interaction),
    ("deals", Deal),
    ("stage_changes", StageChange),
    ("contracts", Contract),
    ("costs", Cost),
)


def restore_account(engine: Engine, snapshot: AccountSnapshot) -> AccountRecord:
    """Put a deleted account back with the same ids (refused if its name is taken now)."""
    with write_session(engine) as session:
        if session.get(Account, snapshot.account.id) is not None:
            raise FieldError("id", "duplicate", "account: it exists already")
        _check_unique(session, snapshot.account.name, None)
        for kind, model in _RESTORE_ORDER:
            rows = snapshot.rows.get(kind, [])
            if kind == "stakeholders":
                by_id = {r["id"]: r for r in rows}
                manager_of = {r["id"]: r["reports_to_id"] for r in rows}
                rows = [by_id[i] for i in managers_first(manager_of, by_id)]
            if rows:
                session.execute(insert(model.__table__), rows)
        account = session.get(Account, snapshot.account.id)
        assert account is not None
        return _record(account)


# --- lists ----------------------------------------------------------------------------


@dataclass(frozen=True)
class AccountFilter:
    """The accounts tab's filters; None (or "") means any."""

    search: str = ""
    target: bool | None = None
    tier: str | None = None
    sector: str | None = None
    size_band: str | None = None
    owner: str | None = None


@dataclass(frozen=True)
class FilterOptions:
    tiers: list[str]
    sectors: list[str]
    owners: list[str]


_BANDS: dict[str, tuple[int, int | None]] = {
    "1-9": (0, 9),
    "10-49": (10, 49),
    "50-249": (50, 249),
    "250-4999": (250, 4999),
    "5000+": (5000, None),
}


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _filtered(query: Any, filt: AccountFilter) -> Any:
    search = filt.search.strip()
    if search:
        pattern = _like(search)
        query = query.where(
            or_(
                Account.name.like(pattern, escape="\\"),
                Account.domain.like(pattern, escape="\\"),
                Account.sector.like(pattern, escape="\\"),
                Account.owner.like(pattern, escape="\\"),
            )
        )
    if filt.target is not None:
        query = query.where(Account.is_target.is_(bool(filt.target)))
    if filt.tier:
        query = query.where(Account.tier == filt.tier)
    if filt.sector:
        query = query.where(Account.sector == filt.sector)
    if filt.owner:
        query = query.where(Account.owner == filt.owner)
    if filt.size_band:
        if filt.size_band == "unknown":
            query = query.where(Account.employees.is_(None))
        elif filt.size_band in _BANDS:
            low, high = _BANDS[filt.size_band]
            query = query.where(Account.employees >= low)
            if high is not None:
                query = query.where(Account.employees <= high)
        else:
            raise ValidationError(f"unknown size band '{filt.size_band}'")
    return query


def account_keys(
    engine: Engine,
    filt: AccountFilter = AccountFilter(),
    *,
    sort: str = "name",
    descending: bool = False,
) -> list[uuid.UUID]:
    """Ids of the accounts that pass ``filt``, in display order (filters in SQL)."""
    query = _filtered(select(Account.id), filt)
    if sort == "name":
        query = query.add_columns(Account.name)
        with read_session(engine) as session:
            rows = session.execute(query).all()
        rows.sort(key=lambda r: (sort_text(r[1]), r[1]), reverse=descending)
        return [r[0] for r in rows]
    try:
        expr = ACCOUNT_SORTS[sort]
    except KeyError:
        raise ValidationError(f"cannot sort by '{sort}'") from None
    order = [expr.is_(None), expr.desc() if descending else expr.asc()]
    query = query.order_by(*order, Account.name, Account.id)
    with read_session(engine) as session:
        return list(session.execute(query).scalars())


def filter_options(engine: Engine) -> FilterOptions:
    """The tiers, sectors and owners in use, sorted for the filter pickers."""

    def distinct(column: Any) -> list[str]:
        values = session.execute(select(column).where(column.is_not(None)).distinct()).scalars()
        return sorted((v for v in values if v.strip()), key=lambda v: (sort_text(v), v))

    with read_session(engine) as session:
        return FilterOptions(
            tiers=distinct(Account.tier),
            sectors=distinct(Account.sector),
            owners=distinct(Account.owner),
        )


# --- the side panel -------------------------------------------------------------------


@dataclass(frozen=True)
class AccountInsight:
    """One account's figures as of a date (SPEC 3 definitions, from the KPI functions)."""

    account_id: uuid.UUID
    name: str
    as_of: dt.date
    is_target: bool
    score: int
    trend: str
    last4: int
    prev4: int
    dormant: bool
    #: ``SPARKLINE_WEEKS`` (ISO week label, points) pairs, oldest first, zeros included.
    weeks: list[tuple[str, int]]
    committee_size: int
    identified: int
    engaged: int
    identified_coverage: float | None
    engaged_coverage: float | None
    engagement_ratio: float | None
    role_coverage: float
    at_risk: bool
    open_deals: int
    open_amount_cents: int
    base_arr: float
    upsell_rate: float
    retention_years: float
    clv: float
    #: The period whose KPIs these figures equal (``compute_kpis(engine, *period)``).
    period: tuple[dt.date, dt.date] = (dt.date.min, dt.date.min)


def sparkline_period(as_of: dt.date) -> Period:
    """From the Monday ``SPARKLINE_WEEKS - 1`` weeks before ``as_of``'s week, to ``as_of``."""
    monday = as_of - dt.timedelta(days=as_of.weekday())
    return Period(monday - dt.timedelta(weeks=SPARKLINE_WEEKS - 1), as_of)


def _params(engine: Engine) -> Params:
    s = load_settings(engine)
    return Params(
        engagement_window_days=s.engagement_window_days,
        default_committee_size=s.default_committee_size,
        default_retention_years=s.default_retention_years,
        coverage_risk_threshold=s.coverage_risk_threshold,
        staff_hourly_cost=s.staff_hourly_cost,
    )


def _engagement_of(rows: Sequence[tuple[int, int]], period: Period, window: int) -> Any:
    """An AccountEngagement from (day number, points) rows, as the KPI scan sums them."""
    end = period.end_day
    score_from, last4_from, prev4_from, active_from = end - window + 1, end - 27, end - 55, end - 29
    agg = AccountEngagement()
    weekly: dict[str, int] = {}
    for day, points in rows:
        if day > end:
            continue
        if day >= score_from:
            agg.score += points
        if day >= last4_from:
            agg.last4 += points
        elif day >= prev4_from:
            agg.prev4 += points
        if day >= active_from and points > 0:
            agg.active30 = True
        if day >= period.start_day:
            label = domain.iso_week_label(domain.from_day_number(day))
            weekly[label] = weekly.get(label, 0) + points
    agg.weekly = {k: v for k, v in sorted(weekly.items()) if v != 0}
    return agg


def account_insight(
    engine: Engine, account_id: uuid.UUID, as_of: dt.date | None = None
) -> AccountInsight:
    """Engagement, coverage, open deals and CLV of one account, as of ``as_of`` (today).

    The figures are those ``compute_kpis`` gives for this account over
    ``sparkline_period(as_of)``: the same pure KPI functions run on this account's
    rows alone (its interactions read through the account and stakeholder indexes).
    """
    as_of = as_of or dt.date.today()
    period = sparkline_period(as_of)
    params = _params(engine)
    end = period.end_day
    window = params.engagement_window_days
    low = min(period.start_day, end - window + 1, end - 55, end - 29)
    lo_text = domain.from_day_number(low).isoformat()
    hi_text = (as_of + dt.timedelta(days=1)).isoformat()
    with read_session(engine) as session:
        account = session.get(Account, account_id)
        if account is None:
            raise FieldError("id", "not_found", "account: no such account")
        row = AccountRow(
            id=account.id.bytes,
            key=account.id.bytes.hex().upper(),
            name=account.name,
            sector=account.sector,
            employees=account.employees,
            is_target=bool(account.is_target),
            target_since=account.target_since,
            committee_size=account.committee_size,
            retention_years=account.retention_years,
        )
        points = session.execute(
            select(Interaction.day, InteractionType.points)
            .join(InteractionType, InteractionType.key == Interaction.type_key)
            .where(
                Interaction.account_id == account_id,
                Interaction.occurred_at >= lo_text,
                Interaction.occurred_at < hi_text,
            )
        ).all()
        identified = session.execute(
            select(func.count())
            .select_from(Stakeholder)
            .where(Stakeholder.account_id == account_id, Stakeholder.placeholder.is_(False))
        ).scalar_one()
        active = (
            select(Interaction.id)
            .join(InteractionType, InteractionType.key == Interaction.type_key)
            .where(
                Interaction.stakeholder_id == Stakeholder.id,
                Interaction.day.between(end - window + 1, end),
                InteractionType.points > 0,
            )
            .exists()
        )
        engaged_roles = session.execute(
            select(Stakeholder.role).where(
                Stakeholder.account_id == account_id,
                Stakeholder.placeholder.is_(False),
                active,
            )
        ).all()
        contracts = [
            ContractRow(account_id=row.id, kind=k, annual_value_cents=v, start_date=s, end_date=e)
            for k, v, s, e in session.execute(
                select(
                    Contract.kind,
                    Contract.annual_value_cents,
                    Contract.start_date,
                    Contract.end_date,
                ).where(Contract.account_id == account_id)
            )
        ]
        open_count, open_amount = session.execute(
            select(func.count(), func.coalesce(func.sum(Deal.amount_cents), 0)).where(
                Deal.account_id == account_id, Deal.status == "open"
            )
        ).one()
    counts = StakeholderCounts(
        identified=identified,
        engaged=len(engaged_roles),
        engaged_roles=frozenset(r for (r,) in engaged_roles if r),
    )
    inputs = KpiInputs(
        period=period,
        params=params,
        accounts=[row],
        engagement={row.key: _engagement_of(points, period, window)},
        stakeholders={row.key: counts} if identified else {},
        deals=[],
        stage_changes=[],
        contracts=contracts,
        costs=[],
    )
    eng = engagement_kpi(inputs)["accounts"][0]
    cov = coverage_kpi(inputs)["accounts"][0]
    life = clv_kpi(inputs)["accounts"][0]
    weeks = []
    for k in range(SPARKLINE_WEEKS):
        label = domain.iso_week_label(period.start + dt.timedelta(weeks=k))
        weeks.append((label, int(eng["weekly"].get(label, 0))))
    return AccountInsight(
        account_id=account_id,
        name=row.name,
        as_of=as_of,
        is_target=row.target_at(as_of),
        score=eng["score"],
        trend=eng["trend"],
        last4=eng["last4"],
        prev4=eng["prev4"],
        dormant=eng["dormant"],
        weeks=weeks,
        committee_size=cov["committee_size"],
        identified=cov["identified"],
        engaged=cov["engaged"],
        identified_coverage=cov["identified_coverage"],
        engaged_coverage=cov["engaged_coverage"],
        engagement_ratio=cov["engagement_ratio"],
        role_coverage=cov["role_coverage"],
        at_risk=cov["at_risk"],
        open_deals=open_count,
        open_amount_cents=open_amount,
        base_arr=life["base_arr"],
        upsell_rate=life["upsell_rate"],
        retention_years=life["retention_years"],
        clv=life["clv"],
        period=(period.start, period.end),
    )
