"""The task queue: procrastinate on the application's own PostgreSQL.

A job is deferred on the connection of the unit of work that asks for it, inside its
transaction, so the job exists if and only if that transaction commits.

Domains add tasks in their `tasks.py` (a worker imports every `hireline.<domain>.tasks`)::

    @queue.task(name="resumes.parse", pass_context=True, retry=DEFAULT_RETRY)
    async def parse(context: JobContext, tenant_id: str, resume_id: str) -> None:
        async with job_unit_of_work(context, tenant_id=uuid.UUID(tenant_id)) as session:
            ...

and ask for them with `await defer(session, parse, tenant_id=..., resume_id=...)`.
Arguments are stored as JSON: pass ids as strings. Name tasks explicitly, so that jobs
already in the queue survive a module being moved.

Workers heart-beat; a job whose worker stopped heart-beating (killed, machine lost) is run
again by another worker. A worker never takes itself for stalled: a job that holds its
event loop past the threshold (a long synchronous step, a paused machine) is not run a
second time by its own worker, and a worker whose registration another worker removed
meanwhile registers again instead of failing its next fetch.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import importlib
import importlib.util
import pkgutil
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypedDict

import structlog
from procrastinate import App, JobContext, PsycopgConnector, RetryStrategy
from procrastinate.exceptions import ProcrastinateException
from procrastinate.jobs import Job, Status
from procrastinate.tasks import Task
from procrastinate.types import TimeDeltaParams
from procrastinate.worker import Worker
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from hireline.core import background, heap, tracing
from hireline.core.db import unit_of_work
from hireline.core.storage import FileStorage, storage_for
from hireline.core.tenancy import enter_tenant
from hireline.settings import Settings

logger = structlog.get_logger(__name__)

# Unopened: the API defers on its sessions' connections; a worker opens its own connector.
queue = App(connector=PsycopgConnector())

# Seven retries, after 5 s, 25 s, 2 min, 10 min, 52 min, 4.3 h and 21.7 h: a receiver (a
# webhook endpoint, a mail server) that is down for most of a day still gets the job.
DEFAULT_RETRY = RetryStrategy(max_attempts=7, exponential_wait=5)

# A job that kills its worker (out of memory, say) would otherwise be run forever.
STALLED_RUNS_WITHOUT_RETRY_STRATEGY = 3

# Modules of core that define tasks; domains' `tasks` modules are found by name.
CORE_TASK_MODULES = ("hireline.core.events",)
DOMAIN_TASK_MODULE = "tasks"

_STATE = "hireline"
_TENANT = "hireline_job_tenant"
_BEFORE_COMMIT = "hireline_job_before_commit"


@dataclass(frozen=True)
class WorkerState:
    """What a worker process lends its jobs: its database sessions and its settings, and
    the database URL as the schema owner for maintenance (VACUUM), which the app role may
    not run."""

    sessions: async_sessionmaker[AsyncSession]
    settings: Settings
    owner_url: str | None = None

    @functools.cached_property
    def storage(self) -> FileStorage:
        """Where uploaded files are, as the API sees them."""
        settings = self.settings
        return storage_for(settings.storage_url, settings.s3_endpoint_url, settings.data_dir)


class DeferOptions(TypedDict, total=False):
    """How one job is queued, beyond its task's defaults (see procrastinate's `configure`)."""

    lock: str  # jobs sharing a lock run one at a time, in order
    queueing_lock: str  # at most one job with this lock waits in the queue
    schedule_in: TimeDeltaParams
    queue: str
    priority: int


async def defer(
    session: AsyncSession,
    task: Task[Any, Any, Any],
    /,
    *,
    options: DeferOptions | None = None,
    **arguments: Any,
) -> int:
    """Enqueue `task` in the session's transaction; the job exists only if it commits."""
    options = options or {}
    if "queueing_lock" not in options:
        return await _defer_on(session, task, options, arguments)
    # A job already waiting with that lock makes the INSERT fail (AlreadyEnqueued); the
    # savepoint keeps the caller's transaction usable when it catches that.
    async with session.begin_nested():
        return await _defer_on(session, task, options, arguments)


async def _defer_on(
    session: AsyncSession,
    task: Task[Any, Any, Any],
    options: DeferOptions,
    arguments: dict[str, Any],
) -> int:
    connection = await session.connection()
    raw = (await connection.get_raw_connection()).driver_connection
    arguments = tracing.job_arguments(task.func, arguments)
    job_id: int = await task.configure(connection=raw, **options).defer_async(**arguments)
    return job_id


def worker_state(context: JobContext) -> WorkerState:
    """The state of the worker running a job (for tasks declared with `pass_context=True`)."""
    state = context.additional_context.get(_STATE)
    if not isinstance(state, WorkerState):
        raise RuntimeError("job run outside a Hireline worker (see hireline.core.queue)")
    return state


@contextlib.asynccontextmanager
async def job_unit_of_work(
    context: JobContext, *, tenant_id: uuid.UUID | None = None
) -> AsyncIterator[AsyncSession]:
    """A job's transaction, scoped to `tenant_id` when given; jobs it defers share its fate."""
    state = worker_state(context)
    async with unit_of_work(state.sessions) as session:
        session.info[_STATE] = state
        session.info[_TENANT] = tenant_id
        if tenant_id is not None:
            await enter_tenant(session, tenant_id)
        yield session
        # Work the job asked to finish in its own transaction (an event's handlers, see
        # `events.record`); that work may ask for more.
        while actions := session.info.pop(_BEFORE_COMMIT, None):
            for action in actions:
                await action()


def before_job_commit(
    session: AsyncSession, tenant_id: uuid.UUID | None, action: Callable[[], Awaitable[None]]
) -> bool:
    """Run `action` at the end of the worker job whose unit of work `session` is, before it
    commits, if that job is scoped to `tenant_id`; False (and nothing done) otherwise: the
    session of a request, or of a job of another tenant."""
    state = session.info.get(_STATE)
    if not isinstance(state, WorkerState) or session.info.get(_TENANT, False) != tenant_id:
        return False
    session.info.setdefault(_BEFORE_COMMIT, []).append(action)
    return True


def job_settings(session: AsyncSession) -> Settings | None:
    """The settings of the worker whose job `session` is the unit of work of, for code that
    gets only the session (event handlers); None for any other session."""
    state = job_state(session)
    return state.settings if state is not None else None


def job_state(session: AsyncSession) -> WorkerState | None:
    """The state of the worker whose job `session` is the unit of work of; None for any
    other session."""
    state = session.info.get(_STATE)
    return state if isinstance(state, WorkerState) else None


def task_modules() -> list[str]:
    """Every module that registers tasks or event handlers, core's and each domain's."""
    import hireline

    found = list(CORE_TASK_MODULES)
    for package in pkgutil.iter_modules(hireline.__path__):
        name = f"hireline.{package.name}.{DOMAIN_TASK_MODULE}"
        if package.ispkg and importlib.util.find_spec(name) is not None:
            found.append(name)
    return found


def _stalled_run_limit(app: App, job: Job) -> int:
    task = app.tasks.get(job.task_name)
    strategy = task.retry_strategy if task is not None else None
    max_attempts = getattr(strategy, "max_attempts", None)
    return int(max_attempts) + 1 if max_attempts else STALLED_RUNS_WITHOUT_RETRY_STRATEGY


# A heartbeat that also puts the worker's row back: procrastinate's heartbeat updates a row
# that another worker may have deleted (pruned as stalled), and its fetches set the jobs'
# foreign key to that row (migration 0041 puts it back when a fetch comes first). The id is
# the one procrastinate handed out; `xmax = 0` tells an inserted row from an updated one.
_KEEP_REGISTERED = """
INSERT INTO procrastinate_workers (id, last_heartbeat) OVERRIDING SYSTEM VALUE
VALUES (%(worker_id)s, now())
ON CONFLICT (id) DO UPDATE SET last_heartbeat = excluded.last_heartbeat
RETURNING xmax = 0 AS registered_again
"""

_PRUNE_OTHER_STALLED_WORKERS = """
DELETE FROM procrastinate_workers
 WHERE last_heartbeat < now() - make_interval(secs => %(seconds)s)
   AND id IS DISTINCT FROM %(own_worker_id)s
"""


async def keep_registered(app: App, worker_id: int) -> None:
    """Refresh the worker's heartbeat, registering it again if its row was pruned."""
    row = await app.connector.execute_query_one_async(_KEEP_REGISTERED, worker_id=worker_id)
    if row["registered_again"]:
        # Its running jobs were requeued when it was pruned: they may run twice.
        logger.warning("worker_registered_again", worker_id=worker_id)


async def recover_stalled_jobs(
    app: App, *, stalled_after: float, own_worker_id: int | None = None
) -> int:
    """Requeue the jobs of workers that stopped heart-beating (fail those run too often),
    and forget those workers. The jobs of `own_worker_id` (the caller's, alive since it
    asks) are left to it, however late its heartbeat.

    Returns how many jobs were requeued.
    """
    requeued = 0
    for job in await app.job_manager.get_stalled_jobs(seconds_since_heartbeat=stalled_after):
        if own_worker_id is not None and job.worker_id == own_worker_id:
            continue
        runs = job.attempts + 1
        try:
            if runs >= _stalled_run_limit(app, job):
                await app.job_manager.finish_job(job, status=Status.FAILED, delete_job=False)
                logger.error("stalled_job_failed", job_id=job.id, task=job.task_name, runs=runs)
                continue
            await app.job_manager.retry_job(job)
        except ProcrastinateException as exc:
            # Another worker's recovery may have requeued it a moment earlier.
            logger.info("stalled_job_already_recovered", job_id=job.id, error=str(exc))
            continue
        requeued += 1
        logger.warning("stalled_job_requeued", job_id=job.id, task=job.task_name, runs=runs)
    # procrastinate prunes only when a worker starts; dead workers would linger until then.
    # Not with its `prune_stalled_workers`: that would delete the caller's own row if its
    # heartbeat is late (a delete waiting on a lock of that row deletes it once let through).
    await app.connector.execute_query_async(
        _PRUNE_OTHER_STALLED_WORKERS, seconds=stalled_after, own_worker_id=own_worker_id
    )
    return requeued


async def _recover_stalled_jobs_forever(app: App, worker: Worker, stalled_after: float) -> None:
    # A loop in every worker rather than a periodic job: it runs even when every job slot is
    # busy, follows the configured threshold, and leaves no job row behind every few seconds.
    # It heart-beats first: after its event loop was held up, this worker's own heartbeat may
    # be older than the threshold, and it must not requeue (or prune) itself.
    while True:
        try:
            if worker.worker_id is not None:  # procrastinate registers it once running
                await keep_registered(app, worker.worker_id)
            await recover_stalled_jobs(
                app, stalled_after=stalled_after, own_worker_id=worker.worker_id
            )
        except Exception as exc:  # the database may be briefly unreachable; keep trying
            logger.warning("stalled_job_recovery_failed", error=str(exc))
        await asyncio.sleep(max(0.5, stalled_after / 3))


async def run_worker(
    conninfo: str,
    state: WorkerState,
    *,
    concurrency: int,
    extra_modules: Iterable[str] = (),
    wait: bool = True,
    install_signal_handlers: bool = True,
    polling_interval: float = 5.0,
) -> None:
    """Run jobs from every queue until stopped (SIGINT/SIGTERM let running jobs finish).

    With `wait=False`, return once no job is due instead (tests). `extra_modules` are
    imported for the tasks they define, after core's and the domains' task modules.
    """
    for module in [*task_modules(), *extra_modules]:
        importlib.import_module(module)
    tracing.trace_tasks(queue)
    stalled_after = float(state.settings.stalled_job_seconds)
    connector = PsycopgConnector(conninfo=conninfo, min_size=1, max_size=concurrency + 2)
    # The same App object (not a copy), so that tasks deferring others use this connector.
    with queue.replace_connector(connector) as app:
        async with app.open_async():
            heap.freeze_startup_objects()
            # Built here rather than by `app.run_worker_async`, for its id (the recovery
            # loop must know which jobs are its own).
            worker = Worker(
                app=app,
                concurrency=concurrency,
                wait=wait,
                install_signal_handlers=install_signal_handlers,
                listen_notify=True,
                # Requeued and retried jobs send no notification; polling finds them.
                fetch_job_polling_interval=min(polling_interval, stalled_after / 2),
                update_heartbeat_interval=stalled_after / 4,
                stalled_worker_timeout=stalled_after,
                additional_context={_STATE: state},
            )
            recovery = asyncio.create_task(
                _recover_stalled_jobs_forever(app, worker, stalled_after)
            )
            try:
                # procrastinate leaves `Worker.run` unannotated; it returns None.
                await worker.run()  # type: ignore[no-untyped-call]
            finally:
                await background.cancel(recovery)
