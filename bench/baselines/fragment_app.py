"""A page with an st.fragment, for the protocol client's test: a counter of full runs outside,
an age input and its heading inside the fragment."""

import streamlit as st

st.session_state["full_runs"] = st.session_state.get("full_runs", 0) + 1
st.markdown(f"Full runs: {st.session_state['full_runs']}")


@st.fragment
def look_up() -> None:
    age = st.number_input("Child's age in years", min_value=0, max_value=18, value=0, step=1)
    st.subheader(f"Band for age {age}")
    if age < 5:
        st.markdown("Under five")  # drawn for some answers only: a later run must drop it


look_up()
st.markdown("Below the fragment")
