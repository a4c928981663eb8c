"""KPI 7, ROI of the ABM programme (SPEC 3.7)."""

from __future__ import annotations

from abmdesk.kpi.contract_value import won_in_period
from abmdesk.kpi.inputs import KpiInputs, ratio, sort_by_name


def roi(inputs: KpiInputs) -> dict:
    """Revenue, cost and ROI overall, and per target account at T."""
    period = inputs.period
    hourly = inputs.params.staff_hourly_cost
    targets = [a for a in inputs.accounts if a.target_at(period.end)]
    revenue_cents: dict[bytes, int] = {}
    abm = inputs.abm
    for deal in won_in_period(inputs):
        if abm[deal.id]:
            revenue_cents[deal.account_id] = revenue_cents.get(deal.account_id, 0) + (
                deal.amount_cents or 0
            )
    abm_cents = 0
    unassigned_cents = 0
    own_cents: dict[bytes, int] = {}
    for cost in inputs.costs:
        if cost.program != "abm" or not period.contains(cost.date):
            continue
        abm_cents += cost.amount_cents
        if cost.account_id is None:
            unassigned_cents += cost.amount_cents
        else:
            own_cents[cost.account_id] = own_cents.get(cost.account_id, 0) + cost.amount_cents
    minutes = {a.id: inputs.minutes.get(a.key, 0) for a in targets}
    staff_cost = sum(minutes.values()) * hourly / 60
    revenue = sum(revenue_cents.values()) / 100
    cost = abm_cents / 100 + staff_cost
    share = unassigned_cents / (100 * len(targets)) if targets else 0.0
    rows = []
    for account in targets:
        a_revenue = revenue_cents.get(account.id, 0) / 100
        a_staff = minutes[account.id] * hourly / 60
        a_cost = own_cents.get(account.id, 0) / 100 + share + a_staff
        rows.append(
            {
                "account": account.name,
                "revenue": a_revenue,
                "cost": a_cost,
                "roi": ratio(a_revenue - a_cost, a_cost),
                "staff_cost": a_staff,
            }
        )
    return {
        "revenue": revenue,
        "cost": cost,
        "roi": ratio(revenue - cost, cost),
        "abm_costs": abm_cents / 100,
        "staff_cost": staff_cost,
        "accounts": sort_by_name(rows),
    }
