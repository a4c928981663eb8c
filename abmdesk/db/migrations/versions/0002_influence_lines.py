"""influence lines between stakeholders

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04

"""

from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import sqlite

revision: str = "0002"
down_revision: Union[str, Sequence[str], None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "influence_lines",
        sa.Column("account_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("from_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("to_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("label", sa.Text(), nullable=True),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sqlite.DATETIME(), nullable=False),
        sa.Column("updated_at", sqlite.DATETIME(), nullable=False),
        sa.CheckConstraint("from_id <> to_id", name=op.f("ck_influence_lines_not_self")),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_influence_lines_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["from_id"],
            ["stakeholders.id"],
            name=op.f("fk_influence_lines_from_id_stakeholders"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["to_id"],
            ["stakeholders.id"],
            name=op.f("fk_influence_lines_to_id_stakeholders"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_influence_lines")),
        sa.UniqueConstraint("from_id", "to_id", name=op.f("uq_influence_lines_from_id_to_id")),
    )
    with op.batch_alter_table("influence_lines", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_influence_lines_account_id"), ["account_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_influence_lines_to_id"), ["to_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("influence_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_influence_lines_to_id"))
        batch_op.drop_index(batch_op.f("ix_influence_lines_account_id"))
    op.drop_table("influence_lines")
