"""Benchmarks for the Traffic Light Reference app: how fast and how many, against baselines.

Run everything with `python -m bench` (or `python bench/run.py`) from the repo
root; `bench/README.md` says what each section measures and where to plug in
the app's pages.
"""
