"""KPI 3, pipeline velocity (SPEC 3.3), for ``abm``, ``non_abm`` and ``all`` deals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import groupby
from operator import itemgetter

from abmdesk import domain
from abmdesk.kpi.inputs import CLOSED_STATUSES, DealRow, KpiInputs, StageChangeRow, ratio

GROUPS: tuple[str, ...] = ("abm", "non_abm", "all")
SECONDS_PER_DAY = 86400

_by_deal = itemgetter(0)


def stays(
    changes: list[StageChangeRow], deals: dict[bytes, DealRow]
) -> Iterator[tuple[bytes, str, dt.datetime, dt.datetime]]:
    """``(deal id, stage, begin, end)`` of every finished stay.

    ``changes`` are ordered by deal, entered_at, insertion. A stay ends at the deal's
    next stage change, or at closed_at for the last stay of a closed deal; the last
    stay of an open deal has not ended.
    """
    for deal_id, group in groupby(changes, key=_by_deal):
        history = list(group)
        _, stage, begin = history[0]
        for _, next_stage, next_begin in history[1:]:
            yield deal_id, stage, begin, next_begin
            stage, begin = next_stage, next_begin
        deal = deals.get(deal_id)
        if deal is not None and deal.status in CLOSED_STATUSES and deal.closed_at is not None:
            yield deal_id, stage, begin, deal.closed_at


def avg_days_in_stage(inputs: KpiInputs) -> dict[str, dict[str, float | None]]:
    """Group -> stage -> mean stay in days over stays that end in the period (None if none)."""
    start, stop = inputs.period.start_at, inputs.period.stop_at
    abm = inputs.abm
    seconds = {g: dict.fromkeys(domain.STAGES, 0.0) for g in ("abm", "non_abm")}
    counts = {g: dict.fromkeys(domain.STAGES, 0) for g in ("abm", "non_abm")}
    for deal_id, stage, begin, end in stays(inputs.stage_changes, inputs.deals_by_id):
        if start <= end < stop and stage in seconds["abm"]:
            group = "abm" if abm.get(deal_id) else "non_abm"
            seconds[group][stage] += (end - begin).total_seconds()
            counts[group][stage] += 1
    seconds["all"] = {s: seconds["abm"][s] + seconds["non_abm"][s] for s in domain.STAGES}
    counts["all"] = {s: counts["abm"][s] + counts["non_abm"][s] for s in domain.STAGES}
    return {
        g: {
            s: seconds[g][s] / (SECONDS_PER_DAY * counts[g][s]) if counts[g][s] else None
            for s in domain.STAGES
        }
        for g in GROUPS
    }


def velocity(inputs: KpiInputs) -> dict:
    """The velocity figures of SPEC 3.3 per group, and ``cycle_reduction``."""
    start, stop = inputs.period.start_at, inputs.period.stop_at
    abm = inputs.abm
    # per group: open, won, lost, Σ known amounts (cents), known amounts, Σ cycle seconds
    acc = {g: [0, 0, 0, 0, 0, 0.0] for g in ("abm", "non_abm")}
    for deal in inputs.deals:
        a = acc["abm" if abm[deal.id] else "non_abm"]
        closed_at = deal.closed_at if deal.status in CLOSED_STATUSES else None
        if deal.opened_at < stop and (closed_at is None or closed_at >= stop):
            a[0] += 1  # open at T
        if closed_at is None or not start <= closed_at < stop:
            continue
        if deal.status == "won":
            a[1] += 1
            if deal.amount_cents is not None:
                a[3] += deal.amount_cents
                a[4] += 1
            a[5] += (closed_at - deal.opened_at).total_seconds()
        else:
            a[2] += 1
    acc["all"] = [x + y for x, y in zip(acc["abm"], acc["non_abm"], strict=True)]
    stage_days = avg_days_in_stage(inputs)
    out: dict = {}
    for g in GROUPS:
        open_deals, won, lost, amount_cents, amounts, cycle_seconds = acc[g]
        win_rate = ratio(won, won + lost)
        avg_won = amount_cents / (100 * amounts) if amounts else None
        avg_cycle = cycle_seconds / (SECONDS_PER_DAY * won) if won else None
        if win_rate is None or avg_won is None or not avg_cycle:
            velocity_per_day = None
        else:
            velocity_per_day = open_deals * win_rate * avg_won / avg_cycle
        out[g] = {
            "open_deals": open_deals,
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
