from enum import StrEnum


class SalariesGetCompanyStage(StrEnum):
    ESTABLISHED = "established"
    STARTUP = "startup"

    def __str__(self) -> str:
        return str(self.value)
