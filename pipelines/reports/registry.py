"""Every report Waypoint builds, one entry each: adding a report is adding an entry here (and its marts and layout rows
in ``seeds/reports/``), not a branch in the planner, the writer, the CLI, Dagster or the dashboards.

An entry says what the rest of the report path asks of a report: its key prefix (``apr`` in
``apr/2026-07-01..2026-09-30/coc=OK-500``, also the artifacts' folder), the name people know it by, the
`waypoint report` sub-command and which options it takes, the scope kinds it is built for and what the
selectors (``coc=*``, ``project=*``, ``agency=*``, ``all``) expand to, and the hooks of the few reports that
need one (a period rule, supporting requests, extra tables or files). Its tables are rows of the seed
``report_tables`` under the same key (pipelines/reports/layout.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from pipelines.reports import hdx_pit, hic_pit, lsa, spm
from pipelines.reports.layout import layout_tables
from pipelines.reports.marts import Connection
from pipelines.reports.model import SCOPE_TYPES, ReportRequest, ReportTable

# The options of each CLI shape (pipelines/cli/commands/report.py): what `waypoint report <verb>` asks for.
CLI_SHAPES = ("period", "fiscal_year", "count_night", "coc_period")
# The Catalogue field (pipelines/reports/schedule.py) each scope kind's selector expands to, by default.
EVERY_SCOPE = {"project": "projects", "agency": "agencies", "coc": "cocs"}
SCOPE_NAMES = {"project": "project", "projects": "set of projects", "agency": "agency", "coc": "CoC"}

TableReader = Callable[[ReportRequest, Connection], list[ReportTable]]
FileWriter = Callable[..., dict[str, bytes]]
TableWriter = Callable[[ReportTable], str]
PeriodRule = Callable[[date, date, dict[str, str]], tuple[date, date]]
Supporting = Callable[[ReportRequest, Mapping[str, str]], list[ReportRequest]]


@dataclass(frozen=True)
class Report:
    """One report: everything the CLI, the planner, Dagster, the writer and the dashboards need to know of it."""

    key: str  # key prefix, ``meta.report_requests.report`` and the artifacts' folder name
    name: str  # what people call it (dashboards, artifacts' About sheet)
    summary: str  # one line: the CLI's help
    verb: str  # `waypoint report <verb>`
    cli: str  # one of CLI_SHAPES
    rule_folder: str  # dbt_project/tests/<rule_folder>/: HUD's cross-table rules that check it (hud_validation)
    scope_kinds: tuple[str, ...] = SCOPE_TYPES
    selectable: Mapping[str, str] = field(default_factory=lambda: dict(EVERY_SCOPE))
    period_rule: PeriodRule | None = None  # checks (and may move) a key's period; may set request options
    supporting: Supporting | None = None  # requests computed in the same build for this one's tables
    plan_options: tuple[str, ...] = ()  # key options that steer the plan and are not request options
    extra_tables: TableReader | None = None  # tables after the seed's: (request, con) -> tables
    extra_files: FileWriter | None = None  # files beside the tables: (request, con, report_time=) -> name: bytes
    table_reader: TableReader | None = None  # replaces the layout seed's tables (the LSA's HUD files)
    table_writer: TableWriter | None = None  # one table as CSV text, instead of the Sage layout

    def __post_init__(self) -> None:
        if self.cli not in CLI_SHAPES:
            raise ValueError(f"report {self.key}: CLI shape {self.cli!r} is not one of {', '.join(CLI_SHAPES)}")
        unknown = [kind for kind in (*self.scope_kinds, *self.selectable) if kind not in SCOPE_TYPES]
        if unknown:
            raise ValueError(f"report {self.key}: unknown scope kinds {', '.join(unknown)}")

    def built_per(self) -> str:
        return " or ".join(SCOPE_NAMES[kind] for kind in self.scope_kinds)

    def tables(self, request: ReportRequest, con: Connection) -> list[ReportTable]:
        """The request's tables from the published warehouse: the layout seed's, then any extra ones."""
        if self.table_reader is not None:
            return self.table_reader(request, con)
        tables = layout_tables(self.key, request, con)
        return tables + self.extra_tables(request, con) if self.extra_tables else tables

    def files_beside(self, request: ReportRequest, con: Connection, *, report_time: datetime) -> dict[str, bytes]:
        return self.extra_files(request, con, report_time=report_time) if self.extra_files else {}


PER_COC = {"scope_kinds": ("coc",), "selectable": {"coc": "cocs"}}  # reports HUD defines for one CoC
_ENTRIES = (
    Report("apr", "APR", "CoC APR for projects, an agency or a CoC over a period.", "apr", "period", "hud_apr"),
    Report(
        "caper",
        "CAPER",
        "ESG CAPER for projects, an agency or a CoC over a period.",
        "caper",
        "period",
        "hud_apr",
        selectable={"project": "esg_projects"},
    ),
    Report(
        "spm",
        "SPM",
        "System Performance Measures of a CoC for a federal fiscal year (plus the HDX 2.0 upload CSV).",
        "spm",
        "fiscal_year",
        "hud_spm",
        **PER_COC,
        period_rule=spm.fiscal_year_rule,
        supporting=spm.trend_requests,
        plan_options=("trend_years",),
        extra_tables=spm.trend_tables,
        extra_files=spm.spm_extra_files,
    ),
    Report(
        "hic_pit",
        "HIC/PIT",
        "HIC and PIT count (sheltered and HMIS-based unsheltered) of a CoC on its count night, with HDX files.",
        "hic-pit",
        "count_night",
        "hud_spm",
        **PER_COC,
        period_rule=hic_pit.count_night_rule,
        extra_files=hdx_pit.hic_pit_extra_files,
    ),
    Report(
        "lsa",
        "LSA",
        "Longitudinal Systems Analysis of a CoC for HDX 2.0 (systemwide; --projects: project-focused; --hic).",
        "lsa",
        "coc_period",
        "hud_lsa",
        **PER_COC,
        period_rule=lsa.period_rule,
        table_reader=lsa.lsa_tables,
        table_writer=lsa.lsa_csv,
    ),
    Report(
        "ce_apr",
        "CE APR",
        "Coordinated Entry APR of a CoC (system-wide), an agency or CE projects over a period (Sage CSV zip).",
        "ce-apr",
        "period",
        "hud_ce_apr",
    ),
    Report("dq", "Data quality", "DQ for projects, an agency or a CoC over a period.", "dq", "period", "hud_apr"),
)
REPORTS: dict[str, Report] = {entry.key: entry for entry in _ENTRIES}


def report_named(key: str) -> Report:
    """The entry of report ``key``; ValueError naming the known ones otherwise."""
    try:
        return REPORTS[key]
    except KeyError:
        raise ValueError(f"unknown report {key!r}; expected one of {', '.join(REPORTS)}") from None


def reports_checked_by(rule_folder: str) -> tuple[str, ...]:
    """The reports whose HUD rules are the dbt tests under ``dbt_project/tests/<rule_folder>/``."""
    return tuple(key for key, entry in REPORTS.items() if entry.rule_folder == rule_folder)


def report_tables(request: ReportRequest, con: Connection) -> list[ReportTable]:
    """The tables of ``request``'s report, from the published warehouse (``con``, read-only)."""
    return report_named(request.report).tables(request, con)
