"""KPI 4, conversion per stage (SPEC 3.4), for ``all``, ``by_sector`` and ``by_size``."""

from __future__ import annotations

from itertools import groupby
from operator import attrgetter

from abmdesk import domain
from abmdesk.kpi.inputs import AccountRow, KpiInputs

STAGE_ORDER = {stage: k for k, stage in enumerate(domain.STAGES)}


def sector_of(account: AccountRow | None) -> str:
    """The account's sector, ``unknown`` when empty."""
    sector = (account.sector or "").strip() if account is not None else ""
    return sector or "unknown"


def size_of(account: AccountRow | None) -> str:
    return domain.size_band(account.employees if account is not None else None)


def deal_conversions(inputs: KpiInputs) -> dict[bytes, list[tuple[str, bool]]]:
    """Deal id -> ``(stage, advanced)`` for each stage first entered in the period.

    The deal's history is ordered by entered_at (then insertion); "after the first entry"
    means later in that history. Advanced = entered a later stage in the stage order, on or
    before T, after that first entry; or won with d(closed_at) ≤ T.
    """
    period = inputs.period
    as_of = period.end
    deals = {d.id: d for d in inputs.deals}
    out: dict[bytes, list[tuple[str, bool]]] = {}
    for deal_id, group in groupby(inputs.stage_changes, key=attrgetter("deal_id")):
        deal = deals.get(deal_id)
        if deal is None:
            continue
        won = deal.status == "won" and deal.closed_at is not None and deal.closed_at.date() <= as_of
        history = [
            (STAGE_ORDER[c.stage], c.entered_at.date()) for c in group if c.stage in STAGE_ORDER
        ]
        seen: set[int] = set()
        results = []
        for k, (order, day) in enumerate(history):
            if order in seen:
                continue
            seen.add(order)
            if not period.contains(day):
                continue
            advanced = won or any(
                later_order > order and later_day <= as_of
                for later_order, later_day in history[k + 1 :]
            )
            results.append((domain.STAGES[order], advanced))
        if results:
            out[deal_id] = results
    return out


def _table(counts: dict[str, list[int]]) -> dict:
    """Stage -> entered / advanced / rate, in stage order, stages never entered omitted."""
    out = {}
    for stage in domain.STAGES:
        entered, advanced = counts.get(stage, (0, 0))
        if entered > 0:
            out[stage] = {"entered": entered, "advanced": advanced, "rate": advanced / entered}
    return out


def conversion(inputs: KpiInputs) -> dict:
    """Entered / advanced / rate per stage; groups and stages with entered = 0 omitted."""
    accounts = inputs.accounts_by_id()
    deals = {d.id: d for d in inputs.deals}
    everything: dict[str, list[int]] = {}
    by_sector: dict[str, dict[str, list[int]]] = {}
    by_size: dict[str, dict[str, list[int]]] = {}
    for deal_id, results in deal_conversions(inputs).items():
        account = accounts.get(deals[deal_id].account_id)
        targets = (
            everything,
            by_sector.setdefault(sector_of(account), {}),
            by_size.setdefault(size_of(account), {}),
        )
        for stage, advanced in results:
            for table in targets:
                cell = table.setdefault(stage, [0, 0])
                cell[0] += 1
                cell[1] += int(advanced)
    bands = {band: k for k, band in enumerate(domain.SIZE_BANDS)}
    return {
        "all": _table(everything),
        "by_sector": {s: _table(by_sector[s]) for s in sorted(by_sector)},
        "by_size": {
            b: _table(by_size[b]) for b in sorted(by_size, key=lambda b: bands.get(b, len(bands)))
        },
    }
