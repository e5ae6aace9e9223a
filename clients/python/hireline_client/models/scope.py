from enum import StrEnum


class Scope(StrEnum):
    ANALYTICSREAD = "analytics:read"
    AUDITREAD = "audit:read"
    CANDIDATESREAD = "candidates:read"
    CANDIDATESWRITE = "candidates:write"
    GUIDESREAD = "guides:read"
    GUIDESWRITE = "guides:write"
    INTERVIEWSREAD = "interviews:read"
    INTERVIEWSWRITE = "interviews:write"
    JOBSREAD = "jobs:read"
    JOBSWRITE = "jobs:write"
    MEMBERSREAD = "members:read"
    OFFERSREAD = "offers:read"
    OFFERSWRITE = "offers:write"
    SALARIESIMPORT = "salaries:import"
    SALARIESREAD = "salaries:read"
    USAGEREAD = "usage:read"
    WEBHOOKSMANAGE = "webhooks:manage"

    def __str__(self) -> str:
        return str(self.value)
