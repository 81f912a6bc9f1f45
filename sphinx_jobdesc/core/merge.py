"""The one inheritance rule, used for ``extends`` between files and for levels.

Scalars and plain value lists override; mappings merge key by key; lists of
items (marked ``x-merge: by-id`` in the schema) merge by ``id``: an item with
an inherited id is merged into it in place (the fields it gives replace the
inherited ones, the others are kept), a new id or an item without id appends,
and ``drop: [ids]`` removes inherited items. Origins travel with the values,
so a merged role still knows the file and line of every entry.

One exception: a ``location`` that becomes fully remote (``type: remote``)
without places of its own does not inherit the office ``places`` of what it
extends (a company base's office city is not where a remote job is).
"""

from __future__ import annotations

from typing import Any

from .problems import Problem
from .tree import Map, Seq

#: Keys that describe a file or a level itself and are never inherited.
OWN_KEYS = frozenset({"id", "extends", "drop", "markup", "schema_version"})


def merge(base: Map, overlay: Map) -> Map:
    """*overlay* applied on top of *base*, without ``drop`` (see :func:`inherit`)."""
    result = Map(overlay.origin, base)
    result.origins.update(base.origins)
    for key, value in overlay.items():
        if key == "drop":
            continue
        inherited = result.get(key)
        if isinstance(inherited, Map) and isinstance(value, Map):
            if key == "location" and value.get("type") == "remote" and "places" not in value:
                inherited = without_keys(inherited, {"places"})
            value = merge(inherited, value)
        elif isinstance(inherited, Seq) and isinstance(value, Seq) and value.by_id:
            value = _merge_items(inherited, value)
        result[key] = value
        result.origins[key] = overlay.origins[key]
    return result


def without_keys(tree: Map, keys: set[str]) -> Map:
    """A copy of *tree* without *keys* (inherited maps are shared with the file cache)."""
    copy = Map(tree.origin, {k: v for k, v in tree.items() if k not in keys})
    copy.origins.update({k: v for k, v in tree.origins.items() if k not in keys})
    return copy


def _merge_items(base: Seq, overlay: Seq) -> Seq:
    result = Seq(overlay.origin, base)
    result.origins = list(base.origins)
    result.by_id = True
    position = {item["id"]: index for index, item in enumerate(base)
                if isinstance(item, Map) and "id" in item}
    for item, origin in zip(overlay, overlay.origins, strict=True):
        index = position.get(item["id"]) if isinstance(item, Map) and "id" in item else None
        if index is None:
            result.append(item)
            result.origins.append(origin)
        else:
            inherited = result[index]
            result[index] = merge(inherited, item) if isinstance(inherited, Map) else item
            result.origins[index] = origin
    return result


def inherit(base: Map, overlay: Map) -> tuple[Map, list[Problem]]:
    """Apply *overlay* on *base* with the merge rule, then its ``drop`` list.

    The result is content only: the keys in :data:`OWN_KEYS` describe the
    file or level they are written in and are left out.
    """
    problems: list[Problem] = []
    drops = overlay.get("drop")
    if isinstance(drops, Seq) and drops:
        found: set[str] = set()
        base = _without(base, frozenset(drops), found)
        for item_id, origin in zip(drops, drops.origins, strict=True):
            if item_id not in found:
                problems.append(Problem(
                    "inherit", f"drop: '{item_id}' is not the id of an inherited item", origin))
    merged = merge(base, overlay)
    for key in OWN_KEYS & merged.keys():
        del merged[key]
    return merged, problems


def _without(tree: Any, ids: frozenset[str], found: set[str]) -> Any:
    """A copy of *tree* whose item lists lack the items with *ids* (recorded in *found*).

    Copies instead of deleting in place: inherited values are shared with the
    per-process cache of parsed files.
    """
    if isinstance(tree, Map):
        result = Map(tree.origin)
        result.origins.update(tree.origins)
        for key, value in tree.items():
            result[key] = value if key == "levels" else _without(value, ids, found)
        return result
    if isinstance(tree, Seq):
        kept = Seq(tree.origin)
        kept.by_id = tree.by_id
        for item, origin in zip(tree, tree.origins, strict=True):
            item_id = item.get("id") if tree.by_id and isinstance(item, Map) else None
            if item_id in ids:
                found.add(item_id)
                continue
            kept.append(_without(item, ids, found))
            kept.origins.append(origin)
        return kept
    return tree
