"""What every directive of the extension shares: options, modes, render, report.

``RoleDirective.run()`` reads as the pipeline: read the options, find the role
file, resolve it (load, validate, inherit), render the template to
reStructuredText, parse that into the host page, then give the generated
sections stable ids. Every file involved is noted as a dependency so
incremental builds re-read exactly the pages that use a changed role file or
template. Problems become typed warnings and never stop the rest of the page
from rendering.

A directive is one module next to this one: a subclass that declares its
``kind`` (its name, template and CSS class), its options, its sections and
what its template needs (:meth:`RoleDirective.context`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from functools import cached_property
from typing import Any, ClassVar

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from .. import rst
from ..config import settings
from ..core.audience import for_audience
from ..core.config import JobdescConfig
from ..core.files import find_role_file, is_path, named_id, other_declarations
from ..core.model import Role
from ..core.problems import Problem, did_you_mean
from ..core.resolve import resolve_role
from ..core.vocabulary import HEADINGS, LAYOUTS
from ..doctrees.writer import Fallback, Writer
from ..domain import Use, jobdesc_domain
from ..locale import labels
from ..report import tell, warn
from ..template_files import bundled_lookups
from ..templating import Heading, environment, render
from ..translation import Localizer
from .options import COMMON, LEVEL, Option, option_spec

logger = logging.getLogger(__name__)

#: Nodes for the page, the section headings and the anchored slots among them.
Produced = tuple[list[nodes.Node], Sequence[Heading], Sequence[str]]


class TemplateDirective(SphinxDirective):
    """A template rendered to reStructuredText, parsed into the page, its sections
    given stable ids."""

    #: The directive's name; also its template's name and its CSS class.
    kind: ClassVar[str]
    #: The parts the directive can show, in their default order.
    all_sections: ClassVar[tuple[str, ...]] = ()
    #: The label of the title it gives a page without one (``{title}``: the role's).
    title_label: ClassVar[str | None] = None

    has_content = False
    #: The options, each declared once (see :mod:`.options`); ``option_spec`` follows.
    declared_options: ClassVar[dict[str, Option]] = COMMON
    option_spec: ClassVar[dict[str, object]] = option_spec(COMMON)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.option_spec = option_spec(cls.declared_options)

    @cached_property
    def reported(self) -> set[tuple[Problem, str]]:
        """The problems this directive has reported, with their consequences (several
        levels share many)."""
        return set()

    @cached_property
    def localizer(self) -> Localizer:
        """The page's translations of role text, and the texts a gettext build extracts."""
        return Localizer(self.env)

    def localized(self, role: Role) -> Role:
        """*role* in the page's language (see :mod:`..translation`)."""
        translated, refused = self.localizer.role(role)
        self.report([Problem("markup", f"the translation of {' '.join(text.split())[:60]!r} "
                             f"is shown untranslated: {reason}", role.origin)
                     for text, reason in refused])
        return translated

    @cached_property
    def jobdesc_config(self) -> JobdescConfig:
        """The project's validated ``jobdesc_*`` settings, read once per directive."""
        return settings(self.config)

    @cached_property
    def shown_sections(self) -> list[str]:
        """The parts this directive shows, in order (also what a JobPosting may describe)."""
        if not self.options.get("sections"):
            return list(self.default_sections(self.jobdesc_config))
        return self.listed("sections", self.all_sections, "known",
                           lambda name: f"unknown section {name!r}")

    def templates(self, layout: str) -> list[str]:
        """The template names to try, in order: ``:template:``, else the design
        layout's own (if it has one), else the plain one."""
        if self.options.get("template"):
            return [self.options["template"]]
        plain = f"{self.kind}.rst.jinja"
        return [f"design/{plain}", plain] if layout == "design" else [plain]

    def render_template(self, context: dict[str, object], anchor: str,
                        title: str | None = None) -> list[nodes.Node]:
        """This directive's output for *context*: written as nodes (the shipped plain
        layout) or rendered from its template and parsed into the page; a page
        without a title gets *title*."""
        config = self.jobdesc_config
        heading_mode = self.heading_mode(config)
        layout = self.layout(config)
        full_context = {"sections": self.shown_sections, "labels": labels(config.labels),
                        "locale": self.env.config.language, "heading_mode": heading_mode,
                        "layout": layout, **context}
        produced = (self.written(full_context, layout, config)
                    or self.parsed(full_context, layout, config))
        if produced is None:
            return []
        parsed, headings, anchors = produced
        rst.name_sections(self, parsed, headings, anchor)
        rst.name_anchors(self, parsed, anchors, anchor)
        classes = ["jobdesc", f"jobdesc-{self.kind}", *self.options.get("class", [])]
        output = rst.assemble(parsed, classes, self)
        if title and output and rst.starts_untitled_page(self):
            output = [rst.titled(self, title, anchor, output)]
        if output:
            self.add_name(output[0])
        return output

    def written(self, context: dict[str, Any], layout: str, config: JobdescConfig
                ) -> Produced | None:
        """The nodes the shipped template would give, written directly; None where a
        project template, ``:template:`` or ``:debug:`` asks for the template, or the
        writer meets output it does not reproduce exactly."""
        if layout != "plain" or "debug" in self.options or self.options.get("template"):
            return None
        name = self.templates(layout)[0]
        lookups = bundled_lookups(environment(config.templates_path), name)
        if lookups is None:
            self.fall_back(f"a project template shadows {name} or a template it uses")
            return None
        writer = Writer(self, context["labels"], context["heading_mode"])
        try:
            self.write_nodes(writer, context)
        except Fallback as reason:
            self.fall_back(str(reason))
            return None
        self.note_dependencies([file for _, file in lookups])
        jobdesc_domain(self.env).note_templates(self.env.docname, config.templates_path,
                                                lookups)
        return writer.top, writer.headings, writer.anchors

    def fall_back(self, reason: str) -> None:
        """Say (with ``-vv``) why this directive is rendered from its template: slower, and
        what a project that overrides a template asked for."""
        logger.debug("[jobdesc] %s rendered from its template: %s", self.kind, reason,
                     location=self.get_location())

    def write_nodes(self, writer: Writer, context: Mapping[str, Any]) -> None:
        """Write the nodes of the shipped plain template for *context*; raising
        :class:`Fallback` (as here) renders the template instead."""
        raise Fallback(f"no node writer for {self.kind}")

    def parsed(self, context: dict[str, Any], layout: str, config: JobdescConfig
               ) -> Produced | None:
        """This directive's template rendered to reStructuredText and parsed."""
        rendered = render(environment(config.templates_path), self.templates(layout), context)
        self.note_dependencies(rendered.files)
        jobdesc_domain(self.env).note_templates(self.env.docname, config.templates_path,
                                                rendered.lookups)
        self.report(rendered.problems)
        if rendered.text is None:
            return None
        parsed = rst.parse_rst(self, rendered.text,
                               allow_sections=context["heading_mode"] == "section")
        if "debug" in self.options:
            parsed.insert(0, nodes.literal_block(rendered.text, rendered.text, language="rst"))
        return parsed, rendered.headings, rendered.anchors

    # --- options -----------------------------------------------------------------------

    def choice(self, option: str, choices: Sequence[str], default: str) -> str:
        value = self.options.get(option, "").strip().lower() or default
        if value not in choices:
            warn(f":{option}: {value!r} is not one of {', '.join(choices)}"
                 f"{did_you_mean(value, choices)}; using {default!r}", "option",
                 self.get_location())
            return default
        return value

    def default_sections(self, config: JobdescConfig) -> Sequence[str]:
        return self.all_sections

    def listed(
        self, option: str, known: Sequence[str], listing: str, unknown: Callable[[str], str]
    ) -> list[str]:
        """The names *option* lists that are *known*, in its order; a warning for each other."""
        chosen = []
        for name in self.options[option].replace(",", " ").split():
            if name in known:
                chosen.append(name)
            else:
                warn(f":{option}: {unknown(name)}{did_you_mean(name, known)} "
                     f"({listing}: {', '.join(known) or 'none'})", "option", self.get_location())
        return chosen

    def heading_mode(self, config: JobdescConfig) -> str:
        """'section' only where docutils allows sections; rubrics elsewhere."""
        mode = self.choice("heading", HEADINGS, config.heading)
        allowed = isinstance(self.state_machine.node, nodes.document | nodes.section)
        if mode == "auto":
            return "section" if allowed else "rubric"
        if mode == "section" and not allowed:
            warn("sections are not allowed here (inside another element); rubrics are used",
                 "heading", self.get_location())
            return "rubric"
        return mode

    def layout(self, config: JobdescConfig) -> str:
        mode = self.choice("layout", LAYOUTS, config.layout)
        design_loaded = "sphinx_design" in self.config.extensions
        if mode == "auto":
            return "design" if design_loaded else "plain"
        if mode == "design" and not design_loaded:
            warn("the design layout needs 'sphinx_design' in extensions; the plain layout is used",
                 "design", self.get_location())
            return "plain"
        return mode

    # --- files and problems ------------------------------------------------------------

    def roles_dir(self, config: JobdescConfig) -> str:
        return os.path.join(self.env.srcdir, config.roles_dir)

    def note_dependencies(self, files: Sequence[str]) -> None:
        for file in files:
            self.env.note_dependency(file)

    def report(self, problems: Sequence[Problem], consequence: str = "") -> None:
        """Problems in files this directive used: once per build, at the file's line,
        naming every page that uses it (the domain gathers them); a problem without a
        line, at the directive."""
        domain = jobdesc_domain(self.env)
        page = f"{self.env.doc2path(self.env.docname, False)}:{self.lineno}"
        for problem in problems:
            if (problem, consequence) in self.reported:
                continue
            self.reported.add((problem, consequence))
            if problem.origin is None:
                tell(problem.message + (f"; {consequence}" if consequence else ""),
                     problem.subtype, self.get_location(), problem.severity)
            else:
                domain.note_problem(self.env.docname, Use(problem, self.env.docname, page,
                                                          consequence))


class RoleDirective(TemplateDirective):
    """A directive that renders one role file: find it, resolve it, render it."""

    required_arguments = 1
    declared_options: ClassVar[dict[str, Option]] = {"level": LEVEL, **COMMON}

    def run(self) -> list[nodes.Node]:
        config = self.jobdesc_config
        path = self.locate_role(self.arguments[0], config)
        if path is None:
            return []
        resolution = resolve_role(path, self.options.get("level"), roles_dir=self.roles_dir(config),
                                  markup=config.markup, checks=config.check_settings)
        self.note_dependencies(resolution.files)
        self.report(resolution.problems)
        if resolution.role is None:
            return []
        role = self.localized(for_audience(resolution.role, config.audience))
        context = self.context(role, path, config)
        output = self.render_template({"role": role, **context}, self.anchor(role),
                                      self.page_title(role))
        return self.finish(role, output) + self.localizer.messages(*self.get_source_info())

    def context(self, role: Role, path: str, config: JobdescConfig) -> dict[str, object]:
        """What this directive's template needs beyond the role (read from *path*),
        labels and modes."""
        return {}

    def page_title(self, role: Role) -> str | None:
        """The title this directive gives a page that has none: its label with the
        role's (level's) title."""
        if self.title_label is None:
            return None
        label = labels(self.jobdesc_config.labels)[self.title_label]
        return label.replace("{title}", role.title)

    def anchor(self, role: Role) -> str:
        """The prefix of the generated section ids, such as ``backend-developer-senior``."""
        return role.id + (f"-{role.level.id}" if role.level else "")

    def finish(self, role: Role, output: list[nodes.Node]) -> list[nodes.Node]:
        """The directive's nodes, after anything it adds to them (targets, index entries)."""
        return output

    def locate_role(self, reference: str, config: JobdescConfig) -> str | None:
        """The role file for a role id or a path (relative to the page, or ``/`` = srcdir)."""
        if is_path(reference):
            return str(self.env.relfn2path(reference, self.env.docname)[1])
        folder = self.roles_dir(config)
        path, looked_at = find_role_file(reference, [folder], config.markup)
        self.note_dependencies(looked_at)
        if path is not None and named_id(path) != reference:
            # found by its id, not its name: is it the only one, and will it stay so?
            jobdesc_domain(self.env).note_found_by_id(self.env.docname, folder, reference)
            self.report(other_declarations(reference, path, [folder], config.markup))
        if path is None and not os.path.isdir(folder):
            warn(f"no roles folder at {folder}, where role '{reference}' is "
                 "looked up (set jobdesc_roles_dir in conf.py, relative to the source folder)",
                 "load", self.get_location())
        elif path is None:
            warn(f"no role file with id '{reference}' in '{config.roles_dir}' (looked for "
                 f"{reference}.yaml, .yml or .json, and for an 'id: {reference}' line)",
                 "load", self.get_location())
        return path
