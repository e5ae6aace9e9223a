-- Revision 0038: A misspelt e-mail address matches addresses that share at least half its trigrams.
-- Written by `make migration-snapshots`; never edit (see tests/migrations).

-- ==== upgrade ====
BEGIN;

-- Running upgrade 0037 -> 0038

ALTER FUNCTION hireline_search_candidates
    SET pg_trgm.similarity_threshold = 0.5;

UPDATE alembic_version SET version_num='0038' WHERE alembic_version.version_num = '0037';

COMMIT;


-- ==== downgrade ====
BEGIN;

-- Running downgrade 0038 -> 0037

ALTER FUNCTION hireline_search_candidates RESET pg_trgm.similarity_threshold;

UPDATE alembic_version SET version_num='0037' WHERE alembic_version.version_num = '0038';

COMMIT;

