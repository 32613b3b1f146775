"""The single gate between pages and data: every dashboard query is scoped, levelled and suppressed here.

A page never writes SQL and never filters by scope. It asks ``DataAccess`` for a dataset by name; the access layer
adds the user's scope to the query (CoC, agency, projects, funding sources), refuses person-level datasets to
aggregate-only roles, refuses datasets that cannot be narrowed to the user's scope, and suppresses small counts for
planners and funders. Extra filters a page passes can only narrow the answer further.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cached_property

import duckdb
import pandas as pd

from dashboards.cell_suppression import Sum, suppress_dataset
from dashboards.data.catalog import DATASETS, PERSON_COLUMNS, PROJECT_FUNDERS, Dataset, Level
from dashboards.data.warehouse import DataNotReady, find_relation, published, quote, relation_columns
from dashboards.scope import Scope, scope_for
from dashboards.settings import SecuritySettings, get_security_settings
from dashboards.state.audit import AuditLog
from dashboards.state.users import UserRecord
from dashboards.suppression import SuppressedFrame, suppress_frame
from pipelines.config import Settings, get_settings
from pipelines.errors import WaypointError


class AccessDenied(WaypointError):
    """The signed-in user's role or scope does not allow this data."""


@dataclass(frozen=True)
class Answer:
    """What a page draws: ``table`` to show (labels such as "<11" when suppressed), ``values`` for charts."""

    dataset: Dataset
    table: pd.DataFrame
    values: pd.DataFrame
    suppression: SuppressedFrame | None

    @property
    def empty(self) -> bool:
        return self.table.empty


def _in_list(column: str, values: Iterable[str]) -> tuple[str, list[str]]:
    values = sorted(set(values))
    if not values:
        return "false", []
    return f"{quote(column)} in ({', '.join('?' for _ in values)})", values


class DataAccess:
    """Bound to one signed-in user; its scope comes from the user's stored record only."""

    def __init__(
        self, user: UserRecord, settings: Settings | None = None, security: SecuritySettings | None = None
    ) -> None:
        self.user = user
        self.settings = settings or get_settings()
        self.security = security or get_security_settings()

    @cached_property
    def scope(self) -> Scope:
        return scope_for(self.user, self._projects_of_funders)

    @property
    def audit(self) -> AuditLog:
        return AuditLog(self.settings.app_db)

    def _projects_of_funders(self, codes: Iterable[str]) -> frozenset[str]:
        """Projects funded by the given sources; none when the warehouse does not say (fail closed)."""
        try:
            with published(self.settings.published_db) as conn:
                relation = find_relation(conn, PROJECT_FUNDERS)
                if relation is None:
                    return frozenset()
                wanted = sorted(set(codes))
                if not wanted:
                    return frozenset()
                marks = ", ".join("?" for _ in wanted)
                sql = f"select distinct project_key from {relation} where cast(funder as varchar) in ({marks})"
                rows = conn.execute(sql, wanted).fetchall()
        except DataNotReady:
            return frozenset()
        return frozenset(str(r[0]) for r in rows)

    def _scope_clauses(self, dataset: Dataset) -> tuple[list[str], list[str]]:
        """SQL conditions for the user's scope; refuses when the dataset lacks a column the scope needs."""
        if dataset.shared:  # settings and catalogues: about no one, the same for every user
            return [], []
        scope, columns = self.scope, dataset.scope
        clauses: list[str] = []
        params: list[str] = []
        axes = (
            ("CoC", scope.cocs, columns.coc),
            ("agency", scope.agency_ids, columns.agency),
        )
        for label, allowed, column in axes:
            if allowed is None:
                continue
            if column is None:
                raise AccessDenied(f"'{dataset.name}' cannot be narrowed to your {label}, so it is not shown")
            clause, values = _in_list(column, allowed)
            clauses.append(clause)
            params.extend(values)
        if scope.funder_codes is not None:  # a funder: its projects, and its funding sources where carried
            if columns.project is None and columns.funder is None:
                raise AccessDenied(f"'{dataset.name}' cannot be narrowed to your funding sources, so it is not shown")
            if columns.funder is not None:
                clause, values = _in_list(columns.funder, scope.funder_codes)
                clauses.append(clause)
                params.extend(values)
        if scope.project_ids is not None and (columns.project is not None or scope.funder_codes is None):
            if columns.project is None:
                raise AccessDenied(f"'{dataset.name}' cannot be narrowed to your projects, so it is not shown")
            clause, values = _in_list(columns.project, scope.project_ids)
            clauses.append(clause)
            params.extend(values)
        return clauses, params

    def _filter_clauses(self, dataset: Dataset, where: Mapping[str, Iterable[str]] | None) -> tuple[list[str], list]:
        """A page's own filters: only on declared columns, only ever ANDed to the scope."""
        clauses: list[str] = []
        params: list = []
        for column, values in (where or {}).items():
            if column not in dataset.columns:
                raise AccessDenied(f"'{dataset.name}' has no column {column!r} to filter on")
            values = [values] if isinstance(values, str) else list(values)
            clause, vals = _in_list(column, [str(v) for v in values])
            clauses.append(clause)
            params.extend(vals)
        return clauses, params

    def _select(self, dataset: Dataset, where: Mapping[str, Iterable[str]] | None) -> pd.DataFrame:
        scope_sql, scope_params = self._scope_clauses(dataset)
        filter_sql, filter_params = self._filter_clauses(dataset, where)
        conditions = " and ".join([*scope_sql, *filter_sql]) or "true"
        with published(self.settings.published_db) as conn:
            relation = find_relation(conn, dataset.relation)
            if relation is None:
                raise DataNotReady(f"no data yet: '{dataset.relation}' is not in the published warehouse")
            available = set(relation_columns(conn, relation))
            keys = {k for ks in dataset.count_distinct.values() for k in ks}
            missing = (set(dataset.columns) | keys) - available
            if missing:
                raise DataNotReady(f"'{dataset.relation}' lacks columns {sorted(missing)}: rebuild the warehouse")
            select = ", ".join(quote(c) for c in dataset.columns)
            if dataset.count_distinct:
                measures = ", ".join(
                    f"count(distinct concat_ws('|', {', '.join(quote(k) for k in ks)})) as {quote(name)}"
                    for name, ks in dataset.count_distinct.items()
                )
                grouped = f" group by {select}" if select else ""  # `group by all` is DuckDB's alone
                columns = ", ".join(filter(None, (select, measures)))
                sql = f"select {columns} from {relation} where {conditions}{grouped}"
            else:
                extra = [c for c in (*dataset.counts, *dataset.rates) if c not in dataset.columns]
                select = ", ".join(quote(c) for c in (*dataset.columns, *extra))
                sql = f"select {select} from {relation} where {conditions}"
            # A total order (the dataset's, then every column): complementary suppression breaks ties by row
            # position, so the same data must arrive in the same order on every engine and every read.
            order = dict.fromkeys((*dataset.order_by, *dataset.columns))
            if order:
                sql += " order by " + ", ".join(quote(c) for c in order)
            try:
                return conn.execute(sql, [*scope_params, *filter_params]).df()
            except duckdb.Error as err:
                raise DataNotReady(f"'{dataset.name}' could not be read: {err}") from err

    def _dataset(self, name: str, level: Level) -> Dataset:
        dataset = DATASETS.get(name)
        if dataset is None:
            raise AccessDenied(f"there is no dataset called {name!r}")
        if dataset.level is not level:
            raise AccessDenied(f"'{name}' is a {dataset.level.value}-level dataset")
        return dataset

    def aggregate(self, name: str, *, where: Mapping[str, Iterable[str]] | None = None) -> Answer:
        """Counts for any role; suppressed for planners and funders; never a person-level column."""
        dataset = self._dataset(name, Level.AGGREGATE)
        leaked = PERSON_COLUMNS & set(dataset.columns)
        if leaked:
            raise AccessDenied(f"'{name}' carries person-level columns {sorted(leaked)} and cannot be aggregate")
        if self.scope.suppressed and dataset.counts and dataset.sums:
            return self._suppressed_whole(dataset, where)
        frame = self._select(dataset, where)
        if self.scope.suppressed and dataset.counts:
            suppressed = suppress_frame(
                frame,
                dataset.counts,
                threshold=self.security.suppression_threshold,
                tables_by=dataset.tables_by,
                rates=dataset.rates,
            )
            return Answer(dataset, suppressed.display, suppressed.values, suppressed)
        return Answer(dataset, frame, frame, None)

    def _suppressed_whole(self, dataset: Dataset, where: Mapping[str, Iterable[str]] | None) -> Answer:
        """Suppresses the dataset as a whole (within the user's scope and the ``partition_by`` filters), then
        narrows it to the page's other filters: every view of a cell shows it the same way."""
        where = dict(where or {})
        self._filter_clauses(dataset, where)  # refuses filters on undeclared columns
        pushed = {c: v for c, v in where.items() if c in dataset.partition_by}
        frame = self._select(dataset, pushed)
        suppressed = suppress_dataset(
            frame,
            dataset.counts,
            sums=[self._with_pairs(rule) for rule in dataset.sums],
            cell_keys=dataset.cell_keys,
            threshold=self.security.suppression_threshold,
            rates=dataset.rates,
        )
        keep = pd.Series(True, index=suppressed.display.index)
        for column, values in where.items():
            if column in pushed:
                continue
            wanted = {values} if isinstance(values, str) else {str(v) for v in values}
            keep &= frame[column].astype(str).isin(wanted).to_numpy()
        display = suppressed.display[keep].reset_index(drop=True)
        values_ = suppressed.values[keep].reset_index(drop=True)
        narrowed = type(suppressed)(
            display,
            values_,
            suppressed.status[keep].reset_index(drop=True),
            suppressed.column_totals,
            suppressed.threshold,
            suppressed.totals,
        )
        return Answer(dataset, display, values_, narrowed)

    def _with_pairs(self, rule: Sum) -> Sum:
        """A crosswalk rule with its pairs read from the warehouse (a shared relation, about no one)."""
        if rule.pairs_from is None:
            return rule
        relation_name, total, part = rule.pairs_from
        with published(self.settings.published_db) as conn:
            relation = find_relation(conn, relation_name)
            if relation is None:
                raise DataNotReady(f"no data yet: '{relation_name}' is not in the published warehouse")
            pairs = conn.execute(f"select distinct {quote(total)}, {quote(part)} from {relation}").fetchall()
        parts_of: dict[str, list[str]] = {}
        for total_key, part_key in pairs:
            parts_of.setdefault(str(total_key), []).append(str(part_key))
        return replace(rule, parts_of={k: tuple(v) for k, v in parts_of.items()})

    def person_level(self, name: str, *, where: Mapping[str, Iterable[str]] | None = None) -> Answer:
        """Rows about people, only for roles with person-level access, only inside their scope."""
        if not self.scope.person_level:
            raise AccessDenied("your role sees aggregate counts only, not person-level records")
        dataset = self._dataset(name, Level.PERSON)
        frame = self._select(dataset, where)
        return Answer(dataset, frame, frame, None)

    def record_download(self, page: str, what: str, rows: int) -> None:
        """Called when a user downloads a table: the audit log keeps who, what, and with which scope."""
        self.audit.record(
            "download",
            username=self.user.username,
            role=self.user.role,
            page=page,
            scope=self.scope.to_dict(),
            detail={"what": what, "rows": rows},
        )

    def record_page_view(self, page: str) -> None:
        self.audit.record(
            "page_view", username=self.user.username, role=self.user.role, page=page, scope=self.scope.to_dict()
        )
