"""KPI 4, conversion per stage (SPEC 3.4), for ``all``, ``by_sector`` and ``by_size``."""

from __future__ import annotations

from itertools import groupby
from operator import itemgetter

from abmdesk import domain
from abmdesk.kpi.inputs import AccountRow, KpiInputs

STAGE_ORDER = {stage: k for k, stage in enumerate(domain.STAGES)}

_by_deal = itemgetter(0)


def sector_of(account: AccountRow | None) -> str:
    """The account's sector, ``unknown`` when empty."""
    sector = (account.sector or "").strip() if account is not None else ""
    return sector or "unknown"


def size_of(account: AccountRow | None) -> str:
    return domain.size_band(account.employees if account is not None else None)


def deal_conversions(inputs: KpiInputs) -> dict[bytes, list[tuple[int, bool]]]:
    """Deal id -> ``(stage index, advanced)`` for each stage first entered in the period.

    The deal's history is ordered by entered_at (then insertion); "after the first entry"
    means later in that history. Advanced = entered a later stage in the stage order, on or
    before T, after that first entry; or won with d(closed_at) <= T.
    """
    start, stop = inputs.period.start_at, inputs.period.stop_at
    deals = inputs.deals_by_id
    order_of = STAGE_ORDER.get
    out: dict[bytes, list[tuple[int, bool]]] = {}
    for deal_id, group in groupby(inputs.stage_changes, key=_by_deal):
        deal = deals.get(deal_id)
        if deal is None:
            continue
        history = [(order_of(stage, -1), at) for _, stage, at in group]
        if not any(start <= at < stop for _, at in history):
            continue
        won = deal.status == "won" and deal.closed_at is not None and deal.closed_at < stop
        # best[k] = highest stage entered on or before T after position k
        best = [-1] * len(history)
        highest = -1
        for k in range(len(history) - 1, -1, -1):
            best[k] = highest
            order, at = history[k]
            if at < stop and order > highest:
                highest = order
        seen: set[int] = set()
        results = []
        for k, (order, at) in enumerate(history):
            if order < 0 or order in seen:
                continue
            seen.add(order)
            if start <= at < stop:
                results.append((order, won or best[k] > order))
        if results:
            out[deal_id] = results
    return out


def _table(counts: dict[int, list[int]]) -> dict:
    """Stage -> entered / advanced / rate, in stage order, stages never entered omitted."""
    out = {}
    for order, stage in enumerate(domain.STAGES):
        entered, advanced = counts.get(order, (0, 0))
        if entered > 0:
            out[stage] = {"entered": entered, "advanced": advanced, "rate": advanced / entered}
    return out


def conversion(inputs: KpiInputs) -> dict:
    """Entered / advanced / rate per stage; groups and stages with entered = 0 omitted."""
    accounts = inputs.accounts_by_id
    deals = inputs.deals_by_id
    everything: dict[int, list[int]] = {}
    by_sector: dict[str, dict[int, list[int]]] = {}
    by_size: dict[str, dict[int, list[int]]] = {}
    for deal_id, results in deal_conversions(inputs).items():
        account = accounts.get(deals[deal_id].account_id)
        tables = (
            everything,
            by_sector.setdefault(sector_of(account), {}),
            by_size.setdefault(size_of(account), {}),
        )
        for order, advanced in results:
            for table in tables:
                cell = table.get(order)
                if cell is None:
                    table[order] = [1, int(advanced)]
                else:
                    cell[0] += 1
                    cell[1] += advanced
    bands = {band: k for k, band in enumerate(domain.SIZE_BANDS)}
    return {
        "all": _table(everything),
        "by_sector": {s: _table(by_sector[s]) for s in sorted(by_sector)},
        "by_size": {
            b: _table(by_size[b]) for b in sorted(by_size, key=lambda b: bands.get(b, len(bands)))
        },
    }
