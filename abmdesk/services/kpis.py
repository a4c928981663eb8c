"""Compute the seven KPIs for a period (SPEC 3) as the JSON object of SPEC 4, or a table.

Decisions where SPEC 3 is silent (copied to the README):

- Period: ``--from`` after ``--to`` is refused. Interactions, stage changes and deals
  dated after T never count (except a deal's later closing, which makes it closed and
  decides whether it is ABM: see Deals).
- Engagement: points are those of ``interaction_types`` when the KPIs are computed.
  ``weekly`` keys are in calendar order; a week only partly inside the period counts
  only its days inside the period; the score and trend windows may reach back before F.
  ``trend`` is tested exactly in whole numbers (10·last4 > 11·prev4 is rising,
  10·last4 < 9·prev4 is falling), so no float rounding can flip it.
  ``engaged_target_accounts_rate`` counts a score > 0 (a negative score, possible only
  with negative points, is not engaged).
- Coverage: an interaction engages the stakeholder it names, counted in that
  stakeholder's account; account-level interactions (no stakeholder) engage nobody.
  A stakeholder with no role, or the role ``other``, adds no required role.
  ``engagement_ratio`` is null for an account with no identified stakeholder
  (committee_size is at least 1, so the coverages are never null).
- Deals: a won or lost deal is closed whatever its closing date; it is ABM when its
  account was a target on d(closed_at), even when that is after T. An open deal is ABM
  when its account is a target at T; a deal created on T is open at T. Durations are
  exact: (end − begin) in seconds ÷ 86400.
- Missing deal amounts: a won deal without an amount counts in ``won_deals``, in the win
  rate and in the cycle time, adds 0 to revenue, and is left out of the mean amounts
  (``avg_won_amount``, ``contract_value.*.average``), which are null when no won deal
  has an amount.
- ``velocity_per_day`` is null when a factor is null or ``avg_cycle_days`` is 0;
  ``cycle_reduction`` and ``uplift`` are null when a side is null or the divisor is 0.
- ``avg_days_in_stage`` lists the five stages for every group; a stage with no finished
  stay ending in the period is null. Stage changes with the same entered_at keep their
  insertion order (the earlier one's stay lasts 0 days). A stay ending at closed_at
  counts even when closed_at is before its stage change (a negative duration: bad data
  is shown, not hidden).
- Conversion: "after the first entry" means later in the deal's stage history ordered by
  entered_at, then insertion order; a backward move is just a stage change (entering an
  earlier stage, or the same one again, never advances). A deal won with
  d(closed_at) ≤ T advanced from every stage it first entered in the period. Sectors are
  trimmed, empty → ``unknown``. ``by_sector`` keys are sorted by name, ``by_size`` keys
  in size-band order (``unknown`` last).
- CLV: ``clv`` = (base + upsell) × retention_years when base_arr > 0 (equal to
  base × years × (1 + upsell_rate), without rounding), else 0: upsell without a ``new``
  contract is worth nothing. ``average.*`` is null when no account has base_arr > 0.
- ROI: the total ``cost`` holds every ``abm`` cost dated in the period, also those of
  accounts that are not targets at T (they appear in no per-account row). Unassigned
  ``abm`` costs are shared equally by the target accounts at T; with none, they are in
  the total only. Staff time with no duration counts 0 minutes; staff cost is
  minutes × staff_hourly_cost ÷ 60. ``roi`` is null when the cost is 0.
- Output: money is euros (cents ÷ 100) whatever the ``currency`` setting, which is
  reported as ``currency``. Account lists are sorted by name in code-point order.
  Added keys (never renamed): ``currency``; engagement ``target_accounts``,
  ``engaged_target_accounts``, per account ``last4``, ``prev4``, ``target``; velocity
  ``won_deals``, ``lost_deals``; roi ``abm_costs``, ``staff_cost``, per account
  ``staff_cost``.
- Consistency: the interaction sums and the other records are read on two connections
  (two snapshots, for speed); a write committed during a refresh shows fully at the
  next one.
"""

from __future__ import annotations

import datetime as dt
import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from queue import Empty, Queue

from sqlalchemy import Engine

from abmdesk import domain
from abmdesk.errors import ValidationError
from abmdesk.kpi.clv import clv
from abmdesk.kpi.contract_value import contract_value
from abmdesk.kpi.conversion import conversion
from abmdesk.kpi.coverage import coverage
from abmdesk.kpi.data import load_records
from abmdesk.kpi.engagement import engagement
from abmdesk.kpi.inputs import KpiInputs, Params, Period
from abmdesk.kpi.roi import roi
from abmdesk.kpi.scan import InteractionScan
from abmdesk.kpi.velocity import velocity
from abmdesk.services.settings import load_settings


def kpis_from_inputs(inputs: KpiInputs, *, currency: str = "EUR") -> dict:
    """The SPEC 4 object from loaded inputs."""
    period = inputs.period
    return {
        "period": {"from": period.start.isoformat(), "to": period.end.isoformat()},
        "currency": currency,
        "engagement": engagement(inputs),
        "coverage": coverage(inputs),
        "velocity": velocity(inputs),
        "conversion": conversion(inputs),
        "contract_value": contract_value(inputs),
        "clv": clv(inputs),
        "roi": roi(inputs),
    }


def _params(engine: Engine) -> tuple[Params, str]:
    settings = load_settings(engine)
    params = Params(
        engagement_window_days=settings.engagement_window_days,
        default_committee_size=settings.default_committee_size,
        default_retention_years=settings.default_retention_years,
        coverage_risk_threshold=settings.coverage_risk_threshold,
        staff_hourly_cost=settings.staff_hourly_cost,
    )
    return params, settings.currency


def _scan_worker(engine: Engine, scan: InteractionScan, statements: list, out: Queue) -> None:
    """Run ``statements`` in order on a connection of its own, queueing their texts."""
    try:
        with engine.connect() as conn, conn.begin():
            con = conn.connection.dbapi_connection
            for statement in statements:
                out.put((statement, scan.execute(con, statement)))  # type: ignore[arg-type]
    except BaseException as exc:  # handed over to the caller's thread
        out.put((None, exc))


@contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while building ~10⁶ acyclic objects (saves ~15 %)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def compute_kpis(engine: Engine, date_from: dt.date, date_to: dt.date) -> dict:
    """The KPIs of SPEC 3 over ``[date_from, date_to]``, as the JSON object of SPEC 4.

    The interaction segments (``abmdesk.kpi.scan``) run in a worker thread on a
    connection of its own: SQLite computes each statement without holding Python's GIL,
    while this thread loads the deals, contracts and costs, computes the KPIs that need
    no interaction, counts the stakeholders, and takes in the worker's results as they
    come. The two connections read two snapshots: a write committed between their
    first reads shows only at the next refresh.
    """
    if date_from > date_to:
        raise ValidationError("the period starts after it ends")
    with _gc_paused():
        return _compute(engine, Period(date_from, date_to))


def _compute(engine: Engine, period: Period) -> dict:
    params, currency = _params(engine)
    scan = InteractionScan(period, params)
    own, *theirs = scan.statements()
    results: Queue = Queue()
    worker = threading.Thread(
        target=_scan_worker, args=(engine, scan, theirs, results), name="kpi-scan", daemon=True
    )
    worker.start()
    pending = len(theirs)

    def take(block: bool) -> None:
        nonlocal pending
        while pending:
            try:
                statement, texts = results.get(block=block)
            except Empty:
                return
            pending -= 1
            if statement is None:
                raise texts
            scan.feed(statement, texts)

    try:
        with engine.connect() as conn, conn.begin():
            con = conn.connection.dbapi_connection
            inputs = load_records(con, period, params)  # type: ignore[arg-type]
            result = {
                "period": {"from": period.start.isoformat(), "to": period.end.isoformat()},
                "currency": currency,
                "engagement": None,
                "coverage": None,
                "velocity": velocity(inputs),
                "conversion": conversion(inputs),
                "contract_value": contract_value(inputs),
                "clv": clv(inputs),
                "roi": None,
            }
            take(block=False)
            scan.feed(own, scan.execute(con, own))  # type: ignore[arg-type]
        take(block=True)
    finally:
        worker.join()
    inputs.engagement, inputs.stakeholders, inputs.minutes = scan.finish()
    result["engagement"] = engagement(inputs)
    result["coverage"] = coverage(inputs)
    result["roi"] = roi(inputs)
    return result


def load_kpi_inputs(engine: Engine, date_from: dt.date, date_to: dt.date) -> tuple[KpiInputs, str]:
    """The inputs ``compute_kpis`` computes from, and the currency (for filtered dashboards).

    ``kpis_from_inputs(inputs)`` on them gives what ``compute_kpis`` gives; the interaction
    scan runs in a worker thread while this one reads the other records.
    """
    if date_from > date_to:
        raise ValidationError("the period starts after it ends")
    period = Period(date_from, date_to)
    with _gc_paused():
        params, currency = _params(engine)
        scan = InteractionScan(period, params)
        own, *theirs = scan.statements()
        results: Queue = Queue()
        worker = threading.Thread(
            target=_scan_worker, args=(engine, scan, theirs, results), name="kpi-scan", daemon=True
        )
        worker.start()
        try:
            with engine.connect() as conn, conn.begin():
                con = conn.connection.dbapi_connection
                inputs = load_records(con, period, params)  # type: ignore[arg-type]
                scan.feed(own, scan.execute(con, own))  # type: ignore[arg-type]
            for _ in theirs:
                statement, texts = results.get()
                if statement is None:
                    raise texts
                scan.feed(statement, texts)
        finally:
            worker.join()
        inputs.engagement, inputs.stakeholders, inputs.minutes = scan.finish()
    return inputs, currency


# --- the terminal table -------------------------------------------------------------

TOP = 20


def _num(x: float | int | None, digits: int = 1) -> str:
    if x is None:
        return "—"
    if isinstance(x, int):
        return f"{x:,}".replace(",", " ")
    return f"{x:,.{digits}f}".replace(",", " ")


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.1f} %"


def _money(x: float | None, currency: str) -> str:
    return "—" if x is None else f"{_num(float(x), 2)} {currency}"


def _table(headers: list[str], rows: list[list[str]], *, right: set[int] | None = None) -> str:
    right = right if right is not None else set(range(1, len(headers)))
    widths = [len(h) for h in headers]
    for row in rows:
        for k, cell in enumerate(row):
            widths[k] = max(widths[k], len(cell))

    def line(cells: list[str]) -> str:
        parts = [
            cell.rjust(widths[k]) if k in right else cell.ljust(widths[k])
            for k, cell in enumerate(cells)
        ]
        return "  ".join(parts).rstrip()

    out = [line(headers), "  ".join("-" * w for w in widths)]
    out.extend(line(r) for r in rows)
    if not rows:
        out.append("(none)")
    return "\n".join(out)


def _top(rows: list[dict], key: str, n: int = TOP) -> tuple[list[dict], int]:
    ranked = sorted(rows, key=lambda r: (-(r[key] or 0), r["account"]))
    return ranked[:n], max(0, len(ranked) - n)


def _more(hidden: int) -> str:
    return f"… {hidden} more\n" if hidden else ""


def format_kpis_table(result: dict) -> str:
    """The figures of ``compute_kpis`` as a readable plain-text report."""
    cur = result.get("currency", "EUR")
    per = result["period"]
    eng, cov, vel = result["engagement"], result["coverage"], result["velocity"]
    conv, cv, life, ret = (
        result["conversion"],
        result["contract_value"],
        result["clv"],
        result["roi"],
    )
    out: list[str] = [f"ABM Desk KPIs, {per['from']} to {per['to']} (as of {per['to']})", ""]

    targets = eng.get("target_accounts")
    at_risk = sum(1 for a in cov["accounts"] if a["at_risk"])
    dormant = sum(1 for a in eng["accounts"] if a["dormant"])
    out.append("1. Engagement")
    out.append(
        f"   Engaged target accounts: {_pct(eng['engaged_target_accounts_rate'])}"
        + (f" of {_num(targets)}" if targets is not None else "")
    )
    out.append(f"   Dormant accounts (30 days): {_num(dormant)} of {_num(len(eng['accounts']))}")
    out.append("")
    out.append("2. Stakeholder coverage")
    out.append(f"   Target accounts at risk: {_num(at_risk)}")
    out.append("")
    out.append("3. Pipeline velocity")
    rows = []
    for g, label in (("abm", "ABM"), ("non_abm", "Non-ABM"), ("all", "All")):
        v = vel[g]
        rows.append(
            [
                label,
                _num(v["open_deals"]),
                _pct(v["win_rate"]),
                _money(v["avg_won_amount"], cur),
                _num(v["avg_cycle_days"]),
                _money(v["velocity_per_day"], cur),
            ]
        )
    out.append(_table(["", "Open", "Win rate", "Avg won", "Cycle (days)", "Velocity / day"], rows))
    out.append(f"Cycle reduction (ABM vs non-ABM): {_pct(vel['cycle_reduction'])}")
    out.append("")
    rows = [
        [domain.STAGE_LABELS[s][1]]
        + [_num(vel[g]["avg_days_in_stage"].get(s)) for g in ("abm", "non_abm", "all")]
        for s in domain.STAGES
    ]
    out.append(_table(["Days in stage", "ABM", "Non-ABM", "All"], rows))
    out.append("")

    out.append("4. Conversion per stage (all deals)")
    rows = [
        [domain.STAGE_LABELS[s][1], _num(c["entered"]), _num(c["advanced"]), _pct(c["rate"])]
        for s in domain.STAGES
        if (c := conv["all"].get(s)) is not None
    ]
    out.append(_table(["Stage", "Entered", "Advanced", "Rate"], rows) if rows else "   no deals")
    out.append("")

    out.append("5. Average contract value")
    rows = [
        [label, _num(cv[g]["won_deals"]), _money(cv[g]["average"], cur)]
        for g, label in (("abm", "ABM"), ("non_abm", "Non-ABM"))
    ]
    out.append(_table(["", "Won deals", "Average"], rows))
    out.append(f"Uplift: {_pct(cv['uplift'])}")
    out.append("")

    out.append("6. Customer lifetime value")
    out.append(f"   Average CLV, ABM accounts: {_money(life['average']['abm'], cur)}")
    out.append(f"   Average CLV, other accounts: {_money(life['average']['non_abm'], cur)}")
    out.append("")

    out.append("7. ROI of the ABM programme")
    out.append(f"   Revenue: {_money(ret['revenue'], cur)}")
    out.append(f"   Cost: {_money(ret['cost'], cur)}")
    if ret.get("staff_cost"):
        out.append(f"     of which staff time: {_money(ret['staff_cost'], cur)}")
    out.append(f"   ROI: {_pct(ret['roi'])}")
    out.append("")

    text = "\n".join(out) + "\n"

    top, hidden = _top(eng["accounts"], "score")
    text += f"\nEngagement by account (top {TOP} by score)\n"
    text += _table(
        ["Account", "Score", "Last 4 wk", "Prev 4 wk", "Trend", "Dormant"],
        [
            [
                a["account"],
                _num(a["score"]),
                _num(a.get("last4")),
                _num(a.get("prev4")),
                a["trend"],
                "yes" if a["dormant"] else "no",
            ]
            for a in top
        ],
        right={1, 2, 3},
    )
    text += "\n" + _more(hidden)

    risky = [a for a in cov["accounts"] if a["at_risk"]]
    shown = risky[:TOP]
    text += f"\nTarget accounts at risk (engaged coverage below threshold, first {TOP})\n"
    text += _table(
        ["Account", "Committee", "Identified", "Engaged", "Engaged cov.", "Roles"],
        [
            [
                a["account"],
                _num(a["committee_size"]),
                _num(a["identified"]),
                _num(a["engaged"]),
                _pct(a["engaged_coverage"]),
                _pct(a["role_coverage"]),
            ]
            for a in shown
        ],
    )
    text += "\n" + _more(len(risky) - len(shown))

    top, hidden = _top(life["accounts"], "clv")
    text += f"\nCustomer lifetime value by account (top {TOP})\n"
    text += _table(
        ["Account", "Base ARR", "Upsell", "Years", "CLV"],
        [
            [
                a["account"],
                _money(a["base_arr"], cur),
                _pct(a["upsell_rate"]),
                _num(a["retention_years"]),
                _money(a["clv"], cur),
            ]
            for a in top
        ],
    )
    text += "\n" + _more(hidden)

    top, hidden = _top(ret["accounts"], "revenue")
    text += f"\nROI by target account (top {TOP} by revenue)\n"
    text += _table(
        ["Account", "Revenue", "Cost", "ROI"],
        [
            [a["account"], _money(a["revenue"], cur), _money(a["cost"], cur), _pct(a["roi"])]
            for a in top
        ],
    )
    text += "\n" + _more(hidden)
    return text
