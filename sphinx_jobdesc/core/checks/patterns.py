"""Regular expressions for many triggers at once: the lint scans every text of every
role file, and most texts match nothing, so one fast scan of the whole text
decides first, and says where each rule may match."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

#: Letters that case-insensitive matching takes for an ASCII letter and lower-casing
#: does not turn into it ("\u0130", dotted capital I, also lower-cases to two
#: characters); folding them first keeps :func:`folded` as long as its text.
_FOLDS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
_FOLDED = "\u0130\u0131\u017f"
_CASE_SENSITIVE = "(?-i:"


def folded(text: str) -> str:
    """*text* lower-cased so that lower-case patterns match it as ``re.IGNORECASE``
    matches ASCII letters, character for character (so offsets carry over).

    Patterns that need not try both cases of each letter are several times faster:
    Python's engine can then skip every position whose letter starts no trigger."""
    if not text.isascii() and any(char in text for char in _FOLDED):
        text = text.translate(_FOLDS)  # slow, and seldom needed
    return text.lower()


def whole_words(fragments: Iterable[str]) -> re.Pattern[str]:
    """The fragments as whole words, in text as written, ignoring case (except in
    ``(?-i:...)``)."""
    return re.compile(r"(?<!\w)(?:" + "|".join(fragments) + r")(?!\w)", re.IGNORECASE)


def folded_words(fragments: Iterable[str]) -> re.Pattern[str]:
    """The fragments as whole words, in :func:`folded` text, grouped by first letter."""
    union = by_first_letter(map(lower_case, fragments))
    return re.compile(rf"(?<!\w)(?:{union})(?!\w)")


def is_case_sensitive(fragments: Iterable[str]) -> bool:
    return any(_CASE_SENSITIVE in fragment for fragment in fragments)


def lower_case(regex: str) -> str:
    """*regex* for :func:`folded` text: its letters in lower case (escapes such as
    ``\\S`` kept), and ``(?-i:...)`` a plain group, which matches more: the case
    of such a match is checked in the text as written."""
    return re.sub(r"\\.|\(\?-i:|[^\\(]+|\(", _lower_case, regex)


def _lower_case(match: re.Match[str]) -> str:
    found = match.group()
    if found == _CASE_SENSITIVE:
        return "(?:"
    return found if found.startswith("\\") else folded(found)


def first_letters(fragments: Iterable[str]) -> frozenset[str] | None:
    """The letters a match of *fragments* can start with in :func:`folded` text, or
    None if some fragment can start otherwise."""
    letters = set()
    for fragment in fragments:
        letter = _first_letter(lower_case(fragment))
        if letter is None:
            return None
        letters.add(letter)
    return frozenset(letters)


def by_first_letter(alternatives: Iterable[str]) -> str:
    """The alternation of *alternatives* (regular expressions), those that start with a
    plain letter grouped under it: ``b(?:eer|ro)|c(?:obol)``. The engine then tries one
    group at a word rather than every alternative, which keeps a scan with a few
    hundred triggers fast; an alternative that starts otherwise is left as it is."""
    grouped: dict[str, list[str]] = {}
    others: list[str] = []
    for alternative in alternatives:
        first = _first_letter(alternative)
        if first is None:
            others.append(alternative)
        else:
            grouped.setdefault(first, []).append(alternative[1:])
    return "|".join([f"{first}(?:{'|'.join(rests)})" for first, rests in grouped.items()]
                    + others)


def _first_letter(alternative: str) -> str | None:
    """The plain letter every match of *alternative* starts with, if there is one."""
    first, rest = alternative[:1], alternative[1:]
    if first.isalnum() and not rest.startswith(("?", "*", "+", "{")) and (
            "|" not in _top_level(alternative)):
        return first
    return None


def _top_level(pattern: str) -> str:
    """*pattern* without its parenthesised parts (and escapes): where a top-level ``|``
    would show."""
    depth, kept, escaped = 0, [], False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif depth == 0:
            kept.append(char)
    return "".join(kept)


class Spans:
    """Character spans (allowed phrases, technical senses) that cover a match or not,
    answered in logarithmic time: a text can hold many of each."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans.sort()
        self.starts = [low for low, _ in spans]
        self.reach: list[int] = []  # the furthest end of the spans up to each one
        for _, high in spans:
            self.reach.append(max(high, self.reach[-1]) if self.reach else high)

    def cover(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self.starts, start) - 1
        return index >= 0 and self.reach[index] >= end


def spans(pattern: re.Pattern[str] | None, text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)] if pattern else []
