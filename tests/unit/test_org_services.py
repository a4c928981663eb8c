"""Stakeholder operations behind the account map, without Qt."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from abmdesk.db.engine import read_session, write_session
from abmdesk.db.models import Account, InfluenceLine, Interaction, Stakeholder
from abmdesk.errors import ValidationError
from abmdesk.services import stakeholders as svc
from abmdesk.services.kpis import compute_kpis
from abmdesk.services.settings import set_setting

TODAY = dt.date.today()


def _at(days_ago: int) -> dt.datetime:
    d = TODAY - dt.timedelta(days=days_ago)
    return dt.datetime(d.year, d.month, d.day, 10, 0)


@pytest.fixture
def org(engine):
    """Acme: CEO ← (CFO, CTO ← dev); an empty seat; another account with one person."""
    with write_session(engine) as s:
        acme = Account(name="Acme", is_target=True, committee_size=5)
        other = Account(name="Autre SA")
        s.add_all([acme, other])
        s.flush()
        ids = {"acme": acme.id, "other": other.id}
    ceo = svc.create_stakeholder(engine, ids["acme"], "Alice PDG", role="decision_maker")
    cfo = svc.create_stakeholder(
        engine, ids["acme"], "Bruno DAF", role="sponsor", manager_id=ceo.id
    )
    cto = svc.create_stakeholder(
        engine, ids["acme"], "Chloé DSI", role="influencer", peer_of=cfo.id
    )
    dev = svc.create_stakeholder(engine, ids["acme"], "Denis Dev", manager_id=cto.id)
    seat = svc.create_stakeholder(
        engine,
        ids["acme"],
        "Acheteur",
        title="Responsable achats",
        placeholder=True,
        role="end_user",
        manager_id=ceo.id,
    )
    outsider = svc.create_stakeholder(engine, ids["other"], "Olivier Ext")
    ids.update(ceo=ceo.id, cfo=cfo.id, cto=cto.id, dev=dev.id, seat=seat.id, out=outsider.id)
    return ids


def _manager(engine, sid):
    with read_session(engine) as s:
        return s.get(Stakeholder, sid).reports_to_id


def test_create_as_report_peer_and_top_level(engine, org):
    assert _manager(engine, org["cfo"]) == org["ceo"]
    assert _manager(engine, org["cto"]) == org["ceo"]  # peer of the CFO
    assert _manager(engine, org["ceo"]) is None
    top = svc.create_stakeholder(engine, org["acme"], "  Zoé  ", email="zoe@acme.fr")
    assert top.full_name == "Zoé" and top.reports_to_id is None


def test_create_refuses_bad_values(engine, org):
    with pytest.raises(ValidationError, match="name"):
        svc.create_stakeholder(engine, org["acme"], "   ")
    with pytest.raises(ValidationError, match="email"):
        svc.create_stakeholder(engine, org["acme"], "X", email="pas-une-adresse")
    with pytest.raises(ValidationError, match="role"):
        svc.create_stakeholder(engine, org["acme"], "X", role="boss")
    with pytest.raises(ValidationError, match="another account"):
        svc.create_stakeholder(engine, org["acme"], "X", manager_id=org["out"])
    svc.create_stakeholder(engine, org["acme"], "Y", email="y@acme.fr")
    with pytest.raises(ValidationError, match="already"):
        svc.create_stakeholder(engine, org["acme"], "Z", email="Y@acme.fr")


def test_set_manager_and_cycle_refused(engine, org):
    change = svc.set_manager(engine, org["dev"], org["cfo"])
    assert (change.old_manager_id, change.new_manager_id) == (org["cto"], org["cfo"])
    with pytest.raises(svc.ReportingCycleError) as info:
        svc.set_manager(engine, org["ceo"], org["dev"])
    assert str(info.value) == (
        "Denis Dev already reports to Alice PDG: Denis Dev → Bruno DAF → Alice PDG"
    )
    assert info.value.chain == ["Denis Dev", "Bruno DAF", "Alice PDG"]
    assert _manager(engine, org["ceo"]) is None  # nothing changed
    with pytest.raises(svc.ReportingCycleError, match="themselves"):
        svc.set_manager(engine, org["ceo"], org["ceo"])
    with pytest.raises(ValidationError, match="another account"):
        svc.set_manager(engine, org["dev"], org["out"])
    svc.set_manager(engine, org["dev"], None)
    assert _manager(engine, org["dev"]) is None


def test_update_returns_before_and_restores(engine, org):
    change = svc.update_stakeholder(engine, org["cfo"], title="DAF", attitude="skeptic")
    assert change.before.title is None and change.after.title == "DAF"
    assert change.after.attitude == "skeptic"
    svc.restore_fields(engine, change.before)
    with read_session(engine) as s:
        p = s.get(Stakeholder, org["cfo"])
        assert (p.title, p.attitude) == (None, None)
    with pytest.raises(ValidationError):
        svc.update_stakeholder(engine, org["cfo"], reports_to_id=None)


def test_delete_moves_reports_up_and_restore_puts_everything_back(engine, org):
    with write_session(engine) as s:
        s.add(
            Interaction(
                account_id=org["acme"],
                stakeholder_id=org["cto"],
                type_key="call",
                occurred_at=_at(3),
            )
        )
    line = svc.add_influence(engine, org["cto"], org["cfo"], "ancien collègue")
    snap = svc.delete_stakeholder(engine, org["cto"])
    assert snap.report_ids == (org["dev"],) and len(snap.interaction_ids) == 1
    assert [i.id for i in snap.influences] == [line.id]
    assert _manager(engine, org["dev"]) == org["ceo"]  # moved up
    with read_session(engine) as s:
        assert s.get(Stakeholder, org["cto"]) is None
        assert s.execute(select(InfluenceLine)).first() is None
        assert s.execute(select(Interaction.stakeholder_id)).scalar() is None
    back = svc.restore_stakeholder(engine, snap)
    assert back.id == org["cto"] and back.reports_to_id == org["ceo"]
    assert _manager(engine, org["dev"]) == org["cto"]
    with read_session(engine) as s:
        assert s.execute(select(Interaction.stakeholder_id)).scalar() == org["cto"]
        assert s.execute(select(InfluenceLine.id)).scalar() == line.id


def test_fill_seat_in_one_step(engine, org):
    change = svc.fill_seat(engine, org["seat"], "Émilie Achat", email="e.achat@acme.fr")
    after = change.after
    assert not after.placeholder and after.full_name == "Émilie Achat"
    assert after.title == "Responsable achats" and after.role == "end_user"
    assert after.reports_to_id == org["ceo"]
    with pytest.raises(ValidationError, match="already filled"):
        svc.fill_seat(engine, org["seat"], "Again")
    svc.restore_fields(engine, change.before)
    with read_session(engine) as s:
        assert s.get(Stakeholder, org["seat"]).placeholder


def test_influence_lines(engine, org):
    line = svc.add_influence(engine, org["dev"], org["ceo"], "  golf le dimanche ")
    assert line.label == "golf le dimanche" and line.account_id == org["acme"]
    with pytest.raises(ValidationError, match="drawn already"):
        svc.add_influence(engine, org["dev"], org["ceo"])
    with pytest.raises(ValidationError, match="themselves"):
        svc.add_influence(engine, org["dev"], org["dev"])
    with pytest.raises(ValidationError, match="same account"):
        svc.add_influence(engine, org["dev"], org["out"])
    before = svc.update_influence(engine, line.id, "tennis")
    assert before.label == "golf le dimanche"
    removed = svc.remove_influence(engine, line.id)
    assert svc.org_chart(engine, org["acme"]).influences == ()
    svc.restore_influence(engine, removed)
    (again,) = svc.org_chart(engine, org["acme"]).influences
    assert again.id == line.id and again.label == "tennis"


def test_org_chart_reads_engagement_and_matches_kpi_coverage(engine, org):
    set_setting(engine, "engagement_window_days", "30")
    with write_session(engine) as s:
        s.add_all(
            [
                Interaction(
                    account_id=org["acme"],
                    stakeholder_id=org["ceo"],
                    type_key="meeting",
                    occurred_at=_at(2),
                ),
                # 0 points: activity, not engagement (but a last interaction).
                Interaction(
                    account_id=org["acme"],
                    stakeholder_id=org["cfo"],
                    type_key="email_sent",
                    occurred_at=_at(1),
                ),
                # outside the 30-day window
                Interaction(
                    account_id=org["acme"],
                    stakeholder_id=org["cto"],
                    type_key="call",
                    occurred_at=_at(40),
                ),
                # after today: ignored
                Interaction(
                    account_id=org["acme"],
                    stakeholder_id=org["dev"],
                    type_key="call",
                    occurred_at=_at(-5),
                ),
            ]
        )
    chart = svc.org_chart(engine, org["acme"])
    people = {p.id: p for p in chart.people}
    assert len(people) == 5 and people[org["seat"]].placeholder
    assert [k for k, p in people.items() if p.engaged] == [org["ceo"]]
    assert people[org["cfo"]].last_interaction == _at(1)
    assert people[org["cto"]].last_interaction == _at(40)
    assert people[org["dev"]].last_interaction is None
    assert people[org["cfo"]].manager_id == org["ceo"]
    f = chart.figures
    assert (f.committee_size, f.identified, f.engaged) == (5, 4, 1)
    assert f.role_coverage == 0.25 and f.at_risk and f.is_target
    assert chart.missing_roles == ()  # the empty seat holds end_user
    kpi = compute_kpis(engine, TODAY - dt.timedelta(days=365), TODAY)
    row = next(a for a in kpi["coverage"]["accounts"] if a["account"] == "Acme")
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
        assert getattr(f, key) == row[key], key


def test_missing_roles_and_interactions_of_a_person(engine, org):
    svc.delete_stakeholder(engine, org["cto"])
    chart = svc.org_chart(engine, org["acme"])
    assert chart.missing_roles == ("influencer",)
    with write_session(engine) as s:
        for d in (5, 1, 3):
            s.add(
                Interaction(
                    account_id=org["acme"],
                    stakeholder_id=org["cfo"],
                    type_key="call",
                    occurred_at=_at(d),
                    notes=f"n{d}",
                )
            )
    rows = svc.stakeholder_interactions(engine, org["cfo"])
    assert [r.notes for r in rows] == ["n1", "n3", "n5"] and rows[0].points == 10
    assert svc.count_stakeholder_interactions(engine, org["cfo"]) == 3
