"""Editing, deleting and restoring interactions; the filtered, paged history."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from abmdesk.db.engine import write_session
from abmdesk.db.models import Account, Interaction, Stakeholder
from abmdesk.errors import ValidationError
from abmdesk.services import records
from abmdesk.services.interactions import (
    delete_interactions,
    log_interaction,
    restore_interactions,
    update_interaction,
)
from abmdesk.services.records import InteractionFilter, filtered_interaction_page

BASE = dt.datetime(2026, 3, 2, 9, 0)


@pytest.fixture
def data(engine):
    with write_session(engine) as s:
        a = Account(name="Cétia Digital")
        b = Account(name="Cabinet Martin")
        s.add_all([a, b])
        s.flush()
        anne = Stakeholder(account_id=a.id, full_name="Anne Roux")
        seat = Stakeholder(account_id=a.id, full_name="DAF", placeholder=True)
        paul = Stakeholder(account_id=b.id, full_name="Paul Martin")
        s.add_all([anne, seat, paul])
        s.flush()
        for i in range(60):
            s.add(
                Interaction(
                    account_id=a.id if i % 2 else b.id,
                    stakeholder_id=anne.id if i % 4 == 1 else None,
                    type_key="meeting" if i % 3 == 0 else "call",
                    occurred_at=BASE + dt.timedelta(hours=i // 2),  # pairs share a time
                    duration_minutes=15,
                    logged_by="Léa" if i % 5 == 0 else "Hugo",
                    notes="Relance tarifs été" if i % 10 == 0 else f"Suivi {i}",
                )
            )
        ids = {"a": a.id, "b": b.id, "anne": anne.id, "seat": seat.id, "paul": paul.id}
    return ids


def _walk(engine, f, ascending=False, limit=7, window=9):
    rows, cursor = [], None
    for _ in range(1000):
        page = filtered_interaction_page(
            engine, f, after=cursor, limit=limit, ascending=ascending, window=window
        )
        assert len(page.rows) <= limit and page.scanned <= (window if f.scans else limit)
        rows += page.rows
        cursor = page.cursor
        if page.done:
            return rows
    raise AssertionError("never done")


def _brute(engine, keep, ascending=False):
    everything = _walk(engine, InteractionFilter(), ascending, limit=1000)
    return [r.id for r in everything if keep(r)]


@pytest.mark.parametrize("ascending", [False, True])
@pytest.mark.parametrize(
    "make, keep",
    [
        (lambda ids: InteractionFilter(), lambda ids, r: True),
        (
            lambda ids: InteractionFilter(account_id=ids["a"]),
            lambda ids, r: r.account_id == ids["a"],
        ),
        (
            lambda ids: InteractionFilter(stakeholder_id=ids["anne"]),
            lambda ids, r: r.stakeholder_id == ids["anne"],
        ),
        (lambda ids: InteractionFilter(type_key="meeting"), lambda ids, r: r.type_key == "meeting"),
        (lambda ids: InteractionFilter(logged_by="Léa"), lambda ids, r: r.logged_by == "Léa"),
        # Words ignore case and accents, in any order.
        (lambda ids: InteractionFilter(text="ETE relance"), lambda ids, r: "Relance" in r.notes),
        (
            lambda ids: InteractionFilter(
                date_from=dt.date(2026, 3, 2), date_to=dt.date(2026, 3, 2)
            ),
            lambda ids, r: r.occurred_at.date() == dt.date(2026, 3, 2),
        ),
        (
            lambda ids: InteractionFilter(account_id=ids["b"], type_key="call", text="suivi"),
            lambda ids, r: r.account_id == ids["b"] and r.type_key == "call" and "Suivi" in r.notes,
        ),
        (lambda ids: InteractionFilter(text="nowhere"), lambda ids, r: False),
    ],
)
def test_filtered_pages_equal_a_brute_force_filter(engine, data, make, keep, ascending):
    f = make(data)
    rows = _walk(engine, f, ascending)
    expected = _brute(engine, lambda r: keep(data, r), ascending)
    assert [r.id for r in rows] == expected
    keys = [(r.occurred_at, r.id) for r in rows]
    assert keys == sorted(keys, reverse=not ascending)
    assert records.count_filtered_interactions(engine, f) == len(expected)


def test_a_scan_page_is_bounded_and_says_where_to_go_on(engine, data):
    page = filtered_interaction_page(engine, InteractionFilter(text="nowhere"), window=20)
    assert page.rows == [] and page.scanned == 20 and not page.done
    assert page.cursor is not None


def test_loggers(engine, data):
    assert records.interaction_loggers(engine) == ["Hugo", "Léa"]


def test_history_queries_use_indexes(engine, data, db_path):
    """EXPLAIN QUERY PLAN: every filtered page walks an index in date order."""

    captured = []
    for f in (
        InteractionFilter(),
        InteractionFilter(account_id=data["a"]),
        InteractionFilter(stakeholder_id=data["anne"]),
        InteractionFilter(date_from=dt.date(2026, 3, 2), type_key="call", text="x"),
    ):
        from sqlalchemy import event

        def grab(conn, cursor, statement, parameters, context, executemany):  # noqa: ANN001
            if statement.lstrip().upper().startswith("SELECT") and "FROM interactions" in statement:
                captured.append((statement, parameters))

        event.listen(engine, "before_cursor_execute", grab)
        try:
            filtered_interaction_page(engine, f)
        finally:
            event.remove(engine, "before_cursor_execute", grab)
    con = sqlite3.connect(db_path)
    plans = []
    for statement, parameters in captured:
        plan = " / ".join(r[3] for r in con.execute("EXPLAIN QUERY PLAN " + statement, parameters))
        plans.append(plan)
        assert "USING INDEX" in plan or "USING COVERING INDEX" in plan, plan
    con.close()
    assert any("ix_interactions_account_occurred" in p for p in plans)
    assert any("ix_interactions_stakeholder_occurred" in p for p in plans)


def test_update_returns_previous_values_and_undoes(engine, data):
    rec = log_interaction(engine, data["a"], "call", BASE, notes="Premier appel")
    result = update_interaction(
        engine,
        rec.id,
        type_key="meeting",
        occurred_at=dt.datetime(2026, 4, 1, 14, 0),
        duration_minutes=45,
        notes="  Rendez-vous  ",
        stakeholder_id=data["anne"],
    )
    assert result.record.type_key == "meeting" and result.record.notes == "Rendez-vous"
    assert result.record.stakeholder_name == "Anne Roux" and result.record.points == 50
    assert result.previous == {
        "type_key": "call",
        "occurred_at": BASE,
        "duration_minutes": None,
        "notes": "Premier appel",
        "stakeholder_id": None,
    }
    back = update_interaction(engine, rec.id, **result.previous)
    assert back.record == rec


@pytest.mark.parametrize(
    "changes",
    [
        {"type_key": "nope"},
        {"duration_minutes": -1},
        {"occurred_at": None},
        {"logged_by": "x"},
        {"stakeholder_id": "seat"},
        {"stakeholder_id": "paul"},
    ],
)
def test_update_refuses_bad_values(engine, data, changes):
    rec = log_interaction(engine, data["a"], "call", BASE)
    changes = {
        k: data.get(v, v) if isinstance(v, str) and k == "stakeholder_id" else v
        for k, v in changes.items()
    }
    with pytest.raises(ValidationError):
        update_interaction(engine, rec.id, **changes)
    assert records.get_interaction(engine, rec.id) == rec


def test_delete_and_restore_with_the_same_ids(engine, data):
    page = filtered_interaction_page(engine, InteractionFilter(account_id=data["a"]), limit=5)
    ids = [r.id for r in page.rows]
    before = records.count_interactions(engine)
    snaps = delete_interactions(engine, ids + [ids[0]])
    assert [s.id for s in snaps] == ids
    assert records.count_interactions(engine) == before - 5
    assert all(records.get_interaction(engine, i) is None for i in ids)
    assert restore_interactions(engine, snaps) == 5
    assert records.count_interactions(engine) == before
    assert [records.get_interaction(engine, i) for i in ids] == page.rows
    with pytest.raises(ValidationError):
        restore_interactions(engine, snaps)  # they exist again: nothing doubled
    assert records.count_interactions(engine) == before


def test_words_fold_accents_the_same_in_pages_and_in_the_sql_count(engine, data):
    for note in ("ÉCHÉANCE du cœur de métier", "echeance REPORTÉE", "Échéancier", "rien"):
        log_interaction(engine, data["a"], "call", BASE, notes=note)
    for text, expected in (("échéanc", 3), ("ECHEANCE coeur", 1), ("reportee", 1), ("œ", 1)):
        f = InteractionFilter(text=text)
        found = [r.notes for r in _walk(engine, f)]
        assert len(found) == expected, (text, found)
        assert records.count_filtered_interactions(engine, f) == expected
    assert records.fold_note("Œuvre À l’Été") == "oeuvre a l'ete"
