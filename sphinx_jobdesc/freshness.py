"""Which pages a build reads again, and which it only writes again.

Sphinx re-reads a page when its files change (a directive notes its role
files and templates as dependencies). These hooks add what Sphinx cannot see,
and keep it to the minimum: links are resolved when a page is written, so a
page with ``:job:`` links is written again, never read again, when the
renderings it links to move.
"""

from __future__ import annotations

import os
from collections.abc import Set
from typing import TYPE_CHECKING

from .core.files import role_files
from .core.loader import ROLE_FILE_SUFFIXES
from .core.snapshots import head_of
from .domain import jobdesc_domain
from .template_files import resolves_to
from .templating import environment

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def setup_freshness(app: Sphinx) -> None:
    app.connect("env-get-outdated", outdated_lists)
    app.connect("env-updated", pages_linking_to_moved_roles)


def outdated_lists(
    app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str]
) -> list[str]:
    """Pages to read again although their own files did not change: catalogues when the
    set of role files changed, pages that found a role by its id when a file named
    after it appeared, and pages whose templates would now be read from another file.
    Links are not among them (see :func:`pages_linking_to_moved_roles`)."""
    domain = jobdesc_domain(env)
    catalogs: dict[str, tuple[str, ...]] = domain.data["catalogs"]
    # a file named after a role id that a page found in another file now takes over
    stale = [docname for docname, found in domain.data["found_by_id"].items()
             if any(os.path.isfile(os.path.join(folder, role_id + suffix))
                    for folder, role_id in found for suffix in ROLE_FILE_SUFFIXES)]
    # a template name that now finds another file (or one where it found none): a
    # project template shadows a bundled one, or adds a design layout of its own
    now: dict[tuple[tuple[str, ...], str], str] = {}
    for docname, lookups in domain.data["templates"].items():
        for templates_path, name, filename in lookups:
            key = (templates_path, name)
            if key not in now:
                now[key] = resolves_to(environment(templates_path), name)
            if now[key] != filename:
                stale.append(docname)
                break
    stale += pages_with_old_history(domain.data["histories"])
    if not catalogs:
        return stale
    files = role_files(os.path.join(app.srcdir, app.config.jobdesc_roles_dir))
    return [*stale, *(docname for docname, listed in catalogs.items() if listed != files)]


def pages_with_old_history(histories: dict[str, set[tuple[str, str]]]) -> list[str]:
    """Pages whose ``jobhistory`` was read at another commit than the one checked out:
    read again when HEAD moves, and only then."""
    heads: dict[str, str] = {}
    stale = []
    for docname, read in histories.items():
        for folder, head in read:
            if folder not in heads:
                heads[folder] = head_of(folder)
            if heads[folder] != head:
                stale.append(docname)
                break
    return stale


def pages_linking_to_moved_roles(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Pages to write again (not read: their links are resolved when written) when a
    rendering of a role appeared, moved, changed its title or went: the pages with
    ``:job:`` links, ``reports_to`` facts or a catalogue."""
    domain = jobdesc_domain(env)
    targets = tuple(sorted((docname, tuple(renderings))
                           for docname, renderings in domain.renderings.items()))
    before = domain.data.get("targets")
    domain.data["targets"] = targets  # kept with the environment, beside the page data
    if before is None or before == targets:
        return []
    return [*domain.data["referrers"], *domain.data["catalogs"]]
