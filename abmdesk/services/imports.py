"""Import other tools' files (issue 5): read, match, merge, in one transaction; undo.

``import_files`` reads every file (format detected from its content unless given),
then matches the records against the database and writes them in one write
transaction, recorded as an import batch that ``undo_import`` can take back.

Matching and merging:

- companies → accounts, by domain (web site or domain column), then by name in
  normal form (case, accents, legal forms ignored); an account's name is never
  changed, its domain only filled when it had none;
- contacts → stakeholders, by e-mail (any of theirs, in any account), then by name
  within their account. Their account: the company of the row (by the other tool's
  id when the companies were imported with them, else by name, else by the e-mail's
  domain, else created), else ``--account`` (created if missing), else the account
  whose domain is the e-mail's (never a free-mail domain), else they are skipped;
- deals, by name within their account; a new stage adds a stage change; a deal
  already won or lost is never reopened;
- calendar events → one ``meeting`` interaction for the account of the first
  attendee or organizer who is a known stakeholder (that stakeholder is set), else
  whose e-mail domain is an account's; keyed by UID and start, kept in the batch, so
  importing the same file again adds nothing.

A value is never overwritten by an empty one; a non-empty value read replaces the
stored one (the file is the newer word), except names and domains as said. Any
unreadable value refuses the whole import with file, line and column, and nothing is
written; a dry run reports every refusal instead.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine

from abmdesk.db.engine import read_session, write_session
from abmdesk.db.models import Base
from abmdesk.errors import DataError, ValidationError
from abmdesk.interop import decoding, matching
from abmdesk.interop.formats import detect
from abmdesk.interop.records import (
    CompanyRecord,
    ContactRecord,
    DealRecord,
    EventRecord,
    ParsedFile,
    Source,
)

#: ``progress(step, done)``; raising from it cancels the import (nothing is written).
Progress = Callable[[str, int], None]

#: The formats ``import_files`` takes (besides ``auto``); ``native`` is the bundle.
FORMATS = (
    "hubspot",
    "salesforce",
    "pipedrive",
    "linkedin",
    "google",
    "outlook",
    "thunderbird",
    "vcard",
    "ics",
)

KINDS = ("accounts", "stakeholders", "deals", "meetings")
KIND_LABELS = {
    "accounts": "accounts",
    "stakeholders": "stakeholders",
    "deals": "deals",
    "meetings": "meetings",
}
#: The tables each kind writes, for the views to refresh.
_TABLE_OF_KIND = {
    "accounts": "accounts",
    "stakeholders": "stakeholders",
    "deals": "deals",
    "meetings": "interactions",
}

BATCH = 20_000

#: Page cache of the import's connection (KiB): index inserts stay in memory.
CACHE_KIB = 128 * 1024


@dataclass(frozen=True)
class KindCounts:
    """What an import did (or would do) with one kind of rows."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0


@dataclass(frozen=True)
class Skip:
    """A record left out, and why (``reason`` is shared by similar rows)."""

    source: Source
    kind: str
    reason: str


@dataclass(frozen=True)
class Refusal:
    """A value that would refuse the import: where, and why."""

    file: str | None
    line: int | None
    column: str | None
    message: str

    @classmethod
    def of(cls, error: DataError) -> Refusal:
        return cls(error.file, error.line, error.column, error.message)


@dataclass(frozen=True)
class FileInfo:
    path: str
    format: str
    encoding: str


@dataclass(frozen=True)
class ImportResult:
    """The result of ``import_files``: plain data for the CLI and the GUI."""

    batch_id: uuid.UUID | None
    dry_run: bool
    files: tuple[FileInfo, ...]
    counts: dict[str, KindCounts]
    skipped: tuple[Skip, ...] = ()
    #: One line per refusal (dry runs only: a real import raises the first).
    refused: tuple[str, ...] = ()
    seconds: float = 0.0
    #: The same refusals, located, for a table of the rows that would be refused.
    refusals: tuple[Refusal, ...] = ()

    @property
    def changed(self) -> bool:
        return not self.dry_run and any(c.created or c.updated for c in self.counts.values())

    @property
    def changed_tables(self) -> tuple[str, ...]:
        """The tables written to (for views to refresh)."""
        if self.dry_run:
            return ()
        return tuple(_TABLE_OF_KIND[k] for k, c in self.counts.items() if c.created or c.updated)

    def describe(self) -> str:
        names = ", ".join(f"{Path(f.path).name} ({f.format})" for f in self.files)
        verb = "Would import" if self.dry_run else "Imported"
        parts = []
        for kind in KINDS:
            c = self.counts.get(kind)
            if c is None or not (c.created or c.updated or c.unchanged or c.skipped):
                continue
            bits = [f"{c.created} created", f"{c.updated} updated", f"{c.unchanged} unchanged"]
            if c.skipped:
                bits.append(f"{c.skipped} skipped")
            parts.append(f"{KIND_LABELS[kind]} {', '.join(bits)}")
        text = f"{verb} {names}: {'; '.join(parts) or 'nothing'}."
        if self.batch_id is not None:
            text += f" Batch {self.batch_id} (undo: import --undo {self.batch_id})."
        elif not self.dry_run and not self.changed:
            text += " The database already held all of it: nothing changed."
        for reason, items in _group_skips(self.skipped):
            where = ", ".join(_where(s.source) for s in items[:3])
            more = f" and {len(items) - 3} more" if len(items) > 3 else ""
            text += f"\nSkipped {len(items)}: {reason} ({where}{more})."
        for line in self.refused:
            text += f"\nRefused: {line}"
        return text


@dataclass(frozen=True)
class UndoResult:
    batch_id: uuid.UUID
    deleted: dict[str, int]
    restored: dict[str, int]
    #: Rows kept because data was added to or changed in them since the import.
    kept: dict[str, int]

    @property
    def changed_tables(self) -> tuple[str, ...]:
        return tuple(
            t
            for t in ("accounts", "stakeholders", "deals", "interactions")
            if self.deleted.get(t) or self.restored.get(t)
        )

    def describe(self) -> str:
        def fmt(counts: dict[str, int]) -> str:
            return ", ".join(f"{n} {t}" for t, n in counts.items() if n) or "nothing"

        text = (
            f"Undid import batch {self.batch_id}: deleted {fmt(self.deleted)}; "
            f"restored {fmt(self.restored)}."
        )
        if any(self.kept.values()):
            text += f" Kept, as they changed or gained data since: {fmt(self.kept)}."
        return text


@dataclass(frozen=True)
class BatchInfo:
    id: uuid.UUID
    created_at: dt.datetime
    format: str
    files: tuple[str, ...]
    summary: dict
    undone_at: dt.datetime | None


def _where(src: Source) -> str:
    return f"{src.file} line {src.line}" if src.line is not None else src.file


def _group_skips(skips: Iterable[Skip]) -> list[tuple[str, list[Skip]]]:
    groups: dict[str, list[Skip]] = defaultdict(list)
    for s in skips:
        groups[s.reason].append(s)
    return sorted(groups.items(), key=lambda kv: -len(kv[1]))


# --------------------------------------------------------------------------- reading


#: Columns chosen by the user, per file (its path as given, or its name):
#: ``{"contacts.email": "Courriel", "contacts.title": None}``.
Mappings = Mapping[str, Mapping[str, str | None]]


@dataclass(frozen=True)
class FilePreview:
    """What a file is and holds, before importing it (for the import wizard)."""

    path: str
    format: str
    encoding: str
    #: The header row, and which column each field is read from (None: not read);
    #: empty for formats that are not tables (vCard, iCalendar).
    headers: tuple[str, ...] = ()
    mapping: dict[str, str | None] = field(default_factory=dict)
    rows: tuple[tuple[str, ...], ...] = ()


def preview_file(path: str | Path, format: str = "auto") -> FilePreview:
    """The detected format and encoding of ``path``, its columns and first rows."""
    path = Path(path)
    if format == "auto":
        name, encoding = detect.detect_format(path)
    else:
        name, encoding = format, None
    fmt = detect.get_format(name)
    if fmt.preview is None:
        return FilePreview(str(path), name, encoding or "")
    found = fmt.preview(path, detect.ReadOptions(encoding=encoding))
    return FilePreview(
        str(path),
        name,
        found.encoding,
        tuple(found.headers),
        dict(found.mapping),
        tuple(tuple(r) for r in found.rows),
    )


def read_files(
    paths: Sequence[str | Path],
    format: str = "auto",
    *,
    timezone: str = "Europe/Paris",
    errors: list | None = None,
    progress: Progress | None = None,
    mappings: Mappings | None = None,
) -> list[ParsedFile]:
    """Every file read by its format's reader (detected from content for ``auto``)."""
    report = progress or _no_progress
    mappings = mappings or {}
    parsed = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise DataError("no such file", file=path.name)
        if path.is_dir():
            raise DataError(
                "is a folder: give files (a native bundle folder needs --format native)",
                file=path.name,
            )
        if format == "auto":
            name, encoding = detect.detect_format(path)
        else:
            name, encoding = format, None
        reader = detect.get_format(name)
        chosen = mappings.get(str(raw)) or mappings.get(str(path)) or mappings.get(path.name)
        options = detect.ReadOptions(
            encoding=encoding,
            timezone=timezone,
            errors=errors,
            mapping=dict(chosen) if chosen else None,
        )
        try:
            result = reader.read(path, options)
        except DataError:
            raise
        except (ValueError, OSError, UnicodeError, KeyError, IndexError, TypeError) as exc:
            raise DataError(f"cannot read this file as {name}: {exc}", file=path.name) from None
        parsed.append(result)
        report(path.name, len(result.companies) + len(result.contacts) + len(result.deals))
    return parsed


# --------------------------------------------------------------------------- import


def import_files(
    engine: Engine,
    paths: Sequence[str | Path],
    format: str = "auto",
    account: str | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
    mappings: Mappings | None = None,
) -> ImportResult:
    """Import ``paths``: everything (one batch), or nothing and a ``DataError``.

    ``account`` receives the contacts that name no company (created if missing).
    ``dry_run`` reports what would be done, every refusal included, and writes nothing.
    ``mappings`` are columns the user chose per file (see ``preview_file``).
    """
    start = time.perf_counter()
    if not paths:
        raise ValidationError("no file to import")
    if format != "auto" and format not in FORMATS:
        raise ValidationError(f"unknown format '{format}' (auto, {', '.join(FORMATS)})")
    if account is not None and not account.strip():
        raise ValidationError("--account needs a name")
    report = progress or _no_progress
    timezone = _timezone(engine)
    errors: list[DataError] | None = [] if dry_run else None
    try:
        parsed = read_files(
            paths, format, timezone=timezone, errors=errors, progress=report, mappings=mappings
        )
    except DataError as exc:
        if not dry_run:
            raise
        return _refused_result(paths, [exc], start)
    records = sum(len(p.companies) + len(p.contacts) + len(p.deals) + len(p.events) for p in parsed)
    if records == 0 and not errors:
        raise DataError(_nothing_in(parsed), file=", ".join(Path(p.path).name for p in parsed))
    files = tuple(FileInfo(p.path, p.format, p.encoding) for p in parsed)
    if dry_run:
        with read_session(engine) as session:
            merge = _Merge(session.connection(), account, timezone, report)
            merge.run(parsed)
        refused = tuple(str(e) for e in errors or ())
        refusals = tuple(Refusal.of(e) for e in errors or ())
        return ImportResult(
            None,
            True,
            files,
            merge.counts(),
            tuple(merge.skips),
            refused,
            time.perf_counter() - start,
            refusals,
        )
    with write_session(engine) as session:
        conn = session.connection()
        previous = conn.exec_driver_sql("PRAGMA cache_size").scalar()
        conn.exec_driver_sql(f"PRAGMA cache_size=-{CACHE_KIB}")
        try:
            merge = _Merge(conn, account, timezone, report)
            merge.run(parsed)
            counts = merge.counts()
            if not merge.anything_matched():
                names = ", ".join(Path(p.path).name for p in parsed)
                raise DataError(_nothing_importable(merge.skips), file=names)
            batch_id = None
            if any(c.created or c.updated for c in counts.values()):
                batch_id = merge.write(files, counts)
        finally:
            conn.exec_driver_sql(f"PRAGMA cache_size={int(previous)}")
    return ImportResult(
        batch_id, False, files, counts, tuple(merge.skips), (), time.perf_counter() - start
    )


def _refused_result(paths: Sequence[str | Path], errors: list[DataError], start: float):  # noqa: ANN202
    files = tuple(FileInfo(str(p), "", "") for p in paths)
    return ImportResult(
        None,
        True,
        files,
        {},
        (),
        tuple(str(e) for e in errors),
        time.perf_counter() - start,
        tuple(Refusal.of(e) for e in errors),
    )


def _nothing_in(parsed: list[ParsedFile]) -> str:
    skips = [reason for p in parsed for _, reason in p.skipped]
    if skips:
        common = Counter(skips).most_common(1)[0][0]
        return f"nothing to import: every row was left out ({len(skips)}; {common})"
    return "nothing to import: no company, contact, deal or event in the file"


def _nothing_importable(skips: list[Skip]) -> str:
    groups = _group_skips(skips)
    reason, items = groups[0]
    return f"nothing to import: {len(skips)} rows left out, {len(items)} because {reason}"


def _timezone(engine: Engine) -> str:
    try:
        with engine.connect() as conn:
            value = conn.exec_driver_sql(
                "SELECT value FROM settings WHERE key = 'timezone'"
            ).scalar()
    except Exception:  # noqa: BLE001 - a database without settings uses the default
        value = None
    return value or "Europe/Paris"


def _no_progress(step: str, done: int) -> None:
    pass


_ID_POOL: list[bytes] = []


def _new_id() -> bytes:
    """The 16 bytes of a random (version 4) UUID; drawn 4096 at a time."""
    if not _ID_POOL:
        raw = os.urandom(16 * 4096)
        for i in range(0, len(raw), 16):
            one = bytearray(raw[i : i + 16])
            one[6] = one[6] & 0x0F | 0x40
            one[8] = one[8] & 0x3F | 0x80
            _ID_POOL.append(bytes(one))
    return _ID_POOL.pop()


def _now_text() -> str:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0).isoformat()


def _dt_text(value: dt.datetime | None) -> str | None:
    return None if value is None else value.replace(microsecond=0).isoformat()


_ACCOUNT_FIELDS = ("sector", "employees", "country", "owner")
_PERSON_FIELDS = ("title", "phone")


class _Merge:
    """One import: the database's rows in memory, the records applied to them."""

    def __init__(self, conn: Connection, account: str | None, timezone: str, progress: Progress):
        self.conn = conn
        self.account_name = account.strip() if account else None
        self.progress = progress
        self.local_now = dt.datetime.now(decoding.zone(timezone)).replace(
            tzinfo=None, microsecond=0
        )
        self.skips: list[Skip] = []
        # table -> id -> row (dict of column -> stored text value)
        self.rows: dict[str, dict[bytes, dict[str, Any]]] = {}
        self.created: dict[str, list[bytes]] = defaultdict(list)
        self.created_set: set[bytes] = set()
        self.before: dict[str, dict[bytes, dict[str, Any]]] = defaultdict(dict)
        self.touched: dict[str, set[bytes]] = defaultdict(set)
        self.unchanged_events = 0
        self.stage_changes: list[tuple[bytes, bytes, str, str]] = []
        self.interactions: list[tuple] = []
        self.event_keys: dict[bytes, str] = {}
        self.external: dict[tuple[str, str], bytes] = {}
        #: account -> the other tool's id to remember for later imports ("ext:fmt:id").
        self.ext_keys: dict[bytes, str] = {}
        self._forced: bytes | None = None
        self._load()
        self.account_names = {r["name"] for r in self.rows["accounts"].values()}

    # -- the database as it is

    def _load(self) -> None:
        conn = self.conn
        accounts = {}
        self.account_by_domain: dict[str, bytes] = {}
        self.account_by_key: dict[str, bytes] = {}
        for row in conn.exec_driver_sql(
            "SELECT id, name, domain, sector, employees, country, owner FROM accounts "
            "ORDER BY created_at, id"
        ):
            rid = bytes(row[0])
            accounts[rid] = {
                "name": row[1],
                "domain": row[2] or None,
                "sector": row[3],
                "employees": row[4],
                "country": row[5],
                "owner": row[6],
            }
            self._index_account(rid, accounts[rid])
        self.rows["accounts"] = accounts
        people = {}
        self.person_by_email: dict[str, bytes] = {}
        self.person_by_name: dict[tuple[bytes, str], list[bytes]] = defaultdict(list)
        for row in conn.exec_driver_sql(
            "SELECT id, account_id, full_name, email, title, phone FROM stakeholders "
            "WHERE placeholder = 0 ORDER BY created_at, id"
        ):
            rid = bytes(row[0])
            people[rid] = {
                "account_id": bytes(row[1]),
                "full_name": row[2],
                "email": row[3] or None,
                "title": row[4],
                "phone": row[5],
            }
            self._index_person(rid, people[rid])
        self.rows["stakeholders"] = people
        self.empty_at_start = {
            "stakeholders": conn.exec_driver_sql("SELECT 1 FROM stakeholders LIMIT 1").first()
            is None
        }
        deals = {}
        self.deal_by_key: dict[tuple[bytes, str], bytes] = {}
        for row in conn.exec_driver_sql(
            "SELECT id, account_id, name, opened_at, amount_cents, status, closed_at, owner "
            "FROM deals"
        ):
            rid = bytes(row[0])
            deals[rid] = {
                "account_id": bytes(row[1]),
                "name": row[2],
                "opened_at": row[3],
                "amount_cents": row[4],
                "status": row[5],
                "closed_at": row[6],
                "owner": row[7],
            }
            self.deal_by_key[(deals[rid]["account_id"], row[2])] = rid
        self.rows["deals"] = deals
        self.last_stage: dict[bytes, tuple[str, str]] = {}
        for deal_id, stage, entered in conn.exec_driver_sql(
            "SELECT deal_id, stage, entered_at FROM stage_changes ORDER BY entered_at"
        ):
            self.last_stage[bytes(deal_id)] = (stage, entered)
        self.known_keys = set()
        for key, table, rid in conn.exec_driver_sql(
            "SELECT key, table_name, row_id FROM import_rows WHERE key IS NOT NULL"
        ):
            if key.startswith("ext:"):
                # An earlier import's link: this tool's id of a company -> its account.
                _, fmt, ext = key.split(":", 2)
                if table == "accounts" and bytes(rid) in accounts:
                    self.external.setdefault((fmt, ext), bytes(rid))
            else:
                self.known_keys.add(key)
        self.has_meeting = (
            conn.exec_driver_sql("SELECT 1 FROM interaction_types WHERE key = 'meeting'").first()
            is not None
        )

    def _index_account(self, rid: bytes, row: dict) -> None:
        domain = row.get("domain")
        if domain:
            self.account_by_domain.setdefault(domain.lower(), rid)
        key = matching.company_key(row["name"])
        if key:
            self.account_by_key.setdefault(key, rid)

    def _index_person(self, rid: bytes, row: dict, name_key: str | None = None) -> None:
        if row["email"]:
            self.person_by_email.setdefault(row["email"].lower(), rid)
        if name_key is None:
            name_key = matching.person_key(row["full_name"])
        self.person_by_name[(row["account_id"], name_key)].append(rid)

    # -- changes

    def _create(self, table: str, values: dict[str, Any]) -> bytes:
        rid = _new_id()
        self.rows[table][rid] = values
        self.created[table].append(rid)
        self.created_set.add(rid)
        return rid

    def _set(self, table: str, rid: bytes, column: str, value: Any) -> None:
        row = self.rows[table][rid]
        if row.get(column) == value:
            return
        if rid not in self.created_set:
            self.before[table].setdefault(rid, {}).setdefault(column, row.get(column))
        row[column] = value

    def _touch(self, table: str, rid: bytes) -> None:
        if rid not in self.created_set:
            self.touched[table].add(rid)

    def skip(self, src: Source, kind: str, reason: str) -> None:
        self.skips.append(Skip(src, kind, reason))

    # -- records

    def run(self, parsed: list[ParsedFile]) -> None:
        for p in parsed:
            for src, reason in p.skipped:
                self.skip(src, "rows", reason)
        for p in parsed:
            for rec in p.companies:
                self.company(rec, p.format)
        self.progress("accounts", sum(len(p.companies) for p in parsed))
        # Contacts that name their company first: the accounts they create (with their
        # e-mail domain) are there for the contacts that have only an e-mail, so that a
        # second import of the same files finds nothing new to place.
        contacts = [(rec, p.format) for p in parsed for rec in p.contacts]
        for rec, fmt in sorted(
            contacts, key=lambda c: not (c[0].company or c[0].company_external_id)
        ):
            self.contact(rec, fmt)
        self.progress("stakeholders", sum(len(p.contacts) for p in parsed))
        for p in parsed:
            for rec in p.deals:
                self.deal(rec, p.format)
        for p in parsed:
            for rec in p.events:
                self.event(rec)

    def forced_account(self) -> bytes:
        """The ``--account`` account, made on first use when it does not exist."""
        if self._forced is None:
            self._forced = self.account_for_name(self.account_name or "", None)
        return self._forced

    def find_account(self, name: str | None, domain: str | None) -> bytes | None:
        if domain:
            found = self.account_by_domain.get(domain.lower())
            if found:
                return found
        key = matching.company_key(name)
        return self.account_by_key.get(key) if key else None

    def account_for_name(self, name: str, domain: str | None) -> bytes:
        """The account called ``name`` (normal form), else one made for it."""
        key = matching.company_key(name)
        found = self.account_by_key.get(key) if key else None
        if found is None and domain:
            found = self.account_by_domain.get(domain)
        if found is not None:
            self._touch("accounts", found)
            return found
        if domain and domain in self.account_by_domain:
            domain = None
        values = {
            "name": self._free_name(name),
            "domain": domain,
            "sector": None,
            "employees": None,
            "country": None,
            "owner": None,
        }
        rid = self._create("accounts", values)
        self._index_account(rid, values)
        return rid

    def _free_name(self, name: str) -> str:
        names = self.account_names
        free = name
        n = 2
        while free in names:
            free = f"{name} ({n})"
            n += 1
        names.add(free)
        return free

    def company(self, rec: CompanyRecord, fmt: str) -> None:
        domain = rec.domain.lower() if rec.domain else None
        if domain and matching.is_free_mail(domain):
            domain = None
        rid = self.find_account(rec.name, domain)
        if rid is None:
            values = {"name": self._free_name(rec.name), "domain": domain}
            values |= {f: getattr(rec, f) for f in _ACCOUNT_FIELDS}
            rid = self._create("accounts", values)
            self._index_account(rid, values)
        else:
            self._touch("accounts", rid)
            row = self.rows["accounts"][rid]
            if domain and not row["domain"] and domain not in self.account_by_domain:
                self._set("accounts", rid, "domain", domain)
                self.account_by_domain[domain] = rid
            for f in _ACCOUNT_FIELDS:
                value = getattr(rec, f)
                if value is not None:
                    self._set("accounts", rid, f, value)
        if rec.external_id:
            if self.external.get((fmt, rec.external_id)) != rid:
                self.ext_keys.setdefault(rid, f"ext:{fmt}:{rec.external_id}")
            self.external[(fmt, rec.external_id)] = rid

    def _external_account(self, fmt: str, ids: str | None) -> bytes | None:
        if not ids:
            return None
        for one in ids.replace(",", ";").split(";"):
            found = self.external.get((fmt, one.strip()))
            if found:
                return found
        return None

    def contact(self, rec: ContactRecord, fmt: str) -> None:
        emails = [e.lower() for e in [rec.email, *rec.other_emails] if e]
        full_name = (rec.full_name or "").strip() or (emails[0] if emails else "")
        if not full_name:
            self.skip(rec.source, "stakeholders", "no name nor e-mail")
            return
        if full_name != rec.full_name:
            rec = dataclasses.replace(rec, full_name=full_name)
        rid = next((self.person_by_email[e] for e in emails if e in self.person_by_email), None)
        if rid is None:
            account = self._external_account(fmt, rec.company_external_id)
            if account is None and rec.company:
                domain = next((d for e in emails if (d := matching.company_domain(e))), None)
                account = self.account_for_name(rec.company, domain)
            if account is None and self.account_name:
                account = self.forced_account()
            if account is None:
                domains = [matching.company_domain(e) for e in emails]
                account = next(
                    (self.account_by_domain[d] for d in domains if d in self.account_by_domain),
                    None,
                )
            if account is None:
                self.skip(rec.source, "stakeholders", _no_account_reason(emails))
                return
            self._touch("accounts", account)
            name_key = matching.person_key(rec.full_name)
            for candidate in self.person_by_name.get((account, name_key), ()):
                other = self.rows["stakeholders"][candidate]["email"]
                if not other or not emails or other.lower() in emails:
                    rid = candidate
                    break
        if rid is None:
            values = {
                "account_id": account,
                "full_name": rec.full_name,
                "email": next((e for e in emails if e not in self.person_by_email), None),
                "title": rec.title,
                "phone": rec.phone,
            }
            rid = self._create("stakeholders", values)
            self._index_person(rid, values, name_key)
            return
        self._touch("stakeholders", rid)
        row = self.rows["stakeholders"][rid]
        if not row["email"]:
            email = next((e for e in emails if e not in self.person_by_email), None)
            if email:
                self._set("stakeholders", rid, "email", email)
                self.person_by_email[email] = rid
        name = row["full_name"]
        if rec.full_name and (not name or "@" in name) and "@" not in rec.full_name:
            self._set("stakeholders", rid, "full_name", rec.full_name)
        for f in _PERSON_FIELDS:
            value = getattr(rec, f)
            if value is not None:
                self._set("stakeholders", rid, f, value)

    def deal(self, rec: DealRecord, fmt: str) -> None:
        account = self._external_account(fmt, rec.company_external_id)
        if account is None and rec.company:
            account = self.account_for_name(rec.company, None)
        if account is None and self.account_name:
            account = self.forced_account()
        if account is None:
            self.skip(rec.source, "deals", "a deal without a company (give --account NAME)")
            return
        closed = _dt_text(rec.closed_at)
        status = rec.status
        if status != "open" and closed is None:
            self.skip(rec.source, "deals", f"a {status} deal without a close date")
            return
        opened = _dt_text(rec.created_at)
        key = (account, rec.name)
        rid = self.deal_by_key.get(key)
        if rid is None:
            opened = opened or closed or self.local_now.isoformat()
            if closed is not None and closed < opened:
                self.skip(rec.source, "deals", "a deal closed before it was created")
                return
            values = {
                "account_id": account,
                "name": rec.name,
                "opened_at": opened,
                "amount_cents": rec.amount_cents,
                "status": status,
                "closed_at": closed if status != "open" else None,
                "owner": rec.owner,
            }
            rid = self._create("deals", values)
            self.deal_by_key[key] = rid
            if rec.stage:
                self.stage_changes.append((_new_id(), rid, rec.stage, opened))
                self.last_stage[rid] = (rec.stage, opened)
            return
        self._touch("deals", rid)
        row = self.rows["deals"][rid]
        new_opened = opened or row["opened_at"]
        if row["status"] == "open" and status != "open":
            if closed < new_opened:
                self.skip(rec.source, "deals", "a deal closed before it was created")
                return
            self._set("deals", rid, "status", status)
            self._set("deals", rid, "closed_at", closed)
        elif row["closed_at"] and new_opened > row["closed_at"]:
            new_opened = row["opened_at"]
        if opened:
            self._set("deals", rid, "opened_at", new_opened)
        for f, value in (("amount_cents", rec.amount_cents), ("owner", rec.owner)):
            if value is not None:
                self._set("deals", rid, f, value)
        if rec.stage and self.last_stage.get(rid, (None,))[0] != rec.stage:
            entered = max(self.local_now.isoformat(), self.last_stage.get(rid, ("", ""))[1])
            self.stage_changes.append((_new_id(), rid, rec.stage, entered))
            self.last_stage[rid] = (rec.stage, entered)
            self.before["deals"].setdefault(rid, {})

    def event(self, rec: EventRecord) -> None:
        start = _dt_text(rec.start)
        key = f"event:{rec.uid}|{start}" if rec.uid else f"event:|{start}|{rec.summary or ''}"
        if key in self.known_keys:
            self.unchanged_events += 1
            return
        emails = [e.lower() for e in [*rec.attendee_emails, rec.organizer_email] if e]
        person = next((self.person_by_email[e] for e in emails if e in self.person_by_email), None)
        if person is not None:
            account = self.rows["stakeholders"][person]["account_id"]
        else:
            domains = [matching.company_domain(e) for e in emails]
            account = next(
                (self.account_by_domain[d] for d in domains if d in self.account_by_domain), None
            )
        if account is None:
            self.skip(
                rec.source,
                "meetings",
                "no attendee nor organizer is a known stakeholder or from a known account's domain",
            )
            return
        self.known_keys.add(key)
        rid = _new_id()
        self.event_keys[rid] = key
        self.interactions.append((rid, account, person, start, rec.duration_minutes, rec.summary))

    # -- results

    def counts(self) -> dict[str, KindCounts]:
        skipped = Counter(s.kind for s in self.skips)
        out = {}
        for kind, table in (
            ("accounts", "accounts"),
            ("stakeholders", "stakeholders"),
            ("deals", "deals"),
        ):
            changed = {
                rid
                for rid, cols in self.before[table].items()
                if rid in self.touched[table]
                and (not cols or any(self.rows[table][rid].get(c) != v for c, v in cols.items()))
            }
            out[kind] = KindCounts(
                len(self.created[table]),
                len(changed),
                len(self.touched[table] - changed),
                skipped.get(kind, 0),
            )
        out["meetings"] = KindCounts(
            len(self.interactions), 0, self.unchanged_events, skipped.get("meetings", 0)
        )
        return out

    def anything_matched(self) -> bool:
        return bool(
            self.created_set
            or self.interactions
            or self.unchanged_events
            or any(self.touched.values())
        )

    # -- writing

    def write(self, files: tuple[FileInfo, ...], counts: dict[str, KindCounts]) -> uuid.UUID:
        conn = self.conn
        now = _now_text()
        batch = _new_id()
        formats = sorted({f.format for f in files})
        summary = {
            "counts": {k: vars(c) for k, c in counts.items()},
            "skipped": [
                [s.source.file, s.source.line, s.kind, s.reason] for s in self.skips[:1000]
            ],
            "skipped_total": len(self.skips),
        }
        conn.exec_driver_sql(
            "INSERT INTO import_batches (id, format, files, summary, undone_at, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, NULL, ?, ?)",
            (
                batch,
                ",".join(formats),
                json.dumps([Path(f.path).name for f in files]),
                json.dumps(summary, ensure_ascii=False),
                now,
                now,
            ),
        )
        log: list[tuple] = []
        accounts = self.rows["accounts"]
        self._insert(
            "INSERT INTO accounts (id, name, domain, sector, employees, country, owner, "
            "is_target, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
            [
                (
                    rid,
                    r["name"],
                    r["domain"],
                    r["sector"],
                    r["employees"],
                    r["country"],
                    r["owner"],
                    now,
                    now,
                )
                for rid in self.created["accounts"]
                for r in (accounts[rid],)
            ],
        )
        ext = self.ext_keys
        log.extend(
            (batch, "accounts", rid, "created", None, ext.pop(rid, None))
            for rid in self.created["accounts"]
        )
        people = self.rows["stakeholders"]
        self._insert_fresh(
            "stakeholders",
            "INSERT INTO stakeholders (id, account_id, full_name, title, email, phone, "
            "placeholder, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)",
            [
                (rid, r["account_id"], r["full_name"], r["title"], r["email"], r["phone"], now, now)
                for rid in sorted(self.created["stakeholders"])
                for r in (people[rid],)
            ],
        )
        log.extend(
            (batch, "stakeholders", rid, "created", None, None)
            for rid in self.created["stakeholders"]
        )
        deals = self.rows["deals"]
        self._insert(
            "INSERT INTO deals (id, account_id, name, opened_at, amount_cents, status, "
            "closed_at, owner, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    rid,
                    r["account_id"],
                    r["name"],
                    r["opened_at"],
                    r["amount_cents"],
                    r["status"],
                    r["closed_at"],
                    r["owner"],
                    now,
                    now,
                )
                for rid in self.created["deals"]
                for r in (deals[rid],)
            ],
        )
        log.extend((batch, "deals", rid, "created", None, None) for rid in self.created["deals"])
        self._insert(
            "INSERT INTO stage_changes (id, deal_id, stage, entered_at, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                (sid, did, stage, entered, now, now)
                for sid, did, stage, entered in self.stage_changes
            ],
        )
        log.extend(
            (batch, "stage_changes", s[0], "created", None, None) for s in self.stage_changes
        )
        if self.interactions and not self.has_meeting:
            conn.exec_driver_sql(
                "INSERT INTO interaction_types (id, key, points, label, created_at, updated_at) "
                "VALUES (?, 'meeting', 50, 'Meeting', ?, ?)",
                (_new_id(), now, now),
            )
        self._insert(
            "INSERT INTO interactions (id, account_id, stakeholder_id, type_key, occurred_at, "
            "duration_minutes, notes, created_at, updated_at) "
            "VALUES (?, ?, ?, 'meeting', ?, ?, ?, ?, ?)",
            [(*i, now, now) for i in self.interactions],
        )
        log.extend(
            (batch, "interactions", i[0], "created", None, self.event_keys[i[0]])
            for i in self.interactions
        )
        for table in ("accounts", "stakeholders", "deals"):
            updates: dict[tuple[str, ...], list[tuple]] = defaultdict(list)
            for rid, cols in self.before[table].items():
                changed = {c: v for c, v in cols.items() if self.rows[table][rid].get(c) != v}
                if not changed:
                    continue
                names = tuple(sorted(changed))
                updates[names].append((*(self.rows[table][rid][c] for c in names), now, rid))
                after = {c: self.rows[table][rid][c] for c in names}
                log.append(
                    (
                        batch,
                        table,
                        rid,
                        "updated",
                        json.dumps({"before": changed, "after": after}, ensure_ascii=False),
                        ext.pop(rid, None) if table == "accounts" else None,
                    )
                )
            for names, params in updates.items():
                sets = ", ".join(f"{c} = ?" for c in names)
                self._insert(f"UPDATE {table} SET {sets}, updated_at = ? WHERE id = ?", params)
        # Links to accounts this import matched without changing them (undo leaves them).
        log.extend((batch, "accounts", rid, "updated", None, key) for rid, key in ext.items())
        self._insert(
            "INSERT INTO import_rows (batch_id, table_name, row_id, action, previous, key) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            log,
        )
        self.progress("written", len(log))
        return uuid.UUID(bytes=batch)

    def _insert_fresh(self, table: str, sql: str, params: list[tuple]) -> None:
        """Insert many rows; into an empty table, with its secondary indexes built after.

        Building an index once over sorted keys is several times faster than growing it
        row by row; the DDL is part of the transaction, so a failure rolls it back too.
        """
        empty = self.empty_at_start.get(table, False)
        indexes = list(Base.metadata.tables[table].indexes) if empty and len(params) > 5000 else []
        for index in indexes:
            index.drop(self.conn)
        self._insert(sql, params)
        for index in indexes:
            index.create(self.conn)

    def _insert(self, sql: str, params: list[tuple]) -> None:
        for i in range(0, len(params), BATCH):
            self.conn.exec_driver_sql(sql, params[i : i + BATCH])


def _no_account_reason(emails: list[str]) -> str:
    if not emails:
        return "no company and no e-mail (give --account NAME)"
    domain = matching.email_domain(emails[0])
    if domain and matching.is_free_mail(domain):
        return "no company, and a personal e-mail address (give --account NAME)"
    return "no company, and no account has their e-mail domain (give --account NAME)"


# --------------------------------------------------------------------------- undo


def list_batches(engine: Engine) -> list[BatchInfo]:
    """Every import batch, newest first."""
    with read_session(engine) as session:
        rows = (
            session.connection()
            .exec_driver_sql(
                "SELECT id, created_at, format, files, summary, undone_at FROM import_batches "
                "ORDER BY created_at DESC, rowid DESC"
            )
            .fetchall()
        )
    return [
        BatchInfo(
            uuid.UUID(bytes=bytes(r[0])),
            dt.datetime.fromisoformat(r[1]),
            r[2],
            tuple(json.loads(r[3])),
            json.loads(r[4]),
            dt.datetime.fromisoformat(r[5]) if r[5] else None,
        )
        for r in rows
    ]


def parse_batch_id(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        raise ValidationError(f"'{text}' is not an import batch id") from None


def undo_import(engine: Engine, batch_id: uuid.UUID | str) -> UndoResult:
    """Take back an import: delete what it created, restore what it changed.

    A created row that gained data since (a stakeholder with interactions logged
    later, an account with other people) is kept; a changed value that was edited
    again since is left as it is now. All in one transaction.
    """
    if isinstance(batch_id, str):
        batch_id = parse_batch_id(batch_id)
    bid = batch_id.bytes
    with write_session(engine) as session:
        conn = session.connection()
        found = conn.exec_driver_sql(
            "SELECT undone_at FROM import_batches WHERE id = ?", (bid,)
        ).first()
        if found is None:
            raise ValidationError(f"no import batch {batch_id}")
        if found[0] is not None:
            raise ValidationError(f"import batch {batch_id} was already undone on {found[0]}")
        created: dict[str, list[bytes]] = defaultdict(list)
        updated: list[tuple[str, bytes, dict]] = []
        for table, rid, action, previous in conn.exec_driver_sql(
            "SELECT table_name, row_id, action, previous FROM import_rows WHERE batch_id = ? "
            "ORDER BY seq",
            (bid,),
        ):
            if action == "created":
                created[table].append(bytes(rid))
            elif previous is not None:  # None: only a link to another tool's id
                updated.append((table, bytes(rid), json.loads(previous)))
        deleted: dict[str, int] = {}
        kept: dict[str, int] = {}
        restored: dict[str, int] = {}
        _temp_ids(conn, created)
        deleted["interactions"] = _delete(conn, "interactions", "1")
        deleted["stage_changes"] = _delete(conn, "stage_changes", "1")
        keep_deal = "NOT EXISTS (SELECT 1 FROM stage_changes c WHERE c.deal_id = t.id)"
        deleted["deals"] = _delete(conn, "deals", keep_deal)
        keep_person = (
            "NOT EXISTS (SELECT 1 FROM interactions i WHERE i.stakeholder_id = t.id) "
            "AND NOT EXISTS (SELECT 1 FROM stakeholders s WHERE s.reports_to_id = t.id) "
            "AND NOT EXISTS (SELECT 1 FROM influence_lines l "
            "WHERE l.from_id = t.id OR l.to_id = t.id)"
        )
        deleted["stakeholders"] = _delete(conn, "stakeholders", keep_person)
        keep_account = " AND ".join(
            f"NOT EXISTS (SELECT 1 FROM {t} x WHERE x.account_id = t.id)"
            for t in ("stakeholders", "interactions", "deals", "contracts", "costs")
        )
        deleted["accounts"] = _delete(conn, "accounts", keep_account)
        for table in ("deals", "stakeholders", "accounts"):
            kept[table] = len(created.get(table, ())) - deleted[table]
        now = _now_text()
        for table, rid, change in updated:
            before, after = change["before"], change["after"]
            cols = list(before)
            current = conn.exec_driver_sql(
                f"SELECT {', '.join(cols)} FROM {table} WHERE id = ?", (rid,)
            ).first()
            if current is None:
                continue
            same = [c for c, v in zip(cols, current, strict=True) if v == after.get(c)]
            if len(same) < len(cols):
                kept[table] = kept.get(table, 0) + 1
            if same:
                sets = ", ".join(f"{c} = ?" for c in same)
                conn.exec_driver_sql(
                    f"UPDATE {table} SET {sets}, updated_at = ? WHERE id = ?",
                    (*(before[c] for c in same), now, rid),
                )
                restored[table] = restored.get(table, 0) + 1
        conn.exec_driver_sql("DROP TABLE temp.undo_ids")
        conn.exec_driver_sql("DELETE FROM import_rows WHERE batch_id = ?", (bid,))
        conn.exec_driver_sql(
            "UPDATE import_batches SET undone_at = ?, updated_at = ? WHERE id = ?",
            (now, now, bid),
        )
    deleted = {t: n for t, n in deleted.items() if t != "stage_changes"}
    return UndoResult(batch_id, deleted, restored, kept)


def _temp_ids(conn: Connection, created: dict[str, list[bytes]]) -> None:
    conn.exec_driver_sql(
        "CREATE TEMP TABLE undo_ids (table_name TEXT, id BLOB, PRIMARY KEY (table_name, id))"
    )
    for table, ids in created.items():
        params = [(table, i) for i in ids]
        for i in range(0, len(params), BATCH):
            conn.exec_driver_sql(
                "INSERT OR IGNORE INTO temp.undo_ids VALUES (?, ?)", params[i : i + BATCH]
            )


def _delete(conn: Connection, table: str, condition: str) -> int:
    return conn.exec_driver_sql(
        f"DELETE FROM {table} AS t WHERE t.id IN "
        f"(SELECT id FROM temp.undo_ids WHERE table_name = '{table}') AND {condition}"
    ).rowcount
