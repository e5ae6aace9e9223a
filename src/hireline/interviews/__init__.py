"""Interviews: plans and kits per job, schedules with calendar invitations, scorecards."""
