"""Search relevance on accents, typos in every word of a name, parts of e-mails and places."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from tests.identity.helpers import bearer, sign_up
from tests.search.test_search_api import _add, _me, _names, _search

# name, e-mail, headline, location
PEOPLE: list[tuple[str, str, str, str]] = [
    ("José Álvarez", "jalvarez@example.com", "Backend developer", "Madrid, Spain"),
    ("Joseph Alvarado", "joseph.alvarado@example.com", "Backend developer", "Austin, TX"),
    ("Jürgen Müller", "jm@example.com", "Data engineer", "München, Germany"),
    ("Zofia Nowak", "zofia@example.com", "Frontend developer", "Kraków, Poland"),
    ("Piotr Kowalski", "piotr@example.com", "QA engineer", "Krakow"),
    ("Anna Lis", "anna@example.com", "QA engineer", "Warsaw, Poland"),
    ("John Smith", "jsmith@example.com", "Support engineer", "Leeds, UK"),
    ("Joan Smyth", "joan@example.com", "Support engineer", "Leeds, UK"),
    ("Thomas Berg", "tommy.viking88@example.com", "Sales engineer", "Oslo, Norway"),
    ("Tom Viking", "tom@example.com", "Sales engineer", "Oslo, Norway"),
    ("François Lefèvre", "f.lefevre@example.com", "Product manager", "Montréal, Canada"),
]


@pytest.fixture
async def people(client: httpx.AsyncClient, db_session: AsyncSession) -> dict[str, str]:
    headers = bearer((await sign_up(client, "relevance"))["access_token"])
    tenant_id = await _me(client, headers)
    for name, email, headline, location in PEOPLE:
        await _add(db_session, tenant_id, name, email, headline, [], None, location=location)
    await db_session.flush()
    return headers


# --- accents ---------------------------------------------------------------------------------


async def test_a_name_typed_without_accents_ranks_the_accented_person_first(
    client: httpx.AsyncClient, people: dict[str, str]
) -> None:
    names = _names(await _search(client, people, q="Jose Alvarez"))
    assert names[0] == "José Álvarez"
    # The look-alike may follow, never lead.
    assert names.index("José Álvarez") < names.index("Joseph Alvarado")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Muller", "Jürgen Müller"),
        ("muller jurgen", "Jürgen Müller"),
        ("Francois Lefevre", "François Lefèvre"),
        ("lefèvre", "François Lefèvre"),
        ("MÜLLER", "Jürgen Müller"),
    ],
)
async def test_accents_never_matter_in_words(
    client: httpx.AsyncClient, people: dict[str, str], query: str, expected: str
) -> None:
    assert _names(await _search(client, people, q=query))[0] == expected


async def test_a_prefix_without_accents_finds_the_accented_name(
    client: httpx.AsyncClient, people: dict[str, str]
) -> None:
    names = set(_names(await _search(client, people, q="alv*")))
    assert names == {"José Álvarez", "Joseph Alvarado"}
    assert set(_names(await _search(client, people, q="álv*"))) == names


async def test_the_location_filter_ignores_accents_both_ways(
    client: httpx.AsyncClient, people: dict[str, str]
) -> None:
    both = {"Zofia Nowak", "Piotr Kowalski"}
    assert set(_names(await _search(client, people, location="Krakow"))) == both
    assert set(_names(await _search(client, people, location="kraków"))) == both
    assert _names(await _search(client, people, location="Munchen")) == ["Jürgen Müller"]
    assert _names(await _search(client, people, location="montreal")) == ["François Lefèvre"]


# --- a typo in every word --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Jonh Smiht", "John Smith"),
        ("Smiht Jonh", "John Smith"),  # "SURNAME Given"
        ("Joes Alvarex", "José Álvarez"),
        ("Zofai Nowka", "Zofia Nowak"),
        ("Francios Lefevere", "François Lefèvre"),
    ],
)
async def test_a_name_with_a_typo_in_every_word_finds_the_person(
    client: httpx.AsyncClient, people: dict[str, str], query: str, expected: str
) -> None:
    assert _names(await _search(client, people, q=query))[0] == expected


async def test_words_are_paired_one_by_one_not_as_one_string(
    client: httpx.AsyncClient, people: dict[str, str]
) -> None:
    names = _names(await _search(client, people, q="Jonh Smiht"))
    # Joan Smyth shares a surname sound, but "Jonh" is two edits from "Joan", one swap from
    # "John": she is no match for both words.
    assert names == ["John Smith"]


async def test_an_unrelated_name_is_not_found_by_likeness(
    client: httpx.AsyncClient, people: dict[str, str]
) -> None:
    assert _names(await _search(client, people, q="Jonh Nowak")) == []


# --- part of an e-mail address ---------------------------------------------------------------


@pytest.mark.parametrize("query", ["tommy.viking88", "viking88", "tommy viking88", "TOMMY"])
async def test_part_of_an_email_address_finds_the_person(
    client: httpx.AsyncClient, people: dict[str, str], query: str
) -> None:
    assert _names(await _search(client, people, q=query))[0] == "Thomas Berg"


@pytest.mark.parametrize("query", ["tommy.vikign88", "tomy.viking88@example.com"])
async def test_a_misspelt_part_of_an_email_address_finds_the_person(
    client: httpx.AsyncClient, people: dict[str, str], query: str
) -> None:
    assert _names(await _search(client, people, q=query))[0] == "Thomas Berg"


async def test_a_misspelt_address_does_not_bring_people_who_share_only_a_first_name(
    client: httpx.AsyncClient, db_session: AsyncSession
) -> None:
    # `tommy.lund88` shares a third of the trigrams of `tommy.vikign88` (the first name and
    # the digits): pg_trgm's default threshold took it for the same address.
    headers = bearer((await sign_up(client, "relevance-mail"))["access_token"])
    tenant_id = await _me(client, headers)
    for name, email in [("Thomas Berg", "tommy.viking88@example.com"),
                        ("Tommy Lund", "tommy.lund88@example.com")]:  # fmt: skip
        await _add(db_session, tenant_id, name, email, "Sales engineer", [], None)
    await db_session.flush()
    assert _names(await _search(client, headers, q="tommy.vikign88")) == ["Thomas Berg"]
    assert _names(await _search(client, headers, q="tommy.lund88")) == ["Tommy Lund"]


async def test_the_letters_of_an_email_piece_find_it_without_the_digits(
    client: httpx.AsyncClient, people: dict[str, str]
) -> None:
    names = set(_names(await _search(client, people, q="viking")))
    assert names == {"Thomas Berg", "Tom Viking"}


async def test_the_whole_address_still_finds_the_person(
    client: httpx.AsyncClient, people: dict[str, str]
) -> None:
    page: dict[str, Any] = await _search(client, people, q="tommy.viking88@example.com")
    assert _names(page)[0] == "Thomas Berg"
