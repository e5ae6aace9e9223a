"""Every event type is a member of a domain's enum, and the webhook catalogue offers each one
that is not marked internal.

Three checks find every type that can be recorded: mypy (`events.record` takes an `EventType`),
the source (no `events.record`, `events.on` or `register_handler` call names a type with a
string), and the enums (each member is in the catalogue or internal).
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import hireline
from hireline.core.events import EventType
from hireline.webhooks import catalogue

PACKAGE = Path(hireline.__file__).parent
# The calls that take an event type, and where it goes: (keyword, position).
TYPE_ARGUMENT = {
    "record": ("type", None),
    "on": ("event_type", 0),
    "register_handler": ("event_type", 0),
}


def _domain_enums() -> set[type[EventType]]:
    """The `EventType` enums of every `events` module in the package (sub-packages too)."""
    found: set[type[EventType]] = set()
    for module_info in pkgutil.walk_packages([str(PACKAGE)], prefix="hireline."):
        if module_info.name.rsplit(".", 1)[-1] != "events":
            continue
        module = importlib.import_module(module_info.name)
        found |= {
            item
            for item in vars(module).values()
            if isinstance(item, type)
            and issubclass(item, EventType)
            and item is not EventType
            and item.__module__ == module.__name__
        }
    return found


def test_every_domain_enum_feeds_the_catalogue() -> None:
    assert _domain_enums() == set(catalogue.DOMAIN_EVENTS)


def test_every_event_type_is_in_the_catalogue_or_internal() -> None:
    for domain in catalogue.DOMAIN_EVENTS:
        for member in domain:
            assert member.description.strip(), member
            assert member.internal or catalogue.EVENT_TYPES.get(member.value), member
    offered = {member.value for domain in catalogue.DOMAIN_EVENTS for member in domain}
    assert set(catalogue.EVENT_TYPES) <= offered


def test_event_types_are_unique_across_domains() -> None:
    values = [member.value for domain in catalogue.DOMAIN_EVENTS for member in domain]
    assert len(values) == len(set(values))


def _event_modules(tree: ast.Module) -> set[str]:
    """Local names bound to `hireline.core.events` in a module."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "hireline.core":
            names |= {alias.asname or alias.name for alias in node.names if alias.name == "events"}
        elif isinstance(node, ast.Import):
            names |= {
                alias.asname
                for alias in node.names
                if alias.name == "hireline.core.events" and alias.asname
            }
    return names


def _event_functions(tree: ast.Module) -> dict[str, str]:
    """Local names of `record`, `on` and `register_handler` imported from the events module."""
    return {
        alias.asname or alias.name: alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "hireline.core.events"
        for alias in node.names
        if alias.name in TYPE_ARGUMENT
    }


def literal_event_types(source: str) -> list[int]:
    """Lines where an event type is given as a string rather than an enum member."""
    tree = ast.parse(source)
    modules, functions = _event_modules(tree), _event_functions(tree)
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            called = func.attr if func.value.id in modules else None
        elif isinstance(func, ast.Name):
            called = functions.get(func.id)
        else:
            called = None
        if called not in TYPE_ARGUMENT:
            continue
        keyword, position = TYPE_ARGUMENT[called]
        arguments = [k.value for k in node.keywords if k.arg == keyword]
        if position is not None and len(node.args) > position:
            arguments.append(node.args[position])
        if any(isinstance(a, ast.Constant | ast.JoinedStr | ast.BinOp) for a in arguments):
            lines.append(node.lineno)
    return sorted(lines)


def test_no_event_type_is_written_as_a_string() -> None:
    found = {
        path.relative_to(PACKAGE).as_posix(): lines
        for path in sorted(PACKAGE.rglob("*.py"))
        if (lines := literal_event_types(path.read_text(encoding="utf-8")))
    }
    assert not found, f"name these event types with a domain's EventType member: {found}"


def test_a_string_event_type_is_caught() -> None:
    source = (
        "from hireline.core import events\n"
        "from hireline.core.events import on as handles\n"
        "@events.on('application.created')\n"
        "async def a(event, session): ...\n"
        "@handles(CandidateEvent.APPLICATION_CREATED)\n"
        "async def b(event, session): ...\n"
        "async def c(session):\n"
        "    await events.record(session, type=f'job.{x}', payload={}, tenant_id=None)\n"
        "    await events.record(session, type=JobEvent.UPDATED, payload={}, tenant_id=None)\n"
        "    await audit.record(session, action='job.created')\n"
        "    events.register_handler('job.paused', a)\n"
    )
    assert literal_event_types(source) == [3, 8, 11]
