"""``sphinx-build -b jobdesc``: the project's roles as ``jobdesc.json`` and ``greenhouse.json``.

The same files are written next to the HTML when ``jobdesc_export`` is on.
Each role view names the page that renders it (from the ``jobdesc`` domain),
so a careers site generator can link back to the handbook.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.builders import Builder

from .config import settings
from .core.export import exported_roles, jobdesc_data
from .core.files import role_files
from .core.greenhouse import greenhouse
from .domain import jobdesc_domain
from .report import warn

if TYPE_CHECKING:
    from collections.abc import Iterable, Set

    from docutils import nodes
    from sphinx.application import Sphinx

EXPORTS = ("jobdesc.json", "greenhouse.json")


class JobdescBuilder(Builder):
    """Writes the role export; it reads every page, to know where each role is rendered."""

    name = "jobdesc"
    format = "json"
    epilog = "The role export is in %(outdir)s."
    allow_parallel = True

    def get_outdated_docs(self) -> Iterable[str]:
        return []  # no per-page output: the export is written in finish()

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        return f"{docname}.html"

    def prepare_writing(self, docnames: Set[str]) -> None:
        pass

    def write_doc(self, docname: str, doctree: nodes.document) -> None:
        pass

    def finish(self) -> None:
        write_export(self)


def write_export(builder: Builder) -> None:
    """Write ``jobdesc.json`` and ``greenhouse.json`` into the builder's output folder."""
    config = settings(builder.config)
    folder = os.path.join(builder.srcdir, config.roles_dir)
    roles, problems = exported_roles(role_files(folder), roles_dir=folder,
                                     markup=config.markup, audience=config.audience)
    for problem in problems:
        warn(f"{problem.message}; the role is left out of the export", problem.subtype,
             problem.origin)
    Path(builder.outdir).mkdir(parents=True, exist_ok=True)
    contents = (jobdesc_data(roles, config.audience, _pages(builder)),
                greenhouse(roles, config.audience, config.labels))
    for name, content in zip(EXPORTS, contents, strict=True):
        text = json.dumps(content, indent=2, ensure_ascii=False) + "\n"
        Path(builder.outdir, name).write_text(text, encoding="utf-8")


def _pages(builder: Builder) -> dict[str, str]:
    """Where each role (``id`` or ``id:level``) is rendered, as a URL relative to the site."""
    return {name: f"{builder.get_target_uri(docname)}#{anchor}"
            for name, _, _, docname, anchor, _ in jobdesc_domain(builder.env).get_objects()}


def export_with_html(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: with ``jobdesc_export``, HTML builds write the export too."""
    if exception is None and app.config.jobdesc_export and app.builder.format == "html":
        write_export(app.builder)


def setup_export(app: Sphinx) -> None:
    app.add_builder(JobdescBuilder)
    app.connect("build-finished", export_with_html)

