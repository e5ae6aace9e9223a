"""The OpenAPI fuzzer's whole run against a real server finds nothing.

Schemathesis runs every check (server errors, undocumented statuses, headers and content
types, response schemas, positive and negative data, missing headers, unsupported methods,
ignored authentication, and the stateful phase following the document's links) with an
owner's token, against `hireline serve` on a database of its own. The business rules it may
meet are listed, each with its reason, in `schemathesis.toml` beside this file.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.served import running_server

HERE = Path(__file__).parent
SCHEMATHESIS = Path(sys.executable).parent / "st"
# Bounded for CI: about two minutes on two cores.
MAX_EXAMPLES = os.environ.get("HIRELINE_FUZZ_EXAMPLES", "10")


@pytest.mark.fuzz
def test_fuzzer_finds_nothing_but_documented_rules(server_url: str, tmp_path: Path) -> None:
    with running_server(server_url, tmp_path / "data") as server:
        env = os.environ | {"SCHEMATHESIS_HOOKS": "tests.fuzz.hooks"}
        run = subprocess.run(
            [
                str(SCHEMATHESIS),
                "--config-file",
                str(HERE / "schemathesis.toml"),
                "run",
                f"{server.base_url}/openapi.json",
                "--header",
                f"Authorization: Bearer {server.access_token}",
                "--max-examples",
                MAX_EXAMPLES,
                "--seed",
                "1",
                # Concurrent workers trip a CPython 3.11 AST bug inside Hypothesis.
                "--workers",
                "1",
                # Logging out would revoke the token the rest of the run uses.
                "--exclude-operation-id",
                "auth_logout",
                "--no-color",
            ],
            env=env,
            cwd=HERE.parent.parent,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    assert run.returncode == 0, run.stdout[-20_000:] + run.stderr[-5_000:]
