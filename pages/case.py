"""Placeholder until this page lands."""

import streamlit as st

st.title("case", anchor=False)
st.write("Coming soon.")
