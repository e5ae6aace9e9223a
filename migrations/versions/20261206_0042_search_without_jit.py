"""The search function runs its statements without JIT compilation.

PostgreSQL compiles a statement to machine code when its estimated cost passes
`jit_above_cost` (100 000 by default). The search function's walk in id order is costed
against the whole tenant (a LIMIT over a filtered index scan), so a phrase or two rare words
at a million candidates passed it: compiling took 3-4 ms of a 20 ms statement, on every
search, for code that then ran a few milliseconds (bench/search.py, ADR 0033). The function
now turns JIT off for itself, as it sets its other planner options; other statements keep the
server's setting.

A later `CREATE OR REPLACE FUNCTION hireline_search_candidates` replaces these settings with
its own `SET` clauses: it must carry `SET jit = off` too.

Revision ID: 0042
Revises: 0041
Create Date: 2026-12-06
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0042"
down_revision: str | Sequence[str] | None = "0041"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SIGNATURE = """hireline_search_candidates(
    tsquery, tsquery, text, text, text[], text[], text[], text, text,
    double precision, double precision, uuid, uuid, text,
    timestamptz, timestamptz, boolean, uuid, integer
)"""


def upgrade() -> None:
    op.execute(f"ALTER FUNCTION {SIGNATURE} SET jit = off")


def downgrade() -> None:
    op.execute(f"ALTER FUNCTION {SIGNATURE} RESET jit")
