"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-12-04

"""

import datetime
import uuid
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import sqlite

# revision identifiers, used by Alembic.
revision: str = "0001"
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "accounts",
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("domain", sa.String(), nullable=True),
        sa.Column("sector", sa.String(), nullable=True),
        sa.Column("employees", sa.Integer(), nullable=True),
        sa.Column("country", sa.String(), nullable=True),
        sa.Column("tier", sa.String(), nullable=True),
        sa.Column("is_target", sa.Boolean(), nullable=False),
        sa.Column("target_since", sa.Date(), nullable=True),
        sa.Column("committee_size", sa.Integer(), nullable=True),
        sa.Column("retention_years", sa.Float(), nullable=True),
        sa.Column("owner", sa.String(), nullable=True),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sqlite.DATETIME(), nullable=False),
        sa.Column("updated_at", sqlite.DATETIME(), nullable=False),
        sa.CheckConstraint(
            "committee_size IS NULL OR committee_size > 0",
            name=op.f("ck_accounts_committee_size"),
        ),
        sa.CheckConstraint(
            "employees IS NULL OR employees >= 0", name=op.f("ck_accounts_employees")
        ),
        sa.CheckConstraint(
            "retention_years IS NULL OR retention_years > 0",
            name=op.f("ck_accounts_retention"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accounts")),
        sa.UniqueConstraint("name", name=op.f("uq_accounts_name")),
    )
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_accounts_domain"), ["domain"], unique=False
        )

    op.create_table(
        "identity",
        sa.Column("user_name", sa.String(), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sqlite.DATETIME(), nullable=False),
        sa.Column("updated_at", sqlite.DATETIME(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_identity")),
    )
    op.create_table(
        "interaction_types",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(), nullable=True),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sqlite.DATETIME(), nullable=False),
        sa.Column("updated_at", sqlite.DATETIME(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interaction_types")),
        sa.UniqueConstraint("key", name=op.f("uq_interaction_types_key")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sqlite.DATETIME(), nullable=False),
        sa.Column("updated_at", sqlite.DATETIME(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_settings")),
        sa.UniqueConstraint("key", name=op.f("uq_settings_key")),
    )
    op.create_table(
        "contracts",
        sa.Column("account_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("annual_value_cents", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sqlite.DATETIME(), nullable=False),
        sa.Column("updated_at", sqlite.DATETIME(), nullable=False),
        sa.CheckConstraint("kind IN ('new', 'upsell')", name=op.f("ck_contracts_kind")),
        sa.CheckConstraint(
            "annual_value_cents >= 0", name=op.f("ck_contracts_annual_value")
        ),
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= start_date",
            name=op.f("ck_contracts_dates"),
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_contracts_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contracts")),
    )
    with op.batch_alter_table("contracts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contracts_account_id"), ["account_id"], unique=False
        )

    op.create_table(
        "costs",
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("program", sa.String(), nullable=False),
        sa.Column("category", sa.String(), nullable=True),
        sa.Column("account_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sqlite.DATETIME(), nullable=False),
        sa.Column("updated_at", sqlite.DATETIME(), nullable=False),
        sa.CheckConstraint(
            "category IS NULL OR category IN ('staff', 'tools', 'content', 'campaign', 'events', 'other')",
            name=op.f("ck_costs_category"),
        ),
        sa.CheckConstraint(
            "program IN ('abm', 'other')", name=op.f("ck_costs_program")
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_costs_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_costs")),
    )
    with op.batch_alter_table("costs", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_costs_account_id"), ["account_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_costs_date"), ["date"], unique=False)

    op.create_table(
        "deals",
        sa.Column("account_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("opened_at", sqlite.DATETIME(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("closed_at", sqlite.DATETIME(), nullable=True),
        sa.Column("owner", sa.String(), nullable=True),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sqlite.DATETIME(), nullable=False),
        sa.Column("updated_at", sqlite.DATETIME(), nullable=False),
        sa.CheckConstraint(
            "status = 'open' OR closed_at IS NOT NULL",
            name=op.f("ck_deals_closed_has_date"),
        ),
        sa.CheckConstraint(
            "status IN ('open', 'won', 'lost')", name=op.f("ck_deals_status")
        ),
        sa.CheckConstraint(
            "amount_cents IS NULL OR amount_cents >= 0", name=op.f("ck_deals_amount")
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_deals_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deals")),
        sa.UniqueConstraint(
            "account_id", "name", name=op.f("uq_deals_account_id_name")
        ),
    )
    op.create_table(
        "stakeholders",
        sa.Column("account_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("full_name", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=True),
        sa.Column("email", sa.String(), nullable=True),
        sa.Column("phone", sa.String(), nullable=True),
        sa.Column("role", sa.String(), nullable=True),
        sa.Column("attitude", sa.String(), nullable=True),
        sa.Column("reports_to_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("placeholder", sa.Boolean(), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sqlite.DATETIME(), nullable=False),
        sa.Column("updated_at", sqlite.DATETIME(), nullable=False),
        sa.CheckConstraint(
            "attitude IS NULL OR attitude IN ('champion', 'supporter', 'neutral', 'skeptic', 'blocker')",
            name=op.f("ck_stakeholders_attitude"),
        ),
        sa.CheckConstraint(
            "role IS NULL OR role IN ('decision_maker', 'sponsor', 'influencer', 'end_user', 'other')",
            name=op.f("ck_stakeholders_role"),
        ),
        sa.CheckConstraint(
            "reports_to_id IS NULL OR reports_to_id <> id",
            name=op.f("ck_stakeholders_not_own_manager"),
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_stakeholders_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reports_to_id"],
            ["stakeholders.id"],
            name=op.f("fk_stakeholders_reports_to_id_stakeholders"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stakeholders")),
    )
    with op.batch_alter_table("stakeholders", schema=None) as batch_op:
        batch_op.create_index(
            "ix_stakeholders_account_name", ["account_id", "full_name"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_stakeholders_email"), ["email"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_stakeholders_reports_to_id"), ["reports_to_id"], unique=False
        )

    op.create_table(
        "interactions",
        sa.Column("account_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("stakeholder_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("type_key", sa.String(), nullable=False),
        sa.Column("occurred_at", sqlite.DATETIME(), nullable=False),
        sa.Column(
            "day",
            sa.Integer(),
            sa.Computed(
                "CAST(julianday(substr(occurred_at, 1, 10)) - 2440587.5 AS INTEGER)",
                persisted=True,
            ),
            nullable=False,
        ),
        sa.Column("duration_minutes", sa.Integer(), nullable=True),
        sa.Column("logged_by", sa.String(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sqlite.DATETIME(), nullable=False),
        sa.Column("updated_at", sqlite.DATETIME(), nullable=False),
        sa.CheckConstraint(
            "duration_minutes IS NULL OR duration_minutes >= 0",
            name=op.f("ck_interactions_duration"),
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_interactions_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["stakeholder_id"],
            ["stakeholders.id"],
            name=op.f("fk_interactions_stakeholder_id_stakeholders"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["type_key"],
            ["interaction_types.key"],
            name=op.f("fk_interactions_type_key_interaction_types"),
            onupdate="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interactions")),
    )
    with op.batch_alter_table("interactions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_interactions_account_occurred",
            ["account_id", "occurred_at"],
            unique=False,
        )
        batch_op.create_index(
            "ix_interactions_kpi",
            ["day", "account_id", "type_key", "stakeholder_id", "duration_minutes"],
            unique=False,
        )
        batch_op.create_index("ix_interactions_occurred", ["occurred_at"], unique=False)
        batch_op.create_index(
            "ix_interactions_stakeholder_occurred",
            ["stakeholder_id", "occurred_at"],
            unique=False,
        )

    op.create_table(
        "stage_changes",
        sa.Column("deal_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("stage", sa.String(), nullable=False),
        sa.Column("entered_at", sqlite.DATETIME(), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sqlite.DATETIME(), nullable=False),
        sa.Column("updated_at", sqlite.DATETIME(), nullable=False),
        sa.CheckConstraint(
            "stage IN ('discovery', 'first_meeting', 'qualified', 'proposal', 'negotiation')",
            name=op.f("ck_stage_changes_stage"),
        ),
        sa.ForeignKeyConstraint(
            ["deal_id"],
            ["deals.id"],
            name=op.f("fk_stage_changes_deal_id_deals"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stage_changes")),
    )
    with op.batch_alter_table("stage_changes", schema=None) as batch_op:
        batch_op.create_index(
            "ix_stage_changes_deal_entered", ["deal_id", "entered_at"], unique=False
        )

    # A manager must belong to the same account (cycles are refused by the services,
    # since SQLite triggers cannot recurse over the chain).
    op.execute(
        """
        CREATE TRIGGER stakeholders_manager_same_account_insert
        BEFORE INSERT ON stakeholders WHEN NEW.reports_to_id IS NOT NULL
        BEGIN
            SELECT RAISE(ABORT, 'reports_to: the manager belongs to another account')
            WHERE (SELECT account_id FROM stakeholders WHERE id = NEW.reports_to_id)
                  IS NOT NEW.account_id;
        END
        """
    )
    op.execute(
        """
        CREATE TRIGGER stakeholders_manager_same_account_update
        BEFORE UPDATE OF reports_to_id, account_id ON stakeholders
        WHEN NEW.reports_to_id IS NOT NULL
        BEGIN
            SELECT RAISE(ABORT, 'reports_to: the manager belongs to another account')
            WHERE (SELECT account_id FROM stakeholders WHERE id = NEW.reports_to_id)
                  IS NOT NEW.account_id;
        END
        """
    )
    op.execute(
        """
        CREATE TRIGGER stakeholders_reports_follow_account
        BEFORE UPDATE OF account_id ON stakeholders
        BEGIN
            SELECT RAISE(ABORT, 'reports_to: people report to this person in its account')
            WHERE EXISTS (SELECT 1 FROM stakeholders
                          WHERE reports_to_id = NEW.id AND account_id IS NOT NEW.account_id);
        END
        """
    )

    # Seed rows: the default interaction types (SPEC section 1) and this laptop's identity.
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S")
    types = sa.table(
        "interaction_types",
        sa.column("id", sa.LargeBinary),
        sa.column("key", sa.String),
        sa.column("points", sa.Integer),
        sa.column("label", sa.String),
        sa.column("created_at", sa.String),
        sa.column("updated_at", sa.String),
    )
    defaults = [
        ("web_visit", 1, "Web visit"),
        ("email_open", 1, "Email open"),
        ("social_engagement", 2, "Social engagement"),
        ("email_reply", 5, "Email reply"),
        ("content_download", 5, "Content download"),
        ("call", 10, "Call"),
        ("event", 15, "Event"),
        ("demo_request", 20, "Demo request"),
        ("meeting", 50, "Meeting"),
        ("email_sent", 0, "Email sent"),
    ]
    op.bulk_insert(
        types,
        [
            {
                "id": uuid.uuid4().bytes,
                "key": k,
                "points": p,
                "label": label,
                "created_at": now,
                "updated_at": now,
            }
            for k, p, label in defaults
        ],
    )
    identity = sa.table(
        "identity",
        sa.column("id", sa.LargeBinary),
        sa.column("user_name", sa.String),
        sa.column("created_at", sa.String),
        sa.column("updated_at", sa.String),
    )
    op.bulk_insert(
        identity,
        [
            {
                "id": uuid.uuid4().bytes,
                "user_name": "",
                "created_at": now,
                "updated_at": now,
            }
        ],
    )


def downgrade() -> None:
    """Downgrade schema."""
    for name in (
        "stakeholders_manager_same_account_insert",
        "stakeholders_manager_same_account_update",
        "stakeholders_reports_follow_account",
    ):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    with op.batch_alter_table("stage_changes", schema=None) as batch_op:
        batch_op.drop_index("ix_stage_changes_deal_entered")

    op.drop_table("stage_changes")
    with op.batch_alter_table("interactions", schema=None) as batch_op:
        batch_op.drop_index("ix_interactions_stakeholder_occurred")
        batch_op.drop_index("ix_interactions_occurred")
        batch_op.drop_index("ix_interactions_kpi")
        batch_op.drop_index("ix_interactions_account_occurred")

    op.drop_table("interactions")
    with op.batch_alter_table("stakeholders", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stakeholders_reports_to_id"))
        batch_op.drop_index(batch_op.f("ix_stakeholders_email"))
        batch_op.drop_index("ix_stakeholders_account_name")

    op.drop_table("stakeholders")
    op.drop_table("deals")
    with op.batch_alter_table("costs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_costs_date"))
        batch_op.drop_index(batch_op.f("ix_costs_account_id"))

    op.drop_table("costs")
    with op.batch_alter_table("contracts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contracts_account_id"))

    op.drop_table("contracts")
    op.drop_table("settings")
    op.drop_table("interaction_types")
    op.drop_table("identity")
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_accounts_domain"))

    op.drop_table("accounts")
