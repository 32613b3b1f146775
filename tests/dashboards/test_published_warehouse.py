"""The dashboards keep the published warehouse attached between queries and follow each publish at once."""

from __future__ import annotations

import threading

import duckdb
import pytest

from dashboards.data.warehouse import DataNotReady, close_published, find_relation, published
from pipelines.config import Settings
from pipelines.warehouse.publish import BuildFiles, publish


def _build(settings: Settings, persons: int) -> None:
    """A finished build file holding one mart, published with the warehouse build's own atomic step."""
    files = BuildFiles.new(settings)
    files.database.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(files.database))
    try:
        con.execute("create schema marts")
        con.execute(f"create table marts.served as select {persons} as persons")
    finally:
        con.close()
    publish(files, settings)


def _persons(settings: Settings) -> int:
    with published(settings.published_db) as conn:
        return conn.execute(f"select persons from {find_relation(conn, 'served')}").fetchone()[0]


@pytest.fixture
def settings(tmp_path):
    settings = Settings(home=tmp_path).ensure()
    yield settings
    close_published()


def test_a_new_publish_is_read_at_the_next_query(settings):
    _build(settings, 10)
    assert _persons(settings) == 10
    _build(settings, 20)
    assert _persons(settings) == 20


def test_a_query_open_during_a_publish_finishes_on_the_version_it_started_on(settings):
    _build(settings, 10)
    with published(settings.published_db) as before:
        _build(settings, 20)
        assert before.execute("select persons from marts.served").fetchone()[0] == 10
        assert _persons(settings) == 20
    assert _persons(settings) == 20


def test_the_attachment_is_read_only(settings):
    _build(settings, 10)
    with published(settings.published_db) as conn, pytest.raises(duckdb.Error, match="read-only"):
        conn.execute("delete from marts.served")
    assert _persons(settings) == 10


def test_sessions_on_many_threads_share_one_attachment(settings):
    _build(settings, 7)
    answers: list[int] = []
    threads = [threading.Thread(target=lambda: answers.append(_persons(settings))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [7] * 8


def test_no_published_warehouse_is_data_not_ready(settings):
    with pytest.raises(DataNotReady, match="has not been built"), published(settings.published_db):
        pass
