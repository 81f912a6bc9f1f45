"""``.. jobcatalog::``: a table of the roles in the project's roles folder."""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes

from ..core.audience import for_audience
from ..core.files import role_files
from ..core.resolve import families
from ..core.views.catalog import Filters, build_catalog
from ..core.vocabulary import JOBCATALOG_COLUMNS
from ..domain import jobdesc_domain
from ..report import warn
from .base import TemplateDirective
from .options import COMMON, Option


class JobCatalogDirective(TemplateDirective):
    kind = "jobcatalog"
    required_arguments = 0
    declared_options: ClassVar[dict[str, Option]] = {
        **{name: option for name, option in COMMON.items() if name != "sections"},
        "family": Option(directives.unchanged, "families, comma-separated",
                         "only roles of one of these families (case does not matter)"),
        "team": Option(directives.unchanged, "teams, comma-separated",
                       "only roles of one of these teams (case does not matter)"),
        "location": Option(directives.unchanged, "`onsite`, `hybrid`, `remote`",
                           "only roles with one of these location types"),
        "columns": Option(directives.unchanged,
                          "`title`, `family`, `levels`, `team`, `location`, `salary`",
                          "which columns, in which order"),
        "sort": Option(directives.unchanged, "a column, `-column` for descending",
                       "the order of rows (default `title`; `salary` sorts by the lower "
                       "bound, roles without one last)"),
    }

    def run(self) -> list[nodes.Node]:
        config = self.jobdesc_config
        folder = self.roles_dir(config)
        files = role_files(folder)
        jobdesc_domain(self.env).note_catalog(self.env.docname, files)
        roles = []
        for _, resolution in families(files, roles_dir=folder, markup=config.markup):
            self.note_dependencies(resolution.files)
            if resolution.role is None:  # one warning per problem, at the file
                self.report(resolution.problems, "the role is left out of the catalogue")
            else:  # what it lists may have lost a value the file got wrong: say so
                self.report(resolution.problems)
                roles.append(for_audience(resolution.role, config.audience))
        columns = (self.listed("columns", JOBCATALOG_COLUMNS, "columns",
                               lambda name: f"no column {name!r}")
                   if self.options.get("columns") else list(JOBCATALOG_COLUMNS))
        sort = self.choice("sort", [*JOBCATALOG_COLUMNS, *(f"-{c}" for c in JOBCATALOG_COLUMNS)],
                           "title")
        # filtered by the values as written (as the page writes them), sorted as shown
        filters = Filters(*(self.values(name) for name in ("family", "team", "location")))
        listed = build_catalog([self.localized(role) for role in roles if filters.accept(role)],
                               Filters(), sort)
        if not listed:  # an empty table says nothing about why
            why = (f"none of the {len(roles)} roles matches its :family:, :team: and "
                   ":location: filters" if roles else f"no role files in {folder}")
            warn(f"the catalogue is empty: {why}", "empty", self.get_location())
        output = self.render_template({"roles": listed, "columns": columns}, "jobcatalog")
        for top in output:
            for reference in top.findall(addnodes.pending_xref):
                reference["jobdesc_optional"] = True  # a role rendered nowhere: plain text
        return output + self.localizer.messages(*self.get_source_info())

    def values(self, option: str) -> tuple[str, ...]:
        return tuple(v.strip().lower() for v in self.options.get(option, "").split(",")
                     if v.strip())
