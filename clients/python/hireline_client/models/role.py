from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    HIRING_MANAGER = "hiring_manager"
    INTERVIEWER = "interviewer"
    OWNER = "owner"
    RECRUITER = "recruiter"

    def __str__(self) -> str:
        return str(self.value)
