"""How `make test` shares the machine's cores (pytest-xdist, ``--dist loadgroup``; docs/testing.md).

Each test world is built once per worker that runs a test of it, so every test of one world goes to one worker:
the tests that read a world (a session fixture, or a module that calls a cached world builder) form one
``xdist_group``, and every other module is a group of its own (its module fixtures are built once). The worlds
go first, costliest first, so the longest chain of work starts at once and the modules fill the other cores.
Without ``-n`` (one process) the same order is kept.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

# World -> how a test shows it reads it: fixtures it uses, or a cached builder its module imports. Costliest first.
WORLDS: tuple[tuple[str, frozenset[str], frozenset[str]], ...] = (
    ("warehouse", frozenset({"built_warehouse", "published_home", "one_value", "postgres_build"}), frozenset()),
    ("pages", frozenset({"pages_world"}), frozenset()),
    ("report_world", frozenset(), frozenset({"report_world"})),
    ("apr_world", frozenset(), frozenset({"built_world"})),
    ("dq", frozenset({"dq_world"}), frozenset()),
)
_RANK = {name: rank for rank, (name, _, _) in enumerate(WORLDS)}


def _world_of(item: pytest.Item) -> str | None:
    fixtures = set(getattr(item, "fixturenames", ()))
    module = getattr(item, "module", None)
    for name, uses, builders in WORLDS:
        if fixtures & uses or any(builder in vars(module) for builder in builders if module is not None):
            return name
    return None


def _suffix_group(item: pytest.Item, group: str) -> None:
    """What xdist 3.8 does for ``--dist loadgroup`` (``item._nodeid = nodeid@group``), which pytest 9 no longer
    reads: its test ids are ``item._id``. Without it every test is its own unit and each world is built on every
    worker (measured: the session warehouse, its PostgreSQL build, the APR and DQ worlds twice)."""
    from _pytest.nodeid import NodeId

    item._id = NodeId.parse(f"{item.nodeid}@{group}")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Give each test its world's (or its module's) xdist group and run the worlds first."""
    module_world: dict[str, str] = {}
    for item in items:
        world = _world_of(item)
        if world is not None:
            module_world.setdefault(item.nodeid.split("::")[0], world)
    groups: dict[int, str] = {}
    for item in items:
        module = item.nodeid.split("::")[0]
        group = module_world.get(module, module)  # a module that reads a world goes whole with it
        item.add_marker(pytest.mark.xdist_group(group))
        groups[id(item)] = group
    if getattr(config.option, "loadgroup", False):  # an xdist worker: its scheduler reads the group after the "@"
        for item in items:
            _suffix_group(item, groups[id(item)])
    order = {group: n for n, group in enumerate(dict.fromkeys(groups.values()))}
    items.sort(key=lambda item: (_RANK.get(groups[id(item)], len(_RANK)), order[groups[id(item)]]))


@pytest.fixture(scope="session", autouse=True)
def _dagster_definitions_resolved_first() -> Iterator[None]:
    """Resolve Waypoint's Dagster definitions once per process, before any test runs a Dagster instance.

    Dagster 1.12 leaves the state storage of an entered ``DagsterInstance`` current after the instance is gone
    (``__exit__`` disposes it but never closes the context that made it current; that context's reset runs only
    when the garbage collector gets to it, at any later moment). A later *first* resolution of a ``Definitions``
    then reads a storage whose instance is gone and fails ("Attempted to resolve undefined DagsterInstance
    weakref"), so whether a Dagster test passed depended on which tests its worker ran before it. Resolved here,
    with no storage current, the repository is cached for the whole process.
    """
    from dagster._core.storage.defs_state.base import set_defs_state_storage

    from pipelines.definitions import defs

    with set_defs_state_storage(None):
        defs.get_repository_def()
    yield
