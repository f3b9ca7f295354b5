"""bench.server_profile's reading of py-spy samples (the sampling itself needs a live server and ptrace)."""

from __future__ import annotations

from bench.server_profile import categorise

SAMPLES = [
    "_run_script (streamlit/runtime/scriptrunner/script_runner.py:961);answer (lookup.py:202);"
    "level_card (ui/levels.py:167);markdown (streamlit/elements/markdown.py:303);clean_text (streamlit/string_util.py:45);"
    "dedent (textwrap.py:436) 7",
    "_run_script (streamlit/runtime/scriptrunner/script_runner.py:961);answer (lookup.py:202);md (behaviours/text.py:25) 3",
    "run (asyncio/runners.py:118);_run_once (asyncio/base_events.py:1922) 5",
    "_run_script (streamlit/runtime/scriptrunner/script_runner.py:961);_enqueue (streamlit/delta_generator.py:635) 2",
    "not a sample line",
]


def test_each_sample_counts_once_for_the_most_specific_thing_it_was_in():
    total, by_category, ours = categorise(SAMPLES)
    assert total == 17
    assert by_category["Markdown text: Streamlit's dedent of each body"] == 7
    assert by_category["this repository's code (plans, cards from the cache, who to call)"] == 3
    assert by_category["event loop"] == 5
    assert by_category["Streamlit: element calls, layout blocks, the script run, the session"] == 2
    assert ours == {"level_card (ui/levels.py:167)": 7, "md (behaviours/text.py:25)": 3}
