"""Report builds as (report, period, scope): the partition keys Dagster names them by, and their requests.

A key reads ``<report>/<start>..<end>/<scope>[?option=value&...]``, e.g. ``spm/2025-10-01..2026-09-30/coc=OK-500``
or ``apr/2026-07-01..2026-09-30/all``. The scope is explicit (``coc=OK-500``, ``project=ok-500:1001``,
``projects=a,b``, ``agency=ok-500:12``) or a selector the warehouse expands: ``coc=*`` every CDSA CoC,
``project=*`` every continuum project operating in the period (for CAPER: the ESG-funded ones),
``agency=*`` every agency with one, ``all`` = all three. Option ``trend_years=N`` (SPM) also builds the
N-1 fiscal years before, for the trend table. The period helpers say what the schedules build when.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import parse_qsl, urlencode

from pipelines.errors import WaypointError
from pipelines.reports.hic_pit import NotACountNight, check_count_night
from pipelines.reports.model import REPORTS, ReportRequest
from pipelines.reports.spm import fiscal_year_period

SELECTORS = ("coc=*", "project=*", "agency=*", "all")


class BadReportBuild(WaypointError):
    """A report build key or its parts do not make sense."""


@dataclass(frozen=True)
class Catalogue:
    """What scope selectors expand to: the CoCs, and the continuum projects and agencies in a period."""

    cocs: tuple[str, ...]
    projects: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    esg_projects: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportBuildPlan:
    """The requests of one report build: those whose artifacts it writes, and extra ones it only computes."""

    key: str
    requests: tuple[ReportRequest, ...]
    supporting: tuple[ReportRequest, ...] = field(default_factory=tuple)

    @property
    def all_requests(self) -> tuple[ReportRequest, ...]:
        return self.supporting + self.requests


# --- periods ------------------------------------------------------------------------------------------


def fiscal_year_of(day: date) -> int:
    return day.year + 1 if day.month >= 10 else day.year


def last_closed_fiscal_year(today: date) -> int:
    """The latest federal fiscal year that ended before ``today``."""
    return fiscal_year_of(today) - 1


def last_complete_quarter(today: date) -> tuple[date, date]:
    """The calendar quarter before the one ``today`` is in."""
    first_of_this = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    end = first_of_this - timedelta(days=1)
    return date(end.year, end.month - 2, 1), end


def last_complete_month(today: date) -> tuple[date, date]:
    end = date(today.year, today.month, 1) - timedelta(days=1)
    return date(end.year, end.month, 1), end


# --- keys ---------------------------------------------------------------------------------------------


def _scope_text(scope_type: str, scope_ids: tuple[str, ...]) -> str:
    return f"{scope_type}={','.join(scope_ids)}"


def build_key(report: str, start: date, end: date, scope: str, options: dict[str, str] | None = None) -> str:
    """The partition key of a report build (``scope`` as in the module doc, e.g. ``coc=OK-500`` or ``all``)."""
    if report not in REPORTS:
        raise BadReportBuild(f"unknown report {report!r}; expected one of {', '.join(REPORTS)}")
    key = f"{report}/{start.isoformat()}..{end.isoformat()}/{scope}"
    return key + (f"?{urlencode(sorted(options.items()))}" if options else "")


def partition_key(request: ReportRequest) -> str:
    """The key of one explicit request (the inverse of ``plan_report_build`` for explicit scopes)."""
    scope = _scope_text(request.scope_type, request.scope_ids)
    return build_key(request.report, request.period_start, request.period_end, scope, dict(request.options))


def parse_key(key: str) -> tuple[str, date, date, str, dict[str, str]]:
    """(report, start, end, scope, options) of a key; BadReportBuild if it is not one."""
    body, _, query = key.partition("?")
    parts = body.split("/")
    if len(parts) != 3 or ".." not in parts[1]:
        raise BadReportBuild(f"{key!r} is not <report>/<start>..<end>/<scope>")
    report, period, scope = parts
    try:
        start, end = (date.fromisoformat(p) for p in period.split("..", 1))
    except ValueError as err:
        raise BadReportBuild(f"{key!r}: the period must be YYYY-MM-DD..YYYY-MM-DD") from err
    if report not in REPORTS:
        raise BadReportBuild(f"{key!r}: unknown report {report!r}")
    if scope not in SELECTORS and "=" not in scope:
        raise BadReportBuild(f"{key!r}: the scope must be type=ids or one of {', '.join(SELECTORS)}")
    return report, start, end, scope, dict(parse_qsl(query))


# --- plans --------------------------------------------------------------------------------------------


def _scopes(report: str, scope: str, catalogue: Catalogue | None) -> list[tuple[str, tuple[str, ...]]]:
    """(scope_type, ids) per request the scope stands for."""
    if scope not in SELECTORS:
        scope_type, _, ids = scope.partition("=")
        ids_tuple = tuple(i for i in ids.split(",") if i)
        if scope_type == "coc" and len(ids_tuple) > 1:
            return [("coc", (coc,)) for coc in ids_tuple]
        return [(scope_type, ids_tuple)]
    if catalogue is None:
        raise BadReportBuild(f"scope {scope!r} needs the published warehouse to say what it covers")
    projects = catalogue.esg_projects if report == "caper" else catalogue.projects
    found: list[tuple[str, tuple[str, ...]]] = []
    if scope in ("project=*", "all"):
        found += [("project", (p,)) for p in projects]
    if scope in ("agency=*", "all") and report != "caper":
        found += [("agency", (a,)) for a in catalogue.agencies]
    if scope in ("coc=*", "all") and report != "caper":
        found += [("coc", (c,)) for c in catalogue.cocs]
    return found


def plan_report_build(key: str, catalogue: Catalogue | None = None) -> ReportBuildPlan:
    """Turn a report build (report, period, scope) into the requests one warehouse build computes."""
    report, start, end, scope, options = parse_key(key)
    request_options = {k: v for k, v in options.items() if k != "trend_years"}
    if report == "hic_pit":
        try:
            night = check_count_night(date.fromisoformat(request_options.setdefault("pit_date", start.isoformat())))
        except (ValueError, NotACountNight) as err:
            raise BadReportBuild(f"{key!r}: {err}") from err
        start = end = night
    if report == "spm" and (start, end) != fiscal_year_period(fiscal_year_of(end)):
        raise BadReportBuild(f"{key!r}: SPM periods are federal fiscal years (Oct 1 - Sep 30)")
    requests = []
    for scope_type, ids in _scopes(report, scope, catalogue):
        if report in ("spm", "hic_pit") and scope_type != "coc":
            raise BadReportBuild(f"{key!r}: {report} is built per CoC")
        try:
            requests.append(ReportRequest(report, start, end, scope_type, ids, tuple(sorted(request_options.items()))))
        except ValueError as err:
            raise BadReportBuild(f"{key!r}: {err}") from err
    if not requests:
        raise BadReportBuild(f"{key!r} covers nothing: no CoC, project or agency matches its scope")
    supporting: list[ReportRequest] = []
    trend_years = int(options.get("trend_years", "1"))
    if report == "spm" and trend_years > 1:
        fiscal_year = fiscal_year_of(end)
        for request in requests:
            for earlier in range(fiscal_year - trend_years + 1, fiscal_year):
                first, last = fiscal_year_period(earlier)
                supporting.append(ReportRequest("spm", first, last, "coc", request.scope_ids, request.options))
    return ReportBuildPlan(key, tuple(requests), tuple(supporting))


def catalogue_from_warehouse(con, start: date, end: date) -> Catalogue:
    """CoCs of CDSA, and continuum projects (ESG-funded ones for CAPER) and agencies operating in the period."""
    cocs = tuple(
        r[0] for r in con.execute("select coc_code from marts.dim_coc where is_cdsa_coc order by 1").fetchall()
    )
    operating = """
        from marts.dim_project
        where continuum_project = 1
            and (operating_start_date is null or operating_start_date <= ?)
            and (operating_end_date is null or operating_end_date >= ?)
    """
    rows = con.execute(
        f"select source_id, project_id, organization_key, project_key {operating}", [end, start]
    ).fetchall()
    projects = tuple(sorted(f"{source}:{project}" for source, project, _, _ in rows))
    agencies = tuple(sorted({org.replace("|", ":", 1) for _, _, org, _ in rows if org}))
    esg = {
        key
        for (key,) in con.execute(
            "select distinct project_key from marts.bridge_project_funder "
            "where funder_label ilike '%ESG%' and (start_date is null or start_date <= ?) "
            "and (end_date is null or end_date >= ?)",
            [end, start],
        ).fetchall()
    }
    esg_projects = tuple(sorted(f"{source}:{project}" for source, project, _, key in rows if key in esg))
    return Catalogue(cocs=cocs, projects=projects, agencies=agencies, esg_projects=esg_projects)
