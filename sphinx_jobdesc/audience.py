"""Who a build is for: the same role, with what the audience must not see taken out.

An ``internal`` build (the default) shows everything. A ``public`` build is a
careers site: items, sections, FAQ entries and hiring steps marked
``visibility: internal`` are removed, and the interview keeps only what a
candidate may know (stage titles, durations and purposes). Removing the data
from the typed role, rather than hiding it in templates, means no template,
export or search index can leak it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol, TypeVar

from .model import Competency, Interview, Requirements, Role, Stage

AUDIENCES = ("internal", "public")


class _Visible(Protocol):
    @property
    def visibility(self) -> str: ...


_T = TypeVar("_T", bound=_Visible)


def for_audience(role: Role, audience: str) -> Role:
    """*role* as *audience* may see it."""
    if audience == "internal":
        return role
    return replace(
        role,
        responsibilities=_public(role.responsibilities),
        requirements=Requirements(_public(role.requirements.must),
                                  _public(role.requirements.nice)),
        benefits=_public(role.benefits),
        sections=_public(role.sections),
        faq=_public(role.faq),
        hiring_process=_public(role.hiring_process),
        competencies=tuple(_candidate_competency(c) for c in role.competencies),
        interview=_candidate_interview(role.interview),
    )


def _public(entries: tuple[_T, ...]) -> tuple[_T, ...]:
    return tuple(entry for entry in entries if entry.visibility != "internal")


def _candidate_competency(competency: Competency) -> Competency:
    return replace(competency, anchors=())


def _candidate_interview(interview: Interview | None) -> Interview | None:
    if interview is None:
        return None
    return replace(interview, stages=tuple(_candidate_stage(s) for s in interview.stages))


def _candidate_stage(stage: Stage) -> Stage:
    return Stage(id=stage.id, title=stage.title, duration_minutes=stage.duration_minutes,
                 purpose=stage.purpose, levels=stage.levels, origin=stage.origin)
