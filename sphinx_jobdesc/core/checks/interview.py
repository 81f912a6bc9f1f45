"""Checks of the interview against the job: coverage (the hiring bar's too), time
budget and anchors.

Each looks at the stages and questions that apply to the role's level (all of
them for the family view), so a must-have that only a Senior stage assesses is
reported for the Middle level that needs it too.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..model import Question, Role, Stage, applies_to
from ..problems import Origin, Problem, Severity
from .settings import CheckSettings


def _for_level(role: Role) -> Iterator[tuple[Stage, list[Question]]]:
    """The stages that apply to *role*'s level, each with its questions that apply."""
    if role.interview is None:
        return
    for stage in role.interview.stages:
        if applies_to(stage.levels, role.level):
            yield stage, [q for q in stage.questions if applies_to(q.levels, role.level)]


def assessed_competencies(role: Role) -> set[str]:
    """The competencies some question that applies at *role*'s level assesses."""
    return {c for _, questions in _for_level(role) for q in questions for c in q.competencies}


def _at(role: Role) -> str:
    return f" at level '{role.level.id}'" if role.level else ""


def coverage_problems(role: Role, settings: CheckSettings) -> list[Problem]:
    """Must-haves no question assesses, questions outside their stage's focus,
    competencies nobody assesses, and competencies every stage repeats."""
    if role.interview is None or not role.interview.stages:
        return []
    stages = list(_for_level(role))
    assessed = assessed_competencies(role)
    problems: list[Problem] = []

    def report(message: str, origin: Origin | None, severity: Severity = "warning") -> None:
        problems.append(Problem("coverage", message, origin, severity))

    for item in role.requirements.must:
        name = f"must-have '{item.id or item.text}'"
        if not item.competencies:
            report(f"{name} names no competency, so no interview question can assess it "
                   "(add 'competencies: [...]')", item.origin)
        elif not assessed.intersection(item.competencies):
            report(f"{name} is not assessed by any interview question{_at(role)} (it names "
                   f"{_listing(item.competencies)})", item.origin)
    for stage, questions in stages:
        if not stage.focus:
            named = sorted({c for q in questions for c in q.competencies})
            if named:
                report(f"stage '{stage.id}' has no focus, so its scorecard rates nothing "
                       f"(its questions assess {_listing(named)})", stage.origin)
            continue
        for question in questions:
            if not question.competencies:
                report(f"question '{question.id}' assesses no competency", question.origin)
            outside = [c for c in question.competencies if c not in stage.focus]
            if outside:
                report(f"question '{question.id}' assesses {_listing(outside)}, not in the "
                       f"focus of stage '{stage.id}' ({_listing(stage.focus)})",
                       question.origin)
    # A competency may matter at some levels only; it is unused when no question
    # at any level assesses it.
    anywhere = {c for stage in role.interview.stages for q in stage.questions
                for c in q.competencies}
    for competency in role.competencies:
        if competency.id not in anywhere:
            report(f"competency '{competency.id}' is not assessed by any interview question",
                   competency.origin)
    everywhere = set.intersection(*(set(stage.focus) for stage, _ in stages)) if len(
        stages) > 1 else set()
    for competency in role.competencies:
        if competency.id in everywhere:
            report(f"competency '{competency.id}' is in the focus of every stage{_at(role)}; "
                   "rating it in each interview adds little (keep it where it is assessed best)",
                   competency.origin, "notice")
    rated = {c for stage, _ in stages for c in stage.focus}
    known = {c.id for c in role.competencies}
    for competency_id, rating in role.bar:
        if competency_id in known and competency_id not in rated:
            report(f"the bar asks for {rating} in competency '{competency_id}'{_at(role)}, but no "
                   "stage at this level rates it (none has it in its focus)",
                   role.origins.get("bar", role.origin))
    return problems


def time_budget_problems(role: Role, settings: CheckSettings) -> list[Problem]:
    """Stages whose questions take longer than the stage (plus the tolerance) or less
    than half of it, questions a timed stage cannot count, and stages with questions
    but no time of their own."""
    problems = []

    def report(message: str, origin: Origin | None, severity: Severity = "warning") -> None:
        problems.append(Problem("time_budget", message, origin, severity))

    for stage, questions in _for_level(role):
        if not questions:
            continue
        if stage.duration_minutes is None:
            report(f"stage '{stage.id}' has questions but no 'duration_minutes', so its "
                   "time budget is never checked", stage.origin, "notice")
            continue
        untimed = [q for q in questions if q.duration_minutes is None]
        for question in untimed:
            report(f"question '{question.id}' has no 'duration_minutes', so the time budget "
                   f"of stage '{stage.id}' ({stage.duration_minutes} min) cannot count it",
                   question.origin)
        # the candidate's own questions, at the end, take time too
        planned = sum(q.duration_minutes or 0 for q in questions) + (
            stage.candidate_questions_minutes or 0)
        if planned > stage.duration_minutes + settings.time_tolerance:
            tolerance = (f" plus a tolerance of {settings.time_tolerance} min"
                         if settings.time_tolerance else "")
            report(f"the questions of stage '{stage.id}'{_by_level(role, stage)} take {planned} "
                   f"min, more than its {stage.duration_minutes} min{tolerance}", stage.origin)
        elif not untimed and planned * 2 < stage.duration_minutes:
            report(f"the questions of stage '{stage.id}'{_by_level(role, stage)} take {planned} "
                   f"min, less than half its {stage.duration_minutes} min; add questions or "
                   "shorten the stage", stage.origin, "notice")
    return problems


def anchor_problems(role: Role, settings: CheckSettings) -> list[Problem]:
    """Questions without an anchor for some rating value, when anchors are required by
    the project or by the role file: their own or a competency's, or with ``question``
    their own (a competency's anchors are one table for all its questions)."""
    interview = role.interview
    if interview is None:
        return []
    required = {settings.require_anchors, interview.require_anchors}
    own_only = "question" in required
    if not (own_only or True in required):
        return []
    defaults = {c.id: {value for value, _ in c.anchors} for c in role.competencies}
    problems = []
    for _, questions in _for_level(role):
        for question in questions:
            anchored = {value for value, _ in question.anchors}
            if not own_only:
                anchored = anchored.union(*(defaults.get(c, set())
                                            for c in question.competencies))
            missing = [str(p.value) for p in interview.rating_scale if p.value not in anchored]
            if missing:
                whose = ("of its own (require_anchors: question; its competencies' do not "
                         "count)" if own_only else "(neither its own nor its competencies')")
                problems.append(Problem(
                    "anchors", f"question '{question.id}' has no anchor for rating "
                    f"{_listing(missing)} {whose}", question.origin, "warning"))
    return problems


def _by_level(role: Role, stage: Stage) -> str:
    """" at level 'x'" where the stage's questions differ by level, so its time does too
    (else one stage is one problem, whichever level shows it)."""
    return _at(role) if any(q.levels for q in stage.questions) else ""


def _listing(ids: Iterable[str]) -> str:
    return ", ".join(f"'{i}'" for i in ids)
