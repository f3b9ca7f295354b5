"""What each page shows, decided without Streamlit: one ``plan_*`` function per page.

Like ``behaviours.answers.lookup.plan_lookup``, each takes the pack, the inputs already parsed from
the request or the widgets, and the run's one ``now``, and returns a plain dataclass the
page only draws. Rules a page needs live here, with unit tests in tests/unit/test_plans.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from behaviours.answers.cards import ItemCard, item_card, laws_on_page
from behaviours.answers.case import (
    Answer,
    CaseBands,
    Suggestion,
    bands_for_case,
    behaviour_options,
    routes_for_case,
)
from behaviours.answers.case import suggest_level as _suggest_level
from behaviours.answers.finding import find
from behaviours.answers.lookup import SERIOUS_FIRST, LookupPlan, level_anchor, plan_lookup
from behaviours.answers.search_results import (
    CaseMatches,
    SearchResult,
    correction_notice,
    levels_found,
    ranked_results,
    result_summary,
)
from behaviours.contacts.directory import audience_words, channel_words, filter_contacts
from behaviours.contacts.hours import WhoToCall, who_to_call
from behaviours.pack.model import AgeBand, Audience, Behaviour, ChannelKind, Contact, LawNote, Level, Route
from behaviours.pack.pack import Pack
from behaviours.wording.contacts import date_words

# ------------------------------------------------------------------ look-up: what was seen, at this age

# The look-up shows this many matches first; the rest of the age's behaviours follow, grouped by level.
LOOKUP_MATCHES = 5


@dataclass(frozen=True)
class LevelGroup:
    """One level's cards in one band, and the id its jump link targets."""

    level: Level
    cards: list[ItemCard]
    anchor: str


@dataclass(frozen=True)
class BandCards:
    """A band's cards grouped by level, most serious first, with what its heading adds (see ``band_note``)."""

    band: AgeBand
    note: str | None
    groups: list[LevelGroup]


@dataclass(frozen=True)
class LookupAnswer:
    """The look-up's answer: the behaviours matching what was seen first (best first, each at its level
    at the age), then the rest of the bands' behaviours by level, the levels they hold, and the law
    notes they cite, for the page's one "The law at this age"."""

    matches: list[ItemCard] = field(default_factory=list)
    total: int = 0  # how many matched in all
    correction: str | None = None
    searched: bool = False  # words were given
    bands: list[BandCards] = field(default_factory=list)
    levels: list[Level] = field(default_factory=list)  # most serious first: whom to call, once, below
    laws: list[LawNote] = field(default_factory=list)

    @property
    def cards(self) -> list[ItemCard]:
        """Every card on the page, matches first."""
        return self.matches + [card for band in self.bands for group in band.groups for card in group.cards]


def plan_lookup_answer(pack: Pack, plan: LookupPlan, words: str | None, limit: int = LOOKUP_MATCHES) -> LookupAnswer:
    """From the bands the look-up shows and the (already cleaned) words for what was seen, to the cards.

    The matches are searched in the bands shown (the developmental band leading, as in search), each
    read at its band's age; they are not listed again below. Without bands, words search every band,
    each match at its listed level. Nothing typed is kept: the answer is made afresh on every run.
    """
    matches: list[ItemCard] = []
    total = 0
    correction = None
    if words:
        found = find(
            pack,
            words,
            age=plan.age if plan.bands and not plan.guide_only else None,
            developmental_age=plan.developmental_age if plan.shown_for else None,
            bands=[band.id for band in plan.bands] if plan.bands else None,
            limit=limit,
        )
        matches = [item_card(pack, hit.behaviour, hit.band, plan.age_for(hit.band)) for hit in found.hits]
        total = found.total
        correction = correction_notice(words, found.did_you_mean)
    shown = {(card.band.id, card.behaviour.id) for card in matches}
    levels = [plan.level] if plan.level else list(SERIOUS_FIRST)
    bands = []
    for band in plan.bands:
        at = plan.age_for(band)
        groups = [
            LevelGroup(
                level,
                [card for card in _level_cards(pack, band, level, at) if (band.id, card.behaviour.id) not in shown],
                level_anchor(band, level),
            )
            for level in levels
        ]
        bands.append(BandCards(band, plan.band_note(band), groups))
    answer = LookupAnswer(matches, total, correction, bool(words), bands)
    cards = answer.cards
    present = {card.level for card in cards}
    return LookupAnswer(
        matches,
        total,
        correction,
        bool(words),
        bands,
        [level for level in SERIOUS_FIRST if level in present],
        laws_on_page(cards),
    )


def _level_cards(pack: Pack, band: AgeBand, level: Level, age: int | None) -> tuple[ItemCard, ...]:
    """A band's cards at one level, read at ``age``: made once per pack for an age the band holds (or
    none), since every look-up run asks for them again. Keyed by ids and an age, never by words."""

    def make() -> tuple[ItemCard, ...]:
        return tuple(item_card(pack, behaviour, band, age) for behaviour in pack.behaviours(band, level, age=age))

    if age is not None and not band.holds(age):
        return make()
    return pack.kept(("look-up cards", band.id, level, age), make)


def case_find_cards(pack: Pack, matches: CaseMatches, age: int | None) -> list[ItemCard]:
    """The case page's "Find a behaviour" matches as the look-up's and search's cards: each in its band,
    read at the child's age when the band holds it (its listed level otherwise, as for a band chosen for
    the child's development)."""
    return [
        item_card(pack, behaviour, band, age if age is not None and band.holds(age) else None)
        for behaviour, band in zip(matches.behaviours, matches.bands, strict=True)
    ]


# ------------------------------------------------------------------ search


@dataclass(frozen=True)
class SearchPlan:
    """What the search page shows: nothing yet, no hits (with where else to go), or hits ranked by match."""

    query: str
    age: int | None = None  # the age the levels and the law are for (None: any age, or 18 and over)
    results: list[SearchResult] = field(default_factory=list)
    summary: str = ""
    more: str | None = None  # a notice when more matched than are shown
    correction: str | None = None  # "No behaviour uses ...; showing results for ..."
    age_notices: list[str] = field(default_factory=list)  # about the age: adult, boundary, not covered
    adult: bool = False
    elsewhere: int = 0  # with an age and no hits: how many match at other ages

    @property
    def hits(self) -> list[SearchResult]:
        """The results, best match first."""
        return self.results

    @property
    def levels(self) -> list[Level]:
        """The levels among the results, most serious first: the routes to show after them."""
        return levels_found(self.results)


def plan_search(
    pack: Pack, query: str | None, age: int | None = None, developmental_age: int | None = None
) -> SearchPlan:
    """Search for the (already cleaned) query words: every band, or only the bands for ``age``.

    Results stay in the engine's order (how well they match, read in context), each with its level at
    the age. With ``developmental_age``, its band is searched too and leads, the age's bands beside it.
    From 18, the oldest band is searched as a guide only, as in the look-up.
    """
    lookup = plan_lookup(pack, age, None, None) if age is not None else None
    notices = list(lookup.notices) if lookup else []
    adult = bool(lookup and lookup.adult)
    if lookup and lookup.why:
        notices.append(lookup.why)
    if adult:
        notices.append(pack.info.adult_note)
    if not query:
        return SearchPlan(query="", age=None if adult else age, age_notices=notices, adult=adult)
    # The bands to search: the age's bands; the oldest band (as a guide) from 18; every band when none covers it.
    search_age = None
    level_age = None
    if lookup and lookup.bands:
        search_age = max(b.max_age for b in lookup.bands) if adult else age
        level_age = None if adult else age
    found = find(pack, query, age=search_age, developmental_age=developmental_age)
    correction = correction_notice(query, found.did_you_mean)
    if not found.hits:
        elsewhere = find(pack, query, limit=0).total if search_age is not None else 0
        return SearchPlan(
            query, level_age, correction=correction, age_notices=notices, adult=adult, elsewhere=elsewhere
        )
    results = ranked_results(pack, found.hits, level_age)
    more = (
        f"{found.total} behaviours matched; the best {len(results)} are shown. Add a word to narrow the search."
        if found.total > len(results)
        else None
    )
    return SearchPlan(
        query,
        level_age,
        results,
        result_summary(results),
        more,
        correction,
        notices,
        adult,
    )


# ------------------------------------------------------------------ case discussion


@dataclass(frozen=True)
class CasePlan:
    """The bands, the behaviours to choose from, what stays chosen, the suggestion, and whom to call now."""

    bands: CaseBands
    options: list[Behaviour]
    kept_ids: list[str]
    dropped_notice: str | None
    behaviours: list[Behaviour]
    suggestion: Suggestion
    routes: list[Route]
    calls: WhoToCall | None  # every contact of the routes, once each, in the order to call them now


def kept_choices(options: Sequence[Behaviour], chosen_ids: Sequence[str]) -> tuple[list[str], str | None]:
    """The chosen behaviours still in the bands shown, and a notice when some had to be taken off the list."""
    available = {b.id for b in options}
    kept = [i for i in chosen_ids if i in available]
    dropped = len(chosen_ids) - len(kept)
    if not dropped:
        return kept, None
    return kept, (
        f"{dropped} behaviour(s) chosen earlier are not in the band(s) now shown, so they were taken off the list."
    )


def plan_case(
    pack: Pack,
    *,
    age: int | None,
    band_id: str | None,
    developmental_band: str | None,
    chosen_ids: Sequence[str],
    answers: Mapping[str, Answer | None],
    not_listed: bool,
    now: dt.datetime,
    immediate_danger: bool = False,
) -> CasePlan:
    """From the child's age or band and what was seen, to the suggestion, the routes and whom to call now.

    The immediate-danger route is among the routes only when the practitioner says someone is in immediate danger.
    """
    bands = bands_for_case(pack, age, band_id, developmental_band)
    options = behaviour_options(pack, bands.bands)
    kept, dropped_notice = kept_choices(options, chosen_ids)
    by_id = {b.id: b for b in options}
    behaviours = [by_id[i] for i in kept]
    suggestion = _suggest_level(pack, behaviours, dict(answers), not_listed, bands.age_for_law)
    routes = routes_for_case(
        pack, suggestion.level, not_listed=not_listed, adult=bands.adult, immediate_danger=immediate_danger
    )
    contacts: list[Contact] = []
    for route in routes:
        contacts += [c for c in pack.contacts_for(route) if c not in contacts]
    calls = who_to_call(pack, None, now, contacts=contacts) if contacts else None
    return CasePlan(bands, options, kept, dropped_notice, behaviours, suggestion, routes, calls)


# ------------------------------------------------------------------ helplines


@dataclass(frozen=True)
class HelplinesPlan:
    """Whom to call now, the directory entries for the filters, and a sentence saying what is shown."""

    calls: WhoToCall
    entries: list[Contact]
    shown: str
    empty: bool


def plan_helplines(
    pack: Pack, audience: Audience | None, channels: Sequence[ChannelKind], now: dt.datetime
) -> HelplinesPlan:
    """The directory for an audience (None: everyone), reachable by any of the channels (none: all), at ``now``."""
    entries = filter_contacts(pack, audience, channels)
    described = "everyone" if audience is None else audience_words(audience)
    by = f", reachable by {' or '.join(channel_words(k) for k in channels)}" if channels else ""
    shown = f"Showing {len(entries)} of {len(pack.contacts)} entries: for {described}{by}."
    return HelplinesPlan(who_to_call(pack, None, now), entries, shown, not entries)


def audience_from_link(audience: Audience | None) -> Audience | None:
    """A link's audience as the filter takes it: 'anyone' entries show under every choice, so it means everyone."""
    return None if audience in (None, Audience.ANYONE) else audience


# ------------------------------------------------------------------ about


@dataclass(frozen=True)
class AboutPlan:
    """The pack's facts in words, and what the content checker noted."""

    reviewed: str
    bands: str
    warnings: list[str]
    warnings_sentence: str
    warnings_label: str


def plan_about(pack: Pack) -> AboutPlan:
    """The about page's facts about the pack."""
    count = len(pack.warnings)
    plural = "" if count == 1 else "s"
    sentence = (
        f"The content checker noted {count} thing{plural} for the editors to look at. They are listed here so "
        "that you know what has not been confirmed; each also shows beside its entry."
        if count
        else "The content checker found nothing to look at in this pack."
    )
    return AboutPlan(
        reviewed=date_words(pack.info.last_reviewed),
        bands=", ".join(band.label for band in pack.bands),
        warnings=[problem.message for problem in pack.warnings],
        warnings_sentence=sentence,
        warnings_label=f"Show the {count} warning{plural}",
    )


__all__ = [
    "AboutPlan",
    "CasePlan",
    "HelplinesPlan",
    "LookupAnswer",
    "SearchPlan",
    "audience_from_link",
    "kept_choices",
    "plan_about",
    "plan_case",
    "plan_helplines",
    "plan_lookup_answer",
    "plan_search",
]
