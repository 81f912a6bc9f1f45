"""Role text in another language: every text a person wrote in a role file, as one
message each, and the role with each text replaced by its translation.

The texts are the role's prose (titles, summaries, items, sections, FAQ, the
interview's words), not its ids, enum values, dates or places, so a translation
never changes what links, filters or checks read. A text is its raw words:
plain text as written, ``markup: rst`` text as its reStructuredText source.
A translation is taken as the text it replaces is: plain text stays plain, and
reStructuredText passes the same vetting as the role file's own (a translation
that markup could not pass leaves the original, and says why). Nothing here
knows about gettext or Sphinx: :mod:`sphinx_jobdesc.translation` looks the
messages up in the page's catalog.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

from . import markup
from .markup import Rst
from .model import (
    Compensation,
    Competency,
    FaqEntry,
    HiringStep,
    Interview,
    Item,
    Level,
    Question,
    RatingPoint,
    Requirements,
    Role,
    Section,
    Stage,
)

T = TypeVar("T")

#: The fields of each type that hold a text (or a tuple of texts), by type.
TEXTS: dict[type, tuple[str, ...]] = {
    Role: ("title", "summary", "level_summary", "about", "family", "department", "team",
           "how_to_apply"),
    Level: ("title",),
    Item: ("text",),
    Section: ("title", "body"),
    FaqEntry: ("question", "answer"),
    HiringStep: ("text",),
    Compensation: ("note",),
    Competency: ("name", "description", "calibration"),
    RatingPoint: ("label",),
    Stage: ("title", "purpose", "instructions", "interviewers", "beforehand"),
    Question: ("title", "text", "follow_ups", "look_for", "red_flags"),
}
#: The fields that hold (key, text) pairs: anchors by rating, expectations by level.
PAIRS: dict[type, tuple[str, ...]] = {
    Competency: ("anchors", "expectations"),
    Question: ("anchors",),
}
#: The fields that hold more of the types above.
NESTED: dict[type, tuple[str, ...]] = {
    Role: ("level", "levels", "compensation", "responsibilities", "requirements", "benefits",
           "sections", "faq", "hiring_process", "competencies", "interview"),
    Requirements: ("must", "nice"),
    Interview: ("rating_scale", "stages"),
    Stage: ("questions",),
}


def texts(role: Role) -> list[str]:
    """Every text of *role*, once each, in the order a reader meets them."""
    found: dict[str, None] = {}
    translated(role, lambda text: found.setdefault(text) or text)
    return list(found)


def translated(value: T, translate: Callable[[str], str],
               refused: list[tuple[str, str]] | None = None) -> T:
    """*value* (a role, or a part of one) with each text replaced by ``translate(text)``;
    a ``markup: rst`` text whose translation is not safe to show stays as it is, and is
    added to *refused* with the reason."""
    kind = type(value)
    if kind not in TEXTS and kind not in NESTED:
        return value
    refused = [] if refused is None else refused
    changes: dict[str, Any] = {}
    for name in TEXTS.get(kind, ()):
        text = getattr(value, name)
        if isinstance(text, tuple):
            changes[name] = tuple(_text(t, translate, refused) for t in text)
        elif text:
            changes[name] = _text(text, translate, refused)
    for name in PAIRS.get(kind, ()):
        changes[name] = tuple((key, _text(text, translate, refused))
                              for key, text in getattr(value, name))
    for name in NESTED.get(kind, ()):
        part = getattr(value, name)
        changes[name] = (tuple(translated(p, translate, refused) for p in part)
                         if isinstance(part, tuple) else translated(part, translate, refused))
    return dataclasses.replace(value, **changes)  # type: ignore[type-var]


def _text(text: str, translate: Callable[[str], str], refused: list[tuple[str, str]]) -> str:
    words = translate(text)
    if words == text:
        return text
    if not isinstance(text, Rst):
        return words  # plain text stays plain, whatever it says
    reason = markup.refusal(words) or markup.looks_like_html(words)
    if reason is None:
        return Rst(words)
    refused.append((text, reason))
    return text
