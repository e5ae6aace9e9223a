from enum import StrEnum


class QuestionCreateCategory(StrEnum):
    BEHAVIORAL = "behavioral"
    CULTURE = "culture"
    TECHNICAL = "technical"

    def __str__(self) -> str:
        return str(self.value)
