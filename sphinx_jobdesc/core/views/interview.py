"""The interview guide of a role, as an interviewer (or a candidate) sees it.

A view over the typed role for one level: the stages that apply, in the
requested order, each with its questions, their competencies resolved to
names, and for every question an anchor per rating value (the question's own,
or its competencies' defaults). Templates render this view; they never
resolve ids themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from ..model import (
    Competency,
    Interview,
    Question,
    RatingPoint,
    Role,
    Scoring,
    Stage,
    applies_to,
)


@dataclass(frozen=True)
class Anchor:
    """What an answer rated *point* looks like (empty text: nothing written yet)."""

    point: RatingPoint
    text: str


@dataclass(frozen=True)
class QuestionView:
    number: int
    question: Question
    competencies: tuple[Competency, ...]
    anchors: tuple[Anchor, ...]


@dataclass(frozen=True)
class StageView:
    number: int
    stage: Stage
    focus: tuple[Competency, ...]
    questions: tuple[QuestionView, ...]


@dataclass(frozen=True)
class DebriefRow:
    """A competency on the debrief sheet: its weight (as shown) and, for each stage of
    the sheet, whether that stage rates it."""

    competency: Competency
    weight: str
    rated: tuple[bool, ...]


@dataclass(frozen=True)
class Debrief:
    """The debrief sheet: the stages that rate something, and a row per competency."""

    stages: tuple[StageView, ...]
    rows: tuple[DebriefRow, ...]


@dataclass(frozen=True)
class Guide:
    """The interview guide of one role (and level) for one audience."""

    role: Role
    audience: str
    rating_scale: tuple[RatingPoint, ...]
    stages: tuple[StageView, ...]
    competencies: tuple[Competency, ...]
    #: How ratings are combined, if the role file says (it then has a debrief sheet).
    scoring: Scoring | None = None

    @property
    def for_interviewers(self) -> bool:
        return self.audience == "interviewer"

    @cached_property
    def bar(self) -> dict[str, int]:
        """The hiring bar at this level: competency id -> the lowest rating that passes."""
        return dict(self.role.bar)

    @cached_property
    def debrief(self) -> Debrief | None:
        """The debrief sheet: each rated competency's weight and the stages that rate
        it (None without scoring rules or without anything rated)."""
        if self.scoring is None:
            return None
        stages = tuple(view for view in self.stages if view.focus)
        weights = dict(self.scoring.weights)
        rows = tuple(
            DebriefRow(competency, f"{weights.get(competency.id, 1):g}",
                       tuple(competency in view.focus for view in stages))
            for competency in self.competencies
            if any(competency in view.focus for view in stages))
        return Debrief(stages, rows) if rows else None


def build_guide(role: Role, stage_ids: Sequence[str] | None, audience: str) -> Guide:
    """The guide for *role*'s level, with the stages *stage_ids* (all when None), in that order.

    Unknown ids in *stage_ids* are the caller's to report (see :func:`stage_ids`).
    """
    interview = interview_at_level(role)
    if interview is None:
        return Guide(role, audience, (), (), ())
    known = {c.id: c for c in role.competencies}
    applicable = {s.id: s for s in interview.stages}
    order = [i for i in stage_ids if i in applicable] if stage_ids is not None else list(applicable)
    stages = []
    for number, stage in enumerate((applicable[i] for i in order), start=1):
        questions = tuple(
            _question_view(index, question, known, interview.rating_scale)
            for index, question in enumerate(stage.questions, start=1)
        )
        focus = tuple(known[i] for i in stage.focus if i in known)
        stages.append(StageView(number, stage, focus, questions))
    assessed = {c.id for s in stages for c in s.focus} | {
        c.id for s in stages for q in s.questions for c in q.competencies}
    competencies = tuple(c for c in role.competencies if c.id in assessed)
    return Guide(role, audience, interview.rating_scale, tuple(stages), competencies,
                 interview.scoring)


def interview_at_level(role: Role) -> Interview | None:
    """*role*'s interview with only the stages and questions that apply to its level
    (the family view keeps them all): what the guide, and the export, show."""
    interview = role.interview
    if interview is None or role.level is None:
        return interview
    return replace(interview, stages=tuple(
        replace(stage, questions=tuple(q for q in stage.questions
                                       if applies_to(q.levels, role.level)))
        for stage in interview.stages if applies_to(stage.levels, role.level)))


def stage_ids(role: Role) -> list[str]:
    """Ids of the stages that apply to *role*'s level, in order."""
    interview = interview_at_level(role)
    return [s.id for s in interview.stages] if interview else []


def _question_view(
    number: int, question: Question, known: dict[str, Competency],
    scale: tuple[RatingPoint, ...],
) -> QuestionView:
    competencies = tuple(known[i] for i in question.competencies if i in known)
    own = dict(question.anchors)
    anchors = []
    for point in scale:
        text = own.get(point.value)
        if text is None:  # fall back to the competencies' default anchors
            defaults = [(c, dict(c.anchors).get(point.value)) for c in competencies]
            found = [(c, t) for c, t in defaults if t]
            if len(found) == 1:
                text = found[0][1]
            elif found:
                text = " ".join(f"{c.name}: {t}" for c, t in found)
        anchors.append(Anchor(point, text or ""))
    return QuestionView(number, question, competencies, tuple(anchors))
