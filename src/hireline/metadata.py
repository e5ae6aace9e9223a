"""Every table Hireline owns, gathered for Alembic (imports each domain's models)."""

from __future__ import annotations

from typing import Any

from hireline.analytics import models as analytics_models  # noqa: F401
from hireline.board import models as board_models  # noqa: F401
from hireline.candidates import models as candidate_models  # noqa: F401
from hireline.candidates import rejection_reasons  # noqa: F401
from hireline.candidates.annotations import models as annotation_models  # noqa: F401
from hireline.changes import models as change_models  # noqa: F401
from hireline.core import events  # noqa: F401  (registers the tables)
from hireline.core import models as core_models  # noqa: F401
from hireline.core.db import Base
from hireline.guides.questions import models as question_models  # noqa: F401
from hireline.guides.salaries import models as salary_models  # noqa: F401
from hireline.guides.templates import models as guide_models  # noqa: F401
from hireline.identity import models as identity_models  # noqa: F401
from hireline.imports import models as import_models  # noqa: F401
from hireline.interviews import models as interview_models  # noqa: F401
from hireline.jobs import models as job_models  # noqa: F401
from hireline.matching import models as matching_models  # noqa: F401
from hireline.notifications import models as notification_models  # noqa: F401
from hireline.offers import models as offer_models  # noqa: F401
from hireline.retention import models as retention_models  # noqa: F401
from hireline.search.saved import models as saved_search_models  # noqa: F401
from hireline.web import models as web_models  # noqa: F401
from hireline.webhooks import models as webhook_models  # noqa: F401

target_metadata = Base.metadata

# Tables that other tools own and migrate (the task queue's schema comes from procrastinate).
FOREIGN_TABLE_PREFIXES = ("procrastinate_",)
# Tables that only the database reads and writes (triggers and SECURITY DEFINER functions of
# their migration); the application has no privilege on them, so no model either.
# The broker relay's one-row state (migration 0025) is read and written with fixed SQL by
# `hireline.core.event_relay`, as its own role.
DATABASE_ONLY_TABLES = frozenset({"candidate_search", "event_relay_state"})
# Tables that exist only on some servers (pgvector's, migration 0012), so no model describes
# them; `hireline.matching.semantic` reaches them with fixed SQL.
OPTIONAL_TABLES = frozenset({"candidate_embeddings", "job_embeddings"})


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Keep autogenerate away from tables Hireline does not model."""
    if type_ == "table" and name and _not_modelled(name):
        return False
    table = getattr(obj, "table", None)
    table_name = getattr(table, "name", "") or ""
    return not _not_modelled(table_name)


def _not_modelled(table_name: str) -> bool:
    return (
        table_name.startswith(FOREIGN_TABLE_PREFIXES)
        or table_name in DATABASE_ONLY_TABLES
        or table_name in OPTIONAL_TABLES
    )
