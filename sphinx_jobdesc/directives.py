"""The directives: ``jobdescription``, ``interviewguide``, ``jobladder`` and ``jobcatalog``.

``RoleDirective.run()`` reads as the pipeline: read the options, find the role
file, resolve it (load, validate, inherit), render the template to
reStructuredText, parse that into the host page, then give the generated
sections stable ids. Every file involved is noted as a dependency so
incremental builds re-read exactly the pages that use a changed role file or
template. Problems become typed
warnings and never stop the rest of the page from rendering.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from functools import cached_property
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_id

from .audience import for_audience
from .catalog import COLUMNS, Filters, build_catalog
from .config import (
    HEADINGS,
    INTERVIEWGUIDE_SECTIONS,
    JOBDESCRIPTION_SECTIONS,
    JOBLADDER_SECTIONS,
    LAYOUTS,
    Settings,
    settings,
)
from .domain import Rendering, Use, jobdesc_domain
from .interview import AUDIENCES, build_guide, stage_ids
from .jsonld import job_posting
from .jsonld import problems as jsonld_problems
from .ladder import SHOW, build_ladder
from .locale import labels
from .model import Role
from .problems import Problem, did_you_mean, location, warn
from .roles import (
    families,
    find_role_file,
    is_path,
    named_id,
    other_declarations,
    resolve_levels,
    resolve_role,
    role_files,
    title_of,
)
from .rst import parse_rst
from .templating import Heading, anchor_class, environment, render


class TemplateDirective(SphinxDirective):
    """What every directive of the extension shares: a template rendered to
    reStructuredText, parsed into the page, its sections given stable ids."""

    #: The directive's name; also its template's name and its CSS class.
    kind: ClassVar[str]
    #: The parts the directive can show, in their default order.
    all_sections: ClassVar[tuple[str, ...]] = ()

    has_content = False
    option_spec: ClassVar[dict[str, object]] = {
        "sections": directives.unchanged,
        "heading": directives.unchanged,
        "layout": directives.unchanged,
        "template": directives.unchanged_required,
        "name": directives.unchanged_required,
        "class": directives.class_option,
        "debug": directives.flag,
    }

    @cached_property
    def reported(self) -> set[Problem]:
        """The problems this directive has reported (several levels share many)."""
        return set()

    @cached_property
    def jobdesc_config(self) -> Settings:
        """The project's validated ``jobdesc_*`` settings, read once per directive."""
        return settings(self.config)

    @cached_property
    def shown_sections(self) -> list[str]:
        """The parts this directive shows, in order (also what a JobPosting may describe)."""
        return self.sections(self.jobdesc_config)

    def render_template(self, context: dict[str, object], anchor: str) -> list[nodes.Node]:
        """Render this directive's template with *context* and parse it into the page."""
        config = self.jobdesc_config
        heading_mode = self.heading_mode(config)
        layout = self.layout(config)
        env = environment(config.templates_path)
        if self.options.get("template"):
            templates = [self.options["template"]]
        elif layout == "design":  # without a design template of its own: the plain one
            templates = [f"design/{self.kind}.rst.jinja", f"{self.kind}.rst.jinja"]
        else:
            templates = [f"{self.kind}.rst.jinja"]
        rendered = render(env, templates, {
            "sections": self.shown_sections,
            "labels": labels(config.labels),
            "heading_mode": heading_mode,
            "layout": layout,
            **context,
        })
        self.note_dependencies(rendered.files)
        jobdesc_domain(self.env).note_templates(self.env.docname, config.templates_path,
                                                rendered.lookups)
        self.report(rendered.problems)
        if rendered.text is None:
            return []
        parsed = parse_rst(self, rendered.text, allow_sections=heading_mode == "section")
        self.name_sections(parsed, rendered.headings, anchor)
        self.name_anchors(parsed, rendered.anchors, anchor)
        if "debug" in self.options:
            parsed.insert(0, nodes.literal_block(rendered.text, rendered.text, language="rst"))
        output = self.assemble(parsed)
        title = self.page_title(context)
        if title and output and self.starts_untitled_page():
            output = [self.titled(title, anchor, output)]
        if output:
            self.add_name(output[0])
        return output

    # --- options -----------------------------------------------------------------------

    def choice(self, option: str, choices: Sequence[str], default: str) -> str:
        value = self.options.get(option, "").strip().lower() or default
        if value not in choices:
            warn(f":{option}: {value!r} is not one of {', '.join(choices)}"
                 f"{did_you_mean(value, choices)}; using {default!r}", "option",
                 self.get_location())
            return default
        return value

    def default_sections(self, config: Settings) -> Sequence[str]:
        return self.all_sections

    def sections(self, config: Settings) -> list[str]:
        if not self.options.get("sections"):
            return list(self.default_sections(config))
        return self.listed("sections", self.all_sections, "known",
                           lambda name: f"unknown section {name!r}")

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

    def heading_mode(self, config: Settings) -> str:
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

    def layout(self, config: Settings) -> str:
        mode = self.choice("layout", LAYOUTS, config.layout)
        design_loaded = "sphinx_design" in self.config.extensions
        if mode == "auto":
            return "design" if design_loaded else "plain"
        if mode == "design" and not design_loaded:
            warn("the design layout needs 'sphinx_design' in extensions; the plain layout is used",
                 "design", self.get_location())
            return "plain"
        return mode

    # --- finding the role and reporting ------------------------------------------------

    def roles_dir(self, config: Settings) -> str:
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
            if problem in self.reported:
                continue
            self.reported.add(problem)
            if problem.origin is None:
                warn(problem.message, problem.subtype, self.get_location())
            else:
                domain.note_problem(self.env.docname, Use(problem, self.env.docname, page,
                                                          consequence))

    # --- ids and structure -------------------------------------------------------------

    def page_title(self, context: dict[str, object]) -> str | None:
        """The title this directive gives a page that has none (None: it gives none)."""
        return None

    def starts_untitled_page(self) -> bool:
        """Whether the output would otherwise be a page without a title of its own.

        True for a directive at the top level of a page that has no section yet,
        unless ``:heading:`` is given: then the author chose the headings.
        """
        document = self.state.document
        return ("heading" not in self.options
                and self.state_machine.node is document
                and not any(isinstance(node, nodes.section) for node in document.children))

    def titled(self, title: str, anchor: str, output: list[nodes.Node]) -> nodes.section:
        """*output* nested in a section titled *title*: the page's title, so the page
        (and its toctree entry) is named after the role, not its first generated part."""
        document = self.state.document
        section = nodes.section("", nodes.title(title, title), *output,
                                classes=["jobdesc-page"], support_smartquotes=False)
        self.set_source_info(section)
        section["ids"] = [make_id(self.env, document, "", anchor)]
        section["names"] = [nodes.fully_normalize_name(title)]
        document.note_implicit_target(section, section)
        return section

    def assemble(self, parsed: list[nodes.Node]) -> list[nodes.Node]:
        """Body nodes in a ``jobdesc`` container, then the generated sections.

        Sections must stay direct children of the enclosing section, so only the
        nodes before the first section are wrapped in the container.
        """
        classes = ["jobdesc", f"jobdesc-{self.kind}", *self.options.get("class", [])]
        output: list[nodes.Element] = []
        body = [node for node in parsed if not isinstance(node, nodes.section)]
        if body:
            container = nodes.container("", *body, classes=classes)
            self.set_source_info(container)
            output.append(container)
        for node in parsed:
            if isinstance(node, nodes.section):
                node["classes"] = [*classes, *node["classes"]]
                output.append(node)
        for top in output:
            # Role text is shown as written: no curly quotes, dashes or ellipses.
            top["support_smartquotes"] = False
            for text in top.findall(nodes.TextElement):
                # Role text is not page text: gettext would extract escaped RST, and
                # a translation would be re-parsed with the page's (maybe Markdown) parser.
                # Inline nodes are never extracted, and Sphinx unwraps any inline that
                # carries the attribute (RemoveTranslatableInline), so leave them alone.
                if not isinstance(text, nodes.Inline):
                    text["translatable"] = False
        return list(output)

    def name_sections(
        self, parsed: list[nodes.Node], headings: Sequence[Heading], anchor: str
    ) -> None:
        """Give each section the template wrote with ``heading()`` a stable id.

        The id is ``<anchor>-<slot>``, such as ``backend-developer-senior-faq``;
        sections a custom template wrote by hand keep docutils' ids.
        """
        document = self.state.document
        pending = list(headings)
        for top in parsed:
            for section in top.findall(nodes.section):
                if not pending or " ".join(section[0].astext().split()) != pending[0].title:
                    continue
                slot = pending.pop(0).slot
                new_id = self.slot_id(anchor, slot)
                for old in section["ids"]:
                    document.ids.pop(old, None)
                    for name, target in document.nameids.items():
                        if target == old:
                            document.nameids[name] = new_id
                section["ids"] = [new_id]
                section["classes"].append(anchor_class(slot))
                document.ids[new_id] = section

    def slot_id(self, anchor: str, slot: str) -> str:
        """The stable id of *slot*'s section or element: ``<anchor>-<slot>``."""
        return make_id(self.env, self.state.document, "", f"{anchor}-{slot.replace('_', '-')}")

    def name_anchors(self, parsed: list[nodes.Node], slots: Sequence[str], anchor: str) -> None:
        """Give the element a template marked with ``anchor(slot)`` (a rubric, a card, a
        tab) the id a section of that slot would have, ``<anchor>-<slot>``: the
        documented anchors exist in every layout and heading mode."""
        if not slots:
            return
        by_class: dict[str, list[nodes.Element]] = {}
        for top in parsed:
            for element in top.findall(nodes.Element):
                if not isinstance(element, nodes.section):
                    for name in element["classes"]:
                        by_class.setdefault(name, []).append(element)
        for slot in slots:
            marked = by_class.get(anchor_class(slot))
            if marked:
                element = marked.pop(0)
                new_id = self.slot_id(anchor, slot)
                element["ids"].append(new_id)
                self.state.document.ids[new_id] = element


class RoleDirective(TemplateDirective):
    """A directive that renders one role file: find it, resolve it, render it."""

    required_arguments = 1
    option_spec: ClassVar[dict[str, object]] = {
        **TemplateDirective.option_spec,
        "level": directives.unchanged_required,
    }

    def run(self) -> list[nodes.Node]:
        config = self.jobdesc_config
        path = self.locate_role(self.arguments[0], config)
        if path is None:
            return []
        resolution = resolve_role(path, self.options.get("level"), roles_dir=self.roles_dir(config),
                                  markup=config.markup, checks=config.checks)
        self.note_dependencies(resolution.files)
        self.report(resolution.problems)
        if resolution.role is None:
            return []
        role = for_audience(resolution.role, config.audience)
        context = self.context(role, path, config)
        output = self.render_template({"role": role, **context}, self.anchor(role))
        return self.finish(role, output)

    def context(self, role: Role, path: str, config: Settings) -> dict[str, object]:
        """What this directive's template needs beyond the role (read from *path*),
        labels and modes."""
        return {}

    def page_title(self, context: dict[str, object]) -> str | None:
        """The role's (level's) title; guides and ladders put it in their own label."""
        role = context["role"]
        assert isinstance(role, Role)
        if self.kind == "jobdescription":
            return role.title
        label = labels(self.jobdesc_config.labels)[f"{self.kind}_title"]
        return label.replace("{title}", role.title)

    def anchor(self, role: Role) -> str:
        """The prefix of the generated section ids, such as ``backend-developer-senior``."""
        return role.id + (f"-{role.level.id}" if role.level else "")

    def finish(self, role: Role, output: list[nodes.Node]) -> list[nodes.Node]:
        """The directive's nodes, after anything it adds to them (targets, index entries)."""
        return output

    def locate_role(self, reference: str, config: Settings) -> str | None:
        """The role file for a role id or a path (relative to the page, or ``/`` = srcdir)."""
        if is_path(reference):
            return str(self.env.relfn2path(reference, self.env.docname)[1])
        path, looked_at = find_role_file(reference, [self.roles_dir(config)], config.markup)
        self.note_dependencies(looked_at)
        if path is not None and named_id(path) != reference:
            # found by its id, not its name: is it the only one, and will it stay so?
            jobdesc_domain(self.env).note_found_by_id(self.env.docname, self.roles_dir(config),
                                                       reference)
            self.report(other_declarations(reference, path, [self.roles_dir(config)],
                                           config.markup))
        if path is None and not os.path.isdir(self.roles_dir(config)):
            warn(f"no roles folder at {self.roles_dir(config)}, where role '{reference}' is "
                 "looked up (set jobdesc_roles_dir in conf.py, relative to the source folder)",
                 "load", self.get_location())
        elif path is None:
            warn(f"no role file with id '{reference}' in '{config.roles_dir}' (looked for "
                 f"{reference}.yaml, .yml or .json, and for an 'id: {reference}' line)",
                 "load", self.get_location())
        return path


class JobDescriptionDirective(RoleDirective):
    """``.. jobdescription:: <role id or path>``: the job description of a role or level."""

    kind = "jobdescription"
    all_sections = JOBDESCRIPTION_SECTIONS
    option_spec: ClassVar[dict[str, object]] = {
        **RoleDirective.option_spec,
        "canonical": directives.flag,
        "no-index": directives.flag,
        "noindex": directives.flag,
    }

    def default_sections(self, config: Settings) -> Sequence[str]:
        return config.sections

    def context(self, role: Role, path: str, config: Settings) -> dict[str, object]:
        """The title of the role this one reports to, from its role file: a link to a
        role no page renders still shows words, not an id."""
        if not role.reports_to:
            return {"reports_to_title": None}
        title, looked_at = title_of(role.reports_to, [self.roles_dir(config)], config.markup)
        self.note_dependencies(looked_at)
        return {"reports_to_title": title}

    def finish(self, role: Role, output: list[nodes.Node]) -> list[nodes.Node]:
        """Record the page's JobPosting, and make this rendering a link target
        (``:job:``), an index entry and an ``objects.inv`` entry unless it is ``:no-index:``.
        A ``reports_to`` link that finds no page is reported at the role file's line."""
        self.note_posting(role)
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
        target = make_id(self.env, self.state.document, "job", self.anchor(role))
        first["ids"].append(target)
        self.state.document.ids[target] = first
        jobdesc_domain(self.env).note_rendering(self.env.docname, Rendering(
            role.id, role.level.id if role.level else "", role.title, target,
            "canonical" in self.options, self.lineno,
            tuple((level.id, level.title) for level in role.levels)))
        index = addnodes.index(entries=[("single", f"{role.title} (role)", target, "", None)])
        return [index, *output]


    def note_posting(self, role: Role) -> None:
        """The JobPosting of this rendering (a level, or a whole family with the span of
        its salary ranges) if the role has posting data (or any, with ``jobdesc_jsonld``);
        None otherwise. A page gets it only if it renders exactly one role."""
        config = self.jobdesc_config
        posting = None
        # A rendering that shows none of summary, responsibilities and requirements
        # (say, only how to apply) describes no job: it is not a posting.
        if (role.posting is not None or config.jsonld) and {
                "summary", "responsibilities", "requirements"} & set(self.shown_sections):
            posting = job_posting(role, labels(config.labels), self.shown_sections)
            rejected = jsonld_problems(posting)
            for problem in rejected:
                warn(f"{problem}; no JobPosting is added to the page", "posting",
                     self.get_location())
            if rejected:
                posting = None
        jobdesc_domain(self.env).note_posting(self.env.docname, posting)


class InterviewGuideDirective(RoleDirective):
    """``.. interviewguide:: <role id or path>``: stages, questions, anchors and scorecards."""

    kind = "interviewguide"
    all_sections = INTERVIEWGUIDE_SECTIONS
    option_spec: ClassVar[dict[str, object]] = {
        **RoleDirective.option_spec,
        "stages": directives.unchanged,
        "audience": directives.unchanged,
        "scorecard": directives.unchanged,
    }

    def context(self, role: Role, path: str, config: Settings) -> dict[str, object]:
        audience = self.choice("audience", AUDIENCES, "interviewer")
        if config.audience == "public":  # a public build never shows the interviewer's view
            audience = "candidate"
        scorecard = self.choice("scorecard", ("on", "off"), "on") == "on"
        if role.interview is None or not role.interview.stages:
            warn(f"role '{role.id}' has no interview stages to show", "empty",
                 self.get_location())
        return {"guide": build_guide(role, self.stages(role), audience), "scorecard": scorecard}

    def anchor(self, role: Role) -> str:
        return f"{super().anchor(role)}-interview"

    def stages(self, role: Role) -> list[str] | None:
        """The stage ids of ``:stages:`` that apply at this level, warning about the others."""
        if not self.options.get("stages"):
            return None
        level = f" at level '{role.level.id}'" if role.level else ""
        return self.listed("stages", stage_ids(role), "stages",
                           lambda name: f"role '{role.id}' has no stage {name!r}{level}")



class JobLadderDirective(RoleDirective):
    """``.. jobladder:: <role id or path>``: the family's levels side by side."""

    kind = "jobladder"
    all_sections = JOBLADDER_SECTIONS
    option_spec: ClassVar[dict[str, object]] = {
        **TemplateDirective.option_spec,
        "levels": directives.unchanged,
        "show": directives.unchanged,
    }

    def context(self, role: Role, path: str, config: Settings) -> dict[str, object]:
        show = self.choice("show", SHOW, "added")
        known = [level.id for level in role.levels]
        chosen = self.listed("levels", known, "levels", lambda name: (
            f"role '{role.id}' has no level {name!r}")) if self.options.get("levels") else known
        if not role.levels:
            warn(f"role '{role.id}' has no levels to show", "empty", self.get_location())
        levels = []
        in_order = sorted(chosen, key=known.index)
        for resolution in resolve_levels(path, in_order,
                                         roles_dir=self.roles_dir(config),
                                         markup=config.markup, checks=config.checks):
            self.report(resolution.problems)
            if resolution.role is not None:
                levels.append(for_audience(resolution.role, config.audience))
        return {"ladder": build_ladder(role, levels, show)}

    def anchor(self, role: Role) -> str:
        return f"{role.id}-ladder"


class JobCatalogDirective(TemplateDirective):
    """``.. jobcatalog::``: a table of the roles in the project's roles folder."""

    kind = "jobcatalog"
    required_arguments = 0
    option_spec: ClassVar[dict[str, object]] = {
        **{k: v for k, v in TemplateDirective.option_spec.items() if k != "sections"},
        "family": directives.unchanged,
        "team": directives.unchanged,
        "location": directives.unchanged,
        "columns": directives.unchanged,
        "sort": directives.unchanged,
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
        columns = (self.listed("columns", COLUMNS, "columns", lambda name: f"no column {name!r}")
                   if self.options.get("columns") else list(COLUMNS))
        sort = self.choice("sort", [*COLUMNS, *(f"-{c}" for c in COLUMNS)], "title")
        listed = build_catalog(roles, Filters(*(self.values(name)
                                                for name in ("family", "team", "location"))),
                               sort)
        if not listed:  # an empty table says nothing about why
            why = (f"none of the {len(roles)} roles matches its :family:, :team: and "
                   ":location: filters" if roles else f"no role files in {folder}")
            warn(f"the catalogue is empty: {why}", "empty", self.get_location())
        output = self.render_template({"roles": listed, "columns": columns},
                                      "jobcatalog")
        for top in output:
            for reference in top.findall(addnodes.pending_xref):
                reference["jobdesc_optional"] = True  # a role rendered nowhere: plain text
        return output

    def values(self, option: str) -> tuple[str, ...]:
        return tuple(v.strip().lower() for v in self.options.get(option, "").split(",")
                     if v.strip())
