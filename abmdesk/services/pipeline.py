"""The pipeline: deals and their stage changes, closing (won/lost) with the contract,
contracts, and the costs list.

Money is integer cents everywhere in this module (``amount_cents``,
``annual_value_cents``): exact, as stored; the GUI converts to and from the amounts it
shows. Date-times are naive local time to the second. Every write is one transaction
and returns plain dataclasses holding what its undo needs; ids can be given so that a
redo recreates the same rows.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, func, insert, or_, select
from sqlalchemy.orm import Session

from abmdesk import domain
from abmdesk.db.engine import read_session, write_session
from abmdesk.db.models import Account, Contract, Cost, Deal, StageChange
from abmdesk.errors import ValidationError
from abmdesk.services.accounts import FieldError
from abmdesk.services.records import DealRecord, deals_by_ids, sort_text

#: Amounts above this (10 billion euros) are typing mistakes.
MAX_CENTS = 10**12


def now() -> dt.datetime:
    """Local time to the second (what a drop on the board records)."""
    return dt.datetime.now().replace(microsecond=0)


def _local(value: dt.datetime | dt.date) -> dt.datetime:
    if not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time(12, 0))
    if value.tzinfo is not None:
        value = value.astimezone().replace(tzinfo=None)
    return value.replace(microsecond=0)


def _text(value: str | None) -> str | None:
    value = " ".join((value or "").split())
    return value or None


def _cents(field_name: str, value: int | None, *, required: bool = False) -> int | None:
    if value is None:
        if required:
            raise FieldError(field_name, "required", f"{field_name}: an amount is needed")
        return None
    value = int(value)
    if value < 0:
        raise FieldError(field_name, "negative", f"{field_name}: must not be negative")
    if value > MAX_CENTS:
        raise FieldError(field_name, "invalid", f"{field_name}: the amount is too large")
    return value


# --- deals ----------------------------------------------------------------------------


@dataclass(frozen=True)
class DealInput:
    account_id: uuid.UUID
    name: str
    created_at: dt.datetime
    amount_cents: int | None = None
    owner: str | None = None


@dataclass(frozen=True)
class DealEdit:
    before: DealRecord
    after: DealRecord


@dataclass(frozen=True)
class DealSnapshot:
    """A deleted deal and its stage changes, column values as stored."""

    deal: DealRecord
    row: dict[str, Any]
    stage_changes: list[dict[str, Any]]


def _deal(engine: Engine, deal_id: uuid.UUID) -> DealRecord:
    record = deals_by_ids(engine, [deal_id]).get(deal_id)
    if record is None:
        raise FieldError("id", "not_found", "deal: no such deal")
    return record


def get_deal(engine: Engine, deal_id: uuid.UUID) -> DealRecord | None:
    return deals_by_ids(engine, [deal_id]).get(deal_id)


def _check_deal(session: Session, data: DealInput, own_id: uuid.UUID | None) -> DealInput:
    name = _text(data.name)
    if not name:
        raise FieldError("name", "required", "name: a deal needs a name")
    account = session.get(Account, data.account_id)
    if account is None:
        raise FieldError("account_id", "required", "account: no such account")
    wanted = sort_text(name)
    for other_id, other in session.execute(
        select(Deal.id, Deal.name).where(Deal.account_id == data.account_id)
    ):
        if other_id != own_id and sort_text(other) == wanted:
            raise FieldError(
                "name",
                "duplicate",
                f"name: {account.name} already has a deal named '{other}'",
                other,
            )
    return DealInput(
        account_id=data.account_id,
        name=name,
        created_at=_local(data.created_at),
        amount_cents=_cents("amount_cents", data.amount_cents),
        owner=_text(data.owner),
    )


def create_deal(
    engine: Engine,
    data: DealInput,
    *,
    deal_id: uuid.UUID | None = None,
    stage: str | None = "discovery",
) -> DealRecord:
    """A new open deal; it enters ``stage`` (None: no stage yet) when it is created."""
    if stage is not None and stage not in domain.STAGES:
        raise FieldError("stage", "unknown", f"stage: unknown stage '{stage}'")
    deal_id = deal_id or uuid.uuid4()
    with write_session(engine) as session:
        data = _check_deal(session, data, None)
        session.add(
            Deal(
                id=deal_id,
                account_id=data.account_id,
                name=data.name,
                opened_at=data.created_at,
                amount_cents=data.amount_cents,
                status="open",
                owner=data.owner,
            )
        )
        session.flush()
        if stage is not None:
            session.add(
                StageChange(
                    id=uuid.uuid5(deal_id, "created"),
                    deal_id=deal_id,
                    stage=stage,
                    entered_at=data.created_at,
                )
            )
    return _deal(engine, deal_id)


def update_deal(engine: Engine, deal_id: uuid.UUID, data: DealInput) -> DealEdit:
    """Change a deal's account, name, opening date, amount or owner (not its status)."""
    before = _deal(engine, deal_id)
    with write_session(engine) as session:
        deal = session.get(Deal, deal_id)
        if deal is None:
            raise FieldError("id", "not_found", "deal: no such deal")
        data = _check_deal(session, data, deal_id)
        if deal.closed_at is not None and data.created_at > deal.closed_at:
            raise FieldError("created_at", "invalid", "created: a deal cannot open after it closed")
        deal.account_id = data.account_id
        deal.name = data.name
        deal.opened_at = data.created_at
        deal.amount_cents = data.amount_cents
        deal.owner = data.owner
    return DealEdit(before=before, after=_deal(engine, deal_id))


def deal_input(record: DealRecord) -> DealInput:
    """The editable fields of a deal record (what undoing an edit writes back)."""
    return DealInput(
        account_id=record.account_id,
        name=record.name,
        created_at=record.created_at,
        amount_cents=record.amount_cents,
        owner=record.owner,
    )


def _columns(model: Any) -> list[Any]:
    return [c for c in model.__table__.columns if c.computed is None]


def _rows(session: Session, model: Any, where: Any) -> list[dict[str, Any]]:
    cols = _columns(model)
    return [
        dict(zip([c.key for c in cols], row, strict=True))
        for row in session.execute(select(*cols).where(where))
    ]


def delete_deal(engine: Engine, deal_id: uuid.UUID) -> DealSnapshot:
    record = _deal(engine, deal_id)
    with write_session(engine) as session:
        rows = _rows(session, Deal, Deal.id == deal_id)
        if not rows:
            raise FieldError("id", "not_found", "deal: no such deal")
        changes = _rows(session, StageChange, StageChange.deal_id == deal_id)
        session.execute(Deal.__table__.delete().where(Deal.__table__.c.id == deal_id))
    return DealSnapshot(deal=record, row=rows[0], stage_changes=changes)


def restore_deal(engine: Engine, snapshot: DealSnapshot) -> DealRecord:
    with write_session(engine) as session:
        if session.get(Account, snapshot.row["account_id"]) is None:
            raise FieldError("account_id", "not_found", "deal: its account is gone")
        session.execute(insert(Deal.__table__), [snapshot.row])
        if snapshot.stage_changes:
            session.execute(insert(StageChange.__table__), snapshot.stage_changes)
    return _deal(engine, snapshot.deal.id)


# --- stages ---------------------------------------------------------------------------


@dataclass(frozen=True)
class StageMove:
    """A stage change recorded by a move (undo deletes ``stage_change_id``)."""

    deal_id: uuid.UUID
    stage_change_id: uuid.UUID
    stage: str
    entered_at: dt.datetime
    previous_stage: str | None


def _current_stage(session: Session, deal_id: uuid.UUID) -> str | None:
    return session.execute(
        select(StageChange.stage)
        .where(StageChange.deal_id == deal_id)
        .order_by(StageChange.entered_at.desc(), StageChange.id.desc())
        .limit(1)
    ).scalar()


def move_deal_to_stage(
    engine: Engine,
    deal_id: uuid.UUID,
    stage: str,
    at: dt.datetime | None = None,
    *,
    stage_change_id: uuid.UUID | None = None,
) -> StageMove:
    """Record that an open deal entered ``stage`` at ``at`` (default: now)."""
    if stage not in domain.STAGES:
        raise FieldError("stage", "unknown", f"stage: unknown stage '{stage}'")
    when = _local(at) if at is not None else now()
    with write_session(engine) as session:
        deal = session.get(Deal, deal_id)
        if deal is None:
            raise FieldError("id", "not_found", "deal: no such deal")
        if deal.status != "open":
            raise FieldError("status", "closed", f"deal: '{deal.name}' is {deal.status}")
        latest = session.execute(
            select(StageChange.stage, StageChange.entered_at)
            .where(StageChange.deal_id == deal_id)
            .order_by(StageChange.entered_at.desc(), StageChange.id.desc())
            .limit(1)
        ).first()
        previous = latest[0] if latest else None
        if previous == stage:
            raise FieldError("stage", "same_stage", f"deal: '{deal.name}' is already at {stage}")
        if latest is not None and when < latest[1]:
            raise FieldError(
                "entered_at", "invalid", "stage: before the deal's latest stage change"
            )
        change = StageChange(
            id=stage_change_id or uuid.uuid4(), deal_id=deal_id, stage=stage, entered_at=when
        )
        session.add(change)
        session.flush()
        return StageMove(
            deal_id=deal_id,
            stage_change_id=change.id,
            stage=stage,
            entered_at=when,
            previous_stage=previous,
        )


def delete_stage_change(engine: Engine, stage_change_id: uuid.UUID) -> None:
    with write_session(engine) as session:
        change = session.get(StageChange, stage_change_id)
        if change is None:
            raise FieldError("id", "not_found", "stage change: no such stage change")
        session.delete(change)


# --- contracts ------------------------------------------------------------------------


@dataclass(frozen=True)
class ContractInput:
    account_id: uuid.UUID
    kind: str
    annual_value_cents: int
    start_date: dt.date
    end_date: dt.date | None = None


@dataclass(frozen=True)
class ContractRecord:
    id: uuid.UUID
    account_id: uuid.UUID
    account_name: str
    kind: str
    annual_value_cents: int
    start_date: dt.date
    end_date: dt.date | None


def _contract_row(session: Session, data: ContractInput, contract_id: uuid.UUID) -> Contract:
    if data.kind not in domain.CONTRACT_KINDS:
        raise FieldError("kind", "unknown", f"kind: unknown contract kind '{data.kind}'")
    value = _cents("annual_value_cents", data.annual_value_cents, required=True)
    if data.end_date is not None and data.end_date < data.start_date:
        raise FieldError("end_date", "invalid", "end date: before the start date")
    if session.get(Account, data.account_id) is None:
        raise FieldError("account_id", "required", "account: no such account")
    return Contract(
        id=contract_id,
        account_id=data.account_id,
        kind=data.kind,
        annual_value_cents=value,
        start_date=data.start_date,
        end_date=data.end_date,
    )


def _contract_record(session: Session, c: Contract) -> ContractRecord:
    name = session.execute(select(Account.name).where(Account.id == c.account_id)).scalar_one()
    return ContractRecord(
        id=c.id,
        account_id=c.account_id,
        account_name=name,
        kind=c.kind,
        annual_value_cents=c.annual_value_cents,
        start_date=c.start_date,
        end_date=c.end_date,
    )


def create_contract(
    engine: Engine, data: ContractInput, *, contract_id: uuid.UUID | None = None
) -> ContractRecord:
    with write_session(engine) as session:
        row = _contract_row(session, data, contract_id or uuid.uuid4())
        session.add(row)
        session.flush()
        return _contract_record(session, row)


def delete_contract(engine: Engine, contract_id: uuid.UUID) -> ContractRecord:
    with write_session(engine) as session:
        row = session.get(Contract, contract_id)
        if row is None:
            raise FieldError("id", "not_found", "contract: no such contract")
        record = _contract_record(session, row)
        session.delete(row)
        return record


def default_contract_kind(engine: Engine, account_id: uuid.UUID, on: dt.date) -> str:
    """``upsell`` when the account already has an active ``new`` contract on ``on``."""
    query = select(func.count()).where(
        Contract.account_id == account_id,
        Contract.kind == "new",
        Contract.start_date <= on,
        or_(Contract.end_date.is_(None), Contract.end_date > on),
    )
    with read_session(engine) as session:
        return "upsell" if session.execute(query).scalar_one() else "new"


# --- closing --------------------------------------------------------------------------


@dataclass(frozen=True)
class DealClosing:
    """A deal won or lost (undo: ``reopen_deal``), and the contract made with a win."""

    before: DealRecord
    after: DealRecord
    contract: ContractRecord | None


def _closing_moment(value: dt.datetime | dt.date, opened_at: dt.datetime) -> dt.datetime:
    """A closing date-time; a plain date means now (today), else noon, never before the
    opening on the same day."""
    if isinstance(value, dt.datetime):
        return _local(value)
    at = now() if value == dt.date.today() else dt.datetime.combine(value, dt.time(12, 0))
    if value == opened_at.date() and at < opened_at:
        at = opened_at
    return at


def close_deal(
    engine: Engine,
    deal_id: uuid.UUID,
    status: str,
    closed_at: dt.datetime | dt.date,
    amount_cents: int | None,
    contract: ContractInput | None = None,
    *,
    contract_id: uuid.UUID | None = None,
) -> DealClosing:
    """Mark an open deal won or lost on ``closed_at`` with its final amount; a win may
    create the contract in the same transaction."""
    if status not in ("won", "lost"):
        raise FieldError("status", "unknown", f"status: '{status}' does not close a deal")
    if contract is not None and status != "won":
        raise FieldError("status", "invalid", "contract: only a won deal makes a contract")
    amount = _cents("amount_cents", amount_cents)
    before = _deal(engine, deal_id)
    with write_session(engine) as session:
        deal = session.get(Deal, deal_id)
        if deal is None:
            raise FieldError("id", "not_found", "deal: no such deal")
        if deal.status != "open":
            raise FieldError("status", "closed", f"deal: '{deal.name}' is {deal.status}")
        when = _closing_moment(closed_at, deal.opened_at)
        if when < deal.opened_at:
            raise FieldError("closed_at", "before_open", "closed: before the deal was opened")
        deal.status = status
        deal.closed_at = when
        deal.amount_cents = amount
        made = None
        if contract is not None:
            row = _contract_row(session, contract, contract_id or uuid.uuid4())
            session.add(row)
            session.flush()
            made = _contract_record(session, row)
    return DealClosing(before=before, after=_deal(engine, deal_id), contract=made)


def reopen_deal(engine: Engine, closing: DealClosing) -> DealRecord:
    """Undo ``close_deal``: the deal open again with its amount, the contract gone."""
    before = closing.before
    with write_session(engine) as session:
        deal = session.get(Deal, before.id)
        if deal is None:
            raise FieldError("id", "not_found", "deal: no such deal")
        if closing.contract is not None:
            row = session.get(Contract, closing.contract.id)
            if row is not None:
                session.delete(row)
        deal.status = before.status
        deal.closed_at = before.closed_at
        deal.amount_cents = before.amount_cents
    return _deal(engine, before.id)


# --- the board ------------------------------------------------------------------------


@dataclass(frozen=True)
class BoardDeal:
    """An open deal as a card: its current stage (None: none yet) since when."""

    id: uuid.UUID
    account_id: uuid.UUID
    account_name: str
    name: str
    amount_cents: int | None
    owner: str | None
    created_at: dt.datetime
    stage: str | None
    stage_since: dt.datetime

    def days_in_stage(self, at: dt.datetime | None = None) -> int:
        return max(0, ((at or now()) - self.stage_since).days)


def board_deals(engine: Engine, search: str = "") -> list[BoardDeal]:
    """Every open deal with its current stage, largest amounts first within a stage."""

    def latest(column: Any) -> Any:
        # The deal's latest stage change, through ix_stage_changes_deal_entered.
        return (
            select(column)
            .where(StageChange.deal_id == Deal.id)
            .order_by(StageChange.entered_at.desc(), StageChange.id.desc())
            .limit(1)
            .correlate(Deal)
            .scalar_subquery()
        )

    query = (
        select(
            Deal.id,
            Deal.account_id,
            Account.name,
            Deal.name,
            Deal.amount_cents,
            Deal.owner,
            Deal.opened_at,
            latest(StageChange.stage),
            latest(StageChange.entered_at),
        )
        .join(Account, Account.id == Deal.account_id)
        .where(Deal.status == "open")
    )
    search = search.strip()
    if search:
        pattern = "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = query.where(
            or_(Deal.name.like(pattern, escape="\\"), Account.name.like(pattern, escape="\\"))
        )
    with read_session(engine) as session:
        rows = session.execute(query).all()
    deals = [
        BoardDeal(
            id=r[0],
            account_id=r[1],
            account_name=r[2],
            name=r[3],
            amount_cents=r[4],
            owner=r[5],
            created_at=r[6],
            stage=r[7],
            stage_since=r[8] or r[6],
        )
        for r in rows
    ]
    deals.sort(key=lambda d: (-(d.amount_cents or 0), sort_text(d.account_name), d.name))
    return deals


# --- costs ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CostInput:
    date: dt.date
    amount_cents: int
    program: str = "abm"
    category: str | None = None
    account_id: uuid.UUID | None = None
    description: str | None = None


@dataclass(frozen=True)
class CostRecord:
    id: uuid.UUID
    date: dt.date
    amount_cents: int
    program: str
    category: str | None
    account_id: uuid.UUID | None
    account_name: str | None
    description: str | None


@dataclass(frozen=True)
class CostEdit:
    before: CostRecord
    after: CostRecord


@dataclass(frozen=True)
class CostSummary:
    count: int
    total_cents: int
    abm_cents: int


def cost_input(record: CostRecord) -> CostInput:
    return CostInput(
        date=record.date,
        amount_cents=record.amount_cents,
        program=record.program,
        category=record.category,
        account_id=record.account_id,
        description=record.description,
    )


def _check_cost(session: Session, data: CostInput) -> CostInput:
    if not isinstance(data.date, dt.date):
        raise FieldError("date", "required", "date: a cost needs a date")
    amount = _cents("amount_cents", data.amount_cents, required=True)
    if data.program not in domain.COST_PROGRAMS:
        raise FieldError("program", "unknown", f"program: unknown program '{data.program}'")
    category = data.category or None
    if category is not None and category not in domain.COST_CATEGORIES:
        raise FieldError("category", "unknown", f"category: unknown category '{category}'")
    if data.account_id is not None and session.get(Account, data.account_id) is None:
        raise FieldError("account_id", "not_found", "account: no such account")
    description = (data.description or "").strip() or None
    return CostInput(
        date=data.date,
        amount_cents=amount,  # type: ignore[arg-type]
        program=data.program,
        category=category,
        account_id=data.account_id,
        description=description,
    )


def _cost_record(session: Session, c: Cost) -> CostRecord:
    name = None
    if c.account_id is not None:
        name = session.execute(select(Account.name).where(Account.id == c.account_id)).scalar()
    return CostRecord(
        id=c.id,
        date=c.date,
        amount_cents=c.amount_cents,
        program=c.program,
        category=c.category,
        account_id=c.account_id,
        account_name=name,
        description=c.description,
    )


def create_cost(engine: Engine, data: CostInput, *, cost_id: uuid.UUID | None = None) -> CostRecord:
    with write_session(engine) as session:
        data = _check_cost(session, data)
        row = Cost(id=cost_id or uuid.uuid4(), **data.__dict__)
        session.add(row)
        session.flush()
        return _cost_record(session, row)


def update_cost(engine: Engine, cost_id: uuid.UUID, data: CostInput) -> CostEdit:
    with write_session(engine) as session:
        row = session.get(Cost, cost_id)
        if row is None:
            raise FieldError("id", "not_found", "cost: no such cost")
        before = _cost_record(session, row)
        data = _check_cost(session, data)
        for key, value in data.__dict__.items():
            setattr(row, key, value)
        session.flush()
        return CostEdit(before=before, after=_cost_record(session, row))


def delete_cost(engine: Engine, cost_id: uuid.UUID) -> CostRecord:
    """Delete a cost; its record is what ``create_cost(..., cost_id=)`` puts back."""
    with write_session(engine) as session:
        row = session.get(Cost, cost_id)
        if row is None:
            raise FieldError("id", "not_found", "cost: no such cost")
        record = _cost_record(session, row)
        session.delete(row)
        return record


COST_SORTS: dict[str, Any] = {
    "date": Cost.date,
    "amount": Cost.amount_cents,
    "program": Cost.program,
    "category": Cost.category,
    "account": Account.name.collate("NOCASE"),
    "description": Cost.description.collate("NOCASE"),
}


def cost_keys(
    engine: Engine,
    *,
    search: str = "",
    program: str | None = None,
    sort: str = "date",
    descending: bool = True,
) -> list[uuid.UUID]:
    """Ids of the costs that match, in display order."""
    try:
        expr = COST_SORTS[sort]
    except KeyError:
        raise ValidationError(f"cannot sort by '{sort}'") from None
    query = select(Cost.id).outerjoin(Account, Account.id == Cost.account_id)
    if program is not None:
        query = query.where(Cost.program == program)
    search = search.strip()
    if search:
        pattern = "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = query.where(
            or_(
                Cost.description.like(pattern, escape="\\"),
                Account.name.like(pattern, escape="\\"),
            )
        )
    order = [expr.is_(None), expr.desc() if descending else expr.asc()]
    query = query.order_by(*order, Cost.date.desc(), Cost.id)
    with read_session(engine) as session:
        return list(session.execute(query).scalars())


def costs_by_ids(engine: Engine, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, CostRecord]:
    out: dict[uuid.UUID, CostRecord] = {}
    with read_session(engine) as session:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            query = (
                select(Cost, Account.name)
                .outerjoin(Account, Account.id == Cost.account_id)
                .where(Cost.id.in_(chunk))
            )
            for c, name in session.execute(query):
                out[c.id] = CostRecord(
                    id=c.id,
                    date=c.date,
                    amount_cents=c.amount_cents,
                    program=c.program,
                    category=c.category,
                    account_id=c.account_id,
                    account_name=name,
                    description=c.description,
                )
    return out


def cost_summary(engine: Engine) -> CostSummary:
    query = select(
        func.count(),
        func.coalesce(func.sum(Cost.amount_cents), 0),
        func.coalesce(func.sum(Cost.amount_cents).filter(Cost.program == "abm"), 0),
    ).select_from(Cost)
    with read_session(engine) as session:
        count, total, abm = session.execute(query).one()
    return CostSummary(count=count, total_cents=total, abm_cents=abm)
