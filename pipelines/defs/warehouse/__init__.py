"""Dagster definitions of the warehouse: the dbt project as assets, dbt tests as asset checks."""
