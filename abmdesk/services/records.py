"""Read-only queries behind the GUI's tables: ordered keys, rows by key, pages.

Nothing here loads a whole table of unbounded size. Accounts, stakeholders and
deals (tens of thousands at most) are listed as an ordered list of ids; their
rows are then read in blocks, for the part of the list on screen. Interactions
(up to millions) are read in pages with a keyset cursor (``occurred_at``, ``id``)
so that the thousandth page costs the same as the first.

Every function opens its own read transaction and returns plain frozen
dataclasses, never ORM objects.
"""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import (
    Engine,
    LargeBinary,
    String,
    and_,
    case,
    func,
    literal,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.orm import aliased
from sqlalchemy.sql import ColumnElement

from abmdesk import domain
from abmdesk.db.engine import read_session
from abmdesk.db.models import Account, Deal, Interaction, InteractionType, StageChange, Stakeholder
from abmdesk.errors import ValidationError

#: SQLite's default limit on bound parameters is far above this; blocks stay small.
MAX_BLOCK = 500


@dataclass(frozen=True)
class AccountRecord:
    id: uuid.UUID
    name: str
    domain: str | None
    sector: str | None
    employees: int | None
    country: str | None
    tier: str | None
    is_target: bool
    target_since: dt.date | None
    committee_size: int | None
    retention_years: float | None
    owner: str | None

    @property
    def size_band(self) -> str:
        return domain.size_band(self.employees)


@dataclass(frozen=True)
class AccountChoice:
    id: uuid.UUID
    name: str


@dataclass(frozen=True)
class StakeholderRecord:
    id: uuid.UUID
    account_id: uuid.UUID
    full_name: str
    title: str | None
    email: str | None
    phone: str | None
    role: str | None
    attitude: str | None
    reports_to_id: uuid.UUID | None
    reports_to_name: str | None
    placeholder: bool


@dataclass(frozen=True)
class StakeholderChoice:
    id: uuid.UUID
    full_name: str
    title: str | None
    role: str | None


@dataclass(frozen=True)
class InteractionTypeChoice:
    key: str
    label: str | None
    points: int


@dataclass(frozen=True)
class InteractionRecord:
    id: uuid.UUID
    occurred_at: dt.datetime
    account_id: uuid.UUID
    account_name: str
    stakeholder_id: uuid.UUID | None
    stakeholder_name: str | None
    type_key: str
    type_label: str | None
    points: int
    duration_minutes: int | None
    logged_by: str | None
    notes: str | None


@dataclass(frozen=True)
class InteractionCursor:
    """Where a page of the interaction history ends (exclusive start of the next)."""

    occurred_at: dt.datetime
    id: uuid.UUID


@dataclass(frozen=True)
class DealRecord:
    id: uuid.UUID
    account_id: uuid.UUID
    account_name: str
    name: str
    created_at: dt.datetime
    amount_cents: int | None
    status: str
    closed_at: dt.datetime | None
    owner: str | None
    current_stage: str | None


@dataclass(frozen=True)
class DealSummary:
    count: int
    open_count: int
    open_amount_cents: int


def sort_text(text: str | None) -> str:
    """A sort key that ignores case and accents (``Cétia`` between ``Cabinet`` and ``Cofra``)."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _chunks(items: Sequence[uuid.UUID], size: int = MAX_BLOCK) -> Iterable[Sequence[uuid.UUID]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _order(expr: ColumnElement, descending: bool) -> list[ColumnElement]:
    """Order by ``expr`` with empty values last in both directions."""
    return [expr.is_(None), expr.desc() if descending else expr.asc()]


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# --- accounts -----------------------------------------------------------------------

ACCOUNT_SORTS: dict[str, ColumnElement] = {
    "name": Account.name.collate("NOCASE"),
    "sector": Account.sector.collate("NOCASE"),
    "size_band": Account.employees,
    "employees": Account.employees,
    "tier": Account.tier.collate("NOCASE"),
    "is_target": Account.is_target,
    "target_since": Account.target_since,
    "owner": Account.owner.collate("NOCASE"),
    "country": Account.country.collate("NOCASE"),
    "domain": Account.domain.collate("NOCASE"),
}


def _sort_expr(sorts: dict[str, ColumnElement], key: str) -> ColumnElement:
    try:
        return sorts[key]
    except KeyError:
        raise ValidationError(f"cannot sort by '{key}'") from None


def account_keys(
    engine: Engine,
    *,
    search: str = "",
    targets_only: bool = False,
    sort: str = "name",
    descending: bool = False,
) -> list[uuid.UUID]:
    """Ids of the accounts that match, in display order."""
    query = select(Account.id)
    search = search.strip()
    if search:
        pattern = _like(search)
        query = query.where(
            or_(
                Account.name.like(pattern, escape="\\"),
                Account.domain.like(pattern, escape="\\"),
                Account.sector.like(pattern, escape="\\"),
                Account.owner.like(pattern, escape="\\"),
            )
        )
    if targets_only:
        query = query.where(Account.is_target.is_(True))
    if sort == "name":
        # Names sort in Python, accents folded (SQLite's NOCASE knows ASCII only).
        query = query.add_columns(Account.name)
        with read_session(engine) as session:
            rows = session.execute(query).all()
        rows.sort(key=lambda r: (sort_text(r[1]), r[1]), reverse=descending)
        return [r[0] for r in rows]
    expr = _sort_expr(ACCOUNT_SORTS, sort)
    query = query.order_by(*_order(expr, descending), Account.name, Account.id)
    with read_session(engine) as session:
        return list(session.execute(query).scalars())


def account_record(a: Account) -> AccountRecord:
    """The plain record of an account row (for the services that return accounts)."""
    return AccountRecord(
        id=a.id,
        name=a.name,
        domain=a.domain,
        sector=a.sector,
        employees=a.employees,
        country=a.country,
        tier=a.tier,
        is_target=bool(a.is_target),
        target_since=a.target_since,
        committee_size=a.committee_size,
        retention_years=a.retention_years,
        owner=a.owner,
    )


def accounts_by_ids(engine: Engine, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, AccountRecord]:
    out: dict[uuid.UUID, AccountRecord] = {}
    with read_session(engine) as session:
        for chunk in _chunks(ids):
            for a in session.execute(select(Account).where(Account.id.in_(chunk))).scalars():
                out[a.id] = account_record(a)
    return out


def get_account(engine: Engine, account_id: uuid.UUID) -> AccountRecord | None:
    return accounts_by_ids(engine, [account_id]).get(account_id)


def account_choices(engine: Engine) -> list[AccountChoice]:
    """Every account's id and name, by name (for pickers; names only, so cheap)."""
    with read_session(engine) as session:
        rows = session.execute(select(Account.id, Account.name)).all()
    rows.sort(key=lambda r: (sort_text(r[1]), r[1]))
    return [AccountChoice(id=i, name=n) for i, n in rows]


def count_accounts(engine: Engine) -> int:
    with read_session(engine) as session:
        return session.execute(select(func.count()).select_from(Account)).scalar_one()


def largest_target_account(engine: Engine) -> AccountChoice | None:
    """The ABM target account with the most stakeholders (empty seats included).

    Ties go to the account with more identified people, then to the first name.
    None when there is no target account.
    """
    people = func.count(Stakeholder.id)
    identified = func.count(Stakeholder.id).filter(Stakeholder.placeholder.is_(False))
    query = (
        select(Account.id, Account.name)
        .join(Stakeholder, Stakeholder.account_id == Account.id)
        .where(Account.is_target.is_(True))
        .group_by(Account.id, Account.name)
        .order_by(people.desc(), identified.desc(), Account.name)
        .limit(1)
    )
    with read_session(engine) as session:
        row = session.execute(query).first()
        if row is None:  # target accounts without anyone yet: the first by name
            row = session.execute(
                select(Account.id, Account.name)
                .where(Account.is_target.is_(True))
                .order_by(Account.name)
                .limit(1)
            ).first()
    return AccountChoice(id=row[0], name=row[1]) if row else None


# --- stakeholders -------------------------------------------------------------------

_Manager = aliased(Stakeholder)

STAKEHOLDER_SORTS: dict[str, ColumnElement] = {
    "full_name": Stakeholder.full_name.collate("NOCASE"),
    "title": Stakeholder.title.collate("NOCASE"),
    "role": case(
        *((Stakeholder.role == r, literal(i)) for i, r in enumerate(domain.ROLES)),
        else_=None,
    ),
    "attitude": case(
        *((Stakeholder.attitude == a, literal(i)) for i, a in enumerate(domain.ATTITUDES)),
        else_=None,
    ),
    "reports_to": _Manager.full_name.collate("NOCASE"),
    "placeholder": Stakeholder.placeholder,
    "email": Stakeholder.email.collate("NOCASE"),
}


def stakeholder_keys(
    engine: Engine,
    account_id: uuid.UUID,
    *,
    sort: str = "full_name",
    descending: bool = False,
) -> list[uuid.UUID]:
    """Ids of an account's stakeholders (placeholders included), in display order."""
    expr = _sort_expr(STAKEHOLDER_SORTS, sort)
    query = (
        select(Stakeholder.id)
        .outerjoin(_Manager, _Manager.id == Stakeholder.reports_to_id)
        .where(Stakeholder.account_id == account_id)
        .order_by(*_order(expr, descending), Stakeholder.full_name, Stakeholder.id)
    )
    with read_session(engine) as session:
        return list(session.execute(query).scalars())


def stakeholder_record(s: Stakeholder, manager_name: str | None) -> StakeholderRecord:
    """The plain record of a stakeholder row (for the services that return people)."""
    return StakeholderRecord(
        id=s.id,
        account_id=s.account_id,
        full_name=s.full_name,
        title=s.title,
        email=s.email,
        phone=s.phone,
        role=s.role,
        attitude=s.attitude,
        reports_to_id=s.reports_to_id,
        reports_to_name=manager_name,
        placeholder=bool(s.placeholder),
    )


def stakeholders_by_ids(
    engine: Engine, ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, StakeholderRecord]:
    out: dict[uuid.UUID, StakeholderRecord] = {}
    with read_session(engine) as session:
        for chunk in _chunks(ids):
            query = (
                select(Stakeholder, _Manager.full_name)
                .outerjoin(_Manager, _Manager.id == Stakeholder.reports_to_id)
                .where(Stakeholder.id.in_(chunk))
            )
            for s, manager in session.execute(query):
                out[s.id] = stakeholder_record(s, manager)
    return out


def stakeholder_choices(engine: Engine, account_id: uuid.UUID) -> list[StakeholderChoice]:
    """The identified stakeholders of an account (no empty seats), by name."""
    query = (
        select(Stakeholder.id, Stakeholder.full_name, Stakeholder.title, Stakeholder.role)
        .where(Stakeholder.account_id == account_id, Stakeholder.placeholder.is_(False))
        .order_by(Stakeholder.full_name.collate("NOCASE"), Stakeholder.id)
    )
    with read_session(engine) as session:
        return [StakeholderChoice(*row) for row in session.execute(query)]


# --- interaction types and interactions -----------------------------------------------


def interaction_type_choices(engine: Engine) -> list[InteractionTypeChoice]:
    """Interaction types with their current points, most points first."""
    query = select(InteractionType.key, InteractionType.label, InteractionType.points).order_by(
        InteractionType.points.desc(), InteractionType.key
    )
    with read_session(engine) as session:
        return [InteractionTypeChoice(*row) for row in session.execute(query)]


def _interaction_records(session, rows: Sequence) -> list[InteractionRecord]:  # noqa: ANN001
    """Resolve names and points for a page of interaction rows (one query per kind)."""
    account_ids = {r.account_id for r in rows}
    stakeholder_ids = {r.stakeholder_id for r in rows if r.stakeholder_id is not None}
    names: dict[uuid.UUID, str] = {}
    for chunk in _chunks(list(account_ids)):
        query = select(Account.id, Account.name).where(Account.id.in_(chunk))
        names.update((i, n) for i, n in session.execute(query))
    people: dict[uuid.UUID, str] = {}
    for chunk in _chunks(list(stakeholder_ids)):
        query = select(Stakeholder.id, Stakeholder.full_name).where(Stakeholder.id.in_(chunk))
        people.update((i, n) for i, n in session.execute(query))
    types = {
        key: (label, points)
        for key, label, points in session.execute(
            select(InteractionType.key, InteractionType.label, InteractionType.points)
        )
    }
    out = []
    for r in rows:
        label, points = types.get(r.type_key, (None, 0))
        out.append(
            InteractionRecord(
                id=r.id,
                occurred_at=r.occurred_at,
                account_id=r.account_id,
                account_name=names.get(r.account_id, ""),
                stakeholder_id=r.stakeholder_id,
                stakeholder_name=people.get(r.stakeholder_id) if r.stakeholder_id else None,
                type_key=r.type_key,
                type_label=label,
                points=points,
                duration_minutes=r.duration_minutes,
                logged_by=r.logged_by,
                notes=r.notes,
            )
        )
    return out


_INTERACTION_COLUMNS = (
    Interaction.id,
    Interaction.occurred_at,
    Interaction.account_id,
    Interaction.stakeholder_id,
    Interaction.type_key,
    Interaction.duration_minutes,
    Interaction.logged_by,
    Interaction.notes,
)


def interaction_page(
    engine: Engine,
    *,
    after: InteractionCursor | None = None,
    limit: int = 200,
    ascending: bool = False,
    account_id: uuid.UUID | None = None,
) -> list[InteractionRecord]:
    """One page of the interaction history, newest first unless ``ascending``.

    ``after`` is the cursor of the last row of the previous page. The query walks
    the ``occurred_at`` index (or ``account_id, occurred_at`` when filtered), so its
    cost does not grow with the page number.
    """
    if limit <= 0:
        return []
    query = select(*_INTERACTION_COLUMNS)
    if account_id is not None:
        query = query.where(Interaction.account_id == account_id)
    if after is not None:
        at, last = after.occurred_at, after.id
        if ascending:
            query = query.where(
                Interaction.occurred_at >= at,
                or_(
                    Interaction.occurred_at > at,
                    and_(Interaction.occurred_at == at, Interaction.id > last),
                ),
            )
        else:
            query = query.where(
                Interaction.occurred_at <= at,
                or_(
                    Interaction.occurred_at < at,
                    and_(Interaction.occurred_at == at, Interaction.id < last),
                ),
            )
    if ascending:
        query = query.order_by(Interaction.occurred_at.asc(), Interaction.id.asc())
    else:
        query = query.order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
    query = query.limit(limit)
    with read_session(engine) as session:
        rows = session.execute(query).all()
        return _interaction_records(session, rows)


def get_interaction(engine: Engine, interaction_id: uuid.UUID) -> InteractionRecord | None:
    query = select(*_INTERACTION_COLUMNS).where(Interaction.id == interaction_id)
    with read_session(engine) as session:
        rows = session.execute(query).all()
        records = _interaction_records(session, rows)
    return records[0] if records else None


def cursor_of(record: InteractionRecord) -> InteractionCursor:
    return InteractionCursor(occurred_at=record.occurred_at, id=record.id)


def count_interactions(engine: Engine, *, account_id: uuid.UUID | None = None) -> int:
    query = select(func.count()).select_from(Interaction)
    if account_id is not None:
        query = query.where(Interaction.account_id == account_id)
    with read_session(engine) as session:
        return session.execute(query).scalar_one()


# --- the filtered interaction history ---------------------------------------------


#: How words in notes are compared: the accented letters of French (and a few
#: neighbours) to their base letter, then ASCII lower case. The same folding is done
#: in SQL with nested replace() and LIKE (ASCII case-insensitive), so that a count runs
#: wholly inside SQLite, off the GIL, and agrees with the pages checked in Python.
NOTE_FOLDS: tuple[tuple[str, str], ...] = tuple(
    (accented, plain)
    for plain, letters in (
        ("a", "àâäáãåÀÂÄÁÃÅ"),
        ("c", "çÇ"),
        ("e", "éèêëÉÈÊË"),
        ("i", "îïíìÎÏÍÌ"),
        ("o", "ôöóòõÔÖÓÒÕ"),
        ("u", "ùûüúÙÛÜÚ"),
        ("y", "ÿŸ"),
        ("n", "ñÑ"),
        ("oe", "œŒ"),
        ("ae", "æÆ"),
        ("'", "’"),
    )
    for accented in letters
)
_FOLD_TABLE = str.maketrans(
    {**dict(NOTE_FOLDS), **{chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)}}
)


def fold_note(text: str | None) -> str:
    """``text`` as notes are searched: accents off, ASCII lower case."""
    return (text or "").translate(_FOLD_TABLE)


#: replace() calls nested in one expression at most (SQLite's parser stack ends near 30).
_FOLDS_PER_LEVEL = 20


def _fold_sql(expr: ColumnElement, folds: Sequence[tuple[str, str]]) -> ColumnElement:
    for accented, plain in folds:
        expr = func.replace(expr, accented, plain)
    return expr


@functools.lru_cache(maxsize=64)
def _words(text: str) -> tuple[str, ...]:
    return tuple(fold_note(text).split())


@dataclass(frozen=True)
class InteractionFilter:
    """What the history shows. Account, stakeholder and dates are answered by indexes;
    type, author and words in the notes are checked row by row in bounded scans."""

    account_id: uuid.UUID | None = None
    stakeholder_id: uuid.UUID | None = None
    type_key: str | None = None
    logged_by: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    text: str = ""

    @property
    def words(self) -> tuple[str, ...]:
        return _words(self.text)

    @property
    def scans(self) -> bool:
        """True when rows must be checked one by one (no index answers the filter)."""
        return bool(self.type_key or self.logged_by or self.words)

    def matches(self, type_key: str, logged_by: str | None, notes: str | None) -> bool:
        if self.type_key and type_key != self.type_key:
            return False
        if self.logged_by and (logged_by or "") != self.logged_by:
            return False
        words = self.words
        if words:
            if not notes:
                return False
            folded = fold_note(notes)
            return all(w in folded for w in words)
        return True


@dataclass(frozen=True)
class InteractionPage:
    """A page of the filtered history: its rows, where the next page starts, and
    whether the end was reached (a page may hold fewer rows than asked and still not
    be the last one, when its scan window ran out first)."""

    rows: list[InteractionRecord]
    cursor: InteractionCursor | None
    done: bool
    scanned: int


#: Rows examined at most per page when the filter is checked row by row (about
#: 5–30 ms at a million interactions: each call stays short on the GUI thread).
SCAN_WINDOW = 1_000


def _indexed_filter(query, f: InteractionFilter):  # noqa: ANN001, ANN202
    if f.account_id is not None:
        query = query.where(Interaction.account_id == f.account_id)
    if f.stakeholder_id is not None:
        query = query.where(Interaction.stakeholder_id == f.stakeholder_id)
    if f.date_from is not None:
        query = query.where(Interaction.occurred_at >= dt.datetime.combine(f.date_from, dt.time()))
    if f.date_to is not None:
        end = dt.datetime.combine(f.date_to + dt.timedelta(days=1), dt.time())
        query = query.where(Interaction.occurred_at < end)
    return query


def _after(query, after: InteractionCursor | None, ascending: bool):  # noqa: ANN001, ANN202
    if after is None:
        return query
    at, last = after.occurred_at, after.id
    if ascending:
        return query.where(
            Interaction.occurred_at >= at,
            or_(
                Interaction.occurred_at > at,
                and_(Interaction.occurred_at == at, Interaction.id > last),
            ),
        )
    return query.where(
        Interaction.occurred_at <= at,
        or_(
            Interaction.occurred_at < at,
            and_(Interaction.occurred_at == at, Interaction.id < last),
        ),
    )


def filtered_interaction_page(
    engine: Engine,
    f: InteractionFilter,
    *,
    after: InteractionCursor | None = None,
    limit: int = 200,
    ascending: bool = False,
    window: int = SCAN_WINDOW,
) -> InteractionPage:
    """One page of the history that matches ``f``, newest first unless ``ascending``.

    The rows are walked along the ``occurred_at`` index (or ``account_id, occurred_at``
    / ``stakeholder_id, occurred_at``); type, author and words are checked in Python
    on at most ``window`` rows, so one call costs the same whatever the filter (words
    ignore case and accents). Continue from ``page.cursor`` until ``page.done``.
    """
    if f.scans:
        return _scanned_page(engine, f, after, limit, ascending, window)
    query = _after(_indexed_filter(select(*_INTERACTION_COLUMNS), f), after, ascending)
    query = query.order_by(*_date_order(ascending)).limit(limit)
    with read_session(engine) as session:
        rows = session.execute(query).all()
        records = _interaction_records(session, rows)
    last = records[-1] if records else None
    cursor = InteractionCursor(last.occurred_at, last.id) if last is not None else after
    done = len(records) < limit
    return InteractionPage(rows=records, cursor=cursor, done=done, scanned=len(records))


def _date_order(ascending: bool) -> list[ColumnElement]:
    if ascending:
        return [Interaction.occurred_at.asc(), Interaction.id.asc()]
    return [Interaction.occurred_at.desc(), Interaction.id.desc()]


def _scanned_page(
    engine: Engine,
    f: InteractionFilter,
    after: InteractionCursor | None,
    limit: int,
    ascending: bool,
    window: int,
) -> InteractionPage:
    """The bounded scan: the light columns of at most ``window`` rows, read without
    type conversion (a few microseconds a row), then the matches in full."""
    light = (
        type_coerce(Interaction.occurred_at, String).label("at"),
        type_coerce(Interaction.id, LargeBinary).label("raw_id"),
        Interaction.type_key,
        Interaction.logged_by,
        Interaction.notes,
    )
    query = _after(_indexed_filter(select(*light), f), after, ascending)
    query = query.order_by(*_date_order(ascending)).limit(window)
    found: list[bytes] = []
    scanned = 0
    last = None
    full = False
    with read_session(engine) as session:
        for row in session.execute(query):
            scanned += 1
            last = row
            if f.matches(row.type_key, row.logged_by, row.notes):
                found.append(row.raw_id)
                if len(found) >= limit:
                    full = True
                    break
        ids = [uuid.UUID(bytes=b) for b in found]
        rows = []
        for chunk in _chunks(ids):
            rows += session.execute(
                select(*_INTERACTION_COLUMNS).where(Interaction.id.in_(chunk))
            ).all()
        order = {i: n for n, i in enumerate(ids)}
        rows.sort(key=lambda r: order[r.id])
        records = _interaction_records(session, rows)
    if last is not None:
        cursor = InteractionCursor(
            dt.datetime.fromisoformat(last.at), uuid.UUID(bytes=bytes(last.raw_id))
        )
    else:
        cursor = after
    done = not full and scanned < window
    return InteractionPage(rows=records, cursor=cursor, done=done, scanned=scanned)


def count_filtered_interactions(engine: Engine, f: InteractionFilter) -> int:
    """How many interactions match ``f``. Without type, author or words this is an
    index range count (milliseconds at a million rows); with them it reads every row
    of the indexed range: run it off the GUI thread."""
    if not f.scans:
        query = _indexed_filter(select(func.count()).select_from(Interaction), f)
        with read_session(engine) as session:
            return session.execute(query).scalar_one()
    query = _indexed_filter(
        select(Interaction.type_key, Interaction.logged_by, Interaction.notes), f
    )
    if f.type_key:
        query = query.where(Interaction.type_key == f.type_key)
    if f.logged_by:
        query = query.where(Interaction.logged_by == f.logged_by)
    if f.words:
        # Fold in stages (a subquery per stage), then LIKE each word.
        query = query.where(Interaction.notes.is_not(None))
        folds = NOTE_FOLDS[:_FOLDS_PER_LEVEL]
        inner = query.with_only_columns(_fold_sql(Interaction.notes, folds).label("n")).subquery()
        rest = NOTE_FOLDS[_FOLDS_PER_LEVEL:]
        while rest:
            folds, rest = rest[:_FOLDS_PER_LEVEL], rest[_FOLDS_PER_LEVEL:]
            inner = select(_fold_sql(inner.c.n, folds).label("n")).subquery()
        query = select(inner.c.n)
        for word in f.words:
            query = query.where(inner.c.n.like(_like(word), escape="\\"))
    query = select(func.count()).select_from(query.subquery())
    with read_session(engine) as session:
        return session.execute(query).scalar_one()


def interaction_loggers(engine: Engine) -> list[str]:
    """Who logged interactions (distinct ``logged_by``), by name. A full read of the
    table at a million rows (~0.1 s): call it off the GUI thread."""
    query = select(Interaction.logged_by).where(Interaction.logged_by.is_not(None)).distinct()
    with read_session(engine) as session:
        names = [n for n in session.execute(query).scalars() if n]
    return sorted(names, key=lambda n: (sort_text(n), n))


# --- deals ----------------------------------------------------------------------------


def _current_stage_subquery() -> ColumnElement:
    """The stage of a deal's latest stage change (correlated to ``Deal``)."""
    return (
        select(StageChange.stage)
        .where(StageChange.deal_id == Deal.id)
        .order_by(StageChange.entered_at.desc(), StageChange.id.desc())
        .limit(1)
        .correlate(Deal)
        .scalar_subquery()
    )


_STAGE_ORDER = {stage: i for i, stage in enumerate(domain.STAGES)}
_STATUS_ORDER = {status: i for i, status in enumerate(domain.DEAL_STATUSES)}


def _deal_sorts() -> dict[str, ColumnElement]:
    stage = _current_stage_subquery()
    return {
        "account": Account.name.collate("NOCASE"),
        "name": Deal.name.collate("NOCASE"),
        "created_at": Deal.opened_at,
        "amount": Deal.amount_cents,
        "status": case(
            *((Deal.status == s, literal(i)) for s, i in _STATUS_ORDER.items()), else_=None
        ),
        "closed_at": Deal.closed_at,
        "current_stage": case(
            *((stage == s, literal(i)) for s, i in _STAGE_ORDER.items()), else_=None
        ),
        "owner": Deal.owner.collate("NOCASE"),
    }


def deal_keys(
    engine: Engine,
    *,
    status: str | None = None,
    search: str = "",
    sort: str = "created_at",
    descending: bool = True,
) -> list[uuid.UUID]:
    """Ids of the deals that match (``status`` one of open/won/lost), in display order."""
    if status is not None and status not in domain.DEAL_STATUSES:
        raise ValidationError(f"unknown deal status '{status}'")
    expr = _sort_expr(_deal_sorts(), sort)
    query = select(Deal.id).join(Account, Account.id == Deal.account_id)
    if status is not None:
        query = query.where(Deal.status == status)
    search = search.strip()
    if search:
        pattern = _like(search)
        query = query.where(
            or_(Deal.name.like(pattern, escape="\\"), Account.name.like(pattern, escape="\\"))
        )
    query = query.order_by(*_order(expr, descending), Deal.opened_at.desc(), Deal.id)
    with read_session(engine) as session:
        return list(session.execute(query).scalars())


def deals_by_ids(engine: Engine, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, DealRecord]:
    out: dict[uuid.UUID, DealRecord] = {}
    stage = _current_stage_subquery()
    with read_session(engine) as session:
        for chunk in _chunks(ids):
            query = (
                select(Deal, Account.name, stage)
                .join(Account, Account.id == Deal.account_id)
                .where(Deal.id.in_(chunk))
            )
            for d, account_name, current in session.execute(query):
                out[d.id] = DealRecord(
                    id=d.id,
                    account_id=d.account_id,
                    account_name=account_name,
                    name=d.name,
                    created_at=d.opened_at,
                    amount_cents=d.amount_cents,
                    status=d.status,
                    closed_at=d.closed_at,
                    owner=d.owner,
                    current_stage=current,
                )
    return out


def deal_summary(engine: Engine) -> DealSummary:
    """How many deals, how many open, and the open pipeline's amount."""
    is_open = Deal.status == "open"
    query = select(
        func.count(),
        func.coalesce(func.sum(case((is_open, 1), else_=0)), 0),
        func.coalesce(func.sum(case((is_open, Deal.amount_cents), else_=0)), 0),
    ).select_from(Deal)
    with read_session(engine) as session:
        count, open_count, amount = session.execute(query).one()
    return DealSummary(count=count, open_count=open_count, open_amount_cents=amount)
