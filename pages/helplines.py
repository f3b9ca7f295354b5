"""Placeholder until this page lands."""

import streamlit as st

st.title("helplines", anchor=False)
st.write("Coming soon.")
