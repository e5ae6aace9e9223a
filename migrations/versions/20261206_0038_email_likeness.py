"""A misspelt e-mail address matches addresses that share at least half its trigrams.

`hireline_search_candidates` compared e-mails with pg_trgm's default similarity threshold
(0.3). Addresses of one organisation share so much (a common first name, a family name, a
run of digits) that a third of the trigrams is met by hundreds of other people: at a million
candidates, `kevin.kowalski333334` made the index propose 11 762 rows and kept 349 other
Kevin Kowalskis, 150 ms of heap reads for one search. A typo (`tommy.vikign88`,
`tomy.viking88`) keeps well over half the trigrams of the address it was meant for, so 0.5
still finds it; the exact address and its pieces are words of the document and never needed
the trigram comparison. Names are compared word by word with `<%` and their own threshold,
which this does not change.

Revision ID: 0038
Revises: 0037
Create Date: 2026-12-06
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0038"
down_revision: str | Sequence[str] | None = "0037"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

EMAIL_SIMILARITY = 0.5

UPGRADE = f"""
ALTER FUNCTION hireline_search_candidates
    SET pg_trgm.similarity_threshold = {EMAIL_SIMILARITY}
"""

DOWNGRADE = """
ALTER FUNCTION hireline_search_candidates RESET pg_trgm.similarity_threshold
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(DOWNGRADE)
