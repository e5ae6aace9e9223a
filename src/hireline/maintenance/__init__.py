"""Housekeeping across tenants: the daily purge of records kept no longer than they serve."""
