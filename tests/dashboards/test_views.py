"""Shared page helpers driven by Streamlit's AppTest on small frames."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest


def _chart_series(projects: int) -> AppTest:
    def script(projects: int) -> None:
        import pandas as pd
        import streamlit as st

        from dashboards.ui.views import pick_series

        keys = [f"p{i:02d}" for i in range(projects)]
        current = pd.DataFrame({"project_key": keys, "persons_served": [float(i) for i in range(projects)]})
        current.loc[0, "persons_served"] = None  # a suppressed count ranks last
        st.session_state["charted"] = pick_series(current, "project_key", "Project")

    return AppTest.from_function(script, kwargs={"projects": projects}).run()


def test_a_few_scopes_are_all_charted_without_asking():
    at = _chart_series(5)
    assert not at.multiselect
    assert sorted(at.session_state["charted"]) == ["p00", "p01", "p02", "p03", "p04"]


def test_many_scopes_chart_the_largest_eight_until_the_user_picks_others():
    at = _chart_series(20)
    (picker,) = at.multiselect
    assert picker.label == "Projects on the charts (20 with data in the period shown)"
    assert sorted(at.session_state["charted"]) == [f"p{i}" for i in range(12, 20)]  # 19 down to 12 persons
    picker.set_value(["p00", "p05"]).run()
    assert sorted(at.session_state["charted"]) == ["p00", "p05"]


def test_tables_show_scores_to_one_decimal_and_rates_as_percentages():
    import pandas as pd

    from dashboards.formats import percent
    from dashboards.ui.widgets import number_formats, shown_table

    frame = pd.DataFrame(
        {
            "metric_value": [0.0037],
            "threshold": [0.05],
            "return_rate_6m": [0.25],
            "overall_score": [99.1731],
            "persons_served": [12],
            "project_name": ["A"],
        }
    )
    formats = number_formats(frame)
    assert {header: column["type_config"]["format"] for header, column in formats.items()} == {
        "Value": "%.1f%%",
        "Threshold": "%.1f%%",
        "Return rate 6m": "%.1f%%",
        "Overall score": "%.1f",
    }
    shown = shown_table(frame)  # the grid's printf format writes 0..100: 0.37 reads "0.4%", beside "5.0%"
    assert shown[["Value", "Threshold", "Return rate 6m"]].iloc[0].tolist() == pytest.approx([0.37, 5.0, 25.0])
    assert shown["Persons served"].iloc[0] == 12 and frame["metric_value"].iloc[0] == 0.0037  # the CSV's unchanged
    assert [percent(v) for v in (0, 0.0148, 1, None)] == ["0.0%", "1.5%", "100.0%", ""]


def test_one_value_left_is_said_in_words_not_drawn():
    """Issue 14: a chart with one point is stretched round it; fewer than two values other than zero left after
    suppression (zeros are no bars: the planner's inflow drew one bar) are said in words."""

    def script() -> None:
        import pandas as pd
        import streamlit as st

        from dashboards.ui.charts import too_little

        st.session_state["one"] = too_little(pd.DataFrame({"n": [14.0, None, None]}), "n", what="flows")
        st.session_state["two"] = too_little(pd.DataFrame({"n": [14.0, 0.0, None]}), "n", what="flows")
        st.session_state["none"] = too_little(pd.DataFrame({"n": [None, None]}), "n", what="flows")
        st.session_state["zeros"] = too_little(pd.DataFrame({"n": [14.0, 0.0, 0.0, None]}), "n", what="inflow")
        st.session_state["all zero"] = too_little(pd.DataFrame({"n": [0.0, 0.0, None]}), "n", what="inflow")
        st.session_state["two left"] = too_little(pd.DataFrame({"n": [14.0, -12.0, 0.0]}), "n", what="inflow")

    at = AppTest.from_function(script).run()
    assert at.session_state["one"] and at.session_state["none"] and at.session_state["zeros"]
    assert at.session_state["all zero"] and not at.session_state["two left"]
    assert at.session_state["two"]  # 14 and a zero: one value other than zero, so words
    assert [i.value for i in at.info] == [
        "Too little to draw flows: only one value other than zero is left to show (in the table below), too few for a "
        "chart.",
        "Too little to draw flows: only one value other than zero is left to show (in the table below), too few for a "
        "chart.",
        "Too little to draw flows: every value is hidden to protect small counts.",
        "Too little to draw inflow: only one value other than zero is left to show (in the table below), too few for a "
        "chart.",
        "Too little to draw inflow: every value shown is zero (in the table below).",
    ]
