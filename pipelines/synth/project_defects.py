"""Project defects of issue 12 that concern projects serving clients, each placed on a project of its own so
no other check's ground truth moves: a night-by-night shelter whose bed nights were never recorded (Eva 106),
a served project filed under a victim service provider (Eva 139) and a residential project that lists the
other CoC as well, where it has no inventory (Eva 136).

What a change makes other checks find is declared with it: the emptied shelter's enrollments have no bed
night on their start date; the VSP's participating project is also a VSP participating in HMIS (Eva 133).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipelines.synth.calendar import day
from pipelines.synth.descriptor_defects import _keys, _numbers, _participating, _projects_of, _stays
from pipelines.synth.manifest import Defects
from pipelines.synth.options import Options
from pipelines.synth.picking import pick
from pipelines.synth.rng import stream

BED_NIGHT = 200  # Services.RecordType of 4.14 Bed Night
RESIDENTIAL = (0, 1, 2, 3, 8, 9, 10)


def inject(tables: dict[str, pd.DataFrame], options: Options, defects: Defects) -> None:
    """Each kind from its own random stream, on projects the other kinds leave alone."""
    emptied = _nbn_without_bed_nights(tables, options, defects)
    moved = _vsp_client_data(tables, options, defects, emptied)
    _coc_without_inventory(tables, options, defects, emptied | moved)


def _nbn_without_bed_nights(tables: dict[str, pd.DataFrame], options: Options, defects: Defects) -> set:
    """A participating night-by-night shelter with enrollments loses every bed night. Only a shelter whose
    open stays (if any) are already declared inactive is eligible, so no inactivity finding moves."""
    rng = stream(options.seed, "nbn-bed-night-defects")
    project, services = tables["Project"], tables["Services"]
    stays = _stays(tables, day(options.end_date))
    inactive = {(d["source_id"], d["record_id"]) for d in defects.entries if d["defect"] == "inactive_nbn"}
    open_stays = stays[np.isnan(_numbers(stays, "ExitDate"))]
    asleep = [k in inactive for k in zip(open_stays["_source"], open_stays["EnrollmentID"], strict=True)]
    awake = _projects_of(open_stays[~np.array(asleep, dtype=bool)])
    served, participating = _projects_of(stays), _participating(tables)
    types = _numbers(project, "ProjectType")
    keys = _keys(project)
    eligible = [
        i for i, k in enumerate(keys) if types[i] == 1 and k in served and k in participating and k not in awake
    ]
    rows = pick(rng, np.array(eligible, dtype=np.int64), options.rates.nbn_no_bed_nights, options.force_every_defect)
    chosen = {keys[i] for i in rows}
    mine = stays[np.array([k in chosen for k in _keys(stays)], dtype=bool)]
    enrollments = set(zip(mine["_source"], mine["EnrollmentID"], strict=True))
    nights = services[
        (_numbers(services, "RecordType") == BED_NIGHT)
        & np.array(
            [k in enrollments for k in zip(services["_source"], services["EnrollmentID"], strict=True)], dtype=bool
        )
    ]
    tables["Services"] = services.drop(index=nights.index).reset_index(drop=True)
    defects.add_rows(
        "nbn_no_bed_nights",
        project.iloc[rows],
        "Project",
        "ProjectID",
        column="ProjectType",
        values=[1] * len(rows),
        detail="night-by-night shelter with enrollments and no bed night",
    )
    defects.add_rows(
        "nbn_no_bed_nights",
        mine,
        "Enrollment",
        "EnrollmentID",
        column="EntryDate",
        detail="no bed night on EntryDate (the shelter recorded none)",
    )
    return chosen


def _vsp_client_data(tables: dict[str, pd.DataFrame], options: Options, defects: Defects, taken: set) -> set:
    """A served project is filed under its source's victim service provider: client data in a VSP's project
    (Eva 139) and, as it participates, a VSP participating in HMIS (Eva 133). Projects with an incomplete
    address are left out (a VSP's street address is not checked)."""
    rng = stream(options.seed, "vsp-client-data-defects")
    project, organization, coc = tables["Project"], tables["Organization"], tables["ProjectCoC"]
    vsp = organization[_numbers(organization, "VictimServiceProvider") == 1]
    vsp_of_source = dict(zip(vsp["_source"].astype(str), vsp["OrganizationID"], strict=False))
    incomplete = coc[coc[["Address1", "City", "State"]].isna().any(axis=1)]
    unaddressed = _projects_of(incomplete)
    served = _projects_of(tables["Enrollment"])
    keys = _keys(project)
    eligible = [
        i
        for i, k in enumerate(keys)
        if k in served
        and k[0] in vsp_of_source
        and k not in unaddressed
        and k not in taken
        and project["OrganizationID"].iloc[i] != vsp_of_source[k[0]]
    ]
    rows = pick(rng, np.array(eligible, dtype=np.int64), options.rates.vsp_client_data, options.force_every_defect)
    for i in rows:
        project.loc[project.index[i], "OrganizationID"] = vsp_of_source[keys[i][0]]
    defects.add_rows(
        "vsp_client_data",
        project.iloc[rows],
        "Project",
        "ProjectID",
        column="OrganizationID",
        values=project["OrganizationID"].to_numpy()[rows],
        detail="served project filed under a victim service provider",
    )
    participating = _participating(tables)
    marked = project.iloc[[i for i in rows if keys[i] in participating]]
    defects.add_rows(
        "vsp_in_hmis", marked, "Project", "ProjectID", detail="VSP project (moved there), HMISParticipationType 1"
    )
    return {keys[i] for i in rows}


def _coc_without_inventory(tables: dict[str, pd.DataFrame], options: Options, defects: Defects, taken: set) -> None:
    """A residential project that serves no client and has inventory gets a second ProjectCoC record, for the
    other CoC of the roster (a county of it as geocode), where it has no inventory (Eva 136). Its address is
    the first record's."""
    rng = stream(options.seed, "coc-without-inventory-defects")
    project, coc = tables["Project"], tables["ProjectCoC"]
    served = _projects_of(tables["Enrollment"])
    with_beds = _projects_of(tables["Inventory"])
    types, subtypes = _numbers(project, "ProjectType"), _numbers(project, "RRHSubType")
    residential = np.isin(types, RESIDENTIAL) | ((types == 13) & (subtypes == 2))
    keys = _keys(project)
    eligible = [
        i for i, k in enumerate(keys) if residential[i] and k in with_beds and k not in served and k not in taken
    ]
    rows = pick(
        rng, np.array(eligible, dtype=np.int64), options.rates.coc_without_inventory, options.force_every_defect
    )
    chosen = {keys[i] for i in rows}
    copies = (
        coc[np.array([k in chosen for k in _keys(coc)], dtype=bool)].drop_duplicates(["_source", "ProjectID"]).copy()
    )
    other = _other_cocs(coc)
    copies["Geocode"] = [other[c][1] for c in copies["CoCCode"]]
    copies["CoCCode"] = [other[c][0] for c in copies["CoCCode"]]
    copies["ProjectCoCID"] = _numbers(coc, "ProjectCoCID").max() + 1 + np.arange(len(copies))
    tables["ProjectCoC"] = pd.concat([coc, copies], ignore_index=True)
    defects.add_rows(
        "coc_without_inventory",
        copies,
        "ProjectCoC",
        "ProjectID",
        column="CoCCode",
        values=copies["CoCCode"].tolist(),
        detail="a second ProjectCoC record, for a CoC where the project has no inventory",
    )


def _other_cocs(coc: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """Each CoC code -> another CoC of the export and the first geocode its projects use."""
    codes = sorted(set(coc["CoCCode"].dropna()))
    geocode = coc.dropna(subset=["CoCCode"]).sort_values("Geocode").groupby("CoCCode")["Geocode"].first()
    return {code: (codes[(i + 1) % len(codes)], geocode[codes[(i + 1) % len(codes)]]) for i, code in enumerate(codes)}
