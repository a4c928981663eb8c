"""Import and export of the native data bundle (SPEC section 2), all or nothing.

Import reads and checks the small files first, then, in one write transaction,
matches the rows against the database, checks every reference, writes, and streams
``interactions.csv`` in batches. Any problem raises a ``DataError`` naming file,
line and column, and the transaction rolls back: nothing is written.

Merge rules, for a database that already holds data:

- accounts are matched by name, stakeholders by email (case ignored) within their
  account, else by full name within their account; deals by (account, name);
  stage changes by (deal, stage, entered_at); interaction types by key. A row of
  ``interactions.csv``, ``contracts.csv`` or ``costs.csv`` that is identical to a row
  already present is that row (counted: two identical lines are two rows).
- For a matched row the bundle is authoritative for the columns its file has: an
  empty cell clears the value (``status`` back to ``open``, ``program`` to ``abm``, a
  boolean to false); a column the file does not have leaves the stored value alone.
  Two exceptions: an empty email never erases a known one (the email is how people
  are recognised), and an empty label keeps an interaction type's label.
- Nothing is ever deleted.

So importing the same bundle twice changes nothing the second time, and export,
import into an empty database, export again gives the same files.
"""

from __future__ import annotations

import os
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, bindparam, insert, select, update

from abmdesk.db.engine import read_session, write_session
from abmdesk.db.models import (
    Account,
    Contract,
    Cost,
    Deal,
    Interaction,
    InteractionType,
    StageChange,
    Stakeholder,
    utcnow,
)
from abmdesk.errors import DataError
from abmdesk.interop import native
from abmdesk.interop.native import (
    ACCOUNTS,
    CONTRACTS,
    COSTS,
    DEALS,
    INTERACTION_TYPES,
    INTERACTIONS,
    STAGE_CHANGES,
    STAKEHOLDERS,
    Row,
)
from abmdesk.services import org
from abmdesk.services.settings import TYPE_KEY

#: ``progress(file name, rows done)``; raising from it cancels the operation.
Progress = Callable[[str, int], None]

#: Rows sent to SQLite per executemany while streaming interactions.
BATCH = 20_000

#: Page cache for the import's connection (KiB): index inserts stay in memory.
IMPORT_CACHE_KIB = 128 * 1024

_ACCOUNT_COLUMNS = (
    "domain",
    "sector",
    "employees",
    "country",
    "tier",
    "is_target",
    "target_since",
    "committee_size",
    "retention_years",
    "owner",
)
_PERSON_COLUMNS = ("title", "email", "phone", "role", "attitude", "placeholder")
#: deals.csv column -> deals table column.
_DEAL_COLUMNS = {
    "created_at": "opened_at",
    "amount": "amount_cents",
    "status": "status",
    "closed_at": "closed_at",
    "owner": "owner",
}
_DEFAULTS = {"is_target": False, "placeholder": False, "status": "open", "program": "abm"}


@dataclass(frozen=True)
class FileCounts:
    """What the import did with the rows of one file."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def rows(self) -> int:
        return self.created + self.updated + self.unchanged


@dataclass(frozen=True)
class ImportReport:
    """The result of an import: counts for each file the folder had, in SPEC order."""

    folder: Path
    files: dict[str, FileCounts] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def changed(self) -> bool:
        return any(c.created or c.updated for c in self.files.values())

    @property
    def changed_files(self) -> tuple[str, ...]:
        """The files whose rows created or changed something (for views to refresh)."""
        return tuple(name for name, c in self.files.items() if c.created or c.updated)

    def describe(self) -> str:
        if not self.files:
            return (
                f"Nothing imported: {self.folder} holds none of the bundle files "
                f"({', '.join(native.FILE_NAMES)})."
            )
        parts = [
            f"{name} {c.created} created, {c.updated} updated, {c.unchanged} unchanged"
            for name, c in self.files.items()
        ]
        text = f"Imported {self.folder} in {self.seconds:.1f} s: {'; '.join(parts)}."
        missing = [name for name in native.FILE_NAMES if name not in self.files]
        if missing:
            text += f" Not in the folder: {', '.join(missing)}."
        if not self.changed:
            text += " The database already held all of it: nothing changed."
        return text


@dataclass(frozen=True)
class ExportReport:
    """The result of an export: rows written per file."""

    folder: Path
    files: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def describe(self) -> str:
        parts = [f"{name} {count} rows" for name, count in self.files.items()]
        return f"Exported to {self.folder} in {self.seconds:.1f} s: {'; '.join(parts)}."


# --------------------------------------------------------------------------- import


def import_bundle(engine: Engine, folder: Path, progress: Progress | None = None) -> ImportReport:
    """Import the bundle in ``folder``: everything, or nothing and a ``DataError``.

    ``progress(file, rows)`` is called as files are read (from the calling thread); an
    exception raised by it (a cancel) stops the import and nothing is written.
    """
    start = time.perf_counter()
    folder = Path(folder)
    report = progress or _no_progress
    paths = native.find_files(folder)
    parsed = {}
    for name, path in paths.items():
        if name != INTERACTIONS:
            parsed[name] = native.read_rows(path, name)
            report(name, len(parsed[name][1]))
    _check_files(parsed)
    with write_session(engine) as session:
        conn = session.connection()
        previous = conn.exec_driver_sql("PRAGMA cache_size").scalar()
        conn.exec_driver_sql(f"PRAGMA cache_size=-{IMPORT_CACHE_KIB}")
        try:
            counts = _Import(conn, parsed, report).run(paths.get(INTERACTIONS))
        finally:
            conn.exec_driver_sql(f"PRAGMA cache_size={int(previous)}")
    files = {name: counts[name] for name in native.FILE_NAMES if name in paths}
    return ImportReport(folder, files, time.perf_counter() - start)


def _check_files(parsed: dict[str, tuple[tuple[str, ...], list[Row]]]) -> None:
    """The checks that need one file only: duplicate keys, type keys."""
    if ACCOUNTS in parsed:
        native.check_unique(parsed[ACCOUNTS][1], lambda r: r["name"], "name", "this account")
    if DEALS in parsed:
        native.check_unique(
            parsed[DEALS][1], lambda r: (r["account"], r["name"]), "name", "this deal"
        )
    if INTERACTION_TYPES in parsed:
        rows = parsed[INTERACTION_TYPES][1]
        for row in rows:
            written = row["type"]
            row.values["type"] = key = written.lower()
            if not TYPE_KEY.match(key):
                raise row.error(
                    "type",
                    f"'{written}' is not a type key: lower-case letters, digits and '_' "
                    "(like 'trade_show')",
                )
        native.check_unique(rows, lambda r: r["type"], "type", "this type")


def _same(row: Row, stored: dict[str, Any], columns: Iterable[tuple[str, str]]) -> bool:
    """True when every (file column, table column) of ``row`` equals the stored value."""
    for col, target in columns:
        if row.has(col) and _value(row, col) != _blank(stored[target]):
            return False
    return True


def _value(row: Row, col: str) -> Any:
    value = row[col]
    return _DEFAULTS.get(col) if value is None else value


def _blank(value: Any) -> Any:
    return None if value == "" else value


class _People:
    """Who is who in each account once the import is done, to resolve references."""

    def __init__(self, account_names: dict[uuid.UUID, str]) -> None:
        self.account_names = account_names
        self.people: dict[uuid.UUID, list[tuple[uuid.UUID, str, str | None]]] = defaultdict(list)
        self._index: dict[uuid.UUID, tuple[dict[str, list], dict[str, list]]] = {}

    def add(
        self, account_id: uuid.UUID, person_id: uuid.UUID, name: str, email: str | None
    ) -> None:
        self.people[account_id].append((person_id, name, email))

    def _lookup(self, account_id: uuid.UUID) -> tuple[dict[str, list], dict[str, list]]:
        index = self._index.get(account_id)
        if index is None:
            emails: dict[str, list] = defaultdict(list)
            names: dict[str, list] = defaultdict(list)
            for person_id, name, email in self.people.get(account_id, ()):
                if email:
                    emails[email.casefold()].append(person_id)
                names[name].append((person_id, bool(email)))
            index = self._index[account_id] = (emails, names)
        return index

    def resolve(self, row: Row, col: str, account_id: uuid.UUID) -> uuid.UUID:
        """The person ``row[col]`` names (email, else full name) in the account."""
        ref = row[col]
        emails, names = self._lookup(account_id)
        found = emails.get(ref.casefold())
        if found:
            return found[0]
        candidates = names.get(ref, ())
        if len(candidates) == 1:
            return candidates[0][0]
        without_email = [person_id for person_id, has_email in candidates if not has_email]
        if len(without_email) == 1:  # the others are known by their email
            return without_email[0]
        account = self.account_names[account_id]
        if candidates:
            raise row.error(
                col,
                f"'{ref}' names {len(candidates)} stakeholders of account '{account}'; "
                "refer to them by email, or give them different names",
            )
        elsewhere = self._elsewhere(ref, account_id)
        if elsewhere:
            raise row.error(
                col,
                f"'{ref}' is a stakeholder of account '{elsewhere}', not of '{account}' "
                "(a reference must stay within the account)",
            )
        raise row.error(col, f"no stakeholder '{ref}' in account '{account}' (email or full name)")

    def _elsewhere(self, ref: str, account_id: uuid.UUID) -> str | None:
        folded = ref.casefold()
        for other, people in self.people.items():
            if other != account_id and any(
                name == ref or (email and email.casefold() == folded) for _, name, email in people
            ):
                return self.account_names[other]
        return None


class _Import:
    """One import, inside its write transaction."""

    def __init__(
        self,
        conn: Connection,
        parsed: dict[str, tuple[tuple[str, ...], list[Row]]],
        progress: Progress,
    ) -> None:
        self.conn = conn
        self.parsed = parsed
        self.progress = progress
        self.now = utcnow()
        self.counts: dict[str, FileCounts] = {}

    def rows(self, name: str) -> list[Row]:
        return self.parsed[name][1] if name in self.parsed else []

    def count(self, name: str, created: int = 0, updated: int = 0, unchanged: int = 0) -> None:
        self.counts[name] = FileCounts(created, updated, unchanged)

    def run(self, interactions: Path | None) -> dict[str, FileCounts]:
        self.import_types()
        self.import_accounts()
        self.import_stakeholders()
        self.import_deals()
        self.import_stage_changes()
        self.import_contracts()
        self.import_costs()
        self.parsed.clear()  # memory for the stream
        if interactions is not None:
            self.import_interactions(interactions)
        return self.counts

    # -- helpers

    def table_rows(self, table: Table) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute(select(table)).mappings()]

    def insert(self, table: Table, rows: list[dict[str, Any]]) -> None:
        for r in rows:
            r.setdefault("id", uuid.uuid4())
            r["created_at"] = r["updated_at"] = self.now
        for i in range(0, len(rows), BATCH):
            self.conn.execute(insert(table), rows[i : i + BATCH])

    def update(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """Update rows given as {'id': ..., column: value, ...} (same columns in each)."""
        if not rows:
            return
        columns = [c for c in rows[0] if c != "id"] + ["updated_at"]
        stmt = (
            update(table)
            .where(table.c.id == bindparam("_id"))
            .values({c: bindparam(f"_{c}") for c in columns})
        )
        for i in range(0, len(rows), BATCH):
            params = [
                {f"_{k}": v for k, v in r.items()} | {"_updated_at": self.now}
                for r in rows[i : i + BATCH]
            ]
            self.conn.execute(stmt, params)

    def account_id(self, row: Row, col: str = "account") -> uuid.UUID:
        name = row[col]
        found = self.account_ids.get(name)
        if found is not None:
            return found
        hint = next((n for n in self.account_ids if n.casefold() == name.casefold()), None)
        extra = f"; did you mean '{hint}'?" if hint else ""
        raise row.error(
            col, f"unknown account '{name}' (not in accounts.csv nor in the database){extra}"
        )

    # -- files

    def import_types(self) -> None:
        table = InteractionType.__table__
        stored = {r["key"]: r for r in self.table_rows(table)}
        new, changed, same = [], [], 0
        for row in self.rows(INTERACTION_TYPES):
            key, points, label = row["type"], row["points"], row["label"]
            old = stored.get(key)
            if old is None:
                new.append({"key": key, "points": points, "label": label})
            elif old["points"] != points or (label is not None and label != old["label"]):
                changed.append({"id": old["id"], "points": points, "label": label or old["label"]})
            else:
                same += 1
        self.insert(table, new)
        self.update(table, changed)
        self.types = set(stored) | {r["key"] for r in new}
        if INTERACTION_TYPES in self.parsed:
            self.count(INTERACTION_TYPES, len(new), len(changed), same)

    def import_accounts(self) -> None:
        table = Account.__table__
        stored = {r["name"]: r for r in self.table_rows(table)}
        present = [c for c in _ACCOUNT_COLUMNS if c in self.parsed.get(ACCOUNTS, ((), []))[0]]
        pairs = [(c, c) for c in present]
        new, changed, same = [], [], 0
        for row in self.rows(ACCOUNTS):
            old = stored.get(row["name"])
            values = {c: _value(row, c) for c in present}
            if old is None:
                new.append({"name": row["name"], **{c: None for c in _ACCOUNT_COLUMNS}} | values)
                new[-1]["is_target"] = bool(new[-1]["is_target"])
            elif _same(row, old, pairs):
                same += 1
            else:
                changed.append({"id": old["id"], **values})
        self.insert(table, new)
        self.update(table, changed)
        self.account_ids = {name: r["id"] for name, r in stored.items()}
        self.account_ids.update({r["name"]: r["id"] for r in new})
        if ACCOUNTS in self.parsed:
            self.count(ACCOUNTS, len(new), len(changed), same)

    def import_stakeholders(self) -> None:
        table = Stakeholder.__table__
        columns = self.parsed.get(STAKEHOLDERS, ((), []))[0]
        present = [c for c in _PERSON_COLUMNS if c in columns]
        has_reports = "reports_to" in columns
        stored_by_account: dict[uuid.UUID, list[dict]] = defaultdict(list)
        for r in self.table_rows(table):
            stored_by_account[r["account_id"]].append(r)

        # 1. Who is who: each row gets the stored person it is, or a new id.
        rows_by_account: dict[uuid.UUID, list[Row]] = defaultdict(list)
        for row in self.rows(STAKEHOLDERS):
            rows_by_account[self.account_id(row)].append(row)
        matched: list[tuple[Row, uuid.UUID, uuid.UUID, dict | None]] = []
        for account_id, rows in rows_by_account.items():
            pairs = _match_people(rows, stored_by_account.get(account_id, []), present)
            matched.extend((row, account_id, *pair) for row, pair in zip(rows, pairs, strict=True))

        # 2. The people of every account after the import, to resolve references.
        names = {account_id: name for name, account_id in self.account_ids.items()}
        people = _People(names)
        taken = {old["id"] for _, _, _, old in matched if old is not None}
        for account_id, stored in stored_by_account.items():
            for r in stored:
                if r["id"] not in taken:
                    people.add(account_id, r["id"], r["full_name"], _blank(r["email"]))
        for row, account_id, person_id, old in matched:
            email = row["email"] or (old and _blank(old["email"]))
            people.add(account_id, person_id, row["full_name"], email)
        self.people = people

        # 3. Reporting lines: same account (by construction), no cycle.
        manager_of: dict[uuid.UUID, uuid.UUID | None] = {}
        for account_id in rows_by_account:
            for r in stored_by_account.get(account_id, []):
                manager_of[r["id"]] = r["reports_to_id"]
        row_of: dict[uuid.UUID, Row] = {}
        for row, account_id, person_id, _old in matched:
            row_of[person_id] = row
            if has_reports:
                ref = row["reports_to"]
                manager_of[person_id] = (
                    None if ref is None else people.resolve(row, "reports_to", account_id)
                )
            else:
                manager_of.setdefault(person_id, None)
        cycle = org.first_cycle(manager_of, starts=row_of) if has_reports else None
        if cycle:
            _refuse_cycle(cycle, row_of, people)

        # 4. What changes.
        new, changed, same = [], [], 0
        for row, account_id, person_id, old in matched:
            values = {c: _value(row, c) for c in present}
            if old is not None and values.get("email") is None and "email" in values:
                values["email"] = _blank(old["email"])
            values["full_name"] = row["full_name"]
            if has_reports:
                values["reports_to_id"] = manager_of[person_id]
            if old is None:
                base = {c: None for c in _PERSON_COLUMNS} | {"reports_to_id": None}
                new.append(base | values | {"id": person_id, "account_id": account_id})
                new[-1]["placeholder"] = bool(new[-1]["placeholder"])
            elif all(_blank(old[c]) == v for c, v in values.items()):
                same += 1
            else:
                changed.append({"id": person_id, **values})
        by_id = {r["id"]: r for r in new}
        ordered = org.managers_first(manager_of, by_id)
        self.insert(table, [by_id[i] for i in ordered])
        self.update(table, changed)
        if STAKEHOLDERS in self.parsed:
            self.count(STAKEHOLDERS, len(new), len(changed), same)

    def import_deals(self) -> None:
        table = Deal.__table__
        columns = self.parsed.get(DEALS, ((), []))[0]
        pairs = [(c, t) for c, t in _DEAL_COLUMNS.items() if c in columns]
        stored = {(r["account_id"], r["name"]): r for r in self.table_rows(table)}
        new, changed, same = [], [], 0
        for row in self.rows(DEALS):
            account_id = self.account_id(row)
            old = stored.get((account_id, row["name"]))
            values = {t: _value(row, c) for c, t in pairs}
            final = {"status": "open", "closed_at": None} | (old or {}) | values
            if final["status"] != "open" and final["closed_at"] is None:
                col = "closed_at" if "closed_at" in columns else "status"
                raise row.error(col, f"a {final['status']} deal needs its closed_at date-time")
            if final["closed_at"] is not None and final["closed_at"] < final["opened_at"]:
                col = "closed_at" if "closed_at" in columns else "created_at"
                raise row.error(col, "closed_at is before created_at")
            if old is None:
                base = {t: None for t in _DEAL_COLUMNS.values()} | {"status": "open"}
                new.append(base | values | {"account_id": account_id, "name": row["name"]})
            elif _same(row, old, pairs):
                same += 1
            else:
                changed.append({"id": old["id"], **values})
        self.insert(table, new)
        self.update(table, changed)
        self.deal_ids = {key: r["id"] for key, r in stored.items()}
        self.deal_ids.update({(r["account_id"], r["name"]): r["id"] for r in new})
        if DEALS in self.parsed:
            self.count(DEALS, len(new), len(changed), same)

    def import_stage_changes(self) -> None:
        if STAGE_CHANGES not in self.parsed:
            return
        table = StageChange.__table__
        seen = {(r["deal_id"], r["stage"], r["entered_at"]) for r in self.table_rows(table)}
        new = []
        for row in self.rows(STAGE_CHANGES):
            account_id = self.account_id(row)
            deal_id = self.deal_ids.get((account_id, row["deal"]))
            if deal_id is None:
                raise row.error(
                    "deal",
                    f"no deal '{row['deal']}' in account '{row['account']}' "
                    "(not in deals.csv nor in the database)",
                )
            key = (deal_id, row["stage"], row["entered_at"])
            if key not in seen:
                seen.add(key)
                new.append({"deal_id": deal_id, "stage": key[1], "entered_at": key[2]})
        self.insert(table, new)
        self.count(STAGE_CHANGES, len(new), 0, len(self.rows(STAGE_CHANGES)) - len(new))

    def import_contracts(self) -> None:
        if CONTRACTS not in self.parsed:
            return
        table = Contract.__table__
        fields = ("account_id", "kind", "annual_value_cents", "start_date", "end_date")
        present = Counter(tuple(_blank(r[f]) for f in fields) for r in self.table_rows(table))
        new = []
        for row in self.rows(CONTRACTS):
            key = (
                self.account_id(row),
                row["kind"],
                row["annual_value"],
                row["start_date"],
                row["end_date"],
            )
            if key[4] is not None and key[4] < key[3]:
                raise row.error("end_date", "end_date is before start_date")
            if present[key] > 0:
                present[key] -= 1
            else:
                new.append(dict(zip(fields, key, strict=True)))
        self.insert(table, new)
        self.count(CONTRACTS, len(new), 0, len(self.rows(CONTRACTS)) - len(new))

    def import_costs(self) -> None:
        if COSTS not in self.parsed:
            return
        table = Cost.__table__
        fields = ("date", "amount_cents", "program", "category", "account_id", "description")
        present = Counter(tuple(_blank(r[f]) for f in fields) for r in self.table_rows(table))
        new = []
        for row in self.rows(COSTS):
            account_id = self.account_id(row) if row["account"] is not None else None
            key = (
                row["date"],
                row["amount"],
                _value(row, "program"),
                row["category"],
                account_id,
                row["description"],
            )
            if present[key] > 0:
                present[key] -= 1
            else:
                new.append(dict(zip(fields, key, strict=True)))
        self.insert(table, new)
        self.count(COSTS, len(new), 0, len(self.rows(COSTS)) - len(new))

    def import_interactions(self, path: Path) -> None:
        """Stream the file in batches; rows identical to stored ones are not added again.

        Into an empty table the rows go straight in, its secondary indexes dropped
        meanwhile and built again after (several times faster than growing them row
        by row; the DDL is part of the transaction). Otherwise the rows go to a
        temporary table, and one INSERT ... SELECT adds those beyond the count of
        identical rows already stored.
        """
        conn = self.conn
        merge = conn.exec_driver_sql("SELECT 1 FROM interactions LIMIT 1").first() is not None
        indexes = [] if merge else list(Interaction.__table__.indexes)
        if merge:
            conn.exec_driver_sql(_BUNDLE_INTERACTIONS)
        for index in indexes:
            index.drop(conn)
        target = "temp.bundle_interactions" if merge else "interactions"
        sql = (
            f"INSERT INTO {target} (id, account_id, stakeholder_id, type_key, occurred_at, "
            "duration_minutes, logged_by, notes, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        )
        total = 0
        for batch in _batches(self._interaction_params(path), BATCH):
            conn.exec_driver_sql(sql, batch)
            total += len(batch)
            self.progress(INTERACTIONS, total)
        for index in indexes:
            index.create(conn)
        created = total
        if merge:
            created = conn.exec_driver_sql(_MERGE_INTERACTIONS).rowcount
            conn.exec_driver_sql("DROP TABLE temp.bundle_interactions")
        self.count(INTERACTIONS, created, 0, total - created)

    def _interaction_params(self, path: Path) -> Iterator[tuple]:
        now = self.now.isoformat()
        accounts = {name: account_id.bytes for name, account_id in self.account_ids.items()}
        types = self.types
        people: dict[tuple[bytes, str], bytes] = {}
        new_id = _uuid4_bytes
        with native.CsvFile(path, native.SPECS[INTERACTIONS]) as f:
            for row in f.rows():
                values = row.values
                account = accounts.get(values["account"])
                if account is None:
                    self.account_id(row)  # raises, with a hint
                type_key = values["type"]
                if type_key not in types:
                    type_key = type_key.lower()
                    if type_key not in types:
                        raise row.error(
                            "type",
                            f"unknown interaction type '{values['type']}' (not in "
                            "interaction_types.csv nor in the database)",
                        )
                ref = values.get("stakeholder")
                person = None
                if ref is not None:
                    person = people.get((account, ref))
                    if person is None:
                        found = self.people.resolve(row, "stakeholder", uuid.UUID(bytes=account))
                        person = people[(account, ref)] = found.bytes
                yield (
                    new_id(),
                    account,
                    person,
                    type_key,
                    values["occurred_at"].isoformat(),
                    values.get("duration_minutes"),
                    values.get("logged_by"),
                    values.get("notes"),
                    now,
                    now,
                )


_BUNDLE_INTERACTIONS = """
CREATE TEMP TABLE bundle_interactions (
    seq INTEGER PRIMARY KEY, id BLOB, account_id BLOB, stakeholder_id BLOB, type_key TEXT,
    occurred_at TEXT, duration_minutes INTEGER, logged_by TEXT, notes TEXT,
    created_at TEXT, updated_at TEXT)
"""

_MERGE_INTERACTIONS = """
INSERT INTO interactions (id, account_id, stakeholder_id, type_key, occurred_at,
                          duration_minutes, logged_by, notes, created_at, updated_at)
SELECT id, account_id, stakeholder_id, type_key, occurred_at,
       duration_minutes, logged_by, notes, created_at, updated_at
FROM (SELECT b.*, row_number() OVER (
          PARTITION BY account_id, stakeholder_id, type_key, occurred_at,
                       duration_minutes, logged_by, notes ORDER BY seq) AS nth
      FROM temp.bundle_interactions b) b
WHERE b.nth > (SELECT count(*) FROM interactions i
               WHERE i.account_id = b.account_id AND i.occurred_at = b.occurred_at
                 AND i.type_key = b.type_key AND i.stakeholder_id IS b.stakeholder_id
                 AND i.duration_minutes IS b.duration_minutes
                 AND coalesce(i.logged_by, '') = coalesce(b.logged_by, '')
                 AND coalesce(i.notes, '') = coalesce(b.notes, ''))
ORDER BY b.seq
"""


def _no_progress(name: str, rows: int) -> None:
    pass


def _uuid4_bytes() -> bytes:
    """The 16 bytes of a random (version 4) UUID, without building a ``uuid.UUID``."""
    raw = bytearray(os.urandom(16))
    raw[6] = raw[6] & 0x0F | 0x40
    raw[8] = raw[8] & 0x3F | 0x80
    return bytes(raw)


def _batches(items: Iterable[tuple], size: int) -> Iterator[list[tuple]]:
    batch: list[tuple] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _match_people(
    rows: list[Row], stored: list[dict], present: list[str]
) -> list[tuple[uuid.UUID, dict | None]]:
    """For the rows of one account, the stored person each one is (or a new id).

    By email first (case ignored), else by full name. People who share a full name
    and have no email are told apart by their other values, then by order.
    """
    by_email: dict[str, list[dict]] = defaultdict(list)
    by_name: dict[str, list[dict]] = defaultdict(list)
    for person in sorted(stored, key=lambda p: (bool(p["email"]), p["created_at"], p["id"])):
        if person["email"]:
            by_email[person["email"].casefold()].append(person)
        by_name[person["full_name"]].append(person)  # without an email first
    claimed: set[uuid.UUID] = set()
    result: list[tuple[uuid.UUID, dict | None] | None] = [None] * len(rows)
    emails: dict[str, int] = {}
    nameless: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        email = row["email"]
        if email is None:
            nameless[row["full_name"]].append(i)
            continue
        folded = email.casefold()
        if folded in emails:
            raise row.error(
                "email",
                f"'{email}' is already the email of a stakeholder of this account "
                f"(line {rows[emails[folded]].src.line})",
            )
        emails[folded] = i
        pool = by_email.get(folded) or [p for p in by_name[row["full_name"]] if not p["email"]]
        person = next((p for p in pool if p["id"] not in claimed), None)
        if person is not None:
            claimed.add(person["id"])
        result[i] = (person["id"], person) if person else (uuid.uuid4(), None)

    pairs = [(c, c) for c in present if c != "email"]
    for name, indexes in nameless.items():
        pool = [p for p in by_name.get(name, []) if p["id"] not in claimed]
        for exact in (True, False):
            for i in indexes:
                if result[i] is not None:
                    continue
                person = next(
                    (
                        p
                        for p in pool
                        if p["id"] not in claimed and (not exact or _same(rows[i], p, pairs))
                    ),
                    None,
                )
                if person is not None:
                    claimed.add(person["id"])
                    result[i] = (person["id"], person)
        for i in indexes:
            if result[i] is None:
                result[i] = (uuid.uuid4(), None)
    return result  # type: ignore[return-value]


def _refuse_cycle(cycle: list[uuid.UUID], row_of: dict[uuid.UUID, Row], people: _People) -> None:
    """Raise the error for a reporting cycle, on the last bundle line that closes it."""
    members = set(cycle)
    names = {
        person_id: name
        for persons in people.people.values()
        for person_id, name, _ in persons
        if person_id in members
    }
    loop = " → ".join(names[p] for p in [*cycle, cycle[0]])
    rows = [row_of[p] for p in cycle if p in row_of]
    if not rows:  # a loop already stored, which a line of the bundle reports into
        raise DataError(f"the database already holds a reporting cycle: {loop}", file=STAKEHOLDERS)
    row = max(rows, key=lambda r: r.src.line)
    if len(cycle) == 1:
        raise row.error("reports_to", f"'{names[cycle[0]]}' cannot report to themselves")
    raise row.error("reports_to", f"this makes a reporting cycle: {loop}")


# --------------------------------------------------------------------------- export

_EXPORT_SQL = {
    ACCOUNTS: """
        SELECT name, domain, sector, employees, country, tier, is_target, target_since,
               committee_size, retention_years, owner
        FROM accounts ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11""",
    STAKEHOLDERS: """
        SELECT a.name, s.full_name, s.title, s.email, s.phone, s.role, s.attitude,
               coalesce(nullif(m.email, ''), m.full_name), s.placeholder
        FROM stakeholders s JOIN accounts a ON a.id = s.account_id
        LEFT JOIN stakeholders m ON m.id = s.reports_to_id
        ORDER BY 1, 2, 4, 3, 5, 6, 7, 8, 9""",
    INTERACTIONS: """
        SELECT a.name, i.type_key, i.occurred_at, coalesce(nullif(s.email, ''), s.full_name),
               i.duration_minutes, i.logged_by, i.notes
        FROM interactions i JOIN accounts a ON a.id = i.account_id
        LEFT JOIN stakeholders s ON s.id = i.stakeholder_id
        ORDER BY 1, 3, 2, 4, 5, 6, 7""",
    DEALS: """
        SELECT a.name, d.name, d.opened_at, d.amount_cents, d.status, d.closed_at, d.owner
        FROM deals d JOIN accounts a ON a.id = d.account_id
        ORDER BY 1, 2, 3, 4, 5, 6, 7""",
    STAGE_CHANGES: """
        SELECT a.name, d.name, c.stage, c.entered_at
        FROM stage_changes c JOIN deals d ON d.id = c.deal_id
        JOIN accounts a ON a.id = d.account_id
        ORDER BY 1, 2, 4, 3""",
    CONTRACTS: """
        SELECT a.name, c.kind, c.annual_value_cents, c.start_date, c.end_date
        FROM contracts c JOIN accounts a ON a.id = c.account_id
        ORDER BY 1, 4, 2, 3, 5""",
    COSTS: """
        SELECT c.date, c.amount_cents, c.program, c.category, a.name, c.description
        FROM costs c LEFT JOIN accounts a ON a.id = c.account_id
        ORDER BY 1, 5, 3, 4, 2, 6""",
    INTERACTION_TYPES: "SELECT key, points, label FROM interaction_types ORDER BY 1",
}


def export_bundle(engine: Engine, folder: Path, progress: Progress | None = None) -> ExportReport:
    """Write every bundle file into ``folder`` from one consistent snapshot.

    ``progress(file, rows)`` is called as rows are written; an exception raised by it
    (a cancel) stops the export and leaves the folder as it was.
    """
    start = time.perf_counter()
    folder = Path(folder)
    report = progress or _no_progress
    with read_session(engine) as session:
        conn = session.connection()
        tables = {name: _stream(conn, name, report) for name in native.FILE_NAMES}
        counts = native.write_bundle(folder, tables)
    return ExportReport(folder, counts, time.perf_counter() - start)


def _stream(conn: Connection, name: str, progress: Progress) -> Iterator[tuple]:
    """Rows of one file, read as they are written (the cursor is not buffered)."""
    result = conn.exec_driver_sql(_EXPORT_SQL[name])
    done = 0
    try:
        while chunk := result.fetchmany(BATCH):
            yield from chunk
            done += len(chunk)
            progress(name, done)
    finally:
        result.close()
