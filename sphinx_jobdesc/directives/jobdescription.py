"""``.. jobdescription:: <role id or path>``: the job description of a role or level."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes

from .. import rst
from ..core.config import JobdescConfig
from ..core.files import title_of
from ..core.model import Role
from ..core.problems import location
from ..core.views.history import build_history
from ..core.views.jobdescription import date_text
from ..core.vocabulary import JOBDESCRIPTION_SECTIONS
from ..doctrees import jobdescription as jobdescription_doctree
from ..doctrees.writer import Writer
from ..domain import Rendering, jobdesc_domain
from ..jsonld import note_posting
from .base import RoleDirective
from .jobhistory import history_of
from .options import NO_INDEX, Option


class JobDescriptionDirective(RoleDirective):
    kind = "jobdescription"
    all_sections = JOBDESCRIPTION_SECTIONS
    declared_options: ClassVar[dict[str, Option]] = {
        **RoleDirective.declared_options,
        "canonical": Option(
            directives.flag, "(flag)",
            "where `:job:` links go, and the one page that carries the JobPosting, when the "
            "same role (level) is rendered on several pages (default: the first page, in name "
            "order)"),
        "posting": Option(
            directives.flag, "(flag)",
            "give a family page (a role with levels, no `:level:`) a JobPosting; by default "
            "only a level, or a role without levels, is a job to post"),
        "no-index": NO_INDEX,
        "noindex": NO_INDEX.meaning_for("the same as `:no-index:`"),
    }

    def write_nodes(self, writer: Writer, context: Mapping[str, Any]) -> None:
        jobdescription_doctree.write(writer, context)

    def default_sections(self, config: JobdescConfig) -> Sequence[str]:
        return config.sections

    def page_title(self, role: Role) -> str:
        return role.title

    def context(self, role: Role, path: str, config: JobdescConfig) -> dict[str, object]:
        """The title of the role this one reports to, from its role file (a link to a
        role no page renders still shows words, not an id), and the date it last changed."""
        return {"reports_to_title": self.reports_to_title(role, config),
                "last_changed": self.last_changed(role, path, config)}

    def reports_to_title(self, role: Role, config: JobdescConfig) -> str | None:
        if not role.reports_to:
            return None
        title, looked_at = title_of(role.reports_to, [self.roles_dir(config)], config.markup)
        self.note_dependencies(looked_at)
        return title

    def last_changed(self, role: Role, path: str, config: JobdescConfig) -> str | None:
        """The date of the last commit that changed this role (at this level), with
        ``jobdesc_last_changed``; the page is read again when HEAD moves."""
        if not config.last_changed:
            return None
        folder = os.path.dirname(path)
        history = history_of(self.env, folder, config.markup, config.audience == "public")
        lines = build_history(history.roles.get(role.id, ()), history.limit,
                              level=role.level.id if role.level else None, limit=1).lines
        return date_text(lines[0].date, self.env.config.language) if lines else None

    def finish(self, role: Role, output: list[nodes.Node]) -> list[nodes.Node]:
        """Record the page's JobPosting, and make this rendering a link target
        (``:job:``), an index entry and an ``objects.inv`` entry unless it is ``:no-index:``.
        A ``reports_to`` link that finds no page is reported at the role file's line."""
        note_posting(self, role)
        if role.reports_to and "reports_to" in role.origins:
            page = f"{self.env.doc2path(self.env.docname, False)}:{self.lineno}"
            for top in output:
                for xref in top.findall(addnodes.pending_xref):
                    if xref.get("reftarget") == role.reports_to:
                        xref["jobdesc_origin"] = location(role.origins["reports_to"])
                        xref["jobdesc_page"] = page
        if not output or "no-index" in self.options or "noindex" in self.options:
            return output
        first = output[0]
        assert isinstance(first, nodes.Element)
        target = rst.add_target(self, first, "job", self.anchor(role))
        jobdesc_domain(self.env).note_rendering(self.env.docname, Rendering(
            role.id, role.level.id if role.level else "", role.title, target,
            "canonical" in self.options, self.lineno,
            tuple((level.id, level.title) for level in role.levels)))
        index = addnodes.index(entries=[("single", f"{role.title} (role)", target, "", None)])
        return [index, *output]
