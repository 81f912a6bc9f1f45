"""Who a build is for: the same role, with what the audience must not see taken out.

An ``internal`` build (the default) shows everything. A ``public`` build is a
careers site: items, sections, FAQ entries and hiring steps marked
``visibility: internal`` are removed, and every field that :data:`PUBLIC_FIELDS`
does not list is reset to its default, so the interview keeps only what a
candidate may know (stage titles, durations and purposes) and the file's
owners, review date and hiring bar stay inside. Removing the data from the typed role,
rather than hiding it in templates, means no template, export or search index
can leak it; and a field added to the model is internal until it is listed.
"""

from __future__ import annotations

from dataclasses import MISSING, fields, is_dataclass, replace
from typing import Any, TypeVar

from .model import (
    Compensation,
    Competency,
    FaqEntry,
    HiringStep,
    Interview,
    Interviewer,
    Item,
    Level,
    Location,
    Organization,
    Place,
    Posting,
    Question,
    RatingPoint,
    Requirements,
    Role,
    Scoring,
    Section,
    Stage,
)


def _all(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in fields(cls))


#: Every field a public build may carry, by model type: the one list of what is public.
#: Fields not listed are reset to their default; a type not listed may not appear.
PUBLIC_FIELDS: dict[type, frozenset[str]] = {
    Role: _all(Role) - {"owners", "reviewed", "bar"},  # the hiring bar is for interviewers
    Competency: _all(Competency) - {"anchors", "calibration"},
    Interview: frozenset({"stages"}),
    Stage: frozenset({"id", "title", "duration_minutes", "purpose", "levels", "origin",
                      "candidate_questions_minutes"}),
    Question: frozenset(),  # a public stage has no questions
    Interviewer: frozenset(),  # nor a panel
    Scoring: frozenset(),  # and an interview no scoring rules
    **{cls: _all(cls) for cls in (
        Item, Requirements, Section, FaqEntry, Place, Location, Compensation, Organization,
        Posting, RatingPoint, Level, HiringStep)},
}

_T = TypeVar("_T")


def for_audience(role: Role, audience: str) -> Role:
    """*role* as *audience* may see it."""
    if audience == "internal":
        return role
    public: Role = _public(role)
    return public


def _public(value: _T) -> _T:
    """*value* with internal entries removed and unlisted fields reset, recursively."""
    if isinstance(value, tuple):
        return tuple(_public(entry) for entry in value  # type: ignore[return-value]
                     if getattr(entry, "visibility", "public") != "internal")
    if not is_dataclass(value) or isinstance(value, type):
        return value
    listed = PUBLIC_FIELDS[type(value)]
    changes = {f.name: (_public(getattr(value, f.name)) if f.name in listed else _default(f))
               for f in fields(value)}
    return replace(value, **changes)


def _default(field: Any) -> Any:
    if field.default is not MISSING:
        return field.default
    if field.default_factory is not MISSING:
        return field.default_factory()
    raise TypeError(f"{field.name} has no default: list it in PUBLIC_FIELDS")
