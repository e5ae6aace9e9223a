-- Revision 0014: Each organisation's default country, for phone numbers written without a country code.
-- Written by `make migration-snapshots`; never edit (see tests/migrations).

-- ==== upgrade ====
BEGIN;

-- Running upgrade 0016 -> 0014

ALTER TABLE tenants ADD COLUMN default_country varchar(2) CONSTRAINT ck_tenants_default_country CHECK (default_country ~ '^[A-Z]{2}$');

DO $$
DECLARE
  tenant record;
BEGIN
  FOR tenant IN SELECT id FROM tenants WHERE default_country IS NULL LOOP
    PERFORM set_config('app.tenant_id', tenant.id::text, true);
    UPDATE tenants SET default_country = (
      SELECT place->>'country'
        FROM jobs, jsonb_array_elements(jobs.locations) AS place
       WHERE jobs.tenant_id = tenant.id AND place->>'country' ~ '^[A-Z]{2}$'
       ORDER BY jobs.created_at, jobs.id
       LIMIT 1)
     WHERE id = tenant.id;
  END LOOP;
  PERFORM set_config('app.tenant_id', '', true);
END $$;;

UPDATE alembic_version SET version_num='0014' WHERE alembic_version.version_num = '0016';

COMMIT;


-- ==== downgrade ====
BEGIN;

-- Running downgrade 0014 -> 0016

ALTER TABLE tenants DROP COLUMN default_country;

UPDATE alembic_version SET version_num='0016' WHERE alembic_version.version_num = '0014';

COMMIT;

