"""SQLAlchemy 2 typed models.

Conventions:
- every row has a UUID primary key (16-byte blob) and ``created_at`` / ``updated_at``
  (UTC), so that laptops can later be merged row by row;
- money is stored exactly, as integer cents (``*_cents``);
- dates are ``YYYY-MM-DD`` text and local date-times ``YYYY-MM-DDTHH:MM:SS`` text,
  so that SQL compares them as strings and the file stays readable;
- ``interactions.day`` is a stored generated column (days since 1970-01-01 of the
  local date) that the KPI queries compare and group on.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Computed,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from abmdesk import domain

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UUIDBlob(TypeDecorator[uuid.UUID]):
    """A UUID stored as 16 bytes (half the size of its text form in every index)."""

    impl = LargeBinary(16)
    cache_ok = True

    def process_bind_param(self, value, dialect):  # noqa: ANN001, ANN201
        if value is None:
            return None
        if isinstance(value, uuid.UUID):
            return value.bytes
        if isinstance(value, bytes):
            return value
        return uuid.UUID(str(value)).bytes

    def process_result_value(self, value, dialect):  # noqa: ANN001, ANN201
        return None if value is None else uuid.UUID(bytes=value)


#: Local date-time as ``YYYY-MM-DDTHH:MM:SS`` text.
LocalDateTime = sqlite.DATETIME(
    storage_format="%(year)04d-%(month)02d-%(day)02dT%(hour)02d:%(minute)02d:%(second)02d",
    regexp=r"(\d+)-(\d+)-(\d+)T(\d+):(\d+):(\d+)",
)

#: ``interactions.day``: days since 1970-01-01 of the local date of ``occurred_at``.
DAY_EXPRESSION = "CAST(julianday(substr(occurred_at, 1, 10)) - 2440587.5 AS INTEGER)"


def new_id() -> uuid.UUID:
    return uuid.uuid4()


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Row:
    """Columns every table has."""

    id: Mapped[uuid.UUID] = mapped_column(UUIDBlob, primary_key=True, default=new_id)
    created_at: Mapped[dt.datetime] = mapped_column(LocalDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(LocalDateTime, default=utcnow, onupdate=utcnow)


def _in(column: str, values: tuple[str, ...], *, nullable: bool = False) -> str:
    allowed = ", ".join(f"'{v}'" for v in values)
    test = f"{column} IN ({allowed})"
    return f"{column} IS NULL OR {test}" if nullable else test


class Identity(Row, Base):
    """Who uses this laptop: one row, written on first open."""

    __tablename__ = "identity"
    user_name: Mapped[str] = mapped_column(String, default="")


class Setting(Row, Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String, unique=True)
    value: Mapped[str] = mapped_column(Text)


class Account(Row, Base):
    __tablename__ = "accounts"
    __table_args__ = (
        CheckConstraint("employees IS NULL OR employees >= 0", name="employees"),
        CheckConstraint("committee_size IS NULL OR committee_size > 0", name="committee_size"),
        CheckConstraint("retention_years IS NULL OR retention_years > 0", name="retention"),
    )
    name: Mapped[str] = mapped_column(String, unique=True)
    domain: Mapped[str | None] = mapped_column(String, index=True)
    sector: Mapped[str | None] = mapped_column(String)
    employees: Mapped[int | None] = mapped_column(Integer)
    country: Mapped[str | None] = mapped_column(String)
    tier: Mapped[str | None] = mapped_column(String)
    is_target: Mapped[bool] = mapped_column(Boolean, default=False)
    target_since: Mapped[dt.date | None] = mapped_column(Date)
    committee_size: Mapped[int | None] = mapped_column(Integer)
    retention_years: Mapped[float | None] = mapped_column(Float)
    owner: Mapped[str | None] = mapped_column(String)

    stakeholders: Mapped[list[Stakeholder]] = relationship(
        back_populates="account", cascade="all, delete-orphan", passive_deletes=True
    )


class Stakeholder(Row, Base):
    __tablename__ = "stakeholders"
    __table_args__ = (
        CheckConstraint(_in("role", domain.ROLES, nullable=True), name="role"),
        CheckConstraint(_in("attitude", domain.ATTITUDES, nullable=True), name="attitude"),
        CheckConstraint("reports_to_id IS NULL OR reports_to_id <> id", name="not_own_manager"),
        Index("ix_stakeholders_account_name", "account_id", "full_name"),
    )
    account_id: Mapped[uuid.UUID] = mapped_column(
        UUIDBlob, ForeignKey("accounts.id", ondelete="CASCADE")
    )
    full_name: Mapped[str] = mapped_column(String)
    title: Mapped[str | None] = mapped_column(String)
    email: Mapped[str | None] = mapped_column(String, index=True)
    phone: Mapped[str | None] = mapped_column(String)
    role: Mapped[str | None] = mapped_column(String)
    attitude: Mapped[str | None] = mapped_column(String)
    reports_to_id: Mapped[uuid.UUID | None] = mapped_column(
        UUIDBlob, ForeignKey("stakeholders.id", ondelete="SET NULL"), index=True
    )
    placeholder: Mapped[bool] = mapped_column(Boolean, default=False)

    account: Mapped[Account] = relationship(back_populates="stakeholders")


class InteractionType(Row, Base):
    __tablename__ = "interaction_types"
    key: Mapped[str] = mapped_column(String, unique=True)
    points: Mapped[int] = mapped_column(Integer)
    label: Mapped[str | None] = mapped_column(String)


class Interaction(Row, Base):
    __tablename__ = "interactions"
    __table_args__ = (
        CheckConstraint("duration_minutes IS NULL OR duration_minutes >= 0", name="duration"),
        # The KPI scans: a window of days, then account, type, person and time spent.
        Index(
            "ix_interactions_kpi",
            "day",
            "account_id",
            "type_key",
            "stakeholder_id",
            "duration_minutes",
        ),
        Index("ix_interactions_account_occurred", "account_id", "occurred_at"),
        Index("ix_interactions_stakeholder_occurred", "stakeholder_id", "occurred_at"),
        Index("ix_interactions_occurred", "occurred_at"),
    )
    account_id: Mapped[uuid.UUID] = mapped_column(
        UUIDBlob, ForeignKey("accounts.id", ondelete="CASCADE")
    )
    stakeholder_id: Mapped[uuid.UUID | None] = mapped_column(
        UUIDBlob, ForeignKey("stakeholders.id", ondelete="SET NULL")
    )
    type_key: Mapped[str] = mapped_column(
        String, ForeignKey("interaction_types.key", onupdate="CASCADE")
    )
    occurred_at: Mapped[dt.datetime] = mapped_column(LocalDateTime)
    day: Mapped[int] = mapped_column(Integer, Computed(DAY_EXPRESSION, persisted=True))
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    logged_by: Mapped[str | None] = mapped_column(String)
    notes: Mapped[str | None] = mapped_column(Text)


class Deal(Row, Base):
    __tablename__ = "deals"
    __table_args__ = (
        UniqueConstraint("account_id", "name"),
        CheckConstraint(_in("status", domain.DEAL_STATUSES), name="status"),
        CheckConstraint("amount_cents IS NULL OR amount_cents >= 0", name="amount"),
        CheckConstraint("status = 'open' OR closed_at IS NOT NULL", name="closed_has_date"),
    )
    account_id: Mapped[uuid.UUID] = mapped_column(
        UUIDBlob, ForeignKey("accounts.id", ondelete="CASCADE")
    )
    name: Mapped[str] = mapped_column(String)
    # When the deal was opened (SPEC's deals.created_at), apart from the row's created_at.
    opened_at: Mapped[dt.datetime] = mapped_column(LocalDateTime)
    amount_cents: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String, default="open")
    closed_at: Mapped[dt.datetime | None] = mapped_column(LocalDateTime)
    owner: Mapped[str | None] = mapped_column(String)

    stage_changes: Mapped[list[StageChange]] = relationship(
        back_populates="deal", cascade="all, delete-orphan", passive_deletes=True
    )


class StageChange(Row, Base):
    __tablename__ = "stage_changes"
    __table_args__ = (
        CheckConstraint(_in("stage", domain.STAGES), name="stage"),
        Index("ix_stage_changes_deal_entered", "deal_id", "entered_at"),
    )
    deal_id: Mapped[uuid.UUID] = mapped_column(UUIDBlob, ForeignKey("deals.id", ondelete="CASCADE"))
    stage: Mapped[str] = mapped_column(String)
    entered_at: Mapped[dt.datetime] = mapped_column(LocalDateTime)

    deal: Mapped[Deal] = relationship(back_populates="stage_changes")


class Contract(Row, Base):
    __tablename__ = "contracts"
    __table_args__ = (
        CheckConstraint(_in("kind", domain.CONTRACT_KINDS), name="kind"),
        CheckConstraint("annual_value_cents >= 0", name="annual_value"),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates"),
    )
    account_id: Mapped[uuid.UUID] = mapped_column(
        UUIDBlob, ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String)
    annual_value_cents: Mapped[int] = mapped_column(Integer)
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)


class Cost(Row, Base):
    __tablename__ = "costs"
    __table_args__ = (
        CheckConstraint(_in("program", domain.COST_PROGRAMS), name="program"),
        CheckConstraint(_in("category", domain.COST_CATEGORIES, nullable=True), name="category"),
    )
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    amount_cents: Mapped[int] = mapped_column(Integer)
    program: Mapped[str] = mapped_column(String, default="abm")
    category: Mapped[str | None] = mapped_column(String)
    account_id: Mapped[uuid.UUID | None] = mapped_column(
        UUIDBlob, ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    description: Mapped[str | None] = mapped_column(Text)


class InfluenceLine(Row, Base):
    """One person's sway over another in the same account (drawn dashed on the map;
    not a reporting line)."""

    __tablename__ = "influence_lines"
    __table_args__ = (
        CheckConstraint("from_id <> to_id", name="not_self"),
        UniqueConstraint("from_id", "to_id"),
    )
    account_id: Mapped[uuid.UUID] = mapped_column(
        UUIDBlob, ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    from_id: Mapped[uuid.UUID] = mapped_column(
        UUIDBlob, ForeignKey("stakeholders.id", ondelete="CASCADE")
    )
    to_id: Mapped[uuid.UUID] = mapped_column(
        UUIDBlob, ForeignKey("stakeholders.id", ondelete="CASCADE"), index=True
    )
    label: Mapped[str | None] = mapped_column(Text)


class ImportBatch(Row, Base):
    """One import of other tools' files (issue 5), which can be undone."""

    __tablename__ = "import_batches"
    format: Mapped[str] = mapped_column(String)
    #: JSON list of the file names imported.
    files: Mapped[str] = mapped_column(Text)
    #: JSON object: counts per kind, skipped rows and why.
    summary: Mapped[str] = mapped_column(Text)
    undone_at: Mapped[dt.datetime | None] = mapped_column(LocalDateTime)


class ImportRow(Base):
    """A row an import created or changed (with the values it had), or an event key.

    Local bookkeeping for undo, so an integer key rather than a UUID. ``key`` holds the
    identity of an imported calendar event (UID and start): importing it again adds nothing.
    """

    __tablename__ = "import_rows"
    __table_args__ = (
        CheckConstraint(_in("action", ("created", "updated")), name="action"),
        # Only event keys are indexed: the created rows (most of them) have none.
        Index("ix_import_rows_key", "key", sqlite_where=text("key IS NOT NULL")),
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    batch_id: Mapped[uuid.UUID] = mapped_column(
        UUIDBlob, ForeignKey("import_batches.id", ondelete="CASCADE"), index=True
    )
    table_name: Mapped[str] = mapped_column(String)
    row_id: Mapped[uuid.UUID] = mapped_column(UUIDBlob)
    action: Mapped[str] = mapped_column(String)
    #: JSON: for an update, {"before": {column: value}, "after": {column: value}}.
    previous: Mapped[str | None] = mapped_column(Text)
    key: Mapped[str | None] = mapped_column(String)
