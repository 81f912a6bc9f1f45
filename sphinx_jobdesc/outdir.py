"""The audience boundary on disk: a public build never publishes an internal build's pages.

Sphinx writes into its output folder and never deletes what an earlier build
left there. A public build into a folder that holds an internal build would
publish every internal page it does not overwrite: the interview guides and
staff-only pages that public builds leave out. So every build records its
audience in the folder (:data:`MARKER`), and a public build that finds
``internal`` there stops with an error before writing anything, unless
``jobdesc_clean_outdir`` asks it to empty the folder first.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.errors import SphinxError

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

#: The file in the output folder that names the audience of the builds written there.
MARKER = ".jobdesc-audience"


class AudienceBoundaryError(SphinxError):
    category = "sphinx-jobdesc audience error"


def guard_outdir(app: Sphinx) -> None:
    """``builder-inited``: refuse (or empty) a folder with an internal build when this
    build is public, then record this build's audience there."""
    outdir = Path(app.outdir)
    marker = outdir / MARKER
    audience = app.config.jobdesc_audience
    try:
        previous = marker.read_text(encoding="utf-8").strip()
    except OSError:
        previous = None
    if audience == "public" and previous == "internal":
        if not app.config.jobdesc_clean_outdir:
            raise AudienceBoundaryError(
                f"the output folder {outdir} holds an internal build ({MARKER} says so), and "
                "a public build would leave its internal pages in place. Build into another "
                "folder, delete this one, or set jobdesc_clean_outdir = True to empty it first.")
        _empty(outdir, keep=(app.srcdir, app.confdir, app.doctreedir))
    outdir.mkdir(parents=True, exist_ok=True)
    marker.write_text(f"{audience}\n", encoding="utf-8")


def _empty(folder: Path, keep: tuple[str | os.PathLike[str], ...]) -> None:
    """Delete everything in *folder* except what holds one of the *keep* paths (the
    sources and the doctrees may live inside the output folder)."""
    kept = [Path(path).resolve() for path in keep]
    for child in folder.iterdir():
        resolved = child.resolve()
        if any(path == resolved or resolved in path.parents for path in kept):
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


def _not_in_epubs(app: Sphinx, config: Config) -> None:
    """``config-inited``: the EPUB builder packs every file of its folder; not the marker.
    (Set before Sphinx compares the configuration with the last build's, so it is stable.)"""
    excluded = config.epub_exclude_files
    if MARKER not in excluded:
        config.epub_exclude_files = [*excluded, MARKER]


def setup_outdir_guard(app: Sphinx) -> None:
    app.connect("config-inited", _not_in_epubs)
    app.connect("builder-inited", guard_outdir)
