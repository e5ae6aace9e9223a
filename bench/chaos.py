"""Chaos at intake: applications under SIGKILL, then a check that none was lost or doubled.

    .venv/bin/python bench/chaos.py [--applications 2000] [--clients 32] [--kill-every 3]

Runs what an integrator runs: `hireline serve --workers 2` and `hireline worker
--concurrency 4` on PostgreSQL (DATABASE_URL, else an embedded one) and Redis (REDIS_URL
when set), a local webhook receiver subscribed to `application.created`, and a local SMTP
server. `--clients` concurrent clients send the applications, each with its own
`Idempotency-Key`; every try is a fresh multipart request (a new boundary, as real clients
make), up to `--attempts` tries with the same key. Meanwhile an API process or the worker,
picked at random among those serving for `--min-age` seconds, is killed with SIGKILL about every
`--kill-every` seconds; the API
supervisor replaces its processes, and this script restarts the worker as a process manager
would.

When the clients are done the kills stop and the queue is drained; then it prints the
figures and checks: every application stored exactly once, every client holding its id (a
2xx or a replay), none lost, none doubled, every résumé parsed, every webhook delivered at
least once and never under two ids, one confirmation e-mail each (copies of one message,
same Message-ID, are counted apart). Exits 1 if a check fails. Runs in a database of its
own, dropped at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import orjson
import psycopg
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session
from psycopg import sql

from hireline.core import embedded_postgres, migrations
from hireline.core.database_url import libpq_url, with_database
from hireline.supervisor import api_process_ids

sys.path.insert(0, str(Path(__file__).resolve().parent))
from board import BIN, JOB, free_port, resume_pdf, wait_ready

SLUG = "chaos"
# Only an error worth a retry is retried: what a careful client does.
RETRYABLE = {409, 429, 500, 502, 503, 504}
SERVING = re.compile(rb"Started server process \[(\d+)\]")
# The processes log JSON (their stderr is a pipe).
COMPLAINT = re.compile(rb'"level": ?"(warning|error|critical)"')


@dataclass
class Applicant:
    """One client's application and what became of it."""

    number: int
    key: str = field(default_factory=lambda: uuid.uuid4().hex)
    application_id: str | None = None
    replayed: bool = False
    tries: int = 0
    answers: list[str] = field(default_factory=list)

    @property
    def email(self) -> str:
        return f"applicant{self.number}@chaos.example"


class WebhookSink:
    """Receives webhooks on loopback; keeps (webhook-id, application id) of each."""

    def __init__(self) -> None:
        self.received: list[tuple[str, str]] = []
        sink = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", "0")))
                data = orjson.loads(body).get("data", {})
                sink.received.append(
                    (self.headers.get("webhook-id", ""), str(data.get("application_id")))
                )
                self.send_response(200)
                self.send_header("content-length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()


class MailSink:
    """An SMTP server on loopback; keeps (recipient, Message-ID) of each message."""

    def __init__(self) -> None:
        self.received: list[tuple[str, str]] = []
        self.port = free_port()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    async def handle_DATA(  # noqa: N802 (the name aiosmtpd calls)
        self, server: SMTP, session: Session, envelope: Envelope
    ) -> str:
        content = envelope.original_content or b""
        message_id = str(message_from_bytes(content).get("Message-ID", ""))
        for recipient in envelope.rcpt_tos:
            self.received.append((recipient.lower(), message_id))
        return "250 OK"

    def close(self) -> None:
        self.controller.stop()


class Processes:
    """The API supervisor and the worker; kills one of them at random on request.

    A process counts as up from the line it logs once it serves (an API process) or works
    the queue (the worker); each process's logs are read for it.
    """

    def __init__(self, env: dict[str, str], port: int, concurrency: int) -> None:
        self.env = env | {"HIRELINE_LOG_LEVEL": "INFO"}
        self.worker_command = [str(BIN / "hireline"), "worker", "--concurrency", str(concurrency)]
        self.kills: Counter[str] = Counter()
        self.up_since: dict[int, float] = {}
        # Warnings and errors of every process, printed when a check fails.
        self.complaints: list[str] = []
        self.api = self._start(
            [
                str(BIN / "hireline"),
                "serve",
                "--workers",
                "2",
                "--no-demo",
                "--no-migrate",
                "--port",
                str(port),
            ]
        )
        self.worker = self._start(self.worker_command)

    def _start(self, command: list[str]) -> subprocess.Popen[bytes]:
        process = subprocess.Popen(
            command, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        threading.Thread(target=self._read_log, args=(process,), daemon=True).start()
        return process

    def _read_log(self, process: subprocess.Popen[bytes]) -> None:
        assert process.stderr is not None
        for line in process.stderr:
            if b"worker_starting" in line:
                self.up_since[process.pid] = time.monotonic()
            elif serving := SERVING.search(line):
                self.up_since[int(serving[1])] = time.monotonic()
            elif COMPLAINT.search(line):
                self.complaints.append(f"[{process.pid}] {line.decode(errors='replace').rstrip()}")

    def kill_one(self, rng: random.Random, min_age: float) -> None:
        """SIGKILL one process that has been up for `min_age` seconds (one still starting
        would die before it took any work: nothing to learn from that)."""
        running = [("api", pid) for pid in api_process_ids(self.api.pid)]
        if self.worker.poll() is None:
            running.append(("worker", self.worker.pid))
        now = time.monotonic()
        victims = [
            (kind, pid)
            for kind, pid in running
            if pid in self.up_since and now - self.up_since[pid] >= min_age
        ]
        if not victims:
            return
        kind, pid = rng.choice(victims)
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            return
        self.kills[kind] += 1

    def keep_worker_running(self) -> None:
        """Restart a dead worker, as systemd or Kubernetes would."""
        if self.worker.poll() is not None:
            self.worker = self._start(self.worker_command)

    def stop(self) -> None:
        for process in (self.api, self.worker):
            if process.poll() is None:
                process.send_signal(signal.SIGINT)
        for process in (self.api, self.worker):
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()


async def apply(
    client: httpx.AsyncClient, job_id: str, applicant: Applicant, resume: bytes, attempts: int
) -> None:
    """Try up to `attempts` times with the same key, each time a new multipart body."""
    for attempt in range(attempts):
        applicant.tries += 1
        try:
            response = await client.post(
                f"/v1/boards/{SLUG}/jobs/{job_id}/applications",
                data={
                    "name": f"Applicant {applicant.number}",
                    "email": applicant.email,
                    "consent": "true",
                },
                files={"resume": ("cv.pdf", resume, "application/pdf")},
                headers={"Idempotency-Key": applicant.key},
            )
        except httpx.TransportError as exc:
            applicant.answers.append(type(exc).__name__)
        else:
            applicant.answers.append(str(response.status_code))
            if response.is_success:
                applicant.application_id = response.json()["id"]
                applicant.replayed = response.headers.get("idempotent-replayed") == "true"
                return
            if response.status_code not in RETRYABLE:
                return
        # Exponential back-off with jitter: 0.5, 1, 2, 4 s on average.
        await asyncio.sleep(0.5 * 2**attempt * random.uniform(0.5, 1.5))


async def intake(
    base: str,
    job_id: str,
    applicants: list[Applicant],
    *,
    clients: int,
    attempts: int,
    processes: Processes,
    kill_every: float,
    min_age: float,
    seed: int,
) -> float:
    """Send every application while killing processes; the seconds it took."""
    resume = resume_pdf()
    pending: asyncio.Queue[Applicant] = asyncio.Queue()
    for applicant in applicants:
        pending.put_nowait(applicant)
    done = asyncio.Event()
    rng = random.Random(seed)

    async def chaos() -> None:
        while not done.is_set():
            await asyncio.sleep(kill_every * rng.uniform(0.5, 1.5))
            if not done.is_set():
                processes.kill_one(rng, min_age)

    async def supervise_worker() -> None:
        while not done.is_set():
            processes.keep_worker_running()
            await asyncio.sleep(0.2)

    async def progress() -> None:
        while not done.is_set():
            await asyncio.sleep(10)
            answered = sum(a.application_id is not None for a in applicants)
            print(
                f"  {time.perf_counter() - started:5.0f} s: {answered} answered, "
                f"kills {dict(processes.kills)}",
                flush=True,
            )

    async def client_loop(client: httpx.AsyncClient) -> None:
        while not pending.empty():
            await apply(client, job_id, pending.get_nowait(), resume, attempts)

    started = time.perf_counter()
    background = [
        asyncio.create_task(chaos()),
        asyncio.create_task(supervise_worker()),
        asyncio.create_task(progress()),
    ]
    limits = httpx.Limits(max_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        await asyncio.gather(*(client_loop(client) for _ in range(clients)))
    elapsed = time.perf_counter() - started
    done.set()
    for task in background:
        task.cancel()
    await asyncio.gather(*background, return_exceptions=True)
    return elapsed


def _rows(url: str, query: str) -> list[tuple[Any, ...]]:
    with psycopg.connect(libpq_url(url)) as connection:
        return list(connection.execute(query).fetchall())


STORED = """
SELECT lower(c.email), a.id::text FROM applications a
  JOIN candidates c ON c.tenant_id = a.tenant_id AND c.id = a.candidate_id
"""
PARSED = """
SELECT count(*) FILTER (WHERE parse_status = 'parsed'), count(*) FROM resumes
"""
QUEUE_BUSY = """
SELECT count(*) FROM procrastinate_jobs WHERE status IN ('todo', 'doing')
"""
UNFINISHED = """
SELECT j.id, j.task_name, j.status, j.attempts, j.scheduled_at, j.args::text,
       (SELECT string_agg(e.type || ' ' || to_char(e.at, 'HH24:MI:SS.MS'), ', ' ORDER BY e.id)
          FROM procrastinate_events e WHERE e.job_id = j.id)
  FROM procrastinate_jobs j WHERE j.status <> 'succeeded' ORDER BY j.id
"""


@dataclass
class Drained:
    seconds: float
    complete: bool


def drain(
    url: str,
    processes: Processes,
    webhooks: WebhookSink,
    mail: MailSink,
    emails: set[str],
    deadline_s: float,
) -> Drained:
    """Wait until the queue is empty and every side effect has arrived (or the deadline)."""
    started = time.monotonic()
    while True:
        processes.keep_worker_running()
        busy = _rows(url, QUEUE_BUSY)[0][0]
        parsed, resumes = _rows(url, PARSED)[0]
        stored = {application_id for _, application_id in _rows(url, STORED)}
        hooked = {application_id for _, application_id in webhooks.received}
        mailed = {recipient for recipient, _ in mail.received if recipient in emails}
        complete = busy == 0 and parsed == resumes and stored <= hooked and mailed == emails
        elapsed = time.monotonic() - started
        if complete or elapsed > deadline_s:
            return Drained(elapsed, complete)
        time.sleep(0.5)


def report(
    applicants: list[Applicant],
    url: str,
    webhooks: WebhookSink,
    mail: MailSink,
    processes: Processes,
    intake_s: float,
    drained: Drained,
) -> bool:
    """Print the figures and the checks; whether every check passed."""
    stored_rows = _rows(url, STORED)
    by_email: dict[str, list[str]] = defaultdict(list)
    for email, application_id in stored_rows:
        by_email[email].append(application_id)
    held = [a for a in applicants if a.application_id is not None]
    lost = [a for a in applicants if a.email not in by_email and a.application_id is None]
    unaware = [a for a in applicants if a.email in by_email and a.application_id is None]
    doubled = [email for email, ids in by_email.items() if len(ids) > 1]
    wrong_id = [a for a in held if by_email.get(a.email) != [a.application_id]]
    parsed, resumes = _rows(url, PARSED)[0]
    hook_ids: dict[str, set[str]] = defaultdict(set)
    for webhook_id, application_id in webhooks.received:
        hook_ids[application_id].add(webhook_id)
    stored_ids = {application_id for _, application_id in stored_rows}
    unhooked = stored_ids - hook_ids.keys()
    two_hook_ids = [i for i, ids in hook_ids.items() if len(ids) > 1]
    emails = {a.email for a in applicants}
    message_ids: dict[str, set[str]] = defaultdict(set)
    copies = 0
    for recipient, message_id in mail.received:
        if recipient in emails:
            copies += 1
            message_ids[recipient].add(message_id)
    unmailed = emails - message_ids.keys()
    mailed_twice = [e for e, ids in message_ids.items() if len(ids) > 1]
    answers = Counter(answer for a in applicants for answer in a.answers)

    print(
        f"intake: {len(applicants)} applications in {intake_s:.1f} s "
        f"({len(applicants) / intake_s:.1f}/s); kills: {processes.kills['api']} API processes, "
        f"{processes.kills['worker']} workers; drained in {drained.seconds:.1f} s after"
    )
    print(f"answers to all tries: {dict(sorted(answers.items()))}")
    print(
        f"tries per application: max {max(a.tries for a in applicants)}, "
        f"{sum(a.tries > 1 for a in applicants)} retried, "
        f"{sum(a.replayed for a in applicants)} ended with a replay"
    )
    print(
        f"webhooks: {len(webhooks.received)} requests for {len(hook_ids)} applications; "
        f"e-mails to applicants: {copies} sent, {sum(map(len, message_ids.values()))} distinct"
    )
    checks = [
        ("stored", len(stored_rows), len(applicants)),
        ("clients holding their id (2xx or replay)", len(held), len(applicants)),
        ("lost (never stored, never a 2xx)", len(lost), 0),
        ("stored but the client never learned it", len(unaware), 0),
        ("stored twice", len(doubled), 0),
        ("client's id is not the stored one", len(wrong_id), 0),
        ("résumés parsed", parsed, len(applicants)),
        ("résumés stored", resumes, len(applicants)),
        ("applications without a webhook", len(unhooked), 0),
        ("applications under two webhook-ids", len(two_hook_ids), 0),
        ("applicants without a confirmation e-mail", len(unmailed), 0),
        ("applicants with two different confirmations", len(mailed_twice), 0),
        ("queue drained", int(drained.complete), 1),
    ]
    width = max(len(name) for name, _, _ in checks)
    for name, value, expected in checks:
        verdict = "ok" if value == expected else f"FAIL (expected {expected})"
        print(f"  {name:<{width}}  {value:>6}  {verdict}")
    passed = all(value == expected for _, value, expected in checks)
    if not passed:
        explain_failure(url, processes)
    return passed


def explain_failure(url: str, processes: Processes) -> None:
    """What the next engineer needs to see why: the jobs that did not succeed, with their
    history, and what the processes complained of (a failure here is rare and timing-bound,
    so it must be diagnosable from one CI log)."""
    print("jobs that did not succeed (id, task, status, attempts, scheduled, args, events):")
    for row in _rows(url, UNFINISHED):
        print("  ", *row)
    print(f"warnings and errors logged ({len(processes.complaints)}; the last 60):")
    for line in processes.complaints[-60:]:
        print("  ", line)


@contextmanager
def scratch_database() -> Iterator[str]:
    """A migrated database of this run's own on DATABASE_URL's server (or an embedded one)."""
    server = os.environ.get("DATABASE_URL")
    embedded = None
    directory = Path(tempfile.mkdtemp())
    if not server:
        embedded = embedded_postgres.start(directory / "pg", delete_on_stop=True)
        server = embedded.url
    name = f"hireline_chaos_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(libpq_url(server), autocommit=True) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        url = with_database(server, name)
        migrations.upgrade(url)
        yield url
    finally:
        with psycopg.connect(libpq_url(server), autocommit=True) as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
        if embedded:
            embedded.stop()
        shutil.rmtree(directory, ignore_errors=True)


def arrange(base: str, webhook_url: str) -> str:
    """A tenant, an open job and a webhook endpoint; the job's id."""
    signup = httpx.post(
        f"{base}/v1/auth/signup",
        json={
            "organization_name": "Chaos",
            "slug": SLUG,
            "name": "C",
            "email": "owner@chaos.example",
            "password": "correct horse battery staple",
        },
        timeout=60,
    )
    signup.raise_for_status()
    headers = {"Authorization": f"Bearer {signup.json()['access_token']}"}
    job = httpx.post(f"{base}/v1/jobs", json=JOB, headers=headers, timeout=60)
    job.raise_for_status()
    job_id = str(job.json()["id"])
    httpx.post(f"{base}/v1/jobs/{job_id}/publish", headers=headers, timeout=60).raise_for_status()
    httpx.post(
        f"{base}/v1/webhooks/endpoints",
        json={"url": webhook_url, "event_types": ["application.created"]},
        headers=headers,
        timeout=60,
    ).raise_for_status()
    return job_id


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--applications", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--attempts", type=int, default=5, help="tries per application")
    parser.add_argument("--kill-every", type=float, default=3.0, help="seconds, on average")
    parser.add_argument(
        "--min-age", type=float, default=5.0, help="seconds a process is up before it may die"
    )
    parser.add_argument("--concurrency", type=int, default=4, help="the worker's")
    parser.add_argument("--drain-seconds", type=float, default=900)
    parser.add_argument("--seed", type=int, default=20)
    parser.add_argument("--quick", action="store_true", help="small sizes (`make bench`)")
    if "--quick" in sys.argv[1:]:
        parser.set_defaults(applications=30, clients=4, kill_every=4.0, drain_seconds=120)
    args = parser.parse_args()

    webhooks, mail = WebhookSink(), MailSink()
    data_dir = Path(tempfile.mkdtemp())
    passed = False
    with scratch_database() as url:
        port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("HIRELINE_")} | {
            "DATABASE_URL": url,
            "HIRELINE_DATA_DIR": str(data_dir),
            "HIRELINE_LOG_LEVEL": "WARNING",
            "HIRELINE_RATE_LIMIT_ANONYMOUS_PER_MINUTE": "10000000",
            "HIRELINE_SMTP_URL": f"smtp://127.0.0.1:{mail.port}",
            # The receiver is on loopback, which only this setting lets webhooks reach.
            "HIRELINE_WEBHOOK_ALLOW_PRIVATE_ADDRESSES": "true",
            # A killed worker's jobs run again after this long without its heartbeat.
            "HIRELINE_STALLED_JOB_SECONDS": "10",
        }
        processes = Processes(env, port, args.concurrency)
        try:
            base = f"http://127.0.0.1:{port}"
            wait_ready(f"{base}/readyz", deadline_s=600)
            job_id = arrange(base, webhooks.url)
            applicants = [Applicant(number) for number in range(args.applications)]
            print(
                f"{args.applications} applications, {args.clients} clients, up to "
                f"{args.attempts} tries each; a SIGKILL every ~{args.kill_every:g} s "
                f"(of a process up for {args.min_age:g} s or more); "
                f"serve --workers 2, worker --concurrency {args.concurrency}, "
                f"Redis: {'yes' if os.environ.get('REDIS_URL') else 'no'}"
            )
            intake_s = asyncio.run(
                intake(
                    base,
                    job_id,
                    applicants,
                    clients=args.clients,
                    attempts=args.attempts,
                    processes=processes,
                    kill_every=args.kill_every,
                    min_age=args.min_age,
                    seed=args.seed,
                )
            )
            emails = {a.email for a in applicants}
            drained = drain(url, processes, webhooks, mail, emails, args.drain_seconds)
            passed = report(applicants, url, webhooks, mail, processes, intake_s, drained)
        finally:
            processes.stop()
            webhooks.close()
            mail.close()
            shutil.rmtree(data_dir, ignore_errors=True)
    print("all checks passed" if passed else "SOME CHECKS FAILED")
    raise SystemExit(0 if passed else 1)


if __name__ == "__main__":
    main()
