"""The page's JobPosting: chosen while the page is read, put in its ``<head>`` when
it is written (the mapping and its rules are in the core)."""

from __future__ import annotations

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
    """Record the JobPosting of this rendering (a level, or a whole family with the span
    of its salary ranges) if the role has posting data (or any, with ``jobdesc_jsonld``).

    A posting search engines would reject is left out; its problems are the
    ``posting`` check's own (one warning per defect, saying the page has none).
    A page gets a JobPosting only if it renders exactly one role.
    """
    config = directive.jobdesc_config
    shown = directive.shown_sections
    posting = None
    # A rendering that shows none of summary, responsibilities and requirements
    # (say, only how to apply) describes no job: it is not a posting.
    if (role.posting is not None or config.jsonld) and set(DESCRIBED) & set(shown):
        posting = job_posting(role, labels(config.labels), shown)
        rejected = jobposting_problems(role)
        if not posting["description"]:
            rejected.append(Problem("posting", "the parts shown here ("
                                    + ", ".join(p for p in shown if p in DESCRIBED)
                                    + ") have no text for the JobPosting's description"))
        if rejected:
            directive.report(rejected, "no JobPosting is added to the page")
            posting = None
    jobdesc_domain(directive.env).note_posting(directive.env.docname, posting)


def add_to_page(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """Put the page's JobPosting in its ``<head>`` (``html-page-context``), if the page
    renders exactly one role (a level, or a role without levels) that has one."""
    postings = jobdesc_domain(app.env).data["postings"].get(pagename, [])
    if len(postings) == 1 and postings[0] is not None:
        script = f'<script type="application/ld+json">\n{script_json(postings[0])}\n</script>\n'
        context["metatags"] = context.get("metatags", "") + script
