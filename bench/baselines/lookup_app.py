"""Stand-in for the app's look-up page until it exists: an age in, a band out.

It has the shape the real page will have (a number input, a heading naming
the result, then BENCH_ELEMENTS text elements), so every harness that drives
an interaction can be tested now. The heading "Band for age N" is what the
harnesses wait for after changing the age.
"""

import os
import sys
from pathlib import Path

import streamlit as st

# Streamlit runs this file as a script, so its own folder is not a package.
# Insert once: a benchmark reruns the script thousands of times in one process.
HERE = str(Path(__file__).resolve().parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)
from neutral_text import neutral_paragraphs  # noqa: E402

ELEMENTS = int(os.environ.get("BENCH_ELEMENTS", "60"))

age = st.number_input("Child's age in years", min_value=0, max_value=18, value=0, step=1)
st.subheader(f"Band for age {age}")
# Shift the text with the age so a rerun really sends different content.
paragraphs = neutral_paragraphs(max(ELEMENTS - 2, 1))
shift = int(age) % len(paragraphs)
for paragraph in paragraphs[shift:] + paragraphs[:shift]:
    st.markdown(paragraph)
