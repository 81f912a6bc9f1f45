"""What changed in a role's interview: competencies (anchors, calibration notes),
the hiring bar, how ratings are combined, stages (panel, what interviewers see
beforehand, the candidate's questions), questions (reworded, re-timed, re-anchored,
moved between stages or levels, re-mapped to other competencies) and, what a
structured interview exists for, which must-haves a question assesses."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from .changes import Change, item_key, keyed
from .checks.interview import assessed_competencies
from .model import Question, Role, Stage


def interview_changes(old: Role, new: Role) -> list[Change]:
    return (_competencies(old, new) + _bar(old, new) + _scoring(old, new)
            + _interview(old, new) + _coverage(old, new))


def _competencies(old: Role, new: Role) -> list[Change]:
    """Competencies added, removed or renamed, and their anchors changed."""
    before = {c.id: c for c in old.competencies}
    after = {c.id: c for c in new.competencies}
    found = keyed("competency", {k: c.name for k, c in before.items()},
                   {k: c.name for k, c in after.items()})
    for key, competency in before.items():
        if key in after:
            found += _changed("competency", key, "anchors", _anchors(competency.anchors),
                              _anchors(after[key].anchors))
            found += _changed("competency", key, "calibration", competency.calibration,
                              after[key].calibration)
    return found


def _bar(old: Role, new: Role) -> list[Change]:
    """The lowest passing rating per competency: set, dropped or moved."""
    before, after = dict(old.bar), dict(new.bar)
    return [change for key in dict.fromkeys([*before, *after])
            for change in _changed("bar", key, "", _rating(before.get(key)),
                                   _rating(after.get(key)))]


def _rating(value: int | None) -> str | None:
    return None if value is None else str(value)


def _scoring(old: Role, new: Role) -> list[Change]:
    return _changed("scoring", None, "", _scoring_text(old), _scoring_text(new))


def _scoring_text(role: Role) -> str | None:
    scoring = role.interview.scoring if role.interview else None
    if scoring is None:
        return None
    rules = [name for name, on in (("independent", scoring.independent),
                                   ("same interviewers", scoring.same_interviewers)) if on]
    if scoring.weights:
        rules.append("weights " + ", ".join(f"{key} {weight:g}"
                                            for key, weight in scoring.weights))
    return "; ".join(rules) or "a debrief sheet"


def _changed(area: str, key: str | None, what: str, old: str | None, new: str | None
             ) -> list[Change]:
    """One value of an item (*what*: its name; empty for the item's own value) that
    differs: ``anchors changed``, ``calibration added``..."""
    if old == new:
        return []
    kind = "changed" if old is not None and new is not None else \
        "added" if old is None else "removed"
    return [Change(None, area, f"{what} {kind}".strip(), key, old, new)]


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
        found += _changed("question", key, "anchors", _anchors(question.anchors),
                          _anchors(new_question.anchors))
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
    found += _minutes("stage", old.id, old.duration_minutes, new.duration_minutes)
    found += _changed("stage", old.id, "interviewers", old.interviewers, new.interviewers)
    found += _changed("stage", old.id, "beforehand", "; ".join(old.beforehand) or None,
                      "; ".join(new.beforehand) or None)
    return found + [replace(change, area="stage", item=f"{old.id} candidate questions")
                    for change in _minutes("", "", old.candidate_questions_minutes,
                                           new.candidate_questions_minutes)]


def _minutes(area: str, key: str, old: int | None, new: int | None) -> list[Change]:
    if old == new:
        return []
    return [Change(None, area, "retimed", key, f"{old} min" if old else "no time",
                   f"{new} min" if new else "no time")]


def _questions(stages: Iterable[Stage]) -> dict[str, tuple[str, Question]]:
    return {question.id: (stage.id, question) for stage in stages
            for question in stage.questions}
