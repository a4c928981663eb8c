"""The KPIs of SPEC 3 for a slice of the accounts: the dashboard's filters.

``compute_dashboard(engine, date_from, date_to, filters)`` returns the SPEC 4 object
computed over the accounts the filters keep (segment, sector, size band, tier, owner),
plus a few keys for the dashboard (``filters``, ``scope``, ``account_ids``,
``activity``). Without filters it equals ``compute_kpis`` for the same period.

How a filter applies (decisions where SPEC is silent):

- The filters select accounts; the KPIs are then computed by the same functions as
  ``compute_kpis`` over those accounts and their stakeholders, interactions, deals,
  stage changes, contracts and costs. Segment ``abm`` keeps the target accounts at T,
  ``non_abm`` the others (a deal keeps its own ABM rule of SPEC 3).
- An empty sector, tier or owner is selected by ``""`` ("not set"); ``None`` keeps all.
- ROI: ``abm`` costs with no account are shared equally by the target accounts at T of
  the whole base (SPEC 3.7); a slice bears the shares of its own target accounts, so each
  account's cost is the same with or without a filter, and the slice's cost is the sum.
- ``activity`` (interactions logged, emails sent, minutes logged, in the period) is
  logged effort, not a KPI.

Loading the period's inputs (the interaction scan) is the slow part; the loaded inputs
of the last few periods are kept per engine, so a filter change only recomputes the
KPIs in Python. ``invalidate(engine)`` forgets them after a write.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
import uuid
import weakref
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine

from abmdesk import domain
from abmdesk.errors import ValidationError
from abmdesk.kpi.inputs import AccountRow, CostRow, KpiInputs
from abmdesk.services.kpis import kpis_from_inputs, load_kpi_inputs

SEGMENTS: tuple[str, ...] = ("all", "abm", "non_abm")

#: Periods whose loaded inputs are kept per engine (the current and the previous one
#: of two period choices).
CACHED_PERIODS = 4


@dataclass(frozen=True, slots=True)
class DashboardFilters:
    """Which accounts the dashboard looks at; ``None`` keeps every value."""

    segment: str = "all"
    sector: str | None = None
    size_band: str | None = None
    tier: str | None = None
    owner: str | None = None

    def __post_init__(self) -> None:
        if self.segment not in SEGMENTS:
            raise ValidationError(f"unknown segment {self.segment!r}")
        if self.size_band is not None and self.size_band not in domain.SIZE_BANDS:
            raise ValidationError(f"unknown size band {self.size_band!r}")

    @property
    def is_everything(self) -> bool:
        return self == DashboardFilters()

    def as_dict(self) -> dict[str, str | None]:
        return dataclasses.asdict(self)


@dataclass(frozen=True, slots=True)
class DashboardChoices:
    """The values the filters offer, from the data (``""`` = some accounts have none)."""

    sectors: tuple[str, ...]
    size_bands: tuple[str, ...]
    tiers: tuple[str, ...]
    owners: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AccountMeta:
    """What the filters need beyond ``AccountRow``."""

    tier: str
    owner: str
    uuid: str


def _clean(text: str | None) -> str:
    return (text or "").strip()


def dashboard_choices(engine: Engine) -> DashboardChoices:
    """Distinct sectors, size bands, tiers and owners of the accounts."""
    bands = {b: k for k, b in enumerate(domain.SIZE_BANDS)}
    with engine.connect() as conn:
        con = conn.connection.dbapi_connection
        rows = con.execute("SELECT sector, employees, tier, owner FROM accounts").fetchall()  # type: ignore[union-attr]
    sectors = {_clean(r[0]) for r in rows}
    sizes = {domain.size_band(r[1]) for r in rows}
    tiers = {_clean(r[2]) for r in rows}
    owners = {_clean(r[3]) for r in rows}

    def ordered(values: set[str]) -> tuple[str, ...]:
        named = sorted((v for v in values if v), key=str.casefold)
        return (*named, "") if "" in values else tuple(named)

    return DashboardChoices(
        sectors=ordered(sectors),
        size_bands=tuple(sorted(sizes, key=lambda b: bands.get(b, len(bands)))),
        tiers=ordered(tiers),
        owners=ordered(owners),
    )


# --- the cache of loaded inputs ----------------------------------------------------------


@dataclass
class _Loaded:
    inputs: KpiInputs
    currency: str
    activity: dict[str, tuple[int, int, int]] | None = None  # key -> (logged, emails, minutes)


class _EngineCache:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.generation = 0
        self.periods: OrderedDict[tuple[dt.date, dt.date], _Loaded] = OrderedDict()
        self.meta: dict[bytes, AccountMeta] | None = None


_caches: weakref.WeakKeyDictionary[Engine, _EngineCache] = weakref.WeakKeyDictionary()
_caches_lock = threading.Lock()


def _cache_of(engine: Engine) -> _EngineCache:
    with _caches_lock:
        cache = _caches.get(engine)
        if cache is None:
            cache = _caches[engine] = _EngineCache()
        return cache


def invalidate(engine: Engine) -> None:
    """Forget what was loaded from ``engine`` (after a write, or to re-read another's)."""
    cache = _cache_of(engine)
    with cache.lock:
        cache.generation += 1
        cache.periods.clear()
        cache.meta = None


def is_cached(engine: Engine, date_from: dt.date, date_to: dt.date) -> bool:
    """Whether the period's inputs are loaded (a filter change will be quick)."""
    cache = _cache_of(engine)
    with cache.lock:
        return (date_from, date_to) in cache.periods


ACTIVITY_SQL = """
SELECT hex(account_id), COUNT(*), SUM(type_key = 'email_sent'), TOTAL(duration_minutes)
FROM interactions
WHERE day BETWEEN ? AND ?
GROUP BY account_id
"""


def _load_activity(
    engine: Engine, date_from: dt.date, date_to: dt.date
) -> dict[str, tuple[int, int, int]]:
    with engine.connect() as conn:
        con = conn.connection.dbapi_connection
        rows = con.execute(  # type: ignore[union-attr]
            ACTIVITY_SQL, (domain.day_number(date_from), domain.day_number(date_to))
        ).fetchall()
    return {k: (n, int(e or 0), int(m or 0)) for k, n, e, m in rows}


def _load_meta(engine: Engine) -> dict[bytes, AccountMeta]:
    with engine.connect() as conn:
        con = conn.connection.dbapi_connection
        rows = con.execute("SELECT id, tier, owner FROM accounts").fetchall()  # type: ignore[union-attr]
    return {
        r[0]: AccountMeta(tier=_clean(r[1]), owner=_clean(r[2]), uuid=str(uuid.UUID(bytes=r[0])))
        for r in rows
    }


def _loaded(
    engine: Engine, date_from: dt.date, date_to: dt.date, *, activity: bool, use_cache: bool
) -> tuple[_Loaded, dict[bytes, AccountMeta]]:
    cache = _cache_of(engine)
    key = (date_from, date_to)
    with cache.lock:
        generation = cache.generation
        found = cache.periods.get(key) if use_cache else None
        meta = cache.meta if use_cache else None
        if found is not None:
            cache.periods.move_to_end(key)
    if found is None:
        found = _Loaded(*load_kpi_inputs(engine, date_from, date_to))
    if activity and found.activity is None:
        found.activity = _load_activity(engine, date_from, date_to)
    if meta is None:
        meta = _load_meta(engine)
    with cache.lock:
        if cache.generation == generation:
            cache.periods[key] = found
            cache.periods.move_to_end(key)
            while len(cache.periods) > CACHED_PERIODS:
                cache.periods.popitem(last=False)
            cache.meta = meta
    return found, meta


# --- filtering ----------------------------------------------------------------------------


def account_filter(
    filters: DashboardFilters, meta: dict[bytes, AccountMeta], as_of: dt.date
) -> Callable[[AccountRow], bool]:
    """A predicate on the accounts the filters keep."""
    none = AccountMeta("", "", "")

    def keep(account: AccountRow) -> bool:
        if filters.segment != "all" and account.target_at(as_of) != (filters.segment == "abm"):
            return False
        if filters.sector is not None and _clean(account.sector) != filters.sector:
            return False
        if filters.size_band is not None and domain.size_band(account.employees) != (
            filters.size_band
        ):
            return False
        info = meta.get(account.id, none)
        if filters.tier is not None and info.tier != filters.tier:
            return False
        return filters.owner is None or info.owner == filters.owner

    return keep


def filter_inputs(
    inputs: KpiInputs, filters: DashboardFilters, meta: dict[bytes, AccountMeta]
) -> KpiInputs:
    """The inputs restricted to the accounts the filters keep (see the module notes)."""
    if filters.is_everything:
        return inputs
    as_of = inputs.period.end
    keep = account_filter(filters, meta, as_of)
    accounts = [a for a in inputs.accounts if keep(a)]
    ids = {a.id for a in accounts}
    deals = [d for d in inputs.deals if d.account_id in ids]
    deal_ids = {d.id for d in deals}
    all_targets = sum(1 for a in inputs.accounts if a.target_at(as_of))
    kept_targets = sum(1 for a in accounts if a.target_at(as_of))
    costs: list[CostRow] = []
    for cost in inputs.costs:
        if cost.account_id is None:
            if kept_targets and all_targets:
                # The slice's share: unassigned costs ÷ all targets × its targets.
                share = cost.amount_cents * kept_targets / all_targets
                costs.append(cost._replace(amount_cents=share))  # type: ignore[arg-type]
        elif cost.account_id in ids:
            costs.append(cost)
    return KpiInputs(
        period=inputs.period,
        params=inputs.params,
        accounts=accounts,
        engagement=inputs.engagement,
        stakeholders=inputs.stakeholders,
        deals=deals,
        stage_changes=[c for c in inputs.stage_changes if c.deal_id in deal_ids],
        contracts=[c for c in inputs.contracts if c.account_id in ids],
        costs=costs,
        minutes=inputs.minutes,
    )


def compute_dashboard(
    engine: Engine,
    date_from: dt.date,
    date_to: dt.date,
    filters: DashboardFilters | None = None,
    *,
    activity: bool = False,
    use_cache: bool = True,
) -> dict:
    """The SPEC 4 object over the accounts ``filters`` keep, and the dashboard's extras.

    Added keys: ``filters`` (as given), ``scope`` (``accounts``, ``target_accounts``
    kept), ``settings`` (the risk threshold and engagement window used),
    ``account_ids`` (account name -> id as text, for the accounts kept) and, when
    ``activity`` is asked for, ``activity`` (``interactions``, ``emails_sent``,
    ``minutes`` logged in the period on the accounts kept).
    """
    if date_from > date_to:
        raise ValidationError("the period starts after it ends")
    filters = filters or DashboardFilters()
    loaded, meta = _loaded(engine, date_from, date_to, activity=activity, use_cache=use_cache)
    inputs = filter_inputs(loaded.inputs, filters, meta)
    result = kpis_from_inputs(inputs, currency=loaded.currency)
    as_of = inputs.period.end
    result["filters"] = filters.as_dict()
    result["scope"] = {
        "accounts": len(inputs.accounts),
        "target_accounts": sum(1 for a in inputs.accounts if a.target_at(as_of)),
    }
    params = inputs.params
    result["settings"] = {
        "coverage_risk_threshold": params.coverage_risk_threshold,
        "engagement_window_days": params.engagement_window_days,
    }
    result["account_ids"] = {
        a.name: meta[a.id].uuid if a.id in meta else str(uuid.UUID(bytes=a.id))
        for a in inputs.accounts
    }
    if activity and loaded.activity is not None:
        logged = emails = minutes = 0
        for a in inputs.accounts:
            n, e, m = loaded.activity.get(a.key, (0, 0, 0))
            logged += n
            emails += e
            minutes += m
        result["activity"] = {"interactions": logged, "emails_sent": emails, "minutes": minutes}
    return result


def previous_period(date_from: dt.date, date_to: dt.date) -> tuple[dt.date, dt.date]:
    """The period of the same length just before ``[date_from, date_to]``."""
    length = (date_to - date_from).days + 1
    return date_from - dt.timedelta(days=length), date_from - dt.timedelta(days=1)
