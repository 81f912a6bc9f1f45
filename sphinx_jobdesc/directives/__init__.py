"""The directives, one module each; :data:`DIRECTIVES` is what ``setup()``, the docs
and the tests read.

Adding a directive: a module here with a :class:`~.base.TemplateDirective`
subclass, its line below, its template(s) under ``templates/`` and its
snippets. A directive without a design template of its own uses its plain one
in the design layout.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import TemplateDirective
from .interviewguide import InterviewGuideDirective
from .jobcatalog import JobCatalogDirective
from .jobdescription import JobDescriptionDirective
from .jobhistory import JobHistoryDirective
from .jobladder import JobLadderDirective

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: Every directive of the extension, in the order the docs present them.
DIRECTIVES: tuple[type[TemplateDirective], ...] = (
    JobDescriptionDirective,
    InterviewGuideDirective,
    JobLadderDirective,
    JobCatalogDirective,
    JobHistoryDirective,
)


def add_directives(app: Sphinx) -> None:
    """Register each directive under its ``kind``."""
    for directive in DIRECTIVES:
        app.add_directive(directive.kind, directive)
