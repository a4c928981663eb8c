"""KPI 3, pipeline velocity (SPEC 3.3), for ``abm``, ``non_abm`` and ``all`` deals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import groupby
from operator import attrgetter

from abmdesk import domain
from abmdesk.kpi.inputs import DealRow, KpiInputs, Period, StageChangeRow, deal_is_abm, ratio

GROUPS: tuple[str, ...] = ("abm", "non_abm", "all")
SECONDS_PER_DAY = 86400


def deal_groups(inputs: KpiInputs) -> dict[bytes, tuple[str, str]]:
    """Deal id -> the two groups it counts in: (``abm`` or ``non_abm``, ``all``)."""
    accounts = inputs.accounts_by_id()
    as_of = inputs.period.end
    return {
        d.id: ("abm" if deal_is_abm(d, accounts.get(d.account_id), as_of) else "non_abm", "all")
        for d in inputs.deals
    }


def stays(
    changes: list[StageChangeRow], deals: dict[bytes, DealRow]
) -> Iterator[tuple[bytes, str, dt.datetime, dt.datetime]]:
    """``(deal id, stage, begin, end)`` of every finished stay.

    A stay ends at the deal's next stage change (by entered_at), or at closed_at for the
    last stay of a closed deal; the last stay of an open deal has not ended.
    """
    for deal_id, group in groupby(changes, key=attrgetter("deal_id")):
        history = list(group)
        for current, following in zip(history, history[1:], strict=False):
            yield deal_id, current.stage, current.entered_at, following.entered_at
        deal = deals.get(deal_id)
        if deal is not None and deal.closed and deal.closed_at is not None:
            last = history[-1]
            yield deal_id, last.stage, last.entered_at, deal.closed_at


def avg_days_in_stage(inputs: KpiInputs, groups: dict[bytes, tuple[str, str]]) -> dict:
    """Group -> stage -> mean stay in days over stays that end in the period (None if none)."""
    period: Period = inputs.period
    deals = {d.id: d for d in inputs.deals}
    sums = {g: dict.fromkeys(domain.STAGES, 0.0) for g in GROUPS}
    counts = {g: dict.fromkeys(domain.STAGES, 0) for g in GROUPS}
    for deal_id, stage, begin, end in stays(inputs.stage_changes, deals):
        if not period.contains(end.date()) or deal_id not in groups:
            continue
        seconds = (end - begin).total_seconds()
        for g in groups[deal_id]:
            sums[g][stage] += seconds
            counts[g][stage] += 1
    return {
        g: {
            s: (sums[g][s] / (SECONDS_PER_DAY * counts[g][s]) if counts[g][s] else None)
            for s in domain.STAGES
        }
        for g in GROUPS
    }


def velocity(inputs: KpiInputs) -> dict:
    """The velocity figures of SPEC 3.3 per group, and ``cycle_reduction``."""
    period = inputs.period
    as_of = period.end
    groups = deal_groups(inputs)
    acc = {
        g: {"won": 0, "lost": 0, "amount_cents": 0, "amounts": 0, "cycle_s": 0.0, "open": 0}
        for g in GROUPS
    }
    for deal in inputs.deals:
        closed_day = deal.closed_at.date() if deal.closed and deal.closed_at else None
        closed_in_period = closed_day is not None and period.contains(closed_day)
        is_open = deal.opened_at.date() <= as_of and not (
            closed_day is not None and closed_day <= as_of
        )
        for g in groups[deal.id]:
            a = acc[g]
            if is_open:
                a["open"] += 1
            if not closed_in_period:
                continue
            if deal.status == "won":
                a["won"] += 1
                if deal.amount_cents is not None:
                    a["amount_cents"] += deal.amount_cents
                    a["amounts"] += 1
                a["cycle_s"] += (deal.closed_at - deal.opened_at).total_seconds()  # type: ignore[operator]
            else:
                a["lost"] += 1
    stage_days = avg_days_in_stage(inputs, groups)
    out: dict = {}
    for g in GROUPS:
        a = acc[g]
        won, lost = a["won"], a["lost"]
        win_rate = ratio(won, won + lost)
        avg_won = a["amount_cents"] / (100 * a["amounts"]) if a["amounts"] else None
        avg_cycle = a["cycle_s"] / (SECONDS_PER_DAY * won) if won else None
        if win_rate is None or avg_won is None or not avg_cycle:
            velocity_per_day = None
        else:
            velocity_per_day = a["open"] * win_rate * avg_won / avg_cycle
        out[g] = {
            "open_deals": a["open"],
            "win_rate": win_rate,
            "avg_won_amount": avg_won,
            "avg_cycle_days": avg_cycle,
            "velocity_per_day": velocity_per_day,
            "avg_days_in_stage": stage_days[g],
            "won_deals": won,
            "lost_deals": lost,
        }
    abm_cycle = out["abm"]["avg_cycle_days"]
    non_abm_cycle = out["non_abm"]["avg_cycle_days"]
    out["cycle_reduction"] = (
        None if abm_cycle is None or not non_abm_cycle else 1 - abm_cycle / non_abm_cycle
    )
    return out
