"""Value objects of a report build: what is asked for, and the tables it produces."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

SCOPE_TYPES: tuple[str, ...] = ("project", "projects", "agency", "coc")


@dataclass(frozen=True)
class ReportRequest:
    """One report build: a report over a period for a scope (a project, a set of projects, an agency or a CoC).

    ``scope_ids`` are warehouse keys: project and agency ids are ``<source_id>:<HUD id>``; CoCs are codes
    (``OK-500``). ``options`` carries report-specific parameters (e.g. ``pit_date`` for HIC/PIT).
    """

    report: str
    period_start: date
    period_end: date
    scope_type: str
    scope_ids: tuple[str, ...]
    options: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        from pipelines.reports.registry import report_named  # the registry imports this module

        report_named(self.report)  # ValueError for a report with no registry entry
        if self.scope_type not in SCOPE_TYPES:
            raise ValueError(f"unknown scope type {self.scope_type!r}; expected one of {', '.join(SCOPE_TYPES)}")
        if self.period_end < self.period_start:
            raise ValueError(f"report period ends ({self.period_end}) before it starts ({self.period_start})")
        if not self.scope_ids:
            raise ValueError("a report needs at least one project, agency or CoC in its scope")

    @property
    def period_key(self) -> str:
        return f"{self.period_start.isoformat()}_{self.period_end.isoformat()}"

    @property
    def scope_key(self) -> str:
        """A folder-safe name of the scope: ``coc-OK-500``, ``project-ok-500_1001``, ``projects-3-<hash>``."""
        if len(self.scope_ids) == 1:
            return _safe(f"{self.scope_type}-{self.scope_ids[0]}")
        digest = hashlib.sha1(",".join(sorted(self.scope_ids)).encode()).hexdigest()[:10]
        return _safe(f"{self.scope_type}-{len(self.scope_ids)}-{digest}")

    @property
    def request_id(self) -> str:
        """Deterministic id of the request: the same (report, period, scope, options) always gives the same id."""
        options = ",".join(f"{k}={v}" for k, v in sorted(self.options))
        return f"{self.report}__{self.period_key}__{self.scope_key}" + (f"__{_safe(options)}" if options else "")

    def option(self, name: str, default: str | None = None) -> str | None:
        return dict(self.options).get(name, default)


@dataclass
class ReportTable:
    """One question table in HUD's layout: row labels in the first column, then the value columns."""

    table_id: str  # e.g. "Q5a", "1a", "HIC"
    title: str
    frame: pd.DataFrame
    notes: list[str] = field(default_factory=list)


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._=,-]+", "_", text)
