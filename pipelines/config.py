"""Where Waypoint keeps its files, from environment variables with project-local defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from pipelines.ops.permissions import owner_only_umask

PROJECT_ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Settings:
    """Paths of one Waypoint installation. ``WAYPOINT_HOME`` moves them all at once."""

    home: Path

    @property
    def landing(self) -> Path:
        """Drop folder: one sub-folder per source, HMIS CSV zips inside."""
        return self.home / "landing"

    @property
    def archive(self) -> Path:
        """Immutable, content-addressed copies of every delivered file."""
        return self.home / "archive"

    @property
    def ingest_db(self) -> Path:
        """The writer database: meta.* (registry, findings) and raw.* tables."""
        return self.home / "warehouse" / "ingest.duckdb"

    @property
    def published_db(self) -> Path:
        """The read-only warehouse the dashboards and reports read (replaced atomically)."""
        return self.home / "warehouse" / "warehouse.duckdb"

    @property
    def app_db(self) -> Path:
        """Application state that outlives builds: users, sessions, audit log, build schedule (SQLite)."""
        return self.home / "warehouse" / "app.sqlite"

    @property
    def build_dir(self) -> Path:
        return self.home / "warehouse" / "builds"

    @property
    def reports(self) -> Path:
        return self.home / "reports"

    @property
    def synth(self) -> Path:
        """Where `waypoint synth` writes demo exports by default."""
        return self.home / "synth"

    def ensure(self) -> Settings:
        """Create the folders (owner-only: the process umask is set to 077 first)."""
        owner_only_umask()
        for path in (self.landing, self.archive, self.ingest_db.parent, self.build_dir, self.reports):
            path.mkdir(parents=True, exist_ok=True)
        return self


def get_settings() -> Settings:
    """``WAYPOINT_HOME``, else ``./var`` of the current directory (never the installed package's folder, so two
    checkouts sharing one virtualenv keep their data apart). From here on this process creates owner-only files
    (pipelines.ops.permissions)."""
    owner_only_umask()
    home = os.environ.get("WAYPOINT_HOME") or Path.cwd() / "var"
    return Settings(home=Path(home).resolve())
