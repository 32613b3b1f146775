"""Typed view of the HUD HMIS CSV specification (one object per CSV version)."""

from __future__ import annotations

from dataclasses import dataclass, field

# The 24 files of an HMIS CSV export, in HUD's order (identical in FY2024 and FY2026).
FILE_ORDER: tuple[str, ...] = (
    "Export",
    "Organization",
    "User",
    "Project",
    "Funder",
    "ProjectCoC",
    "Inventory",
    "Affiliation",
    "HMISParticipation",
    "CEParticipation",
    "Client",
    "Enrollment",
    "Exit",
    "IncomeBenefits",
    "HealthAndDV",
    "EmploymentEducation",
    "Disabilities",
    "Services",
    "CurrentLivingSituation",
    "Assessment",
    "AssessmentQuestions",
    "AssessmentResults",
    "Event",
    "YouthEducationStatus",
)

# The versions whose shape the raw tables hold (FY2026 columns, then FY2024-only columns).
CSV_VERSIONS: tuple[str, ...] = ("fy2026", "fy2024")
# Older versions read and mapped, at ingest, into the shape of a current one (pipelines/ingest/legacy.py).
LEGACY_VERSIONS: dict[str, str] = {"fy2022": "fy2024"}
READ_VERSIONS: tuple[str, ...] = (*CSV_VERSIONS, *LEGACY_VERSIONS)

# FY2022 had EnrollmentCoC.csv (folded into Enrollment.EnrollmentCoC in FY2024) and neither
# HMISParticipation.csv nor CEParticipation.csv (added in FY2024).
_FY2022_FILES = tuple(f for f in FILE_ORDER if f not in ("HMISParticipation", "CEParticipation"))
FILES_BY_VERSION: dict[str, tuple[str, ...]] = {
    "fy2026": FILE_ORDER,
    "fy2024": FILE_ORDER,
    "fy2022": (*_FY2022_FILES[: _FY2022_FILES.index("Enrollment") + 1], "EnrollmentCoC",
               *_FY2022_FILES[_FY2022_FILES.index("Enrollment") + 1 :]),
}  # fmt: skip
# Every file name any read version has, for recognising zip members.
ALL_FILES: tuple[str, ...] = tuple(dict.fromkeys(f for files in FILES_BY_VERSION.values() for f in files))


def shape_of(version: str) -> str:
    """The version whose columns the raw tables give rows of this version (itself unless legacy)."""
    return LEGACY_VERSIONS.get(version, version)


@dataclass(frozen=True)
class Column:
    """One column of one HMIS CSV file.

    ``dtype`` is HUD's type letter: S (string), I (integer), D (date), T (datetime),
    M (money, may be negative) or M+ (non-negative money). ``value_lists`` holds the
    code lists a value must come from; several lists mean the list depends on another
    column (Services.TypeProvided by RecordType), resolved by ``list_by``.
    """

    file: str
    name: str
    order: int
    dtype: str
    max_length: int | None
    nullable: bool
    value_lists: tuple[str, ...] = ()
    element: str = ""
    notes: str = ""
    list_by: tuple[tuple[str, str, str], ...] = ()  # (controlling column, its value, list id)

    @property
    def value_list(self) -> str | None:
        """The single code list of this column, when it has exactly one."""
        return self.value_lists[0] if len(self.value_lists) == 1 else None


@dataclass(frozen=True)
class FileSpec:
    """One HMIS CSV file: its columns in spec order."""

    name: str
    columns: tuple[Column, ...]

    @property
    def filename(self) -> str:
        return f"{self.name}.csv"

    @property
    def key(self) -> str:
        """The file's unique identifier column (always the first column)."""
        return self.columns[0].name

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name.lower() == name.lower():
                return col
        raise KeyError(f"{self.name}.csv has no column {name}")


@dataclass(frozen=True)
class HmisSpec:
    """The whole specification of one CSV version: files, columns and code lists."""

    version: str
    files: dict[str, FileSpec]
    lists: dict[str, dict[str, str]] = field(default_factory=dict)  # list id -> code -> label

    def file(self, name: str) -> FileSpec:
        for spec in self.files.values():
            if spec.name.lower() == name.lower():
                return spec
        raise KeyError(f"{name} is not an HMIS CSV {self.version} file")

    def codes(self, list_id: str) -> list[int]:
        """The integer codes of a list, sorted."""
        return sorted(int(code) for code in self.lists[list_id])

    def label(self, list_id: str, code: int | str) -> str:
        return self.lists.get(list_id, {}).get(str(code), "")
