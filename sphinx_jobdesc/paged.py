"""Our tables outside the browser: PDF pages, plain text and man pages.

A ladder puts every level side by side, and a cell holds a whole list: in
HTML the table scrolls sideways, but a LaTeX table row cannot break across
pages (a ladder row taller than a page ran off it, and later rows were lost),
and the text builder squeezes five columns into 76 characters. For these
builders each ladder and competency matrix becomes a long, three-column
table: the part (or competency), the level, and one row per list item, so
no row is taller than its item and every row can start a new page. In LaTeX,
every table we generate that may not fit a page is a ``longtable``, which
breaks across pages and repeats its header; a short one stays one box that
keeps its heading company.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .config import settings
from .locale import labels
from .templating import generated

#: The tables in which each column is a level.
LEVEL_COLUMNS = ("jobdesc-ladder", "jobdesc-ladder-matrix")
#: Widths of the long form's columns: part, level, text.
LONG_WIDTHS = (18, 18, 64)
#: Where a LaTeX ``longtable`` may stand: not in a box (admonition, list, another table).
BREAKABLE_PARENTS = (nodes.section, nodes.container, nodes.document, nodes.compound)
#: A table shorter than this (in lines) stays one box, which moves to the next page
#: whole, with the heading above it, rather than break after a row or two; a longer
#: one breaks where the page ends.
KEEP_TOGETHER_LINES = 25
#: About how many characters fit on a line of the page's full width.
LINE_CHARACTERS = 95
#: Each cell's text set ragged-right: justified, narrow columns open gaps between words.
#: (``\arraybackslash`` keeps ``\\`` ending the row where no group closes first.)
RAGGED_RIGHT = r"\raggedright\arraybackslash"


class LevelsDown(SphinxPostTransform):
    """Ladders and competency matrices as one row per level and item, for print and text."""

    default_priority = 200
    formats = ("latex", "text", "man", "texinfo")

    def run(self, **kwargs: Any) -> None:
        ladders = [table for table in self.document.findall(nodes.table)
                   if set(LEVEL_COLUMNS) & set(table["classes"])]
        if ladders:
            level = labels(settings(self.config).labels)["level"]
            for table in ladders:
                table.replace_self(long_form(table, level))


class BreakingTables(SphinxPostTransform):
    """Our tables that may not fit a page break across pages (``longtable``) wherever
    LaTeX allows it, and their cells are set ragged-right."""

    default_priority = 210
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        for table in list(self.document.findall(nodes.table)):
            if not generated(table["classes"]):
                continue
            if _breakable(table) and _estimated_lines(table) > KEEP_TOGETHER_LINES:
                table["classes"].append("longtable")
            for entry in table.findall(nodes.entry):
                entry.insert(0, nodes.raw("", RAGGED_RIGHT, format="latex"))


def _breakable(table: nodes.table) -> bool:
    parent = table.parent
    while parent is not None:
        if not isinstance(parent, BREAKABLE_PARENTS):
            return False
        parent = parent.parent
    return True


def _estimated_lines(table: nodes.table) -> int:
    """About how many lines *table* takes: per row, its tallest cell's text wrapped
    at its column's width (good enough to keep a short table on one page)."""
    widths = [spec["colwidth"] for spec in table.findall(nodes.colspec)]
    total = sum(widths) or 1
    characters = [max(1, LINE_CHARACTERS * width // total) for width in widths]
    lines = 0
    for row in table.findall(nodes.row):
        lines += max((1 + len(entry.astext()) // characters[min(index, len(characters) - 1)]
                      for index, entry in enumerate(row.children)), default=1)
    return lines


def long_form(table: nodes.table, level_label: str) -> nodes.table:
    """*table* (a stub column, then one column per level) as rows of (part, level, text).

    Nothing is dropped: every non-empty cell becomes at least one row, a list one
    row per item. The part and the level are written on the first row of their group.
    """
    head = next(table.findall(nodes.thead))
    header = list(next(head.findall(nodes.row)).children)
    levels = header[1:]
    level_head = nodes.entry("", nodes.paragraph(level_label, level_label))
    rows: list[nodes.row] = [_row([header[0].deepcopy(), level_head, nodes.entry()])]
    for body_row in next(table.findall(nodes.tbody)).children:
        part, *cells = body_row.children
        first_of_part = True
        for level, cell in zip(levels, cells, strict=False):
            for index, content in enumerate(_pieces(cell)):
                rows.append(_row([
                    part.deepcopy() if first_of_part else nodes.entry(),
                    level.deepcopy() if index == 0 else nodes.entry(),
                    nodes.entry("", *content),
                ]))
                first_of_part = False
    group = nodes.tgroup(cols=3)
    for width in LONG_WIDTHS:
        group += nodes.colspec(colwidth=width)
    group += nodes.thead("", rows[0])
    group += nodes.tbody("", *rows[1:])
    titles = [child.deepcopy() for child in table.children if isinstance(child, nodes.title)]
    classes = [*table["classes"], "jobdesc-long"]
    if "colwidths-given" not in classes:
        classes.append("colwidths-given")
    return nodes.table("", *titles, group, classes=classes, ids=table["ids"])


def _pieces(cell: nodes.Element) -> list[list[nodes.Node]]:
    """The content of *cell* as rows: one per list item, or the whole cell."""
    children = [child for child in cell.children if not isinstance(child, nodes.comment)]
    if not any(child.astext().strip() for child in children):
        return []
    if len(children) == 1 and isinstance(children[0], nodes.bullet_list):
        bullets = children[0]
        return [[nodes.bullet_list("", item.deepcopy(), bullet=bullets.get("bullet", "-"))]
                for item in bullets.children]
    return [[child.deepcopy() for child in children]]


def _row(entries: list[nodes.entry]) -> nodes.row:
    return nodes.row("", *entries)
