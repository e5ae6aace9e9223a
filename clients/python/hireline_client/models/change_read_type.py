from enum import StrEnum


class ChangeReadType(StrEnum):
    APPLICATION = "application"
    CANDIDATE = "candidate"
    INTERVIEW = "interview"
    JOB = "job"
    OFFER = "offer"
    SCORECARD = "scorecard"

    def __str__(self) -> str:
        return str(self.value)
