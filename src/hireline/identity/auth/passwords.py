"""What makes a password acceptable: long enough, not common, not the e-mail address."""

from __future__ import annotations

from functools import cache
from importlib import resources

from hireline.core.errors import ValidationFailed

MIN_LENGTH = 10
MAX_LENGTH = 128


@cache
def _common_passwords() -> frozenset[str]:
    text = resources.files("hireline.identity").joinpath("data/common_passwords.txt").read_text()
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def check_password(password: str, *, email: str, field: str = "password") -> None:
    """Raise ValidationFailed naming `field` unless `password` is acceptable."""
    problem: str | None = None
    if len(password) < MIN_LENGTH:
        problem = f"must be at least {MIN_LENGTH} characters long"
    elif len(password) > MAX_LENGTH:
        problem = f"must be at most {MAX_LENGTH} characters long"
    elif password.lower() in _common_passwords():
        problem = "is one of the most common passwords; choose another"
    elif len(local := email.split("@")[0].lower()) >= 4 and local in password.lower():
        problem = "must not contain your e-mail address"
    elif len(set(password)) < 4:
        problem = "uses too few different characters"
    if problem:
        raise ValidationFailed(
            f"The password {problem}.",
            errors=[{"loc": ["body", field], "msg": f"Password {problem}.", "type": "password"}],
        )
