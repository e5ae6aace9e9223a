from enum import StrEnum


class RetentionPreviewItemAction(StrEnum):
    ERASE = "erase"
    NOTICE = "notice"
    WITHDRAW_NOTICE = "withdraw_notice"

    def __str__(self) -> str:
        return str(self.value)
