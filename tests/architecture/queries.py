"""Finds the calls that run SQL through a session or connection, by reading the source.

A call counts when its method is one that runs a query (`execute`, `get`, `scalars`, ...) and
its receiver is named like a session or connection (`session`, `self.session`, `db_session`,
`connection`, `conn`): the names this code base gives them everywhere, which keeps `dict.get`
and `Result.scalars` out without knowing types.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

QUERY_METHODS = frozenset(
    {
        "execute",
        "exec_driver_sql",
        "scalar",
        "scalars",
        "get",
        "get_one",
        "stream",
        "stream_scalars",
        "merge",
        "refresh",
        "run_sync",
    }
)
_RECEIVER_NAMES = ("session", "connection", "conn")


@dataclass(frozen=True)
class QueryCall:
    line: int
    call: str


def _receiver_name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _is_session(node: ast.expr) -> bool:
    name = _receiver_name(node)
    if name is None:
        return False
    name = name.lower().strip("_")
    return any(name == n or name.endswith("_" + n) for n in _RECEIVER_NAMES)


def query_calls(source: str) -> list[QueryCall]:
    """The session (or connection) calls that run SQL in `source`, in order."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in QUERY_METHODS
            and _is_session(node.func.value)
        ):
            found.append(QueryCall(node.lineno, ast.unparse(node.func)))
    return sorted(found, key=lambda call: call.line)


def is_repository(relative_path: str) -> bool:
    """`repository.py` of a room or sub-package, or a module of a `repository` package."""
    parts = relative_path.split("/")
    return parts[-1] == "repository.py" or "repository" in parts[:-1]


def queries_outside_repositories(files: dict[str, str]) -> dict[str, list[QueryCall]]:
    """By path (relative to the package), the query calls of modules that are no repository."""
    return {
        path: calls
        for path, source in sorted(files.items())
        if not is_repository(path) and (calls := query_calls(source))
    }
