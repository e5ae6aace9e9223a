"""The live stream: a WebSocket carrying each committed domain event of the organisation that
the connected principal may see, across API processes, resumable (ADR 0028)."""
