"""Project descriptor defects of issue 12 (Eva's PDDE checks and 2.06/2.08): seasonal inventory left open,
shelter bed types that contradict the housing type, a project closed while its stays and beds go on,
HMIS participation records that overlap, start after some of the project's enrollments or are missing,
a project with no funder, and a victim service provider's project marked as participating in HMIS.

Each kind changes descriptor rows only, chosen so that no other check's ground truth moves: the projects
left without participation or funder records, and the VSP project, are non-participating projects that
hold no client data; the closed project and the late participation start belong to participating projects
whose enrollments the manifest then names.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipelines.synth.calendar import day, to_date
from pipelines.synth.manifest import Defects
from pipelines.synth.options import Options
from pipelines.synth.picking import pick
from pipelines.synth.rng import stream

OPERATING_END_BEFORE_EXPORT_END = 45  # days: the closed project's stays still open then are flagged


def inject(tables: dict[str, pd.DataFrame], options: Options, defects: Defects) -> None:
    """Every descriptor kind, each from its own random stream (adding one never moves the others)."""
    _inventory(tables, options, defects)
    _operating_end(tables, options, defects)
    _inventory_after_stays(tables, options, defects)
    _participation(tables, options, defects)
    _ce_participation(tables, options, defects)
    _records_missing(tables, options, defects)


def _keys(frame: pd.DataFrame) -> list[tuple[str, object]]:
    return list(zip(frame["_source"].astype(str), frame["ProjectID"], strict=True))


def _projects_of(frame: pd.DataFrame) -> set[tuple[str, object]]:
    """The (source, ProjectID) pairs a table's rows belong to (one pass over the distinct pairs)."""
    return set(_keys(frame[["_source", "ProjectID"]].drop_duplicates()))


def _numbers(frame: pd.DataFrame, column: str) -> np.ndarray:
    if column not in frame:
        return np.full(len(frame), np.nan)
    return pd.to_numeric(frame[column]).astype("float64").to_numpy()


def _inventory(tables: dict[str, pd.DataFrame], options: Options, defects: Defects) -> None:
    """Year-round shelter beds made seasonal with no end date (Eva 37); site-based shelter beds recorded as
    voucher beds (Eva 135)."""
    rng = stream(options.seed, "inventory-defects")
    rates, force = options.rates, options.force_every_defect
    inventory, project = tables["Inventory"], tables["Project"]
    housing = dict(zip(_keys(project), _numbers(project, "HousingType"), strict=True))
    year_round = (_numbers(inventory, "Availability") == 1) & (_numbers(inventory, "ESBedType") == 1)
    year_round &= np.isnan(_numbers(inventory, "InventoryEndDate"))
    rows = pick(rng, np.flatnonzero(year_round), rates.seasonal_inventory, force)
    inventory.loc[inventory.index[rows], "Availability"] = 2
    defects.add_rows(
        "seasonal_inventory",
        inventory.iloc[rows],
        "Inventory",
        "InventoryID",
        column="Availability",
        values=[2] * len(rows),
        detail="seasonal beds with no InventoryEndDate",
    )
    site_based = np.array([housing.get(k) in (1.0, 2.0) for k in _keys(inventory)], dtype=bool)
    eligible = np.setdiff1d(np.flatnonzero(year_round & site_based), rows)
    rows = pick(rng, eligible, rates.es_bed_type_mismatch, force)
    inventory.loc[inventory.index[rows], "ESBedType"] = 2
    defects.add_rows(
        "es_bed_type_mismatch",
        inventory.iloc[rows],
        "Inventory",
        "InventoryID",
        column="ESBedType",
        values=[2] * len(rows),
        detail="voucher beds in a site-based shelter",
    )


def _stays(tables: dict[str, pd.DataFrame], end: int) -> pd.DataFrame:
    """Enrollments with the day their stay ends (the export end while open)."""
    stays = tables["Enrollment"][["_source", "EnrollmentID", "PersonalID", "ProjectID", "EntryDate"]].merge(
        tables["Exit"][["_source", "EnrollmentID", "ExitDate"]], on=["_source", "EnrollmentID"], how="left"
    )
    stays["_source"] = stays["_source"].astype(str)
    stays["stay_end"] = np.nan_to_num(_numbers(stays, "ExitDate"), nan=end)
    return stays


def _participating(tables: dict[str, pd.DataFrame]) -> set[tuple[str, object]]:
    participation = tables["HMISParticipation"]
    return set(_keys(participation[_numbers(participation, "HMISParticipationType") == 1]))


def _operating_end(tables: dict[str, pd.DataFrame], options: Options, defects: Defects) -> None:
    """A participating project with beds given an OperatingEndDate 45 days before the export end: its
    inventory outlives it (Eva 44) and its stays still open then continue after it (Eva 116-120)."""
    rng = stream(options.seed, "operating-end-defects")
    end = day(options.end_date)
    closed_on = end - OPERATING_END_BEFORE_EXPORT_END
    project, inventory = tables["Project"], tables["Inventory"]
    stays = _stays(tables, end)
    running = _projects_of(stays[stays["stay_end"].to_numpy() > closed_on])
    with_beds = set(_keys(inventory))
    participating = _participating(tables)
    eligible = [i for i, k in enumerate(_keys(project)) if k in running and k in with_beds and k in participating]
    rows = pick(rng, np.array(eligible, dtype=np.int64), options.rates.operating_end_passed, options.force_every_defect)
    if "OperatingEndDate" not in project:
        project["OperatingEndDate"] = np.nan
    project["OperatingEndDate"] = project["OperatingEndDate"].astype("float64")
    project.loc[project.index[rows], "OperatingEndDate"] = float(closed_on)
    closed = set(_keys(project.iloc[rows]))
    when = to_date(closed_on).isoformat()
    beds = inventory[[k in closed for k in _keys(inventory)]]
    defects.add_rows(
        "operating_end_passed",
        beds,
        "Inventory",
        "InventoryID",
        column="InventoryEndDate",
        detail=f"inventory open past OperatingEndDate {when}",
    )
    late = stays[[k in closed for k in _keys(stays)] & (stays["stay_end"].to_numpy() > closed_on)]
    defects.add_rows(
        "operating_end_passed",
        late,
        "Enrollment",
        "EnrollmentID",
        column="ExitDate",
        detail=f"stay continues after OperatingEndDate {when}",
    )


def _inventory_after_stays(tables: dict[str, pd.DataFrame], options: Options, defects: Defects) -> None:
    """A project whose stays all ended gets bed inventory that starts the day after the last one ended:
    enrollments in the data period, none within active inventory (Eva 141)."""
    rng = stream(options.seed, "inventory-after-stays-defects")
    end = day(options.end_date)
    project, inventory = tables["Project"], tables["Inventory"]
    stays = _stays(tables, end)
    last = stays.groupby(["_source", "ProjectID"], observed=True)["stay_end"].max()
    start = pd.Series(_numbers(project, "OperatingStartDate"), index=pd.MultiIndex.from_tuples(_keys(project)))
    ended = {k for k, v in last.items() if v < end - 1 and start.get(k, np.inf) <= v}
    closing = _numbers(project, "OperatingEndDate")
    keys = _keys(project)
    with_beds = set(_keys(inventory))
    eligible = np.array([i for i, k in enumerate(keys) if k in ended and k in with_beds and np.isnan(closing[i])])
    rows = pick(rng, eligible.astype(np.int64), options.rates.inventory_after_stays, options.force_every_defect)
    chosen = {keys[i] for i in rows}
    at = np.flatnonzero([k in chosen for k in _keys(inventory)])
    inventory.loc[inventory.index[at], "InventoryStartDate"] = [int(last[k]) + 1 for k in _keys(inventory.iloc[at])]
    defects.add_rows(
        "inventory_after_stays",
        project.iloc[rows],
        "Project",
        "ProjectID",
        detail="bed inventory starts after the project's last stay ended",
    )


def _participation(tables: dict[str, pd.DataFrame], options: Options, defects: Defects) -> None:
    """A second, overlapping HMIS participation record (Eva 131); a participation start moved past the
    project's earliest enrollment, leaving the enrollments before it outside participation (Eva 111-115)."""
    rng = stream(options.seed, "participation-defects")
    rates, force = options.rates, options.force_every_defect
    participation = tables["HMISParticipation"]
    stays = _stays(tables, day(options.end_date))
    served = _projects_of(stays)
    candidates = np.flatnonzero(
        (_numbers(participation, "HMISParticipationType") == 1)
        & np.array([k in served for k in _keys(participation)], dtype=bool)
    )
    late = pick(rng, candidates, rates.participation_window, force)
    first_entry = stays.groupby(["_source", "ProjectID"])["EntryDate"].min()
    for row in late:
        key = _keys(participation.iloc[[row]])[0]
        participation.loc[participation.index[row], "HMISParticipationStatusStartDate"] = int(first_entry[key]) + 1
    starts = dict(zip(_keys(participation), _numbers(participation, "HMISParticipationStatusStartDate"), strict=True))
    moved = set(_keys(participation.iloc[late]))
    before = stays[
        np.array([k in moved for k in _keys(stays)], dtype=bool)
        & (_numbers(stays, "EntryDate") < np.array([starts.get(k, -np.inf) for k in _keys(stays)]))
    ]
    defects.add_rows(
        "participation_window",
        before,
        "Enrollment",
        "EnrollmentID",
        column="EntryDate",
        detail="EntryDate before the project's HMIS participation start",
    )
    doubled = pick(rng, np.setdiff1d(candidates, late), rates.participation_overlap, force)
    copies = participation.iloc[doubled].copy()
    copies["HMISParticipationStatusStartDate"] = _numbers(copies, "HMISParticipationStatusStartDate") + 30
    copies["HMISParticipationID"] = _numbers(participation, "HMISParticipationID").max() + 1 + np.arange(len(copies))
    tables["HMISParticipation"] = pd.concat([participation, copies], ignore_index=True)
    defects.add_rows(
        "participation_overlap",
        copies,
        "HMISParticipation",
        "ProjectID",
        detail="a second HMISParticipation record overlapping the first",
    )


def _ce_participation(tables: dict[str, pd.DataFrame], options: Options, defects: Defects) -> None:
    """A second CE participation record starting 30 days after the first, both open (Eva 128)."""
    rng = stream(options.seed, "ce-participation-defects")
    participation = tables["CEParticipation"]
    rows = pick(rng, np.arange(len(participation)), options.rates.ce_participation_overlap, options.force_every_defect)
    copies = participation.iloc[rows].copy()
    copies["CEParticipationStatusStartDate"] = _numbers(copies, "CEParticipationStatusStartDate") + 30
    copies["CEParticipationID"] = _numbers(participation, "CEParticipationID").max() + 1 + np.arange(len(copies))
    tables["CEParticipation"] = pd.concat([participation, copies], ignore_index=True)
    defects.add_rows(
        "ce_participation_overlap",
        copies,
        "CEParticipation",
        "ProjectID",
        detail="a second CEParticipation record overlapping the first",
    )


def _records_missing(tables: dict[str, pd.DataFrame], options: Options, defects: Defects) -> None:
    """Projects that hold no client data (comparable-database or non-participating): one with no
    HMISParticipation record, one of a victim service provider marked as participating in HMIS (Eva 133),
    one with no Funder record. The first comparable-database project keeps its record as it was."""
    rng = stream(options.seed, "descriptor-record-defects")
    rates, force = options.rates, options.force_every_defect
    participation, funder, project = tables["HMISParticipation"], tables["Funder"], tables["Project"]
    organization = tables["Organization"]
    served = _projects_of(tables["Enrollment"])
    kinds = dict(zip(_keys(participation), _numbers(participation, "HMISParticipationType"), strict=True))
    vsp_flag = _numbers(organization, "VictimServiceProvider") == 1
    vsp = set(zip(organization["_source"].astype(str)[vsp_flag], organization["OrganizationID"][vsp_flag], strict=True))
    keys = _keys(project)
    owners = list(zip(project["_source"].astype(str), project["OrganizationID"], strict=True))
    unserved = [i for i, k in enumerate(keys) if k not in served and kinds.get(k) in (0.0, 2.0)]
    comparable = np.array([i for i in unserved if kinds[keys[i]] == 2.0][1:], dtype=np.int64)
    dropped = pick(rng, comparable, rates.no_participation, force)
    gone = {keys[i] for i in dropped}
    tables["HMISParticipation"] = participation[[k not in gone for k in _keys(participation)]].reset_index(drop=True)
    defects.add_rows("no_participation", project.iloc[dropped], "Project", "ProjectID", detail="no HMISParticipation")
    with_beds = set(_keys(tables["Inventory"]))  # a VSP shelter marked participating also shows zero use (Eva 83)
    in_vsp = np.array(
        [i for i in np.setdiff1d(comparable, dropped) if owners[i] in vsp and keys[i] in with_beds], dtype=np.int64
    )
    marked = pick(rng, in_vsp, rates.vsp_in_hmis, force)
    marked_keys = {keys[i] for i in marked}
    table = tables["HMISParticipation"]
    table.loc[[k in marked_keys for k in _keys(table)], "HMISParticipationType"] = 1
    defects.add_rows(
        "vsp_in_hmis", project.iloc[marked], "Project", "ProjectID", detail="VSP project, HMISParticipationType 1"
    )
    funder_keys = _keys(funder)
    codes: dict[tuple[str, object], set] = {}
    for key, code in zip(funder_keys, funder["Funder"], strict=True):
        codes.setdefault(key, set()).add(code)
    spare = []  # projects whose every funder code some other project also has (no funder kind disappears)
    for i in np.setdiff1d(np.array(unserved, dtype=np.int64), marked):
        others = set(funder["Funder"][[k != keys[i] for k in funder_keys]])
        if keys[i] in codes and codes[keys[i]] <= others:
            spare.append(i)
    unfunded = pick(rng, np.array(spare, dtype=np.int64), rates.no_funder, force)
    lost = {keys[i] for i in unfunded}
    tables["Funder"] = funder[[k not in lost for k in funder_keys]].reset_index(drop=True)
    defects.add_rows("no_funder", project.iloc[unfunded], "Project", "ProjectID", detail="no Funder record")
