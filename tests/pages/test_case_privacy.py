"""What is typed on the case discussion page (the description of a behaviour not listed, the factual account)
stays in the session: no disk, no logs, no shared cache, no URL."""

from __future__ import annotations

import base64
import io
import logging
from pathlib import Path

import pytest
import streamlit.logger
from pypdf import PdfReader

from behaviours.answers.case import Answer
from tests.helpers import MINIMAL_PACK, REPO, main_text, note_data, open_page
from tests.privacy import fs_now, new_marker, repo_files_holding, temp_files_holding

PAGE = "pages/case.py"
CASE_CODE = [
    REPO / "pages" / "case.py",
    REPO / "behaviours" / "answers" / "case.py",
    REPO / "behaviours" / "documents" / "case_note.py",
    REPO / "behaviours" / "answers" / "plans.py",
    REPO / "ui" / "note_actions.py",
]


@pytest.fixture
def debug_logs(caplog):
    """Every logger at DEBUG, Streamlit's own included (they do not propagate, so caplog joins them directly)."""
    before = streamlit.logger._global_log_level
    streamlit.logger.set_log_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="streamlit")
    joined = [streamlit.logger.get_logger(name) for name in list(streamlit.logger._loggers)]
    for logger in joined:
        logger.addHandler(caplog.handler)
    try:
        yield caplog
    finally:
        for logger in joined:
            logger.removeHandler(caplog.handler)
        streamlit.logger.set_log_level(before)


def test_a_typed_description_goes_nowhere_but_the_session_and_the_note(monkeypatch, debug_logs, capfd, tmp_path):
    monkeypatch.setenv("TRAFFIC_LIGHT_PACK", str(MINIMAL_PACK))
    marker = new_marker()
    started = fs_now() - 1

    at = open_page(PAGE)
    at.number_input(key="case_age").set_value(11).run()
    at.multiselect(key="case_behaviours").set_value(["9-17-red-images"]).run()
    at.checkbox(key="case_not_listed").check().run()
    at.text_input(key="case_not_listed_text").input(f"drawings {marker}").run()
    at.radio(key="case_crit_coercion").set_value(Answer.YES).run()
    at.text_area(key="case_account").input(f"She said: {marker}").run()
    assert not at.exception
    assert "Red: act today" in main_text(at)

    # The note and, on request, its PDF go to the browser inside the session's own message.
    text = note_data(at)["text"]
    at.button(key="case_note_make_pdf").click().run()
    pdf = base64.b64decode(note_data(at)["pdf"])
    # Controls: the marker really went through the page, so finding it nowhere else means something.
    assert marker in at.session_state["case_not_listed_text"]
    assert marker in at.session_state["case_account"]
    assert text.count(marker) == 2  # the description and the account
    assert marker in " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)

    assert all(marker not in f"{name}={value}" for name, value in at.query_params.items())
    assert repo_files_holding(marker) == []
    assert temp_files_holding(marker, since=started) == []
    logged = [record.getMessage() for record in debug_logs.records]
    assert logged, "the log capture caught nothing at all, so it cannot prove anything"
    assert not [line for line in logged if marker in line]
    assert marker not in debug_logs.text
    out, err = capfd.readouterr()
    assert marker not in out
    assert marker not in err

    # Clear everything: the typed text leaves the session at once.
    at.button(key="clear_case_top").click().run()
    assert "case_not_listed_text" not in at.session_state
    assert "case_account" not in at.session_state
    assert all(marker not in repr(at.session_state[key]) for key in at.session_state)


def test_the_control_would_catch_a_leak(tmp_path, monkeypatch):
    # The same search, pointed at a file that does hold the marker, finds it.
    marker = new_marker()
    started = fs_now() - 1
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    leak = Path(tmp_path, "leak.log")
    leak.write_text(f"a log line with {marker} in it", encoding="utf-8")

    assert temp_files_holding(marker, since=started) == [leak]
    assert temp_files_holding(marker, since=fs_now() + 60) == []


@pytest.mark.parametrize("path", CASE_CODE, ids=lambda p: p.name)
@pytest.mark.parametrize(
    "forbidden",
    [
        "cache_data",
        "cache_resource",
        "st.cache",
        "open(",
        "write_text",
        "write_bytes",
        "logging",
        "print(",
        "query_params",
        "bind=",
    ],
)
def test_the_case_code_has_no_way_to_store_log_or_share_input(path, forbidden):
    assert forbidden not in path.read_text(encoding="utf-8")
