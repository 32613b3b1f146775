"""Errors a user can meet: caught once at the edge (CLI, sensor, page) and shown in plain words."""


class WaypointError(Exception):
    """Base of every error whose message is meant for a person, not a stack trace."""
