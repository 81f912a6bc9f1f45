"""The ladder of a role family: its levels side by side, each compared with the one below.

A view over the typed roles merged for each level, as the interview guide is
(``interview.py``): templates render it and never compare items themselves.
Items are matched by id (or by text when they have none), so "changed" means
the same id with other words.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Competency, Item, Level, Role


@dataclass(frozen=True)
class Change:
    """An item of a level, and how it differs from the level below."""

    item: Item
    #: "new", "changed", "same" (only shown with ``full``) or "dropped".
    kind: str


@dataclass(frozen=True)
class Column:
    """One level of the ladder."""

    level: Level
    role: Role
    #: The first column shows everything: there is no level below to compare with.
    baseline: bool
    summary: str | None
    responsibilities: tuple[Change, ...]
    must: tuple[Change, ...]
    nice: tuple[Change, ...]


@dataclass(frozen=True)
class Expectations:
    """One row of the competency x level matrix: for each column, the text ("" if none)
    and the hiring bar (the lowest rating that passes there, None if none)."""

    competency: Competency
    texts: tuple[str, ...]
    bars: tuple[int | None, ...]


@dataclass(frozen=True)
class Ladder:
    role: Role
    show: str
    columns: tuple[Column, ...]
    matrix: tuple[Expectations, ...]


def build_ladder(family: Role, levels: list[Role], show: str) -> Ladder:
    """The ladder of *family* over *levels* (each merged for its level), lowest first."""
    columns = []
    previous: Role | None = None
    for role in levels:
        assert role.level is not None
        full = show == "full" or previous is None
        columns.append(Column(
            level=role.level,
            role=role,
            baseline=previous is None,
            summary=role.level_summary,  # each level's own text, in either view
            responsibilities=_changes(role.responsibilities,
                                      previous.responsibilities if previous else None, full),
            must=_changes(role.requirements.must,
                          previous.requirements.must if previous else None, full),
            nice=_changes(role.requirements.nice,
                          previous.requirements.nice if previous else None, full),
        ))
        previous = role
    level_ids = [column.level.id for column in columns]
    bars = [dict(column.role.bar) for column in columns]
    matrix = tuple(
        Expectations(competency,
                     tuple(dict(competency.expectations).get(i, "") for i in level_ids),
                     tuple(bar.get(competency.id) for bar in bars))
        for competency in family.competencies
        if any(level in level_ids for level, _ in competency.expectations)
        or any(competency.id in bar for bar in bars)
    )
    return Ladder(family, show, tuple(columns), matrix)


def _key(item: Item) -> str:
    return f"id:{item.id}" if item.id else f"text:{item.text}"


def _changes(items: tuple[Item, ...], below: tuple[Item, ...] | None, full: bool
             ) -> tuple[Change, ...]:
    """*items* compared with *below*: all of them with *full*, else what is new or changed,
    then what was dropped."""
    if below is None:
        return tuple(Change(item, "same") for item in items)
    before = {_key(item): item for item in below}
    changes = []
    for item in items:
        old = before.pop(_key(item), None)
        kind = "new" if old is None else "changed" if old.text != item.text else "same"
        if full or kind != "same":
            changes.append(Change(item, kind))
    if not full:  # a full column is the level as it is
        changes += [Change(item, "dropped") for item in before.values()]
    return tuple(changes)
