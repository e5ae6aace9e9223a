"""Matching: how well each application fits its job, as a score with an explanation."""
