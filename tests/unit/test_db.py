"""Storage: pragmas, migrations, refusal of newer databases, integrity rules."""

from __future__ import annotations

import sqlite3
import uuid

import pytest
from sqlalchemy import text

from abmdesk.db import migrate
from abmdesk.db.engine import write_session
from abmdesk.db.migrate import HEAD_REVISION, open_database
from abmdesk.db.models import Account, Interaction, Stakeholder
from abmdesk.errors import DatabaseError


def test_pragmas(engine):
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_head_constant_matches_migrations():
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate._alembic_config())
    assert script.get_current_head() == HEAD_REVISION


def test_fresh_database_is_seeded(engine):
    with engine.connect() as conn:
        points = dict(conn.execute(text("SELECT key, points FROM interaction_types")).all())
        assert points["meeting"] == 50 and points["demo_request"] == 20
        assert points["content_download"] == 5 and points["email_sent"] == 0
        assert conn.execute(text("SELECT count(*) FROM identity")).scalar() == 1


def test_newer_database_is_refused_and_untouched(db_path):
    open_database(db_path).dispose()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError, match="newer version"):
        open_database(db_path)
    assert db_path.read_bytes() == before


def test_not_a_database_is_refused(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("hello")
    with pytest.raises(DatabaseError, match="not an ABM Desk database"):
        open_database(bad)
    assert bad.read_text() == "hello"


def test_failed_write_rolls_back_whole(engine):
    with pytest.raises(RuntimeError), write_session(engine) as s:
        s.add(Account(name="Acme"))
        s.flush()
        raise RuntimeError("boom")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM accounts")).scalar() == 0


def test_ddl_rolls_back_with_the_transaction(engine):
    with pytest.raises(RuntimeError), engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE scratch (x)")
        raise RuntimeError("boom")
    with engine.connect() as conn:
        assert (
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE name='scratch'").scalar()
            == 0
        )


def test_manager_from_another_account_is_refused(engine):
    from sqlalchemy.exc import IntegrityError

    with write_session(engine) as s:
        a, b = Account(name="A"), Account(name="B")
        s.add_all([a, b])
        s.flush()
        boss = Stakeholder(account_id=a.id, full_name="Boss")
        s.add(boss)
        s.flush()
        boss_id, b_id = boss.id, b.id
    with pytest.raises(IntegrityError, match="another account"), write_session(engine) as s:
        s.add(Stakeholder(account_id=b_id, full_name="Intruder", reports_to_id=boss_id))


def test_interaction_day_is_generated(engine):
    import datetime as dt

    with write_session(engine) as s:
        a = Account(name="A")
        s.add(a)
        s.flush()
        s.add(
            Interaction(
                account_id=a.id, type_key="call", occurred_at=dt.datetime(1970, 1, 2, 23, 59, 59)
            )
        )
    with engine.connect() as conn:
        assert conn.execute(text("SELECT day, occurred_at FROM interactions")).one() == (
            1,
            "1970-01-02T23:59:59",
        )


def test_ids_are_uuids(engine):
    with write_session(engine) as s:
        a = Account(name="A")
        s.add(a)
    assert isinstance(a.id, uuid.UUID)
