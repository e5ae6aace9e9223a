-- Revision 0027: A role for the daily purge: it may find and delete expired rows of every tenant in the
tables that keep transient records, and do nothing else.
-- Written by `make migration-snapshots`; never edit (see tests/migrations).

-- ==== upgrade ====
BEGIN;

-- Running upgrade 0026 -> 0027

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hireline_purger') THEN
        CREATE ROLE hireline_purger NOLOGIN NOSUPERUSER NOBYPASSRLS;
    END IF;
END $$;
GRANT hireline_purger TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO hireline_purger;
GRANT SELECT (id, plan) ON tenants TO hireline_purger;;

GRANT SELECT, DELETE ON idempotency_keys TO hireline_purger;
CREATE POLICY purge_reads ON idempotency_keys FOR SELECT TO hireline_purger USING (true);
CREATE POLICY purge_deletes ON idempotency_keys FOR DELETE TO hireline_purger USING (true);;

GRANT SELECT, DELETE ON webhook_deliveries TO hireline_purger;
CREATE POLICY purge_reads ON webhook_deliveries FOR SELECT TO hireline_purger USING (true);
CREATE POLICY purge_deletes ON webhook_deliveries FOR DELETE TO hireline_purger USING (true);;

GRANT SELECT, DELETE ON webhook_attempts TO hireline_purger;
CREATE POLICY purge_reads ON webhook_attempts FOR SELECT TO hireline_purger USING (true);
CREATE POLICY purge_deletes ON webhook_attempts FOR DELETE TO hireline_purger USING (true);;

GRANT SELECT, DELETE ON api_usage TO hireline_purger;
CREATE POLICY purge_reads ON api_usage FOR SELECT TO hireline_purger USING (true);
CREATE POLICY purge_deletes ON api_usage FOR DELETE TO hireline_purger USING (true);;

GRANT SELECT, DELETE ON revoked_access_tokens TO hireline_purger;
CREATE POLICY purge_reads ON revoked_access_tokens FOR SELECT TO hireline_purger USING (true);
CREATE POLICY purge_deletes ON revoked_access_tokens FOR DELETE TO hireline_purger USING (true);;

UPDATE alembic_version SET version_num='0027' WHERE alembic_version.version_num = '0026';

COMMIT;


-- ==== downgrade ====
BEGIN;

-- Running downgrade 0027 -> 0026

DROP POLICY purge_deletes ON idempotency_keys;
DROP POLICY purge_reads ON idempotency_keys;
REVOKE ALL ON idempotency_keys FROM hireline_purger;;

DROP POLICY purge_deletes ON webhook_deliveries;
DROP POLICY purge_reads ON webhook_deliveries;
REVOKE ALL ON webhook_deliveries FROM hireline_purger;;

DROP POLICY purge_deletes ON webhook_attempts;
DROP POLICY purge_reads ON webhook_attempts;
REVOKE ALL ON webhook_attempts FROM hireline_purger;;

DROP POLICY purge_deletes ON api_usage;
DROP POLICY purge_reads ON api_usage;
REVOKE ALL ON api_usage FROM hireline_purger;;

DROP POLICY purge_deletes ON revoked_access_tokens;
DROP POLICY purge_reads ON revoked_access_tokens;
REVOKE ALL ON revoked_access_tokens FROM hireline_purger;;

REVOKE ALL ON tenants FROM hireline_purger;
REVOKE USAGE ON SCHEMA public FROM hireline_purger;;

UPDATE alembic_version SET version_num='0026' WHERE alembic_version.version_num = '0027';

COMMIT;

