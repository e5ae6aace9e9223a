from enum import StrEnum


class BodyImportsStartSource(StrEnum):
    CSV = "csv"
    GREENHOUSE = "greenhouse"
    LEVER = "lever"

    def __str__(self) -> str:
        return str(self.value)
