"""What the DQ seeds say, read by the generator so defects land where the checks look: which roster
projects must collect a program-specific data element (HUD's Data Standards funder tables,
``seeds/dq/dq_element_requirements.csv``) and the local check settings (``dq_check_settings.csv``)."""

from __future__ import annotations

from functools import cache

import pandas as pd

from pipelines.synth.roster import SEEDS, load_roster


@cache
def required_projects(element: str) -> frozenset[str]:
    """Project ids of the roster whose funders require ``element`` (e.g. ``"4.03"``) for their type."""
    roster = load_roster()
    rules = pd.read_csv(SEEDS / "dq" / "dq_element_requirements.csv", dtype={"project_type": "Int64"})
    rules = rules[rules["data_element"] == element]
    types = roster.projects.set_index("project_id")["project_type"].astype(int)
    required: set[str] = set()
    for project_id, funder in roster.funders[["project_id", "funder"]].itertuples(index=False):
        ptype = int(types[project_id])
        mine = rules[
            (rules["funder"] == int(funder)) & (rules["project_type"].isna() | (rules["project_type"] == ptype))
        ]
        if len(mine) and not (mine["required"] == "no").any():
            required.add(project_id)
    return frozenset(required)


def dq_setting(name: str) -> str:
    """A value of ``seeds/dq/dq_check_settings.csv`` (the generator declares what the checks will flag)."""
    settings = pd.read_csv(SEEDS / "dq" / "dq_check_settings.csv", dtype=str)
    return settings.set_index("setting").loc[name, "value"]


def type_settings(prefix: str) -> pd.DataFrame:
    """The per-project-type settings ``<prefix>_*``: project_type (int), value (float), unit."""
    settings = pd.read_csv(SEEDS / "dq" / "dq_check_settings.csv", dtype=str)
    mine = settings[settings["project_type"].notna() & settings["setting"].str.startswith(prefix + "_")]
    return pd.DataFrame(
        {
            "project_type": mine["project_type"].astype(int).to_numpy(),
            "value": mine["value"].astype(float).to_numpy(),
            "unit": mine["unit"].to_numpy(),
        }
    )
