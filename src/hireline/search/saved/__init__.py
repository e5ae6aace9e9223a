"""Searches a member keeps to run again: their own, in one organisation."""
