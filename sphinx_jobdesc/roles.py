"""From a role id or path to a typed :class:`~.model.Role`: find, load, validate, inherit.

This is the pipeline in one place, independent of Sphinx so that other front
ends can use it. It returns every problem it met and every file it read (or
looked for), which the directive notes as dependencies for exact incremental
builds.

Validated files are cached per process by path, modification time and size,
so each role file is parsed once per build however many pages use it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .checks import CheckSettings, file_problems, role_problems
from .loader import ROLE_FILE_SUFFIXES, Map, Seq, load_file
from .merge import inherit
from .model import Level, Role, build_role
from .problems import Origin, Problem
from .validation import validate_file


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
    loaded: list[tuple[str, CheckedFile]] = field(default_factory=list)


def is_path(reference: str) -> bool:
    """Whether a directive argument names a file rather than a role id."""
    return "/" in reference or "\\" in reference or reference.endswith(ROLE_FILE_SUFFIXES)


def find_role_file(
    role_id: str, directories: list[str], markup: str
) -> tuple[str | None, list[str]]:
    """The file declaring *role_id* in *directories*, and the paths looked at.

    ``<dir>/<id>.yaml`` (or ``.yml``, ``.json``) is tried first; a file whose
    ``id:`` differs from its name is found in an index of the directories, built
    once per build (a file named after the id that appears later wins: the Sphinx
    layer re-reads the pages that found a role this way when one does).
    """
    candidates = [os.path.join(d, role_id + suffix) for d in directories
                  for suffix in ROLE_FILE_SUFFIXES]
    for candidate in candidates:
        if os.path.isfile(candidate) and declared_id(candidate, markup) == role_id:
            return candidate, [candidate]
    declaring = files_declaring(role_id, directories, markup)
    if declaring:
        return declaring[0], [declaring[0]]
    return None, candidates[:1]


def files_declaring(role_id: str, directories: list[str], markup: str) -> list[str]:
    """Every role file in *directories* whose id is *role_id* (more than one is a mistake)."""
    return [path for directory in directories for path in _ids_in(directory, markup).get(
        role_id, ())]


def other_declarations(role_id: str, used: str, directories: list[str], markup: str
                       ) -> list[Problem]:
    """A ``duplicate`` problem at each file other than *used* that declares *role_id*."""
    problems = []
    for other in files_declaring(role_id, directories, markup):
        if other != used:
            data = checked_file(other, markup).data
            origin = data.origins.get("id") if data is not None else None
            problems.append(Problem("duplicate", f"id '{role_id}' is also declared by "
                                    f"{os.path.basename(used)}, which is used for it",
                                    origin or (other, 1)))
    return problems


def title_of(reference: str, directories: list[str], markup: str
             ) -> tuple[str | None, list[str]]:
    """The title of the role (``id``) or level (``id:level``) *reference* names, read from
    its role file (None if there is none), and the files looked at."""
    role_id, _, level_id = reference.partition(":")
    found, looked_at = find_role_file(role_id, directories, markup)
    data = checked_file(found, markup).data if found else None
    if data is None:
        return None, looked_at
    title = data.get("title")
    for level in data.get("levels", ()) if level_id else ():
        if level.get("id") == level_id:
            title = level.get("title", title)
    return (title if isinstance(title, str) else None), looked_at


_ids: dict[tuple[str, str], dict[str, list[str]]] = {}


def _ids_in(folder: str, markup: str) -> dict[str, list[str]]:
    """Role id -> the files of *folder* that declare it; built once per build, so that
    finding many roles by their ``id:`` stays linear in the number of files."""
    key = (folder, markup)
    if key not in _ids:
        index: dict[str, list[str]] = {}
        for path in role_files(folder):
            index.setdefault(declared_id(path, markup), []).append(path)
        _ids[key] = index
    return _ids[key]


def declared_id(path: str, markup: str) -> str:
    """The role id of the file at *path*: its ``id:``, else its name."""
    data = checked_file(path, markup).data
    declared = data.get("id") if data is not None else None
    return declared if isinstance(declared, str) else named_id(path)


def named_id(path: str) -> str:
    """The id a role file has by its name (``roles/backend.yaml``: ``backend``)."""
    return os.path.splitext(os.path.basename(path))[0]


@dataclass(frozen=True, slots=True)
class CheckedFile:
    """One role file, read and validated."""

    #: The valid part of the file (None when it could not be read or parsed).
    data: Map | None
    problems: tuple[Problem, ...]
    #: Its prose with origins, for the language lint.
    texts: tuple[tuple[str, Origin], ...] = ()


_checked: dict[tuple[str, str], tuple[tuple[int, int], CheckedFile]] = {}


def checked_file(path: str, markup: str) -> CheckedFile:
    """The valid part of one role file and its problems, cached while the file is unchanged."""
    try:
        stat = os.stat(path)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return CheckedFile(None, (Problem("load", f"cannot read role file: {reason}",
                                          (path, 1)),))
    key = (stat.st_mtime_ns, stat.st_size)
    cached = _checked.get((path, markup))
    if cached is not None and cached[0] == key:
        return cached[1]
    try:
        loaded = load_file(path)
        checked = CheckedFile(loaded.data, loaded.problems)
        if loaded.data is not None:
            data, found, texts = validate_file(loaded.data, markup)
            checked = CheckedFile(data, loaded.problems + tuple(found), tuple(texts))
    except Exception as error:  # a bug of ours must not take down the pages of other files
        checked = CheckedFile(None, (internal_error(error, (path, 1)),))
    _checked[(path, markup)] = (key, checked)
    return checked


def internal_error(error: Exception, origin: Origin | None) -> Problem:
    """A problem for an exception that escaped the pipeline: a bug in sphinx-jobdesc."""
    return Problem("load", f"internal error in sphinx-jobdesc while reading this role file "
                   f"({type(error).__name__}: {error}); the role is left out. Please report "
                   "this with the file", origin)


_linted: dict[tuple[str, str, CheckSettings], tuple[CheckedFile, list[Problem]]] = {}


def _linted_file(path: str, file: CheckedFile, markup: str, checks: CheckSettings
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
    _checked.clear()
    _linted.clear()
    _ids.clear()


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
    for file, checked in run.loaded:
        run.problems.extend(_linted_file(file, checked, markup, checks))
    run.problems.extend(role_problems(role, checks))
    return Resolution(role, tuple(run.problems), tuple(run.files))


def _family(path: str, run: _Run, chain: tuple[str, ...]) -> tuple[Map, str] | None:
    """The merged content of *path* and the files it extends, with its role id."""
    run.files.append(path)
    checked = checked_file(path, run.markup)
    run.problems.extend(checked.problems)
    data = checked.data
    if data is None:
        return None
    run.loaded.append((path, checked))
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
        tree, problems = inherit(tree, _without_summary(level))
        run.problems.extend(problems)
    own = chain[0]
    if "summary" in own:  # the level's own text, shown after the family's; never inherited
        tree["level_summary"] = own["summary"]
        tree.origins["level_summary"] = own.origins["summary"]
    return tree


def _without_summary(level: Map) -> Map:
    """*level* without its ``summary``, which is the level's own text, not the role's
    (a copy: levels are shared with the cache of parsed files)."""
    if "summary" not in level:
        return level
    copy = Map(level.origin, {k: v for k, v in level.items() if k != "summary"})
    copy.origins.update({k: v for k, v in level.origins.items() if k != "summary"})
    return copy


def role_files(folder: str) -> tuple[str, ...]:
    """The role files directly in *folder*, sorted (bases included)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return ()
    return tuple(sorted(os.path.join(folder, n) for n in names if n.endswith(ROLE_FILE_SUFFIXES)))


def families(files: Iterable[str], *, roles_dir: str, markup: str
             ) -> Iterator[tuple[str, Resolution]]:
    """Each role in *files* resolved as a family (no level, references checked only);
    base files (ids starting with ``_``) are skipped. For lists of roles: the
    catalogue and the export."""
    for path in files:
        if not declared_id(path, markup).startswith("_"):
            yield path, resolve_role(path, None, roles_dir=roles_dir, markup=markup)
