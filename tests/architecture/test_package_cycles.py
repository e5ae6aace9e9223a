"""The top-level packages of `hireline` import each other without a cycle.

A cycle between rooms means neither can be understood, tested or moved without the other;
the layers contract (pyproject) forbids most of them, this test catches the rest, including
those among siblings of one layer and the application's wiring modules.
"""

from __future__ import annotations

from collections import defaultdict

import grimp

PACKAGE = "hireline"

# Imports as "importer -> imported", without the leading `hireline.`.
# Justified for good: `python -m hireline.api_document` prints the document of the app it
# builds, a lazy import in its `__main__` path; `main` imports the document's rules.
JUSTIFIED = {
    "api_document -> main",
}

# Crossings tolerated for a while, one per line, each with its reason; empty since the
# repository refactor of issue 18 (a test below fails on an entry that matches no import).
CROSSINGS: set[str] = set()


def _pairs(imports: set[str]) -> set[tuple[str, str]]:
    return {
        (f"{PACKAGE}.{importer}", f"{PACKAGE}.{imported}")
        for importer, imported in (line.split(" -> ") for line in imports)
    }


def _top(module: str) -> str:
    return ".".join(module.split(".")[:2])


def package_graph(
    graph: grimp.ImportGraph, tolerated: set[tuple[str, str]]
) -> dict[str, dict[str, list[str]]]:
    """Top-level package -> the packages it imports -> one module import that does it."""
    edges: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for importer in graph.modules:
        for imported in graph.find_modules_directly_imported_by(importer):
            if (importer, imported) in tolerated:
                continue
            source, target = _top(importer), _top(imported)
            if source != target and source != PACKAGE and target != PACKAGE:
                edges[source].setdefault(target, []).append(f"{importer} -> {imported}")
    return edges


def cycles(edges: dict[str, dict[str, list[str]]]) -> list[list[str]]:
    """The strongly connected groups of more than one package (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for successor in edges.get(node, {}):
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return sorted(found)


def _describe(group: list[str], edges: dict[str, dict[str, list[str]]]) -> str:
    members = set(group)
    lines = [
        f"  {imports[0]}"
        for source in group
        for target, imports in sorted(edges[source].items())
        if target in members
    ]
    return " <-> ".join(group) + "\n" + "\n".join(lines)


def test_top_level_packages_have_no_cycle() -> None:
    edges = package_graph(grimp.build_graph(PACKAGE, cache_dir=None), _pairs(JUSTIFIED | CROSSINGS))
    found = cycles(edges)
    assert not found, "\n".join(_describe(group, edges) for group in found)


def test_every_tolerated_import_still_exists() -> None:
    graph = grimp.build_graph(PACKAGE, cache_dir=None)
    stale = {
        (importer, imported)
        for importer, imported in _pairs(JUSTIFIED | CROSSINGS)
        if importer not in graph.modules
        or imported not in graph.find_modules_directly_imported_by(importer)
    }
    assert not stale, f"remove these from the lists: {sorted(stale)}"


def test_a_cycle_is_found_and_named() -> None:
    edges = {
        "hireline.a": {"hireline.b": ["hireline.a.x -> hireline.b.y"]},
        "hireline.b": {"hireline.c": ["hireline.b.y -> hireline.c.z"]},
        "hireline.c": {"hireline.a": ["hireline.c.z -> hireline.a.x"]},
        "hireline.d": {"hireline.a": ["hireline.d.w -> hireline.a.x"]},
    }
    assert cycles(edges) == [["hireline.a", "hireline.b", "hireline.c"]]
    assert "hireline.c.z -> hireline.a.x" in _describe(cycles(edges)[0], edges)
