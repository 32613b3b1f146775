"""Oklahoma maps drawn offline: the county and tribal-area GeoJSON shipped in dashboards/assets/geo (copied from
seeds/oklahoma), Plotly choropleths fitted to their shapes with no base map, so nothing is fetched at run time."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

GEO_DIR = Path(__file__).resolve().parents[1] / "assets" / "geo"
COUNTIES = "ok_counties.geojson"  # feature property GEOID = 5-digit county FIPS
TRIBAL_AREAS = "ok_tribal_areas.geojson"  # feature property GEOID = Census AIANNH code


@lru_cache(maxsize=4)
def geojson(name: str) -> dict:
    with open(GEO_DIR / name, encoding="utf-8") as handle:
        return json.load(handle)


def feature_ids(name: str) -> list[str]:
    return [str(f["properties"]["GEOID"]) for f in geojson(name)["features"]]


def choropleth(
    frame: pd.DataFrame, *, geo: str, location: str, value: str, label: str, hover: str, title: str
) -> go.Figure:
    """Shapes with a shown value are shaded by it; suppressed ones (NaN in ``value``) are drawn hatched-grey with
    their label ("<11"), and every other shape of the file is an outline, so the whole state stays in view."""
    shown = frame[frame[value].notna()]
    hidden = frame[frame[value].isna()]
    ids = feature_ids(geo)
    figure = go.Figure()
    figure.add_trace(
        go.Choropleth(
            geojson=geojson(geo),
            featureidkey="properties.GEOID",
            locations=ids,
            z=[0] * len(ids),
            colorscale=[[0, "#f4f4f4"], [1, "#f4f4f4"]],
            showscale=False,
            marker_line_color="#bbbbbb",
            marker_line_width=0.5,
            hoverinfo="skip",
        )
    )
    if not hidden.empty:
        figure.add_trace(
            go.Choropleth(
                geojson=geojson(geo),
                featureidkey="properties.GEOID",
                locations=hidden[location],
                z=[0] * len(hidden),
                colorscale=[[0, "#d0d0d0"], [1, "#d0d0d0"]],
                showscale=False,
                text=hidden[hover] + ": " + hidden[label].astype(str),
                hovertemplate="%{text}<extra></extra>",
                marker_line_color="#777777",
                marker_line_width=0.8,
            )
        )
    if not shown.empty:
        figure.add_trace(
            go.Choropleth(
                geojson=geojson(geo),
                featureidkey="properties.GEOID",
                locations=shown[location],
                z=shown[value],
                colorscale="Blues",
                colorbar_title=title,
                text=shown[hover] + ": " + shown[label].astype(str),
                hovertemplate="%{text}<extra></extra>",
                marker_line_color="#555555",
                marker_line_width=0.8,
            )
        )
    figure.update_geos(fitbounds="locations", visible=False)
    figure.update_layout(margin={"l": 0, "r": 0, "t": 10, "b": 0}, height=420)
    return figure
