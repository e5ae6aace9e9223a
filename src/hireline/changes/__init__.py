"""The change feed: every create, update and delete of a tenant's synced records, in commit
order, so that an integration can keep a copy (ADR 0028)."""
