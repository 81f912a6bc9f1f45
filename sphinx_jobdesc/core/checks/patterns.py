"""Regular expressions for many triggers at once: the lint scans every text of every
role file, and most texts match nothing, so one fast scan decides first."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable


def whole_words(fragments: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(fragments) + r")(?!\w)", re.IGNORECASE)


def prefilter(triggers: list[str]) -> re.Pattern[str]:
    """One pattern that matches lower-cased text wherever some trigger might match.

    Most texts match no rule, and this tells with one scan. It is written in
    lower case without IGNORECASE because Python's regex engine then skips
    the alternatives whose first letter differs, which makes it several times
    faster than the case-insensitive union of the rules. (Lower-casing only
    widens it: a case-sensitive trigger such as ``(?-i:CVS)`` becomes ``cvs``;
    the rules themselves decide.)
    """
    union = by_first_letter(t.replace("(?-i:", "(?:").lower() for t in triggers)
    return re.compile(rf"(?<!\w)(?:{union})(?!\w)")


def by_first_letter(alternatives: Iterable[str]) -> str:
    """The alternation of *alternatives* (regular expressions), those that start with a
    plain letter grouped under it: ``b(?:eer|ro)|c(?:obol)``. The engine then tries one
    group at a word rather than every alternative, which keeps a scan with a few
    hundred triggers fast; an alternative that starts otherwise is left as it is."""
    grouped: dict[str, list[str]] = {}
    others: list[str] = []
    for alternative in alternatives:
        first, rest = alternative[:1], alternative[1:]
        if first.isalnum() and not rest.startswith(("?", "*", "+", "{")) and (
                "|" not in _top_level(alternative)):
            grouped.setdefault(first, []).append(rest)
        else:
            others.append(alternative)
    return "|".join([f"{first}(?:{'|'.join(rests)})" for first, rests in grouped.items()]
                    + others)


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
