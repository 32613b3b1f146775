"""Check an export without publishing it: what Eva does for an upload, on Waypoint's own checks."""

from pipelines.check.run import CheckReport, check_export, read_issues
from pipelines.check.workbook import write_workbook

__all__ = ["CheckReport", "check_export", "read_issues", "write_workbook"]
