"""KPI 2, stakeholder coverage (SPEC 3.2)."""

from __future__ import annotations

from abmdesk import domain
from abmdesk.kpi.inputs import KpiInputs, StakeholderCounts, ratio, sort_by_name

_NONE = StakeholderCounts()


def coverage(inputs: KpiInputs) -> dict:
    """``{"accounts": [...]}`` with the coverage figures of every account."""
    params = inputs.params
    as_of = inputs.period.end
    required_roles = frozenset(domain.REQUIRED_ROLES)
    required = len(required_roles)
    rows = []
    for account in inputs.accounts:
        counts = inputs.stakeholders.get(account.key, _NONE)
        planned = account.committee_size or params.default_committee_size
        committee = max(planned, counts.identified)
        engaged_coverage = ratio(counts.engaged, committee)
        at_risk = account.target_at(as_of) and (
            engaged_coverage is not None and engaged_coverage < params.coverage_risk_threshold
        )
        rows.append(
            {
                "account": account.name,
                "committee_size": committee,
                "identified": counts.identified,
                "engaged": counts.engaged,
                "identified_coverage": ratio(counts.identified, committee),
                "engaged_coverage": engaged_coverage,
                "engagement_ratio": ratio(counts.engaged, counts.identified),
                "role_coverage": len(counts.engaged_roles & required_roles) / required,
                "at_risk": at_risk,
            }
        )
    return {"accounts": sort_by_name(rows)}
