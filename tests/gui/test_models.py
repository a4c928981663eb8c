"""Every table model passes qtmodeltester; the big ones load lazily; formats are French."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from PySide6.QtCore import QModelIndex, Qt

from abmdesk.db.engine import write_session
from abmdesk.db.migrate import open_database
from abmdesk.db.models import Account, Interaction
from abmdesk.ui.formatting import Formatter
from abmdesk.ui.models import KEY_ROLE, RAW_ROLE, ChoiceListModel, Column, RecordTableModel


def _nbsp(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def test_accounts_model(qtmodeltester, window):
    model = window.accounts_tab.model
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    employees = model.column_index("employees")
    model.sort(employees, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 0).data() == "Acme Industries"
    assert model.index(0, employees).data(RAW_ROLE) == 320
    assert isinstance(model.index(0, 0).data(KEY_ROLE), uuid.UUID)
    qtmodeltester.check(model)
    model.sort(model.column_index("name"), Qt.SortOrder.AscendingOrder)
    assert model.index(2, 0).data() == "Cabinet Lefèvre"


def test_accounts_filter(qtbot, window):
    tab = window.accounts_tab
    tab.targets_only.setChecked(True)
    assert tab.model.rowCount() == 2
    tab.search.setText("lefèvre")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert "1" in tab.count_label.text()


def test_stakeholders_model(qtmodeltester, window, gui_db):
    _, ids = gui_db
    window.map_tab.select_account(ids["acme"])
    model = window.map_tab.model
    assert model.rowCount() == 3
    qtmodeltester.check(model)
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).italic()


def test_interactions_model(qtmodeltester, window):
    model = window.interactions_tab.model
    assert model.rowCount() == 6
    qtmodeltester.check(model)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    raw = [model.index(r, 0).data(RAW_ROLE) for r in range(model.rowCount())]
    assert raw == sorted(raw)
    model.sort(1, Qt.SortOrder.AscendingOrder)  # not sortable: ignored
    assert [model.index(r, 0).data(RAW_ROLE) for r in range(model.rowCount())] == raw
    qtmodeltester.check(model)


def test_deals_model(qtmodeltester, window):
    model = window.pipeline_tab.model
    qtmodeltester.check(model)
    amount = model.column_index("amount")
    assert {model.index(r, amount).data(RAW_ROLE) for r in range(2)} == {4_500_000, 123_450}
    for column in range(model.columnCount()):
        model.sort(column, Qt.SortOrder.DescendingOrder)
        assert model.rowCount() == 2
    qtmodeltester.check(model)
    window.pipeline_tab.status.setCurrentIndex(window.pipeline_tab.status.findData("won"))
    assert model.rowCount() == 1
    assert model.index(0, model.column_index("status")).data() == "Won"


def test_choice_and_record_models(qtmodeltester):
    choices = ChoiceListModel()
    choices.set_items([(1, "Alpha"), (2, "Bêta")])
    qtmodeltester.check(choices)
    assert choices.row_of_label(" bêta ") == 1 and choices.row_of_key(1) == 0
    fmt = Formatter()
    model = RecordTableModel(
        fmt,
        [Column("account", "Account"), Column("score", "Score", align="right")],
        {"score": fmt.integer},
    )
    model.set_rows([{"account": "Été", "score": 3}, {"account": "Azur", "score": None}])
    qtmodeltester.check(model)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 0).data() == "Été" and model.index(1, 1).data() == ""
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert [model.index(r, 0).data() for r in range(2)] == ["Azur", "Été"]
    qtmodeltester.check(model)


@pytest.fixture
def big_db(tmp_path):
    """5 000 interactions and 1 000 accounts, written in bulk."""
    path = tmp_path / "big.db"
    engine = open_database(path)
    base = dt.datetime(2025, 1, 1, 8, 0)
    with write_session(engine) as s:
        accounts = [Account(name=f"Compte {i:04d}", employees=i) for i in range(1000)]
        s.add_all(accounts)
        s.flush()
        s.add_all(
            Interaction(
                account_id=accounts[i % 1000].id,
                type_key="call",
                occurred_at=base + dt.timedelta(minutes=17 * i),
            )
            for i in range(5000)
        )
    engine.dispose()
    return path


def test_interactions_load_by_pages(qtbot, qtmodeltester, big_db):
    from abmdesk.app import create_main_window

    win = create_main_window(big_db)
    qtbot.addWidget(win)
    model = win.interactions_tab.model
    assert 0 < model.rowCount() < 5000
    assert model.canFetchMore(QModelIndex())
    first = model.rowCount()
    model.fetchMore(QModelIndex())
    assert first < model.rowCount() < 5000
    qtmodeltester.check(model)
    # A fresh model for the full walk (the tester stays attached to the first one).
    from abmdesk.ui.interactions_tab import InteractionsModel

    model = InteractionsModel(win.ctx)
    seen = set()
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 5000
    for row in range(model.rowCount()):
        seen.add(model.index(row, 0).data(KEY_ROLE))
    assert len(seen) == 5000
    assert "5" in win.interactions_tab.count_label.text()
    win.close()


def test_accounts_rows_are_read_on_demand(qtbot, big_db):
    from abmdesk.app import create_main_window

    win = create_main_window(big_db)
    qtbot.addWidget(win)
    model = win.accounts_tab.model
    assert model.rowCount() == 1000
    loaded = model.rows_loaded
    assert loaded < 1000
    assert model.index(999, 0).data() == "Compte 0999"
    assert model.rows_loaded - loaded <= model.block_size
    win.close()


def test_french_formats(french_locale):
    fmt = Formatter()
    assert _nbsp(fmt.money_cents(123_450)) == "1 234,50 €"
    assert _nbsp(fmt.money(300_000)) == "300 000 €"
    assert fmt.date(dt.date(2025, 3, 7)) == "07/03/2025"
    assert fmt.datetime(dt.datetime(2025, 3, 7, 14, 5)) == "07/03/2025 14:05"
    assert _nbsp(fmt.integer(1_000_000)) == "1 000 000"
    assert fmt.number(2.25, 1) in ("2,2", "2,3")
    assert fmt.duration(45) == "45 min" and fmt.duration(90) == "1 h 30"
    assert fmt.percent(None) == "—" and fmt.money_cents(None) == ""
    Formatter(currency="USD").money_cents(100)  # another currency symbol works


def test_changes():
    from abmdesk.ui.changes import Changes

    assert not Changes()
    both = Changes(accounts=True) | Changes(deals=True)
    assert both.kinds() == ["accounts", "deals"]
    assert both.touches("deals") and not both.touches("interactions")
    assert Changes(database=True).touches("interactions")
    assert all(getattr(Changes.everything(), k) for k in Changes.everything().kinds())
