"""Events out to a message broker: the outbox relay (NATS JetStream, RabbitMQ) and the
AsyncAPI document that describes what it publishes."""
