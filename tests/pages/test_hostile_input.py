"""Hostile input: fuzzed URL parameters on every page, and a hostile content pack.

Whatever arrives, the page shows text, never a traceback, and never renders a
link with a scheme other than https, http, mailto, tel or sms.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from behaviours import load_pack
from tests.helpers import MINIMAL_PACK, open_page, visible_text

PAGES = [
    "pages/lookup.py",
    "pages/search.py",
    "pages/case.py",
    "pages/training.py",
    "pages/helplines.py",
    "pages/about.py",
]
# What a person sees first on each page, whatever the link said.
TITLES = {
    "pages/lookup.py": "Look up a behaviour by age",
    "pages/search.py": "Search for a behaviour",
    "pages/case.py": "Case discussion",
    "pages/training.py": "Training",
    "pages/helplines.py": "Helplines and services",
    "pages/about.py": "About this tool",
}
CALL_999 = "Immediate danger: call [999](tel:999)"
PARAM_NAMES = ["age", "band", "level", "q", "audience", "seed", "mode", "n", "channel", "x"]
NASTY = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "[click](javascript:alert(1))",
    ":red[spoof] :material/warning: :smile:",
    "$\\frac{1}{0}$",
    "x" * 10_000,
    "\u202egnp.exe",
    "\x00\x07\x1b[31m",
    "9" * 400,
    "-0",
    "١٢",
    "💥" * 50,
    "%00%0d%0a",
    "' OR 1=1 --",
    "../../etc/passwd",
]
ALLOWED_SCHEMES = ("https:", "http:", "mailto:", "tel:", "sms:", "/", "#", "?")
# A Markdown link target not hidden behind a backslash-escaped bracket.
_LINK_TARGET = re.compile(r"(?<!\\)\]\(\s*<?([^)\s>]*)")
# Raw HTML that Markdown would pass on: a tag opener not escaped with a backslash.
_RAW_TAG = re.compile(r"(?<!\\)<\s*(script|img|iframe|a|svg)\b", re.IGNORECASE)


def all_markdown(at: AppTest) -> str:
    sources = []
    for kind in ("markdown", "caption", "info", "warning", "error", "success", "title", "header", "subheader"):
        sources.extend(str(element.value) for element in getattr(at, kind))
    return "\n".join(sources)


def assert_page_shown(at: AppTest, page: str) -> None:
    """The page a person asked for, with its title and the call-999 line, not an error screen."""
    assert [title.value for title in at.title] == [TITLES[page]]
    assert CALL_999 in visible_text(at)


def assert_safe(at: AppTest) -> None:
    """No exception element, and every rendered link uses an allowed scheme."""
    assert not at.exception, [e.value for e in at.exception]
    for target in _LINK_TARGET.findall(all_markdown(at)):
        assert target.lower().startswith(ALLOWED_SCHEMES), f"link with a disallowed target: {target[:80]}"


@pytest.fixture(autouse=True)
def _minimal_pack(monkeypatch):
    monkeypatch.setenv("TRAFFIC_LIGHT_PACK", str(MINIMAL_PACK))


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("value", NASTY, ids=lambda v: repr(v[:12]))
def test_nasty_value_in_every_parameter_is_shown_as_text(page, value):
    at = open_page(page, dict.fromkeys(PARAM_NAMES, value))
    assert_safe(at)
    source = all_markdown(at)
    assert not _RAW_TAG.search(source), "raw HTML reached Markdown unescaped"


# A repeated key (?age=1&age=<b>2</b>&age=red) counts as its last value; where a
# page reads that parameter, it says plainly that "red" is not usable.
REPEATED_KEY_NOTICES = {
    "pages/lookup.py": ["“red” is not an age in whole years.", "There is no age band “red”."],
    "pages/search.py": ["Nothing matched “red”"],
    "pages/case.py": [],
    "pages/training.py": [
        "“red” is not a section of this page.",
        "“red” is not a quiz number.",
        "There is no age band “red”.",
    ],
    "pages/helplines.py": ["“red” is not an audience."],
    "pages/about.py": [],
}


@pytest.mark.parametrize("page", PAGES)
def test_repeated_keys_count_as_their_last_value_and_are_explained(page):
    at = open_page(page, {name: ["1", "<b>2</b>", "red"] for name in PARAM_NAMES})
    assert_safe(at)
    assert_page_shown(at, page)
    text = visible_text(at)
    for words in REPEATED_KEY_NOTICES[page]:
        assert words in text
    assert "<b>2</b>" not in text, "an earlier value of a repeated key is never used"


param_values = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=100, max_size=3000),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(NASTY),
    st.lists(st.text(max_size=10), min_size=2, max_size=3),
)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(page=st.sampled_from(PAGES), params=st.dictionaries(st.sampled_from(PARAM_NAMES), param_values, max_size=5))
def test_fuzzed_parameters_still_show_the_page_and_the_call_999_line(page, params):
    at = open_page(page, params)
    assert_safe(at)
    assert_page_shown(at, page)


# ---------------------------------------------------------------- a hostile content pack

HOSTILE_TEXT = {
    "script": "<script>document.title='pwned'</script>",
    "image": '<img src=x onerror="alert(1)">',
    "js_link": "[Call now](javascript:alert(1))",
    "data_link": "[Open](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "directive": ":red[Fake red heading] :material/dangerous:",
    "heading": "# Not a heading",
}


def build_hostile_pack(dest: Path) -> Path:
    """The minimal pack with hostile text in descriptors, guidance and contacts, and a descriptor just under the 1,500-character limit (longer is an error)."""
    shutil.copytree(MINIMAL_PACK, dest)
    band = dest / "bands" / "0-9.yaml"
    text = band.read_text(encoding="utf-8")
    # A descriptor that opens like a Markdown heading: the compact band view shows descriptors, not each
    # level's meaning (which gets the same text below, for the pages that show it).
    text = text.replace(
        "Curious questions about bodies.",
        quoted(HOSTILE_TEXT["heading"] + " " + HOSTILE_TEXT["script"] + " " + HOSTILE_TEXT["js_link"]),
    )
    text = text.replace(
        "Touching that carries on after being redirected.",
        quoted(HOSTILE_TEXT["image"] + " " + HOSTILE_TEXT["data_link"]),
    )
    text = text.replace("Sharing nude images of others.", quoted(HOSTILE_TEXT["directive"] + " " + "long " * 290))
    band.write_text(text, encoding="utf-8")
    pack_yaml = dest / "pack.yaml"
    pack_yaml.write_text(
        pack_yaml.read_text(encoding="utf-8").replace("Expected for the age.", quoted(HOSTILE_TEXT["heading"])),
        encoding="utf-8",
    )
    contacts = dest / "contacts.yaml"
    contacts.write_text(
        contacts.read_text(encoding="utf-8").replace("The local front door.", quoted(HOSTILE_TEXT["js_link"])),
        encoding="utf-8",
    )
    load_pack(dest)  # the hostile text must pass validation, so the pages really render it
    return dest


def quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text)


@pytest.fixture
def hostile_pack(tmp_path, monkeypatch):
    pack_dir = build_hostile_pack(tmp_path / "hostile")
    monkeypatch.setenv("TRAFFIC_LIGHT_PACK", str(pack_dir))
    return pack_dir


@pytest.mark.parametrize("page", PAGES)
def test_hostile_pack_is_shown_as_text_on_every_page(hostile_pack, page):
    at = open_page(page, {"band": "0-9", "age": "5", "q": "script"})
    assert_safe(at)
    source = all_markdown(at)
    assert not _RAW_TAG.search(source), "raw HTML reached Markdown unescaped"


def test_hostile_descriptors_read_literally_on_the_band_view(hostile_pack):
    at = open_page("pages/lookup.py", {"band": "0-9"})
    assert_safe(at)
    text = visible_text(at)
    for needle in (
        "<script>document.title='pwned'</script>",
        "[Call now](javascript:alert(1))",
        ":red[Fake red heading]",
    ):
        assert needle in text, f"{needle!r} should be shown as plain text"
    assert "# Not a heading" in text
    assert not any(h.value.endswith("Not a heading") for h in at.header), "content must not create headings"


def test_a_pack_with_a_javascript_link_is_refused_whole(tmp_path, monkeypatch):
    pack_dir = tmp_path / "bad-link"
    shutil.copytree(MINIMAL_PACK, pack_dir)
    contacts = pack_dir / "contacts.yaml"
    contacts.write_text(
        contacts.read_text(encoding="utf-8").replace(
            "      - kind: phone\n        value: 0345 678 9021",
            "      - kind: phone\n        value: 0345 678 9021\n      - kind: web\n        value: javascript:alert(1)",
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv("TRAFFIC_LIGHT_PACK", str(pack_dir))
    at = open_page("pages/lookup.py", {"age": "9"})
    assert not at.exception
    text = visible_text(at)
    assert "The guidance cannot be shown because the content pack has errors" in text
    assert "Act today" not in text and "Red: act today" not in text, "no guidance from a broken pack"
    assert "javascript:" in at.code[0].value, "the editor sees the problem"


def _many_problems_pack(tmp_path):
    """The minimal pack with seven javascript: links: seven errors, in one file."""
    pack_dir = tmp_path / "many-bad-links"
    shutil.copytree(MINIMAL_PACK, pack_dir)
    contacts = pack_dir / "contacts.yaml"
    bad = "".join(f"\n      - kind: web\n        value: javascript:alert({n})" for n in range(7))
    contacts.write_text(
        contacts.read_text(encoding="utf-8").replace(
            "      - kind: phone\n        value: 0345 678 9021",
            "      - kind: phone\n        value: 0345 678 9021" + bad,
        ),
        encoding="utf-8",
    )
    return pack_dir


def test_a_broken_pack_shows_999_and_no_number_of_its_own(tmp_path, monkeypatch):
    monkeypatch.setenv("TRAFFIC_LIGHT_PACK", str(_many_problems_pack(tmp_path)))
    monkeypatch.delenv("TRAFFIC_LIGHT_FALLBACK_CONTACT", raising=False)
    at = open_page("pages/lookup.py", {"age": "9"})
    assert not at.exception
    message = at.error[0].value
    assert "[999](tel:999)" in message
    assert "0345" not in message and "Compass" not in message, "no number the pack did not provide"
    shown = at.code[0].value
    assert shown.count("javascript:") == 5
    assert "... and 2 more: run `python -m behaviours check` to list all." in shown
    assert "For the content editor: 7 problem(s) to fix" in visible_text(at)


def test_a_broken_pack_shows_the_deployments_fallback_contact(tmp_path, monkeypatch):
    monkeypatch.setenv("TRAFFIC_LIGHT_PACK", str(_many_problems_pack(tmp_path)))
    monkeypatch.setenv("TRAFFIC_LIGHT_FALLBACK_CONTACT", "Council front door|0345 678 9021")
    at = open_page("pages/lookup.py", {})
    message = at.error[0].value
    assert "call Council front door on [0345 678 9021](tel:+443456789021)" in message
    monkeypatch.setenv("TRAFFIC_LIGHT_FALLBACK_CONTACT", "Council front door|0345 678")
    at = open_page("pages/search.py", {})
    assert "0345" not in at.error[0].value, "an invalid number is not shown at all"
