"""The words of a difference between two versions of a role: one change, the
changes of one role, and the roles as one revision has them."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from .model import Item, Role


@dataclass(frozen=True, slots=True)
class RoleVersion:
    """One role as one revision has it: its title and its merged role at each level
    (None: a role without levels)."""

    title: str
    levels: Mapping[str | None, Role]


#: Every role of a revision, by role id.
Snapshot = Mapping[str, RoleVersion]


@dataclass(frozen=True, slots=True)
class Change:
    """One change of one role: *kind* is ``added``, ``removed``, ``reworded``,
    ``moved``, ``retitled``, ``retimed`` or ``changed``."""

    #: The level it concerns (None: all levels, or a role without levels).
    level: str | None
    #: What changed: ``level``, ``responsibilities``, ``requirements``, ``benefits``,
    #: ``compensation``, ``location``, ``employment_type``, ``posting``, ``stage``...
    area: str
    kind: str
    #: The item's id (or its words, for an item without one).
    item: str | None = None
    old: str | None = None
    new: str | None = None
    #: A comment on the change, such as the salary's percentage.
    note: str | None = None


@dataclass(frozen=True, slots=True)
class RoleDiff:
    role: str
    title: str
    #: ``added``, ``removed`` or ``changed``.
    status: str
    changes: tuple[Change, ...]


def item_key(item: Item) -> str:
    """What matches two versions of an item: its id, else its words."""
    return item.id or " ".join(item.text.split())


def keyed(area: str, before: Mapping[str, str], after: Mapping[str, str],
           moved: set[str] | None = None) -> list[Change]:
    """Texts by key added, removed or reworded (*moved* keys are reported elsewhere)."""
    found = []
    for key, text in before.items():
        if key not in after and key not in (moved or ()):
            found.append(Change(None, area, "removed", key, old=text))
        elif key in after and after[key] != text:
            found.append(Change(None, area, "reworded", key, text, after[key]))
    found += [Change(None, area, "added", key, new=text) for key, text in after.items()
              if key not in before and key not in (moved or ())]
    return found


def word_diff(old: str, new: str, removed: Callable[[str], str],
              added: Callable[[str], str], same: Callable[[str], str] = str) -> str:
    """*old* changed into *new* word by word, the words each side alone has marked by
    *removed* and *added* (``[-old-]{+new+}`` in text, like ``git diff --word-diff``),
    the others by *same*."""
    before, after = old.split(), new.split()
    parts: list[str] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append(same(" ".join(before[i1:i2])))
            continue
        if i2 > i1:
            parts.append(removed(" ".join(before[i1:i2])))
        if j2 > j1:
            parts.append(added(" ".join(after[j1:j2])))
    return " ".join(parts)
