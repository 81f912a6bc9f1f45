"""References inside a role: competency, level and rating ids must name something.

Each problem is located at the role-file line of the entry that causes it, so
it is reported the same way by every page (and front end) using the role.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Item, Role
from ..problems import Origin, Problem, did_you_mean


def reference_problems(role: Role) -> list[Problem]:
    """Competency and level ids that name nothing the role defines, and anchors for
    ratings that are not on the rating scale (they would never be shown)."""
    competencies = [c.id for c in role.competencies]
    levels = [level.id for level in role.levels]
    problems: list[Problem] = []

    def check(kind: str, ids: Iterable[str], known: list[str], what: str, origin: Origin | None,
              verb: str = "names") -> None:
        for unknown in (i for i in ids if i not in known):
            problems.append(Problem("ref", f"{what} {verb} unknown {kind} '{unknown}'"
                                    f"{did_you_mean(unknown, known)}", origin))

    requirements: tuple[Item, ...] = role.requirements.must + role.requirements.nice
    for item in requirements:
        check("competency", item.competencies, competencies,
              f"requirement '{item.id or item.text}'", item.origin)
    for competency in role.competencies:
        check("level", (level for level, _ in competency.expectations), levels,
              f"the expectations of competency '{competency.id}'", competency.origin, "name")
    bar_origin = role.origins.get("bar", role.origin)
    check("competency", (c for c, _ in role.bar), competencies, "the bar", bar_origin)
    if role.interview is not None and role.interview.scoring is not None:
        check("competency", (c for c, _ in role.interview.scoring.weights), competencies,
              "interview.scoring.weights", role.origins.get("interview", role.origin))
    if role.interview is not None:
        scale = [str(point.value) for point in role.interview.rating_scale]
        check("rating", (str(v) for _, v in role.bar), scale, "the bar", bar_origin)
        for competency in role.competencies:
            check("rating", (str(v) for v, _ in competency.anchors), scale,
                  f"the anchors of competency '{competency.id}'", competency.origin, "name")
        for stage in role.interview.stages:
            check("competency", stage.focus, competencies, f"stage '{stage.id}' focus",
                  stage.origin)
            check("level", stage.levels, levels, f"stage '{stage.id}'", stage.origin)
            for question in stage.questions:
                check("competency", question.competencies, competencies,
                      f"question '{question.id}'", question.origin)
                check("level", question.levels, levels, f"question '{question.id}'",
                      question.origin)
                check("rating", (str(v) for v, _ in question.anchors), scale,
                      f"the anchors of question '{question.id}'", question.origin, "name")
    return problems
