"""Where the records to fix are listed: a client-level issue in every project where the client was active,
so each agency sees what it must fix (issue 12), written here from the staging tables."""

from __future__ import annotations

import duckdb

# Each client's projects with a stay in the source's export period (entry by its end, no exit before its
# start); a client with none there is listed once, in the project of the latest stay.
WANTED = """
with period as (
    select source_id, min(export_start_date) as first_day, max(export_end_date) as last_day
    from staging.stg_meta__current_exports group by source_id
),
stays as (
    select e.source_id, e.personal_id, e.project_id, e.enrollment_id, e.entry_date, x.exit_date,
        e.entry_date <= p.last_day and (x.exit_date is null or x.exit_date >= p.first_day) as active
    from staging.stg_hmis__enrollments e
    left join (select source_id, enrollment_id, max(exit_date) as exit_date from staging.stg_hmis__exits group by all) x
        using (source_id, enrollment_id)
    join period p using (source_id)
),
latest as (
    select source_id, personal_id, project_id from stays
    qualify row_number() over (
        partition by source_id, personal_id order by entry_date desc, exit_date desc nulls first, enrollment_id desc
    ) = 1
),
wanted as (
    select distinct source_id, personal_id, project_id from stays where active
    union all
    select * from latest where not exists (
        select 1 from stays
        where stays.active and stays.source_id = latest.source_id and stays.personal_id = latest.personal_id
    )
)
select issues.check_id, issues.source_id, issues.personal_id, wanted.project_id
from (select distinct check_id, source_id, personal_id from marts.dq_record_issues where record_type = 'client') issues
join wanted using (source_id, personal_id)
"""


def test_a_client_issue_is_listed_in_every_project_where_the_client_was_active(
    dq_con: duckdb.DuckDBPyConnection,
) -> None:
    listed = dq_con.execute(
        "select check_id, source_id, personal_id, project_id from marts.dq_record_issues where record_type = 'client'"
    ).fetchall()
    assert len(listed) == len(set(listed))  # once per project
    assert set(listed) == set(dq_con.execute(WANTED).fetchall())
    (in_several,) = dq_con.execute(
        """select count(*) from (select check_id, source_id, personal_id from marts.dq_record_issues
           where record_type = 'client' group by all having count(distinct project_id) > 1)"""
    ).fetchone()
    assert in_several > 0  # the tiny world has clients active in two projects with an issue
