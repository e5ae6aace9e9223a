"""E-mail notifications: to candidates about their applications, to hiring teams about new
applications, to administrators about their organisation's integrations.

Everything here runs in workers, from domain events (see `tasks`); other domains ask for a
notification through `service`.
"""
