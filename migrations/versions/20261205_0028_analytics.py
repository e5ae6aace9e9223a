"""Analytics summary tables: what the funnel, time-in-stage, sources, offers and health
reports read, rebuilt from the activity log by a periodic job so that each report sums a
few thousand rows instead of scanning a million applications.

Each sum is kept twice: per day, and per month (`period`), so that a report over a long
period reads the month rows and only the ragged ends of the period from the day rows.
Durations are kept as histograms (one column per bucket, the bounds below) so that
percentiles can be read from sums: percentiles cannot be added, bucket counts can.

Revision ID: 0028
Revises: 0032
Create Date: 2026-12-05
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0028"
down_revision: str | Sequence[str] | None = "0032"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Upper bounds of the duration buckets, in hours (a last bucket holds the longer ones).
BUCKETS = 20


def _histogram(prefix: str) -> str:
    return ",\n".join(f"    {prefix}_{i} integer NOT NULL DEFAULT 0" for i in range(BUCKETS))


def _tenant_table(name: str) -> str:
    return f"""
ALTER TABLE {name} ENABLE ROW LEVEL SECURITY;
ALTER TABLE {name} FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON {name}
    USING (tenant_id IS NOT DISTINCT FROM hireline_current_tenant())
    WITH CHECK (tenant_id IS NOT DISTINCT FROM hireline_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON {name} TO hireline_app;
"""


UPGRADE = f"""
CREATE TABLE analytics_daily (
    tenant_id uuid NOT NULL,
    period varchar(5) NOT NULL,
    day date NOT NULL,
    job_id uuid NOT NULL,
    source varchar(60) NOT NULL,
    applications integer NOT NULL DEFAULT 0,
    interviewed integer NOT NULL DEFAULT 0,
    offered integer NOT NULL DEFAULT 0,
    hired integer NOT NULL DEFAULT 0,
    acted_on integer NOT NULL DEFAULT 0,
    offers_sent integer NOT NULL DEFAULT 0,
    offers_accepted integer NOT NULL DEFAULT 0,
    offers_declined integer NOT NULL DEFAULT 0,
    offers_in_band integer NOT NULL DEFAULT 0,
    offers_band_known integer NOT NULL DEFAULT 0,
{_histogram("hire")},
{_histogram("first")},
{_histogram("accept")},
    CONSTRAINT pk_analytics_daily PRIMARY KEY (tenant_id, period, day, job_id, source),
    CONSTRAINT fk_analytics_daily_tenant_id_tenants FOREIGN KEY (tenant_id)
        REFERENCES tenants (id) ON DELETE CASCADE
);
{_tenant_table("analytics_daily")}
CREATE TABLE analytics_stage_daily (
    tenant_id uuid NOT NULL,
    period varchar(5) NOT NULL,
    day date NOT NULL,
    job_id uuid NOT NULL,
    source varchar(60) NOT NULL,
    stage_position integer NOT NULL,
    stage_name varchar(80) NOT NULL,
    reached integer NOT NULL DEFAULT 0,
{_histogram("stay")},
    CONSTRAINT pk_analytics_stage_daily
        PRIMARY KEY (tenant_id, period, day, job_id, source, stage_position),
    CONSTRAINT fk_analytics_stage_daily_tenant_id_tenants FOREIGN KEY (tenant_id)
        REFERENCES tenants (id) ON DELETE CASCADE
);
{_tenant_table("analytics_stage_daily")}
CREATE TABLE analytics_dropoffs (
    tenant_id uuid NOT NULL,
    period varchar(5) NOT NULL,
    day date NOT NULL,
    job_id uuid NOT NULL,
    source varchar(60) NOT NULL,
    stage_position integer NOT NULL,
    outcome varchar(20) NOT NULL,
    reason varchar(60) NOT NULL,
    applications integer NOT NULL,
    CONSTRAINT pk_analytics_dropoffs
        PRIMARY KEY (tenant_id, period, day, job_id, source, stage_position, outcome, reason),
    CONSTRAINT fk_analytics_dropoffs_tenant_id_tenants FOREIGN KEY (tenant_id)
        REFERENCES tenants (id) ON DELETE CASCADE
);
{_tenant_table("analytics_dropoffs")}
CREATE TABLE analytics_health (
    tenant_id uuid NOT NULL,
    job_id uuid NOT NULL,
    stale_applications integer NOT NULL DEFAULT 0,
    interviews_without_scorecards integer NOT NULL DEFAULT 0,
    CONSTRAINT pk_analytics_health PRIMARY KEY (tenant_id, job_id),
    CONSTRAINT fk_analytics_health_tenant_id_tenants FOREIGN KEY (tenant_id)
        REFERENCES tenants (id) ON DELETE CASCADE
);
{_tenant_table("analytics_health")}
CREATE TABLE analytics_refreshes (
    tenant_id uuid NOT NULL,
    refreshed_at timestamptz NOT NULL,
    took_ms integer NOT NULL,
    CONSTRAINT pk_analytics_refreshes PRIMARY KEY (tenant_id),
    CONSTRAINT fk_analytics_refreshes_tenant_id_tenants FOREIGN KEY (tenant_id)
        REFERENCES tenants (id) ON DELETE CASCADE
);
{_tenant_table("analytics_refreshes")}
"""

DOWNGRADE = """
DROP TABLE analytics_refreshes;
DROP TABLE analytics_health;
DROP TABLE analytics_dropoffs;
DROP TABLE analytics_stage_daily;
DROP TABLE analytics_daily;
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(DOWNGRADE)
