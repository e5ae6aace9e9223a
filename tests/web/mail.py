"""Reading the e-mails the worker left in the mail folder (no mail server in tests)."""

from __future__ import annotations

import email
import re
import shutil
from email import policy
from email.message import EmailMessage

import pytest
from fastapi import FastAPI

from hireline.core.queue import WorkerState
from hireline.settings import Settings

PUBLIC_URL = "https://hire.acme.example"


@pytest.fixture
def state(app: FastAPI, settings: Settings) -> WorkerState:
    """A worker with the app's settings and an empty mail folder."""
    own = settings.model_copy(update={"public_url": PUBLIC_URL})
    shutil.rmtree(own.data_dir / "mail", ignore_errors=True)
    return WorkerState(sessions=app.state.sessions, settings=own)


def mailbox(state: WorkerState, to: str | None = None) -> list[EmailMessage]:
    root = state.settings.data_dir / "mail"
    found = []
    for path in sorted(root.rglob("*.eml")) if root.exists() else []:
        parsed = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        if to is None or parsed["To"].addresses[0].addr_spec == to:
            found.append(parsed)
    return found


def text_of(message: EmailMessage, subtype: str = "plain") -> str:
    part = message.get_body(preferencelist=(subtype,))
    assert part is not None
    return str(part.get_content())


def link_in(message: EmailMessage, path: str) -> str:
    """The path (from `path` on) of the link the message carries."""
    found = re.search(
        re.escape(PUBLIC_URL) + "(" + re.escape(path) + r"[A-Za-z0-9_-]+)", text_of(message)
    )
    assert found is not None, text_of(message)
    return found.group(1)
