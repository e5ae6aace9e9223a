from enum import StrEnum


class BodyCandidatesAddSource(StrEnum):
    AGENCY = "agency"
    EVENT = "event"
    OTHER = "other"
    REFERRED = "referred"
    SOURCED = "sourced"

    def __str__(self) -> str:
        return str(self.value)
