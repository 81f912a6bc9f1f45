"""The catalogue of a project's roles: which roles to list, in which order.

A view over the typed roles (each as a family) for the ``jobcatalog``
template; filters and sort keys are the directive's options.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..model import Role
from ..vocabulary import JOBCATALOG_COLUMNS

_SORT_KEYS: dict[str, Callable[[Role], tuple[object, ...]]] = {
    "title": lambda role: (role.title.lower(),),
    "family": lambda role: ((role.family or "").lower(), role.title.lower()),
    "levels": lambda role: (len(role.levels), role.title.lower()),
    "team": lambda role: ((role.team or "").lower(), role.title.lower()),
    "location": lambda role: ((role.location.type or "") if role.location else "",
                              role.title.lower()),
    "salary": lambda role: (role.compensation.min if role.compensation and
                            role.compensation.min is not None else float("inf"),
                            role.title.lower()),
}
assert set(_SORT_KEYS) == set(JOBCATALOG_COLUMNS)


@dataclass(frozen=True)
class Filters:
    """Values a role must have to be listed (any of each; none: no filter)."""

    family: tuple[str, ...] = ()
    team: tuple[str, ...] = ()
    location: tuple[str, ...] = ()

    def accept(self, role: Role) -> bool:
        location = role.location.type if role.location else None
        return all(not wanted or (value or "").lower() in wanted for wanted, value in (
            (self.family, role.family), (self.team, role.team), (self.location, location)))


def build_catalog(roles: Sequence[Role], filters: Filters, sort: str) -> list[Role]:
    """The *roles* that pass *filters*, sorted by the column *sort* (``-name``: descending)."""
    column = sort.removeprefix("-")
    listed = [role for role in roles if filters.accept(role)]
    return sorted(listed, key=_SORT_KEYS[column], reverse=sort.startswith("-"))
