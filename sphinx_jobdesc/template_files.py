"""Which files a template name reads: the template, what it extends, includes and
imports, and whether all of them are the bundled ones. Incremental builds and
the choice between the node writer and the template depend on it."""

from __future__ import annotations

import os

import jinja2
import jinja2.meta

BUNDLED_TEMPLATES = os.path.join(os.path.dirname(__file__), "templates")


#: The templates one template names ({% extends %}, include, import), by its file and
#: modification time: what a file names depends on its text only; which file a name
#: finds does not (a project template may shadow a bundled one), so it is looked up
#: every time.
_referenced_cache: dict[tuple[str, int], tuple[str, ...]] = {}


def dependencies(env: jinja2.Environment, name: str, filename: str,
                 seen: set[str] | None = None) -> tuple[tuple[str, str], ...]:
    """(name, file) of template *name* and of every template it extends, includes or
    imports, recursively."""
    seen = seen if seen is not None else set()
    seen.add(filename)
    found = [(name, filename)]
    for referenced in _referenced(env, filename):
        try:
            child = env.get_template(referenced).filename
        except jinja2.TemplateError:
            continue
        if child and child not in seen:
            found.extend(dependencies(env, referenced, child, seen))
    return tuple(found)


def _referenced(env: jinja2.Environment, filename: str) -> tuple[str, ...]:
    try:
        mtime = os.stat(filename).st_mtime_ns
    except OSError:
        return ()
    key = (filename, mtime)
    if key not in _referenced_cache:
        with open(filename, encoding="utf-8") as stream:
            ast = env.parse(stream.read())
        _referenced_cache[key] = tuple(name for name in jinja2.meta.find_referenced_templates(ast)
                                       if name is not None)
    return _referenced_cache[key]


Lookups = tuple[tuple[str, str], ...]
#: bundled_lookups() of each environment and name in the build being read.
_bundled: dict[tuple[int, str], Lookups | None] = {}


def bundled_lookups(env: jinja2.Environment, name: str) -> Lookups | None:
    """(name, file) of template *name* and of every template it uses, if all of them
    are the bundled ones (no project template shadows any): the output the node
    writers reproduce. None otherwise. Asked once per build (see :func:`forget_lookups`),
    not once per directive: it stats and loads every template it names."""
    key = (id(env), name)
    if key not in _bundled:
        try:
            filename = env.get_template(name).filename or ""
        except jinja2.TemplateError:
            _bundled[key] = None
            return None
        lookups = dependencies(env, name, filename)
        inside = BUNDLED_TEMPLATES + os.sep
        _bundled[key] = (lookups if all(file.startswith(inside) for _, file in lookups)
                         else None)
    return _bundled[key]


def forget_lookups() -> None:
    """Look template names up again in the next build (a project template may have
    appeared, shadowing a bundled one)."""
    _bundled.clear()


def resolves_to(env: jinja2.Environment, name: str) -> str:
    """The file template *name* is read from now ("" if there is none): a page that
    used another one (before a project template shadowed it) is out of date."""
    try:
        return env.loader.get_source(env, name)[1] or ""  # type: ignore[union-attr]
    except jinja2.TemplateError:
        return ""
