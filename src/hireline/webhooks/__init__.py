"""Webhooks: tenants' endpoints, and signed deliveries of their events with retries."""
