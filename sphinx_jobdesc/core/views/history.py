"""A role's history as a page shows it: one line per commit, newest first, each
with a short summary of what it changed (``senior: salary EUR 82,000-98,000 per
year → EUR 85,000-100,000 per year; +1 responsibility``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..changes import Change
from ..history import Entry

#: What an area's items are called in a summary: (one, many).
_NOUNS = {
    "responsibilities": ("responsibility", "responsibilities"),
    "requirements.must": ("must-have", "must-haves"),
    "requirements.nice": ("nice-to-have", "nice-to-haves"),
    "requirements": ("requirement", "requirements"),
    "benefits": ("benefit", "benefits"),
    "sections": ("section", "sections"),
    "faq": ("FAQ entry", "FAQ entries"),
    "stage": ("stage", "stages"),
    "question": ("question", "questions"),
    "competency": ("competency", "competencies"),
    "level": ("level", "levels"),
    "bar": ("hiring bar", "hiring bars"),
}


@dataclass(frozen=True, slots=True)
class HistoryLine:
    date: str
    commit: str
    subject: str
    #: What the commit changed, in a few words ("" for the commit that added the role).
    summary: str
    added: bool


@dataclass(frozen=True, slots=True)
class HistoryView:
    lines: tuple[HistoryLine, ...]
    #: Why older changes are missing ("" when nothing is).
    limit: str


def build_history(entries: Sequence[Entry], limit_reason: str, *, level: str | None = None,
                  since: str | None = None, limit: int | None = None) -> HistoryView:
    """The lines of *entries* for *level* (None: every level), from *since* (a date,
    inclusive) on, at most *limit* of them."""
    lines = []
    for entry in entries:
        if since is not None and entry.date < since:
            continue
        changes = [c for c in entry.changes if level is None or c.level in (None, level)]
        if not changes and not entry.added:
            continue
        lines.append(HistoryLine(entry.date, entry.commit, entry.subject,
                                 summary(changes, show_level=level is None), entry.added))
    return HistoryView(tuple(lines[:limit] if limit is not None else lines), limit_reason)


def summary(changes: Sequence[Change], *, show_level: bool = True) -> str:
    """*changes* in a few words, level by level."""
    by_level: dict[str | None, list[Change]] = {}
    for change in changes:
        by_level.setdefault(change.level if show_level else None, []).append(change)
    parts = []
    for level, group in by_level.items():
        words = "; ".join(_phrases(group))
        parts.append(f"{level}: {words}" if level else words)
    return "; ".join(parts)


def _phrases(changes: Sequence[Change]) -> list[str]:
    counted: dict[tuple[str, str], int] = {}
    phrases: list[str] = []
    for change in changes:
        if change.area == "compensation":
            phrases.append(f"salary {change.old or '-'} \u2192 {change.new or '-'}")
        elif change.area == "coverage":
            still = "no longer" if change.kind == "lost" else "now"
            phrases.append(f"must-have '{change.item}' {still} assessed")
        elif change.area in _NOUNS:
            counted[(change.area, change.kind)] = counted.get((change.area, change.kind), 0) + 1
        else:
            phrases.append(f"{change.area.replace('_', ' ')} {change.kind}")
    for (area, kind), count in counted.items():
        noun = _NOUNS[area][count != 1]
        sign = {"added": "+", "removed": "\u2212"}.get(kind)
        phrases.append(f"{sign}{count} {noun}" if sign else f"{count} {noun} {kind}")
    return phrases
