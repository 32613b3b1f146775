"""Every warehouse relation the dashboards read, declared once: its level, its scope columns, what to suppress.

A page asks for a dataset by name; the access layer (dashboards.data.access) turns the declaration into a scoped,
read-only query. Adding a mart to the dashboards is one ``Dataset(...)`` entry here. Relation names are looked up
in any schema of the published warehouse (dbt puts marts in schemas such as ``main_marts``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


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
