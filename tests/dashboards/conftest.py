"""Fixtures of the dashboard tests; their data and helpers live in dash_fixtures.py (hand-made warehouse) and
pages_world.py (a real warehouse built from the generator's tiny preset), both importable by name."""

from dash_fixtures import empty_home, installation
from pages_world import pages_home, pages_world

__all__ = ["empty_home", "installation", "pages_home", "pages_world"]
