"""The AsyncAPI 3.0 document of what the relay publishes, built from the webhook catalogue so
the two can never disagree."""

from __future__ import annotations

from typing import Any

from hireline import __version__
from hireline.outbox.brokers import EXCHANGE, STREAM, TOPIC
from hireline.webhooks.catalogue import EVENT_TYPES

ENVELOPE: dict[str, Any] = {
    "type": "object",
    "required": ["id", "type", "tenant_id", "occurred_at", "data"],
    "properties": {
        "id": {
            "type": "string",
            "description": "Unique per event and installation; also the message id. "
            "Delivery is at least once: drop a message whose id you have seen.",
        },
        "type": {"type": "string", "enum": sorted(EVENT_TYPES)},
        "tenant_id": {
            "type": ["string", "null"],
            "format": "uuid",
            "description": "The organisation; null for events of the installation.",
        },
        "occurred_at": {"type": "string", "format": "date-time"},
        "data": {"type": "object", "description": "The event's facts, as webhooks carry them."},
    },
}


def _key(event_type: str) -> str:
    return event_type.replace(".", "_")


def document() -> dict[str, Any]:
    """The whole AsyncAPI document."""
    channels: dict[str, Any] = {}
    operations: dict[str, Any] = {}
    messages: dict[str, Any] = {}
    for event_type, meaning in sorted(EVENT_TYPES.items()):
        key = _key(event_type)
        messages[key] = {
            "name": event_type,
            "title": event_type,
            "summary": meaning,
            "contentType": "application/json",
            "payload": {"$ref": "#/components/schemas/Event"},
            "bindings": {
                "kafka": {
                    "key": {"type": "string", "description": "The tenant id (or `system`)."},
                    "bindingVersion": "0.5.0",
                }
            },
        }
        channels[key] = {
            "address": f"{STREAM}.{{tenant}}.{event_type}",
            "description": meaning,
            "parameters": {"tenant": {"$ref": "#/components/parameters/tenant"}},
            "messages": {key: {"$ref": f"#/components/messages/{key}"}},
            "bindings": {
                "amqp": {
                    "is": "routingKey",
                    "exchange": {"name": EXCHANGE, "type": "topic", "durable": True},
                    "bindingVersion": "0.3.0",
                },
                # Kafka carries every type on one topic; the type is the `hireline-type` header.
                "kafka": {"topic": TOPIC, "bindingVersion": "0.5.0"},
            },
        }
        operations[f"publish_{key}"] = {
            "action": "send",
            "channel": {"$ref": f"#/channels/{key}"},
            "summary": f"Hireline publishes {event_type} once it is committed.",
            "messages": [{"$ref": f"#/channels/{key}/messages/{key}"}],
        }
    return {
        "asyncapi": "3.0.0",
        "info": {
            "title": "Hireline events",
            "version": __version__,
            "description": (
                "Every catalogue event, published by the outbox relay when"
                " HIRELINE_EVENT_BROKER_URL is set: on NATS to the JetStream stream"
                f" `{STREAM}` (subject `{STREAM}.<tenant>.<type>`, the id in Nats-Msg-Id);"
                f" on RabbitMQ to the topic exchange `{EXCHANGE}` (routing key"
                " `<tenant>.<type>`, the id as message_id); on Kafka to the topic"
                f" `{TOPIC}`, keyed by tenant (type, tenant and id as `hireline-*` headers)."
                " At least once, in commit order (per tenant on Kafka)."
            ),
        },
        "servers": {
            "nats": {"host": "nats.example.com:4222", "protocol": "nats"},
            "rabbitmq": {"host": "rabbitmq.example.com:5672", "protocol": "amqp"},
            "kafka": {"host": "kafka.example.com:9092", "protocol": "kafka"},
        },
        "defaultContentType": "application/json",
        "channels": channels,
        "operations": operations,
        "components": {
            "schemas": {"Event": ENVELOPE},
            "messages": messages,
            "parameters": {
                "tenant": {
                    "description": "The organisation's id, or `system` for the installation's."
                }
            },
        },
    }
