"""Résumés: text extraction, parsing, and what it found."""
