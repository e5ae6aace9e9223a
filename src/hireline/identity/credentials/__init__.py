"""API keys and OAuth clients of an organisation."""
