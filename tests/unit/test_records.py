"""Read-only table queries (services.records) and logging interactions."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

import pytest

from abmdesk.db.engine import write_session
from abmdesk.db.models import Account, Deal, Interaction, StageChange, Stakeholder
from abmdesk.errors import ValidationError
from abmdesk.services import records
from abmdesk.services.interactions import log_interaction
from abmdesk.services.settings import set_setting


@pytest.fixture
def data(engine):
    with write_session(engine) as s:
        a = Account(name="Cétia Digital", sector="Numérique", employees=25, is_target=True)
        b = Account(name="Cabinet Martin", sector="Conseil", employees=None, owner="Léa")
        c = Account(name="Zénith SA", sector="Industrie", employees=6000, domain="zenith.fr")
        s.add_all([a, b, c])
        s.flush()
        boss = Stakeholder(account_id=a.id, full_name="Anne Roux", role="decision_maker")
        s.add(boss)
        s.flush()
        dev = Stakeholder(
            account_id=a.id, full_name="Bruno Lenoir", role="end_user", reports_to_id=boss.id
        )
        seat = Stakeholder(account_id=a.id, full_name="DAF", placeholder=True, role="sponsor")
        other = Stakeholder(account_id=b.id, full_name="Paul Martin")
        s.add_all([dev, seat, other])
        s.flush()
        base = dt.datetime(2026, 3, 2, 9, 0)
        for i in range(25):
            s.add(
                Interaction(
                    account_id=a.id if i % 2 else b.id,
                    stakeholder_id=dev.id if i % 2 else None,
                    type_key="meeting" if i % 3 == 0 else "call",
                    # Pairs of equal timestamps exercise the id tie-break of the cursor.
                    occurred_at=base + dt.timedelta(hours=i // 2),
                    duration_minutes=15,
                )
            )
        deal = Deal(
            account_id=a.id, name="Pilote", opened_at=base, amount_cents=1_000_000, status="open"
        )
        lost = Deal(
            account_id=b.id,
            name="Audit",
            opened_at=base - dt.timedelta(days=30),
            amount_cents=250_00,
            status="lost",
            closed_at=base,
        )
        s.add_all([deal, lost])
        s.flush()
        s.add_all(
            [
                StageChange(deal_id=deal.id, stage="discovery", entered_at=base),
                StageChange(
                    deal_id=deal.id, stage="proposal", entered_at=base + dt.timedelta(days=3)
                ),
            ]
        )
        ids = dict(a=a.id, b=b.id, c=c.id, boss=boss.id, dev=dev.id, seat=seat.id)
        ids.update(other=other.id, deal=deal.id, lost=lost.id)
    return ids


def test_account_keys_sort_and_filter(engine, data):
    names = records.accounts_by_ids(engine, records.account_keys(engine))
    ordered = [names[k].name for k in records.account_keys(engine)]
    # Accents are folded: Cétia sorts between Cabinet and Zénith.
    assert ordered == ["Cabinet Martin", "Cétia Digital", "Zénith SA"]
    desc = records.account_keys(engine, sort="employees", descending=True)
    assert desc == [data["c"], data["a"], data["b"]]  # no head count last
    asc = records.account_keys(engine, sort="employees")
    assert asc == [data["a"], data["c"], data["b"]]  # empty last in both directions
    assert records.account_keys(engine, targets_only=True) == [data["a"]]
    assert records.account_keys(engine, search="zenith.fr") == [data["c"]]
    assert records.account_keys(engine, search="léa") == [data["b"]]
    assert records.account_keys(engine, search="100%") == []
    with pytest.raises(ValidationError):
        records.account_keys(engine, sort="id; DROP TABLE accounts")


def test_account_records_are_plain(engine, data):
    rec = records.get_account(engine, data["a"])
    assert dataclasses.is_dataclass(rec) and rec.name == "Cétia Digital"
    assert rec.size_band == "10-49" and rec.is_target is True
    assert records.get_account(engine, data["b"]).size_band == "unknown"
    assert records.get_account(engine, uuid.uuid4()) is None
    assert [c.name for c in records.account_choices(engine)][1] == "Cétia Digital"
    assert records.count_accounts(engine) == 3


def test_stakeholders(engine, data):
    keys = records.stakeholder_keys(engine, data["a"])
    rows = records.stakeholders_by_ids(engine, keys)
    assert [rows[k].full_name for k in keys] == ["Anne Roux", "Bruno Lenoir", "DAF"]
    assert rows[data["dev"]].reports_to_name == "Anne Roux"
    assert rows[data["seat"]].placeholder is True
    by_role = records.stakeholder_keys(engine, data["a"], sort="role")
    assert by_role == [data["boss"], data["seat"], data["dev"]]  # order of domain.ROLES
    choices = records.stakeholder_choices(engine, data["a"])
    assert [c.full_name for c in choices] == ["Anne Roux", "Bruno Lenoir"]  # no empty seat


def test_interaction_pages_walk_everything_once(engine, data):
    seen: list[uuid.UUID] = []
    cursor = None
    while True:
        page = records.interaction_page(engine, after=cursor, limit=4)
        if not page:
            break
        seen.extend(r.id for r in page)
        cursor = records.cursor_of(page[-1])
    assert len(seen) == len(set(seen)) == 25
    full = records.interaction_page(engine, limit=100)
    assert [r.id for r in full] == seen
    times = [r.occurred_at for r in full]
    assert times == sorted(times, reverse=True)

    asc: list[uuid.UUID] = []
    cursor = None
    while page := records.interaction_page(engine, after=cursor, limit=7, ascending=True):
        asc.extend(r.id for r in page)
        cursor = records.cursor_of(page[-1])
    assert asc == list(reversed(seen))


def test_interaction_records_resolve_names_and_points(engine, data):
    page = records.interaction_page(engine, limit=100, account_id=data["a"])
    assert len(page) == 12 == records.count_interactions(engine, account_id=data["a"])
    assert {r.account_name for r in page} == {"Cétia Digital"}
    assert {r.stakeholder_name for r in page} == {"Bruno Lenoir"}
    meeting = next(r for r in page if r.type_key == "meeting")
    assert meeting.points == 50
    set_setting(engine, "points.meeting", "40")  # points apply retroactively
    again = records.get_interaction(engine, meeting.id)
    assert again is not None and again.points == 40
    assert records.count_interactions(engine) == 25
    assert records.interaction_page(engine, limit=0) == []


def test_deals(engine, data):
    keys = records.deal_keys(engine)
    assert keys == [data["deal"], data["lost"]]  # newest first
    rows = records.deals_by_ids(engine, keys)
    assert rows[data["deal"]].current_stage == "proposal"
    assert rows[data["lost"]].current_stage is None
    assert rows[data["lost"]].account_name == "Cabinet Martin"
    assert records.deal_keys(engine, status="lost") == [data["lost"]]
    assert records.deal_keys(engine, search="pilo") == [data["deal"]]
    assert records.deal_keys(engine, sort="amount", descending=False) == [
        data["lost"],
        data["deal"],
    ]
    assert records.deal_keys(engine, sort="current_stage")[0] == data["deal"]
    for key in records._deal_sorts():
        assert len(records.deal_keys(engine, sort=key)) == 2
    summary = records.deal_summary(engine)
    assert (summary.count, summary.open_count, summary.open_amount_cents) == (2, 1, 1_000_000)
    with pytest.raises(ValidationError):
        records.deal_keys(engine, status="pending")


def test_log_interaction(engine, data):
    set_setting(engine, "user_name", "Claire")
    when = dt.datetime(2026, 4, 1, 14, 30, 12, 999)
    rec = log_interaction(
        engine, data["a"], "demo_request", when, stakeholder_id=data["boss"], notes="  RDV  "
    )
    assert rec.points == 20 and rec.logged_by == "Claire" and rec.notes == "RDV"
    assert rec.occurred_at == dt.datetime(2026, 4, 1, 14, 30, 12)
    assert rec.stakeholder_name == "Anne Roux" and rec.account_name == "Cétia Digital"
    stored = records.get_interaction(engine, rec.id)
    assert stored == rec
    other = log_interaction(engine, data["b"], "call", dt.date(2026, 4, 2), logged_by="Hugo")
    assert other.logged_by == "Hugo" and other.stakeholder_id is None
    assert other.occurred_at == dt.datetime(2026, 4, 2)
    assert records.count_interactions(engine) == 27


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"account_id": None}, "no such account"),
        ({"type_key": "fax"}, "unknown interaction type"),
        ({"stakeholder_id": "other"}, "does not belong"),
        ({"stakeholder_id": "seat"}, "empty seat"),
        ({"stakeholder_id": None, "duration_minutes": -5}, "negative"),
    ],
)
def test_log_interaction_refuses(engine, data, kwargs, message):
    args = {
        "account_id": data["a"],
        "type_key": "call",
        "occurred_at": dt.datetime(2026, 4, 1, 10, 0),
    }
    for key, value in kwargs.items():
        if key == "account_id" and value is None:
            value = uuid.uuid4()
        elif key == "stakeholder_id" and value is not None:
            value = data[value]
        args[key] = value
    with pytest.raises(ValidationError, match=message):
        log_interaction(engine, **args)
    assert records.count_interactions(engine) == 25
