"""Waypoint's Streamlit dashboards: sign-in, roles and scope, audit, suppression, and the pages built on them."""
