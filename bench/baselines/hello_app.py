"""Baseline: the smallest Streamlit app, the floor for any Streamlit page."""

import streamlit as st

st.write("Hello")
