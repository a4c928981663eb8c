"""KPI 5, average contract value (SPEC 3.5), for ``abm`` and ``non_abm`` won deals."""

from __future__ import annotations

from abmdesk.kpi.inputs import DealRow, KpiInputs


def won_in_period(inputs: KpiInputs) -> list[DealRow]:
    """The deals won with d(closed_at) in the period."""
    start, stop = inputs.period.start_at, inputs.period.stop_at
    return [
        d
        for d in inputs.deals
        if d.status == "won" and d.closed_at is not None and start <= d.closed_at < stop
    ]


def contract_value(inputs: KpiInputs) -> dict:
    """Won deals and their mean amount per group, and the ABM uplift."""
    out: dict = {}
    won = won_in_period(inputs)
    abm = inputs.abm
    for group, flag in (("abm", True), ("non_abm", False)):
        deals = [d for d in won if abm[d.id] is flag]
        amounts = [d.amount_cents for d in deals if d.amount_cents is not None]
        out[group] = {
            "won_deals": len(deals),
            "average": sum(amounts) / (100 * len(amounts)) if amounts else None,
        }
    abm_avg, non_abm_avg = out["abm"]["average"], out["non_abm"]["average"]
    out["uplift"] = None if abm_avg is None or not non_abm_avg else abm_avg / non_abm_avg - 1
    return out
