"""Placeholder until this page lands."""

import streamlit as st

st.title("search", anchor=False)
st.write("Coming soon.")
