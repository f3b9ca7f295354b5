"""Placeholder until this page lands."""

import streamlit as st

st.title("training", anchor=False)
st.write("Coming soon.")
