"""GUI fixtures: a small database with a few rows of every kind, and windows on it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from abmdesk.db.engine import write_session
from abmdesk.db.migrate import open_database
from abmdesk.db.models import Account, Deal, Interaction, StageChange, Stakeholder

TODAY = dt.date.today()


def _at(days_ago: int, hour: int = 10) -> dt.datetime:
    day = TODAY - dt.timedelta(days=days_ago)
    return dt.datetime(day.year, day.month, day.day, hour, 30)


def populate(path: Path, *, interactions: int = 6) -> dict:
    """Three accounts, a committee with an empty seat, interactions, two deals."""
    engine = open_database(path)
    ids: dict = {}
    with write_session(engine) as s:
        acme = Account(
            name="Acme Industries",
            domain="acme.fr",
            sector="Industrie",
            employees=320,
            country="France",
            tier="A",
            is_target=True,
            target_since=dt.date(2025, 3, 7),
            owner="Claire Martin",
        )
        boulangerie = Account(
            name="Boulangeries Dupont",
            domain="dupont.fr",
            sector="Agroalimentaire",
            employees=45,
            country="France",
            tier="B",
            is_target=False,
            owner="Hugo Bernard",
        )
        cabinet = Account(name="Cabinet Lefèvre", sector=None, employees=None, is_target=True)
        s.add_all([acme, boulangerie, cabinet])
        s.flush()
        ceo = Stakeholder(
            account_id=acme.id,
            full_name="Sophie Laurent",
            title="Directrice générale",
            email="s.laurent@acme.fr",
            role="decision_maker",
            attitude="supporter",
        )
        s.add(ceo)
        s.flush()
        it = Stakeholder(
            account_id=acme.id,
            full_name="Marc Petit",
            title="DSI",
            email="m.petit@acme.fr",
            role="influencer",
            attitude="champion",
            reports_to_id=ceo.id,
        )
        cfo = Stakeholder(
            account_id=acme.id,
            full_name="DAF — inconnu",
            title="Directeur administratif et financier",
            role="sponsor",
            placeholder=True,
            reports_to_id=ceo.id,
        )
        baker = Stakeholder(
            account_id=boulangerie.id, full_name="Jean Dupont", title="Gérant", role="sponsor"
        )
        s.add_all([it, cfo, baker])
        s.flush()
        types = ["meeting", "call", "email_open", "demo_request", "web_visit", "event"]
        for i in range(interactions):
            s.add(
                Interaction(
                    account_id=acme.id if i % 3 else boulangerie.id,
                    stakeholder_id=(it.id if i % 3 else baker.id) if i % 2 else None,
                    type_key=types[i % len(types)],
                    occurred_at=_at(i % 400, 9 + i % 8),
                    duration_minutes=30 if i % 2 else None,
                    logged_by="Claire Martin",
                    notes=f"Échange n° {i}" if i < 50 else None,
                )
            )
        deal = Deal(
            account_id=acme.id,
            name="Ligne de production",
            opened_at=_at(120),
            amount_cents=4_500_000,
            status="open",
            owner="Claire Martin",
        )
        won = Deal(
            account_id=boulangerie.id,
            name="Fournils connectés",
            opened_at=_at(200),
            amount_cents=123_450,
            status="won",
            closed_at=_at(30),
        )
        s.add_all([deal, won])
        s.flush()
        s.add_all(
            [
                StageChange(deal_id=deal.id, stage="discovery", entered_at=_at(120)),
                StageChange(deal_id=deal.id, stage="proposal", entered_at=_at(40)),
                StageChange(deal_id=won.id, stage="negotiation", entered_at=_at(60)),
            ]
        )
        ids = {
            "acme": acme.id,
            "boulangerie": boulangerie.id,
            "cabinet": cabinet.id,
            "ceo": ceo.id,
            "it": it.id,
            "cfo": cfo.id,
            "baker": baker.id,
            "deal": deal.id,
        }
    engine.dispose()
    return ids


@pytest.fixture(autouse=True)
def private_window_state(tmp_path, monkeypatch):
    """Each test starts without the window state another test saved."""
    monkeypatch.setenv("ABMDESK_DATA_DIR", str(tmp_path / "user-data"))


@pytest.fixture
def gui_db(tmp_path: Path) -> tuple[Path, dict]:
    path = tmp_path / "gui.db"
    return path, populate(path)


@pytest.fixture
def french_locale():
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def window(qtbot, gui_db):
    from abmdesk.app import create_main_window

    path, _ = gui_db
    win = create_main_window(path)
    qtbot.addWidget(win)
    yield win
    win.close()
