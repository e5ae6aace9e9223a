from enum import StrEnum


class AdjustmentReadUnit(StrEnum):
    PERCENT = "percent"
    USD = "usd"

    def __str__(self) -> str:
        return str(self.value)
