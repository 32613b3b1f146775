"""Project descriptor checks (HUD 2.06-2.08; Eva's PDDE checks) on the generated CSV text, for the defect
kinds of ``pipelines.synth.descriptor_defects``. Each returns (source_id, file, record_id, column)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .conftest import Export

_STAY_END = "coalesce(x.ExitDate::date, t.ExportEndDate::date)"
_STAYS = f"""
    select e._source, e.EnrollmentID, e.ProjectID, e.EntryDate::date as entry, x.ExitDate::date as exit,
           {_STAY_END} as stay_end
    from "Enrollment" e left join "Exit" x on x._source = e._source and x.EnrollmentID = e.EnrollmentID
    join "Export" t on t._source = e._source
"""


def _rows(export: Export, sql: str, file: str) -> set[tuple]:
    return {(source, file, record, None) for source, record in export.rows(sql)}


def seasonal_inventory(export):
    """Seasonal beds (Availability 2) with no end date or available for more than a year."""
    return _rows(
        export,
        """select _source, InventoryID from "Inventory" where Availability = '2'
           and (InventoryEndDate is null or InventoryEndDate::date > InventoryStartDate::date + 365)""",
        "Inventory",
    )


def es_bed_type_mismatch(export):
    """Shelter beds whose type does not fit the housing type: voucher beds in a site-based shelter, facility
    or other beds in a tenant-based one."""
    return _rows(
        export,
        """select i._source, i.InventoryID from "Inventory" i join "Project" p using (_source, ProjectID)
           where p.ProjectType in ('0', '1') and ((p.HousingType in ('1', '2') and i.ESBedType = '2')
               or (p.HousingType = '3' and i.ESBedType in ('1', '3')))""",
        "Inventory",
    )


def operating_end_passed(export):
    """Inventory open past its project's OperatingEndDate, and stays that continue after it."""
    beds = _rows(
        export,
        """select i._source, i.InventoryID from "Inventory" i join "Project" p using (_source, ProjectID)
           where p.OperatingEndDate is not null
               and (i.InventoryEndDate is null or i.InventoryEndDate::date > p.OperatingEndDate::date)""",
        "Inventory",
    )
    stays = _rows(
        export,
        f"""with s as ({_STAYS}) select s._source, s.EnrollmentID from s join "Project" p using (_source, ProjectID)
            where p.OperatingEndDate is not null and s.stay_end > p.OperatingEndDate::date""",
        "Enrollment",
    )
    return beds | stays


def inventory_after_stays(export):
    """Projects whose bed inventory all starts after every one of their stays ended."""
    return _rows(
        export,
        f"""with s as ({_STAYS}), last as (select _source, ProjectID, max(stay_end) as last_end from s group by all)
            select i._source, i.ProjectID from "Inventory" i join last using (_source, ProjectID)
            group by i._source, i.ProjectID, last.last_end
            having min(i.InventoryStartDate::date) > last.last_end""",
        "Project",
    )


def participation_window(export):
    """Enrollments of a project with HMIS participation records that no participating period covers."""
    return _rows(
        export,
        f"""with s as ({_STAYS})
            select s._source, s.EnrollmentID from s
            where exists (select 1 from "HMISParticipation" h where h._source = s._source and h.ProjectID = s.ProjectID)
              and not exists (
                select 1 from "HMISParticipation" h where h._source = s._source and h.ProjectID = s.ProjectID
                  and h.HMISParticipationType = '1' and h.HMISParticipationStatusStartDate::date <= s.entry
                  and (h.HMISParticipationStatusEndDate is null
                       or h.HMISParticipationStatusEndDate::date >= coalesce(s.exit, s.entry)))""",
        "Enrollment",
    )


def participation_overlap(export):
    """Projects with two HMIS participation records whose periods overlap."""
    return _rows(
        export,
        """select distinct a._source, a.ProjectID from "HMISParticipation" a join "HMISParticipation" b
           on a._source = b._source and a.ProjectID = b.ProjectID and a.HMISParticipationID <> b.HMISParticipationID
           and a.HMISParticipationStatusStartDate::date <= b.HMISParticipationStatusStartDate::date
           and (a.HMISParticipationStatusEndDate is null
                or b.HMISParticipationStatusStartDate::date < a.HMISParticipationStatusEndDate::date)""",
        "HMISParticipation",
    )


def ce_participation_overlap(export):
    """Projects with two CE participation records whose periods overlap."""
    return _rows(
        export,
        """select distinct a._source, a.ProjectID from "CEParticipation" a join "CEParticipation" b
           on a._source = b._source and a.ProjectID = b.ProjectID and a.CEParticipationID <> b.CEParticipationID
           and a.CEParticipationStatusStartDate::date <= b.CEParticipationStatusStartDate::date
           and (a.CEParticipationStatusEndDate is null
                or b.CEParticipationStatusStartDate::date < a.CEParticipationStatusEndDate::date)""",
        "CEParticipation",
    )


def no_participation(export):
    return _rows(
        export,
        """select _source, ProjectID from "Project" p where not exists
           (select 1 from "HMISParticipation" h where h._source = p._source and h.ProjectID = p.ProjectID)""",
        "Project",
    )


def vsp_in_hmis(export):
    """Projects of a victim service provider recorded as participating in HMIS (HUD: VSPs must not)."""
    return _rows(
        export,
        """select distinct p._source, p.ProjectID from "Project" p
           join "Organization" o using (_source, OrganizationID)
           join "HMISParticipation" h using (_source, ProjectID)
           where o.VictimServiceProvider = '1' and h.HMISParticipationType = '1'""",
        "Project",
    )


def no_funder(export):
    return _rows(
        export,
        """select _source, ProjectID from "Project" p where not exists
           (select 1 from "Funder" f where f._source = p._source and f.ProjectID = p.ProjectID)""",
        "Project",
    )


def nbn_no_bed_nights(export):
    """Participating night-by-night shelters with enrollments and no bed night, and night-by-night enrollments
    with no bed night on their start date."""
    projects = _rows(
        export,
        """select p._source, p.ProjectID from "Project" p where p.ProjectType = '1'
           and exists (select 1 from "HMISParticipation" h where h._source = p._source and h.ProjectID = p.ProjectID
                       and h.HMISParticipationType = '1')
           and exists (select 1 from "Enrollment" e where e._source = p._source and e.ProjectID = p.ProjectID)
           and not exists (select 1 from "Services" s join "Enrollment" e using (_source, EnrollmentID)
                           where s._source = p._source and e.ProjectID = p.ProjectID and s.RecordType = '200')""",
        "Project",
    )
    enrollments = _rows(
        export,
        """select e._source, e.EnrollmentID from "Enrollment" e join "Project" p using (_source, ProjectID)
           where p.ProjectType = '1' and not exists (
               select 1 from "Services" s where s._source = e._source and s.EnrollmentID = e.EnrollmentID
                   and s.RecordType = '200' and s.DateProvided::date = e.EntryDate::date)""",
        "Enrollment",
    )
    return projects | enrollments


def vsp_client_data(export):
    """Projects of a victim service provider holding enrollments (HUD: VSPs keep client data out of HMIS)."""
    return _rows(
        export,
        """select distinct p._source, p.ProjectID from "Project" p
           join "Organization" o using (_source, OrganizationID)
           join "Enrollment" e using (_source, ProjectID)
           where o.VictimServiceProvider = '1'""",
        "Project",
    )


def coc_without_inventory(export):
    """Residential projects with inventory that list a CoC (ProjectCoC) where they have none."""
    return _rows(
        export,
        """select distinct c._source, c.ProjectID from "ProjectCoC" c join "Project" p using (_source, ProjectID)
           where (p.ProjectType in ('0', '1', '2', '3', '8', '9', '10')
                  or (p.ProjectType = '13' and p.RRHSubType = '2'))
             and exists (select 1 from "Inventory" i where i._source = c._source and i.ProjectID = c.ProjectID)
             and not exists (select 1 from "Inventory" i where i._source = c._source and i.ProjectID = c.ProjectID
                             and i.CoCCode = c.CoCCode)""",
        "ProjectCoC",
    )


KINDS = (
    "seasonal_inventory",
    "es_bed_type_mismatch",
    "operating_end_passed",
    "inventory_after_stays",
    "participation_window",
    "participation_overlap",
    "ce_participation_overlap",
    "no_participation",
    "vsp_in_hmis",
    "no_funder",
    "nbn_no_bed_nights",
    "vsp_client_data",
    "coc_without_inventory",
)
