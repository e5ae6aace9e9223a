from enum import StrEnum


class ScorecardVersionReadRecommendation(StrEnum):
    NO = "no"
    STRONG_NO = "strong_no"
    STRONG_YES = "strong_yes"
    YES = "yes"

    def __str__(self) -> str:
        return str(self.value)
