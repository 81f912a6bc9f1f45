"""Plain data that remembers where every value was written: what loading a role
file gives (:class:`LoadedFile`), and the text rules every later reader relies on."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .problems import Origin, Problem, Subtype


class Map(dict[str, Any]):
    """A mapping read from a role file; ``origins[key]`` is where *key* was written."""

    origin: Origin
    origins: dict[str, Origin]

    def __init__(self, origin: Origin, *args: Any) -> None:
        super().__init__(*args)
        self.origin = origin
        self.origins = {}


class Seq(list[Any]):
    """A sequence read from a role file; ``origins[i]`` is where item *i* was written.

    ``by_id`` is true for lists of items that inheritance merges by ``id``
    (set by the schema), false for plain value lists such as country codes.
    """

    origin: Origin
    origins: list[Origin]
    by_id: bool

    def __init__(self, origin: Origin, *args: Any) -> None:
        super().__init__(*args)
        self.origin = origin
        self.origins = []
        self.by_id = False


#: Characters that some reader would take as a line break, or that no output format
#: can carry: line breaks become "\n" (a paragraph separator a blank line), others go.
_LINE_BREAKS = {"\v": "\n", "\f": "\n", "\x1c": "\n", "\x1d": "\n", "\x1e": "\n",
                "\x85": "\n", "\u2028": "\n", "\u2029": "\n\n"}
_ODD_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\x7f\x85\u2028\u2029\ud800-\udfff]")
_NORMALIZE = str.maketrans({**{chr(c): None for c in (*range(0, 9), *range(11, 32), 127)},
                            "\r": "\n", **_LINE_BREAKS,
                            # a lone surrogate ("\ud800" in YAML) cannot be written as UTF-8
                            **{chr(c): "\ufffd" for c in range(0xD800, 0xE000)}})


def normalize_text(value: str) -> str:
    """*value* with every line break as ``\\n``, no other control characters and no
    lone surrogates (U+FFFD instead)."""
    if value.isprintable() or not _ODD_CHARACTERS.search(value):  # (the first is quicker)
        return value
    return value.replace("\r\n", "\n").translate(_NORMALIZE)


@dataclass(frozen=True)
class LoadedFile:
    """The data of one role file (``None`` when unreadable) and what went wrong reading it."""

    path: str
    data: Map | None
    problems: tuple[Problem, ...] = field(default=())


def unusable(path: str, subtype: Subtype, message: str, line: int = 1) -> LoadedFile:
    return LoadedFile(path, None, (Problem(subtype, message, (path, line)),))




def copy_tree(value: Any) -> Any:
    """A deep copy of composed data (with origins), for an alias."""
    if isinstance(value, Map):
        result = Map(value.origin, {key: copy_tree(item) for key, item in value.items()})
        result.origins.update(value.origins)
        return result
    if isinstance(value, Seq):
        seq = Seq(value.origin, [copy_tree(item) for item in value])
        seq.origins = list(value.origins)
        return seq
    return value
