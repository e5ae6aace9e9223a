from enum import StrEnum


class RenderRequestContext(StrEnum):
    CORPORATE = "corporate"
    REMOTE_HYBRID = "remote_hybrid"
    STARTUP = "startup"

    def __str__(self) -> str:
        return str(self.value)
