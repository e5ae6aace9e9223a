-- Revision 0017: Pipeline stages say what kind of step they are (applied, screen, interview, offer, other).
-- Written by `make migration-snapshots`; never edit (see tests/migrations).

-- ==== upgrade ====
BEGIN;

-- Running upgrade 0013 -> 0017

ALTER TABLE pipeline_stages ADD COLUMN kind VARCHAR(20) DEFAULT 'other' NOT NULL;

UPDATE pipeline_stages SET kind = CASE
    WHEN position = 0 THEN 'applied'
    WHEN name ILIKE '%%offer%%' THEN 'offer'
    WHEN name ILIKE '%%screen%%' THEN 'screen'
    WHEN name ILIKE '%%interview%%' OR name ILIKE '%%onsite%%' OR name ILIKE '%%on-site%%'
        OR name ILIKE '%%on site%%' THEN 'interview'
    ELSE 'other'
END;

UPDATE alembic_version SET version_num='0017' WHERE alembic_version.version_num = '0013';

COMMIT;


-- ==== downgrade ====
BEGIN;

-- Running downgrade 0017 -> 0013

ALTER TABLE pipeline_stages DROP COLUMN kind;

UPDATE alembic_version SET version_num='0013' WHERE alembic_version.version_num = '0017';

COMMIT;

