"""Where role files are and what each one holds, read once per build.

One discovery policy for the build, the catalogue, the export and the command
line: the role files are those directly in a folder (``.yaml``, ``.yml``,
``.json``), not those in sub-folders (drafts, archives). A role id names
``<folder>/<id>.yaml`` (or ``.yml``, ``.json``), or else the file whose ``id:``
says so.

Validated files are cached per process by path, modification time and size,
so each role file is parsed once per build however many pages use it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass

from .loader import ROLE_FILE_SUFFIXES, load_file
from .problems import Origin, Problem
from .tree import Map
from .validation import validate_file
from .vocabulary import MARKUPS


def role_files(folder: str) -> tuple[str, ...]:
    """The role files directly in *folder*, sorted (bases included)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return ()
    return tuple(sorted(os.path.join(folder, n) for n in names if n.endswith(ROLE_FILE_SUFFIXES)))


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
            data = validated_file(other, markup).data
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
    data = validated_file(found, markup).data if found else None
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
    data = validated_file(path, markup).data
    declared = data.get("id") if data is not None else None
    return declared if isinstance(declared, str) else named_id(path)


def named_id(path: str) -> str:
    """The id a role file has by its name (``roles/backend.yaml``: ``backend``)."""
    return os.path.splitext(os.path.basename(path))[0]


@dataclass(frozen=True, slots=True)
class ValidatedFile:
    """One role file, read and validated."""

    #: The valid part of the file (None when it could not be read or parsed).
    data: Map | None
    problems: tuple[Problem, ...]
    #: Its prose with origins, for the language lint.
    texts: tuple[tuple[str, Origin], ...] = ()


_validated: dict[tuple[str, str], tuple[tuple[int, int], ValidatedFile]] = {}


def validated_file(path: str, markup: str) -> ValidatedFile:
    """The valid part of one role file and its problems, cached while the file is unchanged."""
    try:
        stat = os.stat(path)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return ValidatedFile(None, (Problem("load", f"cannot read role file: {reason}",
                                          (path, 1)),))
    key = (stat.st_mtime_ns, stat.st_size)
    cached = _validated.get((path, markup))
    if cached is not None and cached[0] == key:
        return cached[1]
    try:
        loaded = load_file(path)
        validated = ValidatedFile(loaded.data, loaded.problems)
        if loaded.data is not None:
            data, found, texts = validate_file(loaded.data, markup)
            validated = ValidatedFile(data, loaded.problems + tuple(found), tuple(texts))
    except Exception as error:  # a bug of ours must not take down the pages of other files
        validated = ValidatedFile(None, (internal_error(error, (path, 1)),))
    _validated[(path, markup)] = (key, validated)
    return validated


def internal_error(error: Exception, origin: Origin | None) -> Problem:
    """A problem for an exception that escaped the pipeline: a bug in sphinx-jobdesc."""
    return Problem("load", f"internal error in sphinx-jobdesc while reading this role file "
                   f"({type(error).__name__}: {error}); the role is left out. Please report "
                   "this with the file", origin)


def forget_files(paths: Iterable[str]) -> None:
    """Forget what was read from *paths*: their contents changed within the same
    modification-time tick, or the files are gone (the history's scratch folder)."""
    for path in paths:
        for markup in MARKUPS:
            _validated.pop((path, markup), None)
    _ids.clear()


def release_files() -> None:
    """Forget the parsed role files and the id index (see ``resolve.release_cache``)."""
    _validated.clear()
    _ids.clear()
