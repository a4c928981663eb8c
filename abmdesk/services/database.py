"""Opening databases, for the CLI and the GUI."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from abmdesk.db.migrate import open_database


def open_db(path: str | Path) -> Engine:
    """Open (creating or migrating) the database at ``path``."""
    return open_database(path)


def is_empty(engine: Engine) -> bool:
    """True when the database holds no account yet."""
    from sqlalchemy import text

    with engine.connect() as conn:
        return conn.execute(text("SELECT 1 FROM accounts LIMIT 1")).first() is None
