"""The page's JobPosting: chosen while the page is read, put in its ``<head>`` when
it is written (the mapping and its rules are in the core).

One posting per job: a level (or a role without levels). A family page that
shows every level posts nothing unless its directive says ``:posting:``. A
level rendered on several pages is posted once, on its canonical page (the
rendering marked ``:canonical:``, else the first indexed one, else the first
page); the other pages point search engines there with ``<link
rel="canonical">``, so the same job is never listed twice.
"""

from __future__ import annotations

import html
import posixpath
from typing import TYPE_CHECKING, Any

from .core.checks.posting import jobposting_problems
from .core.jobposting import job_posting, script_json
from .core.model import Role
from .core.problems import Problem
from .domain import jobdesc_domain
from .locale import labels

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from .directives.base import TemplateDirective

#: The parts of a job description a JobPosting's description is made of.
DESCRIBED = ("summary", "responsibilities", "requirements")


def note_posting(directive: TemplateDirective, role: Role) -> None:
    """Record the JobPosting of this rendering (a level, a role without levels, or a
    family with ``:posting:``) if the role has posting data (or any, with
    ``jobdesc_jsonld``).

    A posting search engines would reject is left out; its problems are the
    ``posting`` check's own (one warning per defect, saying the page has none).
    """
    config = directive.jobdesc_config
    shown = directive.shown_sections
    name = f"{role.id}:{role.level.id}" if role.level else role.id
    posting = None
    a_job = role.level is not None or not role.levels or "posting" in directive.options
    # A rendering that shows none of summary, responsibilities and requirements
    # (say, only how to apply) describes no job: it is not a posting.
    if a_job and (role.posting is not None or config.jsonld) and set(DESCRIBED) & set(shown):
        posting = job_posting(role, labels(config.labels), shown)
        rejected = jobposting_problems(role)
        if not posting["description"]:
            rejected.append(Problem("posting", "the parts shown here ("
                                    + ", ".join(p for p in shown if p in DESCRIBED)
                                    + ") have no text for the JobPosting's description"))
        if rejected:
            directive.report(rejected, "no JobPosting is added to the page")
            posting = None
    jobdesc_domain(directive.env).note_posting(directive.env.docname, name, posting)


def add_to_page(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """Put the page's JobPosting in its ``<head>`` (``html-page-context``) if the page
    renders exactly one job and is that job's canonical page; on its other pages,
    a canonical link to that page."""
    domain = jobdesc_domain(app.env)
    postings = domain.data["postings"].get(pagename, [])
    if len(postings) != 1 or postings[0][1] is None:
        return
    name, posting = postings[0]
    canonical = domain.posting_page(name)
    if canonical == pagename:
        script = f'<script type="application/ld+json">\n{script_json(posting)}\n</script>\n'
        context["metatags"] = context.get("metatags", "") + script
    elif context.get("pageurl"):  # html_baseurl is set: the theme writes the link
        context["pageurl"] = posixpath.join(app.config.html_baseurl,
                                            app.builder.get_target_uri(canonical))
    else:
        href = html.escape(app.builder.get_relative_uri(pagename, canonical))
        context["metatags"] = context.get("metatags", "") + (
            f'<link rel="canonical" href="{href}" />\n')
