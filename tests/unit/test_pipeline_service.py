"""Pipeline service: deals, stage moves, closing with the contract, costs."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import func, select

from abmdesk.db.engine import read_session
from abmdesk.db.models import Contract, StageChange
from abmdesk.services import pipeline
from abmdesk.services.accounts import AccountInput, FieldError, create_account
from abmdesk.services.pipeline import ContractInput, CostInput, DealInput

OPENED = dt.datetime(2026, 3, 2, 9, 0)


@pytest.fixture
def account(engine):
    return create_account(engine, AccountInput(name="Acme", is_target=True))


@pytest.fixture
def deal(engine, account):
    return pipeline.create_deal(
        engine, DealInput(account.id, "Ligne", OPENED, amount_cents=1_234_50)
    )


def _stages(engine, deal_id) -> list[str]:
    with read_session(engine) as s:
        return list(
            s.execute(
                select(StageChange.stage)
                .where(StageChange.deal_id == deal_id)
                .order_by(StageChange.entered_at)
            ).scalars()
        )


def test_create_deal_enters_discovery_and_names_are_unique_per_account(engine, account, deal):
    assert deal.status == "open" and deal.current_stage == "discovery"
    assert deal.amount_cents == 123_450
    with pytest.raises(FieldError) as err:
        pipeline.create_deal(engine, DealInput(account.id, " ligne ", OPENED))
    assert err.value.code == "duplicate"
    other = create_account(engine, AccountInput(name="Other"))
    assert pipeline.create_deal(engine, DealInput(other.id, "Ligne", OPENED)).name == "Ligne"
    with pytest.raises(FieldError):
        pipeline.create_deal(engine, DealInput(account.id, "", OPENED))


def test_update_and_delete_deal(engine, account, deal):
    edit = pipeline.update_deal(
        engine, deal.id, DealInput(account.id, "Ligne 2", OPENED, amount_cents=99)
    )
    assert edit.before == deal and edit.after.name == "Ligne 2"
    pipeline.update_deal(engine, deal.id, pipeline.deal_input(edit.before))
    assert pipeline.get_deal(engine, deal.id) == deal
    snap = pipeline.delete_deal(engine, deal.id)
    assert pipeline.get_deal(engine, deal.id) is None and len(snap.stage_changes) == 1
    assert pipeline.restore_deal(engine, snap) == deal


def test_move_to_stage_and_undo(engine, deal):
    at = dt.datetime(2026, 4, 1, 15, 30)
    move = pipeline.move_deal_to_stage(engine, deal.id, "proposal", at)
    assert (move.stage, move.entered_at, move.previous_stage) == ("proposal", at, "discovery")
    assert pipeline.get_deal(engine, deal.id).current_stage == "proposal"
    with pytest.raises(FieldError) as err:
        pipeline.move_deal_to_stage(engine, deal.id, "proposal", at)
    assert err.value.code == "same_stage"
    with pytest.raises(FieldError):
        pipeline.move_deal_to_stage(engine, deal.id, "qualified", at - dt.timedelta(days=1))
    pipeline.delete_stage_change(engine, move.stage_change_id)
    assert _stages(engine, deal.id) == ["discovery"]
    now_move = pipeline.move_deal_to_stage(engine, deal.id, "qualified")
    assert abs((now_move.entered_at - dt.datetime.now()).total_seconds()) < 5


def test_close_won_with_contract_and_reopen(engine, account, deal):
    contract = ContractInput(account.id, "new", 123_450, dt.date(2026, 5, 1))
    closing = pipeline.close_deal(engine, deal.id, "won", dt.date(2026, 5, 1), 150_000, contract)
    assert closing.after.status == "won" and closing.after.amount_cents == 150_000
    assert closing.after.closed_at == dt.datetime(2026, 5, 1, 12, 0)
    assert closing.contract is not None and closing.contract.annual_value_cents == 123_450
    assert pipeline.default_contract_kind(engine, account.id, dt.date(2026, 6, 1)) == "upsell"
    assert pipeline.board_deals(engine) == []
    with pytest.raises(FieldError):
        pipeline.move_deal_to_stage(engine, deal.id, "proposal")
    reopened = pipeline.reopen_deal(engine, closing)
    assert reopened == deal
    with read_session(engine) as s:
        assert s.execute(select(func.count()).select_from(Contract)).scalar_one() == 0
    with pytest.raises(FieldError) as err:
        pipeline.close_deal(engine, deal.id, "lost", dt.date(2026, 1, 1), None)
    assert err.value.code == "before_open"
    lost = pipeline.close_deal(engine, deal.id, "lost", OPENED.date(), None)
    assert lost.after.closed_at == dt.datetime(2026, 3, 2, 12, 0)  # a date alone: noon


def test_board_lists_open_deals_with_their_stage(engine, account, deal):
    bare = pipeline.create_deal(engine, DealInput(account.id, "Sans étape", OPENED), stage=None)
    pipeline.move_deal_to_stage(engine, deal.id, "negotiation", dt.datetime(2026, 4, 1))
    cards = {c.name: c for c in pipeline.board_deals(engine)}
    assert cards["Ligne"].stage == "negotiation"
    assert cards["Ligne"].stage_since == dt.datetime(2026, 4, 1)
    assert cards["Ligne"].days_in_stage(dt.datetime(2026, 4, 11, 1)) == 10
    assert cards["Sans étape"].stage is None and cards["Sans étape"].stage_since == OPENED
    assert [c.name for c in pipeline.board_deals(engine, "étape")] == [bare.name]


def test_costs_crud_and_list(engine, account):
    cost_id = uuid.uuid4()
    cost = pipeline.create_cost(
        engine,
        CostInput(dt.date(2026, 3, 1), 50_000, "abm", "events", account.id, " Salon "),
        cost_id=cost_id,
    )
    assert cost.id == cost_id and cost.account_name == "Acme" and cost.description == "Salon"
    other = pipeline.create_cost(engine, CostInput(dt.date(2026, 4, 1), 20_000, "other"))
    assert pipeline.cost_keys(engine) == [other.id, cost.id]
    assert pipeline.cost_keys(engine, program="abm") == [cost.id]
    assert pipeline.cost_keys(engine, search="salon") == [cost.id]
    summary = pipeline.cost_summary(engine)
    assert (summary.count, summary.total_cents, summary.abm_cents) == (2, 70_000, 50_000)
    edit = pipeline.update_cost(engine, cost.id, CostInput(dt.date(2026, 3, 2), 1, "other"))
    assert edit.before == cost and edit.after.account_id is None
    with pytest.raises(FieldError):
        pipeline.update_cost(engine, cost.id, CostInput(dt.date(2026, 3, 2), -1))
    with pytest.raises(FieldError):
        pipeline.create_cost(engine, CostInput(dt.date(2026, 3, 2), 1, "abm", "party"))
    gone = pipeline.delete_cost(engine, cost.id)
    assert pipeline.costs_by_ids(engine, [cost.id]) == {}
    back = pipeline.create_cost(engine, pipeline.cost_input(gone), cost_id=gone.id)
    assert back == edit.after
