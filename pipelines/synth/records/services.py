"""Services.csv (bed nights and funder-specific services) and CurrentLivingSituation.csv (contacts).

Bed nights: one on the entry date, then nights up to the day before exit, with gaps; an open stay has a
night within the last two weeks unless it was made inactive (last night > 90 days before export end).
Outreach contacts: one at entry and on the engagement date, then every week or two; the same rule for
recent contact. Both are drawn per household stay and repeated for each member.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipelines.spec import HmisSpec
from pipelines.synth.calendar import day
from pipelines.synth.funding import Funding
from pipelines.synth.ids import numbered
from pipelines.synth.options import Options
from pipelines.synth.rng import stream

CLS_CODES = ((116, 101, 314, 335, 336, 207, 410, 118), (0.70, 0.09, 0.04, 0.06, 0.06, 0.02, 0.02, 0.01))
_LEAVE_ASKED = (215, 206, 207, 225, 204, 205, 302, 329, 314, 332, 336, 335, 410, 435, 421, 411)
_LOCATIONS = np.array(
    [
        "Under the highway bridge",
        "Camp by the river",
        "Behind the grain elevator",
        "Library parking lot",
        "Vehicle at the truck stop",
        "Abandoned house",
    ],
    dtype=object,
)
_VERIFIERS = np.array(["Self-report", "Outreach worker", "Shelter staff", "Coordinated entry assessor"], dtype=object)


def _nights(
    rng: np.random.Generator, entry: np.ndarray, stop: np.ndarray, keep_p: np.ndarray, forced: list[np.ndarray]
) -> tuple[np.ndarray, np.ndarray]:
    """(row index, day) pairs for days entry..stop inclusive kept with probability keep_p, plus forced days."""
    length = np.maximum(stop - entry + 1, 0)
    row = np.repeat(np.arange(len(entry)), length)
    offset = np.arange(len(row)) - np.repeat(np.cumsum(length) - length, length)
    keep = rng.random(len(row)) < keep_p[row]
    days = entry[row] + offset
    for forced_day in forced:
        keep |= days == forced_day[row]
    return row[keep], days[keep]


def _expand_to_members(stay_rows: np.ndarray, days: np.ndarray, stays_of: pd.DataFrame, members: pd.DataFrame):
    """Repeat household-level days for each member enrollment of the stay."""
    m = members.sort_values(["stay", "member"], kind="stable")
    stay_sorted = m["stay"].to_numpy()
    stay_ids = stays_of["stay"].to_numpy()
    first = np.searchsorted(stay_sorted, stay_ids, side="left")
    counts = (np.searchsorted(stay_sorted, stay_ids, side="right") - first)[stay_rows]
    rep = np.repeat(np.arange(len(stay_rows)), counts)
    k = np.arange(len(rep)) - np.repeat(np.cumsum(counts) - counts, counts)
    return m["enrollment"].to_numpy()[first[stay_rows][rep] + k], days[rep]


def _within_member_stay(
    enrollment: np.ndarray, days: np.ndarray, enr: pd.DataFrame, exit_is_night: bool
) -> tuple[np.ndarray, np.ndarray]:
    """Keep a member's share of household days (members may join late or leave early), plus their entry day."""
    entry = enr["entry"].to_numpy()[enrollment]
    exit_ = enr["exit"].to_numpy()[enrollment]
    last_ok = np.where(exit_ >= 0, exit_ if exit_is_night else exit_ - 1, np.iinfo(np.int64).max)
    keep = (days >= entry) & (days <= last_ok)
    late = np.unique(enrollment[entry > enr["hh_entry"].to_numpy()[enrollment]])
    frame = pd.DataFrame(
        {
            "e": np.concatenate([enrollment[keep], late]),
            "d": np.concatenate([days[keep], enr["entry"].to_numpy()[late]]),
        }
    )
    frame = frame.drop_duplicates().sort_values(["e", "d"], kind="stable")
    return frame["e"].to_numpy(), frame["d"].to_numpy()


def bed_nights(enr: pd.DataFrame, options: Options) -> pd.DataFrame:
    rng = stream(options.seed, "bed-nights")
    end = day(options.end_date)
    stays = enr[(enr["ptype"] == 1) & (enr["member"] == 0)]  # the household: its head's dates
    entry = stays["entry"].to_numpy()
    exited = stays["exit"].to_numpy() >= 0
    cut = stays["inactive_cut"].to_numpy()
    stop = np.where(exited, stays["exit"].to_numpy() - 1, np.where(cut >= 0, cut, end))
    recent = np.where(exited | (cut >= 0), stop, np.maximum(entry, end - rng.integers(0, 14, len(stays))))
    keep_p = rng.uniform(0.6, 0.97, len(stays))
    rows, days = _nights(rng, entry, stop, keep_p, [entry, stop, recent])
    members = enr[enr["ptype"] == 1][["stay", "member", "enrollment"]]
    enrollment, days = _expand_to_members(rows, days, stays, members)
    enrollment, days = _within_member_stay(enrollment, days, enr, exit_is_night=False)
    return pd.DataFrame({"_enrollment": enrollment, "DateProvided": days, "RecordType": 200, "TypeProvided": 200})


def contacts(enr: pd.DataFrame, options: Options) -> pd.DataFrame:
    """Current living situation contacts for outreach stays (and one per CE assessment)."""
    rng = stream(options.seed, "contacts")
    end = day(options.end_date)
    stays = enr[(enr["ptype"] == 4) & (enr["member"] == 0)]
    entry = stays["entry"].to_numpy()
    exited = stays["exit"].to_numpy() >= 0
    cut = stays["inactive_cut"].to_numpy()
    stop = np.where(exited, stays["exit"].to_numpy(), np.where(cut >= 0, cut, end))
    engaged = stays["engagement"].to_numpy()
    recent = np.where(exited | (cut >= 0), stop, np.maximum(entry, end - rng.integers(0, 30, len(stays))))
    keep_p = 1.0 / rng.uniform(6, 16, len(stays))
    rows, days = _nights(rng, entry, stop, keep_p, [entry, np.where(engaged >= 0, engaged, entry), recent])
    members = enr[enr["ptype"] == 4][["stay", "member", "enrollment"]]
    enrollment, days = _expand_to_members(rows, days, stays, members)
    enrollment, days = _within_member_stay(enrollment, days, enr, exit_is_night=True)
    n = len(days)
    situation = rng.choice(CLS_CODES[0], size=n, p=CLS_CODES[1])
    out = pd.DataFrame({"_enrollment": enrollment, "InformationDate": days, "CurrentLivingSituation": situation})
    out["LocationDetails"] = np.where(
        (situation == 116) & (rng.random(n) < 0.3), _LOCATIONS[rng.integers(len(_LOCATIONS), size=n)], None
    )
    ce = enr[enr["ptype"] == 14]
    ce_rows = pd.DataFrame(
        {
            "_enrollment": ce["enrollment"].to_numpy(),
            "InformationDate": ce["entry"].to_numpy(),
            "CurrentLivingSituation": np.where(ce["ce_housed_prior"].to_numpy(), 101, 116),
        }
    )
    ce_rows["VerifiedBy"] = _VERIFIERS[rng.integers(len(_VERIFIERS), size=len(ce_rows))]
    out = pd.concat([out, ce_rows], ignore_index=True)
    code = out["CurrentLivingSituation"].to_numpy()
    asked = np.isin(code, _LEAVE_ASKED)
    leave = asked & (rng.random(len(out)) < 0.4)
    out["LeaveSituation14Days"] = np.where(asked, leave.astype(float), np.nan)
    for column in ("SubsequentResidence", "ResourcesToObtain", "LeaseOwn60Day", "MovedTwoOrMore"):
        out[column] = np.where(leave, (rng.random(len(out)) < 0.5).astype(float), np.nan)
    return out


def funded_services(enr: pd.DataFrame, funding: Funding, spec: HmisSpec, options: Options) -> pd.DataFrame:
    """SSVF (144/152), HOPWA (143/151), PATH (141/161) and RHY (142) services for the household head."""
    rng = stream(options.seed, "funded-services")
    end = day(options.end_date)
    heads = enr[enr["role"] == 1]
    projects = heads["project_id"].to_numpy()
    engaged = heads["engagement"].to_numpy() >= 0
    frames = []
    plan = (
        (
            funding.funded(projects, Funding.SSVF),
            144,
            2.0,
            {2: 0.5, 1: 0.1, 3: 0.1, 4: 0.1, 5: 0.05, 6: 0.05, 9: 0.05, 10: 0.05},
        ),
        (funding.funded(projects, Funding.HOPWA), 143, 1.0, {2: 0.7, 7: 0.1, 13: 0.1, 8: 0.1}),
        (
            funding.funded(projects, Funding.PATH) & engaged,
            141,
            1.5,
            {6: 0.4, 2: 0.2, 1: 0.2, 4: 0.1, 14: 0.1},
        ),
        (funding.funded(projects, Funding.RHY), 142, 1.5, {8: 0.3, 5: 0.3, 6: 0.2, 14: 0.2}),
        (
            funding.funded(projects, Funding.PATH) & engaged,
            161,
            0.5,
            {1: 0.3, 2: 0.2, 3: 0.2, 6: 0.2, 8: 0.1},
        ),
    )
    for mask, record_type, per_month, weights in plan:
        chosen = heads[mask]
        if not len(chosen):
            continue
        codes = set(spec.codes(_list_for(spec, record_type)))
        weights = {k: v for k, v in weights.items() if k in codes}
        entry = chosen["entry"].to_numpy()
        stop = np.where(chosen["exit"].to_numpy() >= 0, chosen["exit"].to_numpy(), end)
        count = 1 + rng.poisson(per_month * np.maximum(stop - entry, 0) / 30.0)
        count = np.minimum(count, 40)
        row = np.repeat(np.arange(len(chosen)), count)
        days = entry[row] + (rng.random(len(row)) * (stop[row] - entry[row] + 1)).astype(np.int64)
        kinds, p = np.array(list(weights)), np.array(list(weights.values()))
        frame = pd.DataFrame(
            {
                "_enrollment": chosen["enrollment"].to_numpy()[row],
                "DateProvided": days,
                "RecordType": record_type,
                "TypeProvided": rng.choice(kinds, size=len(row), p=p / p.sum()),
            }
        )
        if record_type == 144:
            _ssvf_details(rng, frame, spec)
        if record_type == 161:
            frame["ReferralOutcome"] = rng.choice([1, 2, 3], size=len(frame), p=[0.5, 0.2, 0.3])
        frames.append(frame)
    frames.append(_financial(rng, heads, funding, end))
    return pd.concat(frames, ignore_index=True)


def _list_for(spec: HmisSpec, record_type: int) -> str:
    col = spec.file("Services").column("TypeProvided")
    return next(lst for ctrl, value, lst in col.list_by if value == str(record_type))


def _ssvf_details(rng: np.random.Generator, frame: pd.DataFrame, spec: HmisSpec) -> None:
    sub = spec.file("Services").column("SubTypeProvided")
    t = frame["TypeProvided"].to_numpy()
    values = np.full(len(frame), np.nan)
    for _, type_value, list_id in sub.list_by:
        at = t == int(type_value)
        values[at] = rng.choice(spec.codes(list_id), size=at.sum())
    frame["SubTypeProvided"] = values
    frame["OtherTypeProvided"] = np.where(t == 6, "Furniture and household goods", None)


def _financial(rng: np.random.Generator, heads: pd.DataFrame, funding: Funding, end: int) -> pd.DataFrame:
    """SSVF (152) rent after move-in or prevention payments; HOPWA short-term help (151)."""
    ssvf = funding.funded(heads["project_id"].to_numpy(), Funding.SSVF)
    hopwa = funding.funded(heads["project_id"].to_numpy(), Funding.HOPWA_SHORT_TERM)
    moved = heads["move_in"].to_numpy()
    housed = ssvf & (moved >= 0)
    prevention = (ssvf | hopwa) & (heads["ptype"].to_numpy() == 12)
    stop = np.where(heads["exit"].to_numpy() >= 0, heads["exit"].to_numpy(), end)
    start = np.where(housed, moved, heads["entry"].to_numpy())
    months = np.where(
        housed, np.clip((stop - start) // 30, 1, 6), np.where(prevention, rng.integers(1, 4, len(heads)), 0)
    )
    row = np.repeat(np.arange(len(heads)), months)
    k = np.arange(len(row)) - np.repeat(np.cumsum(months) - months, months)
    first = start[row].astype("datetime64[D]").astype("datetime64[M]")
    month_start = (first + k).astype("datetime64[D]").astype(np.int64)
    provided = np.minimum(np.maximum(month_start, start[row]), stop[row])
    is_ssvf = ssvf[row]
    record = np.where(is_ssvf, 152, 151)
    t = np.where(
        is_ssvf,
        np.where(k == 0, rng.choice([1, 2], size=len(row), p=[0.5, 0.5]), 1),
        rng.choice([1, 4], size=len(row), p=[0.7, 0.3]),
    )
    month_end = ((first + k + 1).astype("datetime64[D]").astype(np.int64)) - 1
    return pd.DataFrame(
        {
            "_enrollment": heads["enrollment"].to_numpy()[row],
            "DateProvided": provided,
            "RecordType": record,
            "TypeProvided": t,
            "FAAmount": np.round(rng.uniform(350, 950, len(row)) * 100).astype(np.int64),
            "FAStartDate": np.where(is_ssvf, np.maximum(month_start, start[row]), np.nan),
            "FAEndDate": np.where(is_ssvf, month_end, np.nan),
        }
    )


def finish(
    frame: pd.DataFrame,
    enr: pd.DataFrame,
    clock,
    users,
    options: Options,
    id_column: str,
    date_column: str,
    bases: dict[str, int],
) -> pd.DataFrame:
    """IDs, enrollment keys and metadata for a Services/CurrentLivingSituation frame."""
    at = frame["_enrollment"].to_numpy()  # enrollments are numbered by row
    frame["_source"] = enr["source_id"].to_numpy()[at]
    frame["EnrollmentID"] = enr["EnrollmentID"].to_numpy()[at]
    frame["PersonalID"] = enr["PersonalID"].to_numpy()[at]
    frame = frame.assign(_org=enr["organization_id"].to_numpy()[at])
    frame = frame.sort_values(["_source", date_column, "_enrollment"], kind="stable").reset_index(drop=True)
    created = clock.created(frame[date_column].to_numpy(), delay=clock.rng.choice([0, 1], size=len(frame)))
    frame["DateCreated"] = created
    frame["DateUpdated"] = created
    frame["UserID"] = users.pick(frame.pop("_org").to_numpy())
    frame.insert(0, id_column, numbered(frame["_source"], options.seed, id_column, bases))
    return frame
