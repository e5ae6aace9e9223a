from enum import StrEnum


class QuestionsListLevel(StrEnum):
    JUNIOR = "junior"
    MID = "mid"
    SENIOR = "senior"
    STAFF = "staff"

    def __str__(self) -> str:
        return str(self.value)
