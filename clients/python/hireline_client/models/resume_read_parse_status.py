from enum import StrEnum


class ResumeReadParseStatus(StrEnum):
    FAILED = "failed"
    PARSED = "parsed"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
