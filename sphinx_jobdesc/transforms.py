"""Checks on the page around the generated output, once the whole page is parsed."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from docutils.utils import get_source_line
from sphinx.transforms import SphinxTransform

from .core.problems import location
from .report import warn


class SectionOrderCheck(SphinxTransform):
    """Warn when page content follows the sections a role directive generated.

    docutils keeps such content in the enclosing section, after the generated
    sections, and every writer then shows it as part of the last of them (the
    reader sees it under "How to apply"). The fix is the author's: move the text
    before the directive, or give it a heading of its own.
    """

    default_priority = 900

    def apply(self, **kwargs: Any) -> None:
        for parent in self.document.findall(nodes.Element):
            generated: nodes.section | None = None
            for child in parent.children:
                if isinstance(child, nodes.section):
                    generated = child if "jobdesc" in child["classes"] else None
                elif generated is not None and not isinstance(child, _IGNORED):
                    title = generated[0].astext() if generated.children else ""
                    warn(f"this text follows sections generated from a role file and will "
                         f"appear as part of the last one ('{title}'); move it before the "
                         f"directive or give it a heading", "section_order", _location(child))
                    break


_IGNORED = (nodes.Invisible, nodes.system_message)


def _location(node: nodes.Node) -> str | None:
    source, line = get_source_line(node)
    return location((source, line)) if source and line else None
