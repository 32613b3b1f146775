"""IncomeBenefits.csv: income, non-cash benefits and health insurance at start, annually and at exit.

Income and benefits are asked of heads of household and adults; insurance of everyone. Yes/No flags
agree with IncomeFromAnySource, and TotalMonthlyIncome is the sum of the amounts (cents internally).
The income defects (no record, or IncomeFromAnySource 99) and the non-cash benefits and insurance
defects (Data not collected, or a No that a marked source contradicts) are chosen here, for heads of
household in projects whose funders require the element.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipelines.synth.funding import Funding
from pipelines.synth.manifest import Defects
from pipelines.synth.options import Options
from pipelines.synth.picking import pick
from pipelines.synth.requirements import required_projects
from pipelines.synth.rng import stream

# source column, amount column, monthly median in dollars
_INCOME = (
    ("Earned", "EarnedAmount", 1100),
    ("Unemployment", "UnemploymentAmount", 900),
    ("SSI", "SSIAmount", 943),
    ("SSDI", "SSDIAmount", 1250),
    ("VADisabilityService", "VADisabilityServiceAmount", 1500),
    ("VADisabilityNonService", "VADisabilityNonServiceAmount", 900),
    ("PrivateDisability", "PrivateDisabilityAmount", 800),
    ("WorkersComp", "WorkersCompAmount", 900),
    ("TANF", "TANFAmount", 292),
    ("GA", "GAAmount", 200),
    ("SocSecRetirement", "SocSecRetirementAmount", 1300),
    ("Pension", "PensionAmount", 600),
    ("ChildSupport", "ChildSupportAmount", 300),
    ("Alimony", "AlimonyAmount", 400),
    ("OtherIncomeSource", "OtherIncomeAmount", 150),
)
_BENEFITS = ("SNAP", "WIC", "TANFChildCare", "TANFTransportation", "OtherTANF", "OtherBenefitsSource")
_INSURANCE = (
    "Medicaid",
    "Medicare",
    "SCHIP",
    "VHAServices",
    "EmployerProvided",
    "COBRA",
    "PrivatePay",
    "StateHealthIns",
    "IndianHealthServices",
    "OtherInsurance",
)


def _propensities(rows: pd.DataFrame, persons: pd.DataFrame) -> dict[str, np.ndarray]:
    p = persons.set_index("person").loc[rows["person"].to_numpy()]
    age = rows["age"].to_numpy()
    vet = p["veteran"].to_numpy() == 1
    disabled = p["disabled"].to_numpy() == 1
    family_head = (rows["role"].to_numpy() == 1) & np.isin(p["kind"].to_numpy(), [2, 4, 7])
    aian = p["AmIndAKNative"].to_numpy() == 1
    adult = age >= 18
    return {
        "Earned": np.where(adult, 0.22, 0.0),
        "Unemployment": np.where(adult, 0.02, 0.0),
        "SSI": np.where(disabled & adult, 0.14, 0.01),
        "SSDI": np.where(disabled & adult, 0.2, 0.01),
        "VADisabilityService": np.where(vet, 0.35, 0.0),
        "VADisabilityNonService": np.where(vet, 0.08, 0.0),
        "PrivateDisability": np.full(len(age), 0.004),
        "WorkersComp": np.full(len(age), 0.004),
        "TANF": np.where(family_head, 0.12, 0.0),
        "GA": np.full(len(age), 0.01),
        "SocSecRetirement": np.where(age >= 62, 0.6, 0.0),
        "Pension": np.where(age >= 55, 0.05, 0.0),
        "ChildSupport": np.where(family_head, 0.1, 0.0),
        "Alimony": np.full(len(age), 0.003),
        "OtherIncomeSource": np.full(len(age), 0.02),
        "SNAP": np.where(adult, 0.5, 0.0),
        "WIC": np.where(family_head, 0.3, 0.0),
        "TANFChildCare": np.where(family_head, 0.03, 0.0),
        "TANFTransportation": np.where(family_head, 0.01, 0.0),
        "OtherTANF": np.where(family_head, 0.01, 0.0),
        "OtherBenefitsSource": np.where(aian & adult, 0.12, 0.01),
        "Medicaid": np.where(adult, 0.5, 0.85),
        "Medicare": np.where((age >= 65) | disabled & adult, 0.55, 0.0),
        "SCHIP": np.where(adult, 0.0, 0.05),
        "VHAServices": np.where(vet, 0.6, 0.0),
        "EmployerProvided": np.where(adult, 0.04, 0.02),
        "COBRA": np.full(len(age), 0.002),
        "PrivatePay": np.full(len(age), 0.015),
        "StateHealthIns": np.full(len(age), 0.01),
        "IndianHealthServices": np.where(aian, 0.55, 0.0),
        "OtherInsurance": np.full(len(age), 0.01),
    }


def build(
    rows: pd.DataFrame, persons: pd.DataFrame, funding: Funding, options: Options, defects: Defects
) -> pd.DataFrame:
    rng = stream(options.seed, "income")
    n = len(rows)
    p = _propensities(rows, persons)
    # The same person answers alike at every stage: draw against a per-person uniform, nudged per stage.
    person_u = stream(options.seed, "income-person").random((int(persons["person"].max()) + 1, len(p)))
    u = person_u[rows["person"].to_numpy()]
    later = rows["DataCollectionStage"].to_numpy() != 1
    u = np.where(later[:, None] & (rng.random((n, len(p))) < 0.12), rng.random((n, len(p))), u)
    names = list(p)
    flag = {name: (u[:, i] < p[name]).astype(np.int64) for i, name in enumerate(names)}
    adult = rows["adult_or_hoh"].to_numpy()
    out = rows[
        [
            "_source",
            "_enrollment",
            "EnrollmentID",
            "PersonalID",
            "InformationDate",
            "DataCollectionStage",
            "DateCreated",
            "DateUpdated",
            "UserID",
        ]
    ].copy()
    total = np.zeros(n, dtype=np.int64)
    any_income = np.zeros(n, dtype=bool)
    for source, amount, median in _INCOME:
        has = flag[source].astype(bool) & adult
        cents = np.round(median * np.exp(rng.normal(0, 0.35, n)) * 100).astype(np.int64)
        cents = np.where(has, cents, 0)
        total += cents
        any_income |= has
        out[source] = np.where(adult, has.astype(float), np.nan)
        out[amount] = np.where(has, cents, np.nan)
    out["IncomeFromAnySource"] = np.where(adult, any_income.astype(float), np.nan)
    out["TotalMonthlyIncome"] = np.where(adult & any_income, total, np.nan)
    out["OtherIncomeSourceIdentify"] = np.where(out["OtherIncomeSource"] == 1, "Day labor paid in cash", None)
    any_benefit = np.zeros(n, dtype=bool)
    for name in _BENEFITS:
        has = flag[name].astype(bool) & adult
        any_benefit |= has
        out[name] = np.where(adult, has.astype(float), np.nan)
    out["BenefitsFromAnySource"] = np.where(adult, any_benefit.astype(float), np.nan)
    out["OtherBenefitsSourceIdentify"] = np.where(
        out["OtherBenefitsSource"] == 1, "Tribal food distribution (FDPIR)", None
    )
    any_insurance = np.zeros(n, dtype=bool)
    for name in _INSURANCE:
        has = flag[name].astype(bool)
        any_insurance |= has
        out[name] = has.astype(np.int64)
    out["InsuranceFromAnySource"] = any_insurance.astype(np.int64)
    out["OtherInsuranceIdentify"] = np.where(out["OtherInsurance"] == 1, "Tribal health plan", None)
    projects = rows["project_id"].to_numpy()
    hopwa = funding.funded(projects, Funding.HOPWA) & adult
    adap = rng.random(n) < 0.6
    out["ADAP"] = np.where(hopwa, adap.astype(float), np.nan)
    out["NoADAPReason"] = np.where(hopwa & ~adap, 3, np.nan)
    out["RyanWhiteMedDent"] = np.where(hopwa, 1, np.nan)
    ssvf = funding.funded(projects, Funding.SSVF) & adult
    out["ConnectionWithSOAR"] = np.where(ssvf, (rng.random(n) < 0.1).astype(float), np.nan)
    out, kept = _missing_income(rng, out, rows, options, defects)
    _benefit_defects(rng, out, rows[kept].reset_index(drop=True), options, defects)
    return out


def _missing_income(
    rng: np.random.Generator, out: pd.DataFrame, rows: pd.DataFrame, options: Options, defects: Defects
) -> tuple[pd.DataFrame, np.ndarray]:
    """Drop the start/exit record, or write IncomeFromAnySource 99, for some heads of household."""
    hoh = rows["hoh_final"].to_numpy() & rows["project_id"].isin(required_projects("4.02")).to_numpy()
    drop = np.zeros(len(out), dtype=bool)
    for stage, kind, rate in (
        (1, "income_missing_at_entry", options.rates.income_missing_at_entry),
        (3, "income_missing_at_exit", options.rates.income_missing_at_exit),
    ):
        eligible = np.flatnonzero(hoh & (rows["DataCollectionStage"].to_numpy() == stage))
        chosen = pick(rng, eligible, rate, options.force_every_defect)
        unanswered = rng.random(len(chosen)) < 0.5
        blank = chosen[unanswered]
        out.loc[out.index[blank], [c for pair in _INCOME for c in pair[:2]] + ["TotalMonthlyIncome"]] = np.nan
        out.loc[out.index[blank], "OtherIncomeSourceIdentify"] = None
        out.loc[out.index[blank], "IncomeFromAnySource"] = 99
        drop[chosen[~unanswered]] = True
        defects.add_rows(
            kind,
            out.iloc[blank],
            "IncomeBenefits",
            "EnrollmentID",
            column="IncomeFromAnySource",
            values=[99] * len(blank),
            detail=f"stage-{stage} IncomeFromAnySource is 99 (data not collected)",
        )
        defects.add_rows(
            kind,
            out.iloc[chosen[~unanswered]],
            "IncomeBenefits",
            "EnrollmentID",
            detail=f"no stage-{stage} IncomeBenefits record",
        )
    return out[~drop].reset_index(drop=True), ~drop


# element, defect name, yes/no column, source columns, its "specify" text, the source a contradicted No marks
_BENEFIT_ELEMENTS = (
    ("4.03", "benefits", "BenefitsFromAnySource", _BENEFITS, "OtherBenefitsSourceIdentify", "SNAP"),
    ("4.04", "insurance", "InsuranceFromAnySource", _INSURANCE, "OtherInsuranceIdentify", "PrivatePay"),
)


def _benefit_defects(
    rng: np.random.Generator, out: pd.DataFrame, rows: pd.DataFrame, options: Options, defects: Defects
) -> None:
    """Non-cash benefits and insurance at start/exit: Data not collected (99, sources blank), or No
    while a source says Yes (the source marked if none was)."""
    rates, force = options.rates, options.force_every_defect
    stage_of = rows["DataCollectionStage"].to_numpy()
    for element, name, any_column, sources, identify, example in _BENEFIT_ELEMENTS:
        required = rows["hoh_final"].to_numpy() & rows["project_id"].isin(required_projects(element)).to_numpy()
        for stage, when in ((1, "entry"), (3, "exit")):
            eligible = np.flatnonzero(required & (stage_of == stage))
            missing = pick(rng, eligible, getattr(rates, f"{name}_missing_at_{when}"), force)
            out.loc[out.index[missing], list(sources)] = np.nan
            out.loc[out.index[missing], identify] = None
            out.loc[out.index[missing], any_column] = 99
            defects.add_rows(
                f"{name}_missing_at_{when}",
                out.iloc[missing],
                "IncomeBenefits",
                "EnrollmentID",
                column=any_column,
                values=[99] * len(missing),
                detail=f"stage-{stage} {any_column} is 99 (data not collected)",
            )
            rest = np.setdiff1d(eligible, missing)
            conflict = pick(rng, rest, getattr(rates, f"{name}_conflict_at_{when}"), force)
            had_none = conflict[out[any_column].to_numpy()[conflict] == 0]
            out.loc[out.index[had_none], example] = 1
            out.loc[out.index[conflict], any_column] = 0
            defects.add_rows(
                f"{name}_conflict_at_{when}",
                out.iloc[conflict],
                "IncomeBenefits",
                "EnrollmentID",
                column=any_column,
                values=[0] * len(conflict),
                detail=f"stage-{stage} {any_column} is 0 while a source is marked yes",
            )
