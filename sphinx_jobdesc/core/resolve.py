"""From a role file to a typed :class:`~.model.Role`: load, validate, inherit, build, check.

The pipeline in one place, for every front end (the directives, the export,
the command line). It returns every problem it met and every file it read (or
looked for), which the directive notes as dependencies for exact incremental
builds. Finding and caching the files is :mod:`.files`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .build import build_role
from .checks import CheckSettings, file_problems, forget_coded_words, role_problems
from .files import (
    ValidatedFile,
    declared_id,
    find_role_file,
    internal_error,
    named_id,
    release_files,
    validated_file,
)
from .merge import inherit, without_keys
from .model import Level, Role
from .problems import Problem
from .tree import Map, Seq


@dataclass(frozen=True)
class Resolution:
    """What resolving a role gave: the role (None if unusable), problems, files involved."""

    role: Role | None
    problems: tuple[Problem, ...] = ()
    files: tuple[str, ...] = ()


@dataclass
class _Run:
    """State of one resolution: its problems and the files it depends on."""

    markup: str
    roles_dir: str
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    #: The files that loaded (for the lint).
    loaded: list[tuple[str, ValidatedFile]] = field(default_factory=list)




_linted: dict[tuple[str, str, CheckSettings], tuple[ValidatedFile, list[Problem]]] = {}


def _linted_file(path: str, file: ValidatedFile, markup: str, checks: CheckSettings
                 ) -> list[Problem]:
    """The lint findings of one file, computed once per version of the file."""
    cached = _linted.get((path, markup, checks))
    if cached is not None and cached[0] is file:
        return cached[1]
    problems = file_problems(path, file.texts, checks)
    _linted[(path, markup, checks)] = (file, problems)
    return problems


def release_cache(*_: object) -> None:
    """Forget the parsed role files (connected to Sphinx's ``env-updated``).

    Once every page is read they are not needed, and thousands of cached
    objects would make each full garbage collection of the write phase slower.
    """
    release_files()
    _linted.clear()
    forget_coded_words()


#: How many files an ``extends`` chain may hold (the role's own file included).
MAX_EXTENDS = 16

#: Reference checks only: what resolving a role reports unless asked for more.
NO_CHECKS = CheckSettings(enabled=frozenset())


def resolve_role(
    path: str, level_id: str | None, *, roles_dir: str, markup: str,
    checks: CheckSettings = NO_CHECKS,
) -> Resolution:
    """Load the role file at *path* with everything it extends, merged for *level_id*,
    and run *checks* on it and on the text of every file involved. Never raises: an
    internal error is a problem, and the role is then None."""
    run = _Run(markup=markup, roles_dir=roles_dir)
    try:
        return _resolve(path, level_id, run, checks)
    except Exception as error:  # a bug of ours must not take down the page or the build
        return Resolution(None, (*run.problems, internal_error(error, (path, 1))),
                          tuple(run.files))


def resolve_levels(
    path: str, level_ids: Iterable[str | None], *, roles_dir: str, markup: str,
    checks: CheckSettings = NO_CHECKS,
) -> list[Resolution]:
    """The role in *path* resolved at each of *level_ids*, in order (None: the family):
    for everything that shows or checks a role level by level (the ladder, the
    export, the command line)."""
    return [resolve_role(path, level_id, roles_dir=roles_dir, markup=markup, checks=checks)
            for level_id in level_ids]


def _resolve(path: str, level_id: str | None, run: _Run, checks: CheckSettings) -> Resolution:
    markup = run.markup
    family = _family(path, run, chain=())
    if family is None:
        return Resolution(None, tuple(run.problems), tuple(run.files))
    tree, role_id = family
    origin = (path, 1)
    if role_id.startswith("_"):
        run.problems.append(Problem("load", f"'{role_id}' is a base role (its id starts with "
                                    "'_'): other roles extend it, it cannot be rendered", origin))
        return Resolution(None, tuple(run.problems), tuple(run.files))
    levels = _levels(tree)
    level = None
    if level_id is not None:
        level = next((lvl for lvl in levels if lvl.id == level_id), None)
        if level is None:
            known = ", ".join(lvl.id for lvl in levels) or "none"
            run.problems.append(Problem("level", f"role '{role_id}' has no level '{level_id}' "
                                        f"(levels: {known}); the family is shown"))
        else:
            tree = _merge_level(tree, level_id, run)
    role, problems = build_role(tree, role_id=role_id, origin=origin, level=level, levels=levels)
    run.problems.extend(problems)
    for file, validated in run.loaded:
        run.problems.extend(_linted_file(file, validated, markup, checks))
    run.problems.extend(role_problems(role, checks))
    return Resolution(role, tuple(run.problems), tuple(run.files))


def _family(path: str, run: _Run, chain: tuple[str, ...]) -> tuple[Map, str] | None:
    """The merged content of *path* and the files it extends, with its role id."""
    run.files.append(path)
    validated = validated_file(path, run.markup)
    run.problems.extend(validated.problems)
    data = validated.data
    if data is None:
        return None
    run.loaded.append((path, validated))
    role_id = data.get("id", named_id(path))
    parent_id = data.get("extends")
    if parent_id is None:
        if "drop" in data:  # nothing is inherited, so every id it names is unknown
            data, dropped = inherit(Map(data.origin), data)
            run.problems.extend(dropped)
        return data, role_id
    where = data.origins["extends"]
    if len(chain) + 1 >= MAX_EXTENDS:
        run.problems.append(Problem("inherit", f"extends: more than {MAX_EXTENDS} files extend "
                                    f"each other; '{parent_id}' is not inherited", where))
        return data, role_id
    if parent_id in (*chain, role_id):
        cycle = " -> ".join((*chain, role_id, parent_id))
        run.problems.append(Problem("inherit", f"extends cycle: {cycle}; '{parent_id}' is not "
                                    "inherited again", where))
        return data, role_id
    parent_path, looked_at = find_role_file(parent_id, [os.path.dirname(path), run.roles_dir],
                                            run.markup)
    if parent_path is None:
        run.files.extend(looked_at)
        run.problems.append(Problem("inherit", f"extends: no role file with id '{parent_id}' "
                                    "next to this file or in the roles folder", where))
        return data, role_id
    parent = _family(parent_path, run, (*chain, role_id))
    if parent is None:
        return data, role_id
    merged, inherited = inherit(parent[0], data)
    run.problems.extend(inherited)
    return merged, role_id


def _levels(tree: Map) -> tuple[Level, ...]:
    levels = tree.get("levels", ())
    return tuple(Level(lvl["id"], lvl.get("title", lvl["id"]), origin)
                 for lvl, origin in zip(levels, getattr(levels, "origins", ()), strict=True))


def _merge_level(family: Map, level_id: str, run: _Run) -> Map:
    """The family with the chain of levels up to *level_id* applied, lowest first.

    A level's ``summary`` does not replace the family's: it is kept as the
    role's ``level_summary`` for the requested level only."""
    levels: Seq = family["levels"]
    position = {lvl["id"]: index for index, lvl in enumerate(levels)}
    chain: list[Map] = []
    current: str | None = level_id
    while current is not None:
        level = levels[position[current]]
        if any(lvl["id"] == current for lvl in chain):
            names = " -> ".join([lvl["id"] for lvl in chain] + [current])
            run.problems.append(Problem("inherit", f"levels extend each other in a cycle: "
                                        f"{names}", levels.origins[position[current]]))
            break
        chain.append(level)
        index = position[current]
        parent = level.get("extends", levels[index - 1]["id"] if index > 0 else None)
        if parent is not None and parent not in position:
            run.problems.append(Problem("inherit", f"level '{current}' extends unknown level "
                                        f"'{parent}'", level.origins["extends"]))
            parent = None
        current = parent
    tree = Map(family.origin, {k: v for k, v in family.items() if k != "levels"})
    tree.origins.update(family.origins)
    for level in reversed(chain):
        # a level's summary is its own text, not the role's
        own_text = without_keys(level, {"summary"}) if "summary" in level else level
        tree, problems = inherit(tree, own_text)
        run.problems.extend(problems)
    own = chain[0]
    if "summary" in own:  # the level's own text, shown after the family's; never inherited
        tree["level_summary"] = own["summary"]
        tree.origins["level_summary"] = own.origins["summary"]
    return _level_identifier(tree, family, own)


def _level_identifier(tree: Map, family: Map, own: Map) -> Map:
    """Each level is its own job posting, so its ``posting.identifier`` is its own: the
    one the level gives, else the family's with the level id appended (``ENG-7-senior``)."""
    posting = tree.get("posting")
    family_id = family.get("posting", {}).get("identifier")
    if not isinstance(posting, Map) or family_id is None or (
            "identifier" in own.get("posting", {})):
        return tree
    tree["posting"] = Map(posting.origin, {**posting, "identifier": f"{family_id}-{own['id']}"})
    tree["posting"].origins.update(posting.origins)
    return tree


def families(files: Iterable[str], *, roles_dir: str, markup: str
             ) -> Iterator[tuple[str, Resolution]]:
    """Each role in *files* resolved as a family (no level, references checked only);
    base files (ids starting with ``_``) are skipped. For lists of roles: the
    catalogue and the export."""
    for path in files:
        if not declared_id(path, markup).startswith("_"):
            yield path, resolve_role(path, None, roles_dir=roles_dir, markup=markup)
