"""Ranked search over descriptors, for the words practitioners actually type.

- Words are reduced with the Snowball English stemmer (PyStemmer), so "masturbation" and
  "masturbating" meet, and "touches" finds "touching".
- Irregular past forms meet their verb ("sent" and "sends", `IRREGULAR`); American spellings read
  as the pack's British ones ("behavior", "sexualized", `british`); "child-on-child" reads as
  "peer-on-peer".
- A word the pack never uses is matched to the nearest words it does use that begin with the same
  letter (rapidfuzz edit distance), so "masterbating", "sextin" and "pornagraphy" still find
  something while "took" is not taken for "hook"; the page offers the corrected words as "did you
  mean".
- The pack's synonym groups match as phrases in any word order; a match through a synonym
  counts a little less than the word itself.
- The pack's word list (vocabulary.yaml) counts as keywords of the behaviours it names, so
  slang, platform names and practitioners' phrasings find them; explicit words are matched
  but never offered as "did you mean".
- Results are ordered by how well they match (BM25 over weighted fields: keywords and the word
  list, then the descriptor, then its "consider" lines), never by band or level alone. Where fewer
  than three behaviours match both words of a two-word query, those matching one follow.
- Then context is read (`CONTEXTS`): words such as "in class", "again", "forced", "uncle",
  "money" or "secret" lift the behaviours that speak of that context, and the more serious
  level among equal matches; a phrase naming an adult, force, money or secrecy never has a
  green item first when anything else matched. With a developmental age the page's bands for
  it lead (`lead`).

The index is built once per pack. Nothing a user types is kept by it: no cache holds a query.
Scores are added up in numpy arrays over every descriptor, so a search of a pack 100 times the
shipped one costs a few array operations per query word, not a Python step per matching item.
"""

from __future__ import annotations

import functools
import gzip
import itertools
import json
import math
import re
import threading
import unicodedata
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources

import numpy as np
import Stemmer
from rapidfuzz import process
from rapidfuzz.distance import OSA

MAX_QUERY_CHARS = 200
MAX_QUERY_UNITS = 12

_WORD = re.compile(r"[a-z0-9]+")
_STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "being",
        "by",
        "can",
        "child",
        "children",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "him",
        "his",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "me",
        "my",
        "of",
        "off",
        "on",
        "or",
        "our",
        "she",
        "so",
        "some",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "too",
        "us",
        "was",
        "we",
        "were",
        "what",
        "when",
        "which",
        "who",
        "with",
        "would",
        "year",
        "years",
        "old",
        "aged",
        "age",
        "yo",
        "not",
        # What an apostrophe leaves of "didn't", "mum's", "they're": no meaning of their own.
        "s",
        "t",
        "d",
        "ll",
        "re",
        "ve",
        "m",
        "don",
        "didn",
        "doesn",
        "isn",
        "wasn",
        "aren",
        "weren",
        "won",
        "wouldn",
        "couldn",
        "shouldn",
        "hasn",
        "haven",
        "hadn",
        # How people say who the child is, not what happened: "year 8 pupil", "10 year olds".
        "olds",
        "yr",
        "yrs",
        "pupil",
        "pupils",
        "student",
        "students",
        # "Girl" says who, not what happened: "fake girl" in the word list must not make "wants to be
        # a girl" a sextortion item (cues and word-list phrases still read it). "Boy" stays a search
        # word: the word list's "older boys" is how young people name those who exploit them.
        "girl",
        "girls",
        # Round 6: how a report is told, not what happened ("says she has a boyfriend" is no
        # disclosure; "got a girlfriend"): the disclosure item's own text begins "a child says".
        # Beside someone who may have done it, telling means a disclosure (`_TELLING`).
        "says",
        "said",
        "say",
        "saying",
        "got",
        "get",
        "gets",
        "getting",
        "like",
        "likes",
    ]
)

# Where a word is found decides how strongly it counts.
FIELD_WEIGHTS = {"keywords": 3.0, "vocabulary": 3.0, "explicit": 3.0, "text": 2.0, "consider": 1.0}
# Fields whose words spelling correction may offer ("explicit" never: its words are matched, not suggested).
_SUGGESTED_FIELDS = frozenset({"keywords", "vocabulary"})
# A match through another phrase of a synonym group counts this much of a match on the word itself.
SYNONYM_FACTOR = 0.75
# A word matched only by its spelling being close counts this much.
FUZZY_FACTOR = 0.8
# Descriptor words at least this long may be offered as spelling corrections; shorter ones only
# when they are keywords or synonyms.
_LONG_WORD = 8
# BM25 constants: descriptors are short, so length counts for less than in long documents.
_K1 = 1.2
_B = 0.5

# At most this many `within` masks are kept per index (one per set of bands searched, e.g. per age).
_MAX_MASKS = 64

_local = threading.local()


def _stemmer() -> Stemmer.Stemmer:
    """One Snowball stemmer per thread (a stemmer object is not thread-safe); its cache is off,
    so no typed word is remembered."""
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = Stemmer.Stemmer("english", 0)
        _local.stemmer = stemmer
    return stemmer


# Irregular past forms the stemmer leaves apart from their verb ("sent" is not "send" to Snowball),
# as the verb: people report what happened in the past tense, the pack describes it in the present.
# Only verbs of what was done or seen; left out are forms with another everyday meaning ("left",
# "made" as in make-up) and those of telling ("told", "said"), which the pack's disclosure words hold.
IRREGULAR = {
    "sent": "send",
    "met": "meet",
    "took": "take",
    "taken": "take",
    "gave": "give",
    "given": "give",
    "bought": "buy",
    "sold": "sell",
    "paid": "pay",
    "saw": "see",
    "seen": "see",
    "kept": "keep",
    "hid": "hide",
    "hidden": "hide",
    "drew": "draw",
    "drawn": "draw",
    "showed": "show",
    "shown": "show",
    # "Came out", "came back", "came in with": far more often than any other sense in a report.
    "came": "come",
}


# A word this common in English text (its count in pyspellchecker's English frequency list, drawn from
# subtitles) is a word, not a typo: "stuff" is never "staff", "loads" never "lads", "mate" never "made",
# "locks" never "looks". Rarer real words ("rapped", 349) may still be a slip for a pack word ("raped").
ENGLISH_WORD_COUNT = 1000


@functools.cache
def english_words() -> frozenset[str]:
    """The English words common enough never to be taken for a typo (`ENGLISH_WORD_COUNT`); read once per
    process, when the first pack's index is built, straight from the package's word list (building its
    spell checker would hold all 160,000 words)."""
    with resources.files("spellchecker").joinpath("resources/en.json.gz").open("rb") as packed:
        counts: dict[str, int] = json.loads(gzip.decompress(packed.read()))
    return frozenset(word for word, count in counts.items() if count >= ENGLISH_WORD_COUNT)


def stem(word: str) -> str:
    """The Snowball (Porter 2) stem of one lower-case word: 'touching', 'touches' and 'touch' meet,
    and so do 'sent' and 'sends' (`IRREGULAR`)."""
    stemmed: str = _stemmer().stemWord(IRREGULAR.get(word, word))
    return stemmed


# "Child-on-child" (KCSIE's term since 2021) is made of words that are stop words on their own;
# read as its older name, "peer-on-peer", so that the phrase survives.
_CHILD_ON_CHILD = re.compile(r"\bchild(?:ren)?[\s-]+on[\s-]+child(?:ren)?\b")


# "cant", "dont", "wouldnt": contractions typed without the apostrophe, as phones often leave them.
_NO_APOSTROPHE = re.compile(r"\b(can|won|don|didn|doesn|wouldn|couldn|shouldn|isn|wasn|aren|weren|haven|hasn|hadn)t\b")


# Round 10: "theyve", "weve", "youre", "theyre" typed without the apostrophe (a screenshot showed "theyve" corrected to
# "theyre" as "did you mean", above the answer on a phone).
_NO_APOSTROPHE_HAVE = re.compile(r"\b(they|we|you|i|who)(ve)\b|\b(they|you)(re)\b")


# "hes 18", "shes 14": "he's" and "she's" typed without the apostrophe, read as "he is", "she is".
_HE_IS = re.compile(r"\b(he|she)s\b")
# Round 8: an age written joined to its unit ("12yo", "9yr old", "14yrs old") or as "15 y/o" reads as
# "12 yo", which the age readers know (`_YEARS_OLD`).
_AGE_JOINED = re.compile(r"\b(\d{1,2})(yo|yos|yr|yrs)\b")
_Y_SLASH_O = re.compile(r"\b(\d{1,2}) ?y ?/ ?o\b")
# ... and a school year written "y9", "yr9" or "year9" reads as "year 9" (`_school_years`).
_SCHOOL_YEAR_JOINED = re.compile(r"\b(?:y|yr|year)(\d{1,2})\b")
# ... and "year 7s", "y7s" (the pupils of a year) read as "year 7".
_SCHOOL_YEAR_PUPILS = re.compile(r"\b(?:y|yr|year) ?(\d{1,2})s\b")


def normalise(text: str) -> str:
    """Lower-case and strip accents; "child-on-child" reads as "peer-on-peer"; "dont" reads as "don't"."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower()
    if "on" in text and "child" in text:
        text = _CHILD_ON_CHILD.sub("peer on peer", text)
    if "nt" in text:
        text = _NO_APOSTROPHE.sub(r"\1't", text)
    if "ve" in text or "re" in text:
        text = _NO_APOSTROPHE_HAVE.sub(lambda m: f"{m[1] or m[3]}'{m[2] or m[4]}", text)
    if "es" in text:
        text = _HE_IS.sub(r"\1 is", text)
    if "y" in text:
        text = _AGE_JOINED.sub(r"\1 \2", text)
        text = _Y_SLASH_O.sub(r"\1 yo", text)
        text = _SCHOOL_YEAR_PUPILS.sub(r"year \1", text)
        text = _SCHOOL_YEAR_JOINED.sub(r"year \1", text)
    return text


def words(text: str) -> list[str]:
    """The content words of a text, in order, before stemming."""
    return [w for w in word_list(normalise(text)) if w not in _STOP_WORDS]


def tokens(text: str) -> list[str]:
    """The stemmed content words of a text, in order."""
    return [stem(w) for w in words(text)]


# Words typed for one person that the pack writes in its neutral form ("touches himself": "touching themselves").
_SAME_WORD = {
    "himself": "themselves",
    "herself": "themselves",
    "myself": "themselves",
    "yourself": "themselves",
    # The stemmer leaves "coercion" apart from the verb; the pack writes the noun.
    "coerce": "coercion",
    "coerced": "coercion",
    "coerces": "coercion",
    "coercing": "coercion",
    # "Privates" are private parts, never "in private" (the stems meet): read as the pack's word (round 6).
    "privates": "genitals",
    # Round 9: young people's short words for a partner ("her gf", "his bf"), which found nothing; from
    # `PARTNER_SHORTHAND_FROM` only (younger, "bf" is as often a best friend).
    "gf": "girlfriend",
    "gfs": "girlfriends",
    "bf": "boyfriend",
    "bfs": "boyfriends",
    # Round 10: a doll by its brand, which was corrected to "babies" (a third review).
    "barbie": "doll",
    "barbies": "dolls",
}

# American spellings and words, as the pack (British English) writes them: practitioners trained
# abroad and US-written guidance use them, and a one-letter fix would otherwise be shown as "did
# you mean". Only words whose British form means the same in a safeguarding search; "pants"
# (trousers there, underwear here) is left alone.
US_TO_UK = {
    "behavior": "behaviour",
    "behaviors": "behaviours",
    "behavioral": "behavioural",
    "offense": "offence",
    "offenses": "offences",
    "pedophile": "paedophile",
    "pedophiles": "paedophiles",
    "pediatrician": "paediatrician",
    "mom": "mum",
    "moms": "mums",
    "mommy": "mummy",
    "diaper": "nappy",
    "diapers": "nappies",
    "pajamas": "pyjamas",
    "butt": "bottom",
    "recess": "playtime",
    "daycare": "nursery",
    "preschool": "nursery",
    "kindergarten": "reception",
    "counselor": "counsellor",
    "cellphone": "phone",
    "favorite": "favourite",
}
# "-ize" endings are "-ise" in the pack ("sexualized", "victimized", "normalizing").
_IZE = re.compile(r"(?<=[a-z]{3})iz(e|ed|es|ing|ation|ations)$")


def british(word: str) -> str:
    """One typed word in the pack's British spelling: 'behavior' -> 'behaviour', 'sexualized' -> 'sexualised'."""
    found = US_TO_UK.get(word)
    if found is not None:
        return found
    return _IZE.sub(r"is\1", word) if "iz" in word else word


# The words naming a child's partner (`SearchIndex._units`: an older partner's age says "older").
_PARTNERS = frozenset(
    {
        "boyfriend", "girlfriend", "bf", "gf", "partner", "dating", "seeing", "relationship", "going", "fiance",
        "boyfriends", "girlfriends",
    }
)  # fmt: skip


def _ages_apart(typed: Iterable[str]) -> list[str]:
    """The words without "under" or "over" before a number ("under 13" is an age, not "under her skirt")."""
    listed = list(typed)
    return [
        w
        for n, w in enumerate(listed)
        if not (w in {"under", "over"} and n + 1 < len(listed) and listed[n + 1].isdigit())
    ]


def _same_stem_start(word: str, other: str) -> bool:
    """Whether two words differ only in their last two letters or fewer (after a shared start of at least
    four): "pornographic" and "pornography", "vaginal" and "vagina"; not "stuff" and "staff"."""
    shared = next((n for n, (a, b) in enumerate(zip(word, other, strict=False)) if a != b), min(len(word), len(other)))
    return shared >= 4 and shared >= max(len(word), len(other)) - 2


def _max_typos(word: str) -> int:
    """How many edits a word may be away from a pack word and still be taken for it."""
    if len(word) < 4 or word.isdigit():
        return 0
    return 1 if len(word) < 9 else 2


@dataclass(frozen=True)
class Unit:
    """One part of a query: a word (as one or more stems it may stand for) or a synonym group.

    ``phrases`` are the stem-tuples that satisfy the unit, each with the weight of a match on it.
    """

    phrases: tuple[tuple[tuple[str, ...], float], ...]


@dataclass(frozen=True)
class Ranked:
    """What a query found: (position, score) best first, how many matched, and any corrected words."""

    hits: list[tuple[int, float]]
    total: int
    corrections: dict[str, str] = field(default_factory=dict)


class SearchIndex:
    """An inverted index from stem to the descriptors that hold it, with each one's BM25 weight."""

    def __init__(
        self,
        documents: Sequence[dict[str, Iterable[str]]],
        synonyms: Sequence[Sequence[str]],
        listed_phrases: Sequence[tuple[str, Collection[int]]] = (),
        whole_phrases: Sequence[tuple[str, Collection[int]]] = (),
    ) -> None:
        # Every word of every text once, in one list, with its document and field weight beside it
        # (per text, then spread with numpy): the counting and weighting below are array sums, not a
        # Python step per word, so a pack a hundred times larger still loads in a second or two.
        self._word_stem: dict[str, str] = {}
        word_stem = self._word_stem
        every_text: list[str] = []
        text_document: list[int] = []
        text_weight: list[float] = []
        text_keywords: list[bool] = []
        explicit_words: set[str] = set()
        for position, doc in enumerate(documents):
            for field_name, texts in doc.items():
                weight = FIELD_WEIGHTS[field_name]
                keywords = field_name in _SUGGESTED_FIELDS
                if field_name == "explicit":
                    explicit_words.update(w for text in texts for w in word_list(normalise(text)))
                for text in texts:
                    every_text.append(text)
                    text_document.append(position)
                    text_weight.append(weight)
                    text_keywords.append(keywords)
        # Every word, stop words and each text's end mark included: those are dropped below, as arrays.
        every_word, end_mark = _words_of_each(every_text)
        distinct = list(dict.fromkeys(every_word))
        word_number = {word: number for number, word in enumerate(distinct)}
        occurrence = np.fromiter(map(word_number.__getitem__, every_word), dtype=np.int64, count=len(every_word))
        # How many words each text gave, its end mark included.
        text_words = np.diff(np.flatnonzero(occurrence == word_number.get(end_mark, -1)), prepend=-1)
        is_content = np.fromiter(
            (w not in _STOP_WORDS and w != end_mark for w in distinct), dtype=bool, count=len(distinct)
        )
        is_long = np.fromiter((len(w) >= _LONG_WORD for w in distinct), dtype=bool, count=len(distinct))
        token_number: dict[str, int] = {}
        word_token_number = np.full(len(distinct), -1, dtype=np.int64)
        for number, word in enumerate(distinct):
            if is_content[number]:
                token = word_stem[word] = stem(word)
                word_token_number[number] = token_number.setdefault(token, len(token_number))
        self._tokens = token_number
        size = len(documents)
        repeats = text_words
        keep = is_content[occurrence]
        occurrence = occurrence[keep]
        word_document = np.repeat(np.asarray(text_document, dtype=np.int64), repeats)[keep]
        word_weight = np.repeat(np.asarray(text_weight, dtype=np.float64), repeats)[keep]
        word_token = word_token_number[occurrence]
        # The words spelling correction may offer, with how often they occur: keywords, and long words anywhere.
        in_keywords = np.repeat(np.asarray(text_keywords, dtype=bool), repeats)[keep]
        tallies = np.bincount(occurrence[in_keywords | is_long[occurrence]], minlength=len(distinct))
        word_count: dict[str, int] = {distinct[number]: int(tallies[number]) for number in np.flatnonzero(tallies)}
        lengths = np.bincount(word_document, weights=word_weight, minlength=size).astype(np.float64)
        # One entry per (stem, document), ordered by stem then document: its summed field weight (tf).
        pairs, which = np.unique(word_token * max(size, 1) + word_document, return_inverse=True)
        tf = np.bincount(which, weights=word_weight)
        pair_token, pair_document = np.divmod(pairs, max(size, 1))
        total_docs = max(size, 1)
        average = (float(lengths.sum()) / total_docs) or 1.0
        frequency = np.bincount(pair_token, minlength=len(token_number))
        idf = np.asarray(
            [math.log(1 + (total_docs - int(df) + 0.5) / (int(df) + 0.5)) for df in frequency], dtype=np.float64
        )
        norm = _K1 * (1 - _B + _B * lengths / average)
        weights = idf[pair_token] * tf * (_K1 + 1) / (tf + norm[pair_document])
        bounds = np.searchsorted(pair_token, np.arange(len(token_number) + 1))
        self._arrays: dict[tuple[str, ...], tuple[np.ndarray, np.ndarray]] = {}
        for token, number in token_number.items():
            start, stop = bounds[number], bounds[number + 1]
            self._arrays[(token,)] = (pair_document[start:stop], weights[start:stop])

        # Each synonym group becomes a tuple of stem-phrases; a phrase matches when all its stems do.
        self._groups: list[tuple[tuple[str, ...], ...]] = []
        self._group_of: dict[tuple[str, ...], int] = {}
        for group in synonyms:
            # A phrase's stems once each ("nude nudes" is one stem), so matching all of them is well defined.
            phrases = tuple(dict.fromkeys(t for t in (tuple(dict.fromkeys(tokens(term))) for term in group) if t))
            if not phrases:
                continue
            number = len(self._groups)
            self._groups.append(phrases)
            for phrase in phrases:
                self._group_of.setdefault(phrase, number)
            for term in group:
                for word in words(term):
                    self._word_stem.setdefault(word, stem(word))
                    word_count.setdefault(word, 0)
        self._phrases_with: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self._group_of:
            for stem_ in set(phrase):
                self._phrases_with.setdefault(stem_, []).append(phrase)
        known = set(self._tokens) | set(self._phrases_with)
        # The words spelling correction may suggest, commonest first: the pack's search words (keywords and
        # synonyms) and long descriptor words. Short everyday words are left out, so that a slang word the
        # pack does not list is not "corrected" into an ordinary one ("wanking" is not "wanting").
        self._vocabulary = sorted(
            (w for w in word_count if self._word_stem[w] in known and len(w) >= 3 and w not in explicit_words),
            key=lambda w: (-word_count.get(w, 0), w),
        )
        english_words()  # read now, with the pack, so the first search costs what the others do
        self._vocabulary_by_letter: dict[str, list[str]] = {}
        for word in self._vocabulary:
            self._vocabulary_by_letter.setdefault(word[0], []).append(word)
        # Each context's leaning words as stem-phrases the index holds (see `CONTEXTS`).
        self._leanings = [
            tuple(phrase for phrase in (tuple(dict.fromkeys(tokens(term))) for term in context.leans_to) if phrase)
            for context in CONTEXTS
        ]
        for phrases in self._leanings:
            for phrase in phrases:
                if len(phrase) > 1 and phrase not in self._arrays:
                    self._arrays[phrase] = self._match_phrase(phrase)
        # The scoring arrays: each stem's postings (made above) and each synonym phrase's, as (positions, weights).
        self._size = size
        self._length_array = lengths
        for phrase in self._group_of:
            if len(phrase) > 1:
                self._arrays[phrase] = self._match_phrase(phrase)
        # The behaviours each context holds back (`Context.holds_back`): those whose own keywords hold one
        # of its phrases in full (never a note: an item that says "not an age gap" is not about one).
        keyword_stems = [[set(tokens(keyword)) for keyword in doc.get("keywords", ())] for doc in documents]
        self._held_back: list[np.ndarray | None] = []
        for context in CONTEXTS:
            held_phrases = [set(tokens(term)) for term in context.holds_back]
            held_positions = [
                position
                for position, keywords in enumerate(keyword_stems)
                if any(phrase and phrase <= keyword for phrase in held_phrases for keyword in keywords)
            ]
            held = None
            if held_positions:
                held = np.zeros(size, dtype=bool)
                held[held_positions] = True
            self._held_back.append(held)
        # How strongly each behaviour speaks of each context (its best leaning phrase's weight, 0 for
        # none), worked out once: content, the same for every query.
        self._leaning: list[np.ndarray] = []
        for phrases in self._leanings:
            leaning = np.zeros(size, dtype=np.float64)
            for phrase in phrases:
                hit = self._arrays.get(phrase)
                if hit is not None:
                    holding, weights = hit
                    leaning[holding] = np.maximum(leaning[holding], weights)
            self._leaning.append(leaning)
        # Round 12: the behaviours on sexual behaviour in the family (their words hold "family member"), apart from the
        # disclosure items that also speak of a child telling of a brother or sister (`_TOLD_OF_SIBLING`).
        family = self._arrays.get(tuple(dict.fromkeys(tokens("family member"))))
        self._in_the_family = np.zeros(size, dtype=bool)
        if family is not None:
            self._in_the_family[family[0]] = True
        # Masks for `within` (sets of positions, e.g. an age's bands: content, never typed words).
        self._masks: dict[frozenset[int], np.ndarray] = {}
        # The word list's phrases of two content words or more (or three words, one of them a content
        # word: "secretive about who"), as stem sequences (stop words kept, so
        # that "not talk to friends" is not "talk to friends"), by their first stem, each with the
        # positions of the behaviours it names (see `said_phrases`).
        self._said = self._phrases_by_first_stem(listed_phrases, size)
        # Round 10: the phrases of whole-phrase entries, whose behaviours hold none of their words: said in full, their
        # words next to each other (a review: "sex education video" is not "sex video"), those behaviours join and
        # may lead (see `SearchIndex.search`). Each is kept beside the others, marked by its leading `ADJACENT`.
        for first, found in self._phrases_by_first_stem(whole_phrases, size, adjacent=True).items():
            self._said.setdefault(first, []).extend(found)

    @staticmethod
    def _phrases_by_first_stem(
        listed_phrases: Sequence[tuple[str, Collection[int]]], size: int, *, adjacent: bool = False
    ) -> dict[str, list[tuple[tuple[str, ...], np.ndarray]]]:
        said: dict[str, list[tuple[tuple[str, ...], np.ndarray]]] = {}
        seen: dict[tuple[str, ...], set[int]] = {}
        for text, positions in listed_phrases:
            typed = word_list(normalise(text))
            sequence = tuple(stem(british(w)) for w in typed if len(w) > 1 or w.isdigit())
            content = sum(w not in _STOP_WORDS for w in typed)
            if content < 1 or (content < 2 and len(sequence) < 3):
                continue
            seen.setdefault(sequence, set()).update(p for p in positions if 0 <= p < size)
        for sequence, named_positions in seen.items():
            if named_positions:
                held = np.asarray(sorted(named_positions), dtype=np.int64)
                said.setdefault(sequence[0], []).append(((ADJACENT, *sequence) if adjacent else sequence, held))
        return said

    # ------------------------------------------------------------ the query

    def _known(self, token: str) -> bool:
        return token in self._tokens or token in self._phrases_with

    def _correct(self, word: str) -> list[str]:
        """Pack words within a typo or two of ``word`` that begin with the same letter, nearest first
        (at most three). People rarely mistype a word's first letter, and an everyday word one letter
        off at the start is another word, not a typo ("took" is not "hook", "hanging" not "changing")."""
        limit = _max_typos(word)
        if not limit:
            return []
        english = word in english_words()
        found = process.extract(
            word,
            self._vocabulary_by_letter.get(word[0], ()),
            scorer=OSA.distance,  # a swapped pair of letters ("adutl") is one typo, not two
            score_cutoff=limit,
            limit=6,
            processor=None,
        )
        best = sorted(found, key=lambda item: (item[1], item[2]))
        if english:
            # A common English word is a word, not a typo ("stuff" is not "staff"), unless the pack word
            # is its own stem with another ending ("pornographic", "vaginal"): the same word, as near.
            best = [item for item in best if _same_stem_start(word, item[0])]
        nearest = best[0][1] if best else 0
        return [candidate for candidate, distance, _ in best if distance == nearest][:3]

    def _units(
        self, typed: list[str], child_age: int | None = None, *, telling: bool = False
    ) -> tuple[list[Unit], dict[str, str]]:
        """Split a query's words (`typed_words`) into units (synonym groups where all of a phrase's
        words appear, in any order, longer phrases first; else single words) and note any spelling
        corrections; ``child_age`` as in `search`; ``telling``: words of telling count (`_TELLING`)."""
        corrections: dict[str, str] = {}
        remaining: list[str] = []
        fuzzy: dict[str, list[str]] = {}
        adults = _adult_ages_of(typed)
        # Someone's age typed ("he is 17", "a 5 year old") says who, which the contexts read
        # (`_contexts_of`); as a word it would only match the numbers in items' texts. An age under 13
        # stays a word beside a child of 13 or over: the law turns on it, and items name it ("12-year-old").
        people = {
            str(age)
            for age in _stated_ages(typed)
            if age < 18 and (age >= 13 or (child_age is not None and child_age < 13))
        }
        # "Same age", "same year": the same-age context reads them; "same" alone stays ("same sex").
        same_age = {n for n, w in enumerate(typed[:-1]) if w == "same" and typed[n + 1] in _SAME_WHAT}
        # Round 8: beside a partner ("her 17 year old boyfriend" at 12), a child's age typed that is `AGE_GAP`
        # years or more above the age searched says "older", as an adult's age says "adult". Not otherwise:
        # "a 13 year old made her suck" at 8 is about what was done, and "older" would pull in the items on
        # older associates.
        older = (
            {str(age) for age in _stated_ages(typed) if child_age is not None and child_age + AGE_GAP <= age < 18}
            if _PARTNERS.intersection(typed)
            else set()
        )
        content_words = (
            british(w)
            for n, w in enumerate(typed)
            if w not in _STOP_WORDS and (w not in people or w in older) and n not in same_age
        )
        shorthand = child_age is None or child_age >= PARTNER_SHORTHAND_FROM
        said_as = (
            "adult"
            if w in adults
            else "older"
            if w in older
            else _SAME_WORD.get(w, w)
            if shorthand or w not in _PARTNER_SHORTHAND
            else w
            for w in _ages_apart(content_words)
        )
        for word in dict.fromkeys(said_as):
            token = stem(word)
            if self._known(token) or word in _NOT_TYPOS:
                remaining.append(token)
                continue
            nearest = self._correct(word)
            if not nearest:
                remaining.append(token)
                continue
            corrections[word] = nearest[0]
            stems = list(dict.fromkeys(self._word_stem[w] for w in nearest))
            remaining.append(stems[0])
            fuzzy[stems[0]] = stems
        remaining = list(dict.fromkeys(remaining))
        candidates = sorted(
            {phrase for stem_ in remaining for phrase in self._phrases_with.get(stem_, ())},
            key=lambda phrase: (-len(phrase), phrase),
        )
        units: list[Unit] = []
        if telling and _DISCLOSURE in self._group_of and _DISCLOSURE[0] not in remaining:
            # "He said a man showed him ...": the words of telling mean a disclosure (`_TELLING`).
            group = self._groups[self._group_of[_DISCLOSURE]]
            units.append(Unit(tuple((p, 1.0 if p == _DISCLOSURE else SYNONYM_FACTOR) for p in group)))
        for phrase in candidates:
            if all(stem_ in remaining for stem_ in phrase):
                direct = 1.0 if not any(s in fuzzy for s in phrase) else FUZZY_FACTOR
                for stem_ in phrase:
                    remaining.remove(stem_)
                group = self._groups[self._group_of[phrase]]
                units.append(Unit(tuple((p, direct if p == phrase else direct * SYNONYM_FACTOR) for p in group)))
        for stem_ in remaining:
            if stem_ in fuzzy:
                units.append(Unit(tuple(((s,), FUZZY_FACTOR) for s in fuzzy[stem_])))
            else:
                units.append(Unit((((stem_,), 1.0),)))
        return list(dict.fromkeys(units))[:MAX_QUERY_UNITS], corrections

    def _match_phrase(self, phrase: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
        """The documents holding every stem of a phrase, each with the mean of those stems' weights."""
        found = [self._arrays.get((stem_,)) for stem_ in phrase]
        if any(item is None for item in found):
            return _NOTHING
        postings = sorted((item for item in found if item is not None), key=lambda item: len(item[0]))
        (positions, weights), rest = postings[0], postings[1:]
        keep = np.ones(len(positions), dtype=bool)
        for other_positions, _ in rest:
            keep &= np.isin(positions, other_positions, assume_unique=True)
        positions = positions[keep]
        others = np.zeros(len(positions), dtype=np.float64)
        for other_positions, other_weights in rest:
            others = others + other_weights[np.searchsorted(other_positions, positions)]
        # A phrase counts as one unit of the query: the mean of its words' weights, so a long
        # synonym phrase does not outweigh the single word the user typed.
        return positions, (weights[keep] + others) / len(phrase)

    def _mask(self, within: Collection[int]) -> np.ndarray:
        key = within if isinstance(within, frozenset) else frozenset(within)
        mask = self._masks.get(key)
        if mask is None:
            mask = np.zeros(self._size, dtype=bool)
            mask[np.fromiter(key, dtype=np.int64, count=len(key))] = True
            if len(self._masks) < _MAX_MASKS:
                self._masks[key] = mask
        return mask

    def search(
        self,
        query: str,
        limit: int | None = None,
        within: Collection[int] | None = None,
        *,
        levels: np.ndarray | None = None,
        lead: Collection[int] | None = None,
        child_age: int | None = None,
    ) -> Ranked:
        """The best-matching documents, best first, how many there were, and any corrected words.

        Only documents matching the most query units are kept (all of them when some match
        every word). ``within`` keeps only those positions (e.g. the bands for an age);
        ``limit`` keeps the top ones without sorting the rest. ``levels`` (each document's level
        at the age, 0 green, 1 amber, 2 red) lets context words put the more serious level first;
        documents in ``lead`` (e.g. the developmental band) come before equal matches elsewhere.
        ``child_age`` (the age searched at) lets an age typed say someone is older or younger.
        """
        typed = _door_shut_in_private(_what_was_said(_without_onlooker(typed_words(query), child_age), child_age))
        typed = _without_where_heard(_without_opening_onlooker(_without_parents_question(typed)), child_age)
        typed = _without_older_as_a_time(_without_a_little_older(typed, child_age), child_age)
        found_contexts = _contexts_of(typed, child_age)
        # Telling is a disclosure when the words also name someone who may have done it (`_TELLING`).
        # Round 8: so is a brother, sister or cousin named beside beds, bodies or touching ("said her big
        # brother gets in her bed at night"), though play between siblings raises nothing by itself.
        telling = bool(
            _TELLING.intersection(typed)
            and (_WHO_MAY_HAVE.intersection(found_contexts) or _TOLD_OF_SIBLING in found_contexts)
        )
        units, corrections = self._units(typed, child_age, telling=telling)
        if not units or _only_ordinary_touch_of_others(typed, found_contexts):
            # Round 12: touching only others' hair, faces or hands, nothing sexual said ("keeps touching the other kids
            # hair at carpet time"): no behaviour in the pack is about it. Nothing matches, and the page offers the
            # criteria and the case discussion, rather than the red item on touching other children's genitals.
            return Ranked([], 0, corrections)
        mask = self._mask(within) if within is not None else None
        counts = np.zeros(self._size, dtype=np.int32)
        scores = np.zeros(self._size, dtype=np.float64)
        if corrections:
            # The words as corrected ("groomng" is "grooming"), so that a typo names its context as the word would.
            typed = [corrections.get(word, word) for word in typed]
            found_contexts = _contexts_of(typed, child_age)
        # The stems of the cues of contexts whose behaviours join (see `Context.joins`).
        joining_cues = {s for n in found_contexts if CONTEXTS[n].joins for cue in _cue_stems()[n] for s in cue}
        named = np.zeros(self._size, dtype=bool)
        # The behaviours matching a word of touching or rubbing, when the words say it was done to others
        # (`_acts_on_others`: "humps the other children").
        # Round 12: the readings that name another's body or person outright ("humps the other children", "son 6
        # touching her privates", "rubbing himself on girls"), worked out once.
        strictly = _acts_on_others(typed) or _anothers_body(typed, child_age) or _oneself_on_others(typed)
        on_others = _OWN not in found_contexts and (
            strictly
            or _touches_others(typed)
            # Round 11: an act with a private part on a brother, sister or cousin ("rubbing his willy on his little
            # brother", "humping his cousin in bed").
            or (_act_on_a_named_child(typed) and bool(_OWN_BODY_WORDS.intersection(typed) or "humping" in typed))
        )
        strictly_on_others = on_others and strictly
        acted = np.zeros(self._size, dtype=bool)
        # Words that only say where it happened ("in class", "online") count for less than those
        # saying what happened: "sexual comments in class" is about the comments.
        where_words = {s for n in found_contexts if CONTEXTS[n].where for cue in _cue_stems()[n] for s in cue}
        # Of those, the contexts naming a place or how often, not who (a brother or cousin joins, `Context.joins`).
        places = [n for n in found_contexts if CONTEXTS[n].where and not CONTEXTS[n].joins]
        place_words = {s for n in places for cue in _cue_stems()[n] for s in cue}
        # Staff on the receiving end ("a crush on her teacher") say at whom, not what happened: the word
        # typed counts as a "where" word does, whatever its synonyms ("position of trust").
        staff_words = (
            {stem(word) for word in typed if word in _STAFF} if _only_staff_on_the_receiving_end(typed) else set()
        )
        # Family adults the child is with or acts towards ("sits on grandpa's knee") say who was there: the
        # words count as "where" words do, and toward how much of the query a behaviour matched only for
        # the behaviours that also match what happened (`_only_relatives_in_company`).
        company_words = (
            {stem(word) for word in typed if word in _RELATIVE_WORDS}
            if _only_relatives_in_company(typed, found_contexts, child_age)
            else set()
        )
        in_company: list[np.ndarray] = []
        about = np.zeros(self._size, dtype=bool)
        # Units that only say where count toward how many of the words a behaviour matched only for the
        # behaviours that speak of that place ("touching himself in class": the item on touching where
        # others can see): "snogging at school" is about the snogging, and an item whose note names
        # schools does not match "more" of it.
        where_only = 0
        counts_where = np.zeros(self._size, dtype=np.int32)
        speaks_of_place = np.zeros(self._size, dtype=bool)
        for n in places:
            speaks_of_place |= self._leaning[n] > 0
        for unit in units:
            # A unit counts once per document: its best-weighted phrase there.
            best = np.zeros(self._size, dtype=np.float64)
            for phrase, factor in unit.phrases:
                found = self._arrays.get(phrase)
                if found is None:
                    continue
                positions, weights = found
                best[positions] = np.maximum(best[positions], weights * factor)
            if mask is not None:
                best[~mask] = 0.0
            if company_words and all(s in company_words for phrase, _ in unit.phrases for s in phrase):
                best *= WHERE_FACTOR
                in_company.append(best > 0.0)
            elif (where_words and all(s in where_words for phrase, _ in unit.phrases for s in phrase)) or (
                staff_words and any(f == 1.0 and set(phrase) <= staff_words for phrase, f in unit.phrases)
            ):
                best *= WHERE_FACTOR
                if all(s in place_words for phrase, _ in unit.phrases for s in phrase):
                    where_only += 1
                    counts_where += best > 0.0
                    counts += (best > 0.0) & speaks_of_place
                else:
                    counts += best > 0.0
            else:
                about |= best > 0.0
                counts += best > 0.0
            scores += best
            if on_others and any(s.startswith(_GRABS_OR_TOUCHES) for phrase, _ in unit.phrases for s in phrase):
                acted |= best > 0.0
            if joining_cues and any(s in joining_cues for phrase, _ in unit.phrases for s in phrase):
                named |= best > 0.0
        for matched in in_company:
            counts += matched & about
        if where_only == len(units):
            counts = counts_where  # only where was typed ("at school"): those words are all there is
        most = int(counts.max()) if self._size else 0
        if most == 0:
            return Ranked([], 0, corrections)
        # A longer description rarely uses the pack's words for every part: from three parts on, a
        # behaviour that misses one still counts, below those that match them all.
        slack = 1 if most >= SLACK_FROM else 0
        pool = np.flatnonzero(counts >= most - slack)
        # Two words that only one or two behaviours hold both of ("child on child abuse"): those that
        # hold one of them follow, below, so a practitioner is not left with a single answer.
        if not slack and most >= 2 and len(pool) < FEW_MATCHES:
            slack = 1
            pool = np.flatnonzero(counts >= most - slack)
        if slack:
            scores = scores * (counts / most) ** COVERAGE_POWER
        # Only what a child does with their own body was said ("touches herself", "wanking"): every word
        # typed is matched by the items on it, and what is expected at the age may come first (`CALM_STEP`).
        calm = _OWN in found_contexts and bool(
            len(pool) and (counts[pool][self._leaning[_OWN][pool] > 0] >= len(units)).any()
        )
        compulsive = _OWN in found_contexts and _compulsive(typed, child_age)
        if compulsive:
            # Round 11: touching themselves for hours or all day, with distress or the day disrupted ("rubbing herself
            # with the door closed for hours and comes out upset"), or all day under 9: not what is expected.
            calm = False
        if _OWN in found_contexts and not calm and not _names_whose_body(typed):
            # A word for masturbation says whose body only when nothing else is said: "masturbating the
            # dog", "wanking over pictures of kids", "wanking off his friend" are about the rest.
            found_contexts = [n for n in found_contexts if n != _OWN]
        # Only green items matched every word, yet the words name force, money, an adult or secrecy:
        # the amber and red items that matched some of them join, so that green is not the answer.
        if (
            levels is not None
            and len(pool)
            and not (levels[pool] > 0).any()
            and any(CONTEXTS[n].never_green_first for n in found_contexts)
        ):
            pool = np.union1d(pool, np.flatnonzero((counts > 0) & (levels > 0)))
            if not (levels[pool] > 0).any():
                # None of them matched a word either ("blood in her knickers", "always got fifty quid"):
                # the amber and red behaviours that speak of what the words name join, below the best
                # match, so that the answer is never "healthy and expected" alone.
                pool, scores = self._bring_serious(found_contexts, pool, scores, levels, mask)
        # A word naming who did it (an uncle, a stepdad) is what the practitioner means most: the
        # behaviours matching that word join, their score scaled by the share of the words they
        # matched, so that "grandad ... tickling games" reaches abuse by an adult relative though the
        # other words matched a disclosure item better.
        if named.any():
            joined = np.setdiff1d(np.flatnonzero(named), pool, assume_unique=True)
            if len(joined):
                scores[joined] *= counts[joined] / most
                pool = np.union1d(pool, joined)
        # A context that brings its behaviours ("touching his privates": the items on a child's own
        # body): those that speak of it and matched any word join, scaled by the share they matched.
        for number in found_contexts:
            if not CONTEXTS[number].brings:
                continue
            joined = np.setdiff1d(np.flatnonzero((self._leaning[number] > 0) & (counts > 0)), pool, assume_unique=True)
            if mask is not None:
                joined = joined[mask[joined]]
            if len(joined):
                scores[joined] *= counts[joined] / most
                pool = np.union1d(pool, joined)
        # A phrase of the word list said in full ("asked for nudes", "explicit videos") is what the
        # practitioner means: the behaviours it names join the matches and move up, ahead of those
        # that only share its words.
        said, said_whole, whole_stems = self._phrases_said(typed)
        if mask is not None:
            said &= mask
        # Round 10: the behaviours a whole-phrase entry's phrase names (see `_whole_phrase_said`), and how many of the
        # query's parts the phrase covers.
        whole_said, covered_by_phrase, held_back = self._whole_phrase_said(
            typed, units, levels, mask, found_contexts, where_words, said_whole, whole_stems
        )
        if held_back is not None:
            said &= ~held_back
        if whole_said is not None:
            # They hold none of the phrase's words: the parts it covers count as theirs (to weigh them against
            # other matches).
            counts = counts.copy()
            counts[whole_said] = np.maximum(counts[whole_said], covered_by_phrase)
        if said.any():
            lift = PHRASE_LIFT * (float(scores[pool].max()) if len(pool) else 0.0)
            joining = said & (counts > 0)
            if whole_said is not None:
                # A whole-phrase entry's behaviours join though they matched no word of the query's own.
                joining |= whole_said
            joined = np.setdiff1d(np.flatnonzero(joining), pool, assume_unique=True)
            if len(joined):
                scores[joined] *= counts[joined] / most
                pool = np.union1d(pool, joined)
            boosted = whole_said
            if whole_said is not None:
                # ... and count as the best match did: the phrase is all they are found by ("asks her to sleep
                # with his mates": group exploitation). Beside force, an adult, a partner under 13, images or
                # secrecy, only the red ones do ("gf who is 12 went all the way": the partner under 13 first).
                if levels is not None and any(CONTEXTS[n].never_green_first for n in found_contexts):
                    boosted = whole_said & (levels >= 2)
                best_match = float(scores[pool].max())
                scores = scores.copy()
                scores[boosted] = np.maximum(scores[boosted], best_match)
            lifted = pool[said[pool]]
            if levels is not None and (
                _SOMEONE_ACTS.intersection(typed) or any(CONTEXTS[n].never_green_first for n in found_contexts)
            ):
                # Round 8: someone else is named, or force, an adult, money or secrecy: a green item gains
                # nothing from a phrase ("a 20 year old asked if she had started her periods", "decided to
                # wait but he got her drunk").
                lifted = lifted[levels[lifted] > 0]
            if whole_said is not None and boosted is not None:
                # ... nor does a whole-phrase item that was not boosted (above).
                lifted = lifted[~whole_said[lifted] | boosted[lifted]]
            scores[lifted] += lift
        if on_others:
            # ... and the items on touching others that match the word of touching join, scaled by the share
            # of the words they matched, though the own-body items matched more of them ("nap time").
            joined = np.setdiff1d(np.flatnonzero(acted & (self._leaning[_OWN] == 0)), pool, assume_unique=True)
            if mask is not None:
                joined = joined[mask[joined]]
            if len(joined):
                scores[joined] *= counts[joined] / most
                pool = np.union1d(pool, joined)
        total = len(pool)
        if _OLDER in found_contexts and levels is not None and len(pool):
            # Round 8: someone older or an adult is named ("photos of herself for her boyfriend who is 19"): the
            # green and amber items on young people of a similar age come after, as "same age" holds back the
            # items on older partners (before the contexts are read, so that nothing green comes first).
            scores = scores.copy()
            similar = pool[(self._leaning[_SAME_AGE][pool] > 0) & (levels[pool] < 2)]
            scores[similar] *= UNBROUGHT_FACTOR
        scores = self._in_context(found_contexts, pool, scores, levels, lead, about if where_words else None, calm=calm)
        whole_leads = np.zeros(len(pool), dtype=bool)
        if whole_said is not None and len(pool):
            # Round 10: a whole-phrase entry's phrase typed in full says what it is ("snapchats her friends"): its
            # behaviours lead, though a place or how often raised others; a green one (where it may, above) never
            # above an amber or red match that covered more of the words ("called him gay and spread a rumour he
            # fancies boys" is bullying).
            whole_leads = whole_said[pool].copy()
            if levels is not None:
                green = levels[pool] == 0
                if on_others or _DONE_TO.intersection(typed):
                    # Round 11: beside touching another ("held hands, then he put his hand down her knickers"), a green
                    # phrase never leads.
                    whole_leads &= ~green
                serious = ~green
                if serious.any():
                    whole_leads &= serious | (counts[pool] >= counts[pool][serious].max())
                if whole_leads.any():
                    # Among a phrase's own items, the most serious first ("filmed them having sex": secret filming
                    # before images young people take, a second review).
                    whole_leads &= levels[pool] >= levels[pool][whole_leads].max()
                if any(CONTEXTS[n].never_green_first for n in found_contexts):
                    # Beside force, an adult, a partner under 13, images or secrecy, a phrase's item leads only if
                    # none is more serious ("went all the way with a lad who is 19" is a much
                    # older partner first, a second review).
                    whole_leads &= levels[pool] >= levels[pool].max()
                held = whole_said[pool] & green & ~whole_leads
                if held.any():
                    self._cap_below(pool, scores, ~held)
            self._cap_below(pool, scores, whole_leads)
        if levels is not None and len(pool):
            # Round 8: a green item lifted by a word-list phrase never leads an amber or red one that matched
            # more of the words ("decided to wait and he sent her a picture of his penis": "decided to wait"
            # is one part of it).
            green = levels[pool] == 0
            if (green & said[pool]).any() and not green.all():
                covered = counts[pool]
                # A whole-phrase entry's behaviours that lead are exempt (round 10): they hold none of its words.
                self._cap_below(pool, scores, ~green | ~said[pool] | whole_leads | (covered >= covered[~green].max()))
        if _QUESTION in found_contexts and not any(
            CONTEXTS[n].raises and (not CONTEXTS[n].where or CONTEXTS[n].raises_every_match) for n in found_contexts
        ):
            # A child asking what a word means, and nothing raising it but a place: the items on children's
            # questions come first, the word asked about after them. Those that speak of questions at
            # least half as strongly as the one that speaks of them most: the disclosure items' "do not
            # question the child in detail" is not about a child's questions.
            asking = self._leaning[_QUESTION][pool]
            first = (asking > 0) & (asking >= QUESTION_SHARE * asking.max(initial=0.0))
            asked_at = _asks_a_question(typed, child_age)
            if (
                levels is not None
                and not _STAYS_IN_A_QUESTION.intersection(found_contexts)
                and asked_at is not None
                and _asks_of_the_ordinary(typed, asked_at)
            ):
                # Round 9: asked once about sex, babies, puberty or identity ("asked mum what sex is" at 7): the
                # green items on questions come before the amber one on persistent questions; "keeps asking",
                # or a word beyond the ordinary ("asked what a creampie is" at 9), keeps them all.
                calm = first & (levels[pool] == 0)
                first = calm if calm.any() else first
            self._cap_below(pool, scores, first)
        if levels is not None and len(pool) and _partner_never_green_first(typed, child_age):
            self._cap_below(pool, scores, levels[pool] > 0)
        elif levels is not None and len(pool) and _only_a_partner(typed, child_age):
            # Round 9: only a boyfriend or girlfriend of the child's age, and what couples ordinarily do ("has a
            # boyfriend" at 12, "snogging his gf at the bus stop"): the green items that matched any word join,
            # scaled by the share they matched, and come first. "Dating" and "relationship", the partner words'
            # synonyms, had led with dating apps and grooming, and "walk home" with going missing.
            joined = np.setdiff1d(np.flatnonzero((levels == 0) & (counts > 0)), pool, assume_unique=True)
            if mask is not None:
                joined = joined[mask[joined]]
            if len(joined):
                scores = scores.copy()
                scores[joined] *= counts[joined] / most
                pool = np.union1d(pool, joined)
            self._cap_below(pool, scores, levels[pool] == 0)
        if compulsive and levels is not None and len(pool):
            # A second review: none of them may have matched a word ("masturbates for hours after contact and is anxious").
            pool, scores = self._join_at_best((self._leaning[_OWN] > 0) & (levels >= 1), pool, scores, mask)
            self._cap_below(pool, scores, (self._leaning[_OWN][pool] > 0) & (levels[pool] >= 1))
        if on_others:
            # Touching or rubbing on other children ("rubbing himself on other kids", "humps the other
            # children"): the items on a child's own body come after those on touching others, though
            # they share more of the words.
            self._cap_below(pool, scores, self._leaning[_OWN][pool] == 0)
            if levels is not None and strictly_on_others:
                # Round 12: ... and, when the words say the act was on another's body, the amber and red items on it
                # that matched the act first ("telling dirty jokes and humping the other children": the jokes are not
                # what matters most; "she grabbed his privates in the corridor": not an item on public places).
                on_it = (levels[pool] >= 1) & (self._leaning[_OWN][pool] == 0)
                # ... or, when none matched the act ("smacking girls bums"), any amber or red item not on one's own body.
                self._cap_below(pool, scores, on_it & acted[pool] if (on_it & acted[pool]).any() else on_it)
            if _YOUNGER in found_contexts and levels is not None:
                # Round 11: ... on a younger child ("rubbing his willy on his little brother"): the red items on a
                # younger or less able child first, joined if none matched a word.
                pool, scores = self._join_red(_YOUNGER, pool, scores, levels, mask)
                self._cap_below(pool, scores, (self._leaning[_YOUNGER][pool] > 0) & (levels[pool] >= 2))
            if _AGAIN in found_contexts and levels is not None:
                # Round 11: ... again and again ("keeps touching other kids' privates, other kids crying"): the red
                # items on persistent touching first, or where the band has none (5-9), the amber and red items on
                # touching others that matched the word of touching.
                touching = acted[pool] & (self._leaning[_OWN][pool] == 0) & (levels[pool] >= 1)
                persistent = touching & (self._leaning[_AGAIN][pool] > 0) & (levels[pool] >= 2)
                self._cap_below(pool, scores, persistent if persistent.any() else touching)
            if (
                levels is not None
                and strictly_on_others
                and _SIBLING in found_contexts
                and child_age is not None
                and child_age >= _FAMILY_ITEMS_FROM
                and (bool(_OWN_BODY_WORDS.intersection(typed)) or _oneself_on_others(typed))
            ):
                # Round 12: ... on a brother's, sister's or cousin's private parts, or rubbing oneself on them ("he rubs
                # himself on his sister at home"; not "pinched his sisters bum and ran off laughing"): the red items on
                # sexual behaviour in the family first, joined if none matched a word; last, so that "kept grabbing his
                # brothers willy" is about a brother, not only persistence.
                pool, scores = self._join_at_best(self._in_the_family & (levels >= 2), pool, scores, mask)
                self._cap_below(pool, scores, self._in_the_family[pool] & (levels[pool] >= 2))
        if _SEX_ACT in found_contexts and levels is not None and len(pool):
            # Round 11: none of the red items on it may have matched a word ("lying on top of the 4 year old and
            # rocking"): they join.
            pool, scores = self._join_red(_SEX_ACT, pool, scores, levels, mask)
            # Round 10: a sexual act with another: the red items on it first (a third review: "makes teddies have sex").
            self._cap_below(pool, scores, (self._leaning[_SEX_ACT][pool] > 0) & (levels[pool] >= 2))
        if _ANIMAL in found_contexts and levels is not None and len(pool) and _sexual_act_on_an_animal(typed):
            # Round 11: an act on an animal ("rubbing himself on the dog"): the amber and red items on it first, though
            # the own-body items matched more of the words (two reviews), joined if none matched a word ("on the cat").
            pool, scores = self._join_red(_ANIMAL, pool, scores, levels, mask)
            on_animals = (self._leaning[_ANIMAL][pool] > 0) & (levels[pool] >= 1)
            if not on_animals.any() and _act_with_an_animals_body(typed):
                # Round 12: where the band has no item on it (under 9), the red items on a sexual act first: it is not
                # what is expected at any age ("6yo humping the family dog" had led with green self-touch).
                pool, scores = self._join_red(_SEX_ACT, pool, scores, levels, mask)
                on_animals = (self._leaning[_SEX_ACT][pool] > 0) & (levels[pool] >= 2)
            self._cap_below(pool, scores, on_animals)
        if (
            _OLDER in found_contexts
            and levels is not None
            and len(pool)
            and _PARTNER_WORDS.intersection(typed)
            and child_age is not None
            and (_partner_noticeably_older(typed, child_age) or _ADULT_WORDS.intersection(typed) - {"older"})
            and (levels[pool] >= 2).any()
        ):
            # Round 11: a partner who is older or an adult ("in bed with her boyfriend who is 19" at 13): the red items
            # on someone older first, ahead of an amber item that matched more of the words.
            self._cap_below(pool, scores, (self._leaning[_OLDER][pool] > 0) & (levels[pool] >= 2))
        if _FORCE in found_contexts and levels is not None and len(pool) and _another_directs(typed):
            # Round 11 (a safety review): someone who asks the child to touch themselves or wants to watch ("dad wants
            # her to keep touching herself while he watches"): the red items first, joined if none matched a word.
            directing = _RELATIVE if _RELATIVE in found_contexts else _FORCE
            pool, scores = self._join_red(directing, pool, scores, levels, mask)
            self._cap_below(pool, scores, levels[pool] >= 2)
        if _INJURY in found_contexts and levels is not None and len(pool) and _pain_there(typed):
            # Round 11: pain or injury in the private parts, with no word of touching: the red items that speak of it
            # most first.
            injury = self._leaning[_INJURY] * (levels >= 2)
            if mask is not None:
                injury = injury * mask
            strongest = injury >= INJURY_SHARE * injury.max(initial=0.0)
            strongest &= injury > 0
            joined = np.setdiff1d(np.flatnonzero(strongest), pool, assume_unique=True)
            if len(joined):
                scores = scores.copy()
                scores[joined] = float(scores[pool].max()) * injury[joined] / injury.max()
                pool = np.union1d(pool, joined)
            self._cap_below(pool, scores, strongest[pool])
        if _UNDER_13 in found_contexts and len(pool):
            # Round 10: a partner under 13 beside sexual contact: the item on it first, whatever else matched more.
            self._cap_below(pool, scores, self._leaning[_UNDER_13][pool] > 0)
        if limit is not None and limit <= 0:
            return Ranked([], total, corrections)
        # Best score first; on a tie the shorter, more specific descriptor; then a stable order.
        # Rounded so that float noise in equal sums still counts as a tie.
        rounded = -np.round(scores[pool], 9)
        if limit is not None and limit < total:
            cut = np.partition(rounded, limit - 1)[limit - 1]
            keep = rounded <= cut  # every tie at the cut stays in, so the order among them is the stable one
            pool, rounded = pool[keep], rounded[keep]
        order = np.lexsort((pool, self._length_array[pool], rounded))
        chosen = pool[order] if limit is None else pool[order][:limit]
        return Ranked(list(zip(chosen.tolist(), scores[chosen].tolist(), strict=True)), total, corrections)

    def _join_red(
        self, context: int, pool: np.ndarray, scores: np.ndarray, levels: np.ndarray, mask: np.ndarray | None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Round 11: the pool with the red behaviours that speak of ``context`` joined, when none of them is in it, each
        at the best match's score scaled by how strongly it speaks of it; a new scores array when any joined."""
        red = (self._leaning[context] > 0) & (levels >= 2)
        if mask is not None:
            red &= mask
        if not red.any() or red[pool].any():
            return pool, scores
        joined = np.flatnonzero(red)
        scores = scores.copy()
        leaning = self._leaning[context][joined]
        scores[joined] = float(scores[pool].max()) * leaning / leaning.max()
        return np.union1d(pool, joined), scores

    @staticmethod
    def _join_at_best(
        wanted: np.ndarray, pool: np.ndarray, scores: np.ndarray, mask: np.ndarray | None
    ) -> tuple[np.ndarray, np.ndarray]:
        """The pool with the behaviours marked ``wanted`` (within ``mask``) joined at the best match's score, when none
        of them is in it; a new scores array when any joined."""
        if mask is not None:
            wanted = wanted & mask
        joined = np.setdiff1d(np.flatnonzero(wanted), pool, assume_unique=True)
        if not len(joined) or wanted[pool].any():
            return pool, scores
        scores = scores.copy()
        scores[joined] = float(scores[pool].max())
        return np.union1d(pool, joined), scores

    @staticmethod
    def _cap_below(pool: np.ndarray, scores: np.ndarray, first: np.ndarray) -> None:
        """Put the pool's behaviours marked ``first`` (a boolean per pool position) above the rest: no other
        scores above the best of them. In place."""
        if first.any() and not first.all():
            ceiling = float(scores[pool[first]].max()) * (1 - 1e-6)
            rest = pool[~first]
            scores[rest] = np.minimum(scores[rest], ceiling)

    def _bring_serious(
        self,
        found: list[int],
        pool: np.ndarray,
        scores: np.ndarray,
        levels: np.ndarray,
        mask: np.ndarray | None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """The pool with the amber and red behaviours that speak of a never-green-first context the words
        named (`Context.never_green_first`; force, money, secrecy, injury, images, grooming, not an adult
        named alone), each scored below the best match by how strongly it speaks of it; a new scores
        array."""
        leaning = np.zeros(self._size, dtype=np.float64)
        for number in found:
            # Not for an adult named alone: "hugs the dinner lady", "kisses grandad goodbye" are affection.
            if CONTEXTS[number].never_green_first and number not in _WHO_MAY_HAVE:
                leaning = np.maximum(leaning, self._leaning[number])
        serious = (leaning > 0) & (levels > 0)
        if mask is not None:
            serious &= mask
        joined = np.flatnonzero(serious)
        if not len(joined):
            return pool, scores
        scores = scores.copy()
        best = float(scores[pool].max()) if len(pool) else 1.0
        scores[joined] = np.maximum(scores[joined], CONTEXT_LIFT * best * leaning[joined] / leaning[joined].max())
        return np.union1d(pool, joined), scores

    def said_phrases(self, query: str) -> np.ndarray:
        """Which behaviours a word-list phrase said in full names (a boolean per position): the phrase's
        words in its order, at most one other word between each (`says`)."""
        return self._said_in(typed_words(query))

    def _whole_phrase_said(
        self,
        typed: list[str],
        units: list[Unit],
        levels: np.ndarray | None,
        mask: np.ndarray | None,
        found: list[int],
        where_words: set[str],
        whole_said: np.ndarray,
        whole_stems: set[str],
    ) -> tuple[np.ndarray | None, int, np.ndarray | None]:
        """Of the behaviours a whole-phrase entry's phrase typed in full names (``whole_said``, with the stems of those
        phrases, from `_phrases_said`), those that count as such (None when none), how many of the query's parts
        (``units``) the phrases said cover, and the green ones held back (None when none).

        A green one is held back (its phrase lifts nothing) beside force, an adult, money or
        secrecy, a younger child, images, a group or a sexual act, or when an amber or red behaviour matches
        another word of what happened, not who was told, an age or a place (a review: "he fancies a boy and
        filmed him in the changing rooms", "facetimes his friends naked and they record it")."""
        if not whole_said.any():
            return None, 0, None
        if mask is not None:
            whole_said = whole_said & mask
        if _QUESTION in found or any(
            w in _ASKING_WORDS and typed[n + 1 : n + 2] in (["what"], ["whats"]) for n, w in enumerate(typed)
        ):
            # Asked about ("asked what a sex tape is"): the question's own reading holds, and the phrase lifts nothing
            # (a second review).
            return None, 0, (whole_said if whole_said.any() else None)
        if not whole_said.any():
            return None, 0, None
        incidental = where_words | {
            stem(w) for w in typed if w in _TELLS or w in _SAID_TO or w in _PEERS_TOLD or w in _YEARS_OLD
        }
        covered = 0
        outside = np.zeros(self._size, dtype=bool)
        for unit in units:
            stems_of = [set(phrase) for phrase, _ in unit.phrases]
            if any(both <= whole_stems for both in stems_of):
                covered += 1
                continue
            if any(both <= incidental or all(s.isdigit() for s in both) for both in stems_of) or not any(
                s.startswith(_WHAT_HAPPENED) for both in stems_of for s in both
            ):
                continue
            for phrase, _ in unit.phrases:
                matched = self._arrays.get(phrase)
                if matched is not None:
                    outside[matched[0]] = True
        if levels is not None:
            if mask is not None:
                outside &= mask
            if (
                any(CONTEXTS[n].never_green_first or n in _NO_GREEN_PHRASE for n in found)
                or (outside & (levels > 0)).any()
                or _SOMEONE_ACTS.intersection(typed)
                or _OTHER_ADULTS.intersection(typed)
            ):
                held = whole_said & (levels == 0)
                whole_said &= levels > 0
                return (whole_said if whole_said.any() else None), covered, (held if held.any() else None)
        return whole_said, covered, None

    def _said_in(self, typed: list[str]) -> np.ndarray:
        """`said_phrases` of a query's words (`typed_words`)."""
        return self._phrases_said(typed)[0]

    def _phrases_said(self, typed: list[str]) -> tuple[np.ndarray, np.ndarray, set[str]]:
        """The behaviours the word list's phrases said in full name (`said_phrases`); of them, those a whole-phrase
        entry's phrase names (its sequence begins with `ADJACENT`); and the stems of those whole phrases. One pass."""
        named = np.zeros(self._size, dtype=bool)
        whole = np.zeros(self._size, dtype=bool)
        whole_stems: set[str] = set()
        if not self._said:
            return named, whole, whole_stems
        stems = [stem(british(w)) for w in typed if len(w) > 1 or w.isdigit()]
        for first in dict.fromkeys(stems):
            for sequence, positions in self._said.get(first, ()):
                if says(stems, sequence):
                    named[positions] = True
                    if sequence[0] == ADJACENT:
                        whole[positions] = True
                        whole_stems.update(sequence[1:])
        return named, whole, whole_stems

    def _in_context(
        self,
        found: list[int],
        pool: np.ndarray,
        scores: np.ndarray,
        levels: np.ndarray | None,
        lead: Collection[int] | None,
        about: np.ndarray | None = None,
        *,
        calm: bool = False,
    ) -> np.ndarray:
        """The pool's scores after reading the contexts the query named (``found``, numbers in
        `CONTEXTS`); a new array. When ``about`` is given, only the behaviours in it (those matching
        a word that says more than where) are lifted by a context: one matching only "in class" is
        not about what happened there. ``calm``: the words say only what a child did with their own
        body (see `CALM_STEP`)."""
        if not found and lead is None:
            return scores
        scores = scores.copy()
        best = float(scores[pool].max()) if len(pool) else 0.0
        for number in found:
            held = self._held_back[number]
            if held is not None:
                # The words rule these out ("same age": an older partner): they come after.
                scores[pool[held[pool]]] *= UNBROUGHT_FACTOR
            # The behaviours that speak of this context gain up to CONTEXT_LIFT of the best match.
            if CONTEXTS[number].brings:
                # Each behaviour that speaks of it gains alike: how strongly its words say "self-touch"
                # is no reason to put one self-touch item above another.
                leaning = (self._leaning[number] > 0).astype(np.float64)
            else:
                leaning = self._leaning[number].copy()
            if about is not None:
                leaning[~about] = 0.0
            top = float(leaning[pool].max()) if len(pool) else 0.0
            if top > 0:
                lift = BRINGS_LIFT if CONTEXTS[number].brings else CONTEXT_LIFT
                scores[pool] += lift * best * leaning[pool] / top
                if CONTEXTS[number].brings:
                    # The words say whose body it is: items about someone else's come after.
                    scores[pool[leaning[pool] == 0]] *= UNBROUGHT_FACTOR
                    if calm and levels is not None and not any(CONTEXTS[n].raises for n in found):
                        # ... and nothing else is said (``calm``): what is expected at the age comes
                        # first ("touches herself" at 3), each level up counting a little less.
                        brought = pool[leaning[pool] > 0]
                        scores[brought] *= 1.0 - CALM_STEP * np.clip(levels[brought], 0, 2)
        if levels is not None and any(CONTEXTS[n].raises for n in found):
            # For the same match, the more serious level first: each step up the levels adds a share,
            # once more for each further context that names an adult, force, money or secrecy ("older
            # man buying her a phone": an adult and gifts together point at exploitation, not at gifts).
            serious = sum(CONTEXTS[n].never_green_first for n in found)
            steps = LEVEL_STEP * max(1, serious)
            raised = pool
            if all(CONTEXTS[n].where and not CONTEXTS[n].raises_every_match for n in found if CONTEXTS[n].raises):
                # Only words saying where ("at school", "on the bus", "at a party"): they make the behaviours
                # that speak of it more serious ("touching himself in class"), not every match ("dirty
                # jokes on the school bus" is still about jokes). How often raises every match.
                speaks = np.zeros(len(pool), dtype=bool)
                for n in found:
                    if CONTEXTS[n].raises:
                        speaks |= self._leaning[n][pool] > 0
                if about is not None:
                    # ... and that match what was done, not only the place ("touching girls at school" is
                    # not about touching oneself in public).
                    speaks &= about[pool]
                raised = pool[speaks]
            scores[raised] *= 1.0 + steps * np.clip(levels[raised], 0, 2)
        if lead is not None:
            in_lead = self._mask(lead)[pool]
            scores[pool[in_lead]] *= LEAD_FACTOR
        if levels is not None and any(CONTEXTS[n].never_green_first for n in found):
            # Nothing green above the best amber or red match: a phrase naming an adult, force,
            # money or secrecy is never answered with "healthy and expected" first.
            self._cap_below(pool, scores, levels[pool] > 0)
        return scores


_NOTHING = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64))


# ------------------------------------------------------------ context


@dataclass(frozen=True)
class Context:
    """Words that say where, with whom or how something happened, and how they change the ranking.

    ``cues``: phrases typed (each matches when all its words are in the query, any order);
    ``leans_to``: words the pack's behaviours use for that context, whose behaviours move up;
    ``raises``: among equal matches the more serious level comes first;
    ``never_green_first``: the phrase names an adult, force, money or secrecy, so a green item is
    never first when an amber or red one matched;
    ``joins``: the behaviours matching a cue word itself join the matches (see `SearchIndex.search`),
    even if others matched more of the query's words;
    ``where``: the cues say only where it happened (or who was there), so a match on them counts
    `WHERE_FACTOR` of a match on a word saying what happened;
    ``brings``: the behaviours that speak of this context (its ``leans_to``) join the matches when
    they matched any of the query's words, and each gains the same lift;
    ``holds_back``: words of behaviours the context rules out ("same age": an older partner, an age
    gap), which count `UNBROUGHT_FACTOR` of their score;
    ``raises_every_match``: a ``where`` context that raises every match, not only the behaviours
    that speak of it ("again and again": how often says how serious, whatever was done).
    """

    name: str
    cues: tuple[str, ...]
    leans_to: tuple[str, ...]
    raises: bool = True
    never_green_first: bool = False
    joins: bool = False
    where: bool = False
    brings: bool = False
    holds_back: tuple[str, ...] = ()
    raises_every_match: bool = False


# From this many matched query parts, a behaviour missing one part still counts, its score scaled by
# (parts matched / most matched) ** COVERAGE_POWER.
SLACK_FROM = 3
# With two query parts, when fewer behaviours than this match both, those matching one join (scaled as above).
FEW_MATCHES = 3
COVERAGE_POWER = 2.0
# A context lifts the behaviours that speak of it by up to this share of the best match's score.
CONTEXT_LIFT = 0.6
# A context that brings its behaviours (`Context.brings`) lifts each of them by this share: the words
# typed say whose body it is, which outweighs how many of the other words an item shares.
BRINGS_LIFT = 1.0
# ... and the other matches count this much ("keeps touching his privates": touching other children after).
UNBROUGHT_FACTOR = 0.6
# Each level up (green to amber, amber to red) multiplies a score by 1 + this, when context says so.
LEVEL_STEP = 0.25
# Each level up takes this share off an own-body item's score when no words raise the level (`Context.brings`).
CALM_STEP = 0.05
# A match on a word that only says where it happened counts this much (see `Context.where`).
WHERE_FACTOR = 0.5
# A word-list phrase said in full lifts the behaviours it names by this share of the best match's score.
PHRASE_LIFT = 0.4
# Behaviours in the lead bands (the developmental band) count this many times their match.
LEAD_FACTOR = 1.6
# The name of the context of a child touching their own body (see `_says_own_body`).
OWN_BODY = "their own body"
# The name of the context of a child's question (see `_asks_a_question`).
QUESTION = "a question"
# The name of the context of a child telling of a brother, sister or cousin (see `_contexts_of`).
SIBLING_TOLD = "a child telling of a brother, sister or cousin"
# The name of the context of a sexual act with another (see `_acts_out_sex`).
SEX_ACT = "a sexual act with another"
# The name of the context of a partner under 13 (see `_partner_under_13`).
PARTNER_UNDER_13 = "a partner under 13"
# The name of the context of something put inside a body (see `_puts_inside`).
PUT_INSIDE = "something put inside"
# The items on children's questions are those that speak of them at least this share as strongly as the
# one that speaks of them most (see `SearchIndex.search`).
QUESTION_SHARE = 0.5
# The words that name the one doing it as the one it is done to.
_REFLEXIVE = frozenset({"himself", "herself", "themselves", "themself"})

CONTEXTS: tuple[Context, ...] = (
    Context(
        "in public",
        (
            "class",
            "classroom",
            "lesson",
            "public",
            "in front",
            "playground",
            "carpet",
            "assembly",
            "park",
            "bus",
            "corridor",
            "shop",
            "street",
            # Round 5: the places practitioners name.
            "school",
            "nursery",
            "lessons",
            "library",
            "canteen",
            "dinner hall",
            "swimming pool",
            # Round 6: under the desk or table is in class, where others can see.
            "desk",
            "desks",
            # Round 8: the time a nursery or class sits together ("story time" is as often at home).
            "circle time",
        ),
        ("public", "in front of others", "classroom", "indecent exposure", "exhibitionism"),
        where=True,
    ),
    Context(
        "in private",
        # "his room", "her room": the child's own room, not a changing room (round 6).
        (
            "in private",
            "privately",
            "on their own",
            "bedroom",
            "alone",
            "his room",
            "her room",
            "their room",
            "own room",
        ),
        ("private",),
        False,
        where=True,
    ),
    Context(
        "at a sleepover or party",
        ("sleepover", "party", "parties", "sleeping over"),
        ("parties", "group", "without full and free agreement"),
        where=True,
    ),
    Context(
        "online",
        (
            "online",
            "internet",
            "app",
            "apps",
            "game",
            "gaming",
            "webcam",
            "camera",
            # Round 6: "dming her". Not "snap" or "insta": image items name them, and "met on snap" is
            # someone known only online.
            "dm",
            "dms",
            "dming",
            "dmed",
        ),
        ("online",),
        False,
        where=True,
    ),
    Context(
        "older or an adult",
        (
            # Round 9: the one writing (an adult) on the receiving end of a child's act ("tried to put his hand
            # down my trousers"); "asked me to touch his willy" is read by `_asks_the_writer`.
            *(
                f"={my} {part}"
                for my in ("my",)
                # Not breasts or bottoms: a young child patting a carer's breasts is curiosity (0-5 green).
                for part in ("trousers", "privates", "knickers", "genitals", "willy", "penis", "vagina")
            ),
            "older",
            "adult",
            "man",
            "men",
            "woman",
            "grown",
            "teacher",
            "coach",
            "stranger",
            "strangers",
            "grownup",
            "bloke",
            "tutor",
            "instructor",
            "youth worker",
            "taxi driver",
            "paedophile",
            "paedo",
            "pedo",
            "nonce",
            # "Twice her age" and "nowhere near her age" name someone older, not the same age (round 6).
            "twice her age",
            "twice his age",
            "double her age",
            "double his age",
            "nowhere near her age",
            "nowhere near his age",
            # Those who care for or work with a child ("foster carer kisses her" is never answered green).
            "carer",
            "foster carer",
            "support worker",
            # Round 7: school support staff as pupils name them.
            "teaching assistant",
            "learning support assistant",
            "care worker",
            "key worker",
            "staff member",
            "member of staff",
            # Round 8: staff named by sex are the adults a child acts towards ("asking male staff to touch her");
            # staff alone are as often who noticed ("staff found them kissing").
            "male staff",
            "female staff",
            # Round 5: how practitioners and young people name an adult or an age gap.
            "lady",
            "20s",
            "30s",
            "40s",
            "twenties",
            "thirties",
            "forties",
            "years older",
            "age gap",
            "neighbour",
            "landlord",
            "shopkeeper",
            "priest",
            "imam",
            "vicar",
            "faith leader",
            "scout leader",
            "youth leader",
            "football coach",
            "driving instructor",
            "mum's friend",
            "dad's friend",
            "older friend",
            "older friends",
            "older lad",
            "older boys",
            "older girls",
            "women",
            "ladies",
            "bigger boys",
            "bigger kids",
            "bigger children",
            "much bigger",
            # Adult ages written out, only as ages ("a nineteen year old"; "fifty quid" is money, not a man of
            # fifty); digits are read in `_contexts_of`.
            *(f"{n} year" for n in ("eighteen", "nineteen", "twenty", "thirty", "forty", "fifty")),
            *(f"{n} years" for n in ("eighteen", "nineteen", "twenty", "thirty", "forty", "fifty")),
            # Round 6: adults named by what they have or do ("a uni student", "has his own flat").
            "uni student",
            "university student",
            "sixth former",
            "left school",
            "own flat",
            "own car",
            "has a job",
            "boss",
            "manager",
            "head of year",
            "security guard",
            "married guy",
            "married man",
            "mums mate",
            "dads mate",
            "dad from school",
        ),
        ("adult", "much older", "older", "position of trust"),
        never_green_first=True,
    ),
    Context(
        "younger",
        # Round 6: "a youngster", and the school's words for its youngest ("reception", "the infants").
        ("younger", "little", "toddler", "baby", "infant", "youngster", "reception", "infants", "preschool"),
        ("younger", "less able", "much younger"),
    ),
    Context(
        "again and again",
        (
            "again",
            "keeps",
            "repeatedly",
            "persistent",
            "constantly",
            "always",
            "still",
            "every",
            "after being told",
            "often",
            "lot",
            # Round 5: how carers say it does not stop.
            "can't stop",
            "won't stop",
            "all the time",
            "non stop",
            "obsessed",
            "compulsive",
            "compulsively",
            "frequently",
            "frequent",
            "excessive",
            "excessively",
            "constant",
            "many times",
            "daily",
            "most days",
        ),
        ("persistent", "repeatedly", "keeps", "often", "frequently", "compulsive"),
        where=True,
        raises_every_match=True,
    ),
    Context(
        "force or pressure",
        (
            "forced",
            "force",
            "forcing",
            "made",
            "pressure",
            "pressured",
            "threatened",
            "threat",
            "tricked",
            "bribed",
            "bribe",
            "consent",
            "without",
            "unwanted",
            "blackmail",
            "blackmailed",
            "take no",
            "scared",
            "against",
            "rape",
            "raped",
            "assault",
            "assaulted",
            "coerced",
            "coercion",
            "manipulated",
            "said no",
            "drunk",
            "spiked",
            "intimidated",
            "groped",
            "groping",
            "gropes",
            "grope",
            # Round 5: consent refused or overridden, in the words people use.
            "did not want",
            "didn't want",
            "held down",
            "pinned down",
            "held her down",
            "held him down",
            # Round 8: the one held down named between ("held another girl down in the sandpit").
            "hold down",
            "held another girl down",
            "held another boy down",
            "held another child down",
            "held another kid down",
            "held the other child down",
            "held the girl down",
            "held the boy down",
            "pinned her against",
            "pinned him against",
            "wouldn't stop",
            "didn't stop",
            "would not stop",
            "won't stop asking",
            "threats",
            "threatening",
            "threatens",
            "pressuring",
            "pressures",
            "coerce",
            "coercing",
            "coercive",
            "manipulating",
            "manipulative",
            "no choice",
            "or else",
            "afraid to say no",
            "trapped",
            "wouldn't let",
            "would not let",
            "attacked",
            # Round 6: force between children in plain words ("makes him do things", "or he'd dump her");
            # not "makes him be the dad" in a game, nor "pushed her over" in kiss chase.
            *(
                f"{make} {whom} {act}"
                for make in ("make", "makes", "making")
                for whom in ("her", "him", "them")
                for act in ("do", "touch", "watch", "send", "show", "suck", "kiss", "undress")
            ),
            # Round 10: "has to sleep with her bf's mates"; not "had to sleep with her sister" (a third review).
            *(
                f"{must} to sleep with {who}"
                for must in ("has", "had", "have")
                for who in ("his mates", "his friends", "men", "older", "her bf", "her boyfriend", "his mate")
            ),
            # Round 10: "makes her sleep with his friends"; not "with the light on", "with her dummy", "with his brother".
            *(
                f"{make} {whom} sleep with {who}"
                for make in ("makes", "making")
                for whom in ("her",)
                for who in ("his mates", "his friends", "men", "other men", "older")
            ),
            "pushed her down",
            "pushed him down",
            "pushed her against",
            "pushed him against",
            "dump her",
            "dump him",
            # "Asleep" says she could not agree, not where (round 6: it was a sleepover word).
            "asleep",
            "while she was sleeping",
            "while he was sleeping",
            "in her sleep",
            "in his sleep",
            "out of it",
            "off her face",
            "off his face",
            "wasted",
            "froze",
            "carried on",
            # Round 10: "had to" before an act on a body ("said she had to touch his thing"): made to, in a
            # child's words. Not "had to kiss" alone ("had to kiss nan goodbye"), nor "had to watch" (a film in
            # class): a mouth on private parts is `SEX_ACT`'s.
            # A review: only with a person or a body ("had to lie on the mat for nap time", "had to touch the snake at
            # the zoo", "had to sit on dad's lap in the car" are not).
            "had to suck",
            "had to lick",
            "had to pull her pants",
            "had to pull his pants",
            "had to pull her knickers",
            "had to get in his bed",
            "had to get in her bed",
            "felt like she had to",
            "felt like he had to",
            "gave in",
            "pulled away",
            "blocked the door",
            "sat on her",
            "sat on him",
            "hits her",
            "hits him",
            "hit her",
            "hit him",
            "hitting her",
            "hitting him",
            "slapped",
            "slaps",
            "punched",
            "punches",
            "kicked",
            "violent",
            "violence",
            # Round 10: threats of a beating in children's words ("said he'd get battered if he told").
            "battered if",
            "battered unless",
            "beat him up",
            "beat her up",
            "smash his face",
            "kick his head in",
        ),
        (
            "force",
            "forces",
            "forcing",
            "threatens",
            "pressure",
            "pressures",
            "tricks",
            "bribes",
            "coercion",
            "without someone's full and free agreement",
            "non-consensual",
            "unwanted",
        ),
        never_green_first=True,
    ),
    Context(
        "an adult relative or carer",
        (
            "uncle",
            "aunt",
            "auntie",
            "stepdad",
            "stepfather",
            "step dad",
            "stepmum",
            "stepmother",
            "grandad",
            "grandpa",
            "grandfather",
            "granddad",
            "father",
            "daddy",
            "mum's boyfriend",
            # Round 10: a young child's name for her ("mummy's boyfriend makes her watch rude films").
            "mummy's boyfriend",
            "mummys boyfriend",
            "boyfriend mum",
            "lodger",
            "babysitter",
            "family friend",
            # Round 6: a parent named as the one who did it ("her dad does", "at his dads"), and grandmothers
            # and their partners, as children and carers name them. Bare "dad" stays ordinary ("dads phone").
            "her dad",
            "his dad",
            "dads girlfriend",
            "dad's girlfriend",
            "mums partner",
            "mum's partner",
            "grandmother",
            "grandma",
            "granny",
            "nan",
            "nana",
            "nanny",
            "gran",
            # Round 7: more of children's names for the men in their family (a review's "asked why papa ...").
            "papa",
            "grandpops",
            "grandpop",
            "gramps",
            "grampy",
            "godfather",
            "stepmam",
        ),
        (
            "an adult or older child has done something sexual",
            "adult relative",
            "an adult in the family",
            "family member",
            "adult",
        ),
        never_green_first=True,
        joins=True,
    ),
    Context(
        "money or gifts",
        (
            # Round 8: payment online as young people receive it.
            "vouchers",
            "voucher",
            "steam cards",
            "paypal",
            "cash app",
            "money",
            "paid",
            "pay",
            "paying",
            "cash",
            "gift",
            "gifts",
            "bought",
            "buying",
            "buys",
            "presents",
            "robux",
            "vbucks",
            "bucks",
            "vapes",
            "selling",
            "sell",
            "sold",
            "onlyfans",
            "exchange",
            "drugs",
            "alcohol",
            "weed",
            "cigarettes",
            "phone credit",
            "top up",
            "takeaway",
            "takeaways",
            "reward",
            "rewards",
            # Round 5: what is given or owed, in the words of CSE and county lines briefings.
            "free food",
            "credit",
            "top ups",
            "topped up",
            "gift card",
            "gift cards",
            "giftcard",
            "payment",
            "payments",
            "owes",
            "owed",
            "owe",
            "debt",
            "in return",
            "favours",
            "new phone",
            "iphone",
            "airpods",
            "designer",
            "booze",
            "cannabis",
            "cigs",
            "sweets",
            "somewhere to stay",
            "place to stay",
            # Round 6 ("pills" left out: "going on the pill" is contraception, not drugs).
            "for free",
            "free lifts",
            "quid",
            "wad",
            "baccy",
            # Round 7: a can of drink in exchange ("swapped a kiss for a can"); "cans" typed is read apart
            # (its stem is "can", as in "she can swim").
            "=for can",
            "=can of",
            "nails done",
            "lashes done",
            "ket",
            "nangs",
            "vouchers",
            "steam codes",
            "lift home",
            "somewhere to live",
        ),
        ("money", "gifts", "exchange", "payment"),
        never_green_first=True,
        joins=True,
    ),
    Context(
        "secrecy",
        (
            "secret",
            "secretly",
            "secrets",
            "hidden",
            "hiding",
            "hide",
            "secretive",
            "don't tell",
            "dont tell",
            "not to tell",
            "not tell",
            # Round 7: told never to tell, in a child's words ("mustn't tell mummy", "never to tell nan").
            "mustnt tell",
            "mustn tell",
            "never tell",
            "never to tell",
            "deleted messages",
            "deletes messages",
            "deleting messages",
            # Round 5: hidden devices, accounts and contact (NSPCC and CEOP signs of grooming).
            "second phone",
            "secret phone",
            "another phone",
            "spare phone",
            "burner",
            "hidden phone",
            "private account",
            "secret account",
            "fake account",
            "finsta",
            "vault app",
            "hides her phone",
            "hides his phone",
            "password",
            "won't say who",
            "will not say who",
            "won't say where",
            "lies about",
            "lying about where",
            "sneaking out",
            "sneaks out",
            "snuck out",
            "cover up",
            "keep quiet",
            "keeps quiet",
        ),
        ("secret", "secretly", "secrecy", "secretive"),
        never_green_first=True,
    ),
    # Round 5 (CSA Centre, Sibling sexual abuse, 2021): a brother, sister or cousin named is who was
    # involved, so the items on sexual behaviour between children in the family join the matches;
    # play between siblings of a similar age can be healthy, so nothing is raised or held down, and
    # the word counts as a "where" word does: it says who was there, the rest says what happened.
    Context(
        "a brother, sister or cousin",
        (
            "brother",
            "brothers",
            "sister",
            "sisters",
            "sibling",
            "siblings",
            "cousin",
            "cousins",
            "stepbrother",
            "step brother",
            "stepsister",
            "step sister",
            "half brother",
            "half sister",
        ),
        (),
        raises=False,
        joins=True,
        where=True,
    ),
    # Round 8: a child telling of a brother, sister or cousin beside beds, bodies, touching, sex or secrets
    # ("says her brother sleeps in her bed and touches her bum"): a disclosure, never answered green first,
    # with the items on sexual behaviour in the family and on disclosures lifted. No cues: `_contexts_of`
    # reads it (`_SIBLING_TOLD`).
    Context(
        SIBLING_TOLD,
        (),
        ("family member", "brother", "sister", "disclosure"),
        never_green_first=True,
    ),
    # Round 8: an animal named ("touched the family dog in a sexual way"): the items on sexual behaviour with
    # animals join the matches, as a relative named does, however many other words they miss.
    Context(
        "an animal",
        ("dog", "dogs", "puppy", "cat", "cats", "kitten", "pet", "pets", "animal", "animals", "horse", "pony"),
        ("animals", "bestiality"),
        raises=False,
        joins=True,
    ),
    # Round 5 (Childnet and Childline on grooming): a word naming grooming says someone is grooming the
    # child, so the grooming items join the matches however many other words they miss ("being
    # groomed on tiktok" is grooming, not a platform), and nothing green comes first.
    Context(
        "grooming",
        ("groomed", "grooming", "groomer", "groomers", "grooms"),
        ("online grooming",),
        never_green_first=True,
        joins=True,
    ),
    # Round 5 (UKCIS, Sharing nudes and semi-nudes, 2024: young people's words for sexual images, and
    # images passed on): an image of a child of a sexual kind is never "healthy and expected".
    Context(
        "sexual images",
        (
            "nude",
            "nudes",
            "noods",
            "semi nude",
            "semi nudes",
            "naked pic",
            "naked pics",
            "naked picture",
            "naked pictures",
            "naked photo",
            "naked photos",
            "naked selfie",
            "naked video",
            "pic",
            "pics",
            "sexting",
            "sexted",
            "sext",
            "sexts",
            "screenshot",
            "screenshotted",
            "screenshots",
            "shared around",
            "sent round",
            "sent around",
            "passed round",
            "explicit pictures",
            "explicit images",
            "explicit photos",
            "explicit video",
            "explicit videos",
            # Round 6: images named by what they show or where they went ("her topless snap", "seen her in
            # her bra", "uploaded to a porn site", "her private photos").
            "topless",
            "in her bra",
            "in his boxers",
            "underwear pics",
            "underwear photos",
            "private photos",
            "private pics",
            "porn site",
            "uploaded",
        ),
        (),
        raises=False,
        never_green_first=True,
    ),
    # Round 5 (CSA Centre, Signs and Indicators template: emotional and physical signs): distress,
    # pain or injury is an impact that is never answered with "healthy and expected" first.
    Context(
        "distress",
        (
            "distressed",
            "distress",
            "frightened",
            "terrified",
            "hurt",
            "hurting",
            "hurts",
            "self harm",
            "self harming",
            "nightmares",
            # Round 6: distress in a carer's words ("touching herself and cries"); not "upset", which is
            # as often the parent's ("mum upset because he touches himself").
            "cries",
            "cried",
            "crying",
            "flinches",
        ),
        ("distress", "upset", "fear", "injury", "soreness", "bleeding", "hurt", "infection", "pregnancy"),
        never_green_first=True,
    ),
    # Round 8: pain, injury, infection and pregnancy apart from distress, so that "there was blood" lifts the
    # items on injury, not the item on distress at nappy changes.
    Context(
        "injury, infection or pregnancy",
        (
            # Pain where the body is private ("says her bottom hurts"); hurt alone is distress ("fell and hurt
            # herself").
            "bottom hurts",
            "bum hurts",
            # Round 11: "down there" after a word of pain is read as "privates" (`_childrens_words`).
            "hurts genitals",
            "sore genitals",
            "hurts when she wees",
            "hurts when he wees",
            "hurts to wee",
            "genitals hurt",
            "fanny hurts",
            "willy hurts",
            "pain",
            "painful",
            "sore",
            "soreness",
            "bleeding",
            "blood",
            "bruise",
            "bruises",
            "bruised",
            "bruising",
            "injury",
            "injured",
            # Injury, infection and pregnancy as carers first notice them.
            "stings",
            "red raw",
            "swollen",
            "torn",
            "walking funny",
            "thrush",
            "warts",
            "discharge",
            "missed her period",
            "missed period",
            "late period",
            "period is late",
            "expecting",
            "morning after pill",
            "pregnant",
            "pregnancy",
        ),
        ("injury", "soreness", "bleeding", "infection", "pregnancy"),
        never_green_first=True,
    ),
    # Round 5 (CEOP and Childnet: someone known only online is a stranger, whatever they say).
    Context(
        "someone known only online",
        (
            "=online friend",
            "=online friends",
            "someone online",
            "somebody online",
            "person online",
            "met online",
            "online boyfriend",
            "online girlfriend",
            "someone he met",
            "someone she met",
            "never met",
            "only knows online",
            # Round 6: met through an app, in young people's words, or never seen.
            "never seen in real life",
            "never met in real life",
            *(f"met on {app}" for app in ("snap", "snapchat", "insta", "instagram", "tiktok", "discord", "roblox")),
            # Round 8: someone named only by the app ("someone on instagram asked when she started her periods").
            *(
                f"={who} on {app}"
                for who in ("someone", "somebody", "man", "men", "guy", "stranger")
                for app in ("snap", "snapchat", "insta", "instagram", "tiktok", "discord", "roblox", "whatsapp")
            ),
            *(f"{app} {who}" for app in ("insta", "snap", "tiktok") for who in ("boyfriend", "girlfriend", "friend")),
            # Round 9: a partner met through an app ("she met her boyfriend on snapchat", "her bf from tiktok").
            *(
                f"{who} {on} {app}"
                for who in ("boyfriend", "girlfriend", "bf", "gf")
                for on in ("on", "from")
                for app in ("snap", "snapchat", "insta", "instagram", "tiktok", "discord", "roblox", "online")
            ),
        ),
        ("stranger online", "online contact", "online friend", "strangers"),
        never_green_first=True,
    ),
    # Round 5 (KCSIE Part 5 and Ofsted 2021: group harassment and abuse between children): more than
    # one child doing it to another moves the more serious items up.
    Context(
        "a group",
        (
            "group of boys",
            "group of lads",
            "group of girls",
            "group of older",
            "gang",
            "several boys",
            "lots of boys",
            "two boys",
            "three boys",
            "others watched",
            "others watching",
            "friends watched",
            "filmed it",
            "took turns",
            "taking turns",
            "in turns",
        ),
        ("group", "gang", "passed around", "several"),
    ),
    # A child touching their own body: "touching himself", "touching his privates", "rubbing her vagina"
    # ("hand in her knickers" is in the word list: clothes say less whose hand it is). The pack writes
    # "their own genitals" and "self-touch"; the words typed name the same child twice, so the items on
    # touching others, which share "touching" and "private parts", must not lead. Possessives count only
    # where no one of the other sex is named as the one doing it ("he touched her privates" is another
    # child's body; see `_says_own_body`).
    Context(
        OWN_BODY,
        (
            # Round 8: "himself", "herself" are read by `_touches_self` ("forced himself on", "compares herself").
            # Round 6: words for masturbation say whose body too, bare or in slang ("wanking" at 7).
            "masturbating",
            "masturbates",
            "masturbate",
            "masturbation",
            "wanking",
            "wanks",
            "wank",
            "fapping",
            "beating off",
            "tossing off",
        ),
        ("self touch", "touching themselves", "masturbation"),
        raises=False,
        brings=True,
    ),
    # Round 7: a child of 9 or over asking what a word means ("asked what rape means"): the items on
    # children's questions and wish to know join the matches and lead; the word asked about is not
    # something done. No cues: `_asks_a_question` reads it.
    Context(
        QUESTION,
        (),
        ("questions", "asking questions", "wants to know", "curiosity", "curious"),
        raises=False,
        brings=True,
    ),
    # Round 6: a partner or friend of the child's own age ("girlfriend same age", "a boy her own age",
    # "a lad in her year"): the items on children of a similar age move up; nothing more serious does.
    Context(
        "the same age",
        (
            "same age",
            "own age",
            "similar age",
            "her age",
            "his age",
            "their age",
            "same year",
            "her year",
            "his year",
            "same class",
            "her class",
            "his class",
            # Round 10: a form is a secondary school's class ("a boy in his form").
            "his form",
            "her form",
            "same form",
        ),
        ("similar age",),
        raises=False,
        where=True,
        holds_back=("much older", "older partner", "older boyfriend", "older girlfriend", "adult boyfriend"),
    ),
    # Round 10: a mouth on another's private parts ("kissed his willy", "licked her privates"), or under 13 sex
    # acted out with toys ("doing the sex thing to her dolls"): sexual acts, never a child's own touch or a kiss
    # chase. No cues: `_acts_out_sex` reads it.
    Context(
        SEX_ACT,
        (),
        ("sex acts", "oral sex", "intercourse", "simulating sex", "acting out", "mimics"),
        never_green_first=True,
        brings=True,
    ),
    # Round 10: something put into a bottom or genitals ("2yo with crayons up her bottom"). No cues: `_puts_inside`.
    Context(
        PUT_INSIDE,
        (),
        ("inserting objects", "insertion", "puts objects into", "objects"),
        never_green_first=True,
        brings=True,
    ),
    # Round 10: a partner under 13 at 13 or over (`_partner_under_13`): the law says a child under 13 cannot agree.
    Context(
        PARTNER_UNDER_13,
        (),
        # Not "under 13": the item on young people of a similar age says "red if the partner is under 13".
        ("younger girlfriend", "younger boyfriend", "12-year-old"),
        never_green_first=True,
        brings=True,
        holds_back=("similar age",),
    ),
)

# The contexts read from more than cue words: ages typed name someone older; possessives a child's own body.
_OLDER = next(n for n, context in enumerate(CONTEXTS) if context.name == "older or an adult")
_OWN = next(n for n, context in enumerate(CONTEXTS) if context.name == OWN_BODY)
_SAME_AGE = next(n for n, context in enumerate(CONTEXTS) if context.name == "the same age")
# The contexts naming someone who may have done something to a child: beside them, telling is a disclosure.
_WHO_MAY_HAVE = frozenset(
    n
    for n, context in enumerate(CONTEXTS)
    if context.name in {"older or an adult", "an adult relative or carer", "someone known only online"}
)
_YOUNGER = next(n for n, context in enumerate(CONTEXTS) if context.name == "younger")
_FORCE = next(n for n, context in enumerate(CONTEXTS) if context.name == "force or pressure")
_ONLINE_ONLY = next(n for n, context in enumerate(CONTEXTS) if context.name == "someone known only online")
_SIBLING = next(n for n, context in enumerate(CONTEXTS) if context.name == "a brother, sister or cousin")
_TOLD_OF_SIBLING = next(n for n, context in enumerate(CONTEXTS) if context.name == SIBLING_TOLD)
_RELATIVE = next(n for n, context in enumerate(CONTEXTS) if context.name == "an adult relative or carer")
_QUESTION = next(n for n, context in enumerate(CONTEXTS) if context.name == QUESTION)
_SEX_ACT = next(n for n, context in enumerate(CONTEXTS) if context.name == SEX_ACT)
_PUT_INSIDE = next(n for n, context in enumerate(CONTEXTS) if context.name == PUT_INSIDE)
_UNDER_13 = next(n for n, context in enumerate(CONTEXTS) if context.name == PARTNER_UNDER_13)
_ANIMAL = next(n for n, context in enumerate(CONTEXTS) if context.name == "an animal")
_INJURY = next(n for n, context in enumerate(CONTEXTS) if context.name == "injury, infection or pregnancy")
_IN_PRIVATE = next(n for n, context in enumerate(CONTEXTS) if context.name == "in private")
_IMAGES = next(n for n, context in enumerate(CONTEXTS) if context.name == "sexual images")
_GROUP = next(n for n, context in enumerate(CONTEXTS) if context.name == "a group")
_TEEN_OLDER_UNDER = 12
# "A teenager", or "teenage" before someone not of the family ("teen dramas", "her teenage sister" are not).
_TEENAGERS = frozenset({"teenager", "teenagers"})
_TEEN_ACTS = (
    "kiss", "touch", "rub", "sex", "bed", "naked", "nud", "privat", "willy", "penis", "vagina", "undress", "lap",
    "tickl", "secret", "gift", "sweet", "money", "car", "alone", "showed", "shows", "pic", "photo", "video",
)  # fmt: skip
_TEENAGE_WHO = frozenset({"boy", "boys", "girl", "girls", "lad", "lads", "neighbour", "babysitter", "lodger", "friend"})


def _names_a_teenager(typed: list[str]) -> bool:
    """Whether the words name a teenager outside the family ("a teenage boy", "some teenagers")."""
    named = any(w in _TEENAGERS and (n == 0 or typed[n - 1] != "of") for n, w in enumerate(typed)) or any(
        word == "teenage" and n + 1 < len(typed) and typed[n + 1] in _TEENAGE_WHO for n, word in enumerate(typed)
    )
    # ... beside a word of what happened (a second review: "wants to be a teenager", "a crush on a teenage boy in a
    # band", "why the teenage boy next door has a beard").
    return named and any(w.startswith(_TEEN_ACTS) for w in typed)


# Round 10: the beginnings of the words that say what happened (an act, a body, an image, harm, an adult): matched by
# an amber or red behaviour outside a green whole-phrase entry's phrase, they keep it from leading ("he fancies a boy
# and keeps grabbing his crotch"); "in the common room, all of them laughing" says nothing of the kind.
_WHAT_HAPPENED = (
    "touch", "rub", "grab", "grop", "strok", "fondl", "kiss", "lick", "suck", "hump", "grind", "film", "record",
    "video", "photo", "pic", "pictur", "imag", "nud", "naked", "undress", "strip", "spread", "shar", "post", "sent",
    "send", "screenshot", "follow", "crotch", "willi", "willy", "penis", "dick", "vagina", "fanni", "privat", "genit",
    "boob", "breast", "bum", "bottom", "knicker", "pant", "bed", "toilet", "chang", "shower", "bath", "porn", "forc",
    "made", "hurt", "cri", "scare", "secret", "money", "gift", "paid", "pay", "drunk", "older", "adult", "man",
    "men", "aim", "target", "threat", "blackmail", "expos", "flash", "show", "sex", "oral", "rape", "assault",
    "lap", "knee", "tickl", "car",
)  # fmt: skip
# Round 10: beside these a green whole-phrase item never leads (a review: "he fancies a boy in year 3 and keeps
# following him into the toilets", "facetimes his friends naked and they record it").
_NO_GREEN_PHRASE = frozenset({_YOUNGER, _IMAGES, _GROUP, _SEX_ACT})
# ... nor beside an adult the contexts do not name (a second review: "in love with him, the lunchtime supervisor").
_OTHER_ADULTS = frozenset(
    {"supervisor", "leader", "scout", "coach", "tutor", "teacher", "instructor", "manager", "driver", "neighbour"}
    | {"visitor", "visitors", "priest", "vicar", "imam", "volunteer", "helper", "lodger", "landlord"}
)
_MONEY = next(n for n, context in enumerate(CONTEXTS) if context.name == "money or gifts")
_AGAIN = next(n for n, context in enumerate(CONTEXTS) if context.name == "again and again")
_STAYS_IN_A_QUESTION = frozenset({_AGAIN})
# Words of telling (stop words): what a child said is no disclosure by itself ("says she has a boyfriend
# in year 2"), but beside someone named who may have done something it is ("he said a man showed him
# his willy"), and the query then means a disclosure too (`_DISCLOSURE`, the synonym group's word).
_TELLING = frozenset({"says", "said", "say", "saying", "told", "tells"})
_DISCLOSURE = (stem("disclosure"),)
# After "same", the words that make it the same-age context's ("same age", "same year").
_SAME_WHAT = frozenset({"age", "year", "class", "school"})
# Years between two ages (the child's and one typed, or two typed) that make one person older or
# younger than the other (`_contexts_of`, `_names_someone_older`).
AGE_GAP = 4
# Ages this many years apart or fewer are of a similar age (round 9: a partner's age typed).
SIMILAR_AGE = 1

# Body words after "his", "her", "their" or "own" that name the child's own genitals.
_OWN_BODY_WORDS = frozenset(
    {
        "privates",
        "private",
        "genitals",
        "genital",
        "willy",
        "willie",
        "willies",
        "penis",
        "vagina",
        "vulva",
        "bits",
        "winkle",
        "foof",
        "fanny",
        "dick",
        "crotch",
        "groin",
    }
)
# Who does it, when the possessive is of the other sex: "she touched his willy" is his body, not hers.
_OTHER_SEX = {
    "his": frozenset({"she", "her", "girl", "girls", "woman"}),
    "her": frozenset({"he", "him", "his", "boy", "boys", "man"}),
}


# Things put inside a body ("put a crayon up his bottom"): red at every age, never self-touch (round 6).
_OBJECT_WORDS = frozenset(
    {"object", "objects", "insert", "inserts", "inserted", "inserting", "pencil", "pencils", "crayon", "crayons"}
    | {"pen", "pens", "toy", "toys", "stick", "sticks", "something", "things"}
    # Round 10 (a third review): "lego up her bottom", "a marble in her private parts".
    | {"lego", "marble", "marbles", "bead", "beads", "rubber", "rubbers"}
    # Round 11: household things ("a toothbrush in her private parts" had led with green self-touch).
    | {"toothbrush", "toothbrushes", "hairbrush", "paintbrush", "spoon", "spoons", "fork", "forks", "straw"}
    | {"straws", "stone", "stones", "pebble", "pebbles", "coin", "coins", "ruler", "rulers", "battery", "batteries"}
)
# Words that make it two children's touch, not one child's own ("masturbating each other", "mutual").
_SHARED = frozenset(
    {("each", "other"), ("mutual", "masturbation"), ("mutual", "touching")}
    | {("on", "other"), ("on", "another"), ("against", "other"), ("against", "another")}
)


# A past act with no one named ("touched her privates", "grabbed his willy"): as often what someone did to
# the child as what the child did, so not read as the child's own touch (round 6).
_DONE_TO = frozenset({"touched", "grabbed", "groped", "rubbed", "stroked", "felt", "fondled"})


# Someone else named, who may have done it ("someone touched his willy", "her cousin touched her
# privates", "grandad touched her privates"): the possessive is then the child's, the hand another's.
_SOMEONE_ELSE = frozenset(
    {"someone", "somebody", "they", "friend", "friends", "mate", "mates", "cousin", "cousins", "brother"}
    | {"sister", "stepbrother", "stepsister", "uncle", "aunt", "auntie", "grandad", "grandpa", "granddad"}
    | {"grandma", "nan", "nana", "gran", "grandmother", "grandfather", "dad", "daddy", "mum", "mummy"}
    | {"stepdad", "stepmum", "babysitter", "lodger", "man", "woman", "adult", "teacher", "boy", "girl"}
    | {"boys", "kid", "kids", "lad", "lads", "neighbour", "carer", "older"}
)


# Words that make one child act on another's say ("made him touch his privates": the cousin's, not his own).
_GETS_ANOTHER_TO = frozenset(
    {"made", "make", "makes", "making", "forced", "forces", "forcing", "asked", "asks", "asking", "told", "tells"}
    | {"got", "gets", "dared", "dares", "wanted", "wants", "let", "lets", "pressured", "persuaded", "tricked"}
)


def _names_whose_body(typed: Sequence[str]) -> bool:
    """Whether the words name the child's own body by more than a word for masturbation: "himself",
    "herself" after a word of touching ("playing with himself", `_touches_self`) or a possessive before a
    body word (`_says_own_body`)."""
    return _touches_self(typed) or _says_own_body(typed)


# Round 8: the beginnings of the words that make "himself", "herself" a child's own body ("touching
# herself", "playing with himself", "rubs himself on the sofa", "fingers inside herself"); any other word
# before it says something else ("forced himself on a younger lad", "compares herself to filters",
# "hates himself"), and so does "by" ("plays by himself": alone).
_SELF_VERBS = (
    "touch", "rub", "play", "fiddl", "strok", "pleasur", "explor", "stimul", "masturb", "wank", "hump",
    "grind", "squeez", "tickl", "scratch", "pok", "feel", "felt", "fing", "expos", "show", "flash", "undress",
    "strip", "frot", "hand", "look", "admir", "check",
)  # fmt: skip
# How far before "himself" the word saying what was done may be ("touching all over himself").
_SELF_VERB_REACH = 3


def _touches_self(typed: Sequence[str]) -> bool:
    """Whether "himself", "herself" or "themselves" follows a word of touching, rubbing, playing or
    showing (`_SELF_VERBS`) within `_SELF_VERB_REACH` words, and not just after "by"."""
    for number, word in enumerate(typed):
        if word not in _REFLEXIVE or (number and typed[number - 1] == "by"):
            continue
        if any(w.startswith(_SELF_VERBS) for w in typed[max(0, number - _SELF_VERB_REACH) : number]):
            return True
    return False


# After "on other" or "against another": a person ("other children"), not a thing ("other toys").
_OTHER_PEOPLE = frozenset(
    {
        "children", "child", "kids", "kid", "boys", "boy", "girls", "girl", "pupils", "pupil", "people",
        "person", "toddlers", "toddler", "babies", "baby", "students", "friends", "friend", "lads", "lad",
        "childrens",
    }
)  # fmt: skip


def _touches_others(typed: Sequence[str]) -> bool:
    """Whether the words say a child touched or rubbed their body on or against other children ("rubbing
    himself on other kids", "touching each other"), not only their own."""
    shared = any(
        pair in _SHARED and (pair == ("each", "other") or (n + 2 < len(typed) and typed[n + 2] in _OTHER_PEOPLE))
        for n, pair in enumerate(itertools.pairwise(typed))
    )
    return shared and _names_whose_body(typed)


# Round 8: people other than the child who may be the ones acting ("someone asked when she started her
# periods", "boys making jokes about periods"): beside them a word-list phrase lifts no green item.
_SOMEONE_ACTS = frozenset(
    {
        "someone", "somebody", "man", "men", "boys", "lads", "adult", "adults", "stranger", "strangers", "guy",
        "guys", "woman", "women", "person", "people", "account",
    }
)  # fmt: skip
# Round 8: the beginnings of words for touching or rubbing a body, and the words that may stand between
# one and the person touched ("humps the other children", "touching another child", "rubbing on his friend").
_BODY_ACTS = ("touch", "rub", "hump", "grind", "lick", "grop", "strok", "fondl", "feel", "felt")
# Round 12: grabbing, pinching, poking, smacking and slapping are touching too, when another's body is named ("grabbing other kids
# privates"): the items matching them are the acts on others.
_GRABS_OR_TOUCHES = (*_BODY_ACTS, "grab", "pinch", "pok", "smack", "slap")
_BEFORE_A_PERSON = frozenset({"the", "a", "an", "his", "her", "their", "other", "another", "on", "against", "up"})


def _past(typed: Sequence[str], number: int, fillers: frozenset[str], reach: int = 3) -> int:
    """The position of the first word after ``number`` that is not one of ``fillers``, passing over at most ``reach``
    of them ("humps the other children": past "the" and "other", the position of "children")."""
    after = number + 1
    while after < len(typed) and after <= number + reach and typed[after] in fillers:
        after += 1
    return after


def _acts_on_others(typed: Sequence[str]) -> bool:
    """Whether a word of touching or rubbing (`_BODY_ACTS`) is followed by another person ("humps the other
    children", "touches other kids", "rubbing against a boy"), with only `_BEFORE_A_PERSON` between: the
    child's own body is not all that is meant."""
    for number, word in enumerate(typed):
        if not word.startswith(_BODY_ACTS):
            continue
        after = _past(typed, number, _BEFORE_A_PERSON)
        if after < len(typed) and after > number + 1 and typed[after] in _OTHER_PEOPLE:
            return True
    return False


# Round 10: the animal words (the "an animal" context's cues, and "rabbit") and how near a word of an act on a body
# must come before one.
_ANIMAL_WORDS = frozenset(CONTEXTS[_ANIMAL].cues) | {"rabbit"}
_ANIMAL_REACH = 5


# Round 10: after an object word, "up", "in", "inside" or "into" and then, within two words, a bottom or genitals.
_INTO = frozenset({"up", "in", "inside", "into"})
_OPENINGS = frozenset(
    {"bottom", "bum", "vagina", "fanny", "privates", "genitals", "foof", "minnie", "front", "private", "parts"}
)
_INSIDE_REACH = 4
_PUTTING_THINGS = frozenset({"put", "puts", "putting", "pushing", "pushes", "pushed", "inserting", "inserts", "stuck"})
# Before the bottom or genitals, whose they are ("up her bottom"); "the bottom field" is a place (a third review).
_WHOSE_OPENING = frozenset({"his", "her", "their", "own", "s", "my", "front", "private"})
# After "bottom", the words that make it a place ("crayons in the bottom drawer", a second review).
_NOT_A_BODY = frozenset(
    {"drawer", "drawers", "pocket", "pockets", "shelf", "shelves", "of", "step", "stairs", "bunk", "row", "cupboard"}
    | {"tray", "half", "set", "floor", "layer", "bit", "corner", "box", "bag", "bin", "cage"}
    # A safety review: "collected stones in her front garden".
    | {"garden", "gardens", "yard", "wheel", "door", "tooth", "teeth", "lip", "room", "seat", "step", "porch", "path"}
)


def _puts_inside(typed: Sequence[str]) -> bool:
    """Whether the words say an object was put into a bottom or genitals ("crayons up her bottom", "a pencil in his
    bum"); not "sand up her bum" or "cream in her bottom", which name no object (`_OBJECT_WORDS`)."""
    for number, word in enumerate(typed):
        if word not in _OBJECT_WORDS:
            continue
        if word in {"something", "things"} and not (number and typed[number - 1] in _PUTTING_THINGS):
            continue  # Round 11: only "putting things in her vagina", not "sand ... something in her bottom"
        for at in range(number + 1, min(len(typed), number + 1 + _INSIDE_REACH)):
            if typed[at] not in _INTO:
                continue
            for place in range(at + 1, min(len(typed), at + 4)):
                if typed[place] in _ONESELF and place == at + 1:
                    return True  # Round 11 (a safety review): "inserting a paintbrush into herself"
                if (
                    typed[place] in _OPENINGS
                    and typed[place - 1] in _WHOSE_OPENING
                    and not (place + 1 < len(typed) and typed[place + 1] in _NOT_A_BODY)
                ):
                    return True
    return False


# Round 10: the words for the child written about, near the start ("14yo boy touches himself ...").
_THE_CHILD_WRITTEN = frozenset({"boy", "girl", "lad", "kid", "child"})


def _without_the_child(typed: list[str]) -> list[str]:
    """The words without a word for the child written about, when it is among the first four words and said once
    ("foster carer: 14yo boy touches himself in bed with his door shut"): it names no one else."""
    return [w for n, w in enumerate(typed) if not (w in _THE_CHILD_WRITTEN and n < 4 and typed.count(w) == 1)]


_DOOR_SHUT = frozenset({"shut", "closed", "locked"})
# A second review: beside a camera or a call, or "for hours", a shut door is no privacy.
_AUDIENCE_OR_HOW_LONG = frozenset(
    {
        "facetime", "cam", "camera", "webcam", "snap", "snapchat", "omegle", "yubo", "call", "live", "laptop", "phone",
        "roblox", "discord", "tiktok", "insta", "instagram", "video", "voice", "chat", "online", "hours", "day",
        "days", "non", "nonstop", "constantly", "always", "every", "keeps", "stop", "sore", "bleeding", "broken",
        "skin", "again",
    }
)  # fmt: skip


def _door_shut_in_private(typed: list[str]) -> list[str]:
    """A query's words with "with his door shut" (or closed, locked) read as "in private", after a child's own act
    with no one else named and nothing of force, an adult, money or secrecy ("14yo boy touches himself in bed with
    his door shut"); otherwise as typed ("tutor insists on the door closed", a review)."""
    if "door" not in typed or not _DOOR_SHUT.intersection(typed):
        return typed
    for number, word in enumerate(typed):
        if word != "door" or number + 1 >= len(typed) or typed[number + 1] not in _DOOR_SHUT:
            continue
        start = number
        while start > 0 and typed[start - 1] in {"his", "her", "their", "the"}:
            start -= 1
        if start > 0 and typed[start - 1] == "with":
            start -= 1
        rest = [*typed[:start], *typed[number + 2 :]]
        found = _contexts_of(rest)
        if (
            set(found) <= {_OWN, _IN_PRIVATE}
            and _OWN in found
            and not _AUDIENCE_OR_HOW_LONG.intersection(rest)
            and not _acts_on_an_animal(rest)
            and not _SOMEONE_ELSE.intersection(_without_the_child(rest))
            and not _NOT_ALONE.intersection(rest)
            and not any(CONTEXTS[n].never_green_first for n in found)
        ):
            return [*typed[:start], "in", "private", *typed[number + 2 :]]
        return typed
    return typed


_HAD_TO_ACTS = frozenset({"touch", "rub", "lie", "lay", "sit", "hold", "stroke"})
_PRIVATE_PARTS = frozenset(
    {"privates", "private", "willy", "willie", "penis", "dick", "vagina", "fanny", "thing", "boobs", "breasts"}
    | {"bum", "bottom", "genitals", "crotch", "front"}
)


_WRITERS_PARTNER = frozenset({"partner", "husband", "wife", "fiance", "boyfriend", "girlfriend"})
# Beside the writer's partner, the beginnings of words that make it a worry: an act, a body, fear or secrecy; not the
# care routines alone ("my partner bathes our 2yo", a fourth review).
_PARTNER_WORRY = (
    *(w for w in _WHAT_HAPPENED if w not in {"bath", "shower", "bed", "chang", "pant", "bottom"}),
    *("withdraw", "afraid", "frighten", "nightmare", "wet", "hides", "scream"),
)


_PARENT_WORDS = frozenset({"mum", "mummy", "mam", "mom", "dad", "daddy"})
_ADULT_PARTNER_WORDS = frozenset({"partner", "boyfriend", "girlfriend", "bf", "gf", "fella", "husband", "wife"})


def _parents_partner_with_the_child(typed: list[str]) -> bool:
    """Whether a parent named is followed within five words by "her partner" or "his girlfriend", and the child (an age
    typed, or "her son", "the 6yo") comes later beside a bed, a bath or a shower."""
    for n, w in enumerate(typed):
        if w not in _PARENT_WORDS:
            continue
        for m in range(n + 1, min(len(typed) - 1, n + 6)):
            if typed[m] in {"her", "his"} and typed[m + 1] in _ADULT_PARTNER_WORDS:
                rest = typed[m + 2 :]
                child = any(x.isdigit() for x in rest) or {"son", "daughter", "child", "kids"}.intersection(rest)
                if child and {"bed", "shower", "bath", "bedroom", "room", "naked"}.intersection(rest):
                    return True
    return False


def _writers_partner_in_it(typed: list[str]) -> bool:
    """Whether the writer's own partner is named beside a worry ("dad here, my partner touched my 6yo daughter's
    privates", a third review): an adult in the child's home, as "mum's boyfriend" is. Beside care alone ("my
    partner bathes our 2yo") it is a parent's care (a fourth review)."""
    return any(
        word == "my" and typed[n + 1 : n + 2] and typed[n + 1] in _WRITERS_PARTNER for n, word in enumerate(typed)
    ) and any(w.startswith(_PARTNER_WORRY) for w in typed)


def _had_to_touch(typed: list[str]) -> bool:
    """Whether the words say a child had to touch, rub or lie on someone ("had to touch his privates", "had to lie
    on him"): "had to" and an act, then "him" or "her" ending the clause, or a possessive and a private part. Not
    "had to touch his toes", "had to lie on her tummy for the doctor", "had to rub her sister's back" (a third
    review)."""
    for n, word in enumerate(typed):
        if word in {"had", "has", "have"} and typed[n + 1 : n + 2] == ["to"]:
            act = n + 2
        elif word in {"makes", "make", "making", "made"} and typed[n + 1 : n + 2] in (["her"], ["him"]):
            act = n + 2  # a fourth review: "makes her hold his thing in the shed"
        else:
            continue
        if act >= len(typed) or typed[act] not in _HAD_TO_ACTS:
            continue
        at = act + 1
        if at < len(typed) and typed[at] in {"on", "with"}:
            at += 1
        whom = typed[at] if at < len(typed) else ""
        after = typed[at + 1] if at + 1 < len(typed) else ""
        if whom in {"him", "her", "them"} and (not after or after in _CLAUSE_ENDS or after in {"s", "in", "at"}):
            return True
        if whom in {"his", "her", "their", "the", "a"} and after in _PRIVATE_PARTS:
            return True
    return False


def _pain_there(typed: Sequence[str]) -> bool:
    """Round 11: whether the words name the private parts and no word of touching them ("she says her privates hurt",
    "bruising round her genitals"): pain or injury there, not self-touch."""
    return bool(_OWN_BODY_WORDS.intersection(typed) or "genitals" in typed) and not any(
        w.startswith(_BODY_ACTS) or w.startswith(_SELF_PLEASURE) or w.startswith("play") for w in typed
    )


_HUMPING = frozenset({"humping", "humps", "humped", "hump", "grinding", "masturbating", "wanking"})
_ANIMAL_PARTS = frozenset(
    {"belly", "tummy", "ears", "ear", "neck", "back", "head", "fur", "coat", "paws", "paw", "nose", "tail", "mane"}
)


# Round 12: a child's ordinary parts rubbed on an animal ("rubs her cheek on the cat for cuddles"): affection.
_ORDINARY_PARTS = frozenset(
    {"cheek", "cheeks", "face", "head", "nose", "hand", "hands", "chin", "hair", "arm", "arms", "foot", "feet"}
)


def _sexual_act_on_an_animal(typed: Sequence[str]) -> bool:
    """Whether the words say a sexual act on an animal: near an animal word (`_ANIMAL_REACH` before, two after), a
    private part, humping, or rubbing with "himself" or "herself", "against" or "on the" animal; never rubbing an
    ordinary part of it ("the dog's belly") or "rubbing down" a pony (a third review)."""
    if not _acts_on_an_animal(typed):
        return False
    for n, w in enumerate(typed):
        if w not in _ANIMAL_WORDS:
            continue
        near = typed[max(0, n - _ANIMAL_REACH) : n + 3]
        if typed[n + 1 : n + 2] and typed[n + 1] in _ANIMAL_PARTS:
            continue
        if _OWN_BODY_WORDS.intersection(near) or _HUMPING.intersection(near):
            return True
        rubbing = [m for m, x in enumerate(near) if x in {"rubbing", "rubs", "rubbed", "rub"}]
        if any(
            near[m + 1 : m + 2] != ["down"]
            and not _ORDINARY_PARTS.intersection(near[m + 1 : m + 3])
            and (_ONESELF.intersection(near[m + 1 : m + 3]) or {"against", "on"}.intersection(near[m + 1 : m + 4]))
            for m in rubbing
        ):
            return True
    return False


# Round 11: how long, and what is disrupted, when a child's own touch is compulsive.
_HOW_LONG = (
    ("for", "hours"), ("all", "day"), ("all", "the", "time"), ("non", "stop"), ("nonstop",),
    ("constantly",), ("can't", "stop"), ("cant", "stop"), ("won't", "stop"), ("wont", "stop"), ("every", "minute"),
)  # fmt: skip
_DISRUPTED = frozenset(
    {"upset", "crying", "cries", "cried", "withdrawn", "sore", "raw", "bleeding", "school", "eating", "obsessed"}
    | {"distressed", "distracted", "anxious", "instead", "misses", "missing", "exhausted", "hurting", "red"}
)
_COMPULSIVE_UNDER = 9
_HOW_LONG_REACH = 9
# Round 11: of the red items on injury, those that speak of it at least this share as strongly as the one that speaks
# of it most come first for pain in the private parts (the item on injury, not the one on objects put inside).
INJURY_SHARE = 0.75


def _compulsive(typed: Sequence[str], child_age: int | None) -> bool:
    """Whether the words say a child's own touch goes on for hours or all day (`_HOW_LONG`), with distress or the
    day disrupted (`_DISRUPTED`), or under 9 at all."""
    acts = [n for n, w in enumerate(typed) if w.startswith(_BODY_ACTS) or w.startswith(_SELF_PLEASURE)]
    # A second review: the phrase says how long the act goes on only soon after it ("hed stay in there for hours").
    long = any(
        tuple(typed[n : n + len(phrase)]) == phrase and any(0 < n - a <= _HOW_LONG_REACH for a in acts)
        for phrase in _HOW_LONG
        for n in range(len(typed))
    )
    if not long:
        return False
    young = child_age is not None and child_age < _COMPULSIVE_UNDER
    return young or bool(_DISRUPTED.intersection(typed))


# Round 11: the words that make "older" only a little older, and those that name an adult whatever else is said.
_A_LITTLE = frozenset({"months", "month", "bit", "slightly", "little", "year", "few", "couple"})
_ADULT_NAMED = frozenset({"adult", "adults", "man", "men", "woman", "women", "grown", "uni", "university", "work"})


def _only_a_little_older(typed: list[str], child_age: int) -> bool:
    """Whether "older" says only a little older: "a few months older", "a year older", "a bit older", or every age
    typed besides the child's own within `SIMILAR_AGE` + 1 of it, and no adult named."""
    if "older" not in typed or _ADULT_NAMED.intersection(typed):
        return False
    if any(w == "older" and _A_LITTLE.intersection(typed[max(0, n - 3) : n]) for n, w in enumerate(typed)):
        return not any(w.isdigit() and int(w) >= child_age + AGE_GAP for w in typed)
    ages = _ages_without_own_year(typed, child_age)
    others = [a for a in ages if a != child_age]
    return bool(others) and all(abs(a - child_age) <= SIMILAR_AGE + 1 for a in others) and max(others) < 18


def _without_a_little_older(typed: list[str], child_age: int | None) -> list[str]:
    """The words without "older" (and "a few months", "a year" before it) when it says only a little older
    (`_only_a_little_older`): the word had matched the items on much older partners by itself."""
    if child_age is None or "older" not in typed or not _only_a_little_older(typed, child_age):
        return typed
    kept = list(typed)
    for n in range(len(typed) - 1, -1, -1):
        if typed[n] == "older":
            start = n
            while start > 0 and n - start < 3 and typed[start - 1] in _A_LITTLE | {"a", "one"}:
                start -= 1
            del kept[start : n + 1]
    return kept


def _without_older_as_a_time(typed: list[str], child_age: int | None) -> list[str]:
    """Round 12: the words without "older" where it is a time to come (`_older_is_a_time_to_come`: "asking about
    contraception for when she's older", "wants a boyfriend when she is older"); the word had named someone older and
    matched the items on older partners and grooming by itself."""
    if "older" not in typed:
        return typed
    return [w for n, w in enumerate(typed) if w != "older" or not _older_is_a_time_to_come(typed, n, child_age)]


_MEDICAL_CAUSES = frozenset(
    {"worms", "threadworms", "rash", "thrush", "eczema", "infection", "uti", "cream", "nappy-rash", "lichen"}
)
# Round 11: the routines of a young child's care after "every" ("every nappy change"), and the words that say how
# often or how much whatever the routine.
_CARE_AFTER_EVERY = frozenset({"nappy", "bath", "bathtime", "bedtime", "change", "changing", "wash", "potty", "toilet"})
_HOW_MUCH = frozenset(
    {"keeps", "keep", "constantly", "always", "repeatedly", "persistent", "persistently", "again", "lot", "hours"}
    | {"cant", "can't", "won't", "wont", "stop", "distracted", "sore", "red", "raw", "obsessed"}
)


_OTHERS_AT_A_ROUTINE = frozenset(
    {"other", "others", "another", "friend", "friends", "brother", "brothers", "sister", "sisters", "cousin"}
    | {"cousins", "boys", "girls", "kids", "children", "show", "shows", "asks", "asking", "someone", "man"}
)


def _only_at_each_routine(typed: Sequence[str]) -> bool:
    """Whether the only word of how often is "every" before a routine of care, and nothing says how much."""
    if _HOW_MUCH.intersection(typed) or "every" not in typed:
        return False
    if _RELATIVE_WORDS.intersection(typed) or _OTHERS_AT_A_ROUTINE.intersection(typed):
        return False  # a second review: "every bath time she tries to touch her brothers willy"
    return all(typed[n + 1 : n + 2] and typed[n + 1] in _CARE_AFTER_EVERY for n, w in enumerate(typed) if w == "every")


# Round 11: words of saying after "keeps" or "always", and the toilet and body words a young child repeats for fun.
_SAYING = frozenset(
    {"saying", "says", "say", "shouting", "shouts", "singing", "sings", "chanting", "talking", "giggling", "using"}
)
_TOILET_WORDS = frozenset(
    {"poo", "poos", "poop", "bum", "bums", "bottom", "bottoms", "willy", "willies", "winky", "winkle", "wee", "wees"}
    | {"pee", "fart", "farts", "farting", "boobs", "boobies", "penis", "vagina", "knickers", "pants"}
    | {"poopy", "poo-poo", "bogies", "snot", "toilet", "words", "rude", "silly", "naughty", "head", "face", "stinky"}
)
_AGAIN_WORDS = frozenset({"keeps", "keep", "kept", "always", "constantly", "repeatedly", "again"})


def _only_says_body_words_again(typed: Sequence[str]) -> bool:
    """Whether what is done again and again is only saying toilet or body words: a word of saying right after "keeps"
    (or "always"), a toilet word after it, and no word of an act, a person or sex anywhere."""
    says_again = any(
        w in _AGAIN_WORDS and typed[n + 1 : n + 2] and typed[n + 1] in _SAYING for n, w in enumerate(typed)
    )
    if not says_again or not _TOILET_WORDS.intersection(typed):
        return False
    return not any(
        w.startswith(_BODY_ACTS)
        or w.startswith(("sex", "show", "pull", "kiss", "lick", "suck", "hurt", "secret", "itch", "sore", "pain"))
        or w.startswith(("bleed", "blood", "game", "special", "look"))
        or w in _RELATIVE_WORDS
        or w in _SOMEONE_ELSE
        for w in typed
    )


# Round 11: someone named who asks, wants or tells the child to do it ("dad asked her to", "mum wants him to", "dad
# asks her to do it", "dad wants to watch", "asking him to show him"); not a question ("asked is it normal", "wants to
# know"), nor stopping or privacy ("asked her to stop", "told him to do it in his room"). With `_RELATIVE_WORDS`.
_DIRECTORS = frozenset(
    {"man", "men", "woman", "adult", "adults", "uncle", "neighbour", "lodger", "babysitter", "boyfriend", "partner"}
    | {"friend", "someone", "somebody", "teacher", "coach", "carer"}
)
_DIRECTS = frozenset(
    {"asked", "asks", "asking", "ask", "wants", "wanted", "want", "told", "tells", "telling", "makes", "made", "gets"}
    | {"got", "encourages", "encouraged", "likes", "liked", "lets", "let", "pays", "paid", "dares", "dared"}
)
_DIRECTED_TO = frozenset({"do", "doing", "keep", "watch", "watching", "see", "show", "touch", "rub", "film", "join"})
_NOT_DIRECTED = frozenset(
    {"stop", "stopping", "know", "private", "privately", "room", "bedroom", "own", "alone", "not", "wash", "wipe"}
    | {"pants", "knickers", "clothes", "dressed", "leave", "normal", "ok", "okay", "wait", "gp", "doctor", "nurse"}
    # A safety review: "told him to do it in the bathroom", "wants him to see the health visitor", "show him the page".
    | {"bathroom", "toilet", "upstairs", "health", "visitor", "book", "page", "homework", "teeth", "hands", "help"}
    | {"nappy", "baby", "bath", "picture", "drawing", "school", "class", "dentist", "optician", "where"}
    | {"how", "pulse", "temperature", "cream", "medicine"}
)
_WHO_DIRECTED = frozenset({"her", "him", "them", "me", "us"})


# A safety review: someone other than a parent watching the child touch themselves ("mum lets her boyfriend watch
# while she touches herself"); a parent watching may be supervising a bath and is read by the words of asking above.
_WATCHERS = frozenset(
    {"boyfriend", "partner", "man", "men", "uncle", "lodger", "neighbour", "stepdad", "someone", "somebody", "older"}
    | {"friend", "friends", "mates", "adult", "adults", "stranger", "strangers", "babysitter", "cousin", "brother"}
)
_WATCHING = frozenset({"watch", "watches", "watching", "watched", "film", "films", "filming", "filmed"})


_WHILE = frozenset({"while", "whilst", "as", "when"})
_CARERS_WHO_LOOK = frozenset({"mum", "mummy", "mam", "dad", "daddy", "nurse", "doctor", "gp", "carer", "parent"})
_SYMPTOMS = ("itch", "sore", "hurt", "rash", "red", "pain", "bleed", "swoll", "sting", "spot", "lump", "worm")
_ONESELF = frozenset({"herself", "himself", "themselves", "themself"})


def _watched_touching(typed: Sequence[str], watch: int) -> bool:
    """Whether the watch word at ``watch`` is joined by "while", "as" or "when" to a child touching themselves or
    their private parts within five words either side ("watch while she touches herself", "touches herself while he
    watches"); "cousin watched her while mum was at work, she touched herself at nap time" is not (a second review)."""
    for start, stop in ((watch + 1, watch + 7), (max(0, watch - 7), watch)):
        span = list(typed[start:stop])
        if not _WHILE.intersection(span):
            continue
        for m, w in enumerate(span):
            if w.startswith(_BODY_ACTS) and (
                _ONESELF.intersection(span[m + 1 : m + 3]) or _OWN_BODY_WORDS.intersection(span[m + 1 : m + 4])
            ):
                return True
    return False


def _another_directs(typed: Sequence[str]) -> bool:
    """Whether someone named after the child's act asks, wants or tells the child to do it or to show them, or wants
    to watch (`_DIRECTORS`, `_DIRECTS`): "rubbing his willy in the bath, dad wants him to", "touching herself in bed,
    dad asks her to do it", "touching his privates in the bath, dad wants to watch". Only beside a word of touching
    or private parts, never with a word of stopping, privacy or a question after (`_NOT_DIRECTED`)."""
    if not (
        _OWN_BODY_WORDS.intersection(typed)
        or _ONESELF.intersection(typed)
        or any(w.startswith(_SELF_PLEASURE) for w in typed)
    ):
        return False  # a second review: "asked him to touch his toes and mum wanted to watch"
    if any(
        w in _WATCHING and _WATCHERS.intersection(typed[max(0, n - 2) : n]) and _watched_touching(typed, n)
        for n, w in enumerate(typed)
    ):
        return True
    for number, word in enumerate(typed[1:], start=1):
        if word not in _DIRECTS or not (typed[number - 1] in _DIRECTORS or typed[number - 1] in _RELATIVE_WORDS):
            continue
        after = number + 1
        if after < len(typed) and typed[after] in _WHO_DIRECTED:
            after += 1
        if typed[after : after + 1] != ["to"]:
            if typed[after - 1] in _WHO_DIRECTED and typed[after : after + 1] and typed[after] in {"show", "touch"}:
                return True  # "makes him show him"
            continue
        rest = typed[after + 1 : after + 8]
        if _NOT_DIRECTED.intersection(rest) or _CLAUSE_ENDS.intersection(rest[:1]):
            continue
        if (
            typed[number - 1] in _CARERS_WHO_LOOK
            and rest[:1]
            and rest[0] in {"see", "show", "look"}
            and any(w.startswith(_SYMPTOMS) for w in typed)
        ):
            continue  # a third review: "says her privates itch, mum asked her to show her" is care
        if not rest:
            return True
        if rest[0] in {"watch", "watching", "see", "show", "touch", "rub", "film"}:
            # A second review: "wants to watch her dance show", "asked him to touch his toes".
            follows = rest[1:4]
            if (
                not follows
                or (follows[0] in {"it", "him", "her", "them"} and len(follows) == 1)
                or _ONESELF.intersection(follows)
                or _OWN_BODY_WORDS.intersection(follows)
                or (follows[:1] in (["her"], ["him"]) and follows[1:2] in (["do"], ["doing"], ["touch"], ["touching"]))
            ):
                return True
            continue
        if rest[0] in {"do", "doing"} and rest[1:2] and rest[1] not in {"it", "that", "this", "again", "more"}:
            continue  # a third review: "told her to do some colouring"
        if rest[0] in _DIRECTED_TO:
            return True
    return False


# Round 11: a child's own touch on a camera, a live stream or a call.
_LIVE = frozenset({"livestream", "livestreaming", "facetime", "facetiming", "videocall"})
# A third review: a camera only as one performed to ("on cam", "to the camera", "for the webcam"); never a nursery's
# or a baby monitor's ("nursery has a camera in the sleep room").
_CAMERAS = frozenset({"cam", "camera", "webcam", "cams", "cameras"})
_TO_A_CAMERA = frozenset({"on", "to", "for", "into", "in"})
_WATCHING_CAMERAS = frozenset({"monitor", "cctv", "nursery", "sleep", "security", "doorbell", "ring"})
# A safety review: "live" only as a stream ("on live", "going live", "a live"), and "call" only as a video call or a
# call with someone ("we live in a flat", "we call it her foo foo", "while I'm on a work call").
_BEFORE_LIVE = frozenset({"on", "a", "going", "goes", "went", "tiktok", "insta", "instagram", "youtube", "the"})
_ON_THE_PHONE_TO = frozenset({"someone", "somebody", "him", "her", "them", "people", "strangers", "man", "boy", "girl"})


def _seen_live(typed: Sequence[str]) -> bool:
    """Whether the words say a camera, a live stream or a call ("on cam", "on a live", "on video call", "while on the
    phone to someone", "on whatsapp video")."""
    if _LIVE.intersection(typed):
        return True
    for number, word in enumerate(typed):
        if (
            word in _CAMERAS
            and not _WATCHING_CAMERAS.intersection(typed)
            and any(w in _TO_A_CAMERA for w in typed[max(0, number - 3) : number])
        ):
            return True
        if word == "live" and number > 0 and typed[number - 1] in _BEFORE_LIVE:
            return True
        if word == "call" and (
            (number > 0 and typed[number - 1] in {"video", "facetime", "snap", "whatsapp"})
            or (typed[number - 1 : number] == ["a"] and typed[number + 1 : number + 2] in (["with"], ["to"]))
        ):
            return True
        if word == "video" and number > 0 and typed[number - 1] in {"whatsapp", "snapchat", "snap", "insta", "on"}:
            return True
        if (
            word == "phone"
            and typed[number + 1 : number + 2] == ["to"]
            and _ON_THE_PHONE_TO.intersection(typed[number + 2 : number + 4])
        ):
            return True
    return False


def _acts_on_an_animal(typed: Sequence[str]) -> bool:
    """Whether the words say an act on an animal ("touching the dog's privates", "rubbing herself on the dog"): a
    word of an act on a body at most `_ANIMAL_REACH` words before an animal word. "Touches his willy while watching
    tv with the dog on his lap" is the child's own body (a review)."""
    for number, word in enumerate(typed):
        if word in _ANIMAL_WORDS and any(
            w.startswith(_BODY_ACTS) for w in typed[max(0, number - _ANIMAL_REACH) : number]
        ):
            return True
    return False


# Round 10: words of a mouth on a body, and what makes a young child's play with toys sexual acts.
_MOUTH_ACTS = frozenset(
    {"kiss", "kissed", "kisses", "kissing", "lick", "licked", "licks", "licking", "suck", "sucked", "sucks"}
    | {"sucking"}
)
_PLAYTHINGS = frozenset({"doll", "dolls", "teddy", "teddies", "teddys", "toy", "toys", "barbie", "barbies"})
# Not "humps": a toddler humping a teddy at nap time is soothing themselves; not "sexy" ("says her barbie looks sexy").
_SEX_WORDS = frozenset({"sex", "shagging", "shag"})
# After "sex", the words that make it a thing or a lesson, not an act ("found a sex toy", "sex ed").
_SEX_AS_A_THING = frozenset({"toy", "toys", "ed", "education", "educ", "lesson", "lessons", "shop"})
# Up to this many words from a word of the mouth to the private part ("kissed his willy", "had to lick the
# man's privates").
_MOUTH_REACH = 4
_CLAUSE_ENDS = frozenset({"and", "but", "then", "while", "when"})


def _acts_out_sex(typed: Sequence[str], child_age: int | None) -> bool:
    """Whether the words say a mouth on another's private parts ("said she had to kiss his willy", "sucked
    his privates"), or, under 13, sex acted out with toys ("doing the sex thing to dolls", "makes the
    teddies have sex") or tried ("tried to have sex"). A question about it ("asked what a blowjob is") is
    `_asks_a_question`'s, which drops what was only asked about."""
    for number, word in enumerate(typed):
        mouth = word in _MOUTH_ACTS or (word in {"mouth", "mouths"} and typed[number + 1 : number + 2] == ["on"])
        if not mouth:
            continue
        reach = typed[number + 1 : number + 1 + _MOUTH_REACH]
        for at, w in enumerate(reach):
            if w in _CLAUSE_ENDS:
                break  # "kissing and showing privates" is two acts
            if w in _OWN_BODY_WORDS and not (w == "private" and reach[at - 1 : at] == ["in"]):
                return True
    if child_age is None or child_age >= SIMILAR_AGE_FROM:
        return False
    if _on_top_moving(typed):
        return True
    if not any(
        w in _SEX_WORDS and not (n + 1 < len(typed) and typed[n + 1] in _SEX_AS_A_THING) for n, w in enumerate(typed)
    ):
        return False
    if _PLAYTHINGS.intersection(typed):
        # The sex word near the toy, and not asked about just before (a second review: "still takes her teddy to bed
        # but asking questions about sex"; a third: "simulating sex with her barbies, mum asking is it normal").
        return any(
            w in _SEX_WORDS
            and _PLAYTHINGS.intersection(typed[max(0, n - _TOY_REACH) : n + _TOY_REACH + 1])
            and not _ASKING_OF_TOYS.intersection(typed[max(0, n - _TOY_REACH - 1) : n])
            for n, w in enumerate(typed)
        )
    # ... or children trying to have sex ("9 yo and his mate went in the bushes and tried to have sex").
    return any(
        word in _TRYING
        and typed[n + 1 : n + 2] == ["to"]
        and typed[n + 2 : n + 3] in (["have"], ["do"])
        and typed[n + 3 : n + 4] in (["sex"], ["it"])
        and not _ASKING_OF_TOYS.intersection(typed[:n])  # "asked why the people on tv tried to have sex"
        for n, word in enumerate(typed)
    )


_TRYING = frozenset({"tried", "try", "tries", "trying", "pretend", "pretended", "pretending", "pretends"})
# Round 11: one child on top of another, moving as in sex ("was lying on top of her and rocking", "on top of the
# younger boy humping"); not on a toy or a bed ("humps his teddy at nap time" soothes).
_MOVING_AS_IN_SEX = frozenset({"humping", "humped", "humps", "thrusting", "thrusted", "grinding", "grinds"})
# Rocking, bouncing or going up and down only beside a second sign (a safety review: "on top of nannys lap rocking to
# sleep", "bouncing on top of the gym ball").
_SOFTER_MOVING = frozenset({"rocking", "rocked", "rocks", "bouncing", "bounced", "moving", "moved"})
_SECOND_SIGN = frozenset(
    {"naked", "nude", "undressed", "clothes", "knickers", "pants", "underwear", "privates", "willy", "covers", "noises"}
    | {"moaning", "sex", "secret", "hidden", "hiding", "trousers", "nappy"}
)
# Someone underneath: a child or a person named.
_UNDERNEATH = frozenset(
    {"her", "him", "them", "child", "kid", "kids", "boy", "girl", "sister", "brother", "baby", "cousin", "friend"}
    | {"toddler", "another", "other", "younger", "little", "children", "classmate", "peer", "sibling", "stepsister"}
    | {"stepbrother", "girls", "boys", "nephew", "niece"}
)
# ... and never play, furniture, or an adult's lap, knees or shoulders.
_NOT_A_PERSON_UNDER = frozenset(
    {"teddy", "teddies", "doll", "dolls", "pillow", "pillows", "cushion", "cushions", "bed", "toy", "toys", "sofa"}
    | {"blanket", "duvet", "mattress", "bean", "beanbag", "horse", "bike", "slide", "climbing", "frame", "ball"}
    | {"lap", "knee", "knees", "shoulders", "shoulder", "back", "swing", "seesaw", "see", "saw", "bunk", "bunks"}
    | {"trampoline", "inflatable", "pit", "pile", "dad", "daddy", "mum", "mummy", "nan", "nanny", "grandad", "adult"}
    | {"wrestling", "fighting", "fight", "horsey", "piggyback", "pool", "water", "wall", "car", "tree", "roof"}
    # A second review: pony rides, leapfrog, rough and tumble.
    | {"pony", "ponies", "leapfrog", "rough", "tumble", "ride", "rides", "riding", "game", "games", "twins"}
)
_ON_TOP_REACH = 8


def _on_top_moving(typed: Sequence[str]) -> bool:
    """Whether the words say a child on top of someone, moving as in sex (`_MOVING_AS_IN_SEX`, within
    `_ON_TOP_REACH` words of "on top of"), with no toy or furniture under them (`_NOT_A_PERSON_UNDER`)."""
    for number, word in enumerate(typed):
        if word != "top" or typed[number - 1 : number] != ["on"] or typed[number + 1 : number + 2] != ["of"]:
            continue
        under = typed[number + 2 : number + 8]
        near = typed[max(0, number - _ON_TOP_REACH) : number + 4 + _ON_TOP_REACH]
        if _NOT_A_PERSON_UNDER.intersection(near):
            continue
        if not _UNDERNEATH.intersection(under) and not _SECOND_SIGN.intersection(typed):
            continue  # a name underneath ("on top of Ella") only beside a second sign
        up_and_down = (
            "up" in near and "down" in near and bool({"going", "goes", "moving", "moves", "went"}.intersection(near))
        )
        if _MOVING_AS_IN_SEX.intersection(near) or (up_and_down and _UNDERNEATH.intersection(under)):
            return True
        signs = _SECOND_SIGN.intersection(typed)
        if {"bath", "bathtime", "swim", "swimming", "pool"}.intersection(typed):
            signs = signs - {"naked", "nude", "undressed", "clothes", "pants", "underwear", "knickers"}
        if (up_and_down or _SOFTER_MOVING.intersection(near)) and signs:
            return True
    return False


_ASKING_OF_TOYS = frozenset({"asked", "asks", "asking", "ask", "question", "questions", "wondering", "why", "if"})
_TOY_REACH = 3


def _says_own_body(typed: Sequence[str]) -> bool:
    """Whether the words say a child touched their own body: "his", "her", "their" or "own" just
    before a word for the genitals ("touching his privates", "rubbing her vagina"), nobody of the
    other sex named as the one doing it ("he touched her private parts" is not her own touch), and no
    one made or asked to do it ("made him touch his private parts" is the other child's body)."""
    if _GETS_ANOTHER_TO.intersection(typed) or _SOMEONE_ELSE.intersection(typed):
        return False
    for number, word in enumerate(typed[:-1]):
        if (
            word in {"his", "her", "their", "own"}
            and typed[number + 1] in _OWN_BODY_WORDS
            and not (_OTHER_SEX.get(word, frozenset()) & set(typed))
            and not (number and typed[number - 1] in _DONE_TO)
        ):
            return True
    return False


# Each context's cues as stem-sets, worked out once.
_CUE_STEMS: tuple[tuple[frozenset[str], ...], ...] = ()


def _cue_stems() -> tuple[tuple[frozenset[str], ...], ...]:
    global _CUE_STEMS
    if not _CUE_STEMS:
        _CUE_STEMS = tuple(
            tuple(frozenset(stem(w) for w in word_list(normalise(cue))) for cue in context.cues) for context in CONTEXTS
        )
    return _CUE_STEMS


def _cue_sequences() -> tuple[tuple[tuple[str, ...], ...], ...]:
    """Each context's cues as stem sequences, in the order they are written (the letters left over
    from an apostrophe, "mum's" and "don't", left out); a cue written with a leading "=" begins with
    `ADJACENT` (its words must be next to each other, see `says`)."""
    global _CUE_SEQUENCES
    if not _CUE_SEQUENCES:
        _CUE_SEQUENCES = tuple(
            tuple(
                (ADJACENT,) * cue.startswith("=") + tuple(stem(w) for w in word_list(normalise(cue)) if len(w) > 1)
                for cue in context.cues
            )
            for context in CONTEXTS
        )
    return _CUE_SEQUENCES


# Marks a cue whose words must be next to each other: "online friend" is someone known only online,
# "online with friends" is not.
ADJACENT = "="


_CUE_SEQUENCES: tuple[tuple[tuple[str, ...], ...], ...] = ()


def says(typed: Sequence[str], cue: Sequence[str]) -> bool:
    """Whether the typed stems say the cue: one word anywhere; a phrase's words in its order, with at
    most one other word between each ("mum's new boyfriend" says "mum's boyfriend"; "friends or
    family" does not say "family friend"); a cue beginning with `ADJACENT`, its words next to each other."""
    gaps: tuple[int, ...] = (1, 2)
    if cue and cue[0] == ADJACENT:
        cue, gaps = cue[1:], (1,)
    if len(cue) == 1:
        return cue[0] in typed
    for start, word in enumerate(typed):
        if word != cue[0]:
            continue
        at = start
        for following in cue[1:]:
            step = next((j for j in (at + gap for gap in gaps) if j < len(typed) and typed[j] == following), None)
            if step is None:
                break
            at = step
        else:
            return True
    return False


_CUES_BY_FIRST_WORD: dict[str, tuple[tuple[int, tuple[str, ...]], ...]] = {}


def _cues_by_first_word() -> dict[str, tuple[tuple[int, tuple[str, ...]], ...]]:
    """Every cue (its context's number and its stems) by its first word's stem, so that reading a
    query's contexts looks up its own words instead of trying every cue."""
    if not _CUES_BY_FIRST_WORD:
        grouped: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        for number, cues in enumerate(_cue_sequences()):
            for cue in cues:
                words_only = cue[1:] if cue and cue[0] == ADJACENT else cue
                if words_only:
                    grouped.setdefault(words_only[0], []).append((number, cue))
        _CUES_BY_FIRST_WORD.update({first: tuple(found) for first, found in grouped.items()})
    return _CUES_BY_FIRST_WORD


def contexts_in(query: str) -> list[int]:
    """The numbers (in `CONTEXTS`) of the contexts a query's words name; stop words count ("in class")."""
    return _contexts_of(_what_was_said(_without_onlooker(typed_words(query))))


def _contexts_of(typed: list[str], child_age: int | None = None) -> list[int]:
    """`contexts_in` of a query's words (`typed_words`); with the child's age, an age typed
    (`_stated_ages`) `AGE_GAP` years or more above it names someone older, and one as far below it
    someone younger ("touched a 5 year old" at 11, "her boyfriend is 17" at 12)."""
    stems = [stem(british(w)) for w in _body_words_apart(typed) if len(w) > 1 or w.isdigit()]
    by_first = _cues_by_first_word()
    named = {number for first in dict.fromkeys(stems) for number, cue in by_first.get(first, ()) if says(stems, cue)}
    found = sorted(named)
    if _OLDER in found and _only_staff_on_the_receiving_end(typed):
        found.remove(_OLDER)
    if _OLDER in found and "older" in typed and not any(word.startswith(_INTIMATE) for word in typed):
        # "Her older brother": a sibling, not an adult. Any other word naming an adult (or an age of 18 or
        # over, read below), or bodies, beds or touching ("older brother sleeps in her bed and touches her"),
        # keeps the context.
        kept = [w for n, w in enumerate(typed) if w != "older" or not _older_is_no_adult(typed, n)]
        if len(kept) < len(typed) and _OLDER not in _contexts_of(kept):
            found.remove(_OLDER)
    if (
        _OLDER in found
        and _names_a_couple(typed)
        and not any(CONTEXTS[n].never_green_first for n in found if n != _OLDER)
    ):
        found.remove(_OLDER)
    if (
        _OLDER in found
        and child_age is not None
        and child_age >= _SIXTH_FORM_AGE
        and "sixth" in typed
        and not any(year <= 11 for year in _school_years(typed))
        and _OLDER not in _contexts_of([w for w in typed if w not in _SIXTH_FORM], child_age)
    ):
        # Round 8: a sixth former (16 to 18) is no older than a young person of 16 or over ("sixth former
        # asking about the pill" at 17), unless other words name someone older or a younger year.
        found.remove(_OLDER)
    if _FORCE not in found and _asks_for_sex(typed):
        found.append(_FORCE)
    if _OLDER not in found and _asks_the_writer(typed):
        found.append(_OLDER)
    if _RELATIVE not in found and _parents_partner_with_the_child(typed):
        # A second review: "mum walked in on her partner in the shower with her 6yo": an adult in the child's home.
        found.append(_RELATIVE)
    if _RELATIVE not in found and _writers_partner_in_it(typed):
        found.append(_RELATIVE)
    if _FORCE not in found and (_corners(typed) or _unwilling(typed) or _had_to_touch(typed)):
        # Cornering is read from the words typed (`_corners`): the stem "corner" is also a place ("in the home
        # corner" names no force).
        found.append(_FORCE)
    if _MONEY not in found and "cans" in typed:
        # Cans of drink as payment ("swaps kisses for cans"): read from the word typed, because its stem
        # is "can" ("she can swim" names no money).
        found.append(_MONEY)
    if _RELATIVE in found and _only_relatives_in_company(typed, found, child_age):
        found.remove(_RELATIVE)
    # Two ages far apart ("15 year old, 22 year old boyfriend"), an adult with someone under 16, or one
    # age of 18 or over, name someone older; two close ages either side of 18 ("17 and 18") do not.
    # Round 9: the child's own school year is no one's age ("my 11 yr old son ... in yr 6" had named "someone
    # older"); any other school year stays a number, as before.
    ages = _ages_typed(typed) if child_age is None else _ages_without_own_year(typed, child_age)
    if _OLDER not in found and ages and _names_someone_older(ages):
        found.append(_OLDER)
    if _OWN not in found and _names_whose_body(typed):
        found.append(_OWN)
    if _OWN in found and (
        _OBJECT_WORDS.intersection(typed)
        or _SHARED.intersection(itertools.pairwise(typed))
        or _acts_on_an_animal(typed)
    ):
        # Something put inside ("a pencil in her vagina"), touching each other, or an animal (round 10: "touching
        # the dog's privates and rubbing himself on it"): not self-touch.
        found.remove(_OWN)
    if _ANIMAL in found and _only_toy_animals(typed):
        # Round 12: a teddy dog, a toy horse or a rocking horse is a toy, not an animal (a review: "3yo humps his teddy
        # dog at bedtime" had led with the red item on acting out sex).
        found.remove(_ANIMAL)
    if _OWN not in found and _humps_a_thing(typed):
        # Round 12: humping a cushion, a pillow or a teddy is a child's own touch ("4 yo humps the cushion all day and
        # gets upset when we stop her" had found nothing on it, and led with green).
        found.append(_OWN)
    if _OWN in found and (_anothers_body(typed, child_age) or _oneself_on_others(typed)):
        # Round 12: another's body is named ("son 6 touching her privates", "touched the babys willy"): not self-touch.
        found.remove(_OWN)
    if _puts_inside(typed):
        found.append(_PUT_INSIDE)
    if _OLDER in found and child_age is not None and _only_a_little_older(typed, child_age):
        # A third review: "going out with a girl a few months older", "an older boyfriend, he's 14" at 13.
        found.remove(_OLDER)
    if _AGAIN in found and _MEDICAL_CAUSES.intersection(typed):
        # A third review: a named medical cause ("has worms, keeps scratching her private bits at night") says why.
        found.remove(_AGAIN)
    if _AGAIN in found and _only_at_each_routine(typed):
        # Round 11: "every nappy change", "every bath time" says when, not how often or how much ("baby 10 months grabs
        # at his willy every nappy change" had led with compulsive self-touching).
        found.remove(_AGAIN)
    if _AGAIN in found and _only_says_body_words_again(typed):
        # Round 11: saying toilet and body words again and again ("keeps saying poo bum and winky at the table") is a
        # young child's toilet talk, not a persistent act.
        found.remove(_AGAIN)
    if _another_directs(typed):
        # Round 11: someone else asks, wants or tells the child to do it, or wants to watch ("touching her privates in
        # bed, dad asked her to"): pressure, by whoever is named.
        if _FORCE not in found:
            found.append(_FORCE)
        if _RELATIVE not in found and _RELATIVE_WORDS.intersection(typed):
            found.append(_RELATIVE)
        if _OWN in found:
            found.remove(_OWN)
    if _OWN in found and _INJURY in found and _pain_there(typed):
        # Round 11: pain in the child's own private parts with no word of touching ("she says her privates hurt") is
        # an injury, not self-touch.
        found.remove(_OWN)
    if _OWN in found and _IMAGES not in found and _seen_live(typed):
        # Round 11: touching themselves on a camera or a call ("on cam", "on a live", "on the phone to someone"):
        # images of a child, live, and someone watching.
        found.append(_IMAGES)
    if _acts_out_sex(typed, child_age):
        found.append(_SEX_ACT)
        if _OWN in found:
            # "kissed his willy" is another's body, whatever the possessive says.
            found.remove(_OWN)
    if child_age is not None:
        stated = _stated_ages(typed)
        # A school year ("a year 3 girl", "a lad in year 11") gives an age too: its youngest (year 3 is 7
        # and 8 year olds) when asking who is younger, its oldest when asking who is older.
        years = _school_years(typed)
        # Round 8: beside a developmental age typed ("developmental age 9, 17 year old boyfriend" at 15), an age
        # typed that many years above it names someone older; the child's own age typed does not.
        developmental = [int(w) for n, w in enumerate(typed) if w.isdigit() and _is_developmental(typed, n)]
        above_development = bool(developmental) and any(
            age != child_age and age >= min(developmental) + AGE_GAP for age in stated
        )
        if _OLDER not in found and (
            above_development or any(other >= child_age + AGE_GAP for other in [*stated, *(y + 5 for y in years)])
        ):
            found.append(_OLDER)
        if _OLDER not in found and child_age < _TEEN_OLDER_UNDER and _names_a_teenager(typed):
            # Round 10: a teenager beside a child under 12 is someone older ("seen kissing a teenage boy on the lips,
            # he is 7", a review).
            found.append(_OLDER)
        if _YOUNGER not in found and any(other <= child_age - AGE_GAP for other in [*stated, *(y + 4 for y in years)]):
            found.append(_YOUNGER)
        if _partner_under_13(typed, child_age):
            # Round 10: a partner under 13 at 13 or over, beside words of sexual contact ("gf is 12 and he's 14,
            # they've been going further"), however close in age.
            found.append(_UNDER_13)
        if (
            _SAME_AGE not in found
            and _OLDER not in found
            and _YOUNGER not in found
            and not _RELATIVE_WORDS.intersection(typed)
            and _partners_age_is_near(typed, child_age)
        ):
            # Round 9: a partner whose age typed is the child's or a year apart ("16yo and her gf 16", "sexting
            # his 17 yr old girlfriend" at 17) is of a similar age, as "same age" says.
            found.append(_SAME_AGE)
    # A young child who knows the words to ask about is itself a sign: the question reading is for 9 and over,
    # and under 9 only for what young children ask about (round 9: "asked mum what sex is" at 7).
    asked = _asks_a_question(typed, child_age) if child_age is not None else None
    if (
        asked is not None
        and child_age is not None
        and child_age < 9
        and (
            _RELATIVE_WORDS.intersection(typed)
            or not _asks_of_the_ordinary(typed, asked)
            or (
                typed[asked + 1 : asked + 2] in (["her"], ["him"], ["his"])
                and typed[asked + 2 : asked + 3] in (["what"], ["whats"])
            )
        )
    ):
        asked = None
    if asked is not None:
        # Asking what a word means ("asked what rape means"): what is asked about was not done, so the
        # contexts only the question's words name are dropped; how often ("keeps asking") stays.
        what = next(n for n in range(asked + 1, len(typed)) if typed[n] in {"what", "whats"})
        # Who asked, and whom: a relative asked stays ("asked her uncle what ..."), staff asked do not
        # ("asked the teaching assistant what a period is").
        before = set(_contexts_of([w for w in typed[:what] if w not in _STAFF and w not in _ASKED_WHO]))
        found = [
            n
            for n in found
            if n in before or n in _STAYS_IN_A_QUESTION or not (CONTEXTS[n].raises or CONTEXTS[n].never_green_first)
        ]
        found.append(_QUESTION)
    if _SIBLING in found and _TELLING.intersection(typed) and any(word.startswith(_SIBLING_TOLD) for word in typed):
        found.append(_TOLD_OF_SIBLING)
    if _asks_where_babies_come_from(typed):
        found = [n for n in found if n not in (_YOUNGER, _FORCE)]
    if (
        _ONLINE_ONLY in found
        and _SAME_AGE in found
        and _PARTNER_WORDS.intersection(typed)
        and {"year", "class", "school", "form"}.intersection(typed)
        and not (
            _TELLING_WORDS | _SAID_TO | {"claims", "claimed", "reckons", "another", "different", "other"}
        ).intersection(typed)
        and _ONLINE_ONLY not in _contexts_of([w for w in typed if w not in _PARTNER_WORDS])
    ):
        # Round 9: a partner met through an app who is in the child's year ("met his gf on snapchat, they are in
        # the same year") is a known peer, not someone known only online.
        found.remove(_ONLINE_ONLY)
    if _SAME_AGE in found and _UNDER_13 in found:
        found.remove(_SAME_AGE)
    if _SAME_AGE in found and _FORCE in found:
        # Round 10: force says more than age ("a boy in his form forced him to ...", a second review).
        found.remove(_SAME_AGE)
    if _SAME_AGE in found and _OLDER in found:
        # "her 19 year old boyfriend", "a man in his class": someone older is named, whatever else is.
        found.remove(_SAME_AGE)
    return found


# The adults a child meets in their work; and the words that put one on the receiving end of what the
# child does ("swearing at teachers", "a crush on her teacher", "rude about staff").
_STAFF = frozenset({"teacher", "teachers", "staff", "tutor", "coach", "instructor", "ta", "dinner", "lady"})
_TOWARDS = frozenset({"at", "on", "about", "towards", "toward"})
_ADULT_WORDS = frozenset({"adult", "adults", "man", "men", "woman", "women", "older", "grown", "stranger", "strangers"})


# Not cousins: a cousin is often an adult.
_SIBLINGS = frozenset({"brother", "brothers", "sister", "sisters", "sibling", "siblings"})
# Words of bodies, beds and touching: beside them an older sibling is read as any older person is.
_INTIMATE = (
    "touch", "rub", "bed", "bath", "shower", "naked", "nud", "sex", "kiss", "sleep", "room", "privat", "willy",
    "penis", "vagina", "genital", "boob", "breast", "bum", "cloth", "undress", "pant", "knicker", "porn",
    "pictur", "photo", "video", "film", "hurt", "suck", "lick", "toilet", "watch", "show", "thing", "hold",
    "look", "secret", "game",
)  # fmt: skip
# Round 8: beside a brother, sister or cousin in what a child told, the beginnings of words that make it a
# disclosure ("said her big brother gets in her bed at night"); not kisses, baths or clothes ("says her
# brother kisses her goodnight", "said her sister borrowed her clothes").
_SIBLING_TOLD = (
    "touch", "rub", "bed", "privat", "willy", "penis", "vagina", "genital", "fanny", "sex", "hurt", "suck",
    "lick", "secret", "porn", "thing", "stuff", "game", "undress", "knicker", "pant",
)  # fmt: skip
# After "older sister", the words that name someone else: her friends or partner, often adults.
_SIBLINGS_OWN = frozenset(
    {"s", "friend", "friends", "mate", "mates", "husband", "wife", "fiance", "partner", "bf", "boyfriend", "girlfriend"}
)


# Beginnings of words that make a sentence about two adults a worry (bodies, beds, touching, secrets,
# pictures, gifts, fear): "two men can get married" is a child's question, "two men ... her bed" is not.
_WORRY_STEMS = (
    "touch", "rub", "strok", "fondl", "grop", "tickl", "wrestl", "bed", "bath", "shower", "night", "secret",
    "privat", "hurt", "sore", "naked", "nud", "undress", "strip", "cloth", "knicker", "pant", "underwear",
    "bra", "boob", "breast", "bum", "bott", "willy", "willie", "penis", "dick", "vagina", "fanny", "genital",
    "sex", "porn", "masturb", "wank", "snog", "lip", "tongue", "mouth", "making", "date", "dating", "boyfriend",
    "girlfriend", "partner", "flirt", "fanc", "crush", "marr", "doctor", "nurse", "lap", "alone", "room",
    "lock", "pictur", "photo", "pic", "video", "film", "camera", "phone", "snap", "pay", "money", "gift",
    "sweet", "present", "game", "play", "show", "look", "watch", "rude", "dirty", "hump", "lying", "lay",
    "lies", "top", "sleep", "stay", "over", "kept", "keep", "condom", "contracep", "erotic", "explicit",
    "adult", "kiss", "french", "bod", "chang", "bit", "squeez", "grab", "massag", "lick", "suck", "excit",
    "thing", "regist", "vodka", "drink", "smell", "soil", "withdraw", "refus", "scared", "afraid",
    "frighten", "cry", "upset", "doesn", "want", "won", "stop", "wets", "wetting", "grind",
)  # fmt: skip
_COUPLE_THEN = frozenset({"can", "get", "getting", "marry", "married", "have", "having", "be", "love", "fall"})


def _names_a_couple(typed: list[str]) -> bool:
    """Whether every adult word names a couple talked about ("if two men can get married", "two women can
    have a baby"), and no worry word is typed: a child's question about relationships, not an adult who
    did something ("two men followed her home" is not)."""
    adults = [n for n, word in enumerate(typed) if word in _ADULT_WORDS]
    if not adults or any(word.startswith(_WORRY_STEMS) for word in typed if word not in _COUPLE_THEN | {"married"}):
        return False
    if {"her", "him", "them", "me", "us"}.intersection(typed[adults[0] :]):
        return False  # "two men can get her high": she is the one it is done to
    return all(
        n > 0 and typed[n - 1] in {"two", "2"} and n + 1 < len(typed) and typed[n + 1] in _COUPLE_THEN for n in adults
    )


# The words of a sixth former, and the youngest age for whom one is of their own age group.
_SIXTH_FORM = frozenset({"sixth", "former", "formers", "form"})
_SIXTH_FORM_AGE = 16


def _older_is_no_adult(typed: list[str], number: int) -> bool:
    """Whether "older" at ``number`` names a sibling ("her older brother", "older sister's friend" is
    not: the friend follows). Not "until she is older": "he said to wait until she is older" is grooming."""
    if number + 1 < len(typed) and typed[number + 1] in _SIBLINGS:
        return number + 2 >= len(typed) or typed[number + 2] not in _SIBLINGS_OWN
    return False


def _only_staff_on_the_receiving_end(typed: list[str]) -> bool:
    """Whether the only adult the words name is a member of staff the child's behaviour is aimed at
    ("swearing at teachers", "has a crush on her teacher"): the child acts, no adult does anything to
    them, so "an adult is involved" does not hold green items back. Any other adult word, or staff
    named without "at", "on", "about" or "towards" just before ("teacher messaging pupil",
    "relationship with a teacher"), keeps the context."""
    if _ADULT_WORDS.intersection(typed):
        return False
    staff = [number for number, word in enumerate(typed) if word in _STAFF]
    if not staff:
        return False
    return all(_TOWARDS.intersection(typed[max(0, number - 2) : number]) or _told_to(typed, number) for number in staff)


# Round 8: the words of telling or asking someone ("told her form tutor", "asked her teacher whether she
# might be gay", "came out to her teacher"): the one told is on the receiving end.
_TELLS = frozenset({"told", "tells", "tell", "telling", "asked", "asks", "ask", "asking"})
_SAID_TO = frozenset({"confided", "said", "says", "disclosed"})
# After the staff member told, the beginnings of words that say what they did or how they keep in touch
# ("came out to her teacher who then kissed her", "told the coach she loves him and they have been
# meeting"): with any of them the staff member is not only the one told. `_WORRY_STEMS` and these.
_STAFF_DID = (
    *_WORRY_STEMS, "messag", "text", "meet", "met", "love", "ask", "detail", "call", "car", "lift", "hous",
    "home", "add", "insta", "chat", "talk", "spok", "speak", "hour", "drink", "weed", "vape", "buy", "bought",
    "money", "paid", "now", "then", "since", "after", "whatsapp", "dm", "follow", "favourit", "special",
    "hug", "cuddl", "wink", "hold", "held", "pat", "feel", "felt", "compliment", "pretty", "beautiful", "fit",
)  # fmt: skip
_CAME = frozenset({"came", "come", "comes", "coming"})


def _told_to(typed: list[str], number: int) -> bool:
    """Whether the staff word at ``number`` is the one the child told ("told her form tutor", "came out
    as trans to the form tutor"): a word of telling within the three words before it, or "to" there with
    a word of saying (`_SAID_TO`) within the four words before that."""
    if any(w.startswith(_STAFF_DID) for w in typed[number + 1 :]) or typed.count(typed[number]) > 1:
        return False
    start = max(0, number - 3)
    if _TELLS.intersection(typed[start:number]):
        return True
    return any(typed[n] == "to" and _says_to(typed[max(0, n - 4) : n]) for n in range(start, number))


def _says_to(before: list[str]) -> bool:
    """Whether the words before a "to" say something was said: a word of saying, or "came out" ("went out
    to the coach's car" is not)."""
    return bool(_SAID_TO.intersection(before)) or any(
        w == "out" and n and before[n - 1] in _CAME for n, w in enumerate(before)
    )


# Round 7: the family words a child uses for the adults they live with or visit; the words of a child's
# affection for one ("kisses grandad", "cuddles nan"); and the only other words such a sentence may
# hold ("goodbye", "on ... knee", "for a cuddle"): anything else may say what happened.
_RELATIVE_WORDS = frozenset(
    {
        "uncle", "uncles", "aunt", "aunts", "auntie", "aunty", "aunties", "stepdad", "stepdads", "stepfather",
        "stepmum", "stepmother", "grandad", "grandads", "granddad", "grandpa", "grandpas", "grandfather",
        "grandfathers", "grandmother", "grandma", "grandmas", "granny", "grannys", "nan", "nans", "nana",
        "nanas", "nanny", "gran", "grans", "father", "fathers", "daddy", "daddys", "dad", "dads", "mum", "mums",
        "mummy", "mummys", "mother", "parents", "grandparents", "carer", "carers", "papa", "grandpops",
        "grandpop", "gramps", "grampy", "godfather", "stepmam",
    }
)  # fmt: skip
_AFFECTION = frozenset(
    {
        "hugs", "hug", "hugged", "hugging", "kisses", "kiss", "kissing", "cuddles", "cuddle", "cuddled",
        "cuddling", "waves", "waved",
    }
)  # fmt: skip
_ONLY_AFFECTION = frozenset(
    {
        "she", "he", "her", "his", "their", "my", "the", "a", "s", "always", "likes", "loves", "to", "gives",
        "give", "sits", "sitting", "sat", "on", "knee", "knees", "goodbye", "goodnight", "bye", "hello",
        "morning", "for", "cuddle", "hug", "kiss", "at", "pick", "up", "drop", "off", "home", "time", "door",
        "nursery", "and", "too", "every", "day", "cheek", "when", "leaving", "arrives", "big",
    }
)  # fmt: skip
_OWNERS = frozenset({"her", "his", "their", "my", "the", "a", "step", "s"})
# People other than the child: in the word a child asked about, they may be the one who did something
# ("asked what a hand job is" is a question; "asked what a man ..." is not read as one).
_ACTORS = frozenset(
    {
        "he", "him", "his", "hes", "they", "them", "man", "men", "boy", "boys", "lad", "lads", "someone",
        "somebody", "stranger", "strangers", "boyfriend", "bf", "girlfriend", "adult", "adults", "grown",
        "woman", "women", "person", "people", "guy", "guys", "friend", "friends", "account", "profile",
    }
)  # fmt: skip


# Round 12: the words that may stand between "when" and "older" when it is a time to come ("contraception for when
# she's older", "wants a boyfriend when she is older"). Not "until": "he said to wait until she is older" is grooming.
_TO_BE_OLDER = frozenset(
    {"she", "he", "they", "i", "you", "we", "s", "is", "are", "am", "re", "m", "get", "gets", "getting", "a", "bit"}
    | {"little", "lot", "much", "be", "will", "ll", "shes", "hes", "theyre", "im"}
)
# ... and the words naming someone who may be promising it, beside which "when she's older" stays a person older
# ("he said he'd marry her when she's older", "uncle says she can be his girlfriend when she's older").
_PROMISERS = frozenset(
    {"man", "men", "adult", "adults", "someone", "somebody", "stranger", "guy", "teacher", "coach", "lodger"}
)


def _older_is_a_time_to_come(typed: Sequence[str], number: int, child_age: int | None = None) -> bool:
    """Whether "older" at ``number`` follows "when" with only `_TO_BE_OLDER` between, and either "for when" or, with
    "he" or "she" before "older", the child named by that word alone: no one of the other sex, no family adult, no one
    of `_PROMISERS` and no age but the child's own (``child_age``) named."""
    before = number - 1
    while before >= 0 and number - before <= 5 and typed[before] in _TO_BE_OLDER:
        before -= 1
    if before < 0 or typed[before] != "when":
        return False
    if before >= 1 and typed[before - 1] == "for":
        return True
    between = set(typed[before + 1 : number])
    child = "he" if between & {"he", "hes"} else "she" if between & {"she", "shes"} else None
    others = {"he": {"she", "her", "shes", "girl"}, "she": {"he", "him", "his", "hes", "boy"}}
    return (
        child is not None
        and not any(w.isdigit() and int(w) != child_age for w in typed)  # "her boyfriend is 25" names someone older
        and not others[child].intersection(typed)
        and not _RELATIVE_WORDS.intersection(typed)
        and not _PROMISERS.intersection(typed)
    )


def _only_relatives_in_company(typed: list[str], found: list[int], child_age: int | None = None) -> bool:
    """Whether the words say only that a young child (under 6) shows a family adult affection ("kisses
    grandad goodbye", "sits on grandpa's knee for a cuddle", "cuddles nan at pick up"), and nothing
    else: then "an adult relative" says who was there, not who did something. Every word must be one of
    those few (`_ONLY_AFFECTION`): anything else may say what happened ("goes stiff when she hugs grandad
    goodbye", "skirt up on grandad's knee"), and so may a second relative, an age typed or any other
    context naming an adult, force, money, secrecy or harm."""
    if child_age is None or child_age >= 6:
        return False
    if any(CONTEXTS[n].never_green_first for n in found if n != _RELATIVE):
        return False
    relatives = [n for n, word in enumerate(typed) if word in _RELATIVE_WORDS]
    if len(relatives) != 1 or not _AFFECTION.intersection(typed):
        return False
    if not all(word in _RELATIVE_WORDS or word in _AFFECTION or word in _ONLY_AFFECTION for word in typed):
        return False
    # The child does it: the affection word comes just before the relative ("kisses her uncle goodbye"),
    # or the child sits on the relative's knee for a cuddle; never the relative first ("stepdad kisses
    # her goodnight") or the child as the one given it ("gives her a kiss"): "her" only as the relative's.
    (number,) = relatives
    if "him" in typed or "them" in typed or any(w == "her" and n != number - 1 for n, w in enumerate(typed)):
        return False
    before = number - 1
    while before >= 0 and typed[before] in _OWNERS:
        before -= 1
    if before < 0:
        return False
    if typed[before] in _AFFECTION:
        return True
    return typed[before] == "on" and not {"kiss", "kisses", "kissing"}.intersection(typed[number:])


# Round 7: a child asking what a word means. The words of asking (not "wondering" or "asking about",
# which are as often the practitioner's own), the words that may stand between them and "what" ("asked
# the teaching assistant what"), and the words that end the thing asked about.
_ASKING = frozenset({"asked", "asks"})
_ASKED_WHO = frozenset(
    {
        "me", "us", "teaching", "assistant", "key", "worker", "support", "carer", "foster", "nurse", "doctor",
        "form", "class", "school",
    }
)  # fmt: skip
_MEANS = frozenset({"means", "mean", "meant", "is", "are", "was"})
# The only words that may follow "asked what X means": where the word was heard.
_ONLY_A_QUESTION = frozenset(
    {
        "after", "the", "a", "an", "news", "assembly", "at", "in", "school", "class", "lesson", "rse", "pshe",
        "on", "tv", "telly", "from", "heard", "hearing", "it", "word", "today", "yesterday", "youtube", "film",
        # Round 11: "after something on telly", "after seeing it in a song on tiktok".
        "something", "seeing", "saw", "reading", "read", "song", "lyrics", "video", "programme",
        "playground", "this", "morning", "week",
        # Round 12: where it was learnt ("came up in computing", "after a talk in science"); not "online", where an
        # explicit word may say what was seen ("asked what cum is after seeing it online" at 9, a review).
        "computing", "ict", "science", "biology", "came", "up", "talk", "book", "magazine", "advert",
    }
)  # fmt: skip
# Round 11: words naming the child before the word of asking, besides `_THE_CHILD` and their own age.
_NAMING_THE_CHILD = frozenset(
    {"yo", "yr", "yrs", "year", "years", "old", "aged", "lad", "lass", "student", "the", "a", "our", "his", "her"}
)
# Words that make the thing asked about a worry in itself (a secret, a game, soreness, an act, being
# exploited): "asked what secret cuddles are", "asked what a sore fanny means", "asked what county lines is".
_WORRYING_TOPIC = (
    "secret", "special", "game", "tickl", "sore", "bleed", "blood", "hurt", "pain", "suck", "lick", "touch",
    "cuddl", "kiss", "stuff", "white", "sticky", "milk", "wee", "taste", "county", "sugar", "escort", "pimp",
    "onlyfans", "finsta", "burner", "groom",
)  # fmt: skip
# Who may be asking (before the word of asking): only the child ("she asked", "my son asks").
_THE_CHILD = frozenset({"she", "he", "my", "our", "son", "daughter", "child", "pupil", "kid", "girl", "boy"})


# Round 11: a parent's question closing the words ("..., mum asking is it normal", "dad wants to know if its ok"):
# who asks, not what happened, whoever else the words name (`_without_onlooker` drops it only beside a child's own
# touch). Its words had led with the items on children's questions ("4yo rubs his willy on his baby brother, mum
# asking is it normal") or a parent named ("adult relative").
_QUESTION_ENDS = frozenset(
    {"is", "it", "this", "that", "normal", "ok", "okay", "if", "whether", "its", "s", "a", "concern", "worry"}
    | {"something", "to", "about", "all", "right", "alright", "healthy", "typical", "usual", "fine", "be", "worried"}
    | {"should", "i", "we", "what", "do", "know", "wants", "want", "wanting", "wondering", "asks", "asking", "asked"}
)
_PARENTS = frozenset(
    {"mum", "mummy", "mam", "dad", "daddy", "parent", "parents", "carer", "carers", "foster", "nan", "gran", "grandma"}
)


def _without_parents_question(typed: list[str]) -> list[str]:
    """The words without a parent's or carer's closing question whether it is normal or ok (`_QUESTION_ENDS` only to
    the end, a word of asking or "wants to know", and "normal", "ok" or "concern" among them), when the words before
    it say an act on another child, an object put inside or an animal."""
    for n in range(len(typed) - 2, 0, -1):
        if typed[n] not in _PARENTS:
            continue
        rest = typed[n + 1 :]
        asking = {"asking", "asks", "asked", "wondering"}.intersection(rest[:2]) or rest[:3] == ["wants", "to", "know"]
        if (
            asking
            and all(w in _QUESTION_ENDS for w in rest)
            and {"normal", "ok", "okay", "concern", "worry", "healthy", "typical", "usual", "alright"}.intersection(
                rest
            )
        ):
            before = typed[:n]
            # Only before an act on another child, an object put inside or an animal: elsewhere the parent's word has
            # been read with the rest, and other rules hold (a review of this rule: "13yo dating a 12yo, they hug").
            if _act_with_another_child(before) or _puts_inside(before) or _acts_on_an_animal(before):
                return before
            return typed
    return typed


_ANOTHER_CHILD = _SIBLINGS | {"cousin", "cousins"}


def _act_with_another_child(typed: list[str]) -> bool:
    """Whether the words say touching others (`_acts_on_others`, `_touches_others`) or an act on another child named
    (`_act_on_a_named_child`)."""
    return _acts_on_others(typed) or _touches_others(typed) or _act_on_a_named_child(typed) or _anothers_body(typed)


# Round 12: words naming the child as a boy or as a girl (before the act), the words of an act with or on a body, and
# how far after one of them another's body may come ("son 6 touching her privates", "grabbing other kids privates").
_NAMES_A_BOY = frozenset({"son", "boy", "lad", "grandson", "stepson", "nephew", "he"})
_NAMES_A_GIRL = frozenset({"daughter", "girl", "lass", "granddaughter", "stepdaughter", "niece", "she"})
_ACTS_WITH_A_BODY = (*_GRABS_OR_TOUCHES, "squeez", "tickl", "suck", "kiss", "put", "play", "fiddl")
_ANOTHERS_BODY_REACH = 7
# From this age, "her bum" or "her boobs" after a boy's act is another child's body, not a parent's.
_SCHOOL_AGE = 5
_ANOTHERS_PARTS = _OWN_BODY_WORDS | {"bottom", "bottoms", "bum", "bums", "boobs", "breasts", "parts"}
# Round 12: the youngest age whose bands hold an item on sexual behaviour between brothers, sisters and cousins (the 0-5
# band has none; there its disclosure item would lead: "she grabbed her brothers willy in the bath" at 4).
_FAMILY_ITEMS_FROM = 5
# Round 12: words that say a touch keeps happening, and words of first aid or play (a second review).
_KEEPS = frozenset(
    {"keeps", "keep", "kept", "always", "constantly", "again", "repeatedly", "persistently", "wont", "won't"}
    # ... or is hidden or forced, which a young child's curiosity is not ("touching the new babys private parts when
    # mum isnt looking", probe set E)
    | {"looking", "secret", "secretly", "hiding", "hides", "hid", "alone", "sneaks", "made", "forced", "held"}
)
_FIRST_AID_OR_PLAY = frozenset(
    {"plaster", "ice", "fell", "fall", "graze", "grazed", "bandage", "bruise", "bruised", "hurt", "injured", "pillow"}
    | {"fight", "fighting", "wrestling", "wrestle", "tag", "football", "rugby", "kicked", "whoopee", "game"}
)
# Round 12: besides `_CLAUSE_ENDS`, words that begin another clause ("touching her privates after seeing her brothers
# willy in the bath", a review).
_ANOTHER_CLAUSE = frozenset({"after", "before", "because", "since", "seeing", "saw", "watching", "like", "asking"})
# Whose, by a person's name before the body word ("the babys willy", "other kids privates", "another child's mouth").
_OWNERS_OF_A_BODY = (
    _OTHER_PEOPLE
    | _ANOTHER_CHILD
    | {"babys", "kids", "childs", "childrens", "boys", "girls", "friends", "mates", "sisters", "brothers", "cousins"}
)


def _anothers_body(typed: Sequence[str], child_age: int | None = None) -> bool:
    """Whether a word of an act with a body (`_ACTS_WITH_A_BODY`) is followed, in the same clause and within
    `_ANOTHERS_BODY_REACH` words, by a body word owned by another: a person named as its owner ("grabbing other kids
    privates", "touched the babys willy", "put his willy in another child's mouth"), or a possessive of the other sex
    from the word naming the child before the act ("son 6 touching her privates", "he touched her privates").

    A second review narrowed it:
    - below ``child_age`` `_SCHOOL_AGE`, a touch counts only when it keeps happening, is hidden or is forced
      (`_KEEPS`): a young child's one-off touch at bath time is curiosity ("twins 3 in the bath, she touched his willy and asked why"); putting
      something in counts at once;
    - a possessive of the other sex counts before a bottom or a chest only from `_SCHOOL_AGE` and with no family adult
      named ("son 3 grabs her boobs", "mum says son 5 keeps poking her boobs" are a parent's body);
    - a bottom or a chest touched in first aid or play is neither ("put the ice pack on her bottom after she fell",
      "smacked her bum with a pillow in a pillow fight");
    - never beside care (`_CARE_OF_CLOTHES`: "put cream on the baby's bottom")."""
    if _CARE_OF_CLOTHES.intersection(typed):
        return False
    young = child_age is not None and child_age < _SCHOOL_AGE
    keeps = bool(_KEEPS.intersection(typed))
    first_aid_or_play = bool(_FIRST_AID_OR_PLAY.intersection(typed))
    family_adult = bool(_RELATIVE_WORDS.intersection(typed))
    parts = _ANOTHERS_PARTS | ({"mouth"} if _OWN_BODY_WORDS.intersection(typed) else frozenset())
    for act, word in enumerate(typed):
        if not word.startswith(_ACTS_WITH_A_BODY) or (young and not keeps and not word.startswith("put")):
            continue
        child = next((w for w in typed[:act] if w in _NAMES_A_BOY or w in _NAMES_A_GIRL), None)
        other = "her" if child in _NAMES_A_BOY else "his" if child in _NAMES_A_GIRL else None
        for n in range(act + 1, min(len(typed), act + 1 + _ANOTHERS_BODY_REACH)):
            if typed[n] in _CLAUSE_ENDS or typed[n] in _ANOTHER_CLAUSE:
                break  # "touching his willy and asking about his sisters privates": another clause
            if typed[n] not in parts:
                continue
            genitals = typed[n] in _OWN_BODY_WORDS
            if not genitals and first_aid_or_play:
                continue
            owner = typed[n - 1] if typed[n - 1] not in {"s", "private"} else typed[n - 2]
            if owner == "s" and n >= 3:
                owner = typed[n - 3]  # "another child s private parts"
            if owner in _OWNERS_OF_A_BODY or (owner == other and (genitals or not (young or family_adult))):
                return True
    return False


# Round 12: words that make an animal word a toy ("teddy dog", "toy horse", "rocking horse", "stuffed puppy").
_TOY_WORDS = frozenset(
    {"toy", "teddy", "stuffed", "cuddly", "soft", "rocking", "plastic", "wooden", "pretend", "lego", "fluffy", "hobby"}
)


# ... the words after an animal word that make it a toy or a thing ("pony toy", "dog teddy", "dog bed cushion"), and
# those before it that make it a toy's name ("paw patrol dog", "my little pony"); a second review.
_NOT_AN_ANIMAL_AFTER = (
    _TOY_WORDS
    | {"bed", "beds", "basket", "blanket", "cushion", "lead", "bowl", "toys", "teddies"}
    | {"shaped", "print", "patterned", "costume", "onesie"}
)
_TOY_NAMES_BEFORE = frozenset({"patrol", "little"})


def _is_a_toy_animal(typed: Sequence[str], number: int) -> bool:
    """Whether the animal word at ``number`` names a toy or a thing (`_TOY_WORDS` before it, `_NOT_AN_ANIMAL_AFTER`
    after it, or a toy's name before it)."""
    before = typed[number - 1] if number > 0 else ""
    after = typed[number + 1] if number + 1 < len(typed) else ""
    return before in _TOY_WORDS or before in _TOY_NAMES_BEFORE or after in _NOT_AN_ANIMAL_AFTER


def _only_toy_animals(typed: Sequence[str]) -> bool:
    """Whether every animal word (`_ANIMAL_WORDS`) is a toy's (`_TOY_WORDS` just before it)."""
    animals = [n for n, w in enumerate(typed) if w in _ANIMAL_WORDS]
    return bool(animals) and all(_is_a_toy_animal(typed, n) for n in animals)


def _act_with_an_animals_body(typed: Sequence[str]) -> bool:
    """Whether the words say a sexual act with an animal's body, not only near it: humping it ("humping the family
    dog"), rubbing oneself on or against it ("rubbing herself on the dog"), or its private parts ("touching the cats
    privates", "tries to touch its private parts"). "Touches his willy while stroking the cat" is the child's own."""
    for n, w in enumerate(typed):
        if w not in _ANIMAL_WORDS or _is_a_toy_animal(typed, n):
            continue
        before = typed[max(0, n - 4) : n]
        if any(x.startswith(_HUMPS_OR_GRINDS) for x in before):
            return True
        if _ONESELF.intersection(before) and {"on", "against"}.intersection(before):
            return True
        after = typed[n + 1 : n + 3]
        if after and (after[0] in _OWN_BODY_WORDS or (after[0] == "s" and after[1:] and after[1] in _OWN_BODY_WORDS)):
            return True
    return any(w == "its" and typed[n + 1 : n + 2] and typed[n + 1] in _OWN_BODY_WORDS for n, w in enumerate(typed))


_RUBS_ONESELF = ("rub", "hump", "grind", "press", "push", "touch", "frot")


def _oneself_on_others(typed: Sequence[str]) -> bool:
    """Whether "himself" or "herself" is followed by "on" or "against" and, within two words, other people ("rubbing
    himself on girls in the lunch queue", a second review; "on other kids" was read already, `_SHARED`)."""
    return any(
        w in _ONESELF
        and typed[n + 1 : n + 2] in (["on"], ["against"])
        and any(x in _OTHER_PEOPLE or x in _ANOTHER_CHILD for x in typed[n + 2 : n + 4])
        # ... after a word of rubbing or humping ("props himself against his friends", "launched herself on her sister
        # for a hug" are not; a second review)
        and any(x.startswith(_RUBS_ONESELF) for x in typed[max(0, n - _SELF_VERB_REACH) : n])
        for n, w in enumerate(typed)
    )


# Round 12: ordinary parts of another, or their things ("touching the other kids hair", "stroking other childrens
# arms", "rubbing other kids heads for luck"), and the only other words such a sentence may hold: how often, where in
# a nursery or school day, and why (a second review found a list of worrying words could never be complete: "new
# volunteer strokes childrens hair", "then puts his hand up their jumpers", "they push him away").
_ORDINARY_OF_OTHERS = frozenset(
    {"hair", "face", "faces", "cheek", "cheeks", "arm", "arms", "hand", "hands", "head", "heads", "nose", "noses"}
    | {"ear", "ears", "shoulder", "shoulders", "paintings", "painting", "drawings", "toys", "coat", "coats", "shoes"}
)
_ORDINARY_TOUCHES = frozenset(
    {"touch", "touches", "touching", "touched", "stroke", "strokes", "stroking", "stroked", "rub", "rubs", "rubbing"}
    | {"pat", "pats", "patting", "patted", "feel", "feels", "feeling"}
)
_ORDINARY_COMPANY = frozenset(
    {
        "keeps", "keep", "kept", "always", "often", "a", "lot", "the", "other", "others", "kids", "children",
        "childrens", "child", "s", "girls", "boys", "friends", "peers", "their", "his", "her", "he", "she", "is",
        "yo", "yr", "year", "old", "at", "in", "on", "during", "carpet", "circle", "story", "time", "line",
        "lunch", "nursery", "class", "classroom", "school", "playground", "preschool", "reception", "group",
        "and", "autistic", "autism", "sensory", "seeking", "new", "to", "shy", "for", "luck", "before",
        "football", "wall", "loves", "likes", "hes", "shes",
    }
)  # fmt: skip
_ONLY_ORDINARY = _ORDINARY_OF_OTHERS | _ORDINARY_TOUCHES | _ORDINARY_COMPANY


def _only_ordinary_touch_of_others(typed: Sequence[str], found: Collection[int]) -> bool:
    """Whether the words say only that a child touches other children's ordinary parts or things: a word of touching
    (`_ORDINARY_TOUCHES`), other children and then, at most two words on, hair, faces, hands or their things
    (`_ORDINARY_OF_OTHERS`), every word one of the few such a sentence holds (`_ONLY_ORDINARY`, ages too), and no
    context naming an adult, force, money, secrecy or harm."""
    if any(CONTEXTS[n].never_green_first for n in found):
        return False
    if not all(w in _ONLY_ORDINARY or w.isdigit() for w in typed):
        return False
    for number, word in enumerate(typed):
        if word not in _ORDINARY_TOUCHES:
            continue
        person = _past(typed, number, _BEFORE_A_PERSON)
        if person < len(typed) and typed[person] in _OTHER_PEOPLE:
            thing = typed[person + 1 : person + 3]
            if thing and (thing[0] in _ORDINARY_OF_OTHERS or thing[-1] in _ORDINARY_OF_OTHERS):
                return True
    return False


# Round 12: soft things and furniture a young child may hump or rub against (not dolls, with which sex is acted out),
# and the words that may stand between the act and the thing.
_HUMPED_THINGS = frozenset(
    {"cushion", "cushions", "pillow", "pillows", "teddy", "teddies", "sofa", "settee", "couch", "mattress", "blanket"}
    | {"duvet", "floor", "chair", "beanbag", "bed", "toy", "toys", "arm", "quilt"}
)
_HUMPS_OR_GRINDS = ("hump", "grind")
_BEFORE_A_THING = frozenset({"the", "his", "her", "a", "their", "on", "against", "into", "up", "its", "my"})


def _humps_a_thing(typed: Sequence[str]) -> bool:
    """Whether a word of humping or grinding is followed by a soft thing or furniture (`_HUMPED_THINGS`), with only
    `_BEFORE_A_THING` between, and no person or animal named after the act."""
    for number, word in enumerate(typed):
        if not word.startswith(_HUMPS_OR_GRINDS):
            continue
        rest = typed[_past(typed, number, _BEFORE_A_THING) :]
        if (
            rest
            and rest[0] in _HUMPED_THINGS
            and not any(
                w in _OTHER_PEOPLE or w in _ANOTHER_CHILD or (w in _ANIMAL_WORDS and not _is_a_toy_animal(rest, m))
                for m, w in enumerate(rest)
            )
        ):
            return True
    return False


def _act_on_a_named_child(typed: Sequence[str]) -> bool:
    """Whether a word of an act on a body comes before another child named ("rubs his willy on his baby brother",
    "humping his cousin")."""
    acts = [n for n, w in enumerate(typed) if w.startswith(_BODY_ACTS)]
    return bool(acts) and any(
        w in _ANOTHER_CHILD or w in _OTHER_PEOPLE for w in typed[acts[0] + 1 :] if w not in {"boy", "girl"}
    )


# Round 11: a parent or carer who walked in on or caught the child, said first ("mum walked in on 15yo snogging her
# girlfriend"): how it was found, not who was in it.
_CAUGHT = frozenset({"caught", "found", "saw", "noticed", "spotted", "heard"})
_HOME_ONLOOKERS = frozenset({"mum", "mummy", "mam", "dad", "daddy", "parents", "parent", "carer", "carers"})
_OPENING_GLUE = frozenset({"my", "her", "his", "their", "the", "foster", "step", "has", "had", "just"})


def _without_opening_onlooker(typed: list[str]) -> list[str]:
    """The words without an opening "mum walked in on" or "dad caught" when the rest is the child with a partner or
    with their own body only (a partner word, or a word for masturbating, and no one else of the family)."""
    n = 0
    while n < len(typed) and typed[n] in _OPENING_GLUE:
        n += 1
    if n >= len(typed) or typed[n] not in _HOME_ONLOOKERS:
        return typed
    after = n + 1
    if typed[after : after + 3] == ["walked", "in", "on"]:
        rest = typed[after + 3 :]
    elif typed[after : after + 1] and typed[after] in _CAUGHT:
        rest = typed[after + 1 :]
    else:
        return typed
    if _RELATIVE_WORDS.intersection(rest) or {"keeps", "always", "again"}.intersection(rest):
        return typed
    # A second review: only a teenager named straight after ("mum walked in on 15yo ..."); "caught her boyfriend" is
    # mum's partner, and under 13 a partner in bed is no one to calm.
    start = 0
    while start < len(rest) and rest[start] in {"out", "that", "her", "his", "my", "our", "their"}:
        start += 1
    if not (rest[start : start + 1] and rest[start].isdigit()):
        return typed
    if any(w.startswith(_SELF_PLEASURE) for w in rest) and not _PARTNER_WORDS.intersection(rest):
        return rest
    if _PARTNER_WORDS.intersection(rest) and int(rest[start]) >= SIMILAR_AGE_FROM:
        return rest
    return typed


def _without_where_heard(typed: list[str], child_age: int | None) -> list[str]:
    """Round 11: a child's question of what a word means without where the word was heard ("asked what consent means
    after something on telly"): those words had matched items of their own ("something", "after")."""
    asked = _asks_a_question(typed, child_age)
    if asked is None:
        return typed
    what = next(n for n in range(asked + 1, len(typed)) if typed[n] in {"what", "whats"})
    ending = next((n for n in range(what + 1, len(typed)) if typed[n] in _MEANS), None)
    return typed if ending is None else typed[: ending + 1]


def _asks_a_question(typed: list[str], child_age: int | None = None) -> int | None:
    """Where the words say only that the child asked what a word means ("asked what rape means", "asked
    her nan what a period is", "wants to know what sex is", "asked what a paedophile is after the
    news"): the position of the word of asking, else None. Every other word must be one of the few that
    such a sentence holds (`_ONLY_A_QUESTION`), with at most three words for the thing asked about: any
    more may say what happened ("asked what a hand job is, the lodger asked her for one", "asked what
    rape is and has been crying at night"), and a why, how or if question may be a disclosure."""
    for number, word in enumerate(typed):
        wants_to_know = word == "know" and typed[max(0, number - 2) : number] in (["wants", "to"], ["want", "to"])
        if word not in _ASKING and not wants_to_know:
            continue
        start = number - 2 * wants_to_know
        # Round 11: the child as practitioners name them ("12yo lad", "my 13 year old", "year 8 girl"): their own
        # age only.
        if not all(
            w in _THE_CHILD or w in _NAMING_THE_CHILD or (w.isdigit() and _of_the_child(typed, n, child_age))
            for n, w in enumerate(typed[:start])
        ):
            return None
        after = number + 1
        while after < len(typed) and (typed[after] in _OWNERS or typed[after] in _ASKED_WHO or typed[after] in _STAFF):
            after += 1
        if after < len(typed) and typed[after] in _RELATIVE_WORDS:
            after += 1
        if after >= len(typed) or typed[after] not in {"what", "whats"}:
            return None
        rest = typed[after + 1 :]
        ending = next((n for n, w in enumerate(rest) if w in _MEANS), None)
        if ending is None or not 1 <= len([w for w in rest[:ending] if w not in _OWNERS]) <= 3:
            return None
        topic, tail = rest[:ending], rest[ending + 1 :]
        if any(w in _ACTORS or w in _RELATIVE_WORDS or w.isdigit() or w.startswith(_WORRYING_TOPIC) for w in topic):
            return None
        return number if all(w in _ONLY_A_QUESTION for w in tail) else None
    return None


# Round 9: a child telling or asking someone about something healthy ("told his mum he is gay", "asked her
# aunt about tampons", "asked grandma where babies come from"). The words of telling, and the one told or
# asked (a family adult, staff, the practitioner, friends), say who heard it, not what happened: "told"
# alone had led with the disclosure items and "aunt" with abuse by an adult relative.
_TELLING_WORDS = frozenset(
    {"told", "tells", "tell", "telling", "confided", "confides", "mentioned", "said", "says", "saying"}
)
_ASKING_WORDS = frozenset({"asked", "asks", "ask", "asking"})
_CAME_OUT = frozenset({"came", "come", "comes", "coming", "out"})
_LISTENERS = (
    _RELATIVE_WORDS
    | _STAFF
    | frozenset(
        {
            "me", "us", "friend", "friends", "mate", "mates", "class", "everyone", "family", "parent", "nurse",
            "worker", "doctor", "gp", "counsellor", "carer", "carers", "mentor",
        }
    )
)  # fmt: skip
# Words such a sentence may also hold: who, and how it is put ("he thinks he might be", "if she is").
_HEARD_GLUE = frozenset(
    {
        "she", "he", "they", "her", "his", "their", "them", "him", "my", "our", "the", "a", "an", "that", "s",
        "is", "was", "are", "be", "might", "may", "thinks", "think", "thought", "feels", "feel", "if", "whether",
        "about", "what", "whats", "where", "how", "to", "as", "and", "or", "of", "for", "re", "m",
        "i", "at", "form", "key", "social", "step", "really", "has", "have", "got",
        "means", "mean", "all", "first", "start", "started", "starting", "can", "could", "on",
        "use", "using", "question", "questions", "when", "normal", "why", "aunty", "in", "same", "also",
        "inside", "pronouns", "embarrassed", "worried", "nervous", "shy", "ok", "fine",
        "this", "just", "recently", "today", "yesterday", "like",
        # The child, as practitioners name them ("12yo", "boy 12", "my 11 yr old son", "a year 9 girl"); "old"
        # only after "yr", "year" or "yo" (see `_what_was_said`).
        "yo", "yr", "yrs", "y", "year", "years", "old", "aged", "age", "boy", "girl", "son", "daughter", "pupil",
        "child", "kid", "young", "person", "im", "am", "best",
    }
)  # fmt: skip
# What is healthy to tell or ask about: identity, puberty, a crush or a partner of their own (with no
# age typed: any digit, and any other word, keeps the whole sentence as typed).
_HEALTHY_TOPICS = frozenset(
    {
        "gay", "lesbian", "bi", "bisexual", "trans", "transgender", "nonbinary", "non", "binary", "enby",
        "pansexual", "pan", "asexual", "ace", "queer", "lgbt", "lgbtq", "lgbtqia", "gender", "questioning",
        "fluid", "genderfluid", "sexuality", "periods", "period", "tampons", "tampon", "pads", "wet", "dream",
        "dreams", "puberty", "voice", "breaking", "deodorant", "pill", "contraception", "crush", "fancies",
        "boyfriend", "girlfriend", "bf", "gf",
    }
)  # fmt: skip
# A partner or crush: healthy to tell only the practitioner or friends (an adult told may be the partner).
_PARTNER_TOPICS = frozenset({"crush", "fancies", "boyfriend", "girlfriend", "bf", "gf"})
_PEERS_TOLD = frozenset({"me", "us", "friend", "friends", "mate", "mates", "class", "everyone"})
_CONTRACEPTION = frozenset({"pill", "contraception"})
_MEN_OF_THE_FAMILY = frozenset(
    {
        "uncle", "uncles", "stepdad", "stepdads", "stepfather", "grandad", "grandads", "granddad", "grandpa",
        "grandfather", "godfather", "grandpop", "grandpops", "gramps", "grampy",
    }
)  # fmt: skip
# A father told of the pill by a child under 16 (the fifth review): kept as typed too.
_FATHERS = frozenset({"dad", "dads", "daddy", "father", "fathers", "papa"})
# Healthy to ask about, not to tell of ("asked her mum how babies are made"; "told her mum about sex" may
# be a disclosure).
_ASKED_TOPICS = frozenset({"sex", "babies", "baby", "made", "born", "from", "come"})


def _of_the_child(typed: list[str], number: int, child_age: int | None) -> bool:
    """Whether the number typed at ``number`` is the child's own age, or a school year of a child that age
    ("12yo" at 12, "yr 10" at 14 or 15): an age of the child, not of anyone else."""
    if child_age is None:
        return False
    value = int(typed[number])
    if number and typed[number - 1] in {"year", "yr", "y"}:
        return _is_own_school_year(value, child_age)
    return value == child_age


_PARTNER_SHORTHAND = frozenset({"bf", "bfs", "gf", "gfs"})
_PARTNER_WORDS = frozenset({"boyfriend", "girlfriend", "bf", "gf", "boyfriends", "girlfriends", "partner"})
# Before a child's own boyfriend or girlfriend: who the child is and that they have one ("my 11 yr old son says
# he has a boyfriend", "12 yo has a girlfriend"); after it, only where and what couples of their age ordinarily
# do ("in her form", "walk home together", "kissing at the bus stop"). No family word ("mum's boyfriend"), no
# "new" (a parent's new partner), and nothing the partner says, has or wants.
_BEFORE_PARTNER = frozenset(
    {
        "she", "he", "they", "her", "his", "their", "my", "our", "is", "has", "have", "got", "a", "s", "says",
        "said", "told", "me", "us", "son", "daughter", "boy", "girl", "pupil", "yo", "year", "yr", "old", "and",
        "kissing", "snogging", "hugging", "cuddling", "holding", "hands", "with", "walking", "walks", "home",
    }
)  # fmt: skip
_AFTER_PARTNER = frozenset(
    {
        "in", "at", "the", "her", "his", "their", "class", "form", "year", "yr", "same", "age", "school", "and",
        "they", "walk", "walks", "walking", "home", "together", "holding", "hands", "hand", "kissing", "kiss",
        "snogging", "hugging", "cuddling", "bus", "stop", "cinema", "is", "s", "happy", "both", "on", "a",
        "date", "dates", "yo", "old",
    }
)  # fmt: skip
_OWNERS_OF_A_PARTNER = frozenset({"her", "his", "my", "their"})
# From this age "bf" and "gf" are a boyfriend and girlfriend; younger, "bf" is as often a best friend.
PARTNER_SHORTHAND_FROM = 13


# The words a sentence about a couple of the same age may hold besides ages and words of sex.
_SAME_AGE_WORDS = frozenset(
    {
        "having", "had", "has", "have", "using", "protection", "condoms", "condom", "safe", "safely", "both",
        "happy", "consensual", "agreed", "and", "her", "his", "their", "she", "he", "they", "is", "was", "a",
        "the", "yo", "yr", "yrs", "year", "years", "old", "boyfriend", "girlfriend", "bf", "gf", "partner",
        "boyfriends", "girlfriends", "together", "for", "months", "weeks", "in", "same", "class", "form",
        "school", "kissing", "snogging", "holding", "hands", "with", "been", "going", "out", "s", "i", "my",
        "son", "daughter", "boy", "girl", "pupil", "age", "aged", "of", "on", "at",
    }
)  # fmt: skip
# Words of images (under 18) and of sex (under 16): beside them a partner's age typed is not read as "the same
# age" (the law turns on it).
_IMAGE_STEMS = ("nud", "pic", "photo", "image", "video", "sext", "snap")
_SEX_STEMS = ("sex", "oral", "sleep", "slept", "shag", "blowjob", "intercourse", "bj", "fuck", "bang")
# From this age a partner's age typed near the child's is read as "the same age".
SIMILAR_AGE_FROM = 13


def _partner_ages(typed: list[str]) -> list[int]:
    """The ages typed beside a partner word ("her gf 16", "his 17 yr old girlfriend", "her boyfriend is 15"):
    the number just after it (with only "is", "yr old" between), or just before it with "yr old" or "yo"
    between ("has had 13 boyfriends" is a count)."""
    beside = {"yr", "yrs", "year", "years", "old", "yo", "is", "was", "aged", "who"}
    found: list[int] = []
    for p, word in enumerate(typed):
        if word not in _PARTNER_WORDS:
            continue
        before = p - 1
        while before >= 0 and typed[before] in beside:
            before -= 1
        after = p + 1
        while after < len(typed) and typed[after] in beside:
            after += 1
        aged = {"yr", "yrs", "year", "years", "old", "yo"}.intersection(typed[before + 1 : p])
        for n in (before, after) if aged else (after,):
            if (
                0 <= n < len(typed)
                and typed[n].isdigit()
                and len(typed[n]) <= 2
                and not _school_year_at(typed, n)
                and typed[n + 1 : n + 2] not in (["months"], ["weeks"], ["days"], ["now"])
            ):
                found.append(int(typed[n]))
    return found


def _partner_never_green_first(typed: list[str], child_age: int | None) -> bool:
    """Whether a partner is named with sex under `SIMILAR_AGE_FROM` ("asked mum if it is normal for her bf to
    want sex" at 12), or is noticeably older than a child under 16 (`_partner_noticeably_older`: "his gf 16" at
    13): then a green item never comes first."""
    if child_age is None:
        return False
    sex_under_13 = (
        child_age < SIMILAR_AGE_FROM
        and bool(_PARTNER_WORDS.intersection(typed))
        and any(w.startswith(_SEX_STEMS) for w in typed)
    )
    # Round 10: a partner's age typed under 13 at 13 or over ("gf is 12 and he's 14"): the law says no
    # child under 13 can agree.
    partner_under_13 = _partner_under_13(typed, child_age)
    return sex_under_13 or partner_under_13 or _partner_noticeably_older(typed, child_age)


def _partner_under_13(typed: list[str], child_age: int) -> bool:
    """Whether a partner's age typed is under 13 at 13 or over, beside words of sex or intimacy ("gf is 12 and
    he's 14, they've been going further"); "his gf is 12" alone is a relationship."""
    if (
        child_age >= SIMILAR_AGE_FROM
        and any(w.startswith(_SEX_STEMS) for w in typed)
        and any(age < SIMILAR_AGE_FROM and age != child_age for age in _stated_ages(typed))
    ):
        # A third review: any other age typed under 13 beside sex ("having sex with a girl in his form who is 12").
        return True
    return (
        child_age >= SIMILAR_AGE_FROM
        and any(age < SIMILAR_AGE_FROM for age in _partner_ages(typed))
        and (any(w.startswith(_SEX_STEMS) or w.startswith(_BEYOND_KISSING) for w in typed) or _goes_further(typed))
    )


def _goes_further(typed: list[str]) -> bool:
    """Whether the words say "go further", "went all the way" (sexual activity in young people's words), not
    negated ("they don't want to go any further", a second review)."""
    for n, word in enumerate(typed):
        said = (word == "further" and n > 0 and typed[n - 1] in _GOING) or (
            word == "way" and typed[max(0, n - 2) : n] == ["all", "the"]
        )
        if said and n + 1 < len(typed) and typed[n + 1] in _ON_THE_WAY:
            continue  # "walks her all the way home", "went further down the road" (a second review)
        if said and not _NEGATIONS.intersection(typed[max(0, n - 5) : n]):
            return True
    return False


# Round 10: "going further", "all the way": sexual activity in young people's words; and the beginnings of words
# of sexual contact beyond kissing ("his gf is 12 and they kiss" is a relationship).
_GOING = frozenset({"go", "goes", "going", "went", "gone", "gotten", "got"})
_ON_THE_WAY = frozenset(
    {"home", "to", "there", "round", "around", "through", "back", "across", "up", "down", "from", "into", "in"}
    | {"on", "over", "along", "away", "ahead", "than", "out", "off", "past", "school", "town", "here", "afield"}
)
_NEGATIONS = frozenset({"not", "don", "dont", "doesn", "doesnt", "didn", "didnt", "never", "any", "won", "wont"})
_BEYOND_KISSING = (
    "touch", "rub", "naked", "nud", "privat", "undress", "willy", "penis", "vagina", "genital", "finger",
    "condom", "pregnan", "pill",
)  # fmt: skip


def _partner_noticeably_older(typed: list[str], child_age: int) -> bool:
    """Whether a partner's age typed is more than `SIMILAR_AGE` above a child's under 16, or a school year
    typed is ("his gf 16" at 13, "her boyfriend is in year 11" at 13): noticeably older, never green first."""
    if child_age >= 16 or not _PARTNER_WORDS.intersection(typed):
        return False
    ages = [*_partner_ages(typed), *(y + 4 for y in _school_years(typed))]
    return any(age - child_age > SIMILAR_AGE for age in ages)


def _partners_age_is_near(typed: list[str], child_age: int) -> bool:
    """Whether a partner's age is typed beside the partner word (`_partner_ages`) and every age typed is
    within `SIMILAR_AGE` of the child's: from `SIMILAR_AGE_FROM`; under 18 not beside words of images, and
    under 16 not beside words of sex; not when the age is what someone says; and every other word one that
    a sentence about a couple of the same age holds (`_SAME_AGE_WORDS`): control, cars, flats, mates, money
    or never having met keep the ranking as it is."""
    if child_age < SIMILAR_AGE_FROM:
        return False
    if any(w.startswith(_IMAGE_STEMS) for w in typed) or (
        child_age < 16 and any(w.startswith(_SEX_STEMS) for w in typed)
    ):
        return False
    partners = [n for n, w in enumerate(typed) if w in _PARTNER_WORDS]
    if len(partners) > 1:
        return False  # two partners named ("her boyfriend 16 and his bf 17 ... having sex with her")
    if partners and (_TELLING_WORDS | _SAID_TO | {"claims", "claimed", "reckons"}).intersection(typed[partners[0] :]):
        return False  # the age is what someone says ("her boyfriend is 13, he says")
    if not all(w.isdigit() or w in _SAME_AGE_WORDS or w.startswith(_SEX_STEMS) for w in typed):
        return False
    near = _partner_ages(typed)
    ages = [*_stated_ages(typed), *near, *(y + 4 for y in _school_years(typed))]
    return bool(near) and all(abs(age - child_age) <= SIMILAR_AGE for age in ages)


def _only_a_partner(typed: list[str], child_age: int | None) -> bool:
    """Whether the words say only that a child of 9 or over has a boyfriend or girlfriend of their own age and
    what couples ordinarily do ("has a boyfriend in her class", "snogging his gf at the bus stop"): the first
    partner word owned by the child ("her", "his", "my", "their", or "has a", "got a"), the words before it
    from `_BEFORE_PARTNER` and after it from `_AFTER_PARTNER`, any age typed within `SIMILAR_AGE` of the
    child's. Anything else (an older partner, "mum's boyfriend", a parent's new partner, what the partner says
    or wants, control, sex, images, money, secrecy) keeps the ranking as it is."""
    if child_age is None or child_age < 9:
        return False
    partners = [n for n, w in enumerate(typed) if w in _PARTNER_WORDS - {"partner"}]
    if not partners:
        return False
    first = partners[0]
    owned = first and (
        typed[first - 1] in _OWNERS_OF_A_PARTNER or typed[max(0, first - 2) : first] in (["has", "a"], ["got", "a"])
    )
    if not owned:
        return False
    owner, earlier = typed[first - 1], set(typed[: first - 1])
    if owner == "my" and {"her", "him", "son", "daughter", "girl", "boy"}.intersection(typed):
        return False  # the writer's partner ("my boyfriend walks her home")
    if (
        (owner == "her" and {"son", "boy", "he", "him", "his"}.intersection(earlier))
        or (owner == "his" and {"daughter", "girl", "she", "her"}.intersection(earlier))
        or (owner in {"her", "his"} and typed[max(0, first - 2) : first - 1] == ["is"])
    ):
        return False  # someone else's partner ("my son is with her boyfriend", "my daughter is his girlfriend")
    if {"he", "him", "his"}.intersection(typed[:first]) and {"she", "her"}.intersection(typed[:first]):
        return False  # two people before it ("he says he is her boyfriend"): a claim, not the child's own

    def near(n: int) -> bool:
        return abs(int(typed[n]) + 4 * _school_year_at(typed, n) - child_age) <= SIMILAR_AGE

    if any(w == "old" and (not n or typed[n - 1] not in _YEARS_OLD | {"year"}) for n, w in enumerate(typed)):
        return False  # "her boyfriend is old"
    if any(
        w == "home" and not {"walk", "walks", "walking"}.intersection(typed[max(0, n - 3) : n])
        for n, w in enumerate(typed)
    ):
        return False  # "home" only in walking home: "a boyfriend at the home" may be a children's home

    return all((w.isdigit() and near(n)) or w in _BEFORE_PARTNER for n, w in enumerate(typed[:first])) and all(
        (w.isdigit() and near(n)) or w in _AFTER_PARTNER or w in _PARTNER_WORDS
        for n, w in enumerate(typed[first + 1 :], first + 1)
    )


# Round 9: school subjects a practitioner names, which are no typo ("after an RSE lesson" had been corrected to
# "resi", a children's home).
_NOT_TYPOS = frozenset({"rse", "rshe", "pshe", "sre", "pse", "rsh"})
_ONLOOKERS = frozenset(
    {"mum", "mummy", "mam", "dad", "daddy", "parents", "parent", "carer", "carers", "teacher", "staff", "nursery"}
)
_ONLOOKING = frozenset(
    {
        "worried", "worries", "concerned", "walked", "found", "noticed", "saw", "seen", "caught", "fine", "ok",
        "okay", "happy", "upset", "unsure", "wondering", "knows", "heard", "spotted", "embarrassed", "came",
        # Round 10: a parent asking whether it is normal ("..., mum asking is it normal", "dad wants to know if it's
        # ok"): only as a question (`_ASKED_AS_A_QUESTION`).
        "asking", "asks", "asked", "know",
    }
)  # fmt: skip
_ASKING_ONLOOKER = frozenset({"asking", "asks", "asked"})
# After a parent's word of asking, the words that make it a question about the child ("mum asking is it normal").
_ASKED_AS_A_QUESTION = (["is"], ["if"], ["whether"], ["about"], ["what"], ["whats"])
_ONLOOKING_GLUE = frozenset(
    {"is", "was", "are", "s", "very", "really", "so", "in", "on", "it", "him", "her", "them", "this", "with", "about",
     "out", "a", "bit", "not", "too", "and", "his", "their", "my", "the", "normal", "if", "ok"}
)  # fmt: skip


# Care routines: not wanting to undress for them is no sign of force ("doesn't want to get undressed at the
# doctors but has to").
_ROUTINES = frozenset(
    {
        "doctor", "doctors", "gp", "nurse", "swimming", "swim", "pe", "bed", "bedtime", "bath", "nappy", "changed",
        "changing", "dentist", "hospital", "medical", "cream", "shower",
    }
)  # fmt: skip
# Round 9: the beginnings of words of an act on a child's body; beside "doesn't want to" they say the child is
# made to do it ("has to be the baby and take her clothes off, she doesn't want to"). Not baths, rooms or
# changing for PE: "doesn't want mum in the bathroom any more" is a child wanting privacy.
_UNWANTED_ACTS = (
    "touch", "kiss", "cloth", "undress", "naked", "nud", "pant", "knicker", "willy", "privat", "genital", "bum",
    "boob", "breast", "lick", "suck", "hump", "sex", "strip", "pictur", "photo", "pic", "video",
)  # fmt: skip


_FOR_SEX_ED = frozenset(
    {
        "ed", "education", "educ", "lesson", "lessons", "book", "books", "resources", "advice", "info", "health",
        "toys", "toy", "positions", "tips", "questions", "facts", "talk",
    }
)  # fmt: skip


def _asks_for_sex(typed: list[str]) -> bool:
    """Whether someone asks for sex ("her bf asks for sex", "keeps asking for sex", "begging her for sex"):
    a word of asking, then "for" within two words, then "sex", not sex education ("asked for sex ed")."""
    asking = {"ask", "asks", "asked", "asking", "begging", "begs", "begged", "pestering", "nagging", "pressuring"}
    for n, word in enumerate(typed):
        if word not in asking:
            continue
        for f in range(n + 1, min(n + 4, len(typed))):
            if (
                typed[f] == "for"
                and typed[f + 1 : f + 2] == ["sex"]
                and typed[f + 2 : f + 3] not in ([w] for w in _FOR_SEX_ED)
            ):
                return True
    return False


def _asks_the_writer(typed: list[str]) -> bool:
    """Whether a child asked or wanted the one writing (an adult) to touch or kiss their genitals ("asked me to
    touch his willy"): "me to touch" or "me to kiss" after a word of asking, with a word for the genitals
    within four words after."""
    return any(
        word in {"asked", "asks", "wanted", "wants", "tried"}
        and typed[n + 1 : n + 3] == ["me", "to"]
        and typed[n + 3 : n + 4] in (["touch"], ["kiss"], ["rub"], ["lick"], ["suck"])
        and bool(_OWN_BODY_WORDS.intersection(typed[n + 4 : n + 8]))
        for n, word in enumerate(typed)
    )


def _corners(typed: list[str]) -> bool:
    """Whether the words say someone was cornered ("cornered her", "he corners her", "backed her into a
    corner", "waits to corner her"); not "the home corner" or "the reading corner", which are places."""
    for n, w in enumerate(typed):
        if w in {"cornered", "cornerd", "corners", "cornering", "cornerin"}:
            return True
        if w == "corner" and (
            typed[n - 1 : n] == ["to"]
            or typed[n + 1 : n + 2] in (["her"], ["him"], ["them"], ["me"], ["d"])
            or (
                typed[max(0, n - 2) : n] in (["into", "a"], ["in", "a"], ["into", "the"], ["in", "the"])
                and {"her", "him", "them", "me"}.intersection(typed[max(0, n - 5) : n])
            )
        ):
            return True
    return False


def _unwilling(typed: list[str]) -> bool:
    """Whether the words say the child does not want something done to their body: "doesn't want" or "does
    not want" ("don't", "do not"), or a friendship threatened ("or she won't be her friend"), beside a word of
    `_UNWANTED_ACTS`."""
    refusing = any(
        word == "want"
        and number >= 2
        and (typed[number - 2 : number] in (["doesn", "t"], ["don", "t"], ["does", "not"], ["do", "not"]))
        for number, word in enumerate(typed)
    )
    # "... or she won't be her friend", "or he'll tell everyone": a threat beside the act.
    threatened = any(
        typed[n : n + 3] == ["won", "t", "be"]
        and {"friend", "friends", "mate", "mates"}.intersection(typed[n + 3 : n + 6])
        for n in range(len(typed))
    )
    # Refusing counts only beside a word of being made to ("has to ... she doesn't want to", "he makes her"):
    # "doesn't want to get undressed for swimming", "doesn't want to be kissed goodnight" are a child's own
    # wish for privacy.
    made_to = any(
        (word in {"has", "have", "had"} and typed[n + 1 : n + 2] == ["to"])
        or (word in _GETS_ANOTHER_TO and word not in {"wanted", "wants", "want", "let", "lets"})
        for n, word in enumerate(typed)
    )
    routine = bool(_ROUTINES.intersection(typed))
    return ((refusing and made_to and not routine) or threatened) and any(
        word.startswith(_UNWANTED_ACTS) or (threatened and word == "rude") for word in typed
    )


# Words that put someone else in what happened, or say it was done to the child: "with", "him", "them", a lap,
# a knee, a flat; "being", "been" ("was being touched").
_NOT_ALONE = frozenset(
    {
        "with", "him", "them", "lap", "knee", "flat", "house", "car", "tent", "being", "been", "hits", "hit",
        "worker", "agency", "resident", "coach", "tutor", "boyfriend", "girlfriend", "partner", "bf", "gf",
        "bruise", "bruises", "bruised", "sore", "bleeding", "blood", "woke", "asleep", "off",
    }
)  # fmt: skip


# The words that may say a child's own act in a private place, before an onlooker.
_ALONE_WORDS = frozenset(
    {
        "touching", "touches", "touched", "touch", "rubbing", "rubs", "playing", "plays", "with", "his", "her",
        "their", "own", "himself", "herself", "themselves", "willy", "willie", "penis", "privates", "private",
        "parts", "part", "genitals", "vagina", "fanny", "bits", "in", "at", "the", "room", "bedroom", "bed",
        "night", "bath", "toilet", "he", "she", "was", "is", "caught", "yo", "yr", "year", "years", "old", "boy",
        "girl", "son", "daughter", "my", "a", "and", "when", "under", "covers", "duvet", "again", "keeps",
    }
)  # fmt: skip
# The beginnings of a word for masturbation, as typed and often mistyped ("mastubating", "masterbating").
_SELF_PLEASURE = ("masturb", "mastub", "masterb", "mastrub", "wank")


def _without_onlooker(typed: list[str], child_age: int | None = None) -> list[str]:
    """A query's words without a closing clause that only says a parent or member of staff saw it or is
    worried (`_ONLOOKERS`, then only `_ONLOOKING` and `_ONLOOKING_GLUE` words to the end), when the words
    before it say only the child's own act on their own body (the own-body context) and name no one else
    (no one of `_SOMEONE_ELSE` or `_NOT_ALONE`, not both "he" and "she")."""
    for number in range(len(typed) - 2, 2, -1):
        if typed[number] not in _ONLOOKERS:
            continue
        rest = typed[number + 1 :]
        if "came" in rest and rest[-2:] != ["came", "in"]:
            return typed  # only "came in" is an onlooker's word ("dad came on her" is not)
        if rest[:3] == ["wants", "to", "know"]:
            rest = ["know", *rest[3:]]
        if any(
            word in _ASKING_ONLOOKER and rest[n + 1 : n + 2] not in _ASKED_AS_A_QUESTION for n, word in enumerate(rest)
        ):
            return typed  # asked only as a question ("dad asked her to" is what he did, a review found)
        if _ONLOOKING.intersection(rest) and all(w in _ONLOOKING or w in _ONLOOKING_GLUE for w in rest):
            whole = typed[:number]
            if (
                {"them", "with"}.intersection(rest)
                or {"him", "her"} <= set(rest)
                or ("her" in rest and {"he", "his", "him", "himself"}.intersection(whole))
                or ("him" in rest and {"she", "her", "herself"}.intersection(whole))
            ):
                return typed  # the onlooker found someone else ("walked in on them", "found her with him")
            if (
                _SOMEONE_ELSE.intersection(whole)
                or _NOT_ALONE.intersection(whole)
                or ({"he", "him", "his"}.intersection(whole) and {"she", "her"}.intersection(whole))
            ):
                return typed  # someone else is in it ("he gets in her bed, mum found him"): kept as typed
            start = number
            while start > 0 and typed[start - 1] in {"his", "her", "their", "my", "the"}:
                start -= 1
            before = typed[:start]
            if start < 3 or not (_OWN in _contexts_of(before) or any(w.startswith(_SELF_PLEASURE) for w in before)):
                # Only the child's own act is left out of an onlooker ("masturbating in his room, mum walked
                # in"): being seen in the shower, naked or asleep may be what happened.
                return typed
            if sum(w in {"son", "daughter", "boy", "girl"} for w in before) > 1 or any(
                w.isdigit()
                and ((child_age is not None and int(w) != child_age) or before[n - 1 : n] in (["the"], ["and"], ["a"]))
                for n, w in enumerate(before)
            ):
                return typed  # two children, or another child's age ("and the 4 year old")
            if not all(w in _ALONE_WORDS or w.startswith(_SELF_PLEASURE) or w.isdigit() for w in before):
                # Every word before must say only the child's act and a private place: "on cam", "on the
                # dog", "raw", "in a taxi" say more (the fourth review).
                return typed
            return before
        return typed
    return typed


def _what_was_said(typed: list[str], child_age: int | None = None) -> list[str]:
    """A query's words (`typed_words`) without the words of telling or asking and the one told or asked,
    when the rest says only something healthy (`_HEALTHY_TOPICS`, or `_ASKED_TOPICS` when asked): then
    whom the child told says nothing of what happened. Every word must be one such a sentence holds, with
    at most one listener, just after the word of telling (or "came out to"): anything else, a second
    person, an age or a word of worry, keeps the words as typed ("told her mum her uncle is her boyfriend",
    "told mum she has a secret boyfriend", "asked her mum about periods, she is bleeding a lot")."""
    asked = bool(_ASKING_WORDS.intersection(typed))
    told = bool(_TELLING_WORDS.intersection(typed) or ({"out"}.intersection(typed) and _CAME.intersection(typed)))
    if not (asked or told):
        return typed
    if _IDENTITY.intersection(typed) or any(
        typed[n : n + 2] in (["likes", "girls"], ["likes", "boys"], ["fancies", "girls"], ["fancies", "boys"])
        for n in range(len(typed))
    ):
        shorter = _without_how_they_took_it(typed)
        if shorter != typed:
            return _what_was_said(shorter, child_age)
    allowed = _TELLING_WORDS | _ASKING_WORDS | _CAME_OUT | _LISTENERS | _HEARD_GLUE | _HEALTHY_TOPICS
    if not all(
        word in allowed or (word.isdigit() and _of_the_child(typed, n, child_age)) for n, word in enumerate(typed)
    ):
        return typed
    came_out = any(w == "out" and n and typed[n - 1] in _CAME for n, w in enumerate(typed)) or _feels_another_gender(
        typed
    )
    if (
        child_age is not None
        and child_age < 8
        and not asked
        and {"period", "periods", "pads", "tampon", "tampons", "wet", "pill", "contraception"}.intersection(typed)
    ):
        return typed  # a young child told of bleeding or pads may be telling of an injury
    if any(w == "questioning" and typed[n + 1 : n + 2] in (["her"], ["him"], ["them"]) for n, w in enumerate(typed)):
        return typed  # "questioning her" is someone being questioned, not questioning who they are
    if "breaking" in typed and "voice" not in typed:
        return typed  # "breaking" only in "voice breaking"
    if any(w in _CAME and typed[n + 1 : n + 2] != ["out"] for n, w in enumerate(typed)):
        return typed  # "he came in her", "comes inside her" is no coming out
    if any(w == "inside" and not {"girl", "boy"}.intersection(typed[max(0, n - 3) : n]) for n, w in enumerate(typed)):
        return typed  # "inside" only in "feels like a girl inside"
    if any(
        w in {"he", "hes", "they"}
        and {"in", "on", "inside"}.intersection(typed[n + 1 : n + 7])
        and "her" in typed[n + 1 : n + 7]
        for n, w in enumerate(typed)
    ):
        return typed  # someone did something in or on her ("he has got her on the pill", "got in her")
    topics_named = _HEALTHY_TOPICS.intersection(typed)
    if child_age is None or child_age < PARTNER_SHORTHAND_FROM:
        topics_named = topics_named - _PARTNER_SHORTHAND  # "bf" under 13 may be a best friend
    if not came_out and not topics_named:
        return typed
    if any(w == "fluid" and typed[n - 1 : n] != ["gender"] for n, w in enumerate(typed)) or any(
        w in {"dream", "dreams"} and typed[n - 1 : n] != ["wet"] for n, w in enumerate(typed)
    ):
        return typed  # "fluid" only in "gender fluid", "dream" only in "wet dream"
    if any(w == "wet" and typed[n + 1 : n + 2] not in (["dream"], ["dreams"]) for n, w in enumerate(typed)):
        return typed  # "wet" only in "wet dreams" ("told me she is wet" at 6 is no puberty question)
    listeners = [n for n, word in enumerate(typed) if word in _LISTENERS]
    if len(listeners) > 1:
        return typed
    topics = [n for n, word in enumerate(typed) if word in _HEALTHY_TOPICS]
    if topics and any(word in _TELLING_WORDS or word in _ASKING_WORDS for word in typed[topics[0] + 1 :]):
        # Someone else speaks after the topic ("her boyfriend says he is 14", "her bf told her it is normal").
        return typed
    if topics and {"he", "him", "hes", "they", "them"}.intersection(typed[topics[0] + 1 :]):
        # Someone acts after the topic ("told her uncle she has started her period and he is using the pads").
        return typed
    if {"tampon", "tampons", "pads"}.intersection(typed) and any(
        typed[n] in _MEN_OF_THE_FAMILY or typed[n - 1 : n] == ["step"] for n in listeners
    ):
        return typed  # "asked her stepdad how to use a tampon" (the sixth review): kept as typed
    if any(w == "old" and (not n or typed[n - 1] not in _YEARS_OLD) for n, w in enumerate(typed)):
        return typed  # "told me her boyfriend is really old"
    if _CONTRACEPTION.intersection(typed) and (
        (child_age is not None and child_age < 13)
        or any(typed[n] in _MEN_OF_THE_FAMILY | _STAFF or typed[n - 1 : n] == ["step"] for n in listeners)
        or (child_age is not None and child_age < 16 and any(typed[n] in _FATHERS for n in listeners))
    ):
        # The pill under 13, or told to a man of the family or staff ("told her uncle she is on the pill"):
        # kept as typed.
        return typed
    if any(typed[n] in _STAFF for n in listeners) and any(
        w.startswith(_STAFF_DID) for n in listeners for w in typed[n + 1 :]
    ):
        return typed  # what the member of staff did or said after ("... and he is happy now")
    if _PARTNER_TOPICS.intersection(typed) and (not listeners or any(typed[n] not in _PEERS_TOLD for n in listeners)):
        # A partner or crush told to an adult may be that adult ("told the teacher she fancies him", "said to
        # the coach that he is her boyfriend"), and with no one named as told, who told whom is unclear ("he
        # told her he is her boyfriend"): kept as typed.
        return typed
    if not listeners and any(
        typed[n + 1 : n + 2] in (["him"], ["her"]) or typed[n - 1 : n] in (["they"], ["all"])
        for n, w in enumerate(typed)
        if w in _TELLING_WORDS
    ):
        return typed  # someone told him or her what they are ("told him he is gay")
    framing = {n for n, word in enumerate(typed) if word in _TELLING_WORDS}
    for number in listeners:
        if _TELLS.intersection(typed[number + 1 :]) or _SAID_TO.intersection(typed[number + 1 :]):
            return typed  # "said the coach asked about her periods": the one named asked
        before = number - 1
        while before >= 0 and typed[before] in _OWNERS | {"step", "school", "form", "key", "social", "best"}:
            before -= 1
        if before >= 0 and typed[before] == "to":
            # "said to her mum", "came out to his dad"
            before -= 1
            if before < 0 or not (
                typed[before] in _SAID_TO or typed[before] in _TELLING_WORDS or typed[before] == "out"
            ):
                return typed
        elif before < 0 or typed[before] not in _TELLS:
            # Only "told" or "asked" take the one told directly: after "said" the one named is who did it
            # ("said daddy wants ...").
            return typed
        framing.add(number)
    kept = [word for n, word in enumerate(typed) if n not in framing]
    if _PARTNER_WORDS.intersection(kept) and not _only_a_partner(kept, child_age):
        # A partner told of: only when the rest is only a partner of the child's age ("told me she has a
        # boyfriend"); "told me she does it with her boyfriend" is kept as typed.
        return typed
    if framing and _feels_another_gender(kept):
        kept = [*kept, "trans"]
    if framing and _IDENTITY.intersection(kept) and not (_CAME.intersection(kept) and "out" in kept):
        # Telling someone who they are is coming out ("told his mum he is gay"), which the word list names.
        kept = ["came", "out", *kept]
    return kept or typed


# Round 11: how the one told took it, or how the child fears someone will ("told his best mate, he's fine with it",
# "is worried how her dad will react"): said after a child's coming out, it says nothing of what happened.
_FEARING = frozenset({"worried", "scared", "nervous", "anxious", "frightened", "afraid", "unsure", "wondering"})
_TAKING_IT = frozenset({"react", "reacts", "take", "takes", "feel", "feels", "respond", "cope", "think"})
_TOOK_IT_WELL = frozenset({"fine", "ok", "okay", "cool", "supportive", "happy", "great", "good", "chill"})


def _without_how_they_took_it(typed: list[str]) -> list[str]:
    """The words without a closing clause on how someone took, or may take, a child's coming out: "(and is) worried how
    her dad will react", "(he is) fine with it"."""
    for n in range(len(typed)):
        rest = typed[n:]
        if rest[0] in _FEARING and "how" in rest[1:3]:
            after = rest[rest.index("how") + 1 :]
            if len(after) <= 5 and _TAKING_IT.intersection(after) and {"will", "would", "might"}.intersection(after):
                start = n - 1 if n and typed[n - 1] in {"is", "s", "was"} else n
                start = start - 1 if start and typed[start - 1] == "and" else start
                return typed[:start]
        if rest[0] in _TOOK_IT_WELL and rest[1:3] == ["with", "it"] and len(rest) <= 4:
            start = n - 1 if n and typed[n - 1] in {"is", "s", "was", "are", "were"} else n
            start = start - 1 if start and typed[start - 1] in {"he", "she", "they", "hes", "shes"} else start
            return typed[:start]
    return typed


def _feels_another_gender(typed: list[str]) -> bool:
    """Whether the words say the child thinks or feels they are a boy or a girl ("thinks he's a girl inside",
    "feels like a boy"): "boy" or "girl" within four words after "thinks" or "feels"."""
    return any(
        w in {"boy", "girl"} and {"thinks", "think", "feels", "feel"}.intersection(typed[max(0, n - 4) : n])
        for n, w in enumerate(typed)
    )


_IDENTITY = frozenset(
    {
        "gay", "lesbian", "bi", "bisexual", "trans", "transgender", "nonbinary", "binary", "enby", "pansexual",
        "asexual", "queer", "lgbt", "lgbtq", "lgbtqia", "genderfluid", "pan", "ace", "questioning",
    }
)  # fmt: skip
# The words of a child asking where babies come from ("how are babies made", "asked mum where babies come
# from"): "made" there is no force, and babies are no younger child.
_BABY_QUESTION = frozenset(
    {"how", "where", "why", "what", "are", "is", "were", "do", "does", "did", "get", "gets", "got", "made", "make",
     "makes", "come", "comes", "from", "born", "babies", "baby", "you", "the", "a"}
)  # fmt: skip


_MAKING = frozenset({"made", "make", "makes"})


def _asks_where_babies_come_from(typed: list[str]) -> bool:
    """Whether the words are only a child's question of where babies come from, with at most one listener
    ("asked grandma how babies are made"): any other word ("made her", "a baby doll", "the baby's nappy")
    keeps "made" as force and "baby" as a younger child."""
    if not {"babies", "baby"}.intersection(typed) or not {"how", "where", "why", "what"}.intersection(typed):
        return False
    baby = next(w for w in typed if w in {"babies", "baby"})
    if "made" in typed and not {"babies", "baby"}.intersection(typed[: typed.index("made")]):
        return False
    if sum(w in _MAKING for w in typed) > 1 or {"do", "does", "did"}.intersection(typed[typed.index(baby) :]):
        return False  # "how are babies made, he made her", "where do babies come from, he did it to me"
    listeners = [w for w in typed if w in _LISTENERS]
    allowed = _BABY_QUESTION | _ASKING_WORDS | {"to", "know", "wants", "about", "if", "a", "the", "step"}
    return len(listeners) <= 1 and all(w in allowed or w in _LISTENERS for w in typed)


def _asks_of_the_ordinary(typed: list[str], asked: int) -> bool:
    """Whether what the child asked about (the words between "what" and "is" or "means", after the word of
    asking at ``asked``) is only what young children ask about: sex, babies, puberty, identity."""
    what = next(n for n in range(asked + 1, len(typed)) if typed[n] in {"what", "whats"})
    rest = typed[what + 1 :]
    ending = next((n for n, w in enumerate(rest) if w in _MEANS), len(rest))
    topic = [w for w in rest[:ending] if w not in _OWNERS and w not in {"a", "an"}]
    if {"fluid", "dream", "dreams"}.intersection(topic) and not {"gender", "wet"}.intersection(topic):
        return False  # "fluid" only in "gender fluid", "dream" only in "wet dream"
    return bool(topic) and all(w in _HEALTHY_TOPICS or w in _ASKED_TOPICS for w in topic)


# "Private parts", "privates": a part of the body, not a place ("touching a staff member's private
# parts" is not "in private").
_BODY_AFTER_PRIVATE = frozenset({"part", "parts", "area", "areas", "bits", "body"})


def _body_words_apart(typed: list[str]) -> list[str]:
    """The typed words with those naming private parts of the body read as "genitals": they say nothing of where
    ("in private" shares their stem). Round 11: read, not dropped, so that "her privates hurt" says pain there."""
    if "private" not in typed and "privates" not in typed:
        return typed
    kept = []
    for number, word in enumerate(typed):
        following = typed[number + 1] if number + 1 < len(typed) else ""
        if word == "privates" or (word == "private" and following in _BODY_AFTER_PRIVATE):
            kept.append("genitals")
            continue
        kept.append(word)
    return kept


_YEARS_OLD = frozenset({"year", "years", "yr", "yrs", "yo", "yos", "yearold"})
_IS_AGED = frozenset({"is", "was", "aged", "age", "s", "turned", "turning"})


def adult_ages(query: str) -> frozenset[str]:
    """The numbers typed that give an adult's age ("her 19 year old boyfriend", "he is 25"), where the
    ages typed name someone older (`_names_someone_older`): the search reads each as the word "adult",
    which the pack's items on adults and much older partners use. "17 and 18 year olds" names no one
    older, and a number that is not an age ("18 messages") is left alone."""
    return _adult_ages_of(typed_words(query))


def _stated_ages(typed: list[str]) -> list[int]:
    """The numbers typed as someone's age: followed by "year old" ("a 5 year old") or after "is" or
    "aged" ("she is 11"); not a school year ("year 10") or a count ("3 messages")."""
    found = []
    for number, word in enumerate(typed):
        if not (word.isdigit() and len(word) <= 2) or _is_developmental(typed, number):
            continue
        after = typed[number + 1] if number + 1 < len(typed) else ""
        before = typed[number - 1] if number else ""
        after2 = typed[number + 2] if number + 2 < len(typed) else ""
        duration = before in _PARTNER_WORDS and (
            after in {"months", "month", "weeks", "week", "days", "day", "now", "mths"}
            or (after in {"years", "yrs", "year"} and after2 not in {"old", "older"})
        )
        if duration:
            continue  # how long they have been together ("her bf 2 years"), not an age
        if after in _YEARS_OLD or before in _IS_AGED or before in _PARTNER_WORDS:
            # Round 9: a number just after a partner word is the partner's age ("her boyfriend 17", "bf 17").
            found.append(int(word))
    return found


def _school_years(typed: list[str]) -> list[int]:
    """The school years typed ("year 3", "yr 11"): England's years 1 to 13."""
    return [
        int(typed[number + 1])
        for number, word in enumerate(typed[:-1])
        if word in {"year", "yr"} and typed[number + 1].isdigit() and 1 <= int(typed[number + 1]) <= 13
    ]


def _ages_typed(typed: list[str]) -> list[int]:
    """The numbers of one or two digits among a query's words: the ages it may give (not a
    developmental age, `_is_developmental`)."""
    return [int(w) for n, w in enumerate(typed) if w.isdigit() and len(w) <= 2 and not _is_developmental(typed, n)]


def _ages_without_own_year(typed: list[str], child_age: int) -> list[int]:
    """`_ages_typed` without a school year that is the child's own (year N holds children of N + 4 and N + 5):
    "my 11 yr old son ... in yr 6" names one age; "a 15 yo and a year 8" still names 15 and 8, and two school
    years typed ("yr 13 ... with a yr 8") both stay."""
    if len(_school_years(typed)) > 1:
        return _ages_typed(typed)
    return [
        int(w)
        for n, w in enumerate(typed)
        if w.isdigit()
        and len(w) <= 2
        and not _is_developmental(typed, n)
        and not (_school_year_at(typed, n) and _is_own_school_year(int(w), child_age))
    ]


def _is_own_school_year(year: int, child_age: int) -> bool:
    """Whether school year ``year`` is a child of ``child_age``'s own: year N holds children of N + 4 and N + 5."""
    return year + 4 <= child_age <= year + 5


def _school_year_at(typed: list[str], number: int) -> bool:
    """Whether the number at ``number`` is a school year ("year 6", "yr 10"), not an age ("year 6 year old"
    is unusual; "6 year old" is an age)."""
    return bool(number) and typed[number - 1] in {"year", "yr"} and 1 <= int(typed[number]) <= 13


# Round 8: the words before a developmental age ("dev age around 10", "developmentally about 4", "a mental
# age of 6", "functioning at 7"): the child's own level of development, not another person.
_DEVELOPMENTAL = frozenset(
    {
        "dev", "developmental", "developmentally", "mental", "mentally", "functioning", "functions",
        "cognitive", "cognitively", "emotional", "emotionally",
    }
)  # fmt: skip


def _is_developmental(typed: list[str], number: int) -> bool:
    """Whether the number at ``number`` is the first number after a word of development, within four words,
    and not followed by "year old" or "yo" ("mentally 9, 21 year old messaging her": 21 is someone else)."""
    if number + 1 < len(typed) and typed[number + 1] in _YEARS_OLD:
        return False
    for before in range(number - 1, max(-1, number - 5), -1):
        if typed[before].isdigit():
            return False
        if typed[before] in _DEVELOPMENTAL:
            return True
    return False


def _adult_ages_of(typed: list[str]) -> frozenset[str]:
    """`adult_ages` of a query's words (`typed_words`)."""
    ages = _ages_typed(typed)
    if not ages or not _names_someone_older(ages):
        return frozenset()
    return frozenset(str(age) for age in _stated_ages(typed) if age >= 18)


def _names_someone_older(ages: list[int]) -> bool:
    """Whether the ages typed name someone older: one adult age alone ("18 year old boyfriend"), two
    ages four or more years apart, or an adult beside a child under the age of consent."""
    low, high = min(ages), max(ages)
    if len(ages) == 1 or low == high:
        return high >= 18
    return high - low >= AGE_GAP or (high >= 18 and low < 16)


# Every byte that is not a-z or 0-9 becomes a space: a text's words, as `_WORD` finds them, are then
# what str.split() gives, several times quicker on a large pack.
_NOT_WORD = bytes(c if (0x61 <= c <= 0x7A or 0x30 <= c <= 0x39) else 0x20 for c in range(256))


def word_list(text: str) -> list[str]:
    """``_WORD.findall(text)``, by byte translation: any other character (a non-ASCII one becomes '?'
    first) separates words, as it does for the pattern."""
    return text.encode("ascii", "replace").translate(_NOT_WORD).decode("ascii").split()


# Ends each text when every text is read in one pass: a word no descriptor uses (if one does, a longer one).
_END_OF_TEXT = "qzxendoftextqzx"


def _words_of_each(texts: Sequence[str]) -> tuple[list[str], str]:
    """Every word of every text in order, each text followed by an end mark, and the mark (a word
    no text holds).

    The word pattern runs once over all the texts joined, not once per text: a large pack has
    tens of thousands of short texts, and the pattern's own cost per call is most of the time.
    """
    mark = _END_OF_TEXT
    while True:
        found = word_list(normalise(f" {mark} ".join(texts) + f" {mark}")) if texts else []
        if found.count(mark) == len(texts):
            return found, mark
        mark += "q"  # some text holds the mark itself: try a longer one


# Round 10: "his thing", "daddy's thing": a child's word for someone's private parts, read as "privates"; not
# "things" (belongings), "the sex thing" (an act) or "her own thing".
_THING_OWNERS = frozenset(
    {"his", "daddy", "dad", "daddys", "dads", "uncle", "uncles", "man", "mans", "grandad", "grandpa", "brother"}
    | {"brothers", "stepdad", "stepdads", "cousin", "cousins", "boyfriend", "boyfriends"}
)
# ... only just after a word of an act on a body (at most `_THING_REACH` words before the owner), with no "is" between.
_ACTS_ON_A_THING = (
    "touch", "kiss", "lick", "suck", "show", "hold", "held", "rub", "saw", "see", "seen", "look", "grab", "put",
    "stroke", "pull", "hurt", "sent", "send",
)  # fmt: skip
_THING_REACH = 3
_CONTAINERS = frozenset({"bag", "pocket", "box", "drawer", "locker", "tray", "backpack", "case", "shelf", "cupboard"})
_COPULAS = frozenset({"is", "isn", "isnt", "was", "wasn", "not", "s"})


# Round 10: the writer's own role opening the query ("foster carer: 14yo boy touches himself in bed", "nursery
# nurse here, ..."): who is asking, not someone in what happened ("carer" had named an adult).
_ROLES = (
    r"(?:foster carer|carer|teacher|ta|teaching assistant|dsl|deputy dsl|social worker|nursery nurse|nursery worker"
    r"|nursery manager|childminder|youth worker|school nurse|residential worker|support worker|key ?worker|parent|mum|dad"
    r"|foster parent|foster mum|foster dad)"
)
# ... said as the writer's ("nursery nurse here", "as a TA,", "i'm a foster carer:"), or as a label before the child
# ("foster carer: 14yo boy ..."); "dad - makes her sit on his lap" names the one who did it, and stays (a review).
_WRITER = re.compile(
    rf"^\W*(?:(?:(?:i am|i'm|im|as) an? {_ROLES}(?:\s*[:,-]|\s+here\b))|(?:{_ROLES}\s+here\b)"
    rf"|(?:{_ROLES}\s*(?::|\s-)\s*(?=(?:\d|my |our |a |an |the |son|daughter|boy|girl|pupil|child|kid|lad|year |yr |y\d))))"
)


_AFRAID = frozenset(
    {"scared", "frightened", "afraid", "hates", "hate", "cries", "cry", "crying", "refuses", "refusing", "upset"}
    | {"anxious", "panics", "panic", "worried", "fear", "terrified", "clings", "clingy", "doesn", "won", "wont"}
    # A fourth review: distress ("screams at home time when uncle collects her, wet herself").
    | {"screams", "screaming", "screamed", "scream", "wet", "wets", "wetting", "sobbing"}
)
_HOME_TIME = re.compile(r"\b(?:at )?home ?time\b")


def _without_the_writer(text: str) -> str:
    """The text without the writer's own role at its start (`_WRITER`), unless the rest may be about that person: a
    pronoun of the other sex from the child named ("dad: 10 yo girl, he gets in the shower with her"), or the writer
    acted on ("foster carer: 6yo keeps trying to put his tongue in my mouth"), a third review found."""
    found = _WRITER.match(text)
    if found is None:
        return text
    rest = word_list(text[found.end() :])
    girl = bool({"girl", "daughter", "she", "her"} & set(rest[:4]))
    boy = bool({"boy", "son", "lad", "he", "his"} & set(rest[:4]))
    he, she = {"he", "him", "his"} & set(rest), {"she", "her"} & set(rest)
    if (girl and he) or (boy and not girl and she) or (he and she):
        return text
    if {"me", "my", "myself"} & set(rest) and any(w.startswith(_WHAT_HAPPENED) for w in rest):
        return text
    return " " + text[found.end() :]


def typed_words(query: str) -> list[str]:
    """Every word of a query as the engine reads it (stop words included), in order: what "did you mean" rewrites."""
    text = normalise(query[:MAX_QUERY_CHARS])
    text = _without_the_writer(text)
    if "home" in text and not _AFRAID.intersection(word_list(text)):
        # Round 10: "home time" is the end of the school day, not home ("kissed his friend at home time" had led with
        # abuse in the family); beside fear ("scared of home time") it may be going home that frightens (a review).
        text = _HOME_TIME.sub(" ", text)
    typed = word_list(text)
    for step in _TYPED_STEPS:
        typed = step(typed)
    return _whose_thing(typed) if "thing" in typed else typed


# Round 11: children's and families' own words for private parts that neither the pack nor the word list holds, read
# as "privates" so that every reading of a body treats them alike ("he got her to kiss his pee pee" had led with
# kiss chase).
_CHILDRENS_PARTS = frozenset({"peepee", "peepees", "weewee", "weewees", "winkie", "winkies"})
# A safety review: "pee pee" and "wee wee" are private parts only after a possessive or a word of touching ("his pee
# pee", "touched her wee wee"); "says pee pee when he needs the potty" is toilet talk.
_WHOSE_OR_TOUCH = frozenset({"his", "her", "my", "their", "s"})
# "Foo foo", "noo noo", "tuppence", "winky" and "winkle" are in the pack's own synonym group for genitals and are read
# as typed: alone, they find the item on toilet words.
_CHILDRENS_PAIRS = frozenset({("pee", "pee"), ("wee", "wee"), ("pee", "pees"), ("wee", "wees"), ("private", "bits")})
# "Down there" is a child's word for private parts after a word of the body's owner or of touching or hurting
# ("touched me down there", "her down there is sore"); "went down there to the shop" is a place.
_DOWN_THERE_ACTS = frozenset(
    {"touched", "touches", "touching", "touch", "hurts", "hurt", "sore", "itchy", "itches", "kissed", "licked"}
    | {"rubbed", "rubs", "tickled", "tickles", "tickling", "poked", "pokes", "bleeding", "red", "looked", "feel"}
)
_DOWN_THERE_WHO = frozenset({"me", "her", "him", "them", "his", "my"})
# ... never before a word that makes it a place ("took them down there to the beach").
_DOWN_THERE_PLACE = frozenset({"to", "for", "with", "and", "fishing", "by", "at", "near", "on", "in"})


# A third review: only beside a word of an act or a symptom ("dad taught him to aim his pee pee", "tells everyone her
# baby brother has a tiny winkie", "called her vulva her private bits" name them; nothing is done).
_ACT_OR_SYMPTOM = (
    "touch", "rub", "kiss", "lick", "suck", "show", "grab", "hold", "held", "put", "poke", "tickl", "play", "pull",
    "hurt", "sore", "itch", "bleed", "blood", "red", "swoll", "pain", "sting", "burn", "stroke", "strok", "hump",
    "look", "film", "photo", "pic", "got", "made", "make", "had", "poor", "ouch", "sick", "ill",
)  # fmt: skip


def _childrens_words(typed: list[str]) -> list[str]:
    """The words with children's names for private parts (`_CHILDRENS_PARTS`; "pee pee" after a possessive or a touch;
    "down there" after a touch, `_down_there_is_a_body`) read as "privates", beside a word of an act or a symptom."""
    if not typed or not any(w.startswith(_ACT_OR_SYMPTOM) for w in typed):
        return typed
    read: list[str] = []
    skip = False
    for n, word in enumerate(typed):
        if skip:
            skip = False
            continue
        pair = (word, typed[n + 1]) if n + 1 < len(typed) else None
        before = typed[n - 1] if n > 0 else ""
        if word in _CHILDRENS_PARTS:
            read.append("privates")
            continue
        named = pair in _CHILDRENS_PAIRS and (before in _WHOSE_OR_TOUCH or before.startswith(_BODY_ACTS))
        if named or (pair == ("down", "there") and _down_there_is_a_body(typed, n)):
            read.append("privates")
            skip = True
            continue
        read.append(word)
    return read


# Round 11: a hand put in another's clothes ("he put his hand down her knickers", "she put her hand in his pants"):
# the possessives before the hand and the clothes differ. Read as "touched her privates", which every reading of
# touching another knows; "put his hand down his pants" is his own and stays as typed.
_HANDS = frozenset({"hand", "hands", "fingers", "finger"})
_CLOTHES = frozenset(
    {"knickers", "pants", "trousers", "shorts", "skirt", "underwear", "boxers", "pyjamas", "leggings", "nappy"}
    | {"nappies"}
)
# A second review: care or a purpose ("to check if it was wet", "trousers leg to get the bee out", "skirt hem").
_CARE_OF_CLOTHES = frozenset(
    {"check", "checking", "wet", "changing", "change", "tuck", "tucking", "fix", "fixing", "hem", "leg", "pocket"}
    | {"pockets", "sleeve", "bee", "wasp", "label", "zip", "button", "stitching", "dressed", "dressing", "cream"}
    # A third review: toileting ("to see if hed had an accident").
    | {"accident", "accidents", "soiled", "pooed", "poo", "potty", "toilet", "weed"}
)
_INTO_CLOTHES = frozenset({"down", "in", "into", "inside", "up", "under"})
_PUTTING = frozenset({"put", "puts", "putting", "stuck", "sticks", "shoved", "shoves", "slid", "slides", "had"})
_OTHERS_CLOTHES = frozenset(
    {"other", "another", "kids", "children", "childrens", "child", "s", "boys", "girls", "friends", "friend", "peers"}
    | {"classmates", "everyone", "others", "people", "younger", "little", "their", "a", "sisters", "brothers", "sister"}
    | {"brother", "baby", "babys", "cousins", "cousin", "his", "her", "the"}
)


def _hand_in_anothers_clothes(typed: list[str]) -> list[str]:
    """The words with "his hand down her knickers" (a hand with one possessive, a word of into, then within four words
    clothes with the other possessive or another child's) read as "touched her privates"; never beside care
    (`_CARE_OF_CLOTHES`)."""
    if not _HANDS.intersection(typed) or _CARE_OF_CLOTHES.intersection(typed):
        return typed
    for number, word in enumerate(typed):
        if word not in _HANDS or number == 0 or typed[number - 1] not in {"his", "her"}:
            continue
        owner = typed[number - 1]
        if typed[number + 1 : number + 2] and typed[number + 1] in _INTO_CLOTHES:
            for at in range(number + 3, min(len(typed), number + 7)):
                if typed[at] not in _CLOTHES:
                    continue
                whose = [w for w in typed[number + 2 : at] if w != "the"]
                if typed[at - 1] in {"his", "her"} and typed[at - 1] != owner:
                    read = ["touched", typed[at - 1], "privates"]
                elif (
                    whose
                    and all(w in _OTHERS_CLOTHES for w in whose)
                    and not set(whose) <= {"his", "her", "their", "a", "the", "little"}
                ):
                    read = ["touching", *whose, "privates"]  # "down other kids trousers"
                else:
                    continue
                start = number - 1
                if start > 0 and typed[start - 1] in _PUTTING:
                    start -= 1  # "put his hand": the putting is the touching
                return [*typed[:start], *read, *_hand_in_anothers_clothes(typed[at + 1 :])]
    return typed


# Round 11: a groom at a wedding ("they play weddings, the groom kissed the bride" had read as grooming), and grooming
# an animal.
_GROOMING_WORDS = frozenset({"groom", "grooms", "grooming", "groomed"})
_GROOMED_ANIMALS = frozenset(
    {"pony", "ponies", "horse", "horses", "dog", "dogs", "cat", "cats", "guinea", "pig", "pigs", "rabbit", "rabbits"}
    | {"pet", "pets", "hamster", "hamsters", "mane", "fur", "puppy", "kitten", "animals"}
)
_WEDDING = frozenset({"bride", "brides", "wedding", "weddings", "married", "marry", "marrying", "bridesmaid"})


def _wedding_groom(typed: list[str]) -> list[str]:
    """The words with "groom" read as "bridegroom" beside a word of a wedding, and grooming an animal read as brushing
    ("she grooms her pony every saturday", "learning dog grooming", a third review)."""
    if "groom" in typed and _WEDDING.intersection(typed):
        typed = ["bridegroom" if w == "groom" else w for w in typed]
    if not _GROOMING_WORDS.intersection(typed):
        return typed
    read = list(typed)
    for n, w in enumerate(typed):
        if w in _GROOMING_WORDS and (
            _GROOMED_ANIMALS.intersection(typed[n + 1 : n + 4]) or typed[n - 1 : n] in (["dog"], ["pet"], ["horse"])
        ):
            read[n] = "brushing"
    return read


# Round 11: "not in front of anyone" says the opposite of "in front of" ("touching himself in bed, not in front of
# anyone" had led with self-touch in public): read as "in private".
_NOT_WORDS = frozenset({"not", "never", "isn't", "isnt", "wasn't", "wasnt", "nobody"})
_IN_FRONT_OF_WHOM = frozenset(
    {"anyone", "anybody", "others", "other", "people", "adults", "staff", "us", "me", "his", "her", "their", "mum"}
    | {"dad", "the", "class", "family", "siblings", "anyone's", "at", "school", "home"}
)
_CONTRAST = frozenset({"but", "only", "except", "though", "although", "whereas", "yet"})


def _not_in_front(typed: list[str]) -> list[str]:
    """The words with "not in front of ..." (and "never in front of ...") read as "in private"."""
    for n in range(len(typed) - 3):
        if typed[n] in _NOT_WORDS and typed[n + 1 : n + 4] == ["in", "front", "of"]:
            whom = n + 4
            while whom < len(typed) and typed[whom] in _IN_FRONT_OF_WHOM:
                whom += 1
            rest = [*typed[:n], *typed[whom:]]
            # A second review: "never in front of adults, only with the younger kids", "not in front of anyone, he
            # does it with his 4yo cousin" say whom it is hidden from, not that it is private.
            if _CONTRAST.intersection(rest) or any(
                w in _OTHER_PEOPLE or w in _ANOTHER_CHILD or w in _RELATIVE_WORDS or w.isdigit() for w in typed[whom:]
            ):
                return typed
            return [*typed[:n], "in", "private", *typed[whom:]]
    return typed


# Round 11: the game of "mummies and daddies" ("reception children playing mummies and daddies" had led with a
# disclosure): read as "house", as in "playing house", after a word of play.
_FAMILY_GAME = (("mummies", "and", "daddies"), ("mums", "and", "dads"), ("mummys", "and", "daddys"))
_PLAY_WORDS = frozenset({"play", "plays", "playing", "played", "game", "games", "pretend", "pretending"})
# A safety review: beside these the game is kept as typed ("playing mummies and daddies with no clothes on").
_NAKED_WORDS = frozenset(
    {"naked", "nude", "clothes", "undressed", "knickers", "pants", "privates", "willy", "bed", "top", "humping"}
    | {"rocking", "sex", "kissing", "secret"}
)


def _playing_house(typed: list[str]) -> list[str]:
    """The words with "mummies and daddies" read as "house" when a word of play comes just before."""
    for n in range(len(typed) - 2):
        if (
            tuple(typed[n : n + 3]) in _FAMILY_GAME
            and _PLAY_WORDS.intersection(typed[max(0, n - 2) : n])
            and not _NAKED_WORDS.intersection(typed)
        ):
            return [*typed[:n], "house", *_playing_house(typed[n + 3 :])]
    return typed


def _down_there_is_a_body(typed: list[str], n: int) -> bool:
    """Whether "down there" at ``n`` names private parts: just after a word of touching or hurting, or after a person
    who comes just after one ("touched her down there"), and never before a word of a place."""
    if typed[n + 2 : n + 3] and typed[n + 2] in _DOWN_THERE_PLACE:
        return False
    before = typed[n - 1] if n > 0 else ""
    if before in _DOWN_THERE_ACTS:
        return True
    return before in _DOWN_THERE_WHO and n > 1 and typed[n - 2] in _DOWN_THERE_ACTS


# Round 11: "was seen kissing", "has been seen with": someone saw the child do it; the child saw nothing ("a teenage
# boy was seen kissing the 6yo" had led with the item on a child who has seen sexual content).
_SEEN_BY_OTHERS = frozenset({"was", "were", "been", "being", "is", "are", "got", "get", "gets", "getting"})


def _seen_doing(typed: list[str]) -> list[str]:
    """The words without "seen" where it says someone saw the child at it (after "was", "been", ...; before a word of
    doing or "with")."""
    if "seen" not in typed:
        return typed
    dropped: set[int] = set()
    for n, w in enumerate(typed):
        if (
            w == "seen"
            and n > 0
            and typed[n - 1] in _SEEN_BY_OTHERS
            and n + 1 < len(typed)
            and (typed[n + 1].endswith("ing") or typed[n + 1] == "with")
        ):
            dropped.update((n - 1, n))  # "was seen" (a safety review: "was ... his girlfriend" read as grooming)
    return [w for n, w in enumerate(typed) if n not in dropped]


# Round 11: what `typed_words` reads before every rule, in order: a groom or grooming an animal, "not in front of",
# "was seen", children's words for private parts, the game of mummies and daddies, a hand in another's clothes.
_TYPED_STEPS: tuple[Callable[[list[str]], list[str]], ...] = (
    _wedding_groom,
    _not_in_front,
    _seen_doing,
    _childrens_words,
    _playing_house,
    _hand_in_anothers_clothes,
)


def _whose_thing(typed: list[str]) -> list[str]:
    """Round 10: "his thing", "daddy's thing" just after a word of an act on a body ("touched his thing", "showed me
    his thing") read as "privates"; not "things", "the sex thing", "drawing is his thing", "kissing isn't his thing",
    "left his thing at school" (two reviews)."""
    read = list(typed)
    for n, word in enumerate(typed):
        if word != "thing" or n == 0:
            continue
        owner = n - 1
        if typed[owner] == "s" and owner > 0:
            owner -= 1  # "daddy's" is read as "daddy", "s"
        if typed[owner] not in _THING_OWNERS:
            continue
        before = typed[max(0, owner - _THING_REACH) : owner]
        if any(w in _COPULAS for w in before):
            continue
        after = typed[n + 1 : n + 4]
        if after[:1] == ["away"] or (after[:1] in (["in"], ["into"], ["on"]) and _CONTAINERS.intersection(after)):
            continue  # "put his thing in his bag for show and tell" (a third review)
        if any(w.startswith(_ACTS_ON_A_THING) for w in before):
            read[n] = "privates"
    return read


def corrected_query(query: str, corrections: dict[str, str]) -> str | None:
    """The query with each corrected word replaced, for "did you mean"; None when nothing was corrected."""
    if not corrections:
        return None
    return " ".join(corrections.get(word, word) for word in typed_words(query))
