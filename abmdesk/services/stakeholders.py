"""Editing an account's buying committee, and reading what its org chart shows.

Every write is one transaction and returns plain frozen dataclasses: enough for the
GUI's undo to put things back through another service call (an update returns the
fields before, a delete returns a snapshot that :func:`restore_stakeholder` puts back
with the same id, the same interaction links and the same reports).

Ids may be chosen by the caller (``stakeholder_id``, ``line_id``), so that a redo
makes the same row again and later edits on the undo stack still find it.

Decisions where the issue is silent:

- a manager must be a person of the same account; an empty seat may be a manager
  (a vacant "DAF" still has a team) and may report to someone;
- an email is unique within an account (the bundle references people by email);
- deleting a person moves their reports up to the deleted person's manager (top level
  when they had none); their interactions stay on the account, without a person; their
  influence lines go with them (and come back on undo);
- filling an empty seat keeps its role, attitude, manager and reports;
- an influence line goes one way (A sways B) and exists once per ordered pair;
- "engaged" and "last interaction" ignore interactions dated after today.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, fields

from sqlalchemy import Engine, and_, case, func, or_, select, update
from sqlalchemy.orm import Session, aliased

from abmdesk import domain
from abmdesk.db.engine import read_session, write_session
from abmdesk.db.models import (
    Account,
    InfluenceLine,
    Interaction,
    InteractionType,
    Setting,
    Stakeholder,
)
from abmdesk.errors import ValidationError
from abmdesk.kpi.coverage import coverage
from abmdesk.kpi.inputs import AccountRow, KpiInputs, Params, Period, StakeholderCounts
from abmdesk.services.org import find_cycle
from abmdesk.services.records import (
    InteractionRecord,
    StakeholderRecord,
    _interaction_records,
    stakeholder_record,
)

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

#: The fields a person's card edits (``update_stakeholder`` keywords).
EDITABLE = ("full_name", "title", "email", "phone", "role", "attitude", "placeholder")


class ReportingCycleError(ValidationError):
    """Giving ``person`` the manager ``manager`` would close a reporting loop.

    ``chain`` holds the names from ``manager`` up to ``person`` (each reports to the
    next), for a message in the user's language.
    """

    def __init__(self, person: str, manager: str, chain: Sequence[str]) -> None:
        self.person = person
        self.manager = manager
        self.chain = list(chain)
        if person == manager and len(self.chain) <= 1:
            message = f"{person} cannot report to themselves"
        else:
            message = f"{manager} already reports to {person}: {' → '.join(self.chain)}"
        super().__init__(message)


# --- plain results --------------------------------------------------------------------


@dataclass(frozen=True)
class StakeholderChange:
    """A person before and after an edit (``before`` None for a creation)."""

    before: StakeholderRecord | None
    after: StakeholderRecord


@dataclass(frozen=True)
class ManagerChange:
    stakeholder_id: uuid.UUID
    old_manager_id: uuid.UUID | None
    new_manager_id: uuid.UUID | None


@dataclass(frozen=True)
class InfluenceRecord:
    id: uuid.UUID
    account_id: uuid.UUID
    from_id: uuid.UUID
    to_id: uuid.UUID
    label: str | None
    created_at: dt.datetime | None = None


@dataclass(frozen=True)
class DeletedStakeholder:
    """What :func:`delete_stakeholder` removed, for :func:`restore_stakeholder`."""

    person: StakeholderRecord
    created_at: dt.datetime | None
    report_ids: tuple[uuid.UUID, ...]
    interaction_ids: tuple[uuid.UUID, ...]
    influences: tuple[InfluenceRecord, ...]


@dataclass(frozen=True)
class ChartPerson:
    id: uuid.UUID
    full_name: str
    title: str | None
    email: str | None
    phone: str | None
    role: str | None
    attitude: str | None
    manager_id: uuid.UUID | None
    placeholder: bool
    engaged: bool
    last_interaction: dt.datetime | None
    created_at: dt.datetime | None = None


@dataclass(frozen=True)
class ChartFigures:
    """The header of the map: SPEC 3.2 coverage of this account, as of ``as_of``."""

    committee_size: int
    identified: int
    engaged: int
    identified_coverage: float | None
    engaged_coverage: float | None
    engagement_ratio: float | None
    role_coverage: float
    at_risk: bool
    is_target: bool
    risk_threshold: float


@dataclass(frozen=True)
class OrgChart:
    account_id: uuid.UUID
    account_name: str
    as_of: dt.date
    window_days: int
    people: tuple[ChartPerson, ...]
    influences: tuple[InfluenceRecord, ...]
    figures: ChartFigures
    #: Required roles nobody (person or empty seat) holds: the map's virtual seats.
    missing_roles: tuple[str, ...] = field(default=())


# --- helpers ---------------------------------------------------------------------------


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _record(session: Session, s: Stakeholder) -> StakeholderRecord:
    manager = session.get(Stakeholder, s.reports_to_id) if s.reports_to_id else None
    return stakeholder_record(s, manager.full_name if manager else None)


def _get(session: Session, stakeholder_id: uuid.UUID) -> Stakeholder:
    person = session.get(Stakeholder, stakeholder_id)
    if person is None:
        raise ValidationError("stakeholder: no such stakeholder (deleted meanwhile?)")
    return person


def _check_values(values: dict[str, object]) -> dict[str, object]:
    out = dict(values)
    for key in ("title", "email", "phone"):
        if key in out:
            out[key] = _clean(out[key])  # type: ignore[arg-type]
    if "full_name" in out:
        name = _clean(out["full_name"])  # type: ignore[arg-type]
        if name is None:
            raise ValidationError("name: a name is required (for an empty seat, the post)")
        out["full_name"] = name
    if out.get("email") is not None and not EMAIL.match(str(out["email"])):
        raise ValidationError(f"email: '{out['email']}' is not an email address")
    if "role" in out:
        out["role"] = _clean(out["role"])  # type: ignore[arg-type]
        if out["role"] is not None and out["role"] not in domain.ROLES:
            raise ValidationError(f"role: unknown role '{out['role']}'")
    if "attitude" in out:
        out["attitude"] = _clean(out["attitude"])  # type: ignore[arg-type]
        if out["attitude"] is not None and out["attitude"] not in domain.ATTITUDES:
            raise ValidationError(f"attitude: unknown attitude '{out['attitude']}'")
    if "placeholder" in out:
        out["placeholder"] = bool(out["placeholder"])
    return out


def _check_email_free(
    session: Session, account_id: uuid.UUID, email: str | None, own_id: uuid.UUID | None
) -> None:
    if email is None:
        return
    query = select(Stakeholder.full_name).where(
        Stakeholder.account_id == account_id,
        func.lower(Stakeholder.email) == email.lower(),
    )
    if own_id is not None:
        query = query.where(Stakeholder.id != own_id)
    other = session.execute(query.limit(1)).scalar()
    if other is not None:
        raise ValidationError(f"email: {email} is already {other}'s address in this account")


def _manager_map(session: Session, account_id: uuid.UUID) -> dict[uuid.UUID, uuid.UUID | None]:
    rows = session.execute(
        select(Stakeholder.id, Stakeholder.reports_to_id).where(
            Stakeholder.account_id == account_id
        )
    )
    return dict(rows.all())


def _check_manager(
    session: Session, person: Stakeholder | None, account_id: uuid.UUID, manager_id: uuid.UUID
) -> Stakeholder:
    """The manager row, after refusing another account's person or a loop."""
    manager = session.get(Stakeholder, manager_id)
    if manager is None:
        raise ValidationError("manager: no such stakeholder")
    if manager.account_id != account_id:
        raise ValidationError(f"manager: {manager.full_name} belongs to another account")
    if person is not None:
        cycle = find_cycle(_manager_map(session, account_id), person.id, manager_id)
        if cycle is not None:
            names = dict(
                session.execute(
                    select(Stakeholder.id, Stakeholder.full_name).where(Stakeholder.id.in_(cycle))
                ).all()
            )
            chain = [names.get(i, "?") for i in cycle[1:]] + [person.full_name]
            raise ReportingCycleError(person.full_name, manager.full_name, chain)
    return manager


# --- people ---------------------------------------------------------------------------


def create_stakeholder(
    engine: Engine,
    account_id: uuid.UUID,
    full_name: str,
    *,
    title: str | None = None,
    email: str | None = None,
    phone: str | None = None,
    role: str | None = None,
    attitude: str | None = None,
    placeholder: bool = False,
    manager_id: uuid.UUID | None = None,
    peer_of: uuid.UUID | None = None,
    stakeholder_id: uuid.UUID | None = None,
) -> StakeholderRecord:
    """A new person (or empty seat): reporting to ``manager_id``, or a peer of ``peer_of``
    (same manager), or top level when both are None."""
    if manager_id is not None and peer_of is not None:
        raise ValidationError("give a manager or a peer, not both")
    values = _check_values(
        {
            "full_name": full_name,
            "title": title,
            "email": email,
            "phone": phone,
            "role": role,
            "attitude": attitude,
            "placeholder": placeholder,
        }
    )
    with write_session(engine) as session:
        if session.get(Account, account_id) is None:
            raise ValidationError("account: no such account")
        if peer_of is not None:
            peer = _get(session, peer_of)
            if peer.account_id != account_id:
                raise ValidationError(f"peer: {peer.full_name} belongs to another account")
            manager_id = peer.reports_to_id
        if manager_id is not None:
            _check_manager(session, None, account_id, manager_id)
        if stakeholder_id is not None and session.get(Stakeholder, stakeholder_id) is not None:
            raise ValidationError("stakeholder: this person exists already")
        _check_email_free(session, account_id, values["email"], None)  # type: ignore[arg-type]
        person = Stakeholder(
            id=stakeholder_id or uuid.uuid4(),
            account_id=account_id,
            reports_to_id=manager_id,
            **values,
        )
        session.add(person)
        session.flush()
        return _record(session, person)


def update_stakeholder(
    engine: Engine, stakeholder_id: uuid.UUID, **changes: object
) -> StakeholderChange:
    """Change some of :data:`EDITABLE` (a value of None clears it; not the name)."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"cannot edit {', '.join(sorted(unknown))} here")
    values = _check_values(changes)
    with write_session(engine) as session:
        person = _get(session, stakeholder_id)
        before = _record(session, person)
        if "email" in values:
            _check_email_free(session, person.account_id, values["email"], person.id)  # type: ignore[arg-type]
        for key, value in values.items():
            setattr(person, key, value)
        session.flush()
        return StakeholderChange(before=before, after=_record(session, person))


def restore_fields(engine: Engine, record: StakeholderRecord) -> StakeholderChange:
    """Put back every editable field of ``record`` (the undo of an update or a fill)."""
    return update_stakeholder(engine, record.id, **{k: getattr(record, k) for k in EDITABLE})


def set_manager(
    engine: Engine, stakeholder_id: uuid.UUID, manager_id: uuid.UUID | None
) -> ManagerChange:
    """``stakeholder_id`` now reports to ``manager_id`` (None: to no one).

    Raises :class:`ReportingCycleError` when the manager already reports, directly or
    not, to this person, and ValidationError for a manager of another account.
    """
    with write_session(engine) as session:
        person = _get(session, stakeholder_id)
        old = person.reports_to_id
        if manager_id is not None:
            if manager_id == person.id:
                raise ReportingCycleError(person.full_name, person.full_name, [person.full_name])
            _check_manager(session, person, person.account_id, manager_id)
        person.reports_to_id = manager_id
        return ManagerChange(stakeholder_id, old, manager_id)


def fill_seat(
    engine: Engine,
    stakeholder_id: uuid.UUID,
    full_name: str,
    *,
    email: str | None = None,
    title: str | None = None,
) -> StakeholderChange:
    """An empty seat becomes an identified person, in one step (role, manager and
    reports kept; the title kept unless a new one is given)."""
    values: dict[str, object] = {"full_name": full_name, "email": email, "placeholder": False}
    if _clean(title) is not None:
        values["title"] = title
    with write_session(engine) as session:
        if not _get(session, stakeholder_id).placeholder:
            raise ValidationError("this seat is already filled")
    return update_stakeholder(engine, stakeholder_id, **values)


def delete_stakeholder(engine: Engine, stakeholder_id: uuid.UUID) -> DeletedStakeholder:
    """Delete a person; their reports move up to the deleted person's manager."""
    with write_session(engine) as session:
        person = _get(session, stakeholder_id)
        record = _record(session, person)
        reports = tuple(
            session.execute(
                select(Stakeholder.id)
                .where(Stakeholder.reports_to_id == person.id)
                .order_by(Stakeholder.created_at, Stakeholder.id)
            ).scalars()
        )
        interactions = tuple(
            session.execute(
                select(Interaction.id).where(Interaction.stakeholder_id == person.id)
            ).scalars()
        )
        lines = tuple(
            _influence(line)
            for line in session.execute(
                select(InfluenceLine).where(
                    or_(InfluenceLine.from_id == person.id, InfluenceLine.to_id == person.id)
                )
            ).scalars()
        )
        if reports:
            session.execute(
                update(Stakeholder)
                .where(Stakeholder.id.in_(reports))
                .values(reports_to_id=person.reports_to_id)
            )
        snapshot = DeletedStakeholder(
            person=record,
            created_at=person.created_at,
            report_ids=reports,
            interaction_ids=interactions,
            influences=lines,
        )
        session.delete(person)
        session.flush()
        return snapshot


def restore_stakeholder(engine: Engine, snapshot: DeletedStakeholder) -> StakeholderRecord:
    """Undo :func:`delete_stakeholder`: the same person, links and reports again."""
    p = snapshot.person
    with write_session(engine) as session:
        if session.get(Stakeholder, p.id) is not None:
            raise ValidationError(f"{p.full_name} exists already")
        if session.get(Account, p.account_id) is None:
            raise ValidationError("account: the account was deleted meanwhile")
        manager_id = p.reports_to_id
        if manager_id is not None and session.get(Stakeholder, manager_id) is None:
            manager_id = None
        person = Stakeholder(
            id=p.id,
            account_id=p.account_id,
            full_name=p.full_name,
            title=p.title,
            email=p.email,
            phone=p.phone,
            role=p.role,
            attitude=p.attitude,
            placeholder=p.placeholder,
            reports_to_id=manager_id,
        )
        if snapshot.created_at is not None:
            person.created_at = snapshot.created_at
        session.add(person)
        session.flush()
        if snapshot.report_ids:
            session.execute(
                update(Stakeholder)
                .where(
                    Stakeholder.id.in_(snapshot.report_ids),
                    Stakeholder.account_id == p.account_id,
                )
                .values(reports_to_id=p.id)
            )
        if snapshot.interaction_ids:
            session.execute(
                update(Interaction)
                .where(
                    Interaction.id.in_(snapshot.interaction_ids),
                    Interaction.stakeholder_id.is_(None),
                )
                .values(stakeholder_id=p.id)
            )
        for line in snapshot.influences:
            other = line.to_id if line.from_id == p.id else line.from_id
            if session.get(Stakeholder, other) is None:
                continue
            session.add(
                InfluenceLine(
                    id=line.id,
                    account_id=line.account_id,
                    from_id=line.from_id,
                    to_id=line.to_id,
                    label=line.label,
                )
            )
        session.flush()
        return _record(session, person)


# --- influence lines ---------------------------------------------------------------------


def _influence(line: InfluenceLine) -> InfluenceRecord:
    return InfluenceRecord(
        id=line.id,
        account_id=line.account_id,
        from_id=line.from_id,
        to_id=line.to_id,
        label=line.label,
        created_at=line.created_at,
    )


def add_influence(
    engine: Engine,
    from_id: uuid.UUID,
    to_id: uuid.UUID,
    label: str | None = None,
    *,
    line_id: uuid.UUID | None = None,
) -> InfluenceRecord:
    """``from_id`` has sway over ``to_id`` (two people of one account)."""
    if from_id == to_id:
        raise ValidationError("influence: a person cannot influence themselves")
    with write_session(engine) as session:
        a, b = _get(session, from_id), _get(session, to_id)
        if a.account_id != b.account_id:
            raise ValidationError("influence: both people must belong to the same account")
        exists = session.execute(
            select(InfluenceLine.id).where(
                InfluenceLine.from_id == from_id, InfluenceLine.to_id == to_id
            )
        ).scalar()
        if exists is not None:
            raise ValidationError(f"influence: {a.full_name} → {b.full_name} is drawn already")
        line = InfluenceLine(
            id=line_id or uuid.uuid4(),
            account_id=a.account_id,
            from_id=from_id,
            to_id=to_id,
            label=_clean(label),
        )
        session.add(line)
        session.flush()
        return _influence(line)


def update_influence(engine: Engine, line_id: uuid.UUID, label: str | None) -> InfluenceRecord:
    """A new label; returns the line as it was before."""
    with write_session(engine) as session:
        line = session.get(InfluenceLine, line_id)
        if line is None:
            raise ValidationError("influence: no such line")
        before = _influence(line)
        line.label = _clean(label)
        return before


def remove_influence(engine: Engine, line_id: uuid.UUID) -> InfluenceRecord:
    """Delete a line; returns it, for :func:`restore_influence`."""
    with write_session(engine) as session:
        line = session.get(InfluenceLine, line_id)
        if line is None:
            raise ValidationError("influence: no such line")
        record = _influence(line)
        session.delete(line)
        return record


def restore_influence(engine: Engine, record: InfluenceRecord) -> InfluenceRecord:
    return add_influence(engine, record.from_id, record.to_id, record.label, line_id=record.id)


# --- reading the chart ---------------------------------------------------------------------

_SETTING_KEYS = ("engagement_window_days", "default_committee_size", "coverage_risk_threshold")


def _params(session: Session) -> Params:
    from abmdesk.services.settings import parse_setting

    stored = dict(
        session.execute(
            select(Setting.key, Setting.value).where(Setting.key.in_(_SETTING_KEYS))
        ).all()
    )
    values = {
        key: parse_setting(key, stored[key]) if key in stored else domain.DEFAULT_SETTINGS[key]
        for key in _SETTING_KEYS
    }
    return Params(**values)  # type: ignore[arg-type]


def account_coverage(
    account: AccountRow, counts: StakeholderCounts, params: Params, as_of: dt.date
) -> ChartFigures:
    """SPEC 3.2 for one account, through the KPI package's own coverage function."""
    inputs = KpiInputs(
        period=Period(as_of, as_of),
        params=params,
        accounts=[account],
        engagement={},
        stakeholders={account.key: counts},
        deals=[],
        stage_changes=[],
        contracts=[],
        costs=[],
    )
    row = coverage(inputs)["accounts"][0]
    return ChartFigures(
        committee_size=row["committee_size"],
        identified=row["identified"],
        engaged=row["engaged"],
        identified_coverage=row["identified_coverage"],
        engaged_coverage=row["engaged_coverage"],
        engagement_ratio=row["engagement_ratio"],
        role_coverage=row["role_coverage"],
        at_risk=bool(row["at_risk"]),
        is_target=account.target_at(as_of),
        risk_threshold=params.coverage_risk_threshold,
    )


def org_chart(engine: Engine, account_id: uuid.UUID, as_of: dt.date | None = None) -> OrgChart:
    """Everything the map draws for one account, in three queries: the account and
    settings; the people with their engagement and last interaction; the influence lines."""
    as_of = as_of or dt.date.today()
    with read_session(engine) as session:
        account = session.get(Account, account_id)
        if account is None:
            raise ValidationError("account: no such account")
        params = _params(session)
        window = params.engagement_window_days
        first_day = domain.day_number(as_of) - window + 1
        last_day = domain.day_number(as_of)
        stop_at = dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time())
        own = select(Stakeholder.id).where(Stakeholder.account_id == account_id)
        scored = and_(
            InteractionType.points > 0,
            Interaction.day >= first_day,
            Interaction.day <= last_day,
        )
        activity = (
            select(
                Interaction.stakeholder_id.label("sid"),
                func.max(Interaction.occurred_at).label("last_at"),
                func.max(case((scored, 1), else_=0)).label("engaged"),
            )
            .join(InteractionType, InteractionType.key == Interaction.type_key)
            .where(Interaction.stakeholder_id.in_(own), Interaction.occurred_at < stop_at)
            .group_by(Interaction.stakeholder_id)
            .subquery()
        )
        s = aliased(Stakeholder)
        rows = session.execute(
            select(s, activity.c.last_at, activity.c.engaged)
            .outerjoin(activity, activity.c.sid == s.id)
            .where(s.account_id == account_id)
            .order_by(s.created_at, s.id)
        ).all()
        people = []
        for person, last_at, engaged in rows:
            last = None
            if last_at is not None:
                last = (
                    last_at
                    if isinstance(last_at, dt.datetime)
                    else dt.datetime.fromisoformat(str(last_at))
                )
            people.append(
                ChartPerson(
                    id=person.id,
                    full_name=person.full_name,
                    title=person.title,
                    email=person.email,
                    phone=person.phone,
                    role=person.role,
                    attitude=person.attitude,
                    manager_id=person.reports_to_id,
                    placeholder=bool(person.placeholder),
                    engaged=bool(engaged) and not person.placeholder,
                    last_interaction=last,
                    created_at=person.created_at,
                )
            )
        lines = tuple(
            _influence(line)
            for line in session.execute(
                select(InfluenceLine)
                .where(InfluenceLine.account_id == account_id)
                .order_by(InfluenceLine.created_at, InfluenceLine.id)
            ).scalars()
        )
        account_row = AccountRow(
            id=account.id.bytes,
            key=account.id.hex.upper(),
            name=account.name,
            sector=account.sector,
            employees=account.employees,
            is_target=bool(account.is_target),
            target_since=account.target_since,
            committee_size=account.committee_size,
            retention_years=account.retention_years,
        )
        name = account.name
    identified = [p for p in people if not p.placeholder]
    engaged = [p for p in identified if p.engaged]
    counts = StakeholderCounts(
        identified=len(identified),
        engaged=len(engaged),
        engaged_roles=frozenset(p.role for p in engaged if p.role),
    )
    held = {p.role for p in people}
    return OrgChart(
        account_id=account_id,
        account_name=name,
        as_of=as_of,
        window_days=window,
        people=tuple(people),
        influences=lines,
        figures=account_coverage(account_row, counts, params, as_of),
        missing_roles=tuple(r for r in domain.REQUIRED_ROLES if r not in held),
    )


def stakeholder_interactions(
    engine: Engine, stakeholder_id: uuid.UUID, limit: int = 100
) -> list[InteractionRecord]:
    """A person's latest interactions, newest first (at most ``limit``)."""
    query = (
        select(
            Interaction.id,
            Interaction.occurred_at,
            Interaction.account_id,
            Interaction.stakeholder_id,
            Interaction.type_key,
            Interaction.duration_minutes,
            Interaction.logged_by,
            Interaction.notes,
        )
        .where(Interaction.stakeholder_id == stakeholder_id)
        .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
        .limit(limit)
    )
    with read_session(engine) as session:
        rows = session.execute(query).all()
        return _interaction_records(session, rows)


def count_stakeholder_interactions(engine: Engine, stakeholder_id: uuid.UUID) -> int:
    query = select(func.count()).where(Interaction.stakeholder_id == stakeholder_id)
    with read_session(engine) as session:
        return session.execute(query).scalar_one()


def record_fields(record: StakeholderRecord) -> dict[str, object]:
    """The editable fields of a record, as ``update_stakeholder`` keywords."""
    return {f.name: getattr(record, f.name) for f in fields(record) if f.name in EDITABLE}


__all__ = [
    "ChartFigures",
    "ChartPerson",
    "DeletedStakeholder",
    "InfluenceRecord",
    "ManagerChange",
    "OrgChart",
    "ReportingCycleError",
    "StakeholderChange",
    "add_influence",
    "create_stakeholder",
    "delete_stakeholder",
    "fill_seat",
    "org_chart",
    "remove_influence",
    "restore_fields",
    "restore_influence",
    "restore_stakeholder",
    "set_manager",
    "stakeholder_interactions",
    "update_influence",
    "update_stakeholder",
]
