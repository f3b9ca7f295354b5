"""What search answers for a few words at an age, read the way the search tests assert on it: the levels
and ids of the first results, and the names of the contexts the words name."""

from __future__ import annotations

from behaviours import Pack
from behaviours.answers.finding import find
from behaviours.answers.search import CONTEXTS, _contexts_of, contexts_in, typed_words


def first_levels(pack: Pack, words: str, age: int, top: int = 3) -> list[str]:
    """The levels (at the age) of the first ``top`` results, best first."""
    return [pack.level_at(hit.behaviour, age).value for hit in find(pack, words, age=age, limit=top).hits]


def first_ids(pack: Pack, words: str, age: int, top: int = 3) -> list[str]:
    """The ids of the first ``top`` results, best first."""
    return [hit.behaviour.id for hit in find(pack, words, age=age, limit=top).hits]


def context_names(words: str) -> set[str]:
    """The names of the contexts the words name (`contexts_in`)."""
    return {CONTEXTS[number].name for number in contexts_in(words)}


def context_names_at(words: str, age: int) -> set[str]:
    """The names of the contexts the words name searched at the child's age (ages typed read against it)."""
    return {CONTEXTS[number].name for number in _contexts_of(typed_words(words), age)}
