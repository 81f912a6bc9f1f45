"""sphinx-jobdesc: job descriptions and interview guides from versioned role files.

``setup()`` is the table of contents of the extension: configuration values,
translations (labels and role text), the audience guard on the output folder,
directives, the domain behind ``:job:`` links, which pages are read or written
again, checks on the finished page, tables for print and plain text, the
stylesheet, the JobPosting in the page's head and the export.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata


def setup(app: Sphinx) -> ExtensionMetadata:
    from . import config
    from .assets import ScrollingTables, add_stylesheet
    from .builder import setup_export
    from .core.resolve import release_cache
    from .directives import add_directives
    from .directives.jobhistory import forget_histories
    from .domain import setup_references
    from .freshness import setup_freshness
    from .jsonld import add_to_page
    from .locale import add_message_catalog
    from .outdir import setup_outdir_guard
    from .paged import BreakingTables, LevelsDown
    from .templating import forget_loaded_templates
    from .transforms import SectionOrderCheck
    from .translation import setup_translation

    config.register(app)
    add_message_catalog(app)
    setup_translation(app)
    setup_outdir_guard(app)
    add_directives(app)
    setup_references(app)
    setup_freshness(app)
    app.add_transform(SectionOrderCheck)
    app.add_post_transform(LevelsDown)
    app.add_post_transform(BreakingTables)
    # what one build read is forgotten once its pages are read, and at the start of
    # the next build in the same process (an earlier one may have stopped half-way)
    for forget in (release_cache, forget_loaded_templates, forget_histories):
        app.connect("builder-inited", forget)
        app.connect("env-updated", forget)
    add_stylesheet(app)
    app.add_post_transform(ScrollingTables)
    app.connect("html-page-context", add_to_page)
    setup_export(app)
    return {
        "version": __version__,
        "env_version": 5,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
