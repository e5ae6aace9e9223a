from enum import StrEnum


class JobUpdateLevelType0(StrEnum):
    JUNIOR = "junior"
    MID = "mid"
    SENIOR = "senior"
    STAFF = "staff"

    def __str__(self) -> str:
        return str(self.value)
