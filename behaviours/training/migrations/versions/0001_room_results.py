"""Saved room results: one row per room, one per item and round; counts only.

Revision ID: 0001
Revises:
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "room_results",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("pack_name", sa.String(200), nullable=False),
        sa.Column("pack_version", sa.String(40), nullable=False),
        sa.Column("pack_hash", sa.String(64), nullable=False),
        sa.Column("band", sa.String(80), nullable=False),
        sa.Column("item_kind", sa.String(10), nullable=False),
        sa.Column("participants", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("course", sa.String(80), nullable=True),
        sa.CheckConstraint("participants >= 0", name="participants_not_negative"),
        sa.CheckConstraint("item_kind IN ('behaviour', 'scenario')", name="item_kind_known"),
    )
    op.create_table(
        "item_tallies",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("result_id", sa.Integer(), sa.ForeignKey("room_results.id", ondelete="CASCADE"), nullable=False),
        sa.Column("item_id", sa.String(80), nullable=False),
        sa.Column("round", sa.SmallInteger(), nullable=False),
        sa.Column("pack_level", sa.String(5), nullable=False),
        sa.Column("green", sa.Integer(), nullable=False),
        sa.Column("amber", sa.Integer(), nullable=False),
        sa.Column("red", sa.Integer(), nullable=False),
        sa.Column("not_sure", sa.Integer(), nullable=False),
        sa.UniqueConstraint("result_id", "item_id", "round", name="one_tally_per_item_and_round"),
        sa.CheckConstraint("round IN (1, 2)", name="round_is_one_or_two"),
        sa.CheckConstraint("pack_level IN ('green', 'amber', 'red')", name="pack_level_known"),
        sa.CheckConstraint("green >= 0 AND amber >= 0 AND red >= 0 AND not_sure >= 0", name="counts_not_negative"),
    )
    op.create_index("ix_item_tallies_result_id", "item_tallies", ["result_id"])


def downgrade() -> None:
    op.drop_index("ix_item_tallies_result_id", table_name="item_tallies")
    op.drop_table("item_tallies")
    op.drop_table("room_results")
