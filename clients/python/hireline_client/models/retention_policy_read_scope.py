from enum import StrEnum


class RetentionPolicyReadScope(StrEnum):
    NOT_HIRED = "not_hired"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
