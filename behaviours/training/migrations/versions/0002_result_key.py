"""Each room is saved once: a random result key per saved room, in a UNIQUE column.

The key is made when the room is created (behaviours/training/rooms.py, Room.result_key) and says
nothing about the room: not its code, not the trainer's key, not a participant's token. Results saved
before this revision have none (NULL), which a UNIQUE column allows any number of times.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("room_results", sa.Column("result_key", sa.String(32), nullable=True))
    op.create_index("ix_room_results_result_key", "room_results", ["result_key"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_room_results_result_key", table_name="room_results")
    with op.batch_alter_table("room_results") as batch:
        batch.drop_column("result_key")
