"""Names the warehouse gives HMIS files and columns: snake_case columns, plural staging models.

The raw table of a file is ingestion's ``raw_table_name`` (docs/contracts.md); staging models are
named for what one row is (``stg_hmis__enrollments``: one row per enrollment).
"""

from __future__ import annotations

import re

from pipelines.ingest.layout import table_name as raw_table_name

# One row of each file is one ... (the staging model's plural noun).
STAGING_NOUNS: dict[str, str] = {
    "Export": "exports",
    "Organization": "organizations",
    "User": "users",
    "Project": "projects",
    "Funder": "funders",
    "ProjectCoC": "project_cocs",
    "Inventory": "inventory",
    "Affiliation": "affiliations",
    "HMISParticipation": "hmis_participations",
    "CEParticipation": "ce_participations",
    "Client": "clients",
    "Enrollment": "enrollments",
    "Exit": "exits",
    "IncomeBenefits": "income_benefits",
    "HealthAndDV": "health_and_dv",
    "EmploymentEducation": "employment_education",
    "Disabilities": "disabilities",
    "Services": "services",
    "CurrentLivingSituation": "current_living_situations",
    "Assessment": "assessments",
    "AssessmentQuestions": "assessment_questions",
    "AssessmentResults": "assessment_results",
    "Event": "events",
    "YouthEducationStatus": "youth_education_statuses",
}


def snake_case(name: str) -> str:
    """'RelationshipToHoH' -> 'relationship_to_hoh', 'HealthAndDVID' -> 'health_and_dv_id'."""
    name = name.replace("CoC", "Coc").replace("HoH", "Hoh")
    name = re.sub(r"(?<=[A-Za-z])ID$", "_ID", name)
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    name = re.sub(r"([a-z])([0-9])", r"\1_\2", name)
    return re.sub(r"_+", "_", name).lower()


def staging_model(file: str) -> str:
    """'Enrollment' -> 'stg_hmis__enrollments'."""
    return f"stg_hmis__{STAGING_NOUNS[file]}"


__all__ = ["STAGING_NOUNS", "raw_table_name", "snake_case", "staging_model"]
