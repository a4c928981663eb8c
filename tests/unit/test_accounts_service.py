"""Accounts service: validation, create/edit/delete with a snapshot, filters, insight."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import func, select

from abmdesk.db.engine import read_session, write_session
from abmdesk.db.models import (
    Account,
    Contract,
    Cost,
    Deal,
    Interaction,
    StageChange,
    Stakeholder,
)
from abmdesk.services import accounts
from abmdesk.services.accounts import AccountFilter, AccountInput, FieldError
from abmdesk.services.kpis import compute_kpis
from abmdesk.services.records import get_account

TODAY = dt.date(2026, 6, 17)  # a Wednesday


def _counts(engine) -> dict[str, int]:
    with read_session(engine) as s:
        return {
            m.__tablename__: s.execute(select(func.count()).select_from(m)).scalar_one()
            for m in (Account, Stakeholder, Interaction, Deal, StageChange, Contract, Cost)
        }


@pytest.fixture
def acme(engine):
    """An account with two levels of stakeholders, interactions, a deal, a contract, costs."""
    record = accounts.create_account(
        engine,
        AccountInput(
            name="Acme Industries",
            domain="WWW.Acme.FR",
            sector="Industrie",
            employees=320,
            tier="A",
            is_target=True,
            target_since=dt.date(2026, 1, 5),
            committee_size=5,
            owner="Claire",
        ),
    )
    with write_session(engine) as s:
        boss = Stakeholder(account_id=record.id, full_name="Sophie", role="decision_maker")
        s.add(boss)
        s.flush()
        dev = Stakeholder(
            account_id=record.id, full_name="Marc", role="influencer", reports_to_id=boss.id
        )
        seat = Stakeholder(account_id=record.id, full_name="DAF", placeholder=True)
        s.add_all([dev, seat])
        s.flush()
        for days, kind, who in [
            (1, "meeting", dev.id),
            (3, "call", boss.id),
            (20, "email_open", None),
            (40, "web_visit", dev.id),
            (70, "demo_request", None),
            (100, "meeting", boss.id),
            (-3, "meeting", dev.id),  # after T: never counts
        ]:
            s.add(
                Interaction(
                    account_id=record.id,
                    stakeholder_id=who,
                    type_key=kind,
                    occurred_at=dt.datetime.combine(TODAY - dt.timedelta(days=days), dt.time(10)),
                )
            )
        deal = Deal(
            account_id=record.id,
            name="Ligne",
            opened_at=dt.datetime(2026, 2, 1, 9),
            amount_cents=1_000_000,
            status="open",
        )
        s.add(deal)
        s.flush()
        s.add(StageChange(deal_id=deal.id, stage="discovery", entered_at=deal.opened_at))
        s.add_all(
            [
                Contract(
                    account_id=record.id,
                    kind="new",
                    annual_value_cents=5_000_000,
                    start_date=dt.date(2025, 1, 1),
                ),
                Contract(
                    account_id=record.id,
                    kind="upsell",
                    annual_value_cents=1_000_000,
                    start_date=dt.date(2026, 1, 1),
                ),
                Cost(date=dt.date(2026, 3, 1), amount_cents=50_000, account_id=record.id),
            ]
        )
    return record


def test_create_normalises_and_validates(engine):
    record = accounts.create_account(
        engine, AccountInput(name="  Cétia   Digital ", domain="https://www.Cetia.fr/")
    )
    assert record.name == "Cétia Digital" and record.domain == "cetia.fr"
    with pytest.raises(FieldError) as err:
        accounts.create_account(engine, AccountInput(name="cetia digital"))
    assert err.value.field == "name" and err.value.code == "duplicate"
    assert err.value.value == "Cétia Digital"
    for data, field in [
        (AccountInput(name=" "), "name"),
        (AccountInput(name="X", employees=-1), "employees"),
        (AccountInput(name="X", committee_size=0), "committee_size"),
        (AccountInput(name="X", retention_years=0), "retention_years"),
        (AccountInput(name="X", domain="a b"), "domain"),
    ]:
        with pytest.raises(FieldError) as err:
            accounts.create_account(engine, data)
        assert err.value.field == field
    assert accounts.name_taken(engine, "CÉTIA DIGITAL") == "Cétia Digital"
    assert accounts.name_taken(engine, "Cétia Digital", record.id) is None


def test_update_returns_before_and_after(engine, acme):
    edit = accounts.update_account(
        engine,
        acme.id,
        AccountInput(name="Acme SA", employees=10, is_target=False, target_since=TODAY),
    )
    assert edit.before == acme
    assert edit.after.name == "Acme SA" and edit.after.target_since is None
    back = accounts.update_account(engine, acme.id, AccountInput.from_record(edit.before))
    assert back.after == acme


def test_delete_snapshot_restores_everything_with_the_same_ids(engine, acme):
    before = _counts(engine)
    deps = accounts.account_dependents(engine, acme.id)
    assert (deps.stakeholders, deps.interactions, deps.deals, deps.contracts, deps.costs) == (
        3,
        7,
        1,
        2,
        1,
    )
    with read_session(engine) as s:
        ids_before = sorted(s.execute(select(Interaction.id)).scalars())
        managers = dict(s.execute(select(Stakeholder.id, Stakeholder.reports_to_id)).all())
    snapshot = accounts.delete_account(engine, acme.id)
    assert snapshot.dependents == deps
    assert set(_counts(engine).values()) == {0}
    restored = accounts.restore_account(engine, snapshot)
    assert restored == acme
    assert _counts(engine) == before
    with read_session(engine) as s:
        assert sorted(s.execute(select(Interaction.id)).scalars()) == ids_before
        assert dict(s.execute(select(Stakeholder.id, Stakeholder.reports_to_id)).all()) == managers
    with pytest.raises(FieldError):
        accounts.restore_account(engine, snapshot)  # it exists again


def test_filters_run_in_sql(engine, acme):
    accounts.create_account(engine, AccountInput(name="Boulangerie", employees=8, tier="B"))
    accounts.create_account(engine, AccountInput(name="Cabinet", owner="Léa"))

    def names(**kw) -> list[str]:
        keys = accounts.account_keys(engine, AccountFilter(**kw))
        return [get_account(engine, k).name for k in keys]

    assert names() == ["Acme Industries", "Boulangerie", "Cabinet"]
    assert names(target=True) == ["Acme Industries"]
    assert names(target=False) == ["Boulangerie", "Cabinet"]
    assert names(tier="B") == ["Boulangerie"]
    assert names(size_band="1-9") == ["Boulangerie"]
    assert names(size_band="250-4999") == ["Acme Industries"]
    assert names(size_band="unknown") == ["Cabinet"]
    assert names(owner="Léa") == ["Cabinet"]
    assert names(sector="Industrie", search="acme") == ["Acme Industries"]
    assert accounts.account_keys(engine, sort="employees", descending=True)[0] == acme.id
    options = accounts.filter_options(engine)
    assert options.tiers == ["A", "B"] and options.owners == ["Claire", "Léa"]


def test_insight_equals_compute_kpis(engine, acme):
    insight = accounts.account_insight(engine, acme.id, TODAY)
    start, end = insight.period
    assert end == TODAY and start.weekday() == 0 and (end - start).days == 7 * 11 + 2
    kpis = compute_kpis(engine, start, end)
    eng = next(a for a in kpis["engagement"]["accounts"] if a["account"] == acme.name)
    cov = next(a for a in kpis["coverage"]["accounts"] if a["account"] == acme.name)
    life = next(a for a in kpis["clv"]["accounts"] if a["account"] == acme.name)
    assert insight.score == eng["score"] == 50 + 10 + 1 + 1 + 20
    assert insight.trend == eng["trend"] and insight.dormant == eng["dormant"]
    assert {w: p for w, p in insight.weeks if p} == eng["weekly"]
    assert len(insight.weeks) == 12
    for key in (
        "committee_size",
        "identified",
        "engaged",
        "identified_coverage",
        "engaged_coverage",
        "engagement_ratio",
        "role_coverage",
        "at_risk",
    ):
        assert getattr(insight, key) == cov[key], key
    assert (insight.identified, insight.engaged, insight.committee_size) == (2, 2, 5)
    for key in ("base_arr", "upsell_rate", "retention_years", "clv"):
        assert getattr(insight, key) == life[key], key
    assert insight.clv == 300_000.0
    assert (insight.open_deals, insight.open_amount_cents) == (1, 1_000_000)


def test_insight_of_an_unknown_account(engine):
    with pytest.raises(FieldError):
        accounts.account_insight(engine, uuid.uuid4(), TODAY)
