"""The SQL that rebuilds one tenant's summaries from the activity log and the rooms' tables.

Read-only over other rooms' tables, written as plain SQL here (never through their models):
the rebuild is a few set-based statements in the database, where a million applications take
seconds, not a walk through the rooms' services. Every statement takes the tenant as a bound
parameter (row-level security scopes it too; the filter lets the tenant-leading keys work).

Stage history, from `activities`: an application starts at `applied_at` in the stage its
first move left (or, never moved, the stage it is in); each `application.moved` opens a visit
to its `to_stage_id`; rejection, withdrawal and hiring close the open visit; reopening opens
a new visit to the stage the application was rejected in. So an application moved back, or
rejected and reopened, has several visits, and its time in a stage is the sum of them.
"""

from __future__ import annotations

from hireline.analytics import histogram
from hireline.analytics.models import DAILY_COUNTS

_BOUNDS = "ARRAY[" + ",".join(str(b) for b in histogram.BOUNDS_HOURS) + "]::float8[]"


def bucket(hours: str) -> str:
    """The bucket index (0 .. BUCKETS-1) of an expression in hours."""
    return f"width_bucket({hours}, {_BOUNDS})"


def histogram_sums(prefix: str, hours: str, *, only: str = "true") -> str:
    """One `count(*) FILTER` per bucket of `hours` (rows where `only` holds), named as the
    histogram's columns; a NULL duration is in no bucket."""
    return ",\n".join(
        f"count(*) FILTER (WHERE {only} AND {bucket(hours)} = {i}) AS {column}"
        for i, column in enumerate(histogram.columns(prefix))
    )


FACTS = """
CREATE TEMPORARY TABLE analytics_facts ON COMMIT DROP AS
SELECT a.id AS application_id, a.job_id, a.source, a.applied_at,
       (a.applied_at AT TIME ZONE 'UTC')::date AS day,
       a.status, a.stage_id, COALESCE(a.rejection_reason, '') AS rejection_reason
FROM applications a
WHERE a.tenant_id = :tenant_id
"""

STEPS = """
CREATE TEMPORARY TABLE analytics_steps ON COMMIT DROP AS
SELECT application_id, id AS seq, occurred_at AS at, kind, actor_type,
       CASE WHEN kind = 'application.moved' THEN (details ->> 'to_stage_id')::uuid END
           AS to_stage,
       CASE WHEN kind = 'application.moved' THEN (details ->> 'from_stage_id')::uuid END
           AS from_stage
FROM activities
WHERE tenant_id = :tenant_id AND application_id IS NOT NULL
"""

VISITS = """
CREATE TEMPORARY TABLE analytics_visits ON COMMIT DROP AS
WITH first_moves AS (
    SELECT DISTINCT ON (application_id) application_id, from_stage
    FROM analytics_steps WHERE kind = 'application.moved'
    ORDER BY application_id, seq
),
timeline AS (
    SELECT f.application_id, f.applied_at AS at, 0::bigint AS seq, 'start' AS kind,
           CASE WHEN m.application_id IS NULL THEN f.stage_id ELSE m.from_stage END AS to_stage
    FROM analytics_facts f LEFT JOIN first_moves m USING (application_id)
    UNION ALL
    SELECT application_id, at, seq, kind, to_stage FROM analytics_steps
    WHERE kind IN ('application.moved', 'application.rejected', 'application.hired',
                   'application.withdrawn', 'application.reopened')
),
grouped AS (
    -- A run of steps that share one stage: from a start or a move up to the next move.
    SELECT *, count(to_stage) OVER w AS stage_run, lead(at) OVER w AS next_at
    FROM timeline
    WINDOW w AS (PARTITION BY application_id ORDER BY at, seq)
),
staged AS (
    SELECT application_id, kind, at, next_at,
           first_value(to_stage) OVER (
               PARTITION BY application_id, stage_run ORDER BY at, seq
           ) AS stage_id
    FROM grouped
)
SELECT application_id, stage_id, at AS entered_at, next_at AS left_at
FROM staged
WHERE kind IN ('start', 'application.moved', 'application.reopened') AND stage_id IS NOT NULL
"""

CLEAR = [
    "DELETE FROM analytics_daily WHERE tenant_id = :tenant_id",
    "DELETE FROM analytics_stage_daily WHERE tenant_id = :tenant_id",
    "DELETE FROM analytics_dropoffs WHERE tenant_id = :tenant_id",
    "DELETE FROM analytics_health WHERE tenant_id = :tenant_id",
]

STAGE_DAILY = f"""
INSERT INTO analytics_stage_daily
SELECT :tenant_id, 'day', f.day, f.job_id, f.source, ps.position, min(ps.name), count(*),
       {histogram_sums("stay", "stays.hours")}
FROM analytics_facts f
JOIN (
    SELECT v.application_id, max(ps.position) AS furthest
    FROM analytics_visits v
    JOIN pipeline_stages ps ON ps.tenant_id = :tenant_id AND ps.id = v.stage_id
    GROUP BY v.application_id
) reach USING (application_id)
JOIN pipeline_stages ps
    ON ps.tenant_id = :tenant_id AND ps.job_id = f.job_id AND ps.position <= reach.furthest
LEFT JOIN (
    -- Time in a stage over all visits to it; none while the application is still there.
    SELECT application_id, stage_id,
           extract(epoch FROM sum(left_at - entered_at)) / 3600 AS hours
    FROM analytics_visits
    GROUP BY application_id, stage_id
    HAVING bool_and(left_at IS NOT NULL)
) stays ON stays.application_id = f.application_id AND stays.stage_id = ps.id
GROUP BY f.day, f.job_id, f.source, ps.position
"""  # noqa: S608 (the formatted parts are code constants: bucket bounds and column names)

DROPOFFS = """
INSERT INTO analytics_dropoffs
SELECT :tenant_id, 'day', f.day, f.job_id, f.source, ps.position, f.status, f.rejection_reason,
       count(*)
FROM analytics_facts f
JOIN pipeline_stages ps ON ps.tenant_id = :tenant_id AND ps.id = f.stage_id
WHERE f.status IN ('rejected', 'withdrawn')
GROUP BY f.day, f.job_id, f.source, ps.position, f.status, f.rejection_reason
"""

DAILY = f"""
INSERT INTO analytics_daily
WITH per_application AS (
    SELECT f.application_id, f.day, f.job_id, f.source, f.status,
           interviewed.application_id IS NOT NULL AS interviewed,
           hires.at AS hired_at,
           extract(epoch FROM hires.at - f.applied_at) / 3600 AS hire_hours,
           extract(epoch FROM firsts.at - f.applied_at) / 3600 AS first_hours
    FROM analytics_facts f
    LEFT JOIN (
        SELECT DISTINCT application_id FROM interviews
        WHERE tenant_id = :tenant_id AND status <> 'cancelled'
    ) interviewed USING (application_id)
    LEFT JOIN (
        SELECT application_id, max(at) AS at FROM analytics_steps
        WHERE kind = 'application.hired' GROUP BY application_id
    ) hires USING (application_id)
    LEFT JOIN (
        -- The first thing the hiring team did about it (the applicant's own steps aside).
        SELECT application_id, min(at) AS at FROM analytics_steps
        WHERE actor_type <> 'candidate'
          AND kind NOT IN ('application.created', 'candidate.added')
        GROUP BY application_id
    ) firsts USING (application_id)
),
per_offer AS (
    SELECT f.day, f.job_id, f.source, o.application_id, o.status, o.within_band,
           extract(epoch FROM o.decided_at - o.sent_at) / 3600 AS accept_hours
    FROM offers o JOIN analytics_facts f USING (application_id)
    WHERE o.tenant_id = :tenant_id AND o.sent_at IS NOT NULL
),
applications AS (
    SELECT day, job_id, source, count(*) AS applications,
           count(*) FILTER (WHERE interviewed) AS interviewed,
           count(*) FILTER (WHERE status = 'hired') AS hired,
           count(first_hours) AS acted_on,
           {histogram_sums("hire", "hire_hours", only="status = 'hired'")},
           {histogram_sums("first", "first_hours")}
    FROM per_application GROUP BY day, job_id, source
),
offers_made AS (
    SELECT day, job_id, source, count(DISTINCT application_id) AS offered,
           count(*) AS offers_sent,
           count(*) FILTER (WHERE status = 'accepted') AS offers_accepted,
           count(*) FILTER (WHERE status = 'declined') AS offers_declined,
           count(*) FILTER (WHERE within_band) AS offers_in_band,
           count(within_band) AS offers_band_known,
           {histogram_sums("accept", "accept_hours", only="status = 'accepted'")}
    FROM per_offer GROUP BY day, job_id, source
)
SELECT :tenant_id, 'day', a.day, a.job_id, a.source, a.applications, a.interviewed,
       COALESCE(o.offered, 0), a.hired, a.acted_on,
       COALESCE(o.offers_sent, 0), COALESCE(o.offers_accepted, 0),
       COALESCE(o.offers_declined, 0), COALESCE(o.offers_in_band, 0),
       COALESCE(o.offers_band_known, 0),
       {", ".join(f"a.{c}" for c in histogram.columns("hire"))},
       {", ".join(f"a.{c}" for c in histogram.columns("first"))},
       {", ".join(f"COALESCE(o.{c}, 0)" for c in histogram.columns("accept"))}
FROM applications a LEFT JOIN offers_made o USING (day, job_id, source)
"""  # noqa: S608 (the formatted parts are code constants: bucket bounds and column names)


def _month_rollup(table: str, keys: str, sums: list[str], extra: str = "") -> str:
    """The month rows of `table`, summed from its day rows."""
    summed = ", ".join(f"sum({column})::integer" for column in sums)
    return f"""
INSERT INTO {table}
SELECT tenant_id, 'month', date_trunc('month', day)::date, job_id, source{keys}{extra}, {summed}
FROM {table}
WHERE tenant_id = :tenant_id AND period = 'day'
GROUP BY tenant_id, date_trunc('month', day), job_id, source{keys}
"""  # noqa: S608 (table and column names are code constants)


MONTHS = [
    _month_rollup(
        "analytics_stage_daily",
        ", stage_position",
        ["reached", *histogram.columns("stay")],
        extra=", min(stage_name)",
    ),
    _month_rollup("analytics_dropoffs", ", stage_position, outcome, reason", ["applications"]),
    _month_rollup(
        "analytics_daily",
        "",
        [*DAILY_COUNTS, *(c for p in ("hire", "first", "accept") for c in histogram.columns(p))],
    ),
]

HEALTH = """
INSERT INTO analytics_health
SELECT :tenant_id, job_id, sum(stale), sum(unscored)
FROM (
    SELECT f.job_id, count(*) AS stale, 0 AS unscored
    FROM analytics_facts f
    LEFT JOIN (
        SELECT application_id, max(at) AS at FROM analytics_steps GROUP BY application_id
    ) latest USING (application_id)
    WHERE f.status = 'active' AND GREATEST(f.applied_at, latest.at) < :stale_before
    GROUP BY f.job_id
    UNION ALL
    -- Interviews that are over with a panellist's scorecard still missing.
    SELECT i.job_id, 0, count(*)
    FROM interviews i
    WHERE i.tenant_id = :tenant_id AND i.status = 'scheduled' AND i.ends_at < :now
      AND EXISTS (
          SELECT FROM interview_panelists p
          WHERE p.tenant_id = :tenant_id AND p.interview_id = i.id
            AND NOT EXISTS (
                SELECT FROM scorecards s
                WHERE s.tenant_id = :tenant_id AND s.interview_id = i.id
                  AND s.interviewer_id = p.user_id
            )
      )
    GROUP BY i.job_id
) counted
GROUP BY job_id
"""

STAMP = """
INSERT INTO analytics_refreshes (tenant_id, refreshed_at, took_ms)
VALUES (:tenant_id, :now, :took_ms)
ON CONFLICT (tenant_id) DO UPDATE
SET refreshed_at = excluded.refreshed_at, took_ms = excluded.took_ms
"""
