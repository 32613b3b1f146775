"""The pages of the dashboards, registered in one place; each role sees only the pages dashboards.roles gives it.

Adding a page is one ``PageEntry`` line here plus its file under ``dashboards/pages/`` (and its key in roles.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dashboards import roles
from dashboards.roles import Role, policy

PAGES_DIR = Path(__file__).parent / "pages"


@dataclass(frozen=True)
class PageEntry:
    key: str  # also the URL path
    title: str
    file: str  # under dashboards/pages/
    icon: str
    sections: tuple[str, ...] = ()  # a page drawn one section at a time: its sections, the first shown first

    @property
    def path(self) -> Path:
        return PAGES_DIR / self.file


PAGES: tuple[PageEntry, ...] = (
    PageEntry(roles.OVERVIEW, "Overview", "overview.py", ":material/dashboard:"),
    PageEntry(roles.DATA_QUALITY, "Data quality", "data_quality.py", ":material/fact_check:"),
    PageEntry(roles.CHECK_EXPORT, "Check an export", "check_export.py", ":material/upload_file:"),
    PageEntry(roles.HUD_REPORTS, "HUD reports", "hud_reports.py", ":material/description:"),
    PageEntry(
        roles.TRENDS, "Trends", "trends.py", ":material/map:", ("Maps", "Over time", "Inflow and outflow", "Returns")
    ),
    PageEntry(roles.OUTCOMES, "Outcomes", "outcomes.py", ":material/trending_up:"),
    PageEntry(roles.ADMINISTRATION, "Administration", "administration.py", ":material/admin_panel_settings:"),
)
PAGES_BY_KEY = {p.key: p for p in PAGES}


def pages_for(role: Role) -> list[PageEntry]:
    """The role's pages in the order of the registry."""
    allowed = set(policy(role).pages)
    return [p for p in PAGES if p.key in allowed]
