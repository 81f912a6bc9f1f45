"""The ``jobdesc`` domain: where each role (and level) is rendered, across pages.

Each ``jobdescription`` directive records a *rendering* (role id, level, title,
anchor, page, line); ``:job:`backend-developer:senior``` (or
``:jobdesc:role:``) links to the canonical rendering, and the canonical
renderings go into the general index and ``objects.inv``, so other projects
link to roles with intersphinx. Pages that list roles (``jobcatalog``) record
the role files they listed, so an incremental build re-reads them when a role
file appears or disappears, or when any page changes (a rendering may have
moved). Each page also keeps the JobPosting of its ``jobdescription``, written
into its HTML head (``jsonld.py``). All data is plain, per document, and
merged from parallel readers.
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from typing import TYPE_CHECKING, Any, NamedTuple

from docutils import nodes
from sphinx import addnodes
from sphinx.domains import Domain, ObjType
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode

from .core.problems import Problem, did_you_mean, location
from .report import tell, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment


class Rendering(NamedTuple):
    """One ``jobdescription`` of a role (or one of its levels) on a page."""

    role: str
    level: str  # "" for the family
    title: str
    anchor: str
    canonical: bool
    lineno: int
    #: The role's levels as (id, title): a link to a level not rendered on its own
    #: lands here, titled as the level; a level not among them is no level at all.
    levels: tuple[tuple[str, str], ...] = ()

    @property
    def name(self) -> str:
        """The name links use: ``backend-developer`` or ``backend-developer:senior``."""
        return f"{self.role}:{self.level}" if self.level else self.role


class Use(NamedTuple):
    """A problem in a file that a directive used, on which page (``file:line``)."""

    problem: Problem
    docname: str
    page: str
    #: What it costs this directive, such as "the role is left out of the catalogue".
    consequence: str = ""


def _listed(pages: Iterable[str], most: int = 5) -> str:
    """``a.rst:3, b.rst:7``: each page once, in order; the first *most* and a count."""
    unique = list(dict.fromkeys(pages))
    shown = ", ".join(unique[:most])
    return shown + (f" and {len(unique) - most} more" if len(unique) > most else "")


class JobDomain(Domain):
    name = "jobdesc"
    label = "Job descriptions"
    object_types = {"role": ObjType("role", "role")}  # noqa: RUF012 - Sphinx's API
    initial_data = {  # noqa: RUF012
        "renderings": {},  # docname -> [Rendering]
        "catalogs": {},  # docname -> role files the catalogue listed
        "found_by_id": {},  # docname -> [(folder, role id)] found in a file not named so
        "referrers": {},  # docname -> True: the page links to roles
        "postings": {},  # docname -> [(name, JobPosting JSON-LD or None)], per jobdescription
        "problems": {},  # docname -> [Use]: problems in files the page's directives read
        "templates": {},  # docname -> {(search path, template name, file it was read from)}
        "histories": {},  # docname -> {(roles folder, the commit its history was read at)}
    }

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        #: Pages read in this build (Sphinx clears a page before reading it again):
        #: their files' problems are reported; the others' were reported when they were read.
        self.reread: set[str] = set()

    #: Job name -> the pages that post it (:meth:`posting_page`); forgotten on change.
    _posted: dict[str, list[str]] | None = None
    #: The index of :meth:`_index`; forgotten whenever renderings change.
    _cache: tuple[dict[str, list[tuple[str, Rendering]]],
                  dict[str, list[tuple[str, Rendering]]]] | None = None

    @property
    def renderings(self) -> dict[str, list[Rendering]]:
        return self.data["renderings"]  # type: ignore[no-any-return]

    def note_rendering(self, docname: str, rendering: Rendering) -> None:
        self.renderings.setdefault(docname, []).append(rendering)
        self._cache = None

    def note_catalog(self, docname: str, files: Iterable[str]) -> None:
        self.data["catalogs"][docname] = tuple(sorted(files))

    def note_found_by_id(self, docname: str, folder: str, role_id: str) -> None:
        self.data["found_by_id"].setdefault(docname, []).append((folder, role_id))

    def note_posting(self, docname: str, name: str, posting: dict[str, Any] | None) -> None:
        self.data["postings"].setdefault(docname, []).append((name, posting))
        self._posted = None

    def posting_page(self, name: str) -> str:
        """The one page that posts the job *name* (some page does): its canonical
        rendering's page if that page posts it, else the first such page by name."""
        if self._posted is None:  # job -> the pages that post it, built once per build
            self._posted = {}
            for docname, postings in sorted(self.data["postings"].items()):
                for job, posting in postings:
                    if posting is not None:
                        self._posted.setdefault(job, []).append(docname)
        pages = self._posted[name]
        found = self.target(name)
        if found is not None and found[1].name == name and found[0] in pages:
            return str(found[0])
        return pages[0]

    def note_templates(self, docname: str, templates_path: tuple[str, ...],
                       lookups: Iterable[tuple[str, str]]) -> None:
        self.data["templates"].setdefault(docname, set()).update(
            (templates_path, name, filename) for name, filename in lookups)

    def note_history(self, docname: str, folder: str, head: str) -> None:
        self.data["histories"].setdefault(docname, set()).add((folder, head))

    def note_referrer(self, docname: str) -> None:
        self.data["referrers"][docname] = True

    def note_problem(self, docname: str, use: Use) -> None:
        """A problem in a file a directive on *docname* used; reported once per build."""
        self.data["problems"].setdefault(docname, []).append(use)

    def clear_doc(self, docname: str) -> None:
        for key in self.initial_data:
            self.data[key].pop(docname, None)
        self.reread.add(docname)
        self._cache = self._posted = None

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for key in self.initial_data:
            for docname in docnames & otherdata[key].keys():
                self.data[key][docname] = otherdata[key][docname]
        # the roles' git history a worker read (jobhistory), kept for the next build
        if otherdata.get("histories_read"):
            self.data.setdefault("histories_read", {}).update(otherdata["histories_read"])
        self._cache = self._posted = None

    # --- which rendering a name links to ---------------------------------------------------

    def candidates(self, name: str) -> list[tuple[str, Rendering]]:
        """Every rendering of *name*, in a stable order (page, then line)."""
        return self._index()[0].get(name, [])

    def _index(self) -> tuple[dict[str, list[tuple[str, Rendering]]],
                              dict[str, list[tuple[str, Rendering]]]]:
        """Renderings by name and by role id, sorted by page and line.

        Built once after the pages are read (links are resolved after that), so
        resolving many links and writing objects.inv stay linear in the handbook.
        """
        if self._cache is None:
            by_name: dict[str, list[tuple[str, Rendering]]] = {}
            by_role: dict[str, list[tuple[str, Rendering]]] = {}
            for docname, renderings in sorted(self.renderings.items()):
                for rendering in sorted(renderings, key=lambda r: r.lineno):
                    by_name.setdefault(rendering.name, []).append((docname, rendering))
                    by_role.setdefault(rendering.role, []).append((docname, rendering))
            self._cache = (by_name, by_role)
        return self._cache

    def target(self, name: str) -> tuple[str, Rendering] | None:
        """The canonical rendering of *name*: the one marked ``:canonical:``, else the first.

        A role rendered only level by level links to its first level; a level not
        rendered on its own links to the family's rendering.
        """
        by_name, by_role = self._index()
        role, _, level = name.partition(":")
        found = by_name.get(name) or (by_name.get(role) if level else by_role.get(role)) or []
        if level and name not in by_name:  # the family's page, if the role has that level
            found = [item for item in found if level in dict(item[1].levels)]
        marked = [item for item in found if item[1].canonical]
        return (marked or found)[0] if found else None

    def title(self, name: str, rendering: Rendering) -> str:
        """The words of a link to *name*: the level's title where a family stands in."""
        _, _, level = name.partition(":")
        return dict(rendering.levels).get(level, rendering.title) if level else rendering.title

    def missing(self, name: str) -> str:
        """Why *name* links nowhere, for the ``jobdesc.ref`` warning."""
        role, _, level = name.partition(":")
        rendered = self._index()[1].get(role)
        if level and rendered:
            levels = dict(rendered[0][1].levels)
            known = ", ".join(levels) or "none"
            return (f"role '{role}' has no level '{level}' (levels: {known})"
                    f"{did_you_mean(level, levels)}")
        return f"no page renders role '{name}' with jobdescription (or it is :no-index:)"

    def check_consistency(self) -> None:
        self.report_problems()
        self.report_canonical_conflicts()

    def report_problems(self) -> None:
        """One warning per problem in a role file (or template), at its line, naming
        every page that uses the file: a typo used on six pages is one warning, not
        fifteen. Reported when any of those pages was read in this build."""
        uses: dict[Problem, list[Use]] = {}
        for docname in sorted(self.data["problems"]):
            for use in self.data["problems"][docname]:
                uses.setdefault(use.problem, []).append(use)
        for problem in sorted(uses, key=lambda p: (p.origin or ("", 0), p.message)):
            found = uses[problem]
            if not self.reread.intersection(use.docname for use in found):
                continue
            consequences = "".join(f"; {c}" for c in sorted({u.consequence for u in found} - {""}))
            tell(f"{problem.message}{consequences} (used in {_listed(u.page for u in found)})",
                 problem.subtype, problem.origin, problem.severity)
        self.reread.clear()

    def report_canonical_conflicts(self) -> None:
        """Two renderings both marked ``:canonical:`` are ambiguous: say which one wins."""
        names = {r.name for rs in self.renderings.values() for r in rs}
        for name in sorted(names):
            marked = [item for item in self.candidates(name) if item[1].canonical]
            for docname, rendering in marked[1:]:
                where = (str(self.env.doc2path(docname)), rendering.lineno)
                warn(f"role '{name}' is also marked :canonical: on page '{marked[0][0]}'; "
                     f"links go there", "duplicate", location(where))

    # --- resolving links ---------------------------------------------------------------------

    def resolve_xref(
        self, env: BuildEnvironment, fromdocname: str, builder: Builder, typ: str, target: str,
        node: addnodes.pending_xref, contnode: nodes.Element,
    ) -> nodes.reference | None:
        found = self.target(target.strip())
        if found is None:
            return None
        docname, rendering = found
        title = self.title(target.strip(), rendering)
        if not node.get("refexplicit"):
            contnode = contnode.__class__(title, title)
        return make_refnode(builder, fromdocname, docname, rendering.anchor, contnode, title)

    def resolve_any_xref(
        self, env: BuildEnvironment, fromdocname: str, builder: Builder, target: str,
        node: addnodes.pending_xref, contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        reference = self.resolve_xref(env, fromdocname, builder, "role", target, node, contnode)
        return [("jobdesc:role", reference)] if reference is not None else []

    def get_objects(self) -> Iterable[tuple[str, str, str, str, str, int]]:
        names = {r.name for rs in self.renderings.values() for r in rs}
        for name in sorted(names):
            found = self.target(name)
            if found is not None:
                docname, rendering = found
                yield name, rendering.title, "role", docname, rendering.anchor, 1


def jobdesc_domain(env: BuildEnvironment) -> JobDomain:
    """The build's ``jobdesc`` domain, typed."""
    domain = env.domains["jobdesc"]
    assert isinstance(domain, JobDomain)
    return domain


class JobRole(XRefRole):
    """``:job:`backend-developer:senior``` (also ``:jobdesc:role:``): a link to where that
    role (level) is rendered, with its title as the link text."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        if ":" not in self.name:  # the short form resolves in this domain too
            self.name = "jobdesc:role"
        jobdesc_domain(self.env).note_referrer(self.env.docname)
        return super().run()


JobDomain.roles = {"role": JobRole(warn_dangling=True, innernodeclass=nodes.inline)}


def setup_references(app: Sphinx) -> None:
    """The domain, the ``:job:`` role and our warning for unknown ids."""
    app.add_domain(JobDomain)
    app.add_role("job", JobRole(warn_dangling=True, innernodeclass=nodes.inline))
    app.connect("warn-missing-reference", _missing_reference)


def _missing_reference(app: Sphinx, domain: Domain | None, node: addnodes.pending_xref) -> bool:
    """Our own warning for an unknown role id (``jobdesc.ref``), none for optional links."""
    if domain is None or domain.name != "jobdesc":
        return False
    if node.get("jobdesc_optional"):
        return True
    message = jobdesc_domain(app.env).missing(node["reftarget"].strip())
    if "jobdesc_origin" in node:  # written in a role file (reports_to): say so there
        warn(f"reports_to: {message} (used in {node['jobdesc_page']})", "ref",
             node["jobdesc_origin"])
    else:
        warn(message, "ref", node)
    return True
