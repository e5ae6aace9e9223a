from enum import StrEnum


class CandidatesSearchSort(StrEnum):
    MATCH = "match"
    NEWEST = "newest"
    RELEVANCE = "relevance"

    def __str__(self) -> str:
        return str(self.value)
