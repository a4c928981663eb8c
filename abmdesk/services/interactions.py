"""Logging interactions: one write transaction per call, a plain record back."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Engine, select

from abmdesk.db.engine import write_session
from abmdesk.db.models import Account, Identity, Interaction, InteractionType, Stakeholder
from abmdesk.errors import ValidationError
from abmdesk.services.records import InteractionRecord

__all__ = ["InteractionRecord", "log_interaction"]

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
