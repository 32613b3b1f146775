"""Tests of the warehouse: dbt project, build and publish, Dagster assets, `waypoint build`."""
