"""Our tables in the browser: each scrolls sideways in its own box instead of
widening the page, and the stylesheet that says so."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .templating import generated

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STYLESHEET = Path(__file__).parent / "static" / "jobdesc.css"
#: The class of the box a table scrolls in (``jobdesc.css``).
SCROLL = "jobdesc-scroll"


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


class ScrollingTables(SphinxPostTransform):
    """Every table we generate (a ladder, a catalogue, a stage list, a scorecard...)
    in a box of its own that scrolls sideways, so a phone shows the page at its
    width and the table scrolls, whatever template wrote it."""

    default_priority = 200
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for table in list(self.document.findall(nodes.table)):
            wrapped = isinstance(table.parent, nodes.container) and SCROLL in table.parent[
                "classes"]
            if generated(table["classes"]) and not wrapped:
                box = nodes.container(classes=[SCROLL])
                table.parent[table.parent.index(table)] = box
                box.append(table)
