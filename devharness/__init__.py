"""Development harness shared by the browser tests (tests/browser) and the benchmarks (bench/).

`devharness.server` starts the real app (or any Streamlit script) on a free
loopback port and stops it; `devharness.chromium` launches Debian's Chromium
the one way both use. Nothing here imports pytest, so `python -m bench` needs
only the runtime packages and Playwright. Not part of the shipped image.
"""
