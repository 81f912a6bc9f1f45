"""What changed in a role's interview: competencies and their anchors, stages,
questions (reworded, re-timed, moved between stages or levels, re-mapped to other
competencies) and, what a structured interview exists for, which must-haves a
question assesses."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .changes import Change, item_key, keyed
from .checks.interview import assessed_competencies
from .model import Question, Role, Stage


def interview_changes(old: Role, new: Role) -> list[Change]:
    return _competencies(old, new) + _interview(old, new) + _coverage(old, new)


def _competencies(old: Role, new: Role) -> list[Change]:
    """Competencies added, removed or renamed, and their anchors changed."""
    before = {c.id: c for c in old.competencies}
    after = {c.id: c for c in new.competencies}
    found = keyed("competency", {k: c.name for k, c in before.items()},
                   {k: c.name for k, c in after.items()})
    return found + [Change(None, "competency", "anchors changed", key, _anchors(c.anchors),
                           _anchors(after[key].anchors)) for key, c in before.items()
                    if key in after and after[key].anchors != c.anchors]


def _anchors(anchors: Sequence[tuple[int, str]]) -> str:
    return "; ".join(f"{rating}: {text}" for rating, text in anchors) or "none"


def _coverage(old: Role, new: Role) -> list[Change]:
    """Must-haves an interview question assessed before and no longer does (or the
    reverse): what a structured interview exists for."""
    assessed = assessed_competencies(old), assessed_competencies(new)
    before = {item_key(item): item for item in old.requirements.must}
    found = []
    for item in new.requirements.must:
        previous = before.get(item_key(item))
        if previous is None:
            continue
        was = bool(assessed[0].intersection(previous.competencies))
        now = bool(assessed[1].intersection(item.competencies))
        if was != now:
            found.append(Change(None, "coverage", "lost" if was else "gained", item_key(item),
                                note="no interview question assesses this must-have any more"
                                if was else "an interview question now assesses it"))
    return found


def _interview(old: Role, new: Role) -> list[Change]:
    """Stages and questions added, removed, reworded, re-timed or moved between stages."""
    before = {s.id: s for s in old.interview.stages} if old.interview else {}
    after = {s.id: s for s in new.interview.stages} if new.interview else {}
    found = [Change(None, "stage", "removed", key, old=s.title) for key, s in before.items()
             if key not in after]
    found += [Change(None, "stage", "added", key, new=s.title) for key, s in after.items()
              if key not in before]
    for key in [key for key in after if key in before]:
        found += _stage(before[key], after[key])
    return found + _question_changes(_questions(before.values()), _questions(after.values()))


def _question_changes(questions_before: dict[str, tuple[str, Question]],
                      questions_after: dict[str, tuple[str, Question]]) -> list[Change]:
    found = []
    for key, (stage, question) in questions_before.items():
        if key not in questions_after:
            found.append(Change(None, "question", "removed", key, old=question.text))
            continue
        new_stage, new_question = questions_after[key]
        if new_stage != stage:
            found.append(Change(None, "question", "moved", key, stage, new_stage))
        for what, was, now in (
                ("levels", question.levels or ("all levels",),
                 new_question.levels or ("all levels",)),
                ("competencies", question.competencies or ("none",),
                 new_question.competencies or ("none",))):
            if was != now:
                found.append(Change(None, "question", f"{what} changed", key,
                                    ", ".join(was), ", ".join(now)))
        if new_question.text != question.text:
            found.append(Change(None, "question", "reworded", key, question.text,
                                new_question.text))
        found += _minutes("question", key, question.duration_minutes,
                          new_question.duration_minutes)
    found += [Change(None, "question", "added", key, new=question.text)
              for key, (_, question) in questions_after.items() if key not in questions_before]
    return found


def _stage(old: Stage, new: Stage) -> list[Change]:
    found = [] if old.title == new.title else [
        Change(None, "stage", "retitled", old.id, old.title, new.title)]
    return found + _minutes("stage", old.id, old.duration_minutes, new.duration_minutes)


def _minutes(area: str, key: str, old: int | None, new: int | None) -> list[Change]:
    if old == new:
        return []
    return [Change(None, area, "retimed", key, f"{old} min" if old else "no time",
                   f"{new} min" if new else "no time")]


def _questions(stages: Iterable[Stage]) -> dict[str, tuple[str, Question]]:
    return {question.id: (stage.id, question) for stage in stages
            for question in stage.questions}
