"""What the data-quality checks will flag that no defect was injected for: facts of the finished data.

Long stays (``long_stayer``), heads of household in permanent housing not moved in for long
(``missed_move_in``), open services-only and coordinated entry stays without a recent contact
(``inactive_services``), projects whose bed inventory went unused (``zero_utilisation``,
``no_enrollments_in_inventory``) and projects whose stays all ended long ago with no operating end date
(``operating_end_missing``) follow from how stays, contacts and inventory were drawn and from
the local settings in ``seeds/dq/dq_check_settings.csv``. They are declared in the manifest from the
finished tables (day numbers, integer IDs), measured to the export end as the checks are, so the
exact-match DQ tests name every record a check must find.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from pipelines.spec import LEGACY_VERSIONS
from pipelines.synth.calendar import day, to_date
from pipelines.synth.manifest import Defects
from pipelines.synth.options import Options
from pipelines.synth.requirements import dq_setting, type_settings

PERMANENT_HOUSING = (3, 9, 10, 13)
CONTACT_TYPES = (6, 14)  # street outreach (4) has its own injected defect


def declare(tables: dict[str, pd.DataFrame], options: Options, defects: Defects) -> None:
    end = day(options.end_date)
    stays = _open_stays(tables, end)
    _long_stays(stays, end, defects)
    _missed_move_ins(stays, end, defects)
    _inactive_contacts(stays, tables, end, defects)
    _quiet_projects(tables, end, defects)
    if options.csv_version not in LEGACY_VERSIONS:  # FY2022 exports have no HMIS participation records
        _unused_inventory(tables, day(options.start_date), end, defects)


def percentile_cut(values: np.ndarray, percentile: float) -> float:
    """Linear interpolation between the closest ranks (R type 7), as dq_percentile_cuts computes it."""
    ordered = np.sort(values.astype(float))
    wanted = (len(ordered) - 1) * (percentile / 100.0)
    lower = math.floor(wanted)
    upper_value = ordered[lower + 1] if lower + 1 < len(ordered) else ordered[lower]
    return ordered[lower] + (wanted - lower) * (upper_value - ordered[lower])


def _open_stays(tables: dict[str, pd.DataFrame], end: int) -> pd.DataFrame:
    enrollments = tables["Enrollment"]
    exits = tables["Exit"][["_source", "EnrollmentID", "ExitDate"]]
    types = tables["Project"][["_source", "ProjectID", "ProjectType"]]
    frame = enrollments.merge(exits, on=["_source", "EnrollmentID"], how="left").merge(
        types, on=["_source", "ProjectID"], how="left"
    )
    exit_ = _floats(frame["ExitDate"])
    is_open = (np.isnan(exit_) | (exit_ > end)) & (_floats(frame["EntryDate"]) <= end)
    frame = frame[is_open].copy()
    move_in = _floats(frame["MoveInDate"])
    frame["moved_in"] = ~np.isnan(move_in) & (move_in <= end)
    frame["is_ph"] = frame["ProjectType"].isin(PERMANENT_HOUSING).to_numpy()
    return frame


def _over_limit(pool: pd.DataFrame, days: np.ndarray, settings: pd.DataFrame) -> np.ndarray:
    """Rows of ``pool`` whose ``days`` exceed their project type's limit (days, or a percentile per source)."""
    flagged = np.zeros(len(pool), dtype=bool)
    for _, setting in settings.iterrows():
        of_type = _floats(pool["ProjectType"]) == setting["project_type"]
        for source in pool.loc[of_type, "_source"].unique():
            rows = of_type & (pool["_source"].to_numpy() == source)
            limit = setting["value"]
            if setting["unit"] == "percentile":
                limit = percentile_cut(days[rows], setting["value"])
            flagged[rows] = days[rows] > limit
    return flagged


def _long_stays(stays: pd.DataFrame, end: int, defects: Defects) -> None:
    pool = stays[~stays["is_ph"] | stays["moved_in"]]
    move_in = np.nan_to_num(_floats(pool["MoveInDate"]))
    start = np.where(pool["is_ph"], move_in, _floats(pool["EntryDate"])).astype(np.int64)
    days = end - start
    flagged = _over_limit(pool, days, type_settings("long_stay"))
    details = [f"open {d} days at the export end" for d in days[flagged]]
    defects.add_rows("long_stayer", pool[flagged], "Enrollment", "EnrollmentID", details=details)


def _missed_move_ins(stays: pd.DataFrame, end: int, defects: Defects) -> None:
    pool = stays[stays["is_ph"] & ~stays["moved_in"] & (_floats(stays["RelationshipToHoH"]) == 1)]
    days = end - _floats(pool["EntryDate"]).astype(np.int64)
    flagged = _over_limit(pool, days, type_settings("missed_move_in"))
    details = [f"no MoveInDate, open {d} days" for d in days[flagged]]
    defects.add_rows("missed_move_in", pool[flagged], "Enrollment", "EnrollmentID", details=details)


def _age(dob: float, on: float) -> float:
    if np.isnan(dob) or np.isnan(on):
        return np.nan
    born, then = to_date(int(dob)), to_date(int(on))
    return then.year - born.year - ((then.month, then.day) < (born.month, born.day))


def _inactive_contacts(stays: pd.DataFrame, tables: dict[str, pd.DataFrame], end: int, defects: Defects) -> None:
    own = type_settings("inactive_days").set_index("project_type")["value"]
    limits = pd.Series([own.get(t, float(dq_setting("inactive_days"))) for t in CONTACT_TYPES], index=CONTACT_TYPES)
    pool = stays[stays["ProjectType"].isin(CONTACT_TYPES) & stays["ProjectType"].isin(limits.index)]
    dob = tables["Client"][["_source", "PersonalID", "DOB"]]
    pool = pool.merge(dob, on=["_source", "PersonalID"], how="left")
    contacts = tables["CurrentLivingSituation"]
    contacts = contacts[contacts["InformationDate"] <= end]
    last = contacts.groupby(["_source", "EnrollmentID"])["InformationDate"].max().rename("last_contact")
    pool = pool.merge(last.reset_index(), on=["_source", "EnrollmentID"], how="left")
    ages = np.array([_age(d, e) for d, e in zip(_floats(pool["DOB"]), _floats(pool["EntryDate"]), strict=True)])
    adult_or_head = (ages >= 18) | (_floats(pool["RelationshipToHoH"]) == 1)
    cutoff = end - limits.reindex(pool["ProjectType"]).to_numpy().astype(np.int64)
    last_contact = _floats(pool["last_contact"])
    quiet = np.isnan(last_contact) | (last_contact < cutoff)
    flagged = adult_or_head & (_floats(pool["EntryDate"]) < cutoff) & quiet
    details = [
        "open; no contact since " + (to_date(int(c)).isoformat() if not np.isnan(c) else "project start")
        for c in last_contact[flagged]
    ]
    defects.add_rows("inactive_services", pool[flagged], "Enrollment", "EnrollmentID", details=details)


def _quiet_projects(tables: dict[str, pd.DataFrame], end: int, defects: Defects) -> None:
    """Projects without an operating end date, with stays, none open at the export end and no exit in the
    last ``operating_end_days``."""
    stays = tables["Enrollment"].merge(
        tables["Exit"][["_source", "EnrollmentID", "ExitDate"]], on=["_source", "EnrollmentID"], how="left"
    )
    exit_ = _floats(stays["ExitDate"])
    stays = stays.assign(open=np.isnan(exit_) | (exit_ > end), exit_day=exit_)
    per_project = stays.groupby(["_source", "ProjectID"]).agg(open=("open", "any"), last_exit=("exit_day", "max"))
    quiet = per_project[~per_project["open"] & (per_project["last_exit"] < end - int(dq_setting("operating_end_days")))]
    project = tables["Project"]
    no_end = project[_numbers(project, "OperatingEndDate").isna().to_numpy()]
    keys = set(quiet.index)
    rows = no_end[[(s, p) in keys for s, p in zip(no_end["_source"], no_end["ProjectID"], strict=True)]]
    defects.add_rows("operating_end_missing", rows, "Project", "ProjectID", detail="no open stay, no recent exit")


def _floats(values: pd.Series) -> np.ndarray:
    """Numbers as floats, blanks (None, NaN or pandas' NA) as NaN."""
    return pd.to_numeric(values).astype("float64").to_numpy()


def _numbers(frame: pd.DataFrame, column: str) -> pd.Series:
    """A column as numbers; a column the generator leaves out is written all blank."""
    if column not in frame:
        return pd.Series(np.nan, index=frame.index)
    return pd.Series(_floats(frame[column]), index=frame.index)


def _unused_inventory(tables: dict[str, pd.DataFrame], start: int, end: int, defects: Defects) -> None:
    """Projects with bed inventory (not overflow) in the data period but no enrollment in it, or whose
    enrollments in it all fall outside the inventory's dates."""
    inventory = tables["Inventory"]
    inv_end = _numbers(inventory, "InventoryEndDate").fillna(end).to_numpy()
    active = inventory[
        (_numbers(inventory, "BedInventory").fillna(0).to_numpy() > 0)
        & (_numbers(inventory, "Availability").fillna(1).to_numpy() != 3)
        & (_floats(inventory["InventoryStartDate"]) <= end)
        & (inv_end >= start)
    ]
    active = active.assign(inv_end=_numbers(active, "InventoryEndDate").fillna(end).to_numpy())
    enrollments = tables["Enrollment"].merge(
        tables["Exit"][["_source", "EnrollmentID", "ExitDate"]], on=["_source", "EnrollmentID"], how="left"
    )
    exit_ = np.nan_to_num(_floats(enrollments["ExitDate"]), nan=end)
    in_period = (_floats(enrollments["EntryDate"]) <= end) & (exit_ >= start)
    enrollments = enrollments[in_period].assign(stay_end=exit_[in_period])
    participation = tables["HMISParticipation"]
    participating = set(
        zip(
            participation.loc[participation["HMISParticipationType"] == 1, "_source"],
            participation.loc[participation["HMISParticipationType"] == 1, "ProjectID"],
            strict=True,
        )
    )
    project = tables["Project"]
    zero, outside = [], []
    for (source, project_id), beds in active.groupby(["_source", "ProjectID"]):
        served = enrollments[(enrollments["_source"] == source) & (enrollments["ProjectID"] == project_id)]
        if served.empty:
            if (source, project_id) in participating:
                zero.append((source, project_id))
            continue
        overlaps = (_floats(served["EntryDate"])[:, None] <= beds["inv_end"].to_numpy()[None, :]) & (
            served["stay_end"].to_numpy()[:, None] >= _floats(beds["InventoryStartDate"])[None, :]
        )
        if not overlaps.any():
            outside.append((source, project_id))
    for kind, keys in (("zero_utilisation", zero), ("no_enrollments_in_inventory", outside)):
        rows = project[[(s, p) in set(keys) for s, p in zip(project["_source"], project["ProjectID"], strict=True)]]
        defects.add_rows(kind, rows, "Project", "ProjectID", detail=kind.replace("_", " "))
