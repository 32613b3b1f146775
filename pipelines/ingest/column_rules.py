"""Column rules as data: the spec's types, lengths, required values and code lists in two tables
(``_col_rules``, ``_col_codes``), checked set-wise.

A whole file is screened in one pass with a handful of expressions (one regular expression per HUD type
over all columns of that type, cheap comparisons for the rest); only rows that fail the screen are
unpivoted to (row, column, value) and joined to the rule tables to say which rule each value breaks.
"""

from __future__ import annotations

from functools import cache

import duckdb
import pyarrow as pa

from pipelines.ingest import dates, rulebook
from pipelines.ingest.layout import quote
from pipelines.ingest.spec_rules import HASHED_COLUMNS, TYPE_RULES, allowed_codes, sql_text
from pipelines.spec import READ_VERSIONS, FileSpec, load_spec

_SEP = "chr(1)"
_CHARS = r"[<>\[\]{}]"
_FORMULA = r"\x01([=+@\t\r]|-[^0-9.])"


def _list_words(col) -> str | None:
    if not col.value_lists or col.list_by:
        return None
    return "list " + " or ".join(col.value_lists)


@cache
def _tables() -> tuple[pa.Table, pa.Table]:
    rules: dict[str, list] = {k: [] for k in (
        "version", "file", "col", "dtype", "max_length", "required", "hash_exempt", "type_rule", "type_words",
        "list_words", "sev_required", "sev_type", "sev_length", "sev_list", "sev_chars")}  # fmt: skip
    codes: dict[str, list] = {"version": [], "file": [], "col": [], "code": []}
    for version in READ_VERSIONS:
        spec = load_spec(version)
        for file_spec in spec.files.values():
            file = file_spec.name
            for col in file_spec.columns:
                type_rule = TYPE_RULES.get(col.dtype)
                row = {
                    "version": version, "file": file, "col": col.name, "dtype": col.dtype,
                    "max_length": col.max_length if col.dtype == "S" else None, "required": not col.nullable,
                    "hash_exempt": (file, col.name) in HASHED_COLUMNS,
                    "type_rule": type_rule.rule_id if type_rule else None,
                    "type_words": type_rule.words if type_rule else None,
                    "list_words": _list_words(col),
                    "sev_required": rulebook.severity_of(file, col.name, "Unallowed Null"),
                    "sev_type": rulebook.severity_of(file, col.name, "Incorrect Data Type"),
                    "sev_length": rulebook.severity_of(file, col.name, "String Length Limit Exceeded"),
                    "sev_list": rulebook.severity_of(file, col.name, "Non-Null Invalid"),
                    "sev_chars": rulebook.severity_of(file, col.name, "Impermissible Characters"),
                }  # fmt: skip
                for key, value in row.items():
                    rules[key].append(value)
                if _list_words(col):
                    allowed = allowed_codes(spec, col)
                    for code in sorted(str(int(c)) if col.dtype == "I" else c for c in allowed):
                        for key, value in zip(codes, (version, file, col.name, code), strict=True):
                            codes[key].append(value)
    return pa.table(rules), pa.table(codes)


def create_rule_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Load the spec's column rules and code lists into temp tables of this connection."""
    rules, codes = _tables()
    con.register("_rules_arrow", rules)
    con.register("_codes_arrow", codes)
    con.execute("CREATE OR REPLACE TEMP TABLE _col_rules AS SELECT * FROM _rules_arrow")
    con.execute("CREATE OR REPLACE TEMP TABLE _col_codes AS SELECT * FROM _codes_arrow")
    con.unregister("_rules_arrow")
    con.unregister("_codes_arrow")


def _group_regex(dtype: str) -> str:
    part = TYPE_RULES[dtype].pattern
    return f"'({part})?(\\x01({part}))*'"


@cache
def screen(version: str, file: str, hashed: bool) -> str:
    """SQL predicate over ``v``: TRUE for a row that may break any column rule of the file."""
    spec = load_spec(version)
    file_spec: FileSpec = spec.file(file)
    terms: list[str] = []
    by_type: dict[str, list[str]] = {}
    strings: list[str] = []
    for col in file_spec.columns:
        ref = f"v.{quote(col.name)}"
        if not col.nullable:
            terms.append(f"{ref} IS NULL")
        if col.dtype in TYPE_RULES:
            by_type.setdefault(col.dtype, []).append(ref)
            cast = TYPE_RULES[col.dtype].cast
            if cast:
                terms.append(f"({ref} IS NOT NULL AND TRY_CAST({ref} AS {cast}) IS NULL)")
            if col.dtype in ("D", "T"):
                terms.append(f"starts_with({ref}, '0000')")  # year 0: DuckDB casts it (1 BC); dates.py does not
        if col.dtype == "S":
            strings.append(ref)
            if col.max_length and not (hashed and (file, col.name) in HASHED_COLUMNS):
                terms.append(f"length({ref}) > {col.max_length}")
        if _list_words(col):
            allowed = sorted(allowed_codes(spec, col))
            if col.dtype == "I":
                numbers = ", ".join(sorted({str(int(c)) for c in allowed}, key=int)) or "NULL"
                terms.append(f"({ref} IS NOT NULL AND TRY_CAST({ref} AS BIGINT) NOT IN ({numbers}))")
            else:
                terms.append(
                    f"({ref} IS NOT NULL AND {ref} NOT IN ({', '.join(sql_text(c) for c in allowed) or 'NULL'}))"
                )
    for dtype, refs in by_type.items():
        terms.append(f"NOT regexp_full_match(concat_ws({_SEP}, {', '.join(refs)}), {_group_regex(dtype)})")
    if strings:
        joined = f"concat_ws({_SEP}, {', '.join(strings)})"
        terms.append(f"regexp_matches({joined}, '{_CHARS}')")
        terms.append(f"regexp_matches({_SEP} || {joined}, '{_FORMULA}')")
    return " OR ".join(f"coalesce({t}, FALSE)" for t in terms) or "FALSE"


def _type_ok(val: str) -> str:
    """The value can be read as its HUD type (dates and datetimes in any form ``dates`` reads)."""
    cases = []
    for dtype, rule in TYPE_RULES.items():
        if dtype == "D":
            test = f"{dates.date_sql(val)} IS NOT NULL"
        elif dtype == "T":
            test = f"{dates.timestamp_sql(val)} IS NOT NULL"
        else:
            test = f"regexp_full_match({val}, {rule.sql}) AND TRY_CAST({val} AS {rule.cast}) IS NOT NULL"
        cases.append(f"WHEN '{dtype}' THEN {test}")
    return f"CASE r.dtype {' '.join(cases)} ELSE TRUE END"


def _other_form(long: str, file: str) -> str:
    """One warning per date/datetime column written in a readable form other than HUD's (count, first row)."""
    shown = (
        f"CASE dtype WHEN 'D' THEN strftime({dates.date_sql('val')}, '%Y-%m-%d') "
        f"ELSE strftime({dates.timestamp_sql('val')}, '%Y-%m-%d %H:%M:%S') END"
    )
    hud_d, hud_t = TYPE_RULES["D"].sql, TYPE_RULES["T"].sql
    first = "left(arg_min(val, _row_number), 200)"
    message = (
        "col || ' is not written as HUD writes it (' || CASE dtype WHEN 'D' THEN 'YYYY-MM-DD' "
        "ELSE 'YYYY-MM-DD hh:mm:ss' END || ') in ' || count(*)::VARCHAR || ' row(s), e.g. ''' || "
        f"{first} || ''' in row ' || min(_row_number)::VARCHAR || ', read as ' || arg_min(shown, _row_number) "
        "|| '; the warehouse reads every such value the same way.'"
    )
    return (
        f"SELECT {sql_text(file)}, min(_row_number), col, "
        f"CASE dtype WHEN 'D' THEN 'format.date' ELSE 'format.datetime' END, 'warning', {message}, {first} "
        f"FROM (SELECT *, {shown} AS shown FROM {long} WHERE val IS NOT NULL AND ("
        f"(dtype = 'D' AND NOT regexp_full_match(val, {hud_d})) "
        f"OR (dtype = 'T' AND NOT regexp_full_match(val, {hud_t}))"
        ")) WHERE shown IS NOT NULL GROUP BY col, dtype"
    )


@cache
def unpivot(version: str, file: str, source: str = "_rows") -> str:
    """SELECT of (row, column, value, the column's rules) for every value of the rows in ``source``."""
    columns = ", ".join(quote(c) for c in load_spec(version).file(file).column_names)
    return (
        f"SELECT l._row_number, l.col, l.val, r.* EXCLUDE (col) FROM "
        f"(SELECT {columns}, _row_number FROM {source}) UNPIVOT INCLUDE NULLS (val FOR col IN ({columns})) AS l "
        f"JOIN _col_rules r ON r.version = {sql_text(version)} AND r.file = {sql_text(file)} AND r.col = l.col"
    )


@cache
def detail(version: str, file: str, hashed: bool, long: str = "_long") -> str:
    """Findings SELECT over ``long`` (made by ``unpivot``): which column rule each value breaks."""
    head = f"SELECT {sql_text(file)}, _row_number, col"
    value = "left(val, 200)"
    said = f"col || ' is ''' || {value} || ''''"
    exempt = "hash_exempt" if hashed else "FALSE"
    code = "CASE WHEN dtype = 'I' THEN TRY_CAST(val AS BIGINT)::VARCHAR ELSE val END"
    branches = [
        f"{head}, 'required.missing', sev_required, col || ' is empty; the spec requires a value.', NULL FROM {long} "
        "WHERE required AND val IS NULL",
        f"{head}, type_rule, sev_type, {said} || ', which is not ' || type_words || '; the warehouse holds it as "
        f"empty (the text stays in raw and the archive).', {value} FROM {long} r "
        f"WHERE val IS NOT NULL AND type_rule IS NOT NULL AND NOT ({_type_ok('val')})",
        f"{head}, 'length.exceeded', sev_length, col || ' is ' || length(val)::VARCHAR || ' characters long; the "
        "spec allows ' "
        f"|| max_length::VARCHAR || ': ''' || {value} || '''.', {value} FROM {long} WHERE length(val) > max_length "
        f"AND NOT {exempt}",
        f"{head}, 'list.invalid', sev_list, {said} || ', which is not a code of ' || list_words || '.', {value} FROM "
        f"{long} x "
        f"WHERE val IS NOT NULL AND list_words IS NOT NULL AND (dtype <> 'I' OR regexp_full_match(val, '-?[0-9]+')) "
        f"AND NOT EXISTS (SELECT 1 FROM _col_codes k WHERE k.version = {sql_text(version)} AND k.file = "
        f"{sql_text(file)} "
        f"AND k.col = x.col AND k.code = {code})",
        f"{head}, 'chars.impermissible', sev_chars, col || ' contains a character HUD does not permit (< > [ ] "
        f"{{ }}): ''' "
        f"|| {value} || '''.', {value} FROM {long} WHERE dtype = 'S' AND regexp_matches(val, '{_CHARS}')",
        f"{head}, 'chars.formula', 'warning', col || ' starts like a spreadsheet formula and could run if opened in "
        "Excel: ''' "
        f"|| {value} || '''.', {value} FROM {long} WHERE dtype = 'S' AND regexp_matches({_SEP} || val, '{_FORMULA}')",
        _other_form(long, file),
    ]
    return " UNION ALL ".join(branches)
