"""What the benchmark measures: the hooks where the app's pages are plugged in.

Each function returns the targets of one section. For now they hold stand-ins
from bench/baselines/ (a look-up page with a number input, a stand-in
content pack), so every harness runs end to end. The baselines each target is
compared with (the bare page of the same element count, the hello app, a
static page) are added by the sections themselves, in the same run.

LEAD: replace or extend the lists marked "PLUG IN" below; the commented
examples show the shape for the look-up page of a multipage app.
"""

from __future__ import annotations

from pathlib import Path

from bench.baselines.standin_pack import load_standin_pack, make_standin_pack
from bench.browser_time import BrowserTarget, number_input_interaction
from bench.capacity import CapacityTarget, number_input_lookup
from bench.content import ContentPlug
from bench.report import REPO_ROOT
from bench.server_time import ServerTarget

BASELINES = Path(__file__).resolve().parent / "baselines"
LOOKUP_STANDIN = BASELINES / "lookup_app.py"
AGE_LABEL = "Child's age in years"
APP_SCRIPT = REPO_ROOT / "app.py"  # the app's frame, for the PLUG IN examples below


def age_for(repetition: int) -> int:
    """Ages 1..17 in turn, so each repetition asks for a different band than the last."""
    return 1 + repetition % 17


def band_heading(repetition: int) -> str:
    """The stand-in's answer to `age_for(repetition)`."""
    return f"Band for age {age_for(repetition)}"


def server_targets() -> list[ServerTarget]:
    """Pages whose script-run time is measured with AppTest."""
    return [
        # PLUG IN: the app's pages, e.g.
        # ServerTarget(
        #     name="look-up page",
        #     script=APP_SCRIPT,
        #     prepare=lambda at: at.switch_page("pages/lookup.py"),
        #     interactions={"type age": lambda at, i: at.number_input(key="lookup_age").set_value(age_for(i))},
        #     expect={"type age": lambda i: "words the page shows for age_for(i)"},
        # ),
        ServerTarget(
            name="lookup stand-in",
            script=LOOKUP_STANDIN,
            interactions={"set age": lambda at, i: at.number_input[0].set_value(age_for(i))},
            expect={"set age": band_heading},
        ),
    ]


def browser_targets() -> list[BrowserTarget]:
    """Pages opened and used in Chromium."""
    return [
        # PLUG IN: e.g.
        # BrowserTarget(
        #     name="look-up page",
        #     script=APP_SCRIPT,
        #     path="",  # the look-up is the default page; "search" for the search page
        #     ready_text="Look up a behaviour by age",
        #     interactions=[number_input_interaction("type age", AGE_LABEL, age_for, expected_words_for)],
        # ),
        BrowserTarget(
            name="lookup stand-in",
            script=LOOKUP_STANDIN,
            ready_text="Band for age 0",
            interactions=[number_input_interaction("set age", AGE_LABEL, age_for, band_heading)],
        ),
    ]


def capacity_targets() -> list[CapacityTarget]:
    """Pages load-tested with many concurrent protocol-level sessions."""
    return [
        # PLUG IN: e.g.
        # CapacityTarget(
        #     name="look-up page",
        #     script=APP_SCRIPT,
        #     page_name="",  # the default page; "search" for the search page
        #     interaction=number_input_lookup(AGE_LABEL, age_for, expected_words_for),
        #     interaction_name="type age",
        #     expect_on_load="Look up a behaviour by age",
        # ),
        CapacityTarget(
            name="lookup stand-in",
            script=LOOKUP_STANDIN,
            interaction=number_input_lookup(AGE_LABEL, age_for, band_heading),
            interaction_name="set age",
            expect_on_load="Band for age 0",
        ),
    ]


SEARCH_QUERIES = ("plan", "next step agreed", "summary comes first", "words that match nothing")


def content_plugs() -> list[ContentPlug]:
    """Loaders and searches timed on packs of growing size."""
    return [
        # PLUG IN: e.g.
        # ContentPlug(
        #     name="content pack",
        #     load_pack=behaviours.loader.load_pack,
        #     search=lambda pack, text: pack.search(text),
        #     make_pack=the_leads_synthetic_pack_function,   # (factor, folder) -> path
        #     queries=("words practitioners type", ...),
        #     default_pack=REPO_ROOT / "behaviours" / "content",
        # ),
        ContentPlug(
            name="stand-in pack",
            load_pack=load_standin_pack,
            search=lambda pack, text: pack.search(text),
            make_pack=make_standin_pack,
            queries=SEARCH_QUERIES,
        ),
    ]
