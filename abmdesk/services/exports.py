"""Export a table for other tools: CSV (French Excel or plain), XLSX, vCard 3.0 (issue 5).

``export_table(engine, what, path, format)`` reads one consistent snapshot of the
accounts, stakeholders, interactions or deals and streams it to ``path`` through
the writers of :mod:`abmdesk.interop.exports` (temporary file, then rename; formula
injection neutralised). The CLI and the GUI both call it.

Columns are named by their key (the native bundle's names: ``account``,
``full_name``…) unless ``headers`` gives labels; stored keys (roles, stages, types,
statuses, booleans) are written as they are unless ``value_labels`` gives their
labels: the GUI passes both, translated. The vCard export holds the identified
stakeholders (empty seats are not people) with their account as organisation.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from abmdesk import domain
from abmdesk.db.engine import read_session
from abmdesk.errors import AbmError
from abmdesk.interop import exports as writers

WHAT: tuple[str, ...] = ("accounts", "stakeholders", "interactions", "deals")
FORMATS: tuple[str, ...] = ("csv", "xlsx", "vcard")
SEPARATORS: tuple[str, ...] = (";", ",")

#: ``progress(rows written)``; raising from it cancels the export (the old file stays).
Progress = Callable[[int], None]

#: Rows fetched from SQLite at a time.
BATCH = 5000


@dataclass(frozen=True)
class Column:
    key: str
    #: text, int, number, money, bool, date, datetime, choice
    kind: str = "text"


_COLUMNS: dict[str, tuple[Column, ...]] = {
    "accounts": (
        Column("name"),
        Column("domain"),
        Column("sector"),
        Column("employees", "int"),
        Column("country"),
        Column("tier"),
        Column("is_target", "bool"),
        Column("target_since", "date"),
        Column("committee_size", "int"),
        Column("retention_years", "number"),
        Column("owner"),
    ),
    "stakeholders": (
        Column("account"),
        Column("full_name"),
        Column("title"),
        Column("email"),
        Column("phone"),
        Column("role", "choice"),
        Column("attitude", "choice"),
        Column("reports_to"),
        Column("placeholder", "bool"),
    ),
    "interactions": (
        Column("account"),
        Column("type", "choice"),
        Column("occurred_at", "datetime"),
        Column("stakeholder"),
        Column("stakeholder_email"),
        Column("duration_minutes", "int"),
        Column("logged_by"),
        Column("notes"),
    ),
    "deals": (
        Column("account"),
        Column("name"),
        Column("created_at", "datetime"),
        Column("amount", "money"),
        Column("status", "choice"),
        Column("stage", "choice"),
        Column("closed_at", "datetime"),
        Column("owner"),
    ),
}

_SQL = {
    "accounts": """
        SELECT name, domain, sector, employees, country, tier, is_target, target_since,
               committee_size, retention_years, owner
        FROM accounts ORDER BY name COLLATE NOCASE, name""",
    "stakeholders": """
        SELECT a.name, s.full_name, s.title, s.email, s.phone, s.role, s.attitude,
               m.full_name, s.placeholder, s.id
        FROM stakeholders s JOIN accounts a ON a.id = s.account_id
        LEFT JOIN stakeholders m ON m.id = s.reports_to_id
        ORDER BY a.name COLLATE NOCASE, a.name, s.full_name COLLATE NOCASE, s.email""",
    "interactions": """
        SELECT a.name, i.type_key, i.occurred_at, s.full_name, s.email,
               i.duration_minutes, i.logged_by, i.notes
        FROM interactions i JOIN accounts a ON a.id = i.account_id
        LEFT JOIN stakeholders s ON s.id = i.stakeholder_id
        ORDER BY i.occurred_at, a.name""",
    "deals": """
        SELECT a.name, d.name, d.opened_at, d.amount_cents, d.status,
               (SELECT c.stage FROM stage_changes c WHERE c.deal_id = d.id
                ORDER BY c.entered_at DESC LIMIT 1),
               d.closed_at, d.owner
        FROM deals d JOIN accounts a ON a.id = d.account_id
        ORDER BY a.name COLLATE NOCASE, a.name, d.opened_at, d.name""",
}


def columns(what: str) -> tuple[str, ...]:
    """The column keys of an export, in file order."""
    return tuple(c.key for c in _COLUMNS[_check_what(what)])


@dataclass(frozen=True)
class ExportResult:
    path: Path
    what: str
    format: str
    rows: int
    seconds: float

    def describe(self) -> str:
        noun = "cards" if self.format == "vcard" else "rows"
        return f"{self.path}: {self.rows} {noun} ({self.what}, {self.format})"


def _check_what(what: str) -> str:
    if what not in _COLUMNS:
        raise AbmError(f"unknown table '{what}' (one of: {', '.join(WHAT)})")
    return what


def _typed(column: Column, value: Any, labels: Mapping[str, str] | None) -> Any:
    if value is None or value == "":
        return None
    kind = column.kind
    if kind == "bool":
        flag = bool(value)
        return labels["true" if flag else "false"] if labels else flag
    if kind == "choice":
        return labels.get(value, value) if labels else value
    if kind == "money":
        return writers.Money(int(value))
    if kind == "datetime":
        return dt.datetime.fromisoformat(str(value))
    if kind == "date":
        return dt.date.fromisoformat(str(value)[:10])
    if kind == "number":
        return float(value)
    return value


def _rows(
    conn: Any,
    what: str,
    value_labels: Mapping[str, Mapping[str, str]],
) -> Iterator[list[Any]]:
    cols = _COLUMNS[what]
    plan = [(i, c, value_labels.get(c.key)) for i, c in enumerate(cols)]
    result = conn.exec_driver_sql(_SQL[what])
    try:
        while chunk := result.fetchmany(BATCH):
            for raw in chunk:
                yield [_typed(c, raw[i], labels) for i, c, labels in plan]
    finally:
        result.close()


def _cards(conn: Any, value_labels: Mapping[str, Mapping[str, str]]) -> Iterator[writers.Card]:
    roles = value_labels.get("role") or {k: en for k, (_fr, en) in domain.ROLE_LABELS.items()}
    result = conn.exec_driver_sql(_SQL["stakeholders"])
    try:
        while chunk := result.fetchmany(BATCH):
            for account, name, title, email, phone, role, _att, _mgr, placeholder, sid in chunk:
                if placeholder or not (name or "").strip():
                    continue
                yield writers.Card(
                    full_name=name.strip(),
                    uid=f"urn:uuid:{_uuid_text(sid)}",
                    organization=account,
                    title=title,
                    email=email,
                    phone=phone,
                    role=roles.get(role, role) if role else None,
                )
    finally:
        result.close()


def _uuid_text(raw: Any) -> str:
    import uuid

    return str(uuid.UUID(bytes=raw)) if isinstance(raw, bytes) else str(raw)


def export_table(
    engine: Engine,
    what: str,
    path: str | Path,
    format: str,
    *,
    sep: str = ";",
    headers: Mapping[str, str] | None = None,
    value_labels: Mapping[str, Mapping[str, str]] | None = None,
    sheet: str | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Write ``what`` to ``path`` as ``format`` (csv, xlsx, vcard = stakeholders).

    ``sep`` is the CSV separator: ``;`` (French Excel, decimal comma) or ``,``.
    """
    start = time.perf_counter()
    _check_what(what)
    if format not in FORMATS:
        raise AbmError(f"unknown export format '{format}' (one of: {', '.join(FORMATS)})")
    if format == "vcard" and what != "stakeholders":
        raise AbmError("a vCard file holds people: export the stakeholders as vCard")
    if sep not in SEPARATORS:
        raise AbmError(f"separator '{sep}': ';' or ',' expected")
    path = Path(path)
    labels = value_labels or {}
    header = [(headers or {}).get(c.key, c.key) for c in _COLUMNS[what]]
    with read_session(engine) as session:
        conn = session.connection()
        if format == "xlsx":
            total = int(conn.exec_driver_sql(_COUNT_SQL[what]).scalar())
            if total >= writers.XLSX_MAX_ROWS:
                raise AbmError(
                    f"{total} {what}: too many for one Excel sheet "
                    f"({writers.XLSX_MAX_ROWS - 1} rows at most), export as CSV instead"
                )
        if format == "vcard":
            rows = writers.write_vcard(path, _cards(conn, labels), progress=progress)
        elif format == "xlsx":
            rows = writers.write_xlsx(
                path, header, _rows(conn, what, labels), sheet=sheet or what, progress=progress
            )
        else:
            rows = writers.write_csv(
                path, header, _rows(conn, what, labels), sep=sep, progress=progress
            )
    return ExportResult(path, what, format, rows, time.perf_counter() - start)


_COUNT_SQL = {
    "accounts": "SELECT count(*) FROM accounts",
    "stakeholders": "SELECT count(*) FROM stakeholders",
    "interactions": "SELECT count(*) FROM interactions",
    "deals": "SELECT count(*) FROM deals",
}


def count_rows(engine: Engine, what: str) -> int:
    """How many rows an export of ``what`` holds (for a progress bar)."""
    with read_session(engine) as session:
        return int(session.connection().exec_driver_sql(_COUNT_SQL[_check_what(what)]).scalar())
