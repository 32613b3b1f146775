"""Streamlit building blocks shared by the entry file and the pages: session, sign-in, tables."""
