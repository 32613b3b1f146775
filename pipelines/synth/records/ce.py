"""Coordinated Entry: Assessment, AssessmentQuestions, AssessmentResults and Event for CE heads of household.

Every CE enrollment starts with a crisis needs assessment at the access point; households later housed
get a housing needs assessment, are placed on the prioritization list and referred (4.20 event) to the
housing they entered, with the result dated on their entry there. Others get diversion or a referral to
a scheduled assessment. Questions and results are a locally defined (fictional) tool.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipelines.synth.calendar import day
from pipelines.synth.ids import numbered
from pipelines.synth.options import Options
from pipelines.synth.requirements import dq_setting
from pipelines.synth.rng import stream

_EVENT_FOR = {"RRH": 13, "VRRH": 13, "PSH": 14, "TH": 11, "PHO": 15, "HOPWA_PH": 15}
_QUESTIONS = (
    ("Housing", "Where did you sleep last night?"),
    ("Housing", "How long have you been without a stable place to live?"),
    ("Health", "Does anyone in the household have a disabling condition?"),
    ("Safety", "Are you fleeing domestic violence, dating violence, sexual assault or stalking?"),
    ("Income", "What is the household's total monthly income?"),
)
_ANSWERS = (
    np.array(["Outside / vehicle", "Emergency shelter", "With friends or family", "Motel"], dtype=object),
    np.array(["Less than a month", "1-3 months", "3-12 months", "More than a year"], dtype=object),
    np.array(["Yes", "No"], dtype=object),
    np.array(["No", "Yes", "Prefers not to answer"], dtype=object),
    np.array(["$0", "$1-$500", "$501-$1,000", "More than $1,000"], dtype=object),
)


def build(
    enr: pd.DataFrame, projects: pd.DataFrame, clock, users, options: Options, bases: dict[str, int]
) -> dict[str, pd.DataFrame]:
    rng = stream(options.seed, "coordinated-entry")
    end = day(options.end_date)
    heads = enr[(enr["ptype"] == 14) & (enr["role"] == 1)]
    n = len(heads)
    entry = heads["entry"].to_numpy()
    stop = np.where(heads["exit"].to_numpy() >= 0, heads["exit"].to_numpy(), end)
    referred = heads["referred"].to_numpy()
    housed = np.isin(referred, list(_EVENT_FOR)) & (heads["referred_entry"].to_numpy() >= 0)
    city = projects.set_index("project_id")["city"].reindex(heads["project_id"]).to_numpy()
    crisis = pd.DataFrame(
        {
            "_row": np.arange(n),
            "AssessmentDate": entry,
            "AssessmentLevel": 1,
            "AssessmentType": rng.choice([3, 1, 2], size=n, p=[0.7, 0.25, 0.05]),
            "PrioritizationStatus": np.where(housed, 1, 2),
        }
    )
    second = np.minimum(entry + rng.integers(1, 15, n), np.maximum(entry, stop))
    housing = pd.DataFrame(
        {
            "_row": np.arange(n),
            "AssessmentDate": second,
            "AssessmentLevel": 2,
            "AssessmentType": 3,
            "PrioritizationStatus": 1,
        }
    )[housed]
    assessments = pd.concat([crisis, housing], ignore_index=True)
    rows = assessments["_row"].to_numpy()
    assessments["AssessmentLocation"] = "Access point - " + city[rows].astype(str)
    assessments = _keys(assessments, heads, rows)
    assessments = _stamp(assessments, "AssessmentDate", heads, clock, users)
    assessments.insert(0, "AssessmentID", numbered(assessments["_source"], options.seed, "AssessmentID", bases))
    events = _events(rng, heads, entry, stop, referred, housed, end, int(dq_setting("referral_days")))
    er = events["_row"].to_numpy()
    events = _stamp(_keys(events, heads, er), "EventDate", heads, clock, users)
    events.insert(0, "EventID", numbered(events["_source"], options.seed, "EventID", bases))
    questions, results = _answers(rng, assessments, options, bases)
    return {
        "Assessment": assessments.drop(columns="_row"),
        "AssessmentQuestions": questions,
        "AssessmentResults": results,
        "Event": events.drop(columns="_row"),
    }


def _keys(frame: pd.DataFrame, heads: pd.DataFrame, rows: np.ndarray) -> pd.DataFrame:
    frame["_source"] = heads["source_id"].to_numpy()[rows]
    frame["_enrollment"] = heads["enrollment"].to_numpy()[rows]
    frame["EnrollmentID"] = heads["EnrollmentID"].to_numpy()[rows]
    frame["PersonalID"] = heads["PersonalID"].to_numpy()[rows]
    return frame


def _stamp(frame: pd.DataFrame, date_column: str, heads: pd.DataFrame, clock, users) -> pd.DataFrame:
    frame = frame.sort_values(["_source", date_column, "_enrollment"], kind="stable").reset_index(drop=True)
    frame["DateCreated"] = clock.created(frame[date_column].to_numpy())
    frame["DateUpdated"] = clock.updated(frame["DateCreated"].to_numpy(), 0.2, 20)
    org = heads["organization_id"].to_numpy()[frame["_row"].to_numpy()]
    frame["UserID"] = users.pick(org)
    return frame


def _events(
    rng,
    heads: pd.DataFrame,
    entry: np.ndarray,
    stop: np.ndarray,
    referred: np.ndarray,
    housed: np.ndarray,
    end: int,
    referral_days: int,
) -> pd.DataFrame:
    frames = []
    sheltered = np.isin(referred, ["ES", "NBN"]) | np.isin(
        heads["path"].str.split("+").str[0].to_numpy(), ["ES", "NBN"]
    )
    frames.append(
        pd.DataFrame(
            {
                "_row": np.flatnonzero(sheltered),
                "EventDate": entry[sheltered],
                "Event": 10,
                "LocationCrisisOrPHHousing": "Emergency shelter bed",
                "ReferralResult": 1,
                "ResultDate": entry[sheltered],
            }
        )
    )
    h = np.flatnonzero(housed)
    result_day = heads["referred_entry"].to_numpy()[h]
    known = result_day <= end  # a household not yet housed at the export end has no result yet
    # A referral still open at the export end was made within the CoC's referral_days before it (or
    # not yet made, if the household left CE earlier): an older open referral is a DQ defect.
    recent = end - rng.integers(0, referral_days + 1, len(h))
    event_day = np.where(
        known,
        np.maximum(entry[h], np.minimum(stop[h], result_day - rng.integers(1, 20, len(h)))),
        np.maximum(entry[h], recent),
    )
    made = known | (event_day <= stop[h])
    h, result_day, known, event_day = h[made], result_day[made], known[made], event_day[made]
    frames.append(
        pd.DataFrame(
            {
                "_row": h,
                "EventDate": event_day,
                "Event": [_EVENT_FOR[r] for r in referred[h]],
                "LocationCrisisOrPHHousing": "Housing program of the CoC",
                "ReferralResult": np.where(known, 1, np.nan),
                "ResultDate": np.where(known, result_day, np.nan),
            }
        )
    )
    other = np.flatnonzero(~housed & ~sheltered)
    diversion = rng.random(len(other)) < 0.5
    when = np.minimum(entry[other] + rng.integers(0, 8, len(other)), stop[other])
    frames.append(
        pd.DataFrame(
            {
                "_row": other,
                "EventDate": when,
                "Event": np.where(diversion, 2, rng.choice([3, 4], size=len(other))),
                "ProbSolDivRRResult": np.where(diversion, (rng.random(len(other)) < 0.45).astype(float), np.nan),
            }
        )
    )
    return pd.concat(frames, ignore_index=True)


def _answers(rng, assessments: pd.DataFrame, options: Options, bases: dict[str, int]):
    k = len(_QUESTIONS)
    rep = np.repeat(np.arange(len(assessments)), k)
    base = assessments.iloc[rep][
        ["_source", "AssessmentID", "EnrollmentID", "PersonalID", "DateCreated", "DateUpdated", "UserID"]
    ].reset_index(drop=True)
    order = np.tile(np.arange(1, k + 1), len(assessments))
    base["AssessmentQuestionGroup"] = [_QUESTIONS[i - 1][0] for i in order]
    base["AssessmentQuestionOrder"] = order
    base["AssessmentQuestion"] = [_QUESTIONS[i - 1][1] for i in order]
    answers = np.empty(len(base), dtype=object)
    for i, options_ in enumerate(_ANSWERS):
        at = order == i + 1
        answers[at] = options_[rng.integers(len(options_), size=at.sum())]
    base["AssessmentAnswer"] = answers
    base.insert(0, "AssessmentQuestionID", numbered(base["_source"], options.seed, "AssessmentQuestionID", bases))
    score = rng.integers(0, 18, len(assessments))
    results = assessments[
        ["_source", "AssessmentID", "EnrollmentID", "PersonalID", "DateCreated", "DateUpdated", "UserID"]
    ].copy()
    results["AssessmentResultType"] = "Total score (Oklahoma common assessment)"
    results["AssessmentResult"] = score.astype(str)
    tier = results.copy()
    tier["AssessmentResultType"] = "Acuity tier"
    tier["AssessmentResult"] = np.where(score >= 12, "High", np.where(score >= 6, "Moderate", "Low"))
    results = pd.concat([results, tier], ignore_index=True).sort_values(["_source", "DateCreated"], kind="stable")
    results.insert(0, "AssessmentResultID", numbered(results["_source"], options.seed, "AssessmentResultID", bases))
    return base, results.reset_index(drop=True)
