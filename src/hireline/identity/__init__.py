"""Tenants, users, memberships, credentials and the permission table."""
