"""Every migration is run from a frozen database file of an older revision."""

from __future__ import annotations

import shutil

from sqlalchemy import text

from abmdesk.db.migrate import HEAD_REVISION, current_revision, open_database
from tests.conftest import FIXTURES


def test_frozen_rev0001_opens_at_head_with_data_intact(tmp_path):
    db = tmp_path / "old.db"
    shutil.copy(FIXTURES / "db_rev0001.db", db)
    engine = open_database(db)
    try:
        assert current_revision(engine) == HEAD_REVISION
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
            name = conn.execute(text("SELECT full_name FROM stakeholders WHERE placeholder = 0"))
            assert name.scalar() == "Hélène Géraud"
            row = conn.execute(text("SELECT amount_cents, status FROM deals")).one()
            assert tuple(row) == (4500000, "won")
            assert conn.execute(text("SELECT count(*) FROM interactions")).scalar() == 1
            # 0002: the influence lines table exists, empty, with its cascades.
            assert conn.execute(text("SELECT count(*) FROM influence_lines")).scalar() == 0
            fks = conn.exec_driver_sql("PRAGMA foreign_key_list(influence_lines)").fetchall()
            assert sorted((fk[2], fk[3], fk[6]) for fk in fks) == [
                ("accounts", "account_id", "CASCADE"),
                ("stakeholders", "from_id", "CASCADE"),
                ("stakeholders", "to_id", "CASCADE"),
            ]
            # 0003: import batches and the rows they created or changed, empty.
            assert conn.execute(text("SELECT count(*) FROM import_batches")).scalar() == 0
            assert conn.execute(text("SELECT count(*) FROM import_rows")).scalar() == 0
            fks = conn.exec_driver_sql("PRAGMA foreign_key_list(import_rows)").fetchall()
            assert [(fk[2], fk[3], fk[6]) for fk in fks] == [
                ("import_batches", "batch_id", "CASCADE")
            ]
            indexes = {r[1] for r in conn.exec_driver_sql("PRAGMA index_list(import_rows)")}
            assert {"ix_import_rows_key", "ix_import_rows_batch_id"} <= indexes
    finally:
        engine.dispose()
