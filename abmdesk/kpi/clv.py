"""KPI 6, customer lifetime value (SPEC 3.6), for every account."""

from __future__ import annotations

import datetime as dt

from abmdesk.kpi.inputs import ContractRow, KpiInputs, mean, sort_by_name


def is_active(contract: ContractRow, as_of: dt.date) -> bool:
    """Active at T: started on or before T, and not ended (T < end_date)."""
    return contract.start_date <= as_of and (contract.end_date is None or as_of < contract.end_date)


def clv(inputs: KpiInputs) -> dict:
    """Per-account base ARR, upsell rate, retention and CLV; mean CLV by target status."""
    as_of = inputs.period.end
    base: dict[bytes, int] = {}
    upsell: dict[bytes, int] = {}
    for c in inputs.contracts:
        if not is_active(c, as_of):
            continue
        book = base if c.kind == "new" else upsell if c.kind == "upsell" else None
        if book is not None:
            book[c.account_id] = book.get(c.account_id, 0) + c.annual_value_cents
    rows = []
    by_target: dict[bool, list[float]] = {True: [], False: []}
    for account in inputs.accounts:
        base_cents = base.get(account.id, 0)
        upsell_cents = upsell.get(account.id, 0)
        years = float(
            account.retention_years
            if account.retention_years is not None
            else inputs.params.default_retention_years
        )
        if base_cents > 0:
            # base × years × (1 + upsell / base), computed exactly as (base + upsell) × years
            value = (base_cents + upsell_cents) / 100 * years
            by_target[account.target_at(as_of)].append(value)
        else:
            value = 0.0
        rows.append(
            {
                "account": account.name,
                "base_arr": base_cents / 100,
                "upsell_rate": upsell_cents / base_cents if base_cents else 0.0,
                "retention_years": years,
                "clv": value,
            }
        )
    return {
        "accounts": sort_by_name(rows),
        "average": {"abm": mean(by_target[True]), "non_abm": mean(by_target[False])},
    }
