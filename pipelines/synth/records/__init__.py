"""Builders of the HMIS CSV files from the generated population, one module per group of files."""
