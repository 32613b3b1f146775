"""Synthetic HUD HMIS CSV exports (FY2026 / FY2024) with a ground-truth manifest of defects and identities.

``generate(out_dir, preset="tiny")`` writes ``<out_dir>/<source_id>/<name>.zip`` per source and
``<out_dir>/manifest.json``. Same seed and options give byte-identical output.
"""

from pipelines.synth.generate import SynthResult, generate
from pipelines.synth.options import PRESETS, DefectRates, Preset

__all__ = ["PRESETS", "DefectRates", "Preset", "SynthResult", "generate"]
