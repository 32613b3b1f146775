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
from pipelines.reports.model import ReportRequest
from pipelines.reports.registry import REPORTS, Report, report_named
from pipelines.reports.spm import fiscal_year_of

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
    try:
        report_named(report)
    except ValueError as err:
        raise BadReportBuild(str(err)) from err
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


def _scopes(report: Report, scope: str, catalogue: Catalogue | None) -> list[tuple[str, tuple[str, ...]]]:
    """(scope_type, ids) per request the scope stands for; a selector expands to what the report can select."""
    if scope not in SELECTORS:
        scope_type, _, ids = scope.partition("=")
        ids_tuple = tuple(i for i in ids.split(",") if i)
        if scope_type == "coc" and len(ids_tuple) > 1:
            return [("coc", (coc,)) for coc in ids_tuple]
        return [(scope_type, ids_tuple)]
    if catalogue is None:
        raise BadReportBuild(f"scope {scope!r} needs the published warehouse to say what it covers")
    kinds = ("project", "agency", "coc") if scope == "all" else (scope.partition("=")[0],)
    return [
        (kind, (scope_id,))
        for kind in kinds
        if kind in report.selectable
        for scope_id in getattr(catalogue, report.selectable[kind])
    ]


def plan_report_build(key: str, catalogue: Catalogue | None = None) -> ReportBuildPlan:
    """Turn a report build (report, period, scope) into the requests one warehouse build computes."""
    name, start, end, scope, options = parse_key(key)
    report = REPORTS[name]
    request_options = {k: v for k, v in options.items() if k not in report.plan_options}
    if report.period_rule is not None:
        try:
            start, end = report.period_rule(start, end, request_options)
        except (ValueError, WaypointError) as err:
            raise BadReportBuild(f"{key!r}: {err}") from err
    requests = []
    for scope_type, ids in _scopes(report, scope, catalogue):
        if scope_type not in report.scope_kinds:
            raise BadReportBuild(f"{key!r}: {name} is built per {report.built_per()}")
        try:
            requests.append(ReportRequest(name, start, end, scope_type, ids, tuple(sorted(request_options.items()))))
        except ValueError as err:
            raise BadReportBuild(f"{key!r}: {err}") from err
    if not requests:
        raise BadReportBuild(f"{key!r} covers nothing: no CoC, project or agency matches its scope")
    supporting = [r for request in requests for r in (report.supporting(request, options) if report.supporting else ())]
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
    rows = con.execute(f"select project_key, organization_key {operating}", [end, start]).fetchall()
    projects = tuple(sorted(project for project, _ in rows))
    agencies = tuple(sorted({org for _, org in rows if org}))
    esg = {
        key
        for (key,) in con.execute(
            "select distinct project_key from marts.bridge_project_funder "
            "where funder_label ilike '%ESG%' and (start_date is null or start_date <= ?) "
            "and (end_date is null or end_date >= ?)",
            [end, start],
        ).fetchall()
    }
    esg_projects = tuple(sorted(project for project, _ in rows if project in esg))
    return Catalogue(cocs=cocs, projects=projects, agencies=agencies, esg_projects=esg_projects)
