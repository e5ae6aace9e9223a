"""Candidates, their applications, résumés, pipeline moves, activity and privacy."""
