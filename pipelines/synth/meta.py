"""Record metadata: DateCreated/DateUpdated a little after the event, by a user of the agency.

Clean records are created 0-3 days after the event they record (HUD timeliness bands 0 and 1-3),
during office hours; some are updated later. Nothing is created after the export ran.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipelines.synth.calendar import SECONDS_PER_DAY

_DELAY_DAYS = ((0, 1, 2, 3), (0.55, 0.3, 0.1, 0.05))


class Clock:
    """Creates DateCreated/DateUpdated values; ``export_seconds`` is when the export ran."""

    def __init__(self, rng: np.random.Generator, export_seconds: int):
        self.rng = rng
        self.export_seconds = export_seconds

    def created(self, event_day: np.ndarray, delay: np.ndarray | None = None) -> np.ndarray:
        n = len(event_day)
        if delay is None:
            delay = self.rng.choice(_DELAY_DAYS[0], size=n, p=_DELAY_DAYS[1])
        office = self.rng.integers(8 * 3600, 18 * 3600, size=n)
        seconds = (np.asarray(event_day, dtype=np.int64) + delay) * SECONDS_PER_DAY + office
        return np.minimum(seconds, self.export_seconds - 3600 - self.rng.integers(0, 3600, size=n))

    def updated(self, created: np.ndarray, share: float = 0.35, max_days: int = 60) -> np.ndarray:
        n = len(created)
        later = self.rng.random(n) < share
        bump = np.where(later, self.rng.integers(600, max_days * SECONDS_PER_DAY, size=n), 0)
        return np.maximum(created, np.minimum(created + bump, self.export_seconds - 60))


class Users:
    """Picks, for each record, a user account of the agency that runs the project."""

    def __init__(self, users: pd.DataFrame, rng: np.random.Generator):
        self.rng = rng
        self.by_org = {org: grp["UserID"].to_numpy() for org, grp in users.groupby("organization_id")}

    def pick(self, organization_ids: np.ndarray) -> np.ndarray:
        out = np.empty(len(organization_ids), dtype=object)
        for org, ids in self.by_org.items():
            at = np.flatnonzero(organization_ids == org)
            if len(at):
                out[at] = ids[self.rng.integers(len(ids), size=len(at))]
        return out
