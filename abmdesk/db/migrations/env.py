"""Alembic environment: always run from code on the app's own connection."""

from alembic import context

from abmdesk.db.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only for `alembic revision --autogenerate`
    from abmdesk.db.engine import make_engine

    engine = make_engine(config.get_main_option("sqlalchemy.url_path") or "autogen.db")
    connection = engine.connect()

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transactional_ddl=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
