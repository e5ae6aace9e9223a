from enum import StrEnum


class TeamMemberRole(StrEnum):
    HIRING_MANAGER = "hiring_manager"
    INTERVIEWER = "interviewer"
    RECRUITER = "recruiter"

    def __str__(self) -> str:
        return str(self.value)
