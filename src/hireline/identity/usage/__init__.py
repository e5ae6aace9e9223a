"""API usage: requests counted per day and principal."""
