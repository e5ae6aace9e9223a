"""Synthetic candidates for the search benchmark, loaded fast with COPY.

    .venv/bin/python bench/search_data.py --candidates 100000 [--other-tenants 10]

Creates (or replaces) the database `hireline_bench_search_<N>` on DATABASE_URL's server (an
embedded PostgreSQL under /tmp/hireline-bench-pg without it), migrates it and loads one big
tenant with N candidates, 1-2 applications each across 200 jobs of 5 stages, plus
`--other-tenants` tenants of N/20 candidates each. Résumé text goes straight into
`candidates.resume_text` (what the trigger on `resumes` maintains), so COPY computes the
generated search document as the application would get it, and the trigger of migration 0011
copies it into `candidate_search`. Deterministic (seeded).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import LiteralString, cast

import psycopg
from psycopg import sql

from hireline.core import embedded_postgres, migrations
from hireline.core.database_url import libpq_url, with_database
from hireline.resumes.taxonomy import load_taxonomy

SEED = 7


def _words(text: str, separator: str | None = None) -> list[str]:
    return text.split(separator)


JOBS_PER_TENANT = 200
STAGES = ("Applied", "Screen", "Interview", "Offer", "Hired")
FIRST_NAMES = _words(
    "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara "
    "Richard Susan Joseph Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy "
    "Matthew Betty Anthony Margaret Mark Sandra Donald Ashley Steven Kimberly Paul Emily Andrew "
    "Donna Joshua Michelle Kenneth Carol Kevin Amanda Brian Dorothy George Melissa Timothy "
    "Deborah Ronald Stephanie Edward Rebecca Jason Sharon Jeffrey Laura Ryan Cynthia Jacob "
    "Kathleen Gary Amy Nicholas Angela Eric Shirley Jonathan Anna Stephen Brenda Larry Pamela "
    "Justin Emma Scott Nicole Brandon Helen Benjamin Samantha Samuel Katherine Gregory Christine "
    "Alexander Debra Frank Rachel Patrick Carolyn Raymond Janet Jack Catherine Dennis Maria "
    "Jerry Heather Tyler Diane Aaron Ruth Jose Julie Adam Olivia Nathan Joyce Henry Virginia "
    "Priya Arjun Wei Mei Hiroshi Yuki Olga Dmitri Fatima Omar Aisha Mohammed Lucia Mateo Sofia "
    "Ingrid Lars Chidi Ngozi Kwame Amara Siobhan Declan Zofia Piotr Anders Freya Rahul Ananya"
)
LAST_NAMES = _words(
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez "
    "Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris "
    "Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill "
    "Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips "
    "Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook "
    "Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward "
    "Richardson Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez "
    "Castillo Sanders Patel Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan "
    "Bell Coleman Butler Henderson Barnes Gonzales Fisher Vasquez Simmons Romero Jordan Patterson "
    "Alexander Hamilton Graham Reynolds Griffin Wallace Moreno West Cole Hayes Bryant Herrera "
    "Gibson Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall Owens Harrison "
    "Fernandez Mcdonald Woods Washington Kennedy Wells Vargas Henry Chen Freeman Webb Tucker "
    "Guzman Burns Crawford Olson Simpson Porter Hunter Gordon Mendez Silva Shaw Snyder Mason "
    "Dixon Munoz Hunt Hicks Holmes Palmer Wagner Black Robertson Boyd Rose Stone Salazar Fox "
    "Warren Mills Meyer Rice Schmidt Garza Daniels Ferguson Nichols Stephens Soto Weaver Ryan "
    "Gardner Payne Grant Dunn Kowalski Nowak Lindqvist Johansson Okafor Mensah Tanaka Sato "
    "Yamamoto Kumar Sharma Gupta Singh Zhang Wang Liu Ivanova Petrov Novak Horvat Rossi Bianchi"
)
TITLES = _words(
    "Software Engineer|Backend Developer|Frontend Developer|Data Scientist|Data Engineer|"
    "DevOps Engineer|Site Reliability Engineer|Product Manager|Engineering Manager|"
    "QA Engineer|Mobile Developer|Machine Learning Engineer|Security Engineer|UX Designer|"
    "Solutions Architect|Database Administrator|Technical Writer|Support Engineer|"
    "Sales Engineer|Full Stack Developer|Cloud Architect|Embedded Engineer|Game Developer",
    "|",
)
LEVELS = ("Junior", "", "", "Senior", "Senior", "Staff", "Principal", "Lead")
CITIES = _words(
    "London, UK|Berlin, DE|Paris, FR|Amsterdam, NL|Madrid, ES|Lisbon, PT|Dublin, IE|Warsaw, PL|"
    "Stockholm, SE|Oslo, NO|Copenhagen, DK|Helsinki, FI|Zurich, CH|Vienna, AT|Prague, CZ|"
    "New York, NY|San Francisco, CA|Austin, TX|Seattle, WA|Boston, MA|Chicago, IL|Denver, CO|"
    "Atlanta, GA|Toronto, ON|Vancouver, BC|Montreal, QC|Mexico City, MX|Sao Paulo, BR|"
    "Buenos Aires, AR|Bangalore, IN|Mumbai, IN|Singapore, SG|Tokyo, JP|Sydney, AU|Lagos, NG|"
    "Nairobi, KE|Cape Town, ZA|Remote",
    "|",
)
RESUME_WORDS = _words(
    "led built designed implemented migrated scaled owned shipped mentored improved reduced "
    "increased automated launched maintained refactored delivered architected optimised "
    "team platform service services system systems pipeline pipelines infrastructure customers "
    "product products api apis latency throughput reliability availability performance cost "
    "costs revenue growth data analytics dashboard dashboards reporting payments billing search "
    "recommendations checkout onboarding authentication authorization security compliance "
    "monitoring alerting observability testing deployment deployments release releases cloud "
    "migration microservices monolith database databases queries caching queue queues events "
    "streaming batch realtime mobile web frontend backend fullstack design review reviews code "
    "quality documentation hiring interviews roadmap stakeholders agile scrum kanban sprint "
    "incident incidents oncall postmortem uptime users million thousands requests second "
    "percent engineers cross functional startup enterprise fintech healthcare retail logistics "
    "ecommerce marketplace saas gaming media telecom energy insurance banking education "
    "university degree computer science mathematics physics bachelor master phd certified "
    "award speaker conference open source contributor maintainer volunteer"
)
SYLLABLES = _words("ka lo mi ra su te no vi pa de zu ri mo ke lu ba si na fo gi")


def _pseudo_words(rng: random.Random, count: int) -> list[str]:
    """A long tail of made-up words (project names, jargon) for a realistic vocabulary size."""
    return ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(count)]


class Corpus:
    """Deterministic generators of the fields of synthetic candidates."""

    def __init__(self, seed: int = SEED) -> None:
        self.rng = random.Random(seed)
        common = ["Python", "JavaScript", "SQL", "Java", "Git", "Kubernetes", "Go", "Rust"]
        rest = [skill for skill in load_taxonomy().skills if skill not in common]
        self.rng.shuffle(rest)
        # Zipf-like: a few skills (Python, SQL, ...) are very common, most are rare.
        self.skills = common + rest[:392]
        self.skill_weights = [1 / (rank + 1) ** 0.9 for rank in range(len(self.skills))]
        words = RESUME_WORDS + _pseudo_words(self.rng, 4000)
        self.words = words
        self.word_weights = [1 / (rank + 1) ** 1.05 for rank in range(len(words))]
        self.serial = 0

    def candidate(self) -> tuple[str, str, str, list[str], float, str, list[str], str, str]:
        rng = self.rng
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        name = f"{first} {last}"
        # A serial number keeps addresses unique (the tenant's e-mails are) at any size.
        self.serial += 1
        email = f"{first.lower()}.{last.lower()}{self.serial}@example.com"
        title = TITLES[rng.randrange(len(TITLES))]
        headline = f"{rng.choice(LEVELS)} {title}".strip()
        skills = list(
            dict.fromkeys(rng.choices(self.skills, self.skill_weights, k=rng.randint(3, 12)))
        )
        years = round(rng.uniform(0, 30), 1)
        location = rng.choice(CITIES)
        tags = ["priority"] if rng.random() < 0.05 else []
        source = rng.choice(("careers_page", "careers_page", "referral", "linkedin", "agency"))
        body = rng.choices(self.words, self.word_weights, k=rng.randint(60, 160))
        body[rng.randrange(len(body))] = title.lower()
        for skill in skills[:3]:
            body.insert(rng.randrange(len(body)), skill)
        return name, email, headline, skills, years, location, tags, source, " ".join(body)


def _uuid7(at: datetime, rng: random.Random) -> uuid.UUID:
    """A UUIDv7 for a past instant (the app's ids grow with creation time)."""
    ms = int(at.timestamp() * 1000)
    rand = rng.getrandbits(74)
    value = (ms << 80) | (0x7 << 76) | ((rand >> 62) << 64) | (0b10 << 62) | (rand & (2**62 - 1))
    return uuid.UUID(int=value)


def load_tenant(
    connection: psycopg.Connection, corpus: Corpus, slug: str, candidates: int
) -> uuid.UUID:
    """One tenant with its jobs, stages, candidates and applications."""
    rng = corpus.rng
    tenant_id = uuid.uuid4()
    connection.execute(
        "INSERT INTO tenants (id, name, slug) VALUES (%s, %s, %s)", (tenant_id, slug.title(), slug)
    )
    jobs: list[tuple[uuid.UUID, list[uuid.UUID]]] = []
    with connection.cursor() as cursor:
        for index in range(JOBS_PER_TENANT):
            job_id = uuid.uuid4()
            cursor.execute(
                "INSERT INTO jobs (tenant_id, id, title, locations, employment_type, description,"
                " required_skills, preferred_skills, status)"
                " VALUES (%s, %s, %s, %s, 'full_time', 'Synthetic.', %s, %s, 'open')",
                (
                    tenant_id,
                    job_id,
                    f"{TITLES[index % len(TITLES)]} #{index}",
                    json.dumps([{"mode": "remote"}]),
                    corpus.skills[:3],
                    corpus.skills[3:5],
                ),
            )
            stage_ids = [uuid.uuid4() for _ in STAGES]
            cursor.executemany(
                "INSERT INTO pipeline_stages (tenant_id, id, job_id, name, position)"
                " VALUES (%s, %s, %s, %s, %s)",
                [
                    (tenant_id, stage_id, job_id, name, position)
                    for position, (stage_id, name) in enumerate(zip(stage_ids, STAGES, strict=True))
                ],
            )
            jobs.append((job_id, stage_ids))

    start = datetime(2024, 1, 1, tzinfo=UTC)
    span = (datetime(2026, 11, 1, tzinfo=UTC) - start).total_seconds()
    # Sorted creation times: ids grow along the table, as they do in production.
    moments = sorted(start + timedelta(seconds=rng.random() * span) for _ in range(candidates))
    applications: list[tuple[object, ...]] = []
    with connection.cursor().copy(
        "COPY candidates (tenant_id, id, email, email_normalized, name, headline, skills,"
        " years_experience, location, tags, source, resume_text, created_at, updated_at)"
        " FROM STDIN"
    ) as copy:
        for moment in moments:
            name, email, headline, skills, years, location, tags, source, body = corpus.candidate()
            candidate_id = _uuid7(moment, rng)
            copy.write_row(
                (tenant_id, candidate_id, email, email, name, headline, skills, years, location,
                 tags, source, body, moment, moment)
            )  # fmt: skip
            for job_id, stage_ids in rng.sample(jobs, rng.choice((1, 1, 2))):
                stage = rng.choices(stage_ids, (50, 25, 15, 7, 3))[0]
                applications.append(
                    (tenant_id, _uuid7(moment, rng), job_id, candidate_id, stage, moment)
                )
    with connection.cursor().copy(
        "COPY applications (tenant_id, id, job_id, candidate_id, stage_id, applied_at,"
        " consent_at, consent_text, status) FROM STDIN"
    ) as copy:
        for tenant, app_id, job_id, candidate_id, stage, moment in applications:
            status = "active" if rng.random() < 0.7 else "rejected"
            copy.write_row(
                (tenant, app_id, job_id, candidate_id, stage, moment, moment, "yes", status)
            )
    return tenant_id


def database_name(candidates: int) -> str:
    return f"hireline_bench_search_{candidates}"


def server_url() -> str:
    """DATABASE_URL, or an embedded PostgreSQL kept under /tmp/hireline-bench-pg."""
    configured = os.environ.get("DATABASE_URL")
    if configured:
        return configured
    return embedded_postgres.start(Path("/tmp/hireline-bench-pg")).url


# The tables COPY fills; their secondary indexes are built once after the load, which is
# several times faster than keeping GIN and trigram indexes up to date row by row.
LOADED_TABLES = ("candidates", "candidate_search", "applications")
SECONDARY_INDEXES = """
SELECT i.indexname, i.indexdef FROM pg_indexes i
JOIN pg_class c ON c.relname = i.indexname AND c.relnamespace = current_schema()::regnamespace
WHERE i.schemaname = current_schema() AND i.tablename = ANY(%s)
  AND NOT EXISTS (SELECT FROM pg_constraint k WHERE k.conindid = c.oid)
"""


def _drop_secondary_indexes(connection: psycopg.Connection) -> list[str]:
    """Drop the loaded tables' indexes that back no constraint; their definitions."""
    indexes = connection.execute(SECONDARY_INDEXES, (list(LOADED_TABLES),)).fetchall()
    for name, _ in indexes:
        connection.execute(sql.SQL("DROP INDEX {}").format(sql.Identifier(name)))
    return [definition for _, definition in indexes]


def build(server: str, candidates: int, other_tenants: int) -> str:
    """Create, migrate and fill the benchmark database; its URL."""
    name = database_name(candidates)
    admin = libpq_url(server)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = with_database(server, name)
    migrations.upgrade(url)
    corpus = Corpus()
    started = time.perf_counter()
    with psycopg.connect(libpq_url(url)) as connection:
        definitions = _drop_secondary_indexes(connection)
        connection.commit()
        # One transaction per tenant: a transaction open for the whole load would hold back
        # the commit-order horizon of every database on the server (the change feed's).
        big = load_tenant(connection, corpus, "bigco", candidates)
        connection.commit()
        print(f"bigco: {candidates} candidates in {time.perf_counter() - started:.0f} s")
        for index in range(other_tenants):
            load_tenant(connection, corpus, f"other{index}", max(candidates // 20, 100))
            connection.commit()
    print(f"all tenants loaded in {time.perf_counter() - started:.0f} s (big tenant {big})")
    with psycopg.connect(libpq_url(url), autocommit=True) as connection:
        connection.execute("SET maintenance_work_mem = '1GB'")
        for definition in definitions:
            # The server's own text from pg_indexes, not user input.
            connection.execute(cast(LiteralString, definition))
        print(f"{len(definitions)} indexes built in {time.perf_counter() - started:.0f} s")
        connection.execute("VACUUM (ANALYZE) candidates")
        connection.execute("VACUUM (ANALYZE) applications")
        connection.execute("VACUUM (ANALYZE) candidate_search")
        connection.execute("ANALYZE")
        sizes = connection.execute(
            "SELECT pg_size_pretty(pg_total_relation_size('candidates')),"
            " pg_size_pretty(pg_total_relation_size('candidate_search'))"
        ).fetchone()
    print(
        f"loaded and vacuumed in {time.perf_counter() - started:.0f} s; "
        f"candidates, candidate_search: {sizes}"
    )
    return url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--candidates", type=int, default=100_000)
    parser.add_argument("--other-tenants", type=int, default=10)
    parser.add_argument("--quick", action="store_true", help="small sizes (`make bench`)")
    if "--quick" in sys.argv[1:]:
        parser.set_defaults(candidates=2000, other_tenants=1)
    args = parser.parse_args()
    build(server_url(), args.candidates, args.other_tenants)


if __name__ == "__main__":
    main()
