"""The data of the board report: the KPIs of a period and of the one before, and a few
small read queries (stalled deals, the top target accounts, their buying committees).

No Qt here: ``abmdesk.reports.board`` turns this into the PDF. Every figure of the
report comes either from :func:`abmdesk.services.kpis.compute_kpis` (the object that
``kpis --json`` prints for the same period) or from the queries below.

The "next step" of a top target account follows the first rule that applies:

1. an open deal in the negotiation stage → close the negotiation;
2. a required role (decision maker, sponsor, influencer, end user) that no identified
   stakeholder holds (an empty seat does not count) → identify that role;
3. no meeting (interaction of type ``meeting``) in the 30 days ending at T → plan a
   meeting;
4. the account is at risk on coverage (SPEC 3.2) → engage more of the committee;
5. an open deal in the proposal stage → follow up the proposal;
6. otherwise → keep the relationship going.
"""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Engine, and_, func, literal_column, select

from abmdesk import domain
from abmdesk.db.engine import read_session
from abmdesk.db.models import Account, Deal, Interaction, InteractionType, StageChange, Stakeholder
from abmdesk.errors import ValidationError
from abmdesk.services.kpis import compute_kpis
from abmdesk.services.settings import Settings, load_settings
from abmdesk.services.stakeholders import org_chart

#: How many top target accounts the report lists, and how many org charts it draws.
TOP_ACCOUNTS = 10
ORG_CHARTS = 4
#: How many won deals are listed.
WON_DEALS = 10
#: How many stalled deals are listed.
STALLED_DEALS = 10
#: An open deal is counted as stalled after this many days in its current stage.
STALLED_AFTER_DAYS = 30
#: "No meeting in the last N days" of the next-step rule.
MEETING_DAYS = 30

Progress = Callable[[float], None]

NEXT_STEPS = (
    "close_negotiation",
    "identify_role",
    "plan_meeting",
    "widen_committee",
    "follow_up_proposal",
    "keep_warm",
)


@dataclass(frozen=True)
class StalledDeal:
    """An open deal at T with the time it has spent in its current stage."""

    account: str
    deal: str
    stage: str | None
    entered_at: dt.datetime | None
    days_in_stage: float
    amount: float | None
    is_target: bool


@dataclass(frozen=True)
class WonDeal:
    """A deal won and closed in the period (SPEC 3.5's won deals)."""

    account: str
    deal: str
    amount: float | None
    closed_at: dt.datetime
    abm: bool  # the account was a target on d(closed_at)


@dataclass(frozen=True)
class TopAccount:
    name: str
    sector: str | None
    tier: str | None
    owner: str | None
    score: int
    trend: str
    identified_coverage: float | None
    engaged_coverage: float | None
    role_coverage: float
    at_risk: bool
    open_deals: int
    open_pipeline: float
    last_meeting: dt.date | None
    next_step: str  # one of NEXT_STEPS
    next_step_detail: str | None = None  # the role to identify, the deal to close


@dataclass(frozen=True)
class OrgPerson:
    id: uuid.UUID
    name: str
    title: str | None
    role: str | None
    manager_id: uuid.UUID | None
    placeholder: bool
    engaged: bool
    points: int


@dataclass(frozen=True)
class OrgAccount:
    name: str
    people: tuple[OrgPerson, ...]
    #: Required roles nobody holds, not even an empty seat (drawn as virtual seats).
    missing_roles: tuple[str, ...]
    engaged_coverage: float | None
    role_coverage: float
    at_risk: bool


@dataclass(frozen=True)
class BoardData:
    date_from: dt.date
    date_to: dt.date
    previous_from: dt.date
    previous_to: dt.date
    issued: dt.date
    company_name: str
    settings: Settings
    kpis: dict
    previous_kpis: dict
    stalled_deals: tuple[StalledDeal, ...]
    open_deals_at_t: int
    #: Open deals at T in the same stage for more than STALLED_AFTER_DAYS days.
    stalled_count: int
    top_accounts: tuple[TopAccount, ...]
    org_charts: tuple[OrgAccount, ...]
    #: The largest deals won in the period (by amount), and how many were won.
    won_deals: tuple[WonDeal, ...] = ()
    won_count: int = 0
    interaction_labels: dict[str, str] = field(default_factory=dict)


def previous_period(date_from: dt.date, date_to: dt.date) -> tuple[dt.date, dt.date]:
    """The period of the same length that ends the day before ``date_from``."""
    length = (date_to - date_from).days + 1
    end = date_from - dt.timedelta(days=1)
    return end - dt.timedelta(days=length - 1), end


def next_step(
    *,
    negotiation_deal: str | None,
    missing_role: str | None,
    last_meeting: dt.date | None,
    as_of: dt.date,
    at_risk: bool,
    proposal_deal: str | None,
) -> tuple[str, str | None]:
    """The next step rule of the module docstring: (key, detail)."""
    if negotiation_deal is not None:
        return "close_negotiation", negotiation_deal
    if missing_role is not None:
        return "identify_role", missing_role
    if last_meeting is None or (as_of - last_meeting).days >= MEETING_DAYS:
        return "plan_meeting", None
    if at_risk:
        return "widen_committee", None
    if proposal_deal is not None:
        return "follow_up_proposal", proposal_deal
    return "keep_warm", None


def _compute_both(
    engine: Engine, date_from: dt.date, date_to: dt.date, prev: tuple[dt.date, dt.date]
) -> tuple[dict, dict]:
    """Both periods' KPIs; the previous one in a thread (SQLite works without the GIL)."""
    box: dict[str, object] = {}

    def previous() -> None:
        try:
            box["value"] = compute_kpis(engine, prev[0], prev[1])
        except BaseException as exc:  # re-raised on the caller's thread
            box["error"] = exc

    worker = threading.Thread(target=previous, name="report-previous-kpis", daemon=True)
    worker.start()
    try:
        current = compute_kpis(engine, date_from, date_to)
    finally:
        worker.join()
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return current, box["value"]  # type: ignore[return-value]


def _open_deals(engine: Engine, as_of: dt.date) -> list[tuple]:
    """Open deals at T (SPEC 3.3) with their account and last stage change on or before T:
    (account id, account name, is_target, target_since, deal name, amount cents,
    stage, entered_at)."""
    stop_at = dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time())
    open_at_t = and_(
        Deal.opened_at < stop_at,
        ~and_(Deal.status.in_(("won", "lost")), Deal.closed_at < stop_at),
    )
    with read_session(engine) as session:
        deals = session.execute(
            select(
                Deal.id,
                Account.id,
                Account.name,
                Account.is_target,
                Account.target_since,
                Deal.name,
                Deal.amount_cents,
            )
            .join(Account, Account.id == Deal.account_id)
            .where(open_at_t)
        ).all()
        ids = {row[0] for row in deals}
        last: dict[uuid.UUID, tuple[str, dt.datetime]] = {}
        changes = session.execute(
            select(StageChange.deal_id, StageChange.stage, StageChange.entered_at)
            .join(Deal, Deal.id == StageChange.deal_id)
            .where(open_at_t, StageChange.entered_at < stop_at)
            .order_by(
                StageChange.deal_id,
                StageChange.entered_at,
                literal_column("stage_changes.rowid"),
            )
        ).all()
    # Rows come in entered_at order per deal, ties in insertion order (as the KPIs
    # read them): the last one is the current stage.
    for deal_id, stage, entered_at in changes:
        if deal_id in ids:
            last[deal_id] = (stage, entered_at)
    out = []
    for deal_id, account_id, account, is_target, since, name, cents in deals:
        stage, entered_at = last.get(deal_id, (None, None))
        out.append((account_id, account, is_target, since, name, cents, stage, entered_at))
    return out


def _stalled(rows: list[tuple], as_of: dt.date) -> list[StalledDeal]:
    end = dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time())
    out = []
    for _aid, account, is_target, since, name, cents, stage, entered_at in rows:
        if entered_at is None:
            continue
        out.append(
            StalledDeal(
                account=account,
                deal=name,
                stage=stage,
                entered_at=entered_at,
                days_in_stage=(end - entered_at).total_seconds() / 86400,
                amount=None if cents is None else cents / 100,
                is_target=domain.is_target_at(bool(is_target), since, as_of),
            )
        )
    out.sort(key=lambda d: (-d.days_in_stage, d.account, d.deal))
    return out


def _top_accounts(
    engine: Engine, kpis: dict, open_rows: list[tuple], as_of: dt.date, n: int
) -> tuple[list[TopAccount], dict[str, uuid.UUID]]:
    targets = [a for a in kpis["engagement"]["accounts"] if a.get("target")]
    targets.sort(key=lambda a: (-(a["score"] or 0), a["account"]))
    chosen = targets[:n]
    names = [a["account"] for a in chosen]
    coverage = {a["account"]: a for a in kpis["coverage"]["accounts"]}
    with read_session(engine) as session:
        accounts = {
            row[1]: row
            for row in session.execute(
                select(Account.id, Account.name, Account.sector, Account.tier, Account.owner).where(
                    Account.name.in_(names)
                )
            )
        }
        ids = [row[0] for row in accounts.values()]
        roles: dict[uuid.UUID, set[str]] = {}
        for account_id, role in session.execute(
            select(Stakeholder.account_id, Stakeholder.role).where(
                Stakeholder.account_id.in_(ids),
                Stakeholder.placeholder.is_(False),
                Stakeholder.role.is_not(None),
            )
        ):
            roles.setdefault(account_id, set()).add(role)
        stop_at = dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time())
        meetings = dict(
            session.execute(
                select(Interaction.account_id, func.max(Interaction.occurred_at))
                .where(
                    Interaction.account_id.in_(ids),
                    Interaction.type_key == "meeting",
                    Interaction.occurred_at < stop_at,
                )
                .group_by(Interaction.account_id)
            ).all()
        )
    deals_by_account: dict[uuid.UUID, list[tuple]] = {}
    for row in open_rows:
        deals_by_account.setdefault(row[0], []).append(row)
    out = []
    for a in chosen:
        account_id, name, sector, tier, owner = accounts[a["account"]]
        cov = coverage.get(name, {})
        deals = deals_by_account.get(account_id, [])
        pipeline = sum((row[5] or 0) for row in deals) / 100
        in_stage = {
            stage: sorted(row[4] for row in deals if row[6] == stage)
            for stage in ("negotiation", "proposal")
        }
        held = roles.get(account_id, set())
        missing = next((r for r in domain.REQUIRED_ROLES if r not in held), None)
        met = meetings.get(account_id)
        if isinstance(met, str):
            met = dt.datetime.fromisoformat(met)
        last_meeting = met.date() if met is not None else None
        step, detail = next_step(
            negotiation_deal=(in_stage["negotiation"] or [None])[0],
            missing_role=missing,
            last_meeting=last_meeting,
            as_of=as_of,
            at_risk=bool(cov.get("at_risk")),
            proposal_deal=(in_stage["proposal"] or [None])[0],
        )
        out.append(
            TopAccount(
                name=name,
                sector=sector,
                tier=tier,
                owner=owner,
                score=a["score"] or 0,
                trend=a["trend"],
                identified_coverage=cov.get("identified_coverage"),
                engaged_coverage=cov.get("engaged_coverage"),
                role_coverage=cov.get("role_coverage") or 0.0,
                at_risk=bool(cov.get("at_risk")),
                open_deals=len(deals),
                open_pipeline=pipeline,
                last_meeting=last_meeting,
                next_step=step,
                next_step_detail=detail,
            )
        )
    return out, {name: row[0] for name, row in accounts.items()}


def _org_charts(
    engine: Engine, names: list[str], ids: dict[str, uuid.UUID], as_of: dt.date, window: int
) -> list[OrgAccount]:
    account_ids = [ids[n] for n in names if n in ids]
    first_day = domain.day_number(as_of) - window + 1
    last_day = domain.day_number(as_of)
    with read_session(engine) as session:
        points = dict(
            session.execute(
                select(Interaction.stakeholder_id, func.sum(InteractionType.points))
                .join(InteractionType, InteractionType.key == Interaction.type_key)
                .where(
                    Interaction.account_id.in_(account_ids),
                    Interaction.stakeholder_id.is_not(None),
                    Interaction.day >= first_day,
                    Interaction.day <= last_day,
                )
                .group_by(Interaction.stakeholder_id)
            ).all()
        )
    out = []
    for name in names:
        if name not in ids:
            continue
        chart = org_chart(engine, ids[name], as_of)
        people = tuple(
            OrgPerson(
                id=p.id,
                name=p.full_name,
                title=p.title,
                role=p.role,
                manager_id=p.manager_id,
                placeholder=p.placeholder,
                engaged=p.engaged,
                points=0 if p.placeholder else max(0, int(points.get(p.id) or 0)),
            )
            for p in chart.people
        )
        figures = chart.figures
        out.append(
            OrgAccount(
                name=chart.account_name,
                people=people,
                missing_roles=chart.missing_roles,
                engaged_coverage=figures.engaged_coverage,
                role_coverage=figures.role_coverage,
                at_risk=figures.at_risk,
            )
        )
    return out


def _won_deals(engine: Engine, date_from: dt.date, date_to: dt.date) -> list[WonDeal]:
    start = dt.datetime.combine(date_from, dt.time())
    stop = dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time())
    with read_session(engine) as session:
        rows = session.execute(
            select(
                Account.name,
                Account.is_target,
                Account.target_since,
                Deal.name,
                Deal.amount_cents,
                Deal.closed_at,
            )
            .join(Account, Account.id == Deal.account_id)
            .where(Deal.status == "won", Deal.closed_at >= start, Deal.closed_at < stop)
        ).all()
    deals = [
        WonDeal(
            account=account,
            deal=name,
            amount=None if cents is None else cents / 100,
            closed_at=closed,
            abm=domain.is_target_at(bool(is_target), since, closed.date()),
        )
        for account, is_target, since, name, cents, closed in rows
    ]
    deals.sort(key=lambda d: (-(d.amount or 0), d.closed_at, d.account, d.deal))
    return deals


def _interaction_labels(engine: Engine) -> dict[str, str]:
    with read_session(engine) as session:
        return {
            key: label or key
            for key, label in session.execute(select(InteractionType.key, InteractionType.label))
        }


def board_report_data(
    engine: Engine,
    date_from: dt.date,
    date_to: dt.date,
    *,
    progress: Progress | None = None,
    issued: dt.date | None = None,
    top_accounts: int = TOP_ACCOUNTS,
    org_charts: int = ORG_CHARTS,
) -> BoardData:
    """Everything the board report shows for ``[date_from, date_to]``.

    ``progress(fraction)`` is called as the work advances; it may raise to stop.
    """
    if date_from > date_to:
        raise ValidationError("the period starts after it ends")
    report = progress or (lambda _f: None)
    report(0.0)
    settings = load_settings(engine)
    prev = previous_period(date_from, date_to)
    kpis, previous_kpis = _compute_both(engine, date_from, date_to, prev)
    report(0.6)
    open_rows = _open_deals(engine, date_to)
    stalled = _stalled(open_rows, date_to)
    report(0.65)
    top, ids = _top_accounts(engine, kpis, open_rows, date_to, top_accounts)
    report(0.7)
    charts = _org_charts(
        engine,
        [a.name for a in top[:org_charts]],
        ids,
        date_to,
        settings.engagement_window_days,
    )
    won = _won_deals(engine, date_from, date_to)
    report(0.75)
    return BoardData(
        date_from=date_from,
        date_to=date_to,
        previous_from=prev[0],
        previous_to=prev[1],
        issued=issued or dt.date.today(),
        company_name=settings.company_name,
        settings=settings,
        kpis=kpis,
        previous_kpis=previous_kpis,
        stalled_deals=tuple(stalled[:STALLED_DEALS]),
        open_deals_at_t=len(open_rows),
        stalled_count=sum(1 for d in stalled if d.days_in_stage > STALLED_AFTER_DAYS),
        top_accounts=tuple(top),
        org_charts=tuple(charts),
        interaction_labels=_interaction_labels(engine),
        won_deals=tuple(won[:WON_DEALS]),
        won_count=len(won),
    )
