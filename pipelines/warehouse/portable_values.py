"""The value rules of ``hmis_date`` / ``hmis_timestamp`` / ``hmis_integer`` / ``hmis_money`` for engines without
DuckDB's ``try_strptime`` and ``try_cast`` (PostgreSQL, Spark), generated from ``pipelines.ingest.dates``.

No engine here may raise on a value (a value never fails a build), so nothing is cast before it is known to fit:
each strptime date format of ``DATE_SHAPES`` becomes one regular expression capturing year, month and day plus an
optional time of day in any of ``TIME_PARTS``' forms; a captured date is checked (month 1-12, a day that exists in
that month, hour, minute, second in range, AM/PM only with a 12-hour clock) and only then built with
``make_timestamp``. The two engines differ only in how a text is matched and a group read (``Dialect``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from pipelines.ingest.dates import DATE_SHAPES, HUD_DATE, HUD_DATETIME

# strptime directive -> (regular expression, part it captures); separators are kept literally.
_DIRECTIVES = {"%Y": ("([0-9]{4})", "year"), "%y": ("([0-9]{2})", "short_year"), "%m": ("([0-9]{1,2})", "month")}
_DIRECTIVES["%d"] = ("([0-9]{1,2})", "day")
# A time of day after the date, as TIME_PARTS lists them (strptime reads a space in a format as any run of
# spaces, and its letters in any case): ' ' or 'T', H:M, optionally :S, optionally .fraction, optionally AM/PM.
_TIME = "(?:( +|[Tt])([0-9]{1,2}):([0-9]{1,2})(?::([0-9]{1,2})(?:[.]([0-9]{1,6}))?)?(?: +([AaPp][Mm]))?)?"
_TIME_PARTS = ("separator", "hour", "minute", "second", "fraction", "meridiem")
INTEGER_REGEX = "-?[0-9]+"
MONEY_REGEX = "-?[0-9]+([.][0-9]{1,2})?"
_MAX_MONEY = "1000000000000"  # numeric(14, 2) holds less than 10^12


@dataclass(frozen=True)
class Dialect:
    """How one engine matches a whole text against a regular expression and reads a captured group."""

    name: str
    full_match: Callable[[str, str], str]  # (text, regex) -> boolean SQL
    group: Callable[[str, str, int], str]  # (text, regex, 1-based group) -> text SQL, null when not captured
    current_year: str
    bind: Callable[[str, str, str], str] = lambda text, regex, body: body  # (text, regex, body using groups)


POSTGRES = Dialect(
    name="postgres",
    full_match=lambda text, regex: f"({text} ~ '^{regex}$')",
    group=lambda text, regex, n: f"g[{n}]",  # the match is made once per format (bind)
    current_year="extract(year from current_date)",
    bind=lambda text, regex, body: f"(select {body} from (select regexp_match({text}, '^{regex}$') as g) as m)",
)
SPARK = Dialect(
    name="spark",
    full_match=lambda text, regex: f"({text} rlike '^{regex}$')",
    group=lambda text, regex, n: f"nullif(regexp_extract({text}, '^{regex}$', {n}), '')",
    current_year="year(current_date())",
)


def _date_regex(date_format: str) -> tuple[str, list[str]]:
    """A strptime date format (``%m/%d/%Y``) as a regular expression and the parts its groups capture."""
    regex, parts = "", []
    for token in re.findall(r"%[a-zA-Z]|[^%]", date_format):
        if token in _DIRECTIVES:
            regex += _DIRECTIVES[token][0]
            parts.append(_DIRECTIVES[token][1])
        else:
            regex += re.escape(token) if token not in "-/" else token
    return regex + _TIME, parts + list(_TIME_PARTS)


def _format_sql(text: str, date_format: str, dialect: Dialect) -> str:
    """The timestamp one date format (with any time of day) reads from ``text``, else NULL; never an error."""
    regex, parts = _date_regex(date_format)

    def part(name: str) -> str:
        return dialect.group(text, regex, parts.index(name) + 1)

    def number(name: str, default: str = "0") -> str:
        return f"coalesce(cast({part(name)} as integer), {default})"

    if "year" in parts:
        year = number("year")
    else:  # a two-digit year takes the century that does not put it after the current year
        short = number("short_year")
        year = f"(case when 2000 + {short} > {dialect.current_year} then 1900 else 2000 end + {short})"
    month, day, hour, minute, second = (number(p) for p in ("month", "day", "hour", "minute", "second"))
    meridiem = f"upper({part('meridiem')})"
    days_in_month = _days_in_month(year, month)
    clock_24 = f"({part('meridiem')} is null and {hour} between 0 and 23)"
    clock_12 = (
        f"({part('meridiem')} is not null and {hour} between 1 and 12 and {part('separator')} not in ('T', 't') "
        f"and {part('fraction')} is null)"
    )
    valid = (
        f"{year} >= 1 and {month} between 1 and 12 and {day} between 1 and {days_in_month} "
        f"and ({clock_24} or {clock_12}) and {minute} between 0 and 59 and {second} between 0 and 59"
    )
    hour_24 = (
        f"(case when {meridiem} = 'PM' then mod({hour}, 12) + 12 when {meridiem} = 'AM' then mod({hour}, 12) "
        f"else {hour} end)"
    )
    seconds = f"cast(concat(cast({second} as varchar(2)), '.', coalesce({part('fraction')}, '0')) as decimal(8, 6))"
    if dialect.name == "spark":
        seconds = seconds.replace("varchar(2)", "string")
    built = f"make_timestamp({year}, {month}, {day}, {hour_24}, {minute}, {seconds})"
    matched = f"case when {dialect.full_match(text, regex)} then case when {valid} then {built} end end"
    return dialect.bind(text, regex, matched)


def _days_in_month(year: str, month: str) -> str:
    leap = f"(mod({year}, 4) = 0 and mod({year}, 100) <> 0) or mod({year}, 400) = 0"
    short = f"when {month} in (4, 6, 9, 11) then 30"
    return f"(case when {month} = 2 then case when {leap} then 29 else 28 end {short} else 31 end)"


def _hud_date_parts(ref: str) -> tuple[str, str, str, str]:
    """Year, month, day of a text in HUD's own form (YYYY-MM-DD...), and the check that the day exists."""
    year, month, day = (
        f"cast(substr({ref}, {start}, {length}) as integer)" for start, length in ((1, 4), (6, 2), (9, 2))
    )
    return (
        year,
        month,
        day,
        f"{year} >= 1 and {month} between 1 and 12 and {day} between 1 and {_days_in_month(year, month)}",
    )


def timestamp_sql(ref: str, dialect: Dialect) -> str:
    """SQL: the text ``ref`` read as a timestamp by the rules of ``pipelines.ingest.dates``, or NULL.

    HUD's own form (nearly every value) is read first by position; only other texts meet the regular expressions."""
    year, month, day, valid = _hud_date_parts(ref)
    hour, minute, second = (f"cast(substr({ref}, {start}, 2) as integer)" for start in (12, 15, 18))
    hud = (
        f"when {dialect.full_match(ref, HUD_DATETIME)} then case when {valid} "
        f"then make_timestamp({year}, {month}, {day}, {hour}, {minute}, {second}) end"
    )
    text = f"trim({ref})"
    formats = [f for _, (_, date_formats) in DATE_SHAPES.items() for f in date_formats]
    general = "coalesce(" + ", ".join(_format_sql(text, f, dialect) for f in formats) + ")"
    return f"(case {hud} else {general} end)"


def date_sql(ref: str, dialect: Dialect) -> str:
    """SQL: the text ``ref`` read as a date (a time of day, when given, is dropped), or NULL."""
    year, month, day, valid = _hud_date_parts(ref)
    hud = f"when {dialect.full_match(ref, HUD_DATE)} then case when {valid} then make_date({year}, {month}, {day}) end"
    return f"(case {hud} else cast({timestamp_sql(ref, dialect)} as date) end)"


def integer_sql(ref: str, dialect: Dialect) -> str:
    """A whole number HUD's way that fits an integer, else NULL (checked as a decimal before the cast)."""
    exact = f"(case when length({_significant(ref)}) <= 30 then cast({ref} as decimal(38, 0)) end)"
    fits = f"{exact} between -2147483648 and 2147483647"
    matched = dialect.full_match(ref, INTEGER_REGEX)
    return f"(case when {matched} then case when {fits} then cast({ref} as integer) end end)"


def money_sql(ref: str, dialect: Dialect) -> str:
    """An amount HUD's way (digits, at most two decimals) that fits numeric(14, 2), else NULL."""
    fits = f"abs(case when length({_significant(ref)}) <= 30 then cast({ref} as decimal(38, 2)) end) < {_MAX_MONEY}"
    matched = dialect.full_match(ref, MONEY_REGEX)
    return f"(case when {matched} then case when {fits} then cast({ref} as decimal(14, 2)) end end)"


def _significant(ref: str) -> str:
    """The digits of a number less its sign and leading zeros (how long it really is)."""
    return f"regexp_replace({ref}, '^-?0*', '')"
