"""Facts about code lists that the spec holds in its notes rather than its list columns."""

from __future__ import annotations

import re

from pipelines.spec import Column

_CODE_RUN = re.compile(r"\b(\d{1,3}(?:,\s*\d{1,3}){2,})\b")


def excluded_codes(column: Column) -> set[int]:
    """Codes of the column's list that its notes declare not valid here (prior situation, destination, CLS)."""
    found = _CODE_RUN.search(column.notes)
    return {int(x) for x in found.group(1).split(",")} if found else set()


def allowed_codes(spec, column: Column) -> list[int]:
    return [c for c in spec.codes(column.value_list) if c not in excluded_codes(column)]


def check_choices(spec) -> None:
    """Fail if a code the generator chooses by hand is not valid where it is written, in this spec."""
    from pipelines.synth import destinations, enrollments
    from pipelines.synth.records import services

    def allowed(file: str, column: str) -> set[int]:
        return set(allowed_codes(spec, spec.file(file).column(column)))

    used = {
        ("Exit", "Destination"): {c for codes, _ in destinations.CODES.values() for c in codes} | {101, 302, 435},
        ("Exit", "DestinationSubsidyType"): set(destinations.SUBSIDY_BY_STEP.values())
        | {c for codes, _ in destinations.SUBSIDY_AFTER.values() for c in codes},
        ("Enrollment", "LivingSituation"): set(enrollments.PRIOR_CHOICES)
        | set(enrollments.FROM_PREVIOUS_STEP.values()),
        ("CurrentLivingSituation", "CurrentLivingSituation"): set(services.CLS_CODES[0]) | {101, 116},
    }
    for (file, column), codes in used.items():
        bad = codes - allowed(file, column)
        if bad:
            raise ValueError(f"generator writes {sorted(bad)} to {file}.{column}, not allowed by {spec.version}")
