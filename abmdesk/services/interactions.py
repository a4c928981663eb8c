"""Logging interactions: one write transaction per call, a plain record back."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError

from abmdesk.db.engine import write_session
from abmdesk.db.models import Account, Identity, Interaction, InteractionType, Stakeholder
from abmdesk.errors import ValidationError
from abmdesk.services.records import InteractionRecord, get_interaction

__all__ = [
    "InteractionRecord",
    "InteractionSnapshot",
    "InteractionUpdate",
    "delete_interactions",
    "log_interaction",
    "restore_interactions",
    "update_interaction",
]

#: The fields ``update_interaction`` may change.
EDITABLE = ("type_key", "occurred_at", "duration_minutes", "notes", "stakeholder_id")

MAX_DURATION_MINUTES = 7 * 24 * 60


def _local_naive(value: dt.datetime | dt.date) -> dt.datetime:
    """A naive local date-time to the second (aware values are converted to local time)."""
    if not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time())
    if value.tzinfo is not None:
        value = value.astimezone().replace(tzinfo=None)
    return value.replace(microsecond=0)


def log_interaction(
    engine: Engine,
    account_id: uuid.UUID,
    type_key: str,
    occurred_at: dt.datetime | dt.date,
    stakeholder_id: uuid.UUID | None = None,
    duration_minutes: int | None = None,
    notes: str | None = None,
    logged_by: str | None = None,
) -> InteractionRecord:
    """Record one interaction with an account (and optionally one of its stakeholders).

    ``logged_by`` defaults to this laptop's identity (``user_name``). Raises
    ValidationError for an unknown account, type or stakeholder, a stakeholder of
    another account or an empty seat, or a negative duration.
    """
    when = _local_naive(occurred_at)
    if duration_minutes is not None:
        duration_minutes = int(duration_minutes)
        if duration_minutes < 0:
            raise ValidationError("duration: must not be negative")
        if duration_minutes > MAX_DURATION_MINUTES:
            raise ValidationError("duration: more than a week is not one interaction")
    notes = (notes or "").strip() or None
    with write_session(engine) as session:
        account = session.get(Account, account_id)
        if account is None:
            raise ValidationError("account: no such account")
        itype = session.execute(
            select(InteractionType).where(InteractionType.key == type_key)
        ).scalar_one_or_none()
        if itype is None:
            raise ValidationError(f"type: unknown interaction type '{type_key}'")
        stakeholder_name = None
        if stakeholder_id is not None:
            person = session.get(Stakeholder, stakeholder_id)
            if person is None:
                raise ValidationError("stakeholder: no such stakeholder")
            if person.account_id != account.id:
                raise ValidationError(
                    f"stakeholder: {person.full_name} does not belong to {account.name}"
                )
            if person.placeholder:
                raise ValidationError(
                    f"stakeholder: {person.full_name} is an empty seat, not a person"
                )
            stakeholder_name = person.full_name
        if logged_by is None:
            logged_by = session.execute(select(Identity.user_name).limit(1)).scalar() or None
        else:
            logged_by = logged_by.strip() or None
        row = Interaction(
            account_id=account.id,
            stakeholder_id=stakeholder_id,
            type_key=itype.key,
            occurred_at=when,
            duration_minutes=duration_minutes,
            logged_by=logged_by,
            notes=notes,
        )
        session.add(row)
        session.flush()
        return InteractionRecord(
            id=row.id,
            occurred_at=when,
            account_id=account.id,
            account_name=account.name,
            stakeholder_id=stakeholder_id,
            stakeholder_name=stakeholder_name,
            type_key=itype.key,
            type_label=itype.label,
            points=itype.points,
            duration_minutes=duration_minutes,
            logged_by=logged_by,
            notes=notes,
        )


def _check_duration(duration_minutes: int | None) -> int | None:
    if duration_minutes is None:
        return None
    duration_minutes = int(duration_minutes)
    if duration_minutes < 0:
        raise ValidationError("duration: must not be negative")
    if duration_minutes > MAX_DURATION_MINUTES:
        raise ValidationError("duration: more than a week is not one interaction")
    return duration_minutes


def _check_person(session, account_id: uuid.UUID, stakeholder_id: uuid.UUID) -> None:  # noqa: ANN001
    person = session.get(Stakeholder, stakeholder_id)
    if person is None:
        raise ValidationError("stakeholder: no such stakeholder")
    if person.account_id != account_id:
        raise ValidationError("stakeholder: this person belongs to another account")
    if person.placeholder:
        raise ValidationError(f"stakeholder: {person.full_name} is an empty seat, not a person")


@dataclass(frozen=True)
class InteractionUpdate:
    """The interaction as it now is, and the values it had (to undo the change)."""

    record: InteractionRecord
    previous: dict[str, Any] = field(default_factory=dict)


def update_interaction(
    engine: Engine, interaction_id: uuid.UUID, **changes: Any
) -> InteractionUpdate:
    """Change some of ``type_key``, ``occurred_at``, ``duration_minutes``, ``notes``,
    ``stakeholder_id`` (None: the whole account) of one interaction, in one transaction.

    Returns the new record and the previous values of the fields given, so that
    ``update_interaction(engine, id, **result.previous)`` undoes the change.
    """
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"cannot change {', '.join(sorted(unknown))} of an interaction")
    with write_session(engine) as session:
        row = session.get(Interaction, interaction_id)
        if row is None:
            raise ValidationError("interaction: it no longer exists (deleted meanwhile?)")
        previous = {key: getattr(row, key) for key in changes}
        if "type_key" in changes:
            exists = session.execute(
                select(InteractionType.key).where(InteractionType.key == changes["type_key"])
            ).scalar_one_or_none()
            if exists is None:
                raise ValidationError(f"type: unknown interaction type '{changes['type_key']}'")
            row.type_key = changes["type_key"]
        if "occurred_at" in changes:
            if changes["occurred_at"] is None:
                raise ValidationError("date: an interaction has a date")
            row.occurred_at = _local_naive(changes["occurred_at"])
        if "duration_minutes" in changes:
            row.duration_minutes = _check_duration(changes["duration_minutes"])
        if "notes" in changes:
            row.notes = (changes["notes"] or "").strip() or None
        if "stakeholder_id" in changes:
            if changes["stakeholder_id"] is not None:
                _check_person(session, row.account_id, changes["stakeholder_id"])
            row.stakeholder_id = changes["stakeholder_id"]
    record = get_interaction(engine, interaction_id)
    assert record is not None
    return InteractionUpdate(record=record, previous=previous)


@dataclass(frozen=True)
class InteractionSnapshot:
    """Every stored column of a deleted interaction, to put it back as it was."""

    id: uuid.UUID
    account_id: uuid.UUID
    stakeholder_id: uuid.UUID | None
    type_key: str
    occurred_at: dt.datetime
    duration_minutes: int | None
    logged_by: str | None
    notes: str | None
    created_at: dt.datetime
    updated_at: dt.datetime


_SNAPSHOT_FIELDS = (
    "id",
    "account_id",
    "stakeholder_id",
    "type_key",
    "occurred_at",
    "duration_minutes",
    "logged_by",
    "notes",
    "created_at",
    "updated_at",
)


def delete_interactions(
    engine: Engine, interaction_ids: Sequence[uuid.UUID]
) -> list[InteractionSnapshot]:
    """Delete interactions in one transaction; returns what they were (for undo).

    Ids that no longer exist are skipped.
    """
    ids = list(dict.fromkeys(interaction_ids))
    snapshots: list[InteractionSnapshot] = []
    with write_session(engine) as session:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows = session.execute(select(Interaction).where(Interaction.id.in_(chunk))).scalars()
            for row in rows:
                snapshots.append(
                    InteractionSnapshot(**{name: getattr(row, name) for name in _SNAPSHOT_FIELDS})
                )
                session.delete(row)
    order = {i: n for n, i in enumerate(ids)}
    snapshots.sort(key=lambda s: order[s.id])
    return snapshots


def restore_interactions(engine: Engine, snapshots: Sequence[InteractionSnapshot]) -> int:
    """Put deleted interactions back with their ids (undo of a delete); all or none.

    A stakeholder deleted since then is dropped (the interaction stays with the
    account); an account deleted since then makes the restore fail.
    """
    if not snapshots:
        return 0
    try:
        with write_session(engine) as session:
            for snap in snapshots:
                stakeholder_id = snap.stakeholder_id
                if stakeholder_id is not None and session.get(Stakeholder, stakeholder_id) is None:
                    stakeholder_id = None
                session.add(
                    Interaction(
                        id=snap.id,
                        account_id=snap.account_id,
                        stakeholder_id=stakeholder_id,
                        type_key=snap.type_key,
                        occurred_at=snap.occurred_at,
                        duration_minutes=snap.duration_minutes,
                        logged_by=snap.logged_by,
                        notes=snap.notes,
                        created_at=snap.created_at,
                        updated_at=snap.updated_at,
                    )
                )
    except IntegrityError:
        raise ValidationError(
            "interactions: they cannot be put back (their account or type was deleted, "
            "or they exist again)"
        ) from None
    return len(snapshots)
