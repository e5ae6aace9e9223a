"""Signing in and out: sign-up, the OAuth grants, credentials checked, tokens revoked."""
