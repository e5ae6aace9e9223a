from enum import StrEnum


class RenderRequestIndustry(StrEnum):
    ECOMMERCE = "ecommerce"
    FINTECH = "fintech"
    HEALTHCARE = "healthcare"
    IOT = "iot"
    MEDIA = "media"
    SAAS = "saas"

    def __str__(self) -> str:
        return str(self.value)
