"""Imports from another applicant tracking system (Greenhouse, Lever, a CSV file): jobs,
candidates, applications and résumés brought in through the jobs and candidates services."""
