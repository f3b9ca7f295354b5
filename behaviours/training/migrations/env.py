"""Alembic's environment for the saved-results database (behaviours/training/results.py).

Run at store start by ``results.upgrade_database``, which hands over an open connection in
``config.attributes["connection"]``. For a developer making a new revision, ``sqlalchemy.url``
may be set instead (see README.md beside this file).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from behaviours.training.results import Base

config = context.config
target_metadata = Base.metadata


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.begin() as own:
        context.configure(connection=own, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations()
