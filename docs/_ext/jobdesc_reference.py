"""The reference pages of the docs site, generated from the code's declarations.

- ``{jobdesc-table} NAME``: a table of :data:`sphinx_jobdesc.reference.TABLES`
  (config values, warning subtypes, checks, lint rules, the role-file format);
- ``{jobdesc-options} DIRECTIVE``: a directive's options, from its declaration;
- ``{jobdesc-help} COMMAND``: the ``--help`` of a command of ``sphinx-jobdesc``.

Each is Markdown parsed into the page, so the tables read like the rest of it.
The JSON Schemas are copied into the built site at the address each ``$id``
names (``schema/role-1.json``...), which editors fetch.
"""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from sphinx_jobdesc.cli import command_help
from sphinx_jobdesc.directives import DIRECTIVES
from sphinx_jobdesc.reference import TABLES, options_table

#: Where the site is published: a schema's ``$id`` under it is its place in the site.
SITE = "https://sphinx-jobdesc.readthedocs.io/en/latest/"


class _Generated(SphinxDirective):
    required_arguments = 1

    def markdown(self) -> str:
        raise NotImplementedError

    def run(self) -> list[nodes.Node]:
        container = nodes.container()
        source = f"<{self.name} {self.arguments[0]}>"
        lines = StringList(self.markdown().splitlines(), source=source)
        self.state.nested_parse(lines, self.content_offset, container)
        return container.children


class TableDirective(_Generated):
    def markdown(self) -> str:
        return TABLES[self.arguments[0]]()


class OptionsDirective(_Generated):
    def markdown(self) -> str:
        directive = next(d for d in DIRECTIVES if d.kind == self.arguments[0])
        return options_table(directive.declared_options, directive.all_sections)


class HelpDirective(_Generated):
    def markdown(self) -> str:
        return f"```text\n{command_help(self.arguments[0])}```"


def published_schemas() -> dict[str, Any]:
    """Each shipped schema by the path its ``$id`` gives it in the site."""
    found = {}
    for entry in resources.files("sphinx_jobdesc").joinpath("schema").iterdir():
        schema = json.loads(entry.read_text("utf-8"))
        if not schema["$id"].startswith(SITE):
            raise ValueError(f"{entry.name}: $id {schema['$id']} is not under {SITE}")
        found[schema["$id"].removeprefix(SITE)] = entry
    return found


def copy_schemas(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    for path, entry in published_schemas().items():
        target = Path(app.outdir, path)
        target.parent.mkdir(parents=True, exist_ok=True)
        with resources.as_file(entry) as source:
            shutil.copyfile(source, target)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("jobdesc-table", TableDirective)
    app.add_directive("jobdesc-options", OptionsDirective)
    app.add_directive("jobdesc-help", HelpDirective)
    app.connect("build-finished", copy_schemas)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
