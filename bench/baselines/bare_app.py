"""Baseline: a bare Streamlit page with BENCH_ELEMENTS text elements and nothing else.

Its script-run time is the floor for any page with as many elements, so the
benchmark compares an app page with this one at the same element count.
Every tenth element is a subheading, the rest are markdown paragraphs.
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

for index, paragraph in enumerate(neutral_paragraphs(ELEMENTS)):
    if index % 10 == 0:
        st.subheader(f"Section {index // 10 + 1}")
    else:
        st.markdown(paragraph)
