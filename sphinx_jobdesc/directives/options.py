"""Directive options, each declared once: how docutils reads it and what the docs
say it does. A directive's ``options`` are the source of its ``option_spec`` and of
its table in the docs (``reference.options_table``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from docutils.parsers.rst import directives


@dataclass(frozen=True)
class Option:
    #: How docutils reads the value (``directives.flag``, ``unchanged``...).
    convert: Callable[[str | None], Any]
    #: What it takes, in words; ``{sections}`` stands for the directive's parts.
    value: str
    #: What it does.
    meaning: str

    def meaning_for(self, meaning: str) -> Option:
        """The same option, said of another directive."""
        return replace(self, meaning=meaning)


#: The options every directive has.
COMMON: dict[str, Option] = {
    "sections": Option(
        directives.unchanged, "names, comma- or space-separated: {sections}",
        "which parts, in which order"),
    "heading": Option(
        directives.unchanged, "`auto`, `section`, `rubric`, `none`",
        "real sections (in the page TOC), rubrics, or no headings; `auto` uses sections where "
        "docutils allows them (not inside an admonition, card or tab)"),
    "layout": Option(
        directives.unchanged, "`auto`, `plain`, `design`",
        "`design` uses sphinx-design cards, badges and dropdowns; `auto` means `design` when "
        "`sphinx_design` is in `extensions`"),
    "template": Option(
        directives.unchanged_required, "a template name",
        "render with another template (see the templates how-to)"),
    "name": Option(directives.unchanged_required, "a label",
                   "an explicit target, for `` :ref:`label` ``"),
    "class": Option(directives.class_option, "CSS classes",
                    "added to the generated container and sections"),
    "debug": Option(directives.flag, "(flag)",
                    "also show the reStructuredText the template produced"),
}

#: ``:level:`` of the directives that render one role file.
LEVEL = Option(directives.unchanged_required, "a level id",
               "render that level, with everything it inherits; without it, the family")

#: ``:no-index:`` of the directives that are link targets.
NO_INDEX = Option(directives.flag, "(flag)",
                  "not a link target, not in the index or `objects.inv` (for a partial or demo "
                  "rendering)")


def option_spec(options: dict[str, Option]) -> dict[str, object]:
    """What docutils needs of *options*: each one's converter."""
    return {name: option.convert for name, option in options.items()}
