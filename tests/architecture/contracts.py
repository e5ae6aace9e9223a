"""Import-linter contract types of Hireline's own: the doors between rooms.

`make lint` runs them through `lint-imports` (pyproject's `[tool.importlinter]` names them in
`contract_types`); they live with the architecture tests because they are checks, not product.
Import-linter's own contract types cannot say "a room may import its own models but no one
else's" without a contract per room; these say it once, so a new domain is covered the day it
is created.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import grimp
from importlinter import Contract, ContractCheck, fields, output
from importlinter.application import contract_utils


@dataclass(frozen=True, order=True)
class Crossing:
    """One import from a room into a module it should not reach."""

    importer: str
    imported: str
    line_numbers: tuple[int, ...]


def room_of(module: str, container: str) -> str | None:
    """The room (`container.<child>`) that holds `module`; None for modules outside."""
    prefix = container + "."
    if not module.startswith(prefix):
        return None
    return prefix + module[len(prefix) :].split(".", 1)[0]


def _crossings(graph: grimp.ImportGraph, pairs: set[tuple[str, str]]) -> list[Crossing]:
    found = []
    for importer, imported in sorted(pairs):
        details = graph.get_import_details(importer=importer, imported=imported)
        found.append(Crossing(importer, imported, tuple(sorted(d["line_number"] for d in details))))
    return found


def _option(contract: Contract, name: str) -> Any:
    """A parsed option (import-linter sets them on the instance, over the class's fields)."""
    return getattr(contract, name)


def _strings(contract: Contract, name: str) -> list[str]:
    return [str(item) for item in _option(contract, name) or []]


def _remove_ignored_imports(contract: Contract, graph: grimp.ImportGraph) -> Any:
    return contract_utils.remove_ignored_imports_and_report(
        graph=graph,
        ignore_imports=_option(contract, "ignore_imports"),
        unmatched_alerting=_option(contract, "unmatched_ignore_imports_alerting"),
    )


def _render(check: ContractCheck, guidance: Any) -> None:
    for crossing in check.metadata["crossings"]:
        lines = ", ".join(map(str, crossing.line_numbers))
        output.print_error(f"- {crossing.importer} -> {crossing.imported} (l.{lines})", bold=False)
    output.new_line()
    contract_utils.render_broken_contract_guidance(guidance)


class PrivateModulesOfRoomsContract(Contract):
    """A room's private modules (models, repository, ...) are imported only by that room.

    Every child of each container is a room (a domain package, or a top-level module). A
    module is private when any part of its name below the room is in `private`, so
    `hireline.guides.salaries.repository` is guides' own as much as `hireline.jobs.models`
    is jobs'.

    Options: containers; private (module names); allowed_importers (modules exempt, as
    packages); ignore_imports and unmatched_ignore_imports_alerting (as import-linter's);
    broken_contract_guidance.
    """

    type_name = "private_modules_of_rooms"

    containers = fields.ListField(subfield=fields.StringField())
    private = fields.ListField(subfield=fields.StringField())
    allowed_importers = fields.ListField(subfield=fields.StringField(), required=False)
    ignore_imports = fields.SetField(subfield=fields.ImportExpressionField(), required=False)
    unmatched_ignore_imports_alerting = fields.EnumField(
        contract_utils.AlertLevel, default=contract_utils.AlertLevel.ERROR
    )
    broken_contract_guidance = fields.TextField(required=False)

    def check(self, graph: grimp.ImportGraph, verbose: bool) -> ContractCheck:
        removal = _remove_ignored_imports(self, graph)
        private = set(_strings(self, "private"))
        allowed = _strings(self, "allowed_importers")
        pairs: set[tuple[str, str]] = set()
        for container in _strings(self, "containers"):
            for imported in graph.modules:
                room = room_of(imported, container)
                if room is None or not private & set(imported[len(room) + 1 :].split(".")):
                    continue
                for importer in graph.find_modules_that_directly_import(imported):
                    if room_of(importer, container) == room:
                        continue
                    if any(importer == a or importer.startswith(a + ".") for a in allowed):
                        continue
                    pairs.add((importer, imported))
        return ContractCheck(
            kept=not pairs,
            warnings=list(removal.warnings),
            ignored_import_count=removal.ignored_import_count,
            metadata={"crossings": _crossings(graph, pairs)},
        )

    def render_broken_contract(self, check: ContractCheck) -> None:
        output.print_error("Imports of another room's private modules:", bold=False)
        output.new_line()
        _render(check, _option(self, "broken_contract_guidance"))


class FrontDoorContract(Contract):
    """A front door (the web app, say) reaches the domains only through their public modules.

    Options: front_doors (packages; missing ones are skipped, so a future door can be named
    now); container (whose children are rooms); public (module names a front door may import
    from a room); exempt_rooms (plumbing a front door may use freely, such as `core`);
    ignore_imports, unmatched_ignore_imports_alerting, broken_contract_guidance.
    """

    type_name = "front_door"

    front_doors = fields.ListField(subfield=fields.StringField())
    container = fields.StringField()
    public = fields.ListField(subfield=fields.StringField())
    exempt_rooms = fields.ListField(subfield=fields.StringField(), required=False)
    ignore_imports = fields.SetField(subfield=fields.ImportExpressionField(), required=False)
    unmatched_ignore_imports_alerting = fields.EnumField(
        contract_utils.AlertLevel, default=contract_utils.AlertLevel.ERROR
    )
    broken_contract_guidance = fields.TextField(required=False)

    def check(self, graph: grimp.ImportGraph, verbose: bool) -> ContractCheck:
        removal = _remove_ignored_imports(self, graph)
        container = str(_option(self, "container"))
        public = set(_strings(self, "public"))
        exempt = set(_strings(self, "exempt_rooms"))
        pairs: set[tuple[str, str]] = set()
        for door in _strings(self, "front_doors"):
            if door not in graph.modules:
                continue
            door_room = room_of(door, container)
            for importer in {door, *graph.find_descendants(door)}:
                for imported in graph.find_modules_directly_imported_by(importer):
                    room = room_of(imported, container)
                    if room is None or room == door_room or room in exempt:
                        continue
                    if imported.rsplit(".", 1)[-1] not in public:
                        pairs.add((importer, imported))
        return ContractCheck(
            kept=not pairs,
            warnings=list(removal.warnings),
            ignored_import_count=removal.ignored_import_count,
            metadata={"crossings": _crossings(graph, pairs)},
        )

    def render_broken_contract(self, check: ContractCheck) -> None:
        output.print_error("Imports of a room's inner modules from a front door:", bold=False)
        output.new_line()
        _render(check, _option(self, "broken_contract_guidance"))
