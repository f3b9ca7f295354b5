"""The harnesses against the stand-in apps: they must see what a person would, and fail when it is wrong.

Each server test starts a real `streamlit run` on loopback (a few seconds).
"""

import pytest

from bench.capacity import LoadSettings, number_input_lookup, run_level
from bench.server_time import BASELINES, ScriptRunError, ServerTarget, time_script_runs
from bench.streamlit_server import StreamlitServer
from bench.targets import AGE_LABEL, capacity_targets
from bench.ws_client import SessionError, StreamlitSession

LOOKUP = BASELINES / "lookup_app.py"


@pytest.fixture(scope="module")
def lookup_server():
    with StreamlitServer(LOOKUP, env={"BENCH_ELEMENTS": "12"}) as server:
        yield server


def test_protocol_client_opens_the_page_and_reads_its_words(lookup_server):
    with StreamlitSession(lookup_server.url) as session:
        result = session.load()
    assert result.ok
    assert "Band for age 0" in result.texts
    assert len(result.elements) == 12
    assert session.session_id


def test_setting_a_number_input_reruns_with_the_new_value(lookup_server):
    with StreamlitSession(lookup_server.url) as session:
        session.load()
        widget = session.set_value(AGE_LABEL, 7)
        changed = session.rerun()
        unchanged = session.rerun()
    assert widget.kind == "number_input"
    assert widget.id.startswith("$$ID-")
    assert "Band for age 7" in changed.texts
    assert "Band for age 7" in unchanged.texts  # the value stays set, as in a browser
    assert changed.run_id != unchanged.run_id


def test_a_missing_answer_is_a_problem_not_a_pass(lookup_server):
    with StreamlitSession(lookup_server.url) as session:
        session.load()
        result = number_input_lookup(AGE_LABEL, lambda i: 5, lambda i: "Band for age 6")(session, 0)
    assert not result.ok
    assert result.problems == ["expected 'Band for age 6' on the page"]


def test_an_unknown_widget_label_names_the_ones_there_are(lookup_server):
    with StreamlitSession(lookup_server.url) as session:
        session.load()
        with pytest.raises(SessionError, match="Child's age in years"):
            session.set_value("Age", 3)


def test_a_load_level_counts_every_interaction_and_no_errors():
    settings = LoadSettings(levels=(3,), duration_s=2.0, think_s=0.2, max_interactions=5)
    rows, elements = run_level(capacity_targets()[0], 3, settings)
    opened, interacted = rows
    assert elements == 60
    assert opened.figures["done"] == 3
    assert interacted.figures["errors"] == 0, interacted.note
    assert interacted.stats.n == interacted.figures["done"] > 0


def test_server_timing_fails_when_the_page_does_not_show_the_expected_words():
    target = ServerTarget(
        name="lookup",
        script=LOOKUP,
        interactions={"set age": lambda at, i: at.number_input[0].set_value(4)},
        expect={"set age": lambda i: "Band for age 5"},
    )
    with pytest.raises(ScriptRunError, match="Band for age 5"):
        time_script_runs(target, repeats=1, warmup=0)
