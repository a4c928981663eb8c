"""KPI 1, engagement (SPEC 3.1)."""

from __future__ import annotations

from abmdesk.kpi.inputs import AccountEngagement, KpiInputs, ratio, sort_by_name

_EMPTY = AccountEngagement()


def trend(last4: int, prev4: int) -> str:
    """``rising`` if last4 > 1.1 × prev4, ``falling`` if last4 < 0.9 × prev4, else ``flat``.

    Points are whole numbers, so the test is done exactly in integers (10·last4 vs 11·prev4).
    """
    if 10 * last4 > 11 * prev4:
        return "rising"
    if 10 * last4 < 9 * prev4:
        return "falling"
    return "flat"


def engagement(inputs: KpiInputs) -> dict:
    """``{"engaged_target_accounts_rate": x, "accounts": [...]}``, every account listed."""
    as_of = inputs.period.end
    rows = []
    targets = engaged_targets = 0
    for account in inputs.accounts:
        agg = inputs.engagement.get(account.key, _EMPTY)
        is_target = account.target_at(as_of)
        if is_target:
            targets += 1
            if agg.score > 0:
                engaged_targets += 1
        rows.append(
            {
                "account": account.name,
                "score": agg.score,
                "weekly": agg.weekly,
                "trend": trend(agg.last4, agg.prev4),
                "dormant": not agg.active30,
                "last4": agg.last4,
                "prev4": agg.prev4,
                "target": is_target,
            }
        )
    return {
        "engaged_target_accounts_rate": ratio(engaged_targets, targets),
        "target_accounts": targets,
        "engaged_target_accounts": engaged_targets,
        "accounts": sort_by_name(rows),
    }
