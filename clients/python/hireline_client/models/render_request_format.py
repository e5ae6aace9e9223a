from enum import StrEnum


class RenderRequestFormat(StrEnum):
    HTML = "html"
    JSON = "json"
    MARKDOWN = "markdown"
    PDF = "pdf"

    def __str__(self) -> str:
        return str(self.value)
