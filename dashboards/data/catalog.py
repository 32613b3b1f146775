"""Every warehouse relation the dashboards read, declared once: its level, its scope columns, what to suppress.

A page asks for a dataset by name; the access layer (dashboards.data.access) turns the declaration into a scoped,
read-only query. Adding a mart to the dashboards is one ``Dataset(...)`` entry here. Relation names are looked up
in any schema of the published warehouse (dbt puts marts in schemas such as ``main_marts``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from dashboards.cell_suppression import Sum


class Level(StrEnum):
    PERSON = "person"  # one row per person, enrollment or record: only roles with person-level access
    AGGREGATE = "aggregate"  # counts only: every role, suppressed for planners and funders


@dataclass(frozen=True)
class ScopeColumns:
    """Which columns of a relation carry each scope axis (None: the relation does not carry it)."""

    coc: str | None = "coc_code"
    agency: str | None = "organization_key"  # the agency (Organization.csv), source-namespaced
    project: str | None = "project_key"  # source-namespaced ProjectID
    funder: str | None = None


@dataclass(frozen=True)
class Dataset:
    name: str
    relation: str
    level: Level
    columns: tuple[str, ...]
    scope: ScopeColumns = field(default_factory=ScopeColumns)
    counts: tuple[str, ...] = ()  # count columns, suppressed for suppressed roles
    rates: dict[str, tuple[str, str]] = field(default_factory=dict)  # rate -> (numerator, denominator), fractions
    tables_by: tuple[str, ...] = ()  # columns that split the rows into separately totalled tables
    order_by: tuple[str, ...] = ()
    # For an AGGREGATE dataset built from person-level rows: count column -> the key columns counted distinct,
    # grouped by ``columns``. The person rows never leave the database.
    count_distinct: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # The same for every user (check settings, the check catalogue): about no one, so no scope applies.
    shared: bool = False
    # Suppressed as one system of cells (dashboards.cell_suppression) instead of table by table: which cells add up
    # to which, across every table and chart a page draws from the dataset. Pages' filters on columns other than
    # ``partition_by`` are applied after suppression, so every filtered view shows each cell with one fate.
    sums: tuple[Sum, ...] = ()
    cell_keys: dict[str, tuple[str, ...]] = field(default_factory=dict)
    partition_by: tuple[str, ...] = ("period_type",)


# Columns that identify a person or a record about one; an aggregate answer must never carry them.
PERSON_COLUMNS = frozenset(
    {
        "personal_id",
        "personal_key",
        "enrollment_key",
        "household_key",
        "exit_key",
        "client_id",
        "warehouse_client_id",
        "enrollment_id",
        "household_id",
        "exit_id",
        "first_name",
        "middle_name",
        "last_name",
        "name_suffix",
        "ssn",
        "dob",
        "date_of_birth",
    }
)

# Where a Funder's funding-source codes (HUD list 2.06.1) become the projects it may see.
PROJECT_FUNDERS = "bridge_project_funder"  # columns: project_key, funder
# Where demo users and the administration page find agencies and projects.
PROJECTS = "dim_project"  # columns: project_key, organization_key, project_name, project_type, single_coc_code
# The build metadata table the warehouse build writes into the published file (meta.build).
BUILD_METADATA = "build"

_DATASETS = (
    Dataset(
        name="projects",
        relation=PROJECTS,
        level=Level.AGGREGATE,
        columns=("single_coc_code", "organization_key", "project_key", "project_name", "project_type"),
        scope=ScopeColumns(coc="single_coc_code"),
        order_by=("single_coc_code", "organization_key", "project_name"),
    ),
    Dataset(  # names for captions and legends: agencies and projects are shown by name, never by key
        name="project_names",
        relation=PROJECTS,
        level=Level.AGGREGATE,
        columns=("organization_key", "project_key", "project_name"),
        scope=ScopeColumns(coc=None),
        order_by=("project_key",),
    ),
    Dataset(
        name="agency_names",
        relation="dim_agency",
        level=Level.AGGREGATE,
        columns=("organization_key", "organization_name"),
        scope=ScopeColumns(coc=None, agency="organization_key", project=None),
        order_by=("organization_key",),
    ),
    Dataset(
        name="people_served_by_project",
        relation="int_enrollments",
        level=Level.AGGREGATE,
        columns=("coc_code", "organization_key", "project_key", "project_type"),
        counts=("people_served",),
        count_distinct={"people_served": ("personal_key",)},
        order_by=("coc_code", "organization_key", "project_key"),
    ),
    Dataset(
        name="people_served_by_project_type",
        relation="int_enrollments",
        level=Level.AGGREGATE,
        columns=("coc_code", "project_type"),
        counts=("people_served",),
        count_distinct={"people_served": ("personal_key",)},
        tables_by=("coc_code",),
        order_by=("coc_code", "project_type"),
    ),
    Dataset(
        name="enrollments",
        relation="int_enrollments",
        level=Level.PERSON,
        columns=(
            "coc_code",
            "organization_key",
            "project_key",
            "project_type",
            "source_id",
            "personal_id",
            "enrollment_key",
            "entry_date",
            "exit_date",
        ),
        order_by=("project_key", "entry_date"),
    ),
)

DATASETS: dict[str, Dataset] = {d.name: d for d in _DATASETS}


# --- The data pages' marts: Overview, Data quality, Trends (planning_*), Outcomes (funder_*) -----------------
# Marts with one row per scope level (CoC, agency, project) get one dataset per level, each narrowed by the column
# that names a scope of that level; pages pass ``scope_level`` and take the broadest level the user may read.

LEVELS = ("coc", "agency", "project")
PERIOD_KEY = ("period_type", "period_start")
ALL_TYPES = ("project_type", "all")
PERIOD_COLUMNS = ("period_type", "period_start", "period_label", "is_complete_period")
COC_ONLY = ScopeColumns(coc="coc_code", agency=None, project=None)


def _keyed_by_level(level: str, key: str) -> ScopeColumns:
    """The scope columns of a level's rows whose key column (``scope_key``) holds the CoC, agency or project."""
    return ScopeColumns(
        coc=key if level == "coc" else None,
        agency=key if level == "agency" else None,
        project=key if level == "project" else None,
    )


def _activity(level: str) -> Dataset:
    scope = {
        "coc": ScopeColumns(coc="coc_code", agency=None, project=None),
        "agency": ScopeColumns(coc="coc_code", agency="organization_key", project=None),
        "project": ScopeColumns(),
    }[level]
    return Dataset(
        name=f"activity_by_{level}",
        relation="planning_served_by_scope",
        level=Level.AGGREGATE,
        columns=(*PERIOD_COLUMNS, "scope_level", "coc_code", "organization_key", "project_key", "project_type"),
        scope=scope,
        counts=("persons_served", "households_served", "persons_entering", "persons_exiting"),
        tables_by=("period_type", "period_start", "project_type"),
        order_by=("period_start", "coc_code", "organization_key", "project_key", "project_type"),
        sums=(
            # a scope's project types add up to its "all" row (at most: a person served in two types counts once)
            Sum(
                within=(*PERIOD_KEY, "scope_level", "coc_code", "organization_key", "project_key"),
                total=ALL_TYPES,
                exact=False,
            ),
            # the scopes of a level add up to the headline the Overview prints
            Sum(within=(*PERIOD_KEY, "scope_level"), parts=ALL_TYPES, name="headline"),
        ),
        partition_by=("period_type", "scope_level"),
    )


def _dq_by_level(name: str, relation: str, level: str, columns: tuple[str, ...], counts: tuple[str, ...]) -> Dataset:
    return Dataset(
        name=f"{name}_{level}",
        relation=relation,
        level=Level.AGGREGATE,
        columns=("period_id", "period_start", "scope_level", "scope_key", "scope_name", *columns),
        scope=_keyed_by_level(level, "scope_key"),
        counts=counts,
        tables_by=("period_id", "scope_key"),
        order_by=("period_start", "scope_key", *(("row_order",) if "row_order" in columns else ())),
    )


DQ_SCORES = (
    "persons_served",
    "completeness_score",
    "accuracy_score",
    "timeliness_score",
    "consistency_score",
    "overall_score",
    "grade",
    "metrics_measured",
    "metrics_meeting_threshold",
    "meets_all_thresholds",
)
DQ_FRAMEWORK_TABLES = {  # dataset prefix -> (relation, columns, person counts)
    "dq_framework_elements": (
        "dq_hud_framework_elements",
        (
            "hud_table",
            "row_order",
            "row_label",
            "dk_pnta_count",
            "missing_count",
            "data_issue_count",
            "total_count",
            "denominator",
            "error_rate",
        ),
        ("dk_pnta_count", "missing_count", "data_issue_count", "total_count", "denominator"),
    ),
    "dq_framework_chronic": (
        "dq_hud_framework_chronic",
        (
            "row_order",
            "row_label",
            "record_count",
            "missing_institution_time_count",
            "missing_housing_time_count",
            "missing_date_started_count",
            "missing_times_count",
            "missing_months_count",
            "unable_to_calculate_count",
            "unable_to_calculate_rate",
        ),
        ("record_count", "unable_to_calculate_count"),
    ),
    "dq_framework_timeliness": (
        "dq_hud_framework_timeliness",
        ("row_order", "row_label", "start_record_count", "exit_record_count"),
        ("start_record_count", "exit_record_count"),
    ),
    "dq_framework_inactive": (
        "dq_hud_framework_inactive",
        ("row_order", "row_label", "record_count", "inactive_record_count", "inactive_rate"),
        ("record_count", "inactive_record_count"),
    ),
}
FUNDER_COUNTS = (
    "persons_served",
    "leavers",
    "exits_to_permanent",
    "returned_12m",
    "adults_with_income_pair",
    "adults_income_increased",
)
# rate -> (numerator, denominator); medians, means and utilisation are hidden with the count they stand on
FUNDER_RATES = {
    "exit_permanent_rate": ("exits_to_permanent", "leavers"),
    "returns_rate": ("returned_12m", "exits_to_permanent"),
    "income_growth_rate": ("adults_income_increased", "adults_with_income_pair"),
    "median_length_of_stay_days": ("leavers", "leavers"),
    "average_length_of_stay_days": ("leavers", "leavers"),
    "utilisation_rate": ("persons_served", "persons_served"),
}

_PAGE_DATASETS = (
    *(_activity(level) for level in LEVELS),
    Dataset(
        name="dq_scorecards_project",
        relation="dq_scorecard_project",
        level=Level.AGGREGATE,
        columns=(
            "period_id",
            "period_start",
            "coc_code",
            "organization_key",
            "organization_name",
            "project_key",
            "project_name",
            "project_type",
            "threshold_group",
            *DQ_SCORES,
        ),
        counts=("persons_served",),
        tables_by=("period_id",),
        order_by=("period_start", "organization_name", "project_name"),
    ),
    Dataset(
        name="dq_scorecards_agency",
        relation="dq_scorecard_agency",
        level=Level.AGGREGATE,
        columns=("period_id", "period_start", "organization_key", "organization_name", *DQ_SCORES),
        scope=ScopeColumns(coc=None, agency="organization_key", project=None),
        counts=("persons_served",),
        tables_by=("period_id",),
        order_by=("period_start", "organization_name"),
    ),
    Dataset(
        name="dq_scorecards_coc",
        relation="dq_scorecard_coc",
        level=Level.AGGREGATE,
        columns=("period_id", "period_start", "coc_code", *DQ_SCORES),
        scope=COC_ONLY,
        counts=("persons_served",),
        tables_by=("period_id",),
        order_by=("period_start", "coc_code"),
    ),
    *(
        _dq_by_level(
            "dq_metrics",
            "dq_scorecard_metrics",
            level,
            (
                "metric",
                "dimension",
                "numerator",
                "denominator",
                "metric_value",
                "score",
                "threshold",
                "direction",
                "meets_threshold",
            ),
            ("numerator", "denominator"),
        )
        for level in LEVELS
    ),
    *(
        _dq_by_level(prefix, relation, level, columns, counts)
        for prefix, (relation, columns, counts) in DQ_FRAMEWORK_TABLES.items()
        for level in LEVELS
    ),
    Dataset(
        name="dq_check_settings",
        relation="dq_check_settings",
        level=Level.AGGREGATE,
        columns=("setting", "value", "unit", "description"),
        shared=True,
        order_by=("setting",),
    ),
    Dataset(
        name="dq_check_catalogue",
        relation="dq_check_catalogue",
        level=Level.AGGREGATE,
        columns=("family", "check_id", "check_name", "severity", "data_element", "applies_to", "guidance", "eva_id"),
        shared=True,
        order_by=("family", "check_id"),
    ),
    Dataset(
        name="dq_records_to_fix",
        relation="dq_record_issues",
        level=Level.PERSON,
        columns=(
            "coc_code",
            "organization_key",
            "organization_name",
            "project_key",
            "project_name",
            "severity",
            "dimension",
            "check_id",
            "check_name",
            "data_element",
            "eva_id",
            "record_type",
            "record_id",
            "personal_id",
            "enrollment_id",
            "household_id",
            "entry_date",
            "exit_date",
            "detected_value",
            "what_to_fix",
        ),
        order_by=("project_name", "severity", "check_name", "record_id"),
    ),
    Dataset(
        name="trends_persons_served",
        relation="planning_persons_served",
        level=Level.AGGREGATE,
        columns=(*PERIOD_COLUMNS, "coc_code", "breakdown", "breakdown_value", "breakdown_label"),
        scope=COC_ONLY,
        counts=("persons_served", "households_served"),
        tables_by=("period_type", "period_start", "breakdown"),
        order_by=("period_start", "coc_code", "breakdown", "breakdown_value"),
        # a CoC's household types add up to its CoC row; its counties (with "unknown"), project type groups and
        # tribal areas add up to at least that (a person served in two counties is one person of the CoC)
        sums=(
            *(
                Sum(
                    within=(*PERIOD_KEY, "coc_code"),
                    parts=("breakdown", part),
                    total=("breakdown", "coc"),
                    exact=part == "household_type",
                )
                for part in ("county", "household_type", "project_type_group", "tribal_area")
            ),
            # a tribal area counts the persons of the counties overlapping it: they add up to at least it
            Sum(
                within=(*PERIOD_KEY, "coc_code"),
                parts=("breakdown", "county"),
                total=("breakdown", "tribal_area"),
                exact=False,
                pairs_from=("bridge_tribal_area_county", "tribal_area_code", "county_fips"),
            ),
        ),
    ),
    Dataset(
        name="trends_system_flows",
        relation="planning_system_flows",
        level=Level.AGGREGATE,
        columns=(*PERIOD_COLUMNS, "coc_code"),
        scope=COC_ONLY,
        counts=("inflow_first_time", "inflow_returning", "outflow_permanent", "outflow_other"),
        tables_by=("period_type", "period_start"),
        order_by=("period_start", "coc_code"),
    ),
    Dataset(
        name="trends_returns",
        relation="planning_returns",
        level=Level.AGGREGATE,
        columns=(*PERIOD_COLUMNS, "coc_code", "is_6m_window_closed", "is_12m_window_closed", "is_24m_window_closed"),
        scope=COC_ONLY,
        counts=("exits_to_permanent", "returned_6m", "returned_12m", "returned_24m"),
        rates={
            "return_rate_6m": ("returned_6m", "exits_to_permanent"),
            "return_rate_12m": ("returned_12m", "exits_to_permanent"),
            "return_rate_24m": ("returned_24m", "exits_to_permanent"),
        },
        tables_by=("period_type", "period_start"),
        order_by=("period_start", "coc_code"),
    ),
    Dataset(
        name="funded_project_outcomes",
        relation="funder_project_outcomes",
        level=Level.AGGREGATE,
        columns=(
            *PERIOD_COLUMNS,
            "is_12m_return_window_closed",
            "funder",
            "funder_label",
            "coc_code",
            "organization_key",
            "project_key",
            "project_name",
            "project_type",
            "project_type_label",
            "average_beds",
            "coc_project_count",
        ),
        scope=ScopeColumns(funder="funder"),
        counts=(*FUNDER_COUNTS, *(f"coc_{c}" for c in FUNDER_COUNTS)),
        rates={
            **FUNDER_RATES,
            **{f"coc_{rate}": (f"coc_{n}", f"coc_{d}") for rate, (n, d) in FUNDER_RATES.items()},
        },
        # a benchmark is its CoC group's column total: one table per funder, period and benchmark group
        tables_by=("period_type", "period_start", "funder", "coc_code", "project_type"),
        order_by=("period_start", "project_name", "funder"),
        # a project's counts are one cell however many of the user's funders list it; a CoC benchmark is one cell
        # per CoC and project type, bounded by the funded projects beside it when they are all of its projects
        cell_keys={
            **{c: (*PERIOD_KEY, "project_key") for c in FUNDER_COUNTS},
            **{f"coc_{c}": (*PERIOD_KEY, "coc_code", "project_type") for c in FUNDER_COUNTS},
        },
        sums=(
            Sum(
                within=(*PERIOD_KEY, "coc_code", "project_type"),
                measures={c: f"coc_{c}" for c in FUNDER_COUNTS},
                exact=False,
                parts_count="coc_project_count",
            ),
        ),
    ),
)

DATASETS.update({d.name: d for d in _PAGE_DATASETS})
