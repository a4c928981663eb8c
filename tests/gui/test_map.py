"""The account map tab: the org chart, its edits through services, undo and redo."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest

from abmdesk.db.engine import write_session
from abmdesk.db.models import Stakeholder
from abmdesk.services import stakeholders as svc
from abmdesk.services.kpis import compute_kpis
from abmdesk.ui.orgchart.scene import CARD_W


@pytest.fixture
def tab(qtbot, window, gui_db):
    _, ids = gui_db
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentWidget(window.map_tab)
    window.map_tab.select_account(ids["acme"])
    return window.map_tab


@pytest.fixture
def ids(gui_db):
    return gui_db[1]


def _manager(tab, key):
    return tab.person(key).manager_id


def _key(tab, name):
    return next(p.id for p in tab.chart.people if p.full_name == name)


def _centre_x(card):
    return card.sceneBoundingRect().center().x()


def test_chart_draws_people_seats_and_lines(tab, ids):
    scene = tab.scene
    assert set(scene.cards) == {ids["ceo"], ids["it"], ids["cfo"]}
    assert scene.cards[ids["cfo"]].is_placeholder and scene.cards[ids["cfo"]].is_seat
    assert list(scene.seats) == ["end_user"]  # the one required role nobody holds
    assert scene.seats["end_user"].name_text == "End user — to be identified"
    assert not scene.connectors.path().isEmpty()
    ceo = scene.cards[ids["ceo"]]
    kids = [scene.cards[ids["it"]], scene.cards[ids["cfo"]]]
    assert _centre_x(ceo) == pytest.approx((_centre_x(kids[0]) + _centre_x(kids[1])) / 2)
    it = scene.cards[ids["it"]]
    assert "Engaged" in it.status_text or "Not engaged" in it.status_text
    assert it.role_text == "Influencer" and it.attitude_text == "Champion"


def test_add_a_report_from_the_keyboard_then_undo_and_redo(qtbot, tab, ids, monkeypatch):
    monkeypatch.setattr(tab, "ask_person", lambda *a, **k: {"full_name": "Julie Morel"})
    tab.select_person(ids["ceo"])
    tab.chart_view.setFocus()
    qtbot.keyClick(tab.chart_view, Qt.Key.Key_Insert)
    julie = _key(tab, "Julie Morel")
    assert _manager(tab, julie) == ids["ceo"] and tab.selected_id() == julie
    stack = tab.ctx.undo_stack
    stack.undo()
    assert julie not in tab.scene.cards
    stack.redo()
    assert _manager(tab, julie) == ids["ceo"]  # the same id again
    # A peer (Shift+Insert) shares the manager.
    monkeypatch.setattr(tab, "ask_person", lambda *a, **k: {"full_name": "Paul Roux"})
    tab.select_person(ids["it"])
    qtbot.keyClick(tab.chart_view, Qt.Key.Key_Insert, Qt.KeyboardModifier.ShiftModifier)
    assert _manager(tab, _key(tab, "Paul Roux")) == ids["ceo"]


def test_drag_a_card_onto_another_changes_the_manager(tab, ids):
    julie = tab.add_person({"full_name": "Julie Morel"}, manager_id=ids["ceo"])
    scene = tab.scene
    card, target = scene.cards[julie], scene.cards[ids["it"]]
    scene.drag_over(card, target.sceneBoundingRect().center())
    assert target.drop_target
    scene.drop(card, target.sceneBoundingRect().center())
    assert _manager(tab, julie) == ids["it"]
    tab.ctx.undo_stack.undo()
    assert _manager(tab, julie) == ids["ceo"]
    tab.ctx.undo_stack.redo()
    assert _manager(tab, julie) == ids["it"]


def test_a_real_mouse_drag(qtbot, tab, ids):
    julie = tab.add_person({"full_name": "Julie Morel"}, manager_id=ids["ceo"])
    view = tab.chart_view
    view.fit()
    qtbot.wait(10)
    src = view.mapFromScene(tab.scene.cards[julie].sceneBoundingRect().center())
    dst = view.mapFromScene(tab.scene.cards[ids["it"]].sceneBoundingRect().center())
    vp = view.viewport()
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, src)
    for i in range(1, 6):
        QTest.mouseMove(vp, src + (dst - src) * i / 5)
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, dst)
    assert _manager(tab, julie) == ids["it"]


def test_cycle_refused_with_a_message_and_nothing_changed(tab, ids, monkeypatch):
    messages: list[str] = []
    monkeypatch.setattr(tab, "show_message", messages.append)
    julie = tab.add_person({"full_name": "Julie Morel"}, manager_id=ids["it"])
    count = tab.ctx.undo_stack.count()
    scene = tab.scene
    ceo = scene.cards[ids["ceo"]]
    home = ceo.pos()
    scene.drop(ceo, scene.cards[julie].sceneBoundingRect().center())
    assert messages == [
        "Julie Morel already reports to Sophie Laurent: "
        "Julie Morel → Marc Petit → Sophie Laurent. The change would make a loop."
    ]
    assert _manager(tab, ids["ceo"]) is None
    assert tab.ctx.undo_stack.count() == count
    assert tab.scene.cards[ids["ceo"]].pos() == home  # snapped back


def test_delete_moves_reports_up_and_undo_restores(qtbot, tab, ids, monkeypatch):
    julie = tab.add_person({"full_name": "Julie Morel"}, manager_id=ids["it"])
    before = svc.count_stakeholder_interactions(tab.ctx.engine, ids["it"])
    assert before > 0
    asked: list[str] = []
    monkeypatch.setattr(tab, "confirm", lambda text: asked.append(text) or True)
    tab.select_person(ids["it"])
    tab.chart_view.setFocus()
    qtbot.keyClick(tab.chart_view, Qt.Key.Key_Delete)
    assert "Their 1 report(s) will then report to Sophie Laurent." in asked[0]
    assert ids["it"] not in tab.scene.cards
    assert _manager(tab, julie) == ids["ceo"]
    assert svc.count_stakeholder_interactions(tab.ctx.engine, ids["it"]) == 0
    tab.ctx.undo_stack.undo()
    assert _manager(tab, julie) == ids["it"] and _manager(tab, ids["it"]) == ids["ceo"]
    assert svc.count_stakeholder_interactions(tab.ctx.engine, ids["it"]) == before
    tab.ctx.undo_stack.redo()
    assert ids["it"] not in tab.scene.cards


def test_empty_seats_filled_in_one_step(tab, ids, monkeypatch):
    monkeypatch.setattr(
        tab,
        "ask_person",
        lambda *a, **k: {"full_name": "Nadia Haddad", "email": "n.haddad@acme.fr", "title": None},
    )
    tab._activate_card(tab.scene.cards[ids["cfo"]])  # double-click on the dashed card
    cfo = tab.person(ids["cfo"])
    assert not cfo.placeholder and cfo.full_name == "Nadia Haddad"
    assert cfo.title == "Directeur administratif et financier" and cfo.role == "sponsor"
    assert not tab.scene.cards[ids["cfo"]].is_seat
    tab.ctx.undo_stack.undo()
    assert tab.person(ids["cfo"]).placeholder
    # A required role nobody holds: its virtual card becomes a real person.
    monkeypatch.setattr(tab, "ask_person", lambda *a, **k: {"full_name": "Léa Garnier"})
    tab._activate_card(tab.scene.seats["end_user"])
    lea = tab.person(_key(tab, "Léa Garnier"))
    assert lea.role == "end_user" and not lea.placeholder
    assert "end_user" not in tab.scene.seats
    tab.ctx.undo_stack.undo()
    assert "end_user" in tab.scene.seats


def test_influence_line_added_drawn_and_undone(tab, ids):
    tab.add_influence(ids["it"], ids["ceo"], "ancien collègue")
    (item,) = tab.scene.influences
    assert item.label == "ancien collègue"
    assert item.source is tab.scene.cards[ids["it"]]
    assert not item.boundingRect().isEmpty()
    tab.ctx.undo_stack.undo()
    assert tab.scene.influences == []
    tab.ctx.undo_stack.redo()
    assert len(tab.scene.influences) == 1


def test_panel_edits_with_undo_and_lists_interactions(qtmodeltester, tab, ids):
    tab.select_person(ids["it"])
    panel = tab.panel
    assert panel.manager.currentText() == "Sophie Laurent"
    assert panel.chosen_manager() == ids["ceo"] and panel.changes() == ({}, "same")
    history = panel.history
    assert history.rowCount() == svc.count_stakeholder_interactions(tab.ctx.engine, ids["it"])
    assert history.rowCount() > 0
    qtmodeltester.check(history)
    panel.title_edit.setText("Directeur des systèmes d'information")
    panel.attitude.setCurrentIndex(panel.attitude.findData("skeptic"))
    panel.save.click()
    it = tab.person(ids["it"])
    assert it.title == "Directeur des systèmes d'information" and it.attitude == "skeptic"
    tab.ctx.undo_stack.undo()
    it = tab.person(ids["it"])
    assert (it.title, it.attitude) == ("DSI", "champion")
    # Manager and fields in one go: a single undo step.
    tab.select_person(ids["it"])
    panel.phone.setText("01 23 45 67 89")
    panel.manager.setCurrentIndex(0)  # "No one (top level)"
    index = tab.ctx.undo_stack.index()
    panel.save.click()
    assert tab.ctx.undo_stack.index() == index + 1
    assert _manager(tab, ids["it"]) is None and tab.person(ids["it"]).phone == "01 23 45 67 89"
    tab.ctx.undo_stack.undo()
    assert _manager(tab, ids["it"]) == ids["ceo"] and tab.person(ids["it"]).phone is None


def test_header_figures_match_the_kpi_service(tab, ids):
    today = dt.date.today()
    result = compute_kpis(tab.ctx.engine, today - dt.timedelta(days=364), today)
    row = next(a for a in result["coverage"]["accounts"] if a["account"] == "Acme Industries")
    f = tab.chart.figures
    for key in (
        "committee_size",
        "identified",
        "engaged",
        "identified_coverage",
        "engaged_coverage",
        "role_coverage",
        "at_risk",
    ):
        assert getattr(f, key) == row[key], key
    assert tab.identified_label.text().startswith("Identified: 2 of 6")
    assert tab.roles_label.property("belowThreshold") == (row["role_coverage"] < 0.3)
    assert tab.engaged_label.property("belowThreshold") == (row["engaged_coverage"] < 0.3)


def _big_account(engine, account_id, n=200):
    ids = []
    with write_session(engine) as s:
        for i in range(n):
            manager = None if i == 0 else ids[(i - 1) // 6 if i < 40 else (i % 40)]
            sid = uuid.uuid4()
            s.add(
                Stakeholder(
                    id=sid,
                    account_id=account_id,
                    full_name=f"Personne {i:03d}",
                    role="end_user",
                    reports_to_id=manager,
                )
            )
            s.flush()
            ids.append(sid)
    return ids


def test_200_people_no_overlap_parents_centred(tab, ids):
    people = _big_account(tab.ctx.engine, ids["cabinet"])
    tab.select_account(ids["cabinet"])
    cards = list(tab.scene.cards.values())
    assert len(cards) == 200
    rects = sorted(
        (c.sceneBoundingRect().adjusted(2, 2, -2, -2) for c in cards), key=lambda r: r.x()
    )
    for i, a in enumerate(rects):
        for b in rects[i + 1 :]:
            if b.x() >= a.right():
                break
            assert not a.intersects(b)
    kids: dict = {}
    for p in tab.chart.people:
        if p.manager_id:
            kids.setdefault(p.manager_id, []).append(p.id)
    for parent, children in kids.items():
        xs = [_centre_x(tab.scene.cards[c]) for c in children]
        assert _centre_x(tab.scene.cards[parent]) == pytest.approx((min(xs) + max(xs)) / 2)
    assert len(people) == 200


def test_export_png_and_pdf(tab, tmp_path):
    tmp_path = tmp_path / "exports"
    png = tab.export_png(tmp_path / "carte.png")
    pdf = tab.export_pdf(tmp_path / "carte.pdf")
    image = QImage(str(png))
    assert not image.isNull() and image.width() > CARD_W
    assert pdf.read_bytes().startswith(b"%PDF")
    from pypdf import PdfReader

    (page,) = PdfReader(str(pdf)).pages
    assert float(page.mediabox.width) > float(page.mediabox.height)  # A4 landscape
    assert sorted(p.name for p in tmp_path.iterdir()) == ["carte.pdf", "carte.png"]


def test_zoom_keys_and_fit(qtbot, tab):
    view = tab.chart_view
    view.fit()
    start = view.scale_factor()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.scale_factor() > start
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.scale_factor() < start
    tab.fit_action.trigger()
    assert view.scale_factor() == pytest.approx(start)
    assert isinstance(view.mapFromScene(0, 0), QPoint)


def test_dialogs_check_their_values(qtbot, tab, ids):
    from abmdesk.ui.orgchart.panel import InfluenceDialog, PersonDialog

    dialog = PersonDialog("New", tab)
    qtbot.addWidget(dialog)
    dialog.name.setText("Julie Morel")
    dialog.email.setText("julie@")
    dialog.accept()
    assert dialog.result() == 0 and "is not an email address" in dialog.error.text()
    dialog.email.setText("julie@acme.fr")
    dialog.accept()
    assert dialog.result() == 1
    assert dialog.values()["email"] == "julie@acme.fr"
    fill = PersonDialog("Fill", tab, fill=True, initial={"title": "DAF"})
    qtbot.addWidget(fill)
    assert set(fill.values()) == {"full_name", "title", "email"}
    people = [(ids["ceo"], "Sophie Laurent"), (ids["cfo"], "DAF — inconnu")]
    influence = InfluenceDialog("Marc Petit", people, tab)
    qtbot.addWidget(influence)
    influence.accept()  # nobody chosen yet
    assert influence.result() == 0 and influence.error.isVisibleTo(influence)
    influence.target.setCurrentIndex(0)
    influence.label.setText("ancien collègue")
    influence.accept()
    assert influence.result() == 1
    assert influence.chosen() == (ids["ceo"], "ancien collègue")


def test_arrow_keys_move_between_cards(qtbot, tab, ids):
    tab.select_person(ids["ceo"])
    view = tab.chart_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    first = tab.selected_id()
    assert first in (ids["it"], ids["cfo"])  # a report, below
    other = ids["cfo"] if first == ids["it"] else ids["it"]
    left = _centre_x(tab.scene.cards[first]) < _centre_x(tab.scene.cards[other])
    qtbot.keyClick(view, Qt.Key.Key_Right if left else Qt.Key.Key_Left)
    assert tab.selected_id() == other
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert tab.selected_id() == ids["ceo"]
    assert tab.panel.name.text() == "Sophie Laurent"


def test_ctrl_wheel_zooms(tab):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent

    view = tab.chart_view
    view.fit()
    start = view.scale_factor()
    centre = QPointF(view.viewport().rect().center())
    event = QWheelEvent(
        centre,
        QPointF(view.viewport().mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    view.wheelEvent(event)
    assert view.scale_factor() == pytest.approx(start * 1.2**2)


def test_a_logged_interaction_shows_on_the_card(window, tab, ids):
    from abmdesk.services.interactions import log_interaction
    from abmdesk.ui.changes import Changes

    ceo = tab.person(ids["ceo"])
    assert not ceo.engaged and ceo.last_interaction is None
    now = dt.datetime.now().replace(microsecond=0)
    log_interaction(tab.ctx.engine, ids["acme"], "meeting", now, stakeholder_id=ids["ceo"])
    window.apply_changes(Changes(interactions=True))
    ceo = tab.person(ids["ceo"])
    assert ceo.engaged and ceo.last_interaction == now
    assert tab.scene.cards[ids["ceo"]].status_text.startswith("Engaged")
    assert tab.chart.figures.engaged == 2


def test_fill_and_panel_edits_redo(tab, ids, monkeypatch):
    monkeypatch.setattr(tab, "ask_person", lambda *a, **k: {"full_name": "Nadia Haddad"})
    tab._activate_card(tab.scene.cards[ids["cfo"]])
    stack = tab.ctx.undo_stack
    stack.undo()
    stack.redo()
    assert tab.person(ids["cfo"]).full_name == "Nadia Haddad"
    assert not tab.person(ids["cfo"]).placeholder
    tab.edit_person(ids["it"], {"title": "DSI groupe"})
    stack.undo()
    assert tab.person(ids["it"]).title == "DSI"
    stack.redo()
    assert tab.person(ids["it"]).title == "DSI groupe"
    assert stack.undoText() == "Edit Marc Petit"


def test_context_menus(tab, ids):
    tab.add_influence(ids["it"], ids["ceo"], "")
    tab.select_person(ids["it"])
    texts = [a.text() for a in tab.card_menu(tab.scene.cards[ids["it"]]).actions() if a.text()]
    assert texts == [
        "&Edit",
        "Add a &report",
        "Add a &peer",
        "&Influence on…",
        "Report to &no one",
        "Remove the influence on Sophie Laurent",
        "&Delete…",
    ]
    seat = [a.text() for a in tab.card_menu(tab.scene.cards[ids["cfo"]]).actions()]
    assert seat[0] == "&Fill this seat…"
    virtual = [a.text() for a in tab.card_menu(tab.scene.seats["end_user"]).actions()]
    assert virtual == ["&Name this person…"]
    empty = [a.text() for a in tab.card_menu(None).actions() if a.text()]
    assert empty[0] == "&Add a person"


def test_the_list_view_selects_on_the_chart(tab, ids):
    tab.list_button.click()
    assert tab.stack.currentWidget() is tab.view
    row = tab.model.row_of_key(ids["it"])
    tab.view.setCurrentIndex(tab.model.index(row, 0))
    assert tab.selected_id() == ids["it"] and tab.panel.name.text() == "Marc Petit"
    tab.view.doubleClicked.emit(tab.model.index(row, 0))
    assert tab.stack.currentWidget() is tab.chart_view
