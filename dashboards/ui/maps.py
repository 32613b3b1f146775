"""Oklahoma maps drawn offline: the county and tribal-area GeoJSON shipped in dashboards/assets/geo (copied from
seeds/oklahoma), drawn as Plotly ``Choroplethmap`` layers on the tile-free "white-bg" style and centred on the shapes,
so the browser fetches nothing at run time (Plotly's ``geo`` choropleths download a world topojson from a CDN even
with the base map hidden, so they are not used)."""

from __future__ import annotations

import json
import math
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


def subset(name: str, ids: list[str]) -> dict:
    """Only the features a trace draws: each trace carries its own GeoJSON to the browser on every rerun."""
    wanted = set(ids)
    features = [f for f in geojson(name)["features"] if str(f["properties"]["GEOID"]) in wanted]
    return {"type": "FeatureCollection", "features": features}


def feature_ids(name: str) -> list[str]:
    return [str(f["properties"]["GEOID"]) for f in geojson(name)["features"]]


def _points(coordinates: list) -> list[tuple[float, float]]:
    if coordinates and isinstance(coordinates[0], (int, float)):
        return [(float(coordinates[0]), float(coordinates[1]))]
    return [point for part in coordinates for point in _points(part)]


@lru_cache(maxsize=4)
def view(name: str, width_px: int = 760, height_px: int = 420) -> tuple[dict[str, float], float]:
    """Centre and zoom that fit every shape of the file into a map of about ``width_px`` x ``height_px``."""
    points = [p for f in geojson(name)["features"] for p in _points(f["geometry"]["coordinates"])]
    west, east = min(p[0] for p in points), max(p[0] for p in points)
    south, north = min(p[1] for p in points), max(p[1] for p in points)
    # Web Mercator at zoom z is 512 * 2**z pixels round the world; latitude spans stretch by 1 / cos(latitude).
    stretch = 1 / math.cos(math.radians((south + north) / 2))
    zoom_x = math.log2(360 * width_px / (512 * (east - west)))
    zoom_y = math.log2(360 * height_px / (512 * (north - south) * stretch))
    return {"lon": (west + east) / 2, "lat": (south + north) / 2}, round(min(zoom_x, zoom_y) - 0.2, 2)


NO_PROJECT = "No project here"
HIDDEN = "Hidden: 1 to 10, or hidden to protect one"
SHOWN_COLOURS = "Blues"


def choropleth(
    frame: pd.DataFrame, *, geo: str, location: str, value: str, label: str, hover: str, title: str
) -> go.Figure:
    """Shapes with a shown value are shaded by it on a colour scale with its legend bar; suppressed ones (NaN in
    ``value``) are mid grey with their label ("<11", "*"); shapes with no row (no project there) are white. A
    legend names both greys, so "hidden" and "no project" are never the same colour."""
    shown = frame[frame[value].notna()]
    hidden = frame[frame[value].isna()]
    drawn = set(frame[location])
    ids = [i for i in feature_ids(geo) if i not in drawn]  # each shape is sent and drawn once
    figure = go.Figure()
    figure.add_trace(
        go.Choroplethmap(
            geojson=subset(geo, ids),
            featureidkey="properties.GEOID",
            locations=ids,
            z=[0] * len(ids),
            colorscale=[[0, "#ffffff"], [1, "#ffffff"]],
            showscale=False,
            marker_line_color="#bbbbbb",
            marker_line_width=0.5,
            hoverinfo="skip",
            name=NO_PROJECT,
            showlegend=True,
        )
    )
    figure.add_trace(
        go.Choroplethmap(
            geojson=subset(geo, list(hidden[location])),
            featureidkey="properties.GEOID",
            locations=hidden[location],
            z=[0] * len(hidden),
            colorscale=[[0, "#9e9e9e"], [1, "#9e9e9e"]],
            showscale=False,
            text=hidden[hover] + ": " + hidden[label].astype(str) + " (hidden)",
            hovertemplate="%{text}<extra></extra>",
            marker_line_color="#555555",
            marker_line_width=0.8,
            name=HIDDEN,
            showlegend=True,
        )
    )
    if not shown.empty:
        top = float(shown[value].max())
        figure.add_trace(
            go.Choroplethmap(
                geojson=subset(geo, list(shown[location])),
                featureidkey="properties.GEOID",
                locations=shown[location],
                z=shown[value],
                zmin=0,
                zmax=max(top, 1.0),
                colorscale=SHOWN_COLOURS,
                colorbar={"title": {"text": title}, "x": 1.0, "len": 0.8},
                text=shown[hover] + ": " + shown[label].astype(str),
                hovertemplate="%{text}<extra></extra>",
                marker_line_color="#555555",
                marker_line_width=0.8,
                name=title,
                showlegend=False,
            )
        )
    center, zoom = view(geo)
    figure.update_layout(
        map={"style": "white-bg", "center": center, "zoom": zoom},
        margin={"l": 0, "r": 0, "t": 10, "b": 0},
        height=460,
        legend={"orientation": "h", "yanchor": "top", "y": -0.02, "xanchor": "left", "x": 0},
    )
    return figure
