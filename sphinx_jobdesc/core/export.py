"""Role files as data for other systems: ``jobdesc.json`` and a Greenhouse-shaped export.

``jobdesc.json`` holds every role of the project, as a family and at each of
its levels, merged as the directives render them and filtered for the
audience (a public export carries no interview questions, anchors or internal
items). Its shape is versioned and described by ``schema/export.schema.json``.

``greenhouse.json`` (:mod:`.greenhouse`) is made of the same roles.

The Sphinx builder ``-b jobdesc`` (or ``jobdesc_export = True`` on HTML
builds) and ``sphinx-jobdesc export`` both use :func:`exported_roles`.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterable, Mapping
from dataclasses import fields, is_dataclass, replace
from typing import Any

from .audience import for_audience
from .model import Role
from .problems import Problem
from .resolve import families, resolve_levels
from .views.interview import interview_at_level

#: The version of the ``jobdesc.json`` shape (``schema/export.schema.json``).
EXPORT_VERSION = 1
_NOT_EXPORTED = frozenset({"origin", "origins"})
#: Fields held as (key, value) pairs in the model, exported as objects.
_MAPPINGS = frozenset({"anchors", "expectations", "bar", "weights"})


#: Each exported role file and its views for the audience: the family, then each level.
Exported = list[tuple[str, list[Role]]]


def exported_roles(
    files: Iterable[str], *, roles_dir: str, markup: str, audience: str
) -> tuple[Exported, list[Problem]]:
    """The roles in *files* (bases are skipped) as the export shows them, and the
    problems that kept a role out. Both exports are made of these."""
    roles: Exported = []
    problems: list[Problem] = []
    for path, family in families(files, roles_dir=roles_dir, markup=markup):
        if family.role is None:
            problems += family.problems
            continue
        levels = resolve_levels(path, [level.id for level in family.role.levels],
                                roles_dir=roles_dir, markup=markup)
        views = [family.role, *(level.role for level in levels if level.role is not None)]
        roles.append((path, [for_audience(view, audience) for view in views]))
    return roles, problems


def jobdesc_data(roles: Exported, audience: str, pages: Mapping[str, str] | None = None
                 ) -> dict[str, Any]:
    """The ``jobdesc.json`` data of *roles*. *pages* maps ``role`` or ``role:level`` to
    the URL where it is rendered, if known."""
    return {"version": EXPORT_VERSION, "audience": audience,
            "roles": [_role_entry(path, views, pages or {}) for path, views in roles]}


def _role_entry(path: str, views: list[Role], pages: Mapping[str, str]) -> dict[str, Any]:
    family = views[0]
    return {
        "id": family.id,
        "title": family.title,
        "source": os.path.basename(path),
        "page": pages.get(family.id),
        "levels": [{"id": level.id, "title": level.title} for level in family.levels],
        "views": [_view(view, pages) for view in views],
    }


def _view(view: Role, pages: Mapping[str, str]) -> dict[str, Any]:
    """One view: the role at its level, with the stages and questions of that level
    only, as its guide shows them (each keeps its ``levels``)."""
    data = _data(replace(view, interview=interview_at_level(view)))
    del data["level"], data["levels"]  # the role entry lists the levels once
    return {"level": view.level.id if view.level else None,
            "page": pages.get(f"{view.id}:{view.level.id}" if view.level else view.id),
            **data}


def _data(value: Any) -> Any:
    """A model value as JSON data: dataclasses as objects, dates as ISO strings."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: ({str(k): v if isinstance(v, int | float) else str(v)
                          for k, v in getattr(value, f.name)}
                         if f.name in _MAPPINGS else _data(getattr(value, f.name)))
                for f in fields(value) if f.name not in _NOT_EXPORTED}
    if isinstance(value, tuple | list):
        return [_data(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        return str(value)  # Rst is a str; JSON wants the plain type
    return value
