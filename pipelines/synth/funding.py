"""Which projects a funding source (2.06.1 code) pays for: decides the program-specific data collected."""

from __future__ import annotations

import numpy as np
import pandas as pd


class Funding:
    SSVF = (33,)
    HOPWA = (13, 14, 15, 16, 17, 18, 19)
    HOPWA_SHORT_TERM = (17,)
    PATH = (21,)
    RHY = (22, 24)
    RHY_BCP = (22,)
    YHDP = (43,)

    def __init__(self, funders: pd.DataFrame):
        self._projects = {int(code): set(group["project_id"]) for code, group in funders.groupby("funder")}

    def funded(self, project_ids, codes: tuple[int, ...]) -> np.ndarray:
        """True where the project has any of the funder ``codes``."""
        projects = set().union(*(self._projects.get(c, set()) for c in codes))
        return pd.Series(np.asarray(project_ids, dtype=object)).isin(projects).to_numpy()
