"""The extension's stylesheet: wide tables scroll in HTML instead of overflowing."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STYLESHEET = Path(__file__).parent / "static" / "jobdesc.css"


def add_stylesheet(app: Sphinx) -> None:
    """Link the stylesheet from every HTML page (it is copied at ``builder-inited``)."""
    app.add_css_file(STYLESHEET.name)
    app.connect("builder-inited", _copy_stylesheet)


def _copy_stylesheet(app: Sphinx) -> None:
    if app.builder.format == "html":
        static = Path(app.outdir, "_static")
        static.mkdir(parents=True, exist_ok=True)
        # Always our current version (a newer sphinx-jobdesc replaces the old file).
        shutil.copyfile(STYLESHEET, static / STYLESHEET.name)
