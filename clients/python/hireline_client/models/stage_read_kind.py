from enum import StrEnum


class StageReadKind(StrEnum):
    APPLIED = "applied"
    INTERVIEW = "interview"
    OFFER = "offer"
    OTHER = "other"
    SCREEN = "screen"

    def __str__(self) -> str:
        return str(self.value)
