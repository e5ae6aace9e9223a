from enum import StrEnum


class HighlightField(StrEnum):
    HEADLINE = "headline"
    NOTES = "notes"
    RESUME = "resume"

    def __str__(self) -> str:
        return str(self.value)
