"""Docutils nodes written the way the parser would have written them from the
shipped templates, without parsing anything.

Parsing the reStructuredText our templates generate was most of the cost of a
page (a nested state machine for every list, cell and section). The writer
builds the same nodes directly: plain role text becomes ``Text`` (its
paragraphs split as :func:`~..core.markup.escape` splits them); ``markup: rst``
text, already vetted, is still parsed, alone. It follows docutils' own rules
where they shape the tree: a section lasts until the next heading of its level
or above, levels are numbered in the order their title styles first appear,
and sections are noted as implicit targets in document order. Output it does
not reproduce exactly raises :class:`Fallback`, and the template renders the
directive instead. ``tests/test_doctrees.py`` holds both producers to one
doctree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar

from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from .. import rst
from ..core.markup import Rst
from ..templating import Heading, anchor_class, heading_choice

N = TypeVar("N", bound=nodes.Node)


class Fallback(Exception):
    """Output the writer does not reproduce node for node: the template renders it."""


class Writer:
    """The nodes of one directive, appended where the parser would put them."""

    def __init__(self, directive: SphinxDirective, labels: Mapping[str, str],
                 heading_mode: str) -> None:
        self.directive = directive
        self.document = directive.state.document
        self.source, self.line = directive.get_source_info()
        self.labels = labels
        self.heading_mode = heading_mode
        self.top: list[nodes.Node] = []
        #: The open sections, outermost first (a section lasts until a heading
        #: of its level or above).
        self.open: list[nodes.section] = []
        #: Template heading levels in the order they first appeared: the parser
        #: numbers section levels by their title styles' first appearance.
        self.styles: list[int] = []
        self.headings: list[Heading] = []
        self.anchors: list[str] = []

    # --- structure -----------------------------------------------------------------------

    def add(self, *children: nodes.Node) -> None:
        """Append *children* to the innermost open section (or the top level)."""
        if self.open:
            self.open[-1].extend(children)
        else:
            self.top.extend(children)

    def heading(self, slot: str, level: int = 1, text: Any = None) -> None:
        """What the template helper ``heading()`` writes: a section, a rubric or nothing."""
        plain, mode = heading_choice(self.labels, slot, level, text, self.heading_mode)
        if mode == "section":
            self._section(slot, level, plain)
        elif mode == "rubric":
            title = self.oneline(plain)
            self.anchors.append(slot)
            self.add(self.located(nodes.rubric(title, "", *_words(title),
                                               classes=[anchor_class(slot)])))

    def _section(self, slot: str, level: int, plain: Any) -> None:
        if level in self.styles:
            depth = self.styles.index(level) + 1
        elif len(self.styles) == len(self.open):
            self.styles.append(level)
            depth = len(self.styles)
        else:
            raise Fallback("a title style the parser finds inconsistent")
        if depth > len(self.open) + 1:
            raise Fallback("a section level the parser finds inconsistent")
        del self.open[depth - 1:]
        title = self.located(nodes.title("", "", *_words(self.oneline(plain))))
        section = self.located(nodes.section())
        section["names"].append(nodes.fully_normalize_name(title.astext()))
        section += title
        self.add(section)
        self.document.note_implicit_target(section, section)
        self.open.append(section)
        self.headings.append(Heading(slot, " ".join(str(plain).split())))

    # --- text ----------------------------------------------------------------------------

    def blocks(self, value: Any) -> list[nodes.Node]:
        """Body elements for *value*: paragraphs of plain text, or parsed ``markup: rst``."""
        if value is None:
            return []
        if isinstance(value, Rst):
            return rst.parse_rst(self.directive, value, allow_sections=False)
        return [self.paragraph(nodes.Text(text)) for text in plain_paragraphs(str(value))]

    def paragraph(self, *children: nodes.Node) -> nodes.paragraph:
        return self.located(nodes.paragraph("", "", *children))

    @staticmethod
    def oneline(value: Any) -> str:
        """*value* on one line (the ``oneline`` filter), in a paragraph or a title."""
        if isinstance(value, Rst):
            raise Fallback("markup inside a line or a title")
        return " ".join(str(value).split()) if value is not None else ""

    def strong(self, text: str) -> nodes.strong:
        return nodes.strong("", text)

    # --- blocks --------------------------------------------------------------------------

    def bullet_list(self, values: Iterable[Any]) -> nodes.bullet_list:
        items = [nodes.list_item("", *self.blocks(value)) for value in values]
        return self.located(nodes.bullet_list("", *items, bullet="-"))

    def list_table(self, rows: Sequence[Sequence[Sequence[nodes.Node]]], *,
                   classes: Sequence[str], widths: Sequence[int] | None = None,
                   header_rows: int = 0, stub_columns: int = 0, title: str | None = None
                   ) -> nodes.table:
        """A ``list-table`` of cells (each a list of body elements)."""
        columns = len(rows[0])
        table = nodes.table()
        if widths:
            table["classes"].append("colwidths-given")
        table["classes"].extend(classes)
        group = nodes.tgroup(cols=columns)
        table += group
        for width in widths or [100 // columns] * columns:
            spec = nodes.colspec(colwidth=width)
            if stub_columns:
                spec["stub"] = True
                stub_columns -= 1
            group += spec
        built = [nodes.row("", *(nodes.entry("", *cell) for cell in row)) for row in rows]
        if header_rows:
            group += nodes.thead("", *built[:header_rows])
        group += nodes.tbody("", *built[header_rows:])
        if title is not None:
            table.insert(0, self.located(nodes.title(title, title)))
        return self.located(table)

    def raw_latex(self, text: str) -> nodes.raw:
        return self.located(nodes.raw("", text, format="latex"))

    def only(self, expr: str, *children: nodes.Node) -> addnodes.only:
        node = self.located(addnodes.only("", *children))
        node.document = self.document
        node["expr"] = expr
        return node

    def container(self, classes: Sequence[str], *children: nodes.Node) -> nodes.container:
        return self.located(nodes.container("", *children, classes=list(classes)))

    def admonition(self, title: str, classes: Sequence[str], *children: nodes.Node
                   ) -> nodes.admonition:
        return self.located(nodes.admonition(
            "", self.located(nodes.title(title, title)), *children, classes=list(classes)))

    def located(self, node: N) -> N:
        """*node* attributed to the directive's line, as the parsed text was."""
        node.source, node.line = self.source, self.line
        return node


def _words(text: str) -> list[nodes.Node]:
    """The text node of *text*: none for no words, as the parser gives none."""
    return [nodes.Text(text)] if text else []


def plain_paragraphs(text: str) -> list[str]:
    """The paragraphs docutils reads from ``escape(text)``: split at blank lines,
    each line stripped, NUL characters dropped (the escaped text keeps no other
    structure)."""
    if text.isprintable():  # one line: most role text, and the common case of a page
        stripped = text.strip()
        return [stripped] if stripped else []
    found: list[str] = []
    lines: list[str] = []
    # every line break Python knows ends a line ("\x1e", "\x85"...), as in docutils
    for line in text.replace("\0", "").splitlines():
        line = line.strip()
        if line:
            lines.append(line)
        elif lines:
            found.append("\n".join(lines))
            lines = []
    return [*found, "\n".join(lines)] if lines else found
