"""Defects in answers of finished Client and Enrollment rows that contradict other answers or are
missing where a funder requires them: the SSVF elements (V1 veteran's information, V4 percent of AMI,
V6 VAMC station, V7 HP screening scores), the 3.917 homeless history and CE referral results.

Each kind touches only records a check must read: veterans and heads of household of projects whose
funders require the element (``requirements.required_projects``), in households with exactly one head
(households with no or several heads are left to the household checks).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipelines.synth.calendar import day, to_date
from pipelines.synth.manifest import Defects
from pipelines.synth.options import Options
from pipelines.synth.picking import pick
from pipelines.synth.requirements import dq_setting, required_projects
from pipelines.synth.rng import stream

_AFTER_THRESHOLD = (
    "PreviousStreetESSH",
    "DateToStreetESSH",
    "TimesHomelessPastThreeYears",
    "MonthsHomelessPastThreeYears",
)
_V1_ANSWERS = ("WorldWarII", "KoreanWar", "VietnamWar", "MilitaryBranch", "DischargeStatus")
_V1_BLANKABLE = ("YearEnteredService", "YearSeparated", *_V1_ANSWERS)


def ssvf(client: pd.DataFrame, enrollments: pd.DataFrame, options: Options, defects: Defects) -> None:
    """V1 answers of veterans served where V1 is required; V4/V6/V7 of the single head of household."""
    rng = stream(options.seed, "ssvf-defects")
    rates, force = options.rates, options.force_every_defect
    served = enrollments[enrollments["ProjectID"].isin(required_projects("V1"))]
    keys = set(zip(served["_source"], served["PersonalID"], strict=True))
    on_client = np.array([k in keys for k in zip(client["_source"], client["PersonalID"], strict=True)], dtype=bool)
    veterans = np.flatnonzero(on_client & (client["VeteranStatus"].to_numpy() == 1))
    used: set[int] = set()

    def take(rate: float) -> np.ndarray:
        chosen = pick(rng, np.setdiff1d(veterans, np.fromiter(used, dtype=np.int64)), rate, force)
        used.update(chosen.tolist())
        return chosen

    rows = take(rates.veteran_info_missing)
    columns = rng.choice(_V1_BLANKABLE, size=len(rows))
    for row, column in zip(rows, columns, strict=True):
        client.loc[client.index[row], column] = np.nan if column.startswith("Year") else 99
    _note(defects, "veteran_info_missing", client.iloc[rows], columns, "V1 answer blank or 99")
    rows = take(rates.veteran_info_dk)
    columns = rng.choice(_V1_ANSWERS, size=len(rows))
    codes = rng.choice([8, 9], size=len(rows))
    for row, column, code in zip(rows, columns, codes, strict=True):
        client.loc[client.index[row], column] = code
    _note(defects, "veteran_info_dk", client.iloc[rows], columns, "V1 answer 8 or 9")
    rows = take(rates.veteran_years_invalid)
    client.loc[client.index[rows], "YearSeparated"] = client["YearEnteredService"].to_numpy()[rows] - 1
    _note(
        defects, "veteran_years_invalid", client.iloc[rows], ["YearSeparated"] * len(rows), "separated before entered"
    )
    _heads(rng, enrollments, options, defects)


def _single_heads(enrollments: pd.DataFrame) -> np.ndarray:
    heads = enrollments["RelationshipToHoH"].to_numpy() == 1
    per_household = enrollments.assign(_head=heads).groupby(["_source", "HouseholdID"])["_head"].transform("sum")
    return heads & (per_household.to_numpy() == 1)


def _heads(rng: np.random.Generator, enrollments: pd.DataFrame, options: Options, defects: Defects) -> None:
    rates, force = options.rates, options.force_every_defect
    single_head = _single_heads(enrollments)
    project = enrollments["ProjectID"]
    for kind, element, column, value in (
        ("percent_ami_missing", "V4", "PercentAMI", 99),
        ("vamc_station_missing", "V6", "VAMCStation", None),
        ("hp_screening_missing", "V7", "HPScreeningScore", np.nan),
    ):
        eligible = single_head & project.isin(required_projects(element)).to_numpy()
        if kind == "hp_screening_missing":
            eligible &= enrollments["TargetScreenReqd"].to_numpy() == 1
        rows = pick(rng, np.flatnonzero(eligible), getattr(rates, kind), force)
        enrollments.loc[enrollments.index[rows], column] = value
        defects.add_rows(
            kind,
            enrollments.iloc[rows],
            "Enrollment",
            "EnrollmentID",
            column=column,
            values=[value] * len(rows),
            detail=f"{column} of the head of household is missing",
        )


def _note(defects: Defects, kind: str, rows: pd.DataFrame, columns, detail: str) -> None:
    for column in sorted(set(columns)):
        subset = rows[np.asarray(columns) == column]
        defects.add_rows(
            kind, subset, "Client", "PersonalID", column=column, values=subset[column], detail=f"{column}: {detail}"
        )


def homeless_history(enrollments: pd.DataFrame, enr: pd.DataFrame, options: Options, defects: Defects) -> None:
    """3.917 answers of single heads of household that contradict each other (one kind per record)."""
    rng = stream(options.seed, "history-defects")
    rates, force = options.rates, options.force_every_defect
    e = enrollments
    entry = e["EntryDate"].to_numpy()
    since = e["DateToStreetESSH"].to_numpy()
    times = e["TimesHomelessPastThreeYears"].to_numpy()
    months = e["MonthsHomelessPastThreeYears"].to_numpy()
    known = _single_heads(e) & ~np.isnan(since)
    days = entry - np.nan_to_num(since)
    once = known & (times == 1) & (months >= 101) & (months <= 113)
    prior = e["LivingSituation"].to_numpy()
    stay = e["LengthOfStay"].to_numpy()
    short = ((prior >= 200) & (prior < 300) & np.isin(stay, [10, 11, 2, 3])) | (
        (prior >= 300) & (prior < 500) & np.isin(stay, [10, 11])
    )
    used: set[int] = set()

    def take(eligible: np.ndarray, kind: str) -> np.ndarray:
        candidates = np.setdiff1d(np.flatnonzero(eligible), np.fromiter(used, dtype=np.int64))
        rows = pick(rng, candidates, getattr(rates, kind), force)
        used.update(rows.tolist())
        return rows

    def note(kind: str, rows: np.ndarray, column: str, detail: str) -> None:
        frame = e.iloc[rows]
        defects.add_rows(kind, frame, "Enrollment", "EnrollmentID", column=column, values=frame[column], detail=detail)

    rows = take(known & (enr["ptype"].to_numpy() != 12), "homeless_start_after_entry")
    e.loc[e.index[rows], "DateToStreetESSH"] = entry[rows] + rng.integers(1, 31, len(rows))
    note("homeless_start_after_entry", rows, "DateToStreetESSH", "homelessness started after EntryDate")
    rows = take(once, "months_homeless_determinable")
    e.loc[e.index[rows], "MonthsHomelessPastThreeYears"] = rng.choice([8, 9, 99], size=len(rows))
    note("months_homeless_determinable", rows, "MonthsHomelessPastThreeYears", "one time homeless, months unknown")
    rows = take(once & (days < 3 * 365 - 2), "months_homeless_start_conflict")
    e.loc[e.index[rows], "MonthsHomelessPastThreeYears"] = np.where(months[rows] >= 104, 101, 113)
    note("months_homeless_start_conflict", rows, "MonthsHomelessPastThreeYears", "months the start date contradicts")
    rows = take(once & (months == 113) & (days >= 3 * 365 + 1), "homeless_start_over_3_years")
    e.loc[e.index[rows], "TimesHomelessPastThreeYears"] = 2
    note("homeless_start_over_3_years", rows, "TimesHomelessPastThreeYears", "started 3+ years ago, times 2")
    rows = take(_single_heads(e) & (e["LOSUnderThreshold"].to_numpy() == 1) & short, "short_stay_answer_conflict")
    e.loc[e.index[rows], "LOSUnderThreshold"] = 0  # and the 3.917 flow stops there (2C, 3-5 not asked)
    e.loc[e.index[rows], list(_AFTER_THRESHOLD)] = np.nan
    note("short_stay_answer_conflict", rows, "LOSUnderThreshold", "short stay answered No")


REFERRAL_EVENTS = (10, 11, 12, 13, 14, 15, 17, 18)


def referrals(events: pd.DataFrame, options: Options, defects: Defects) -> None:
    """Referrals to a housing or shelter opening whose result is blank although they were made more
    than the DQ setting ``referral_days`` before the export end, or whose result has no date."""
    rng = stream(options.seed, "referral-defects")
    rates, force = options.rates, options.force_every_defect
    resulted = events["Event"].isin(REFERRAL_EVENTS).to_numpy() & events["ReferralResult"].notna().to_numpy()
    old = resulted & (events["EventDate"].to_numpy() < day(options.end_date) - int(dq_setting("referral_days")))
    rows = pick(rng, np.flatnonzero(old), rates.referral_open, force)
    events.loc[events.index[rows], ["ReferralResult", "ResultDate"]] = np.nan
    details = [f"referral made {to_date(int(d)).isoformat()}: no result" for d in events["EventDate"].to_numpy()[rows]]
    defects.add_rows("referral_open", events.iloc[rows], "Event", "EnrollmentID", details=details)
    rest = np.setdiff1d(np.flatnonzero(resulted), rows)
    rows = pick(rng, rest, rates.referral_result_undated, force)
    events.loc[events.index[rows], "ResultDate"] = np.nan
    defects.add_rows(
        "referral_result_undated",
        events.iloc[rows],
        "Event",
        "EnrollmentID",
        column="ResultDate",
        detail="ReferralResult recorded, ResultDate blank",
    )


def descriptors(tables: dict[str, pd.DataFrame], options: Options, defects: Defects) -> None:
    """Project descriptor defects: a blank City on a site-based project's address (2.03), and inventory
    records dated before the project's operating start (2.07)."""
    rng = stream(options.seed, "descriptor-defects")
    rates, force = options.rates, options.force_every_defect
    project, coc = tables["Project"], tables["ProjectCoC"]
    organization = tables["Organization"]
    vsp = set(organization.loc[organization["VictimServiceProvider"] == 1, "OrganizationID"])
    described = coc.merge(project[["ProjectID", "OrganizationID", "HousingType"]], on="ProjectID", how="left")
    eligible = ~described["OrganizationID"].isin(vsp).to_numpy() & (described["HousingType"].to_numpy() != 3)
    rows = pick(rng, np.flatnonzero(eligible), rates.address_missing, force)
    coc.loc[coc.index[rows], "City"] = None
    defects.add_rows(
        "address_missing", coc.iloc[rows], "ProjectCoC", "ProjectID", column="City", detail="ProjectCoC City blank"
    )
    inventory = tables["Inventory"]
    projects_with_beds = np.array(sorted(set(inventory["ProjectID"])), dtype=object)
    chosen = set(pick(rng, projects_with_beds, rates.inventory_before_operating, force).tolist())
    rows = np.flatnonzero(inventory["ProjectID"].isin(chosen).to_numpy())
    opened = project.set_index("ProjectID")["OperatingStartDate"].reindex(inventory["ProjectID"]).to_numpy()
    shift = rng.integers(1, 61, len(rows))
    inventory.loc[inventory.index[rows], "InventoryStartDate"] = opened[rows] - shift
    defects.add_rows(
        "inventory_before_operating",
        inventory.iloc[rows],
        "Inventory",
        "ProjectID",
        column="InventoryStartDate",
        values=inventory["InventoryStartDate"].to_numpy()[rows],
        detail="InventoryStartDate before the project's OperatingStartDate",
    )
