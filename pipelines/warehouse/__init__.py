"""The warehouse build: run dbt into a new DuckDB file, check it, publish it atomically."""
