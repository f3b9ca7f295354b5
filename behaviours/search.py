"""Ranked search over descriptors: words in any order, light stemming, pack synonyms.

The index is built once per pack, so a query costs a few dictionary look-ups
rather than a scan of every descriptor.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections.abc import Iterable, Sequence

MAX_QUERY_CHARS = 200
MAX_QUERY_UNITS = 12

_WORD = re.compile(r"[a-z0-9]+")
_STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "by",
        "child",
        "children",
        "did",
        "do",
        "does",
        "for",
        "from",
        "has",
        "have",
        "he",
        "her",
        "his",
        "i",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "she",
        "that",
        "the",
        "their",
        "them",
        "they",
        "this",
        "to",
        "was",
        "were",
        "who",
        "with",
        "year",
        "years",
        "old",
        "aged",
        "age",
    ]
)

# Where a word is found decides how strongly it counts.
FIELD_WEIGHTS = {"keywords": 3, "text": 2, "consider": 1}


def stem(word: str) -> str:
    """Reduce a word to a rough stem so 'touching', 'touches' and 'touch' meet."""
    if len(word) <= 3:
        return word
    for suffix, minimum in (("ies", 5), ("ing", 6), ("ed", 5)):
        if word.endswith(suffix) and len(word) >= minimum:
            word = word[: -len(suffix)] + ("y" if suffix == "ies" else "")
            if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]
            break
    else:
        if word.endswith(("ches", "shes", "sses", "xes")):
            word = word[:-2]
        elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
            word = word[:-1]
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


def normalise(text: str) -> str:
    """Lower-case, strip accents, and keep letters and digits only."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.lower()


def tokens(text: str) -> list[str]:
    """The stemmed content words of a text, in order."""
    return [stem(w) for w in _WORD.findall(normalise(text)) if w not in _STOP_WORDS]


class SearchIndex:
    """An inverted index from stem to the descriptors that hold it, with their best weight."""

    def __init__(self, documents: Sequence[dict[str, Iterable[str]]], synonyms: Sequence[Sequence[str]]) -> None:
        self._postings: dict[str, dict[int, int]] = {}
        for position, doc in enumerate(documents):
            for field_name, texts in doc.items():
                weight = FIELD_WEIGHTS[field_name]
                for text in texts:
                    for token in tokens(text):
                        bucket = self._postings.setdefault(token, {})
                        if bucket.get(position, 0) < weight:
                            bucket[position] = weight
        # Each synonym group becomes a list of stem-tuples; a phrase matches when all its stems do.
        self._groups: list[tuple[tuple[str, ...], ...]] = []
        self._group_of: dict[tuple[str, ...], int] = {}
        for group in synonyms:
            phrases = tuple(dict.fromkeys(t for t in (tuple(tokens(term)) for term in group) if t))
            if not phrases:
                continue
            number = len(self._groups)
            self._groups.append(phrases)
            for phrase in phrases:
                self._group_of.setdefault(phrase, number)
        self._phrases_with: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self._group_of:
            for stem_ in set(phrase):
                self._phrases_with.setdefault(stem_, []).append(phrase)

    def _units(self, query: str) -> list[tuple[tuple[str, ...], ...]]:
        """Split a query into units: a synonym group where all of a phrase's words appear, in any
        order, else a single stem. Longer phrases are tried first."""
        remaining = tokens(query[:MAX_QUERY_CHARS])
        candidates = sorted(
            {phrase for stem_ in remaining for phrase in self._phrases_with.get(stem_, ())},
            key=lambda phrase: (-len(phrase), phrase),
        )
        units: list[tuple[tuple[str, ...], ...]] = []
        for phrase in candidates:
            if all(stem_ in remaining for stem_ in phrase):
                for stem_ in phrase:
                    remaining.remove(stem_)
                units.append(self._groups[self._group_of[phrase]])
        units.extend(((stem_,),) for stem_ in remaining)
        return list(dict.fromkeys(units))[:MAX_QUERY_UNITS]

    def _match_phrase(self, phrase: tuple[str, ...]) -> dict[int, int]:
        if len(phrase) == 1:
            return self._postings.get(phrase[0], {})
        postings = [self._postings.get(stem_, {}) for stem_ in phrase]
        if not all(postings):
            return {}
        postings.sort(key=len)
        first, rest = postings[0], postings[1:]
        return {
            doc: min(weight, *(other[doc] for other in rest))
            for doc, weight in first.items()
            if all(doc in other for other in rest)
        }

    def search(self, query: str, limit: int | None = None) -> tuple[list[tuple[int, int]], int]:
        """The best-matching documents as (position, score), best first, and how many there were.

        Only documents matching the most query units are kept (all of them when some match
        every word); ``limit`` keeps the top ones without sorting the rest.
        """
        units = self._units(query)
        if not units:
            return [], 0
        counts: dict[int, int] = {}
        scores: dict[int, int] = {}
        for unit in units:
            if len(unit) == 1:
                best = self._match_phrase(unit[0])
            else:
                best = {}
                for phrase in unit:
                    for doc, weight in self._match_phrase(phrase).items():
                        if best.get(doc, 0) < weight:
                            best[doc] = weight
            for doc, weight in best.items():
                counts[doc] = counts.get(doc, 0) + 1
                scores[doc] = scores.get(doc, 0) + weight
        if not counts:
            return [], 0
        most = max(counts.values())
        pool = [(doc, scores[doc]) for doc, count in counts.items() if count == most]

        def order(item: tuple[int, int]) -> tuple[int, int]:
            return (-item[1], item[0])

        if limit is not None and limit < len(pool):
            return heapq.nsmallest(limit, pool, key=order), len(pool)
        return sorted(pool, key=order), len(pool)
