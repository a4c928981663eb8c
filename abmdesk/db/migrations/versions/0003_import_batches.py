"""import batches: what each import of other tools' files created or changed

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04

"""

from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import sqlite

revision: str = "0003"
down_revision: Union[str, Sequence[str], None] = "0002"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "import_batches",
        sa.Column("format", sa.String(), nullable=False),
        sa.Column("files", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("undone_at", sqlite.DATETIME(), nullable=True),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sqlite.DATETIME(), nullable=False),
        sa.Column("updated_at", sqlite.DATETIME(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_batches")),
    )
    op.create_table(
        "import_rows",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("batch_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("table_name", sa.String(), nullable=False),
        sa.Column("row_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("previous", sa.Text(), nullable=True),
        sa.Column("key", sa.String(), nullable=True),
        sa.CheckConstraint(
            "action IN ('created', 'updated')", name=op.f("ck_import_rows_action")
        ),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_batches.id"],
            name=op.f("fk_import_rows_batch_id_import_batches"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_import_rows")),
    )
    with op.batch_alter_table("import_rows", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_import_rows_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index(
            "ix_import_rows_key", ["key"], unique=False, sqlite_where=sa.text("key IS NOT NULL")
        )


def downgrade() -> None:
    with op.batch_alter_table("import_rows", schema=None) as batch_op:
        batch_op.drop_index("ix_import_rows_key")
        batch_op.drop_index(batch_op.f("ix_import_rows_batch_id"))
    op.drop_table("import_rows")
    op.drop_table("import_batches")
