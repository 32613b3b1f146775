"""Row checks that need their own SQL: lists chosen by another column, value patterns from the spec's
notes, and HUD's conditional rules. Each is a predicate over one row of a file (alias ``v``) plus the
plain-words message a finding carries. Plain column rules (types, lengths, lists) live in column_rules; the
rule set both read (types, hashed columns, allowed codes) in spec_rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.ingest import conditions, rulebook
from pipelines.ingest.layout import quote
from pipelines.ingest.spec_rules import HASHED_COLUMNS, TYPE_RULES, allowed_codes, excluded_codes, sql_text
from pipelines.spec import Column, FileSpec, HmisSpec, load_spec

_PATTERN = re.compile(r"\^(\S+?)\$")
BED_NIGHT = ("Services", "RecordType", "200")  # (file, controlling column, its value) of HUD's bed nights
_PATTERN_CONDITION = re.compile(r"\s*If (\w+) = (\d+),")


@dataclass(frozen=True)
class RowCheck:
    file: str
    column: str
    rule_id: str
    severity: str
    bad: str  # SQL predicate: TRUE when the row breaks the rule
    message: str  # SQL string expression


def _value(col: str) -> str:
    return f"left(v.{quote(col)}, 200)"


def _msg(*parts: str) -> str:
    return " || ".join(parts)


def _valid_type(col: Column) -> str:
    return f"regexp_full_match(v.{quote(col.name)}, {TYPE_RULES['I'].sql})"


def _codes(spec: HmisSpec, list_id: str, excluded: set[str]) -> list[str]:
    return [code for code in spec.lists.get(list_id, {}) if code not in excluded]


def _in_list(ref: str, codes: list[str], dtype: str) -> str:
    if dtype == "I":
        numbers = sorted({int(c) for c in codes if c.lstrip("-").isdigit()})
        return f"TRY_CAST({ref} AS INTEGER) IN ({', '.join(map(str, numbers)) or 'NULL'})"
    return f"{ref} IN ({', '.join(sql_text(c) for c in codes) or 'NULL'})"


def _list_check(spec: HmisSpec, file: str, col: Column) -> RowCheck | None:
    if not col.value_lists:
        return None
    ref = f"v.{quote(col.name)}"
    excluded = excluded_codes(col.notes)
    if col.list_by:
        cases = [
            f"WHEN TRY_CAST(v.{quote(ctl)} AS INTEGER) = {int(value)} THEN NOT "
            f"({_in_list(ref, _codes(spec, lid, excluded), col.dtype)})"
            for ctl, value, lid in col.list_by
            if (file, ctl, value) != BED_NIGHT  # said by _bed_night_check, with what it means for reports
        ]
        ok_list = f"CASE {' '.join(cases)} ELSE FALSE END"
        which = "the list its " + col.list_by[0][0] + " selects"
    else:
        codes = sorted(allowed_codes(spec, col))
        ok_list = f"NOT ({_in_list(ref, codes, col.dtype)})"
        which = "list " + " or ".join(col.value_lists)
    guard = f"{ref} IS NOT NULL" + (f" AND {_valid_type(col)}" if col.dtype == "I" else "")
    return RowCheck(
        file, col.name, "list.invalid", rulebook.severity_of(file, col.name, "Non-Null Invalid"),
        f"({guard} AND {ok_list})",
        _msg(sql_text(f"{col.name} is '"), _value(col.name), sql_text(f"', which is not a code of {which}.")),
    )  # fmt: skip


def _pattern_check(file_spec: FileSpec, col: Column, pattern: str, hashed: bool) -> list[RowCheck]:
    file = file_spec.name
    ref = f"v.{quote(col.name)}"
    if hashed and (file, col.name) in HASHED_COLUMNS:
        return []
    # "If SourceType = 1, ... in the format of ...": the pattern holds only under that condition.
    when, only = _PATTERN_CONDITION.match(col.notes), ""
    if when and when.group(1) in file_spec.column_names:
        only = f" AND TRY_CAST(v.{quote(when.group(1))} AS INTEGER) = {int(when.group(2))}"
    said = f" (required when {when.group(1)} is {when.group(2)})" if only else ""
    return [RowCheck(
        file, col.name, "format.pattern", rulebook.severity_of(file, col.name, "Incorrect Data Type"),
        f"({ref} IS NOT NULL AND NOT regexp_full_match({ref}, {sql_text(pattern)}){only})",
        _msg(sql_text(f"{col.name} is '"), _value(col.name),
             sql_text(f"', which does not have the form ^{pattern}${said}.")),
    )]  # fmt: skip


def _patterns(file: str) -> dict[str, str]:
    """Value patterns stated in the FY2026 notes; HUD's '(0-9){3}' slip is read as '[0-9]{3}'."""
    found = {}
    fy2026 = load_spec("fy2026")
    for col in fy2026.file(file).columns if file in fy2026.files else ():
        if match := _PATTERN.search(col.notes):
            found[col.name] = match.group(1).replace("(0-9)", "[0-9]")
    return found


def _bed_night_check(spec: HmisSpec, col: Column) -> RowCheck:
    """A bed night whose TypeProvided is not a bed-night code is no night stayed: say so, never drop it silently."""
    file, controller, value = BED_NIGHT
    codes = next(_codes(spec, lid, set()) for ctl, v, lid in col.list_by if (ctl, v) == (controller, value))
    ref = f"v.{quote(col.name)}"
    other = f"coalesce(NOT ({_in_list(ref, codes, 'I')}), TRUE)"
    return RowCheck(
        file, col.name, "services.bed_night_type", rulebook.severity_of(file, col.name, "Non-Null Invalid"),
        f"(TRY_CAST(v.{quote(controller)} AS INTEGER) = {int(value)} AND {other})",
        _msg(sql_text(f"A bed night ({controller} {value}) has {col.name} '"), f"coalesce({_value(col.name)}, '')",
             sql_text(f"', not {' or '.join(codes)}: it is not counted as a night stayed in night-by-night shelter "
                      "(APR/CAPER, SPM, PIT). Set TypeProvided to 200 or correct RecordType.")),
    )  # fmt: skip


def special_checks(spec: HmisSpec, file_spec: FileSpec, *, hashed: bool) -> list[RowCheck]:
    """Column checks the rule tables do not cover: lists chosen by another column, and value patterns."""
    file = file_spec.name
    patterns = _patterns(file)
    checks: list[RowCheck] = []
    for col in file_spec.columns:
        if col.list_by and (check := _list_check(spec, file, col)):
            checks.append(check)
        if (file, col.name) == (BED_NIGHT[0], "TypeProvided") and col.list_by:
            checks.append(_bed_night_check(spec, col))
        if col.dtype == "S" and col.name in patterns:
            checks += _pattern_check(file_spec, col, patterns[col.name], hashed)
    return checks


def _element_map(file: str) -> dict[str, str]:
    """HUD data-element number -> column, from FY2026's DE column ('3.917.2 A, 3.917.2 B' gives two)."""
    mapping = {}
    fy2026 = load_spec("fy2026")
    for col in fy2026.file(file).columns if file in fy2026.files else ():
        for element in col.element.split(","):
            if element.strip():
                mapping[element.strip().replace(" ", "")] = col.name
    return mapping


def conditional_checks(file_spec: FileSpec, lookup: dict[str, str]) -> tuple[list[RowCheck], list[str]]:
    """HUD's null-unless / non-null-if rules for this file; also returns the rules left unautomated.

    ``lookup`` maps a foreign column (ProjectType) to the SQL that fetches it for the row; the caller
    provides the join.
    """
    file = file_spec.name
    names = {c.lower(): c for c in file_spec.column_names}
    elements = _element_map(file)
    checks, skipped = [], []

    def resolve(ref: str) -> str:
        column = names.get(ref.lower()) or elements.get(ref)
        if column and column in file_spec.column_names:
            return f"v.{quote(column)}"
        if ref in lookup:
            return lookup[ref]
        raise conditions.Unsupported(f"{ref} is not a column of {file}.csv")

    for rule in rulebook.conditionals():
        if rule.file != file or rule.column not in file_spec.column_names:
            continue
        try:
            predicate = conditions.to_sql(rule.condition, resolve)
        except conditions.Unsupported as why:
            skipped.append(f"{file}.{rule.column}: {rule.condition} ({why})")
            continue
        ref = f"v.{quote(rule.column)}"
        readable = rule.readable or rule.condition
        if rule.kind == "null_unless":
            bad = f"({ref} IS NOT NULL AND NOT coalesce({predicate}, FALSE))"
            message = _msg(
                sql_text(f"{rule.column} is '"),
                _value(rule.column),
                sql_text(f"' but should be empty unless {readable}."),
            )
            rule_id = "conditional.null_unless"
        else:
            bad = f"({ref} IS NULL AND coalesce({predicate}, FALSE))"
            message = sql_text(f"{rule.column} is empty but is required when {readable}.")
            rule_id = "conditional.required_if"
        checks.append(RowCheck(file, rule.column, rule_id, rule.severity, bad, message))
    return checks, skipped


def foreign_columns(file_spec: FileSpec) -> set[str]:
    """Columns the conditional rules of this file name but the file lacks (fetched through a join)."""
    names = {c.lower() for c in file_spec.column_names}
    keywords = {"and", "or", "in", "c", "is", "not", "null", "list", "between", "integer"}
    wanted = set()
    for rule in rulebook.conditionals():
        if rule.file != file_spec.name or rule.column not in file_spec.column_names:
            continue
        for token in re.findall(r"[A-Za-z0-9._]+", rule.condition):
            if "." in token or token.isdigit() or token.lower() in keywords or token.lower() in names:
                continue
            wanted.add(token)
    return wanted
