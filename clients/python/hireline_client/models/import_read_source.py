from enum import StrEnum


class ImportReadSource(StrEnum):
    CSV = "csv"
    GREENHOUSE = "greenhouse"
    LEVER = "lever"

    def __str__(self) -> str:
        return str(self.value)
