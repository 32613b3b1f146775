"""What a generation run is asked for: presets, defect rates and the resolved options of one run."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from datetime import date

from pipelines.errors import WaypointError
from pipelines.spec import READ_VERSIONS

DEFAULT_END_DATE = date(2026, 9, 30)  # end of federal FY2026: output never depends on today's date
EARLIEST_EXPORT_START = date(2019, 10, 1)  # every roster project and funder operates from here on


@dataclass(frozen=True)
class DefectRates:
    """Share of the eligible records that receive each injected defect (docs/synth.md).

    Client-level PII kinds are shares of Client rows; ``pii_*`` apply per element (name, SSN, DOB,
    race, veteran status, disabling condition); enrollment kinds are shares of the enrollments where the
    defect can occur (e.g. ``inactive_nbn`` of open night-by-night stays, ``no_hoh`` of households of 2+).
    """

    ssn_missing: float = 0.012
    ssn_partial: float = 0.01
    ssn_invalid: float = 0.004
    dob_missing: float = 0.004
    dob_partial: float = 0.008
    name_missing: float = 0.002
    name_partial: float = 0.006
    pii_dk: float = 0.004
    pii_refused: float = 0.004
    pii_not_collected: float = 0.004
    destination_missing: float = 0.03
    destination_dk: float = 0.01
    income_missing_at_entry: float = 0.015
    income_missing_at_exit: float = 0.04
    benefits_missing_at_entry: float = 0.01
    benefits_missing_at_exit: float = 0.01
    benefits_conflict_at_entry: float = 0.01
    benefits_conflict_at_exit: float = 0.01
    insurance_missing_at_entry: float = 0.01
    insurance_missing_at_exit: float = 0.01
    insurance_conflict_at_entry: float = 0.01
    insurance_conflict_at_exit: float = 0.01
    veteran_info_missing: float = 0.05
    veteran_info_dk: float = 0.03
    veteran_years_invalid: float = 0.02
    percent_ami_missing: float = 0.03
    vamc_station_missing: float = 0.03
    hp_screening_missing: float = 0.03
    homeless_start_after_entry: float = 0.01
    months_homeless_determinable: float = 0.01
    months_homeless_start_conflict: float = 0.01
    homeless_start_over_3_years: float = 0.05
    short_stay_answer_conflict: float = 0.03
    referral_result_undated: float = 0.02
    referral_open: float = 0.03
    address_missing: float = 0.03
    inventory_before_operating: float = 0.03
    seasonal_inventory: float = 0.05
    es_bed_type_mismatch: float = 0.05
    operating_end_passed: float = 0.03
    inventory_after_stays: float = 0.03
    participation_window: float = 0.03
    participation_overlap: float = 0.03
    ce_participation_overlap: float = 0.05
    no_participation: float = 0.2
    vsp_in_hmis: float = 0.2
    no_funder: float = 0.2
    nbn_no_bed_nights: float = 0.2
    vsp_client_data: float = 0.03
    coc_without_inventory: float = 0.2
    late_entry: float = 0.05
    late_exit: float = 0.06
    inactive_nbn: float = 0.08
    inactive_outreach: float = 0.12
    overlapping_stay: float = 0.004
    residential_overlap: float = 0.05
    no_hoh: float = 0.02
    multiple_hoh: float = 0.02
    invalid_move_in: float = 0.02
    duplicate_client: float = 0.004

    @classmethod
    def kinds(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    def scaled(self, factor: float) -> DefectRates:
        """Every rate times ``factor`` (``--defect-rate``), capped at 1."""
        return replace(self, **{k: min(1.0, v * factor) for k, v in asdict(self).items()})


@dataclass(frozen=True)
class Preset:
    name: str
    clients: int
    years: int


PRESETS: dict[str, Preset] = {
    "tiny": Preset("tiny", 300, 2),
    "demo": Preset("demo", 3_000, 3),
    "state": Preset("state", 200_000, 5),
    "national": Preset("national", 2_000_000, 5),  # docs/scale.md: ten times state, the same roster of projects
}


@dataclass(frozen=True)
class Options:
    """The resolved options of one run: everything the output depends on."""

    preset: str
    seed: int
    csv_version: str
    clients: int
    years: int
    end_date: date
    defect_scale: float
    rates: DefectRates

    @property
    def start_date(self) -> date:
        """First day of the export period: ``years`` whole years before the day after ``end_date``."""
        after = date.fromordinal(self.end_date.toordinal() + 1)
        try:
            return after.replace(year=after.year - self.years)
        except ValueError:  # 29 February
            return after.replace(year=after.year - self.years, day=28)

    @property
    def force_every_defect(self) -> bool:
        """At least one of every defect kind whenever defects are on (the tests rely on it)."""
        return self.defect_scale > 0

    def as_manifest(self) -> dict[str, object]:
        return {
            "preset": self.preset,
            "seed": self.seed,
            "csv_version": self.csv_version,
            "clients": self.clients,
            "years": self.years,
            "end_date": self.end_date.isoformat(),
            "start_date": self.start_date.isoformat(),
            "defect_rate": self.defect_scale,
            "defect_rates": asdict(self.rates),
        }


def resolve_options(
    *,
    preset: str,
    seed: int,
    csv_version: str,
    clients: int | None,
    years: int | None,
    end_date: date | None,
    defect_rate: float | None,
) -> Options:
    """Check the user's options and fill the blanks from the preset."""
    if preset not in PRESETS:
        raise WaypointError(f"unknown preset {preset!r}; choose one of {', '.join(PRESETS)}")
    if csv_version not in READ_VERSIONS:
        raise WaypointError(f"unknown CSV version {csv_version!r}; choose one of {', '.join(READ_VERSIONS)}")
    base = PRESETS[preset]
    clients = base.clients if clients is None else clients
    years = base.years if years is None else years
    if clients < 20:
        raise WaypointError(f"--clients must be at least 20 (got {clients})")
    if not 1 <= years <= 10:
        raise WaypointError(f"--years must be between 1 and 10 (got {years})")
    scale = 1.0 if defect_rate is None else defect_rate
    if scale < 0:
        raise WaypointError(f"--defect-rate must not be negative (got {defect_rate})")
    options = Options(
        preset=preset,
        seed=seed,
        csv_version=csv_version,
        clients=clients,
        years=years,
        end_date=end_date or DEFAULT_END_DATE,
        defect_scale=scale,
        rates=DefectRates().scaled(scale),
    )
    if options.start_date < EARLIEST_EXPORT_START:
        raise WaypointError(
            f"the export period would start {options.start_date}, before the synthetic roster operates "
            f"({EARLIEST_EXPORT_START}); use a later --end-date or fewer --years"
        )
    return options
