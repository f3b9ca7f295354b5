"""Placeholder until this page lands."""

import streamlit as st

st.title("about", anchor=False)
st.write("Coming soon.")
