"""HUD report artifacts on disk (``reports/<report>/<period>/<scope>/manifest.json``), narrowed to the reports a user's
scope covers, and, for system administrators, the build schedules, recent builds and starting a build.

A report is listed only when its whole scope lies inside the user's: a project report for projects the user may see,
an agency report for the user's agency, a CoC report for users not limited to an agency or projects.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from pathlib import Path

import pandas as pd

from dashboards.data.access import AccessDenied, DataAccess
from dashboards.data.names import unknown_scope_ids
from dashboards.data.warehouse import DataNotReady
from dashboards.ids import clean, named
from dashboards.roles import Capability, can
from dashboards.state.audit import AuditLog
from pipelines.errors import WaypointError
from pipelines.reports.validation import FAILED, validation_of

RUNS_FOLDER = "_runs"  # logs of builds started from the dashboards, beside the report folders


def _running(pid: object) -> bool:
    """True while the build process lives (a finished child not yet reaped is a zombie: not running)."""
    try:
        stat = Path(f"/proc/{int(str(pid))}/stat").read_text()
    except (OSError, ValueError):
        return False
    return stat.rsplit(")", 1)[-1].split()[0] not in ("Z", "X")


def _log_lines(path: Path) -> list[str]:
    try:
        return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except OSError:
        return []


def _time_of(cron: str) -> str:
    """The time of day of a cron schedule's first minute and hour fields, e.g. "at 02:00 UTC"."""
    minute, hour = [*cron.split(), "*", "*"][:2]
    return f"at {int(hour):02d}:{int(minute):02d} UTC" if minute.isdigit() and hour.isdigit() else "see Dagster"


def _key_in_words(key: str) -> str:
    """``apr/2025-10-01..2026-09-30/coc=OK-507`` -> ``APR, 2025-10-01 to 2026-09-30, coc OK-507``."""
    parts = key.split("/")
    if len(parts) < 3:
        return key
    return f"{parts[0].upper()}, {parts[1].replace('..', ' to ')}, {parts[2].replace('=', ' ', 1)}"


def hud_order(table_id: str) -> tuple:
    """A sort key that reads the numbers in a table id as numbers: Q4a, Q5a, Q10, Q11, Q23c."""
    return tuple(int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", table_id))


SCOPE_KINDS = {"coc": "CoC", "agency": "Agency", "project": "Project", "projects": "Projects"}
_ACRONYMS = {"dq": "DQ", "apr": "APR", "caper": "CAPER", "spm": "SPM", "hic": "HIC", "pit": "PIT"}


def _schedule_name(name: str) -> str:
    """``quarterly_apr_caper_schedule`` -> "Quarterly APR and CAPER": report names as HUD writes them."""
    words = [_ACRONYMS.get(w, w) for w in name.split("_") if w != "schedule"]
    text = " ".join(words).replace("APR CAPER", "APR and CAPER").replace("HIC PIT", "HIC/PIT")
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class ReportArtifact:
    folder: Path
    manifest: dict

    @property
    def report(self) -> str:
        return str(self.manifest.get("report", self.folder.parts[-3]))

    @property
    def period(self) -> str:
        return f"{self.manifest.get('period_start')} to {self.manifest.get('period_end')}"

    @property
    def scope(self) -> str:
        return f"{self.manifest.get('scope_type')}: {', '.join(self.manifest.get('scope_ids', []))}"

    def scope_in_words(self, names: Mapping[str, str]) -> str:
        """The scope with agencies and projects named: ``Agency Blue River Housing Alliance (ok-507:5076)``,
        ``CoC OK-500``."""
        kind = str(self.manifest.get("scope_type", ""))
        ids = [named(str(i), names) for i in self.manifest.get("scope_ids", [])]
        return f"{SCOPE_KINDS.get(kind, kind)} {', '.join(ids)}".strip()

    @property
    def title(self) -> str:
        return f"{self.report.upper()} · {self.period} · {self.scope}"

    def files(self, suffix: str) -> list[Path]:
        return sorted(self.folder.glob(f"*{suffix}"))

    def tables(self) -> list[str]:
        """The report's tables in HUD's order (Q4a before Q11): as the manifest lists them, then any other CSV in
        the order of their numbers."""
        found = {p.stem for p in (self.folder / "csv").glob("*.csv")}
        listed = [str(t) for t in self.manifest.get("tables", []) if str(t) in found]
        return listed + sorted(found - set(listed), key=hud_order)

    def table(self, table_id: str) -> pd.DataFrame:
        path = self.folder / "csv" / f"{table_id}.csv"
        if path.parent != self.folder / "csv" or not path.exists():
            raise DataNotReady(f"report table {table_id!r} is not in {self.folder.name}")
        return pd.read_csv(path, dtype=str, keep_default_na=False).rename(columns={"Unnamed: 0": ""})


class ReportShelf:
    """The report artifacts one signed-in user may browse and download, and the build controls of administrators."""

    def __init__(self, data: DataAccess) -> None:
        self.data = data
        self.root = data.settings.reports

    @cached_property
    def _visible_projects(self) -> frozenset[str]:
        try:
            projects = self.data.aggregate("projects").values
        except (AccessDenied, DataNotReady):
            return frozenset()
        return frozenset(str(k) for k in projects["project_key"])

    def allows(self, manifest: dict) -> bool:
        scope = self.data.scope
        kind, ids = manifest.get("scope_type"), {str(i) for i in manifest.get("scope_ids", [])}
        if not ids:
            return False
        if kind in ("project", "projects"):
            return ids <= self._visible_projects
        if kind == "agency":
            return scope.project_ids is None and (scope.agency_ids is None or ids <= scope.agency_ids)
        if kind == "coc":
            unlimited = scope.agency_ids is None and scope.project_ids is None and scope.funder_codes is None
            return unlimited and (scope.cocs is None or ids <= scope.cocs)
        return False

    def artifacts(self) -> list[ReportArtifact]:
        """Newest first."""
        found = []
        for path in self.root.glob("*/*/*/manifest.json"):
            try:
                manifest = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if self.allows(manifest):
                found.append(ReportArtifact(path.parent, manifest))
        return sorted(found, key=lambda a: str(a.manifest.get("written_at", "")), reverse=True)

    def read_file(self, artifact: ReportArtifact, path: Path) -> bytes:
        if path.parent != artifact.folder or not self.allows(artifact.manifest):
            raise AccessDenied("that file is not part of a report in your scope")
        return path.read_bytes()

    # --- system administrators -------------------------------------------------------------------------------

    def _require_builds(self) -> None:
        if not can(self.data.user.role, Capability.RUN_BUILDS):
            raise AccessDenied("only system administrators run and schedule report builds")

    def schedules(self) -> pd.DataFrame:
        """The Dagster report schedules (pipelines/defs/reports/schedules.py) in words, when that module exists."""
        self._require_builds()
        columns = ["Schedule", "When", "Report job"]
        try:
            import dagster as dg

            from pipelines.defs.reports import schedules
        except ImportError:
            return pd.DataFrame(columns=columns)
        rows = [
            {
                "Schedule": _schedule_name(s.name),
                "When": f"{(s.description or '').rstrip('.')}, {_time_of(s.cron_schedule)}",
                "Report job": s.job_name.replace("_", " "),
            }
            for s in vars(schedules).values()
            if isinstance(s, dg.ScheduleDefinition)
        ]
        return pd.DataFrame(rows, columns=columns)

    def recent_builds(self, limit: int = 20) -> pd.DataFrame:
        """Builds started from the dashboards (audit log), each with its status: queued, running (with the last
        step), published, failed HUD validation (with the rules), or failed (with the reason)."""
        self._require_builds()
        started = AuditLog(self.data.settings.app_db).read(events=["build_started"], limit=limit)
        published = {str(a.manifest.get("request_id")): a for a in self.artifacts()}
        rows = []
        for at, who, detail in zip(started["at"], started["username"], started["detail"], strict=True):
            info = json.loads(detail or "{}")
            status, note = self.build_status(info, published)
            rows.append(
                {
                    "Started": str(at)[:16].replace("T", " "),
                    "By": who,
                    "Report": _key_in_words(str(info.get("key", ""))),
                    "Status": status,
                    "Detail": note,
                }
            )
        return pd.DataFrame(rows, columns=["Started", "By", "Report", "Status", "Detail"])

    def build_status(self, info: dict, published: dict[str, ReportArtifact]) -> tuple[str, str]:
        artifact = published.get(str(info.get("request_id")))
        if artifact is not None:
            validation = validation_of(artifact.manifest)
            if validation["status"] == FAILED:
                rules = "; ".join(f"{f['rule']}: {f['description']}" for f in validation["failures"])
                return "failed HUD validation", rules
            return "published", f"written {artifact.manifest.get('written_at', '?')}"
        lines = _log_lines(Path(str(info.get("log", ""))))
        if _running(info.get("pid")):
            return ("running", lines[-1]) if lines else ("queued", "waiting to start")
        failed = [line.split("report build failed:", 1)[1].strip() for line in lines if "report build failed:" in line]
        if failed:
            return "failed", failed[-1]
        return "failed", (lines[-1] if lines else "stopped without writing the report")

    def start_build(self, report: str, start: date, end: date, scope_type: str, scope_ids: list[str]) -> Path:
        """Submits the report build key of one request to a background process (``dashboards.data.report_runner``,
        which plans it as the CLI and Dagster do); returns its log file. Audited."""
        self._require_builds()
        from pipelines.reports.model import ReportRequest
        from pipelines.reports.schedule import partition_key

        if not scope_ids and scope_type != "coc":
            raise WaypointError(f"name at least one {scope_type} id (written source:id, e.g. ok-507:5073)")
        unknown = unknown_scope_ids(self.data.settings, scope_type, scope_ids)
        if unknown:  # checked before anything starts: an unknown id would publish an all-zero report
            article = "an" if scope_type[0] in "aeiou" else "a"
            raise WaypointError(
                f"not in the warehouse as {article} {scope_type}: {', '.join(unknown)} "
                "(write CoC codes as OK-500, agencies and projects as source:id, e.g. ok-507:5073)"
            )
        scope_ids = [i if scope_type == "coc" else clean(i) for i in scope_ids]
        request = ReportRequest(report, start, end, scope_type, tuple(scope_ids))  # ValueError on a bad request
        key = partition_key(request)
        logs = self.root / RUNS_FOLDER
        logs.mkdir(parents=True, exist_ok=True)
        log = logs / f"{datetime.now():%Y%m%dT%H%M%S}-{request.report}.log"
        command = [sys.executable, "-m", "dashboards.data.report_runner", key, f"dashboards:{self.data.user.username}"]
        with open(log, "w", encoding="utf-8") as handle:
            process = subprocess.Popen(command, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True)
        self.data.audit.record(
            "build_started",
            username=self.data.user.username,
            role=self.data.user.role,
            page="hud_reports",
            scope=self.data.scope.to_dict(),
            detail={"key": key, "request_id": request.request_id, "pid": process.pid, "log": str(log)},
        )
        return log
