"""Organisations: finding them, their plan and their own settings."""
