"""Open a database: create or migrate it with Alembic, from code, in one transaction.

A database written by a newer ABM Desk (a schema revision this version does not
know) is refused and left untouched. When the file is already at our head
revision, Alembic is not even imported: opening stays fast.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, inspect, text

from abmdesk.db.engine import make_engine, writer
from abmdesk.errors import DatabaseError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")

#: The newest revision in migrations/versions (a test keeps the two in step).
HEAD_REVISION = "0003"


def _alembic_config():  # noqa: ANN202
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, target: str = "head") -> None:
    """Run the migrations up to ``target`` in one transaction (DDL included)."""
    from alembic import command

    cfg = _alembic_config()
    with writer(engine).connect() as conn:
        # Table rebuilds (batch mode) must not cascade: foreign keys off, checked after.
        conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, target)
                bad = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if bad:
                    raise DatabaseError(f"migration left broken references: {bad[:3]}")
        finally:
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=ON")


def open_database(path: str | Path, *, create: bool = True) -> Engine:
    """An engine on ``path``, migrated to the current schema."""
    path = Path(path)
    if not path.exists() and not create:
        raise DatabaseError(f"{path}: no such database")
    if path.exists() and path.is_dir():
        raise DatabaseError(f"{path}: is a folder, not a database file")
    if path.exists() and path.stat().st_size > 0:
        with open(path, "rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                raise DatabaseError(f"{path}: not an ABM Desk database (not SQLite)")
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(path)
    try:
        revision = current_revision(engine)
        if revision != HEAD_REVISION:
            if revision is not None and revision not in known_revisions():
                raise DatabaseError(
                    f"{path}: made by a newer version of ABM Desk (schema {revision}); "
                    "update ABM Desk to open it. The file was left untouched."
                )
            upgrade(engine)
    except Exception:
        engine.dispose()
        raise
    return engine
