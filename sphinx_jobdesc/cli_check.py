"""What ``sphinx-jobdesc check`` does with role files: the build's pipeline and checks
for each role at each of its levels, base files for their own text and for the
roles built on them, each file once, each problem once."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from .core.checks import CheckSettings, file_problems
from .core.config import JobdescConfig
from .core.files import declared_id, role_files, validated_file
from .core.problems import Problem
from .core.resolve import resolve_levels


@dataclass
class Project:
    """What the checks need to know about the handbook the role files belong to."""

    config: JobdescConfig = field(default_factory=JobdescConfig)
    #: The project's roles folder (None without ``--conf-dir``).
    roles_dir: str | None = None
    #: ``config``'s checks, with the command line's ``--allow`` and ``--disable``.
    checks: CheckSettings = field(default_factory=CheckSettings)
    config_problems: list[Problem] = field(default_factory=list)

    @property
    def markup(self) -> str:
        return self.config.markup


def check_files(files: Iterable[str], project: Project) -> tuple[list[Problem], bool]:
    """Every problem in *files* (each once), and whether some file could not be read."""
    seen: set[tuple[object, ...]] = set()
    problems: list[Problem] = []
    unreadable = False
    checked: dict[str, tuple[list[Problem], bool]] = {}
    for path in files:
        found, readable = _file_check(path, project, checked)
        unreadable |= not readable
        for problem in found:
            where, line = problem.origin or (path, 0)
            # one file, however it was reached (given, or found as a base's dependent)
            origin = (os.path.abspath(where), line)
            key = (origin, problem.subtype, problem.message)
            if key not in seen:
                seen.add(key)
                problems.append(replace(problem, origin=origin))
    problems.sort(key=lambda p: (p.origin or ("", 0)))
    return problems, unreadable


def _file_check(path: str, project: Project, done: dict[str, tuple[list[Problem], bool]]
                ) -> tuple[list[Problem], bool]:
    """The problems of one role file, and whether it could be read at all; *done* holds
    the files checked so far (a role given and reached as a base's dependent is checked
    once)."""
    if (key := os.path.abspath(path)) not in done:
        done[key] = _unchecked_file(path, project, done)
    return done[key]


def _unchecked_file(path: str, project: Project, done: dict[str, tuple[list[Problem], bool]]
                    ) -> tuple[list[Problem], bool]:
    checked = validated_file(path, project.markup)
    data = checked.data
    if data is None:  # a YAML syntax error is a problem; a file that cannot be read is not
        return list(checked.problems), not any(p.subtype == "load" for p in checked.problems)
    role_id = declared_id(path, project.markup)
    if role_id.startswith("_"):  # a base: its own text, and the roles built on it
        problems = [*checked.problems, *file_problems(path, checked.texts, project.checks)]
        for dependent in _extending(role_id, path, project):
            problems += _file_check(dependent, project, done)[0]
        return problems, True
    levels: list[str | None] = [level["id"] for level in data.get("levels", ())]
    return _levels_check(path, levels, project), True


def _extending(base_id: str, path: str, project: Project) -> list[str]:
    """The role files next to *path* (and in the roles folder) that extend *base_id*
    directly: a change to a base can break them, so a commit that touches only the
    base still checks them."""
    # spelled as *path* is (a folder given twice differently is listed once), so
    # that each file is read once whichever way it was reached
    folders = {os.path.abspath(f): f for f in reversed(
        (os.path.dirname(path) or ".", project.roles_dir)) if f}
    return [candidate for folder in folders.values() for candidate in role_files(folder)
            if (data := validated_file(candidate, project.markup).data) is not None
            and data.get("extends") == base_id]


def _levels_check(path: str, levels: list[str | None], project: Project) -> list[Problem]:
    """The problems of the role in *path* at each of its *levels* (the family if none)."""
    roles_dir = project.roles_dir or os.path.dirname(path)
    return [problem for resolution in resolve_levels(
        path, levels or [None], roles_dir=roles_dir, markup=project.markup,
        checks=project.checks) for problem in resolution.problems]
