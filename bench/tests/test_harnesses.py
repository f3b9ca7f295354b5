"""The harnesses against the stand-in apps: they must see what a person would, and fail when it is wrong.

Each server test starts a real `streamlit run` on loopback (a few seconds).
"""

import os
import tempfile
from pathlib import Path

import pytest

from bench.capacity import CapacityTarget, LoadSettings, number_input_lookup, run_level
from bench.server_time import BASELINES, ScriptRunError, ServerTarget, bare_target, time_script_runs
from bench.streamlit_server import StreamlitServer
from bench.targets import AGE_LABEL, APP_ENV, APP_SCRIPT, LOOKUP_TITLE, band_labels, lookup_by_age
from bench.ws_client import SessionError, StreamlitSession

LOOKUP = BASELINES / "lookup_app.py"
LOOKUP_STANDIN = CapacityTarget(
    name="lookup stand-in",
    script=LOOKUP,
    interaction=number_input_lookup(AGE_LABEL, lambda i: 1 + i % 17, lambda i: f"Band for age {1 + i % 17}"),
    interaction_name="set age",
    expect_on_load="Band for age 0",
)


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
    rows, elements = run_level(LOOKUP_STANDIN, 3, settings)
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


def test_the_real_look_up_answers_over_the_protocol_on_a_fresh_server():
    # A fresh server's first run restarts itself once (app.py leaves Streamlit's legacy
    # pages mode with st.rerun()); the client must wait for the run that follows.
    with StreamlitServer(APP_SCRIPT, env=APP_ENV) as server, StreamlitSession(server.url) as session:
        opened = session.load()
        assert opened.ok, (opened.status, opened.problems, opened.exceptions)
        assert opened.restarts == 1
        assert LOOKUP_TITLE in opened.text
        answered = lookup_by_age(session, 13)  # repetition 13 of the age sequence asks for age 9
    assert answered.ok, answered.problems
    assert all(label in answered.texts for label in band_labels(9))


def test_server_timing_alternates_the_bare_page_with_the_target_and_compares_every_row():
    target = ServerTarget(
        name="lookup",
        script=LOOKUP,
        env={"BENCH_ELEMENTS": "12"},
        interactions={"set age": lambda at, i: at.number_input[0].set_value(3 + i)},
        expect={"set age": lambda i: f"Band for age {3 + i}"},
    )
    rows, elements, beside = time_script_runs(target, repeats=3, warmup=1, beside=bare_target(elements=12))
    assert elements == 12
    assert [row.measure for row in rows] == ["first run", "rerun", "set age"]
    assert all("bare" in row.ratios and row.details["bare beside"]["n"] == 3 for row in rows)
    assert [(row.target, row.measure) for row in beside] == [
        ("bare_app[12] (beside lookup)", "first run"),
        ("bare_app[12] (beside lookup)", "rerun"),
    ]
    assert beside[0].figures["elements"] == 12


def test_the_bench_server_runs_cleaned_in_its_own_process_group(monkeypatch):
    # A STREAMLIT_* variable left in a shell would silently change the server being measured.
    monkeypatch.setenv("STREAMLIT_THEME_BASE", "dark")
    server = StreamlitServer(LOOKUP, env={"BENCH_ELEMENTS": "1"})
    with server:
        environ = dict(
            entry.split("=", 1)
            for entry in Path(f"/proc/{server.pid}/environ").read_text(errors="replace").split("\0")
            if "=" in entry
        )
        group = os.getpgid(server.pid)
    assert not [name for name in environ if name.startswith("STREAMLIT_")]
    assert environ["BENCH_ELEMENTS"] == "1"
    assert environ["HOME"] != os.environ.get("HOME") and environ["HOME"].startswith(tempfile.gettempdir())
    assert group == server.pid, "stopping the server must stop its children too"
    assert not Path(environ["HOME"]).exists(), "the private HOME and log are removed on stop"
    with pytest.raises(ProcessLookupError):
        os.kill(server.pid, 0)


def test_a_change_inside_a_fragment_reruns_only_the_fragment_and_keeps_the_page():
    with (
        StreamlitServer(BASELINES / "fragment_app.py") as server,
        StreamlitSession(server.url) as session,
    ):
        opened = session.load()
        session.set_value(AGE_LABEL, 3)
        young = session.rerun()
        session.set_value(AGE_LABEL, 7)
        changed = session.rerun()
        plain = session.rerun()  # nothing changed: a full run, as a browser's rerun is
    assert opened.status == "ok" and "Full runs: 1" in opened.texts
    assert young.status == "fragment ok" and "Under five" in young.texts
    assert changed.status == "fragment ok", changed.status
    assert "Under five" not in changed.texts  # what the fragment drew before is gone
    assert "Band for age 7" in changed.texts
    # The fragment's run did not run the page: the count is the one drawn before, still on the page.
    assert "Full runs: 1" in changed.texts and "Below the fragment" in changed.texts
    assert plain.status == "ok" and "Full runs: 2" in plain.texts and "Band for age 7" in plain.texts
    # What each run sent: the fragment's run only its own two elements (input and heading), while the
    # page holds four; answer_cost compares an answer with a bare page of the elements it sent.
    assert (changed.drawn, len(changed.elements)) == (2, 4)
    assert (young.drawn, opened.drawn, plain.drawn) == (3, 5, 4)  # "Under five" at ages 0 and 3
