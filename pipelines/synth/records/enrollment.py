"""Enrollment.csv and Exit.csv, with the timeliness defects (late entry / late exit) chosen here."""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipelines.synth.calendar import SECONDS_PER_DAY, day
from pipelines.synth.destinations import OTHER_DESTINATIONS
from pipelines.synth.funding import Funding
from pipelines.synth.manifest import Defects
from pipelines.synth.meta import Clock, Users
from pipelines.synth.options import Options
from pipelines.synth.picking import pick
from pipelines.synth.rng import stream

_PRIOR_COLUMNS = (
    "LivingSituation",
    "RentalSubsidyType",
    "LengthOfStay",
    "LOSUnderThreshold",
    "PreviousStreetESSH",
    "DateToStreetESSH",
    "TimesHomelessPastThreeYears",
    "MonthsHomelessPastThreeYears",
)


def _late(rng: np.random.Generator, event: np.ndarray) -> np.ndarray:
    office = rng.integers(8 * 3600, 18 * 3600, len(event))
    return (event + rng.integers(4, 61, len(event))) * SECONDS_PER_DAY + office


def build_enrollments(
    enr: pd.DataFrame, funding: Funding, clock: Clock, users: Users, options: Options, defects: Defects
) -> pd.DataFrame:
    rng = stream(options.seed, "enrollment-records")
    end = day(options.end_date)
    n = len(enr)
    created = clock.created(enr["entry"].to_numpy())
    late = pick(
        rng, np.flatnonzero(enr["entry"].to_numpy() <= end - 61), options.rates.late_entry, options.force_every_defect
    )
    created[late] = _late(rng, enr["entry"].to_numpy()[late])
    updated = clock.updated(created)
    adult_or_hoh = enr["adult_or_hoh"].to_numpy()
    hoh = enr["role"].to_numpy() == 1
    out = pd.DataFrame(
        {
            "_source": enr["source_id"].to_numpy(),
            "_enrollment": enr["enrollment"].to_numpy(),
            "EnrollmentID": enr["EnrollmentID"].to_numpy(),
            "PersonalID": enr["PersonalID"].to_numpy(),
            "ProjectID": enr["project_id"].to_numpy(),
            "EntryDate": enr["entry"].to_numpy(),
            "HouseholdID": enr["HouseholdID"].to_numpy(),
            "RelationshipToHoH": enr["relationship"].to_numpy(),
            "EnrollmentCoC": enr["coc_code"].to_numpy(),
        }
    )
    for column in _PRIOR_COLUMNS:
        out[column] = np.where(adult_or_hoh & (enr[column].to_numpy() >= 0), enr[column].to_numpy(), np.nan)
    out["DisablingCondition"] = enr["disabled"].to_numpy()
    engaged = enr["engagement"].to_numpy()
    out["DateOfEngagement"] = np.where(engaged >= 0, engaged, np.nan)
    move_in = enr["move_in"].to_numpy()
    out["MoveInDate"] = np.where(hoh & (move_in >= 0), move_in, np.nan)
    projects = enr["project_id"].to_numpy()
    _path_fields(rng, out, enr, funding.funded(projects, Funding.PATH), adult_or_hoh, end)
    _rhy_fields(
        rng, out, enr, funding.funded(projects, Funding.RHY), funding.funded(projects, Funding.RHY_BCP), adult_or_hoh
    )
    _ssvf_fields(rng, out, enr, funding.funded(projects, Funding.SSVF), hoh)
    out["DateCreated"] = created
    out["DateUpdated"] = updated
    out["UserID"] = users.pick(enr["organization_id"].to_numpy())
    rows = out.iloc[late]
    defects.add_rows(
        "late_entry",
        rows,
        "Enrollment",
        "EnrollmentID",
        column="DateCreated",
        values=rows["DateCreated"],
        detail="Enrollment created 4-60 days after EntryDate",
    )
    assert len(out) == n
    return out


def _path_fields(rng, out: pd.DataFrame, enr: pd.DataFrame, funded: np.ndarray, adult: np.ndarray, end: int) -> None:
    """PATH status (P3) for engaged adults of PATH-funded outreach."""
    path = funded & adult & (enr["engagement"].to_numpy() >= 0)
    exit_or_end = np.where(enr["exit"].to_numpy() >= 0, enr["exit"].to_numpy(), end)
    status_day = np.minimum(enr["engagement"].to_numpy() + rng.integers(0, 10, len(enr)), exit_or_end)
    enrolled = rng.random(len(enr)) < 0.8
    out["DateOfPATHStatus"] = np.where(path, status_day, np.nan)
    out["ClientEnrolledInPATH"] = np.where(path, enrolled.astype(float), np.nan)
    out["ReasonNotEnrolled"] = np.where(path & ~enrolled, rng.choice([1, 2, 3], size=len(enr)), np.nan)


def _rhy_fields(
    rng, out: pd.DataFrame, enr: pd.DataFrame, rhy_funded: np.ndarray, bcp_funded: np.ndarray, adult: np.ndarray
) -> None:
    """RHY elements (R1-R3, R11-R13) for youth in RHY-funded shelter and transitional living."""
    n = len(enr)
    rhy = rhy_funded & adult
    bcp = bcp_funded & adult

    def yes_no(p: float) -> np.ndarray:
        return np.where(rhy, (rng.random(n) < p).astype(float), np.nan)

    referral = rng.choice([1, 2, 7, 11, 30, 35, 38, 39], size=n)
    out["ReferralSource"] = np.where(rhy, referral, np.nan)
    out["CountOutreachReferralApproaches"] = np.where(rhy & (referral == 7), rng.integers(1, 6, n), np.nan)
    out["DateOfBCPStatus"] = np.where(bcp, enr["entry"].to_numpy(), np.nan)
    out["EligibleForRHY"] = np.where(bcp, 1, np.nan)
    out["RunawayYouth"] = np.where(bcp, (rng.random(n) < 0.4).astype(float), np.nan)
    ward = yes_no(0.18)
    out["FormerWardChildWelfare"] = ward
    out["ChildWelfareYears"] = np.where(ward == 1, rng.integers(1, 4, n), np.nan)
    out["ChildWelfareMonths"] = np.where(ward == 1, rng.integers(0, 12, n), np.nan)
    justice = yes_no(0.1)
    out["FormerWardJuvenileJustice"] = justice
    out["JuvenileJusticeYears"] = np.where(justice == 1, rng.integers(1, 4, n), np.nan)
    out["JuvenileJusticeMonths"] = np.where(justice == 1, rng.integers(0, 12, n), np.nan)
    for column, p in (
        ("UnemploymentFam", 0.3),
        ("MentalHealthDisorderFam", 0.2),
        ("PhysicalDisabilityFam", 0.1),
        ("AlcoholDrugUseDisorderFam", 0.25),
        ("InsufficientIncome", 0.45),
        ("IncarceratedParent", 0.15),
    ):
        out[column] = yes_no(p)
    orientation = rng.choice([1, 2, 3, 4, 5, 6], size=n, p=[0.8, 0.05, 0.05, 0.06, 0.03, 0.01])
    out["SexualOrientation"] = np.where(rhy, orientation, np.nan)
    out["SexualOrientationOther"] = np.where(rhy & (orientation == 6), "Pansexual", None)


def _ssvf_fields(rng, out: pd.DataFrame, enr: pd.DataFrame, funded: np.ndarray, hoh: np.ndarray) -> None:
    """SSVF elements for the veteran head of household: V4 %AMI, V6 VAMC, V7 HP targeting."""
    n = len(enr)
    ssvf = funded & hoh
    prevention = ssvf & (enr["ptype"].to_numpy() == 12)
    out["PercentAMI"] = np.where(ssvf, rng.choice([1, 2, 3], size=n, p=[0.7, 0.22, 0.08]), np.nan)
    out["VAMCStation"] = np.where(ssvf, np.where(rng.random(n) < 0.8, "623", "635"), None)

    def when(values: np.ndarray) -> np.ndarray:
        return np.where(prevention, values, np.nan)

    out["TargetScreenReqd"] = when(np.ones(n))
    out["TimeToHousingLoss"] = when(rng.choice([0, 1, 2, 3], size=n))
    out["AnnualPercentAMI"] = when(rng.choice([0, 1, 2, 3], size=n, p=[0.2, 0.4, 0.3, 0.1]))
    out["LiteralHomelessHistory"] = when(rng.choice([0, 1, 2], size=n, p=[0.2, 0.3, 0.5]))
    for column in (
        "ClientLeaseholder",
        "HOHLeaseholder",
        "SubsidyAtRisk",
        "CriminalRecord",
        "PrisonDischarge",
        "SexOffender",
        "DisabledHoH",
        "CurrentPregnant",
        "SingleParent",
        "HH5Plus",
        "CoCPrioritized",
    ):
        out[column] = when((rng.random(n) < 0.25).astype(float))
    out["EvictionHistory"] = when(rng.choice([0, 1, 2], size=n, p=[0.6, 0.3, 0.1]))
    out["IncarceratedAdult"] = when(rng.choice([0, 1, 2], size=n, p=[0.8, 0.15, 0.05]))
    out["DependentUnder6"] = when(rng.choice([0, 1, 2], size=n, p=[0.8, 0.05, 0.15]))
    out["HPScreeningScore"] = when(rng.integers(5, 40, n))
    out["ThresholdScore"] = when(np.full(n, 15))


def build_exits(
    enr: pd.DataFrame,
    funding: Funding,
    clock: Clock,
    users: Users,
    options: Options,
    defects: Defects,
    bases: dict[str, int],
) -> pd.DataFrame:
    """One Exit row per exited enrollment, numbered in the order exits were recorded."""
    rng = stream(options.seed, "exit-records")
    end = day(options.end_date)
    left = enr[enr["exit"] >= 0].sort_values(["source_id", "exit", "enrollment"], kind="stable")
    n = len(left)
    created = clock.created(left["exit"].to_numpy())
    late = pick(
        rng, np.flatnonzero(left["exit"].to_numpy() <= end - 61), options.rates.late_exit, options.force_every_defect
    )
    created[late] = _late(rng, left["exit"].to_numpy()[late])
    from pipelines.synth.ids import numbered

    dest = left["dest"].to_numpy()
    youth = funding.funded(left["project_id"].to_numpy(), Funding.RHY) & left["adult_or_hoh"].to_numpy()
    completion = rng.choice([1, 2, 3], size=n, p=[0.6, 0.3, 0.1])
    out = pd.DataFrame(
        {
            "_source": left["source_id"].to_numpy(),
            "_enrollment": left["enrollment"].to_numpy(),
            "ExitID": numbered(left["source_id"], options.seed, "exit", bases),
            "EnrollmentID": left["EnrollmentID"].to_numpy(),
            "PersonalID": left["PersonalID"].to_numpy(),
            "ExitDate": left["exit"].to_numpy(),
            "Destination": dest,
            "DestinationSubsidyType": np.where(dest == 435, left["subsidy"].to_numpy(), np.nan),
            "OtherDestination": np.where(
                dest == 17, OTHER_DESTINATIONS[rng.integers(len(OTHER_DESTINATIONS), size=n)], None
            ),
            "ProjectCompletionStatus": np.where(youth, completion, np.nan),
            "EarlyExitReason": np.where(youth & (completion == 3), rng.choice([1, 2, 3, 4], size=n), np.nan),
            "DateCreated": created,
            "DateUpdated": clock.updated(created),
            "UserID": users.pick(left["organization_id"].to_numpy()),
        }
    )
    rows = out.iloc[late]
    defects.add_rows(
        "late_exit",
        rows,
        "Exit",
        "ExitID",
        column="DateCreated",
        values=rows["DateCreated"],
        detail="Exit created 4-60 days after ExitDate",
    )
    return out
