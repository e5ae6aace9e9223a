from enum import StrEnum


class QuestionsListCategory(StrEnum):
    BEHAVIORAL = "behavioral"
    CULTURE = "culture"
    TECHNICAL = "technical"

    def __str__(self) -> str:
        return str(self.value)
