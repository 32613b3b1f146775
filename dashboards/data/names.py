"""Agency and project names by warehouse key, for messages outside a signed-in page (the demo's printed scopes,
the user table): every user listed there is someone an administrator manages, so names are not scoped further."""

from __future__ import annotations

from dashboards.data.catalog import PROJECTS
from dashboards.data.warehouse import DataNotReady, find_relation, read_only
from dashboards.ids import clean
from pipelines.config import Settings

AGENCIES = "dim_agency"


def warehouse_names(settings: Settings) -> dict[str, str]:
    """``organization_key`` / ``project_key`` -> name; empty when the warehouse is not built yet."""
    found: dict[str, str] = {}
    try:
        with read_only(settings.published_db) as conn:
            for relation, key, name in (
                (AGENCIES, "organization_key", "organization_name"),
                (PROJECTS, "project_key", "project_name"),
            ):
                table = find_relation(conn, relation)
                if table is not None:
                    found.update(
                        (str(k), str(n)) for k, n in conn.execute(f"select {key}, {name} from {table}").fetchall()
                    )
    except DataNotReady:
        return {}
    return found


def unknown_scope_ids(settings: Settings, scope_type: str, ids: list[str]) -> list[str]:
    """The ids of a report scope that the published warehouse does not hold (CoC codes, or agency / project ids
    written ``source:id``); empty when all are known. Raises DataNotReady before a first build."""
    if scope_type == "coc":
        with read_only(settings.published_db) as conn:
            table = find_relation(conn, "dim_coc")
            if table is None:
                raise DataNotReady("no CoCs in the warehouse yet")
            known = {str(r[0]) for r in conn.execute(f"select coc_code from {table}").fetchall()}
        return [i for i in ids if i not in known]
    names = warehouse_names(settings)
    if not names:
        raise DataNotReady("no agencies or projects in the warehouse yet")
    return [i for i in ids if clean(i) not in names]
