"""Dates as day numbers and datetimes as second numbers since 1970-01-01: fast numpy arithmetic."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import numpy as np

EPOCH = date(1970, 1, 1)
SECONDS_PER_DAY = 86_400


def day(value: date) -> int:
    return value.toordinal() - EPOCH.toordinal()


def to_date(number: int) -> date:
    return date.fromordinal(int(number) + EPOCH.toordinal())


def to_datetime(seconds: int) -> datetime:
    return datetime(1970, 1, 1) + timedelta(seconds=int(seconds))


def add_years(days: np.ndarray, years: np.ndarray | int) -> np.ndarray:
    """Same month and day ``years`` later (29 Feb -> 1 Mar), as day numbers."""
    d = np.asarray(days, dtype=np.int64).astype("datetime64[D]")
    y = d.astype("datetime64[Y]")
    m = d.astype("datetime64[M]")
    month_in_year = (m - y.astype("datetime64[M]")).astype(np.int64)
    day_in_month = (d - m.astype("datetime64[D]")).astype(np.int64)
    new_month = (y + np.asarray(years, dtype=np.int64)).astype("datetime64[M]") + month_in_year
    return (new_month.astype("datetime64[D]") + day_in_month).astype(np.int64)


def years_between(born: np.ndarray, on: np.ndarray) -> np.ndarray:
    """Completed years from day numbers ``born`` to ``on`` (the birthday rule HUD uses for ages)."""
    b = np.asarray(born, dtype=np.int64)
    o = np.asarray(on, dtype=np.int64)
    years = o.astype("datetime64[D]").astype("datetime64[Y]") - b.astype("datetime64[D]").astype("datetime64[Y]")
    years = years.astype(np.int64)
    return years - (add_years(b, years) > o)


def year_of(days: np.ndarray) -> np.ndarray:
    return np.asarray(days, dtype=np.int64).astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970
