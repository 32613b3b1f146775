"""Two beds on one night in two projects (Eva 77): a household leaves a shelter, transitional housing or safe
haven on the day its members start another such stay, and the exit is recorded a day late, so the last
night of the first stay is also the first night of the next.

The exit moves with everything dated by it (the exit-stage records' InformationDate, the Exit's and those
records' DateCreated and DateUpdated), so timeliness and the at-exit checks find what they found before;
only the overlap check's findings are new, and the manifest names each later stay it flags.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipelines.synth.calendar import SECONDS_PER_DAY
from pipelines.synth.manifest import Defects
from pipelines.synth.options import Options
from pipelines.synth.output import export_seconds
from pipelines.synth.picking import pick
from pipelines.synth.rng import stream

BED_FROM_ENTRY = (0, 2, 8)  # entry-exit shelter, transitional housing, safe haven
STAGE_FILES = ("IncomeBenefits", "HealthAndDV", "Disabilities", "EmploymentEducation", "YouthEducationStatus")
RESIDENTIAL = (0, 1, 2, 3, 8, 9, 10, 13)
KEY = ["_source", "EnrollmentID"]


def inject(tables: dict[str, pd.DataFrame], options: Options, defects: Defects) -> None:
    """Before the descriptor defects, which read stay dates: households leaving one bed-from-entry project on
    the day they enter another, whose exits may safely move, have them moved a day later."""
    rng = stream(options.seed, "residential-overlap-defects")
    stays = _stays(tables)
    bed = stays["ptype"].isin(BED_FROM_ENTRY) & (stays["EntryDate"] < stays["ExitDate"].fillna(np.inf))
    later = stays[bed][["_source", "PersonalID", "ProjectID", "EntryDate", "EnrollmentID"]]
    pairs = stays[bed & stays["ExitDate"].notna()].merge(
        later.rename(columns={"ProjectID": "next_project", "EntryDate": "ExitDate", "EnrollmentID": "next"}),
        on=["_source", "PersonalID", "ExitDate"],
    )
    pairs = pairs[pairs["ProjectID"] != pairs["next_project"]]
    household = ["_source", "HouseholdID", "ExitDate"]
    leaving = stays.merge(pairs[household].drop_duplicates(), on=household)
    members: dict[tuple, list[tuple[str, object]]] = {}
    for source, household_id, exit_day, enrollment in leaving[[*household, "EnrollmentID"]].itertuples(index=False):
        members.setdefault((source, household_id, exit_day), []).append((source, enrollment))
    unsafe = _unsafe(stays, tables, defects, options)
    candidates = sorted(
        {
            (s, h, x)
            for s, h, x in zip(pairs["_source"], pairs["HouseholdID"], pairs["ExitDate"], strict=True)
            if not any(m in unsafe for m in members[(s, h, x)])
        }
    )
    chosen = pick(rng, np.arange(len(candidates)), options.rates.residential_overlap, options.force_every_defect)
    moved = {m for i in chosen for m in members[candidates[i]]}
    _shift_exits(tables, moved)
    flagged = pairs[
        np.array([(s, e) in moved for s, e in zip(pairs["_source"], pairs["EnrollmentID"], strict=True)], dtype=bool)
    ]
    rows = tables["Enrollment"].merge(
        flagged[["_source", "next"]].drop_duplicates().rename(columns={"next": "EnrollmentID"}), on=KEY
    )
    defects.add_rows(
        "residential_overlap",
        rows,
        "Enrollment",
        "EnrollmentID",
        column="EntryDate",
        values=rows["EntryDate"],
        detail="starts on the night the household's previous stay (exit recorded a day late) still counts",
    )


def _stays(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    columns = ["_source", "EnrollmentID", "PersonalID", "HouseholdID", "ProjectID", "EntryDate"]
    exits = tables["Exit"][[*KEY, "ExitDate"]]
    types = tables["Project"][["_source", "ProjectID", "ProjectType"]].rename(columns={"ProjectType": "ptype"})
    stays = tables["Enrollment"][columns].merge(exits, on=KEY, how="left")
    stays = stays.merge(types, on=["_source", "ProjectID"], how="left")
    for column in ("EntryDate", "ExitDate", "ptype"):
        stays[column] = pd.to_numeric(stays[column]).astype("float64")
    return stays


def _unsafe(
    stays: pd.DataFrame, tables: dict[str, pd.DataFrame], defects: Defects, options: Options
) -> set[tuple[str, object]]:
    """Exits that must not move: a late exit record (its lateness is declared), one created so late that a
    day more would pass the export, and one whose day later would meet any stay other than a shelter,
    transitional or safe haven stay starting that day in another project (a stay in the same project, or
    permanent housing or night-by-night shelter active that night)."""
    exits = tables["Exit"]
    late_ids = {(d["source_id"], d["record_id"]) for d in defects.entries if d["defect"] == "late_exit"}
    limit = export_seconds(options) - SECONDS_PER_DAY
    unsafe = {
        (s, e)
        for s, e, x, created in zip(
            exits["_source"], exits["EnrollmentID"], exits["ExitID"], exits["DateCreated"], strict=True
        )
        if (s, x) in late_ids or created > limit
    }
    left = stays[stays["ExitDate"].notna()]
    meets = left.merge(stays, on=["_source", "PersonalID"], suffixes=("", "_o"))
    meets = meets[meets["EnrollmentID"] != meets["EnrollmentID_o"]]
    night = meets["ExitDate"]
    active = (meets["EntryDate_o"] <= night) & (meets["ExitDate_o"].fillna(np.inf) > night)
    same_project = (meets["ProjectID"] == meets["ProjectID_o"]) & (meets["EntryDate_o"] == night)
    expected = meets["ptype_o"].isin(BED_FROM_ENTRY) & (meets["EntryDate_o"] == night)
    bad = same_project | (
        (meets["ProjectID"] != meets["ProjectID_o"]) & meets["ptype_o"].isin(RESIDENTIAL) & active & ~expected
    )
    return unsafe | set(zip(meets["_source"][bad], meets["EnrollmentID"][bad], strict=True))


def _shift_exits(tables: dict[str, pd.DataFrame], moved: set[tuple[str, object]]) -> None:
    """The exits of ``moved`` enrollments a day later, with the records dated by them."""
    exits = tables["Exit"]
    at = exits["EnrollmentID"].isin([e for _, e in moved]).to_numpy().copy()
    sources, ids = exits["_source"].to_numpy()[at], exits["EnrollmentID"].to_numpy()[at]
    at[at] = [k in moved for k in zip(sources, ids, strict=True)]
    old = dict(
        zip(zip(exits["_source"][at], exits["EnrollmentID"][at], strict=True), exits["ExitDate"][at], strict=True)
    )
    _later(exits, at, "ExitDate")
    ids = [e for _, e in old]
    for name in STAGE_FILES:
        frame = tables[name]
        hit = frame["EnrollmentID"].isin(ids).to_numpy() & (pd.to_numeric(frame["DataCollectionStage"]).to_numpy() == 3)
        rows = np.flatnonzero(hit)
        keys = zip(frame["_source"].to_numpy()[rows], frame["EnrollmentID"].to_numpy()[rows], strict=True)
        dated = frame["InformationDate"].to_numpy()[rows]
        hit[rows] = [old.get(k) == d for k, d in zip(keys, dated, strict=True)]
        _later(frame, hit, "InformationDate")


def _later(frame: pd.DataFrame, rows: np.ndarray, date_column: str) -> None:
    frame.loc[rows, date_column] = frame.loc[rows, date_column] + 1
    for column in ("DateCreated", "DateUpdated"):
        if column in frame:
            frame.loc[rows, column] = frame.loc[rows, column] + SECONDS_PER_DAY
