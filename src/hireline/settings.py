"""The one place Hireline reads its configuration from the environment."""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import (
    AliasChoices,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, SettingsConfigDict

ENV_PREFIX = "HIRELINE_"
# Variables read without the prefix, by long-standing convention of their ecosystems.
UNPREFIXED = ("DATABASE_URL", "REDIS_URL", "PROMETHEUS_MULTIPROC_DIR")


class ConfigurationError(Exception):
    """Raised when the environment holds an unknown or invalid Hireline setting."""


class Settings(BaseSettings):
    """Validated configuration; every field maps to one environment variable."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        extra="forbid",
        frozen=True,
        validate_default=True,
    )

    environment: Literal["development", "test", "production"] = Field(
        "development", description="Deployment environment; production turns on HSTS."
    )
    host: str = Field("127.0.0.1", description="Interface `hireline serve` binds to.")
    port: int = Field(8000, ge=1, le=65535, description="TCP port `hireline serve` listens on.")
    data_dir: Path = Field(
        Path(".hireline"),
        description="Where the embedded PostgreSQL, uploaded files, the generated signing key "
        "and the demo sign-in are kept.",
    )
    database_url: SecretStr | None = Field(
        None,
        validation_alias=AliasChoices("DATABASE_URL", "HIRELINE_DATABASE_URL"),
        description="PostgreSQL URL; when unset an embedded server is started in the data dir.",
    )
    redis_url: SecretStr | None = Field(
        None,
        validation_alias=AliasChoices("REDIS_URL", "HIRELINE_REDIS_URL"),
        description="Redis URL for rate limits shared by all processes; in-process when unset.",
    )
    db_pool_size: int = Field(10, ge=1, le=200, description="Connections kept per process.")
    db_max_overflow: int = Field(10, ge=0, le=200, description="Extra connections under load.")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        "INFO", description="Minimum level of the logs."
    )
    log_format: Literal["auto", "json", "console"] = Field(
        "auto",
        description=(
            "`console` lines for humans, `json` for machines; `auto` is `console` when standard"
            " error (where logs go) is a terminal, `json` otherwise. Routine library chatter (a"
            " line per queue job) shows only at `HIRELINE_LOG_LEVEL=DEBUG`."
        ),
    )
    cors_origins: list[str] = Field(
        default_factory=list,
        description='Origins allowed by CORS, as a JSON list: `["https://app.example.com"]`.',
    )
    max_body_bytes: int = Field(
        12 * 1024 * 1024,
        ge=1024,
        description="Largest request body accepted; larger ones get 413 before being read.",
    )
    trust_proxy_headers: bool = Field(
        False, description="Trust X-Forwarded-Proto/For from a reverse proxy (TLS detection)."
    )
    stream_queue_size: int = Field(
        1000,
        ge=1,
        le=100_000,
        description="Events that may wait for one live-stream client; one that falls further "
        "behind is disconnected (close code 4408) and resumes with `after`.",
    )
    stream_signal: Literal["postgres", "redis"] = Field(
        "postgres",
        description="How API processes learn that a tenant has new events for the live stream: "
        "`postgres` (LISTEN/NOTIFY) or `redis` (pub/sub on REDIS_URL, published after each "
        "commit by the API and the worker).",
    )
    stream_poll_seconds: float = Field(
        5.0,
        gt=0,
        le=3600,
        description="The live stream also looks for each connected tenant's new events this "
        "often without a signal: a lost signal delays an event at most this long.",
    )
    worker_concurrency: int = Field(
        4, ge=1, le=256, description="Jobs a `hireline worker` process runs at once."
    )
    prometheus_multiproc_dir: str | None = Field(
        None,
        validation_alias=AliasChoices("PROMETHEUS_MULTIPROC_DIR"),
        description="Set by `hireline serve --workers N` so /metrics sums all processes.",
    )
    run_worker_in_api: bool = Field(
        False,
        description="Also work the task queue inside each API process, for one-machine setups "
        "(`make run` turns it on); run `hireline worker` processes instead when scaling out.",
    )
    storage_url: str | None = Field(
        None,
        pattern=r"^s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?$",
        description="`s3://bucket/prefix` to keep uploaded files in S3-compatible storage; "
        "unset keeps them under the data dir.",
    )
    s3_endpoint_url: str | None = Field(
        None, description="Endpoint of a non-AWS S3 service (MinIO, Ceph, ...)."
    )
    otel_enabled: bool = Field(
        False,
        description="Turn on OpenTelemetry traces (requests, SQL, queue jobs, outgoing webhooks) "
        "and FastAPI's metrics and logs; needs the `otel` extra. OTEL_* variables configure the "
        "OTLP exporter.",
    )
    otel_exporter_otlp_endpoint: str | None = Field(
        None,
        validation_alias=AliasChoices("OTEL_EXPORTER_OTLP_ENDPOINT"),
        description="The standard OpenTelemetry collector endpoint; setting it turns traces on "
        "as HIRELINE_OTEL_ENABLED does.",
    )
    stalled_job_seconds: int = Field(
        30,
        ge=2,
        description="A job whose worker sent no heartbeat for this long is run again.",
    )

    secret_key: SecretStr | None = Field(
        None,
        min_length=32,
        description=(
            "Signs access tokens (HS256); at least 32 characters. Required in production; "
            "elsewhere one is generated once and kept in the data dir."
        ),
    )
    access_token_ttl_seconds: int = Field(
        900, ge=60, le=86400, description="Lifetime of a JWT access token."
    )
    refresh_token_ttl_days: int = Field(
        30, ge=1, le=365, description="Lifetime of an unused refresh token."
    )
    app_database_url: SecretStr | None = Field(
        None,
        validation_alias=AliasChoices("HIRELINE_APP_DATABASE_URL"),
        description=(
            "A LOGIN role for the app's own connections: a member of the app role that owns"
            " nothing, so even SQL text that reached the database could not `SET ROLE` to the"
            " owner. Migrations and `hireline backup` keep using DATABASE_URL."
        ),
    )
    event_broker_url: SecretStr | None = Field(
        None,
        description=(
            "Publish every catalogue event to a broker: `nats://host:4222` (JetStream stream"
            " `hireline`, subject `hireline.<tenant>.<type>`) or `amqp://user:pass@host:5672/`"
            " (topic exchange `hireline`, routing key `<tenant>.<type>`) or"
            " `kafka://host1:9092,host2:9092` (topic `hireline`, keyed by tenant). At least once,"
            " in commit order, the event id as message id; relayed by `hireline worker`."
        ),
    )
    database_app_role: str = Field(
        "hireline_app",
        pattern=r"^[a-z_][a-z0-9_]{0,62}$",
        description=(
            "PostgreSQL role every app connection takes on at start-up (`-c role=`): neither "
            "superuser nor table owner, so row-level security applies. Created by the migrations."
        ),
    )
    rate_limit_anonymous_per_minute: int = Field(
        60, ge=1, description="Requests per minute per IP on anonymous routes."
    )
    login_failures_per_15_minutes: int = Field(
        10,
        ge=1,
        description="Failed sign-ins one address may make for one account before each further "
        "failure doubles its wait (1 s, 2 s, ... 15 min); an address that failed for this many "
        "accounts in 15 minutes gets no such allowance. Other addresses are never refused.",
    )
    public_url: str = Field(
        "http://127.0.0.1:8000",
        pattern=r"^https?://[^\s/]+(/[^\s]*)?$",
        description="Address people reach Hireline at; links in e-mails start with it.",
    )
    smtp_url: SecretStr | None = Field(
        None,
        description="`smtp://user:password@host:587` (STARTTLS when offered) or `smtps://...:465` "
        "to send e-mail (percent-encode `@ : /` in the user and password); unset writes each "
        "message as an `.eml` file under `<data dir>/mail/<yyyy-mm-dd>/`.",
    )
    mail_from: str = Field(
        "Hireline <no-reply@hireline.localhost>",
        min_length=3,
        description="Sender of notification e-mails; candidates see the organisation's name "
        "with this address.",
    )
    rejection_mail_delay_seconds: int = Field(
        60,
        ge=0,
        le=86_400,
        description="How long a rejection e-mail waits before it is sent: a recruiter who "
        "undoes the rejection within this time sends nothing.",
    )
    webhook_timeout_seconds: float = Field(
        10.0, gt=0, le=60, description="How long a webhook receiver has to answer."
    )
    webhook_disable_after_days: float = Field(
        3.0,
        gt=0,
        description="An endpoint whose deliveries have all failed for this long is disabled, "
        "and the organisation's admins are told.",
    )
    webhook_allow_private_addresses: bool = Field(
        False,
        description="Let webhooks reach loopback and private addresses. Only for tests and "
        "closed networks: it lets tenants make the server call its own network.",
    )
    resume_parse_seconds: float = Field(
        20.0, gt=0, le=600, description="Time one résumé may take to parse before it fails."
    )
    resume_parse_memory_mb: int = Field(
        768, ge=128, description="Memory one résumé parser process may use."
    )
    semantic_matching: bool = Field(
        False,
        description="Blend the semantic similarity of résumé and job (sentence embeddings) "
        "into match scores as a part of its own (weight 15 before scaling). Needs the "
        "`semantic` extra and pgvector on the database server; start-up fails without them.",
    )

    web_session_idle_minutes: int = Field(
        60, ge=5, le=7 * 24 * 60, description="A web-app session unused for this long ends."
    )
    web_session_max_hours: int = Field(
        12,
        ge=1,
        le=30 * 24,
        description="A web-app session ends this long after sign-in, however much it is used.",
    )
    web_session_store: Literal["auto", "postgresql"] = Field(
        "auto",
        description=(
            "Where web-app sessions are kept: `auto` uses Redis when REDIS_URL is set "
            "(PostgreSQL otherwise, and while Redis does not answer); `postgresql` always."
        ),
    )
    web_requests_per_minute: int = Field(
        600,
        ge=10,
        le=100_000,
        description=(
            "Requests a minute one person may make in the web app (its own limit, apart from "
            "the plan's API limit; generous, since a screen loads several fragments)."
        ),
    )

    @field_validator("data_dir")
    @classmethod
    def _absolute_data_dir(cls, value: Path) -> Path:
        return value.expanduser().resolve()

    @model_validator(mode="after")
    def _production_needs_a_secret(self) -> Settings:
        if self.environment == "production" and self.secret_key is None:
            raise ValueError("HIRELINE_SECRET_KEY is required when HIRELINE_ENVIRONMENT=production")
        return self

    @model_validator(mode="after")
    def _redis_signal_needs_redis(self) -> Settings:
        if self.stream_signal == "redis" and self.redis_url is None:
            raise ValueError("HIRELINE_STREAM_SIGNAL=redis needs REDIS_URL to be set")
        return self

    @property
    def embedded_database(self) -> bool:
        """True when Hireline must run its own PostgreSQL."""
        return self.database_url is None


def _variable_names(name: str) -> set[str]:
    alias = Settings.model_fields[name].validation_alias
    if isinstance(alias, AliasChoices):
        return {str(choice) for choice in alias.choices}
    return {f"{ENV_PREFIX}{name.upper()}"}


def _reject_unknown_variables() -> None:
    known = set().union(*(_variable_names(name) for name in Settings.model_fields))
    unknown = sorted(
        name for name in os.environ if name.startswith(ENV_PREFIX) and name not in known
    )
    if unknown:
        raise ConfigurationError(
            f"unknown setting(s): {', '.join(unknown)}; see the configuration table in README.md"
        )


def configuration_table() -> str:
    """The Markdown table of every setting, as README.md shows it (a test keeps them equal)."""
    rows = ["| variable | default | meaning |", "| --- | --- | --- |"]
    for name, field in Settings.model_fields.items():
        names = sorted(_variable_names(name), key=lambda n: (n.startswith(ENV_PREFIX), n))
        default = field.get_default(call_default_factory=True)
        if default is None:
            shown = "unset"
        elif isinstance(default, bool | list):
            shown = f"`{json.dumps(default)}`"
        else:
            shown = f"`{default}`"
        variables = " or ".join(f"`{n}`" for n in names)
        rows.append(f"| {variables} | {shown} | {field.description} |")
    return "\n".join(rows)


def load_settings() -> Settings:
    """Read and validate the environment, naming the variable at fault on error."""
    _reject_unknown_variables()
    try:
        return Settings()
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            if not error["loc"]:  # a rule across fields: its message names the variables
                problems.append(error["msg"].removeprefix("Value error, "))
                continue
            name = str(error["loc"][0]).upper()
            unprefixed = name in UNPREFIXED or name.startswith(ENV_PREFIX)
            variable = name if unprefixed else f"{ENV_PREFIX}{name}"
            problems.append(f"{variable}: {error['msg']}")
        raise ConfigurationError("invalid setting(s): " + "; ".join(problems)) from None


@cache
def get_settings() -> Settings:
    """The process-wide settings, validated once."""
    return load_settings()
