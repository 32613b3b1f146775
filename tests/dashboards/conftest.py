"""Fixtures of the dashboard tests; their data and helpers live in dash_fixtures.py (importable by name)."""

from dash_fixtures import empty_home, installation

__all__ = ["empty_home", "installation"]
