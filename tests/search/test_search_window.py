"""The window `hireline_search_candidates` ranks is the same whichever way it is collected.

With many matches the function walks the tenant's rows in id order instead of using the GIN
indexes (migration 0011); these tests make it take each way on a small tenant (statistics from
ANALYZE, plans read through auto_explain) and check that both return the first matches in id
order with the same filters applied, and that names are compared with the words (migration
0040) only when the words' own matches leave room in the window.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import psycopg
import pytest

from hireline.core.database_url import libpq_url

PYTHONISTAS = 30
CHEFS = 10
# Every third Python developer also knows Django.
DJANGO_EVERY = 3

SEARCH = """
SELECT candidate_id FROM hireline_search_candidates(
    coalesce(phraseto_tsquery('english', %(phrase)s), to_tsquery('english', %(word)s)), NULL,
    %(fuzzy_name)s, NULL, %(skills)s::text[], NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, false, NULL, %(max_rows)s)
"""
# What the function runs to find the candidates only like the words (migration 0040).
ALIKE_ONLY = "AND NOT s.document @@ $2 AND ("
NESTED_PLANS = """
LOAD 'auto_explain';
SET LOCAL auto_explain.log_min_duration = 0;
SET LOCAL auto_explain.log_nested_statements = on;
SET LOCAL auto_explain.log_level = notice;
"""


@pytest.fixture
def owner(database_url: str) -> Iterator[psycopg.Connection[tuple[object, ...]]]:
    """The schema owner's connection (a superuser here), in a transaction rolled back after."""
    with psycopg.connect(libpq_url(database_url)) as connection:
        yield connection
        connection.rollback()


def _load_tenant(connection: psycopg.Connection[tuple[object, ...]]) -> tuple[str, list[str]]:
    """A tenant of Python developers and chefs; its id and the Python developers' ids."""
    tenant_id = uuid.uuid4()
    slug = f"window-{tenant_id.hex[:8]}"
    connection.execute(
        "INSERT INTO tenants (id, name, slug) VALUES (%s, %s, %s)", (tenant_id, slug, slug)
    )
    pythonistas: list[str] = []
    for number in range(PYTHONISTAS + CHEFS):
        candidate_id = uuid.UUID(int=(uuid.uuid4().int >> 64) + ((number + 1) << 64))
        python = number < PYTHONISTAS
        skills = ["Python", "Django"] if python and number % DJANGO_EVERY == 0 else []
        connection.execute(
            "INSERT INTO candidates (tenant_id, id, email, email_normalized, name, headline,"
            " skills) VALUES (%s, %s, %s, %s, %s, %s, %s)",
            (
                tenant_id,
                candidate_id,
                f"person{number}@example.com",
                f"person{number}@example.com",
                f"Person {number}",
                "Python developer" if python else "Pastry chef",
                skills,
            ),
        )
        if python:
            pythonistas.append(str(candidate_id))
    connection.execute("ANALYZE candidate_search")
    return str(tenant_id), sorted(pythonistas)


def _search(
    connection: psycopg.Connection[tuple[object, ...]],
    tenant_id: str,
    *,
    max_rows: int,
    skills: list[str] | None = None,
    word: str = "python",
    phrase: str | None = None,
    fuzzy_name: str | None = None,
) -> tuple[list[str], str]:
    """The function's ids, in id order, and the statements it ran (as auto_explain saw them)."""
    nested: list[str] = []
    connection.add_notice_handler(lambda notice: nested.append(notice.message_primary or ""))
    connection.execute(NESTED_PLANS)
    connection.execute("SET LOCAL ROLE hireline_app")
    connection.execute("SELECT set_config('app.tenant_id', %s, true)", (tenant_id,))
    arguments = {
        "word": word,
        "phrase": phrase,
        "fuzzy_name": fuzzy_name,
        "skills": skills,
        "max_rows": max_rows,
    }
    rows = connection.execute(SEARCH, arguments).fetchall()
    connection.execute("RESET ROLE")
    searched = [text for text in nested if "FROM candidate_search s " in text]
    return sorted(str(row[0]) for row in rows), "\n".join(searched)


def test_a_broad_word_walks_and_keeps_the_first_matches_in_id_order(
    owner: psycopg.Connection[tuple[object, ...]],
) -> None:
    tenant_id, pythonistas = _load_tenant(owner)

    found, statements = _search(owner, tenant_id, max_rows=3)

    assert "ORDER BY s.candidate_id" in statements  # the walk
    assert "Index Scan using pk_candidate_search" in statements
    assert found == pythonistas[:3]


def test_a_window_holding_every_match_uses_the_indexes_and_finds_them_all(
    owner: psycopg.Connection[tuple[object, ...]],
) -> None:
    tenant_id, pythonistas = _load_tenant(owner)

    found, statements = _search(owner, tenant_id, max_rows=100)

    assert "ORDER BY" not in statements
    assert found == pythonistas


def test_a_walk_applies_the_filters_too(owner: psycopg.Connection[tuple[object, ...]]) -> None:
    tenant_id, _ = _load_tenant(owner)
    rows = owner.execute(
        "SELECT id FROM candidates WHERE tenant_id = %s AND 'Django' = ANY(skills) ORDER BY id",
        (tenant_id,),
    ).fetchall()
    djangonauts = [str(row[0]) for row in rows]
    assert len(djangonauts) == PYTHONISTAS // DJANGO_EVERY

    found, statements = _search(owner, tenant_id, max_rows=1, skills=["Django"])

    assert "ORDER BY s.candidate_id" in statements
    assert "s.skill_keys @> hireline_tenant_keys($1, $6)" in statements
    assert found == djangonauts[:1]


def test_words_that_fill_the_window_leave_names_uncompared(
    owner: psycopg.Connection[tuple[object, ...]],
) -> None:
    tenant_id, pythonistas = _load_tenant(owner)

    found, statements = _search(owner, tenant_id, max_rows=PYTHONISTAS, fuzzy_name="python")

    assert "<% s.name_folded AND" not in statements  # only in the condition, not the rank
    assert found == pythonistas


def test_a_window_with_room_takes_the_names_like_the_words_after_the_words_own_matches(
    owner: psycopg.Connection[tuple[object, ...]],
) -> None:
    tenant_id, pythonistas = _load_tenant(owner)
    people = [
        str(row[0])
        for row in owner.execute(
            "SELECT id FROM candidates WHERE tenant_id = %s ORDER BY id", (tenant_id,)
        ).fetchall()
    ]

    matched, statements = _search(owner, tenant_id, max_rows=100, fuzzy_name="python")
    # No word matches `persn`: every name `Person <n>` is compared, and all are alike.
    alike, alike_statements = _search(
        owner, tenant_id, max_rows=100, word="persn", fuzzy_name="persn"
    )

    assert ALIKE_ONLY in statements
    assert matched == pythonistas  # once each, and no chef is like `python`
    assert ALIKE_ONLY in alike_statements
    assert alike == people


def test_a_skill_filter_finds_the_tenant_through_its_keys_and_no_one_else(
    owner: psycopg.Connection[tuple[object, ...]],
) -> None:
    tenant_id, _ = _load_tenant(owner)
    _load_tenant(owner)  # another organisation of Django developers
    rows = owner.execute(
        "SELECT id FROM candidates WHERE tenant_id = %s AND 'Django' = ANY(skills) ORDER BY id",
        (tenant_id,),
    ).fetchall()

    found, statements = _search(owner, tenant_id, max_rows=100, skills=["Django"])

    assert "WHERE (s.tenant_id = $1) IS TRUE" in statements  # not an index condition
    assert found == [str(row[0]) for row in rows]


# More than ten times the rows the function samples, so that it samples (migration 0040).
BIG_TENANT = 12_000
TITLE_EVERY = 10


def _load_titled_tenant(
    connection: psycopg.Connection[tuple[object, ...]], rows: int
) -> tuple[str, list[str]]:
    """A tenant of `rows` candidates, one in TITLE_EVERY a machine learning engineer, the rest
    pastry chefs; its id and the engineers' ids in id order."""
    tenant_id = uuid.uuid4()
    connection.execute(
        "INSERT INTO tenants (id, name, slug) VALUES (%s, %s, %s)",
        (tenant_id, "Titles", f"titles-{tenant_id.hex[:8]}"),
    )
    connection.execute(
        "INSERT INTO candidates (tenant_id, id, email, email_normalized, name, headline)"
        " SELECT %(tenant)s, (lpad(to_hex(n), 8, '0') || %(suffix)s)::uuid,"
        " 'p' || n || '@example.com', 'p' || n || '@example.com', 'Person ' || n,"
        " CASE WHEN n %% %(every)s = 0 THEN 'Machine Learning Engineer' ELSE 'Pastry chef' END"
        " FROM generate_series(1, %(rows)s) AS n",
        {
            "tenant": tenant_id,
            "suffix": f"-0000-7000-8000-{tenant_id.hex[:12]}",
            "every": TITLE_EVERY,
            "rows": rows,
        },
    )
    connection.execute("ANALYZE candidate_search")
    titled = connection.execute(
        "SELECT id FROM candidates WHERE tenant_id = %s AND headline LIKE 'Machine%%' ORDER BY id",
        (tenant_id,),
    ).fetchall()
    return str(tenant_id), [str(row[0]) for row in titled]


def test_a_phrase_whose_words_come_together_walks(
    owner: psycopg.Connection[tuple[object, ...]],
) -> None:
    """The planner multiplies the words' frequencies (one in a thousand here, where one
    résumé in ten holds the title): the sample finds them and the function walks."""
    tenant_id, titled = _load_titled_tenant(owner, BIG_TENANT)

    found, statements = _search(owner, tenant_id, max_rows=50, phrase="machine learning engineer")

    assert "TABLESAMPLE SYSTEM" in statements
    assert "ORDER BY s.candidate_id" in statements  # the walk
    assert found == titled[:50]


def test_a_tenant_holding_most_rows_is_checked_on_the_rows_found_not_in_the_index(
    owner: psycopg.Connection[tuple[object, ...]],
) -> None:
    _, others = _load_titled_tenant(owner, 200)  # another organisation's engineers
    tenant_id, titled = _load_titled_tenant(owner, BIG_TENANT)

    found, statements = _search(owner, tenant_id, max_rows=5000, word="machine")

    assert "WHERE (s.tenant_id = $1) IS TRUE" in statements
    assert found == titled
    assert not set(found) & set(others)


def test_a_walk_longer_than_the_matches_the_index_finds_takes_the_index(
    owner: psycopg.Connection[tuple[object, ...]],
) -> None:
    """A window of 200 of 1 200 engineers among 12 000: a walk would read 2 000 rows, more
    than the 1 200 the index produces, each costing about the same (migration 0040)."""
    tenant_id, titled = _load_titled_tenant(owner, BIG_TENANT)

    found, statements = _search(owner, tenant_id, max_rows=200, word="machine")

    assert "ORDER BY s.candidate_id" not in statements
    assert len(found) == 200
    assert set(found) <= set(titled)


def test_the_function_compiles_none_of_its_statements(
    owner: psycopg.Connection[tuple[object, ...]],
) -> None:
    # JIT compilation cost 3-4 ms of a 20 ms search at a million candidates (migration 0042).
    available = owner.execute("SELECT pg_jit_available()").fetchone()
    if not available or not available[0]:
        pytest.skip("this PostgreSQL server was built without JIT")
    tenant_id, _ = _load_tenant(owner)
    owner.execute("SET LOCAL jit = on")
    owner.execute("SET LOCAL jit_above_cost = 0")
    owner.execute("SET LOCAL auto_explain.log_analyze = on")

    _, statements = _search(owner, tenant_id, max_rows=3)
    nested: list[str] = []
    owner.add_notice_handler(lambda notice: nested.append(notice.message_primary or ""))
    owner.execute("SELECT count(*) FROM candidate_search WHERE tenant_id = %s", (tenant_id,))
    owner.execute("SELECT 1")  # the plan's notice comes with the next statement's answer

    assert "FROM candidate_search s " in statements
    assert "JIT:" not in statements
    assert any("JIT:" in plan for plan in nested)  # what the same settings do elsewhere
