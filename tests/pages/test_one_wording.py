"""One source of wording: every contact in the shipped pack reads the same on the app's Helplines page,
on the printed routes sheet (the PDF's own text) and on the offline routes page (the exported HTML).

The app's words are read from the page as AppTest renders it, never from the wording functions, so a
renderer that words a contact its own way makes this fail."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import pytest

from behaviours.documents.handouts import routes_context, routes_handout
from behaviours.documents.pdf import weasyprint_problem
from behaviours.documents.site import export_site
from behaviours.pack.loader import PACK_ENV, load_pack
from behaviours.pack.model import Contact, Status
from behaviours.pack.pack import Pack
from tests.browser.harness import missing_tool
from tests.conftest import PINNED_NOW
from tests.helpers import SHIPPED_PACK, open_page
from tests.pdf_reading import pdf_words


@pytest.fixture(scope="module")
def shipped() -> Pack:
    return load_pack(SHIPPED_PACK)


PRINTED = dt.date(2026, 12, 6)
_BADGE = re.compile(r":[a-z]+-badge\[([^\]]+)\]\s*")
_SHOWN_NUMBER = re.compile(r"(\d[\d ]*\d)\]\((?:tel|sms):")
_EMAIL = re.compile(r"\]\(mailto:([^)?]+)\)")
_WEB = re.compile(r"\]\((https?://[^)]+)\)")
_ENTRY = re.compile(r'<div class="entry">\s*<h3>(.*?)</h3>\s*<p>(.*?)</p>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def collapsed(text: str) -> str:
    return " ".join(text.split())


def _unescape_md(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def app_words(card: str) -> dict[str, object]:
    """What the app's card says about a contact: for whom, its hours, how far it is checked, and its
    numbers, e-mail and web addresses. The badge the app draws round a status word stands for its colon."""
    lines = [_unescape_md(line) for line in card.splitlines()]
    plain = [line.replace("**", "") for line in lines]
    status = next(line for line in lines if line.startswith(("Verified", ":orange-badge[", ":red-badge[")))
    status = _BADGE.sub(lambda m: f"{m.group(1)}: ", status.split(" · ")[0])
    reach = next((line for line in lines if line.startswith("**How to reach them:**")), "")
    return {
        "for": next(line for line in plain if line.startswith("For: ")),
        "hours": next(line for line in plain if line.startswith("Hours")),
        "status": status.strip(),
        "numbers": _SHOWN_NUMBER.findall(reach),
        "emails": _EMAIL.findall(reach),
        "web": [w.removeprefix("https://").removeprefix("http://").removesuffix("/") for w in _WEB.findall(reach)],
    }


@pytest.fixture(scope="module")
def app_cards() -> dict[str, dict[str, object]]:
    """Each Helplines card of the running app, by contact name (the card's heading)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv(PACK_ENV, raising=False)
        patch.setenv("TRAFFIC_LIGHT_NOW", PINNED_NOW)
        at = open_page("helplines")
    cards: dict[str, str] = {}
    name = None
    for element in at.main.markdown:
        text = str(element.value)
        if text.startswith("### "):
            name = _unescape_md(text.removeprefix("### ").split("\n")[0])
            cards[name] = ""
        elif name is not None:
            cards[name] += text + "\n"
    return {name: app_words(card) for name, card in cards.items()}


@pytest.fixture(scope="module")
def sheet_entries(shipped) -> dict[str, str]:
    """The printed routes sheet's text for each directory entry, cut at the next entry's name."""
    if weasyprint_problem():
        return {}
    text = pdf_words(routes_handout(shipped, generated=PRINTED))
    names = [e["name"] for group in routes_context(shipped, PRINTED)["directory"] for e in group["entries"]]
    place = text.index("Local services")
    starts = []
    for name in names:
        place = text.index(collapsed(name), place)
        starts.append(place)
    ends = [*starts[1:], text.index(collapsed(routes_context(shipped, PRINTED)["out_of_date_word"]), starts[-1])]
    entries = {name: text[start:end] for name, start, end in zip(names, starts, ends, strict=True)}
    entries["__outdated__"] = text[ends[-1] :]
    return entries


@pytest.fixture(scope="module")
def offline_entries(shipped, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The offline routes page's text for each directory entry, as a browser shows it."""
    out: Path = tmp_path_factory.mktemp("offline")
    export_site(shipped, out, PRINTED)
    page = (out / "routes.html").read_text(encoding="utf-8")
    entries = {html.unescape(name): collapsed(html.unescape(_TAG.sub("", body))) for name, body in _ENTRY.findall(page)}
    entries["__outdated__"] = collapsed(html.unescape(_TAG.sub("", page.split("do not rely on them:", 1)[-1])))
    return entries


def _said_the_same(app: dict[str, object], entry: str, where: str, name: str) -> None:
    for key in ("for", "hours", "status"):
        assert str(app[key]) in entry, f"{name}: the app says {app[key]!r}; the {where} says {entry!r}"
    for number in app["numbers"]:  # type: ignore[attr-defined]
        assert number in entry, f"{name}: the app shows {number}; the {where} does not"
    for address in (*app["emails"], *app["web"]):  # type: ignore[misc]
        assert address in entry, f"{name}: the app links {address}; the {where} does not show it"


def test_a_contact_is_worded_the_same_in_the_app_the_pdf_and_the_offline_page(
    shipped: Pack,
    app_cards: dict[str, dict[str, object]],
    sheet_entries: dict[str, str],
    offline_entries: dict[str, str],
) -> None:
    problem = weasyprint_problem()
    if problem:
        missing_tool(problem)
    for contact in shipped.contacts:
        _worded_the_same(contact, app_cards, sheet_entries, offline_entries)


def _worded_the_same(
    contact: Contact,
    app_cards: dict[str, dict[str, object]],
    sheet_entries: dict[str, str],
    offline_entries: dict[str, str],
) -> None:
    app = app_cards[contact.name]
    if contact.status == Status.OUTDATED:
        # Old services are named once, under their status word, on paper and offline alike.
        word = str(app["status"]).split(":")[0]
        for where, entries in (("PDF", sheet_entries), ("offline page", offline_entries)):
            assert word == "Outdated"
            assert collapsed(contact.name) in entries["__outdated__"], f"{contact.name} is not listed in the {where}"
        return
    _said_the_same(app, sheet_entries[contact.name], "PDF", contact.name)
    _said_the_same(app, offline_entries[contact.name], "offline page", contact.name)


def test_the_app_cards_were_read(shipped, app_cards: dict[str, dict[str, object]]) -> None:
    """The comparison above is only worth anything if the app's words were found."""
    assert set(app_cards) == {c.name for c in shipped.contacts}
    compass = app_cards[shipped.contact("compass").name]
    assert "0345 678 9021" in compass["numbers"]  # type: ignore[operator]
    assert str(compass["hours"]).startswith("Hours: Monday")
    assert str(compass["status"]).startswith("Verified ")
    nspcc = app_cards[shipped.contact("nspcc-helpline").name]
    assert nspcc["hours"] == "Hours not known"
    assert any(str(card["status"]).startswith("Unverified: last checked") for card in app_cards.values())
