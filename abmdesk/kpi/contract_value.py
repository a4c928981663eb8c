"""KPI 5, average contract value (SPEC 3.5), for ``abm`` and ``non_abm`` won deals."""

from __future__ import annotations

from abmdesk.kpi.inputs import DealRow, KpiInputs, deal_is_abm


def won_in_period(inputs: KpiInputs) -> list[tuple[DealRow, bool]]:
    """``(deal, is_abm)`` of the deals won with d(closed_at) in the period."""
    accounts = inputs.accounts_by_id()
    as_of = inputs.period.end
    return [
        (d, deal_is_abm(d, accounts.get(d.account_id), as_of))
        for d in inputs.deals
        if d.status == "won"
        and d.closed_at is not None
        and inputs.period.contains(d.closed_at.date())
    ]


def contract_value(inputs: KpiInputs) -> dict:
    """Won deals and their mean amount per group, and the ABM uplift."""
    out: dict = {}
    won = won_in_period(inputs)
    for group, flag in (("abm", True), ("non_abm", False)):
        deals = [d for d, is_abm in won if is_abm is flag]
        amounts = [d.amount_cents for d in deals if d.amount_cents is not None]
        out[group] = {
            "won_deals": len(deals),
            "average": sum(amounts) / (100 * len(amounts)) if amounts else None,
        }
    abm, non_abm = out["abm"]["average"], out["non_abm"]["average"]
    out["uplift"] = None if abm is None or not non_abm else abm / non_abm - 1
    return out
