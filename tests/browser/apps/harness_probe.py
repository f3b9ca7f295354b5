"""A tiny app that lets the harness test itself: env pass-through and slow reruns.

Not the real app: tests/browser/test_smoke.py starts it to prove that
`streamlit_server_factory(env=...)` reaches the server and that
`wait_for_app` waits for a rerun to finish instead of returning early.
"""

import os
import time

import streamlit as st

st.write(f"Pack: {os.environ.get('TRAFFIC_LIGHT_PACK', 'default')}")
if st.button("Slow step"):
    time.sleep(1.5)
    st.write("Slow step finished.")
