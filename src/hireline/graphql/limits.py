"""What one request may ask for: depth, cost and page size, refused before anything runs."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
)
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document

from hireline.core.pagination import MAX_PAGE_SIZE

MAX_DEPTH = 10
MAX_COST = 50_000
MAX_ALIASES = 30
MAX_TOKENS = 5_000
DEFAULT_PAGE_SIZE = 20
# Interviews, scorecards and offers are batched too, but each batch runs several statements
# for their rules of who sees what (in those services) and builds more per parent: ten each.
FIELD_WEIGHTS = {"interviews": 10, "scorecards": 10, "offers": 10}


class QueryTooCostly(GraphQLError):
    """The operation would read more than one request may."""


def page_size(first: int | None) -> int:
    """`first` as a page size, or a clear refusal outside 1..MAX_PAGE_SIZE."""
    if first is None:
        return DEFAULT_PAGE_SIZE
    if not 1 <= first <= MAX_PAGE_SIZE:
        raise QueryTooCostly(f"`first` must be between 1 and {MAX_PAGE_SIZE} (got {first}).")
    return first


def _first(field: FieldNode, variables: Mapping[str, Any]) -> int | None:
    for argument in field.arguments or ():
        if argument.name.value != "first":
            continue
        value = argument.value
        if isinstance(value, IntValueNode):
            return int(value.value)
        if isinstance(value, VariableNode):
            found = variables.get(value.name.value)
            return found if isinstance(found, int) else None
    return None


class _Costing:
    def __init__(self, document: DocumentNode, variables: Mapping[str, Any]) -> None:
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        self.variables = variables

    def fields(self, selections: SelectionSetNode | None, seen: frozenset[str]) -> Iterator[Any]:
        """The fields of a selection set, fragments spread (each once per path)."""
        for selection in selections.selections if selections else ():
            if isinstance(selection, FieldNode):
                yield selection, seen
            elif isinstance(selection, InlineFragmentNode):
                yield from self.fields(selection.selection_set, seen)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                if name not in seen and name in self.fragments:
                    yield from self.fields(self.fragments[name].selection_set, seen | {name})

    def cost(self, selections: SelectionSetNode | None, seen: frozenset[str]) -> int:
        total = 0
        for field, path in self.fields(selections, seen):
            name = field.name.value
            if name.startswith("__"):  # introspection reads the schema, not the database
                continue
            first = _first(field, self.variables)
            many = page_size(first) if first is not None or _is_page(field) else 1
            total += FIELD_WEIGHTS.get(name, 1) + many * self.cost(field.selection_set, path)
        return total


def _is_page(field: FieldNode) -> bool:
    """A connection without `first`: it returns a default-size page."""
    return field.selection_set is not None and any(
        isinstance(s, FieldNode) and s.name.value == "items" for s in field.selection_set.selections
    )


def operation_cost(
    document: DocumentNode, operation_name: str | None, variables: Mapping[str, Any]
) -> int:
    """The operation's cost: one per field, times the page size for fields under a page."""
    costing = _Costing(document, variables)
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    chosen = [
        o
        for o in operations
        if operation_name is None or (o.name is not None and o.name.value == operation_name)
    ]
    return max((costing.cost(o.selection_set, frozenset()) for o in chosen), default=0)


class CostLimiter(SchemaExtension):
    """Refuses an operation costlier than MAX_COST, or with a page size out of bounds."""

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        assert context.graphql_document is not None
        # Validated here first: the cost of an invalid document means nothing. Strawberry
        # skips its own run when this one has set the errors.
        errors = validate_document(
            context.schema._schema, context.graphql_document, context.validation_rules
        )
        if not errors:
            try:
                cost = operation_cost(
                    context.graphql_document, context.operation_name, context.variables or {}
                )
            except QueryTooCostly as refused:
                errors = [refused]
            else:
                if cost > MAX_COST:
                    errors = [
                        QueryTooCostly(
                            f"The query's cost is {cost}, above the limit of {MAX_COST}: "
                            "ask for smaller pages or fewer nested fields."
                        )
                    ]
        context.pre_execution_errors = errors
        yield
