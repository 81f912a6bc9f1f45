"""Where a lint finding is in its role file, and the ``# jobdesc-lint:`` comments
that turn rules off there."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

_DISABLE = re.compile(r"#\s*jobdesc-lint:\s*(disable-file|disable)\b([^#\n]*)")


@dataclass
class Source:
    """A role file's lines, to place findings and honour ``# jobdesc-lint:`` comments.

    ``# jobdesc-lint: disable <rule>[, <rule>...]`` turns rules off for the entry
    the comment is written on, or else the entry on the next line, with
    everything nested in it; ``disable-file`` turns them off for the whole
    file. No rule names (or ``all``) means every rule. Reading the comments
    takes time linear in the file, however many there are.
    """

    lines: list[str]
    #: (first line, last line, rule ids or None for all), 1-based, inclusive.
    ranges: list[tuple[int, int, frozenset[str] | None]] = field(default_factory=list)

    @classmethod
    def read(cls, path: str) -> Source:
        try:
            with open(path, encoding="utf-8-sig") as stream:
                lines = stream.read().splitlines()
        except (OSError, UnicodeDecodeError):
            lines = []
        source = cls(lines)
        entries: _Entries | None = None
        for number, line in enumerate(lines, start=1):
            match = _DISABLE.search(line) if "jobdesc-lint" in line else None
            if match:
                names = frozenset(re.split(r"[\s,]+", match.group(2).strip())) - {""}
                which = None if not names or "all" in names else names
                if match.group(1) == "disable-file":
                    source.ranges.append((1, len(lines), which))
                else:
                    entries = entries or _Entries(lines)
                    source.ranges.append((*entries.of(number), which))
        return source

    def disabled(self, rule_id: str, line: int) -> bool:
        return any(_within(self._covered.get(key), line) for key in (None, rule_id))

    @cached_property
    def _covered(self) -> dict[str | None, tuple[list[int], list[int]]]:
        """The lines each rule (None: every rule) is off on, as sorted disjoint ranges."""
        by_rule: dict[str | None, list[tuple[int, int]]] = {}
        for first, last, names in self.ranges:
            for name in names or (None,):
                by_rule.setdefault(name, []).append((first, last))
        return {name: _merged(spans) for name, spans in by_rule.items()}

    def line_of(self, text: str, found: str, start: int, written: int) -> int:
        """The file line of the words *found* at *start* in *text*, whose value starts
        on line *written*.

        Counts earlier occurrences of the same words in the text, then finds
        that occurrence in the file from *written* on; *written* if not found
        (for example when the words are split over two lines).
        """
        needle = " ".join(found.lower().split())
        before = " ".join(text[:start].lower().split()).count(needle)
        for number in range(written, min(len(self.lines), written + text.count("\n") + 200) + 1):
            count = self.lines[number - 1].lower().count(needle)
            if before < count:
                return number
            before -= count
        return written


def _merged(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """*spans* joined where they overlap: (starts, ends), both sorted."""
    starts: list[int] = []
    ends: list[int] = []
    for first, last in sorted(spans):
        if ends and first <= ends[-1]:
            ends[-1] = max(ends[-1], last)
        else:
            starts.append(first)
            ends.append(last)
    return starts, ends


def _within(ranges: tuple[list[int], list[int]] | None, line: int) -> bool:
    if ranges is None:
        return False
    index = bisect.bisect_right(ranges[0], line) - 1
    return index >= 0 and ranges[1][index] >= line


class _Entries:
    """Where each YAML entry of a file ends, found by indentation in linear time.

    An entry is its first line and every following line indented deeper; a
    key that opens a block (``key:``) also holds the ``- item`` lines written
    at its own indentation.
    """

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        count = len(lines)
        self.indent = [len(line) - len(line.lstrip()) for line in lines]
        content = [bool(s) and not s.startswith("#") for s in (line.strip() for line in lines)]
        self.content = content
        #: next_content[i]: the first content line at index i or after (count: none).
        self.next_content = [count] * (count + 1)
        #: last_content[i]: the last content line at index i or before (-1: none).
        self.last_content = [-1] * count
        #: next_le[i]: the first content line after i indented no deeper than i.
        self.next_le = [count] * count
        stack: list[int] = []
        for i in range(count - 1, -1, -1):
            self.next_content[i] = i if content[i] else self.next_content[i + 1]
            if content[i]:
                while stack and self.indent[stack[-1]] > self.indent[i]:
                    stack.pop()
                self.next_le[i] = stack[-1] if stack else count
                stack.append(i)
        for i in range(count):
            self.last_content[i] = i if content[i] else (self.last_content[i - 1] if i else -1)

    def of(self, comment_line: int) -> tuple[int, int]:
        """The (first, last) lines of the entry a disable comment on *comment_line*
        (1-based) applies to."""
        start = comment_line - 1
        if self.lines[start].lstrip().startswith("#"):  # a comment on its own line
            following = self.next_content[start + 1]
            start = following if following < len(self.lines) else start
        if not self.content[start]:
            return comment_line, comment_line
        first = self.lines[start]
        base = self.indent[start]
        opens_block = not first.lstrip().startswith("-") and first.split("#")[0].rstrip(
            ).endswith((":", "|", ">", "|-", ">-"))
        stop = self.next_le[start]
        while (stop < len(self.lines) and opens_block and self.indent[stop] == base
               and self.lines[stop].lstrip().startswith("-")):
            stop = self.next_le[stop]
        return start + 1, self.last_content[stop - 1] + 1
