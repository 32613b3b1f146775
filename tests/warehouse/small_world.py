"""A small, readable HMIS world in two sources, for building the whole dbt project in tests.

Source ``ok500-hmis`` (FY2026) sends a full refresh in January and a newer full refresh in June: the
June one replaces everything (client C9 only exists in January). Source ``ok507-agency`` (FY2024)
sends a full refresh in March, then a delta in April that updates client A1 and deletes client A2.
All people are invented.
"""

from __future__ import annotations

from .raw_layer import Export

ORGANIZATIONS = """
    OrganizationID,OrganizationName,VictimServiceProvider,DateCreated,DateUpdated,UserID
    O1,Harbor Light Shelter,0,2020-01-01 00:00:00,2020-01-01 00:00:00,U1
    O2,Prairie Housing Alliance,0,2020-01-01 00:00:00,2020-01-01 00:00:00,U1
"""

PROJECTS = """
    ProjectID,OrganizationID,ProjectName,OperatingStartDate,ContinuumProject,ProjectType,RRHSubType,DateCreated,DateUpdated,UserID
    P1,O1,Harbor Light Night Shelter,2020-01-01,1,1,,2020-01-01 00:00:00,2020-01-01 00:00:00,U1
    P2,O2,Prairie PSH,2020-01-01,1,3,,2020-01-01 00:00:00,2020-01-01 00:00:00,U1
    P3,O1,Harbor Light Family Shelter,2020-01-01,1,0,,2020-01-01 00:00:00,2020-01-01 00:00:00,U1
    P4,O2,Prairie Rapid Rehousing,2020-01-01,1,13,2,2020-01-01 00:00:00,2020-01-01 00:00:00,U1
"""

PROJECT_COCS = """
    ProjectCoCID,ProjectID,CoCCode,Geocode,ZIP,GeographyType,DateCreated,DateUpdated,UserID
    PC1,P1,OK-500,409047,73701,1,2020-01-01 00:00:00,2020-01-01 00:00:00,U1
    PC2,P2,OK-500,409071,74601,1,2020-01-01 00:00:00,2020-01-01 00:00:00,U1
    PC3,P3,OK-500,409119,74074,1,2020-01-01 00:00:00,2020-01-01 00:00:00,U1
    PC4,P4,OK-500,409113,74056,3,2020-01-01 00:00:00,2020-01-01 00:00:00,U1
"""

FUNDERS = """
    FunderID,ProjectID,Funder,GrantID,StartDate,DateCreated,DateUpdated,UserID
    F1,P2,2,OK0001,2020-01-01,2020-01-01 00:00:00,2020-01-01 00:00:00,U1
    F2,P4,3,OK0002,2020-01-01,2020-01-01 00:00:00,2020-01-01 00:00:00,U1
    F3,P1,8,ESG-01,2020-01-01,2020-01-01 00:00:00,2020-01-01 00:00:00,U1
"""

INVENTORY = """
    InventoryID,ProjectID,CoCCode,HouseholdType,Availability,UnitInventory,BedInventory,InventoryStartDate,DateCreated,DateUpdated,UserID
    I1,P1,OK-500,1,1,20,20,2020-01-01,2020-01-01 00:00:00,2020-01-01 00:00:00,U1
    I2,P2,OK-500,3,1,10,25,2020-01-01,2020-01-01 00:00:00,2020-01-01 00:00:00,U1
"""

PARTICIPATION = """
    HMISParticipationID,ProjectID,HMISParticipationType,HMISParticipationStatusStartDate,DateCreated,DateUpdated,UserID
    HP1,P1,1,2020-01-01,2020-01-01 00:00:00,2020-01-01 00:00:00,U1
    HP2,P2,1,2020-01-01,2020-01-01 00:00:00,2020-01-01 00:00:00,U1
    HP3,P3,1,2020-01-01,2020-01-01 00:00:00,2020-01-01 00:00:00,U1
    HP4,P4,1,2020-01-01,2020-01-01 00:00:00,2020-01-01 00:00:00,U1
"""

USERS = """
    UserID,UserFirstName,UserLastName,DateCreated,DateUpdated
    U1,Casey,Fixture,2020-01-01 00:00:00,2020-01-01 00:00:00
"""

CLIENTS_JUNE = """
    PersonalID,FirstName,LastName,NameDataQuality,SSNDataQuality,DOB,DOBDataQuality,Sex,White,HispanicLatinao,RaceNone,VeteranStatus,DateCreated,DateUpdated,UserID
    C1,Robin,Example,1,99,1980-05-01,1,1,1,0,,0,2024-01-01 00:00:00,2025-01-10 00:00:00,U1
    C2,Dana,Sample,1,99,1990-02-28,1,0,1,0,,0,2024-01-01 00:00:00,2024-03-01 00:00:00,U1
    C3,Kit,Sample,1,99,2015-07-01,1,0,0,1,,99,2024-01-01 00:00:00,2024-03-01 00:00:00,U1
    C4,Lee,Placeholder,1,99,1970-01-01,1,1,1,0,,1,2024-01-01 00:00:00,2024-10-01 00:00:00,U1
    C5,Sam,Unknown,1,99,,99,99,,,99,99,2024-01-01 00:00:00,2025-02-01 00:00:00,U1
"""

ENROLLMENTS_JUNE = """
    EnrollmentID,PersonalID,ProjectID,EntryDate,HouseholdID,RelationshipToHoH,EnrollmentCoC,LivingSituation,LengthOfStay,LOSUnderThreshold,PreviousStreetESSH,DateToStreetESSH,TimesHomelessPastThreeYears,MonthsHomelessPastThreeYears,DisablingCondition,MoveInDate,DateCreated,DateUpdated,UserID
    EN1,C1,P1,2025-01-10,H1,1,OK-500,116,2,,,2024-12-01,1,101,0,,2025-01-10 00:00:00,2025-01-20 00:00:00,U1
    EN2,C2,P2,2024-03-01,H2,1,OK-500,116,4,,,2022-01-01,4,113,1,2024-04-15,2024-03-01 00:00:00,2024-04-15 00:00:00,U1
    EN3,C3,P2,2024-03-01,H2,2,,116,4,,,,,,0,,2024-03-01 00:00:00,2024-03-01 00:00:00,U1
    EN4,C4,P3,2024-10-01,H3,1,OK-500,410,10,1,1,2024-09-01,2,105,1,,2024-10-01 00:00:00,2025-02-01 00:00:00,U1
    EN5,C5,P4,2025-02-01,H4,1,OK-500,101,3,,,,99,99,99,,2025-02-01 00:00:00,2025-02-01 00:00:00,U1
"""

EXITS_JUNE = """
    ExitID,EnrollmentID,PersonalID,ExitDate,Destination,DestinationSubsidyType,DateCreated,DateUpdated,UserID
    X1,EN1,C1,2025-01-20,116,,2025-01-20 00:00:00,2025-01-20 00:00:00,U1
    X4,EN4,C4,2025-02-01,435,439,2025-02-01 00:00:00,2025-02-01 00:00:00,U1
"""

INCOME_JUNE = """
    IncomeBenefitsID,EnrollmentID,PersonalID,InformationDate,IncomeFromAnySource,TotalMonthlyIncome,Earned,EarnedAmount,SSI,SSIAmount,DataCollectionStage,DateCreated,DateUpdated,UserID
    IB1,EN4,C4,2024-10-01,1,,1,500.00,0,,1,2024-10-01 00:00:00,2024-10-01 00:00:00,U1
    IB2,EN4,C4,2025-02-01,1,800.00,1,500.00,1,300.00,3,2025-02-01 00:00:00,2025-02-01 00:00:00,U1
    IB3,EN2,C2,2025-03-05,0,,0,,0,,5,2025-03-05 00:00:00,2025-03-05 00:00:00,U1
    IB4,EN2,C2,2024-03-01,8,,,,,,1,2024-03-01 00:00:00,2024-03-01 00:00:00,U1
"""

DISABILITIES_JUNE = """
    DisabilitiesID,EnrollmentID,PersonalID,InformationDate,DisabilityType,DisabilityResponse,IndefiniteAndImpairs,DataCollectionStage,DateCreated,DateUpdated,UserID
    D1,EN2,C2,2024-03-01,9,1,1,1,2024-03-01 00:00:00,2024-03-01 00:00:00,U1
"""

SERVICES_JUNE = """
    ServicesID,EnrollmentID,PersonalID,DateProvided,RecordType,TypeProvided,DateCreated,DateUpdated,UserID
    S1,EN1,C1,2025-01-10,200,200,2025-01-10 00:00:00,2025-01-10 00:00:00,U1
    S2,EN1,C1,2025-01-11,200,200,2025-01-11 00:00:00,2025-01-11 00:00:00,U1
    S3,EN1,C1,2025-01-11,200,200,2025-01-11 00:00:00,2025-01-11 00:00:00,U1
    S4,EN1,C1,2025-01-12,200,200,2025-01-12 00:00:00,2025-01-12 00:00:00,U1
    S5,EN1,C1,2025-01-20,200,200,2025-01-20 00:00:00,2025-01-20 00:00:00,U1
    S6,EN1,C1,2025-01-09,200,200,2025-01-09 00:00:00,2025-01-09 00:00:00,U1
"""

CLIENTS_JANUARY = """
    PersonalID,FirstName,LastName,DOB,DOBDataQuality,Sex,VeteranStatus,DateCreated,DateUpdated,UserID
    C1,Robin,Example,1980-05-01,1,1,0,2024-01-01 00:00:00,2024-01-01 00:00:00,U1
    C9,Jordan,Gone,1985-03-03,1,0,0,2024-01-01 00:00:00,2024-01-01 00:00:00,U1
"""

ENROLLMENTS_JANUARY = """
    EnrollmentID,PersonalID,ProjectID,EntryDate,HouseholdID,RelationshipToHoH,EnrollmentCoC,DateCreated,DateUpdated,UserID
    EN9,C9,P3,2024-12-01,H9,1,OK-500,2024-12-01 00:00:00,2024-12-01 00:00:00,U1
"""

AGENCY_PROJECTS = """
    ProjectID,OrganizationID,ProjectName,OperatingStartDate,ContinuumProject,ProjectType,DateCreated,DateUpdated,UserID
    SO1,AO1,Kiamichi Street Outreach,2021-01-01,1,4,2021-01-01 00:00:00,2021-01-01 00:00:00,AU1
"""

AGENCY_CLIENTS_MARCH = """
    PersonalID,FirstName,LastName,DOB,DOBDataQuality,HispanicLatinaeo,Woman,Man,GenderNone,VeteranStatus,DateCreated,DateUpdated,UserID
    A1,Avery,Before,1975-06-15,1,1,1,0,,0,2023-01-01 00:00:00,2023-01-01 00:00:00,AU1
    A2,Blake,Removed,1982-09-09,1,0,0,1,,0,2023-01-01 00:00:00,2023-01-01 00:00:00,AU1
"""

AGENCY_CLIENTS_APRIL_DELTA = """
    PersonalID,FirstName,LastName,DOB,DOBDataQuality,HispanicLatinaeo,Woman,Man,GenderNone,VeteranStatus,DateCreated,DateUpdated,UserID,DateDeleted
    A1,Avery,After,1975-06-15,1,1,1,0,,0,2023-01-01 00:00:00,2025-04-20 00:00:00,AU1,
    A2,Blake,Removed,1982-09-09,1,0,0,1,,0,2023-01-01 00:00:00,2025-04-21 00:00:00,AU1,2025-04-21 00:00:00
"""

AGENCY_ENROLLMENTS_MARCH = """
    EnrollmentID,PersonalID,ProjectID,EntryDate,HouseholdID,RelationshipToHoH,EnrollmentCoC,LivingSituation,DisablingCondition,DateOfEngagement,SexualOrientation,DateCreated,DateUpdated,UserID
    AE1,A1,SO1,2025-02-01,AH1,1,OK-507,116,0,2025-02-03,2,2025-02-01 00:00:00,2025-02-01 00:00:00,AU1
    AE2,A2,SO1,2025-02-05,AH2,1,OK-507,116,0,,2,2025-02-05 00:00:00,2025-02-05 00:00:00,AU1
"""

AGENCY_ORGANIZATIONS = """
    OrganizationID,OrganizationName,VictimServiceProvider,DateCreated,DateUpdated,UserID
    AO1,Kiamichi Outreach Services,0,2021-01-01 00:00:00,2021-01-01 00:00:00,AU1
"""

AGENCY_PROJECT_COCS = """
    ProjectCoCID,ProjectID,CoCCode,Geocode,ZIP,GeographyType,DateCreated,DateUpdated,UserID
    APC1,SO1,OK-507,409111,74447,3,2021-01-01 00:00:00,2021-01-01 00:00:00,AU1
"""


def small_world_exports() -> list[Export]:
    """The deliveries of the small world, in the order they arrived."""
    hmis_common = {
        "Organization": ORGANIZATIONS,
        "User": USERS,
        "Project": PROJECTS,
        "ProjectCoC": PROJECT_COCS,
    }
    return [
        Export(
            "ing-001",
            "ok500-hmis",
            "2025-01-31",
            {**hmis_common, "Client": CLIENTS_JANUARY, "Enrollment": ENROLLMENTS_JANUARY},
        ),
        Export(
            "ing-002",
            "ok500-hmis",
            "2025-06-30",
            {
                **hmis_common,
                "Funder": FUNDERS,
                "Inventory": INVENTORY,
                "HMISParticipation": PARTICIPATION,
                "Client": CLIENTS_JUNE,
                "Enrollment": ENROLLMENTS_JUNE,
                "Exit": EXITS_JUNE,
                "IncomeBenefits": INCOME_JUNE,
                "Disabilities": DISABILITIES_JUNE,
                "Services": SERVICES_JUNE,
            },
        ),
        Export(
            "ing-003",
            "ok507-agency",
            "2025-03-31",
            {
                "Organization": AGENCY_ORGANIZATIONS,
                "Project": AGENCY_PROJECTS,
                "ProjectCoC": AGENCY_PROJECT_COCS,
                "Client": AGENCY_CLIENTS_MARCH,
                "Enrollment": AGENCY_ENROLLMENTS_MARCH,
            },
            csv_version="fy2024",
        ),
        Export(
            "ing-004",
            "ok507-agency",
            "2025-04-30",
            {"Client": AGENCY_CLIENTS_APRIL_DELTA},
            directive=1,
            csv_version="fy2024",
        ),
        Export("ing-005", "ok507-agency", "2025-05-31", {}, status="rejected"),
    ]
