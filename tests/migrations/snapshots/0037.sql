-- Revision 0037: Each account counts its password changes, so access tokens issued before the last one are
refused; each careers logo keeps a digest of its bytes, so the pages link it at a URL of
its own that browsers may cache for good.
-- Written by `make migration-snapshots`; never edit (see tests/migrations).

-- ==== upgrade ====
BEGIN;

-- Running upgrade 0036 -> 0037

ALTER TABLE users ADD COLUMN credentials_version integer NOT NULL DEFAULT 0;
ALTER TABLE careers_branding ADD COLUMN logo_digest varchar(64);
UPDATE careers_branding SET logo_digest = encode(sha256(logo), 'hex') WHERE logo IS NOT NULL;;

UPDATE alembic_version SET version_num='0037' WHERE alembic_version.version_num = '0036';

COMMIT;


-- ==== downgrade ====
BEGIN;

-- Running downgrade 0037 -> 0036

ALTER TABLE careers_branding DROP COLUMN logo_digest;
ALTER TABLE users DROP COLUMN credentials_version;;

UPDATE alembic_version SET version_num='0036' WHERE alembic_version.version_num = '0037';

COMMIT;

