"""Engine factory: the SQLite settings that protect data (DESIGN.md).

- WAL journal, ``synchronous=FULL``, foreign keys on, a busy timeout;
- the driver's own transaction handling is off (``isolation_level=None``) and we
  emit ``BEGIN`` ourselves, so DDL rolls back with the rest of a failed transaction;
- write transactions start with ``BEGIN IMMEDIATE`` (take the write lock first, so a
  busy database waits for ``busy_timeout`` instead of failing mid-transaction).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session

BUSY_TIMEOUT_MS = 10_000


def make_engine(path: str | Path, *, echo: bool = False) -> Engine:
    """A SQLAlchemy engine on the SQLite file ``path`` (created if missing)."""
    url = f"sqlite+pysqlite:///{Path(path)}"
    engine = create_engine(
        url,
        echo=echo,
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # noqa: ANN001
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # noqa: ANN001
        mode = conn.get_execution_options().get("begin", "")
        conn.exec_driver_sql(f"BEGIN {mode}".strip())

    return engine


def writer(engine: Engine) -> Engine:
    """The same engine, whose transactions begin IMMEDIATE (for writes)."""
    return engine.execution_options(begin="IMMEDIATE")


@contextmanager
def write_session(engine: Engine) -> Iterator[Session]:
    """A session in one write transaction: committed on success, rolled back on error."""
    with Session(writer(engine), expire_on_commit=False) as session, session.begin():
        yield session


@contextmanager
def read_session(engine: Engine) -> Iterator[Session]:
    """A session for reading in one consistent snapshot."""
    with Session(engine) as session, session.begin():
        yield session
