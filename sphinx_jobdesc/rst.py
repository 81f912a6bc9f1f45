"""Parse generated reStructuredText into the page that hosts the directive, and
fit the result into that page: the container, the page title, stable ids.

Templates always produce reStructuredText, whatever the page is written in.
On reStructuredText pages Sphinx's public ``nested_parse_to_nodes`` does it.
On MyST (or any other) pages the directive's state parses Markdown, so a real
docutils RST state machine is run, bound to the host document: it shares the
id registry, reporter and settings, so ids stay unique and messages point at
the page. This and ``core/allowlist.py`` (which parses role text without
running anything) are the modules that touch docutils internals.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import SimpleNamespace

from docutils import nodes
from docutils.parsers.rst import languages
from docutils.parsers.rst import states as rst_states
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_id
from sphinx.util.parsing import nested_parse_to_nodes

from .templating import Heading, anchor_class


def parse_rst(directive: SphinxDirective, text: str, *, allow_sections: bool) -> list[nodes.Node]:
    """Nodes for *text*, every line attributed to the directive's own line in the page.

    That includes docutils' own messages about the generated text (say, an
    unknown role in ``markup: rst`` role text): the reporter would otherwise
    map their line numbers through the page's lines.
    """
    document = directive.state.document
    lines = text.splitlines()
    source, line = directive.get_source_info()
    content = StringList(lines, items=[(source, line - 1)] * len(lines))
    reporter = document.reporter
    saved = reporter.__dict__.get("get_source_and_line")
    reporter.get_source_and_line = lambda lineno=None: (source, line)
    try:
        if isinstance(directive.state, rst_states.RSTState):
            return nested_parse_to_nodes(directive.state, content,
                                         allow_section_headings=allow_sections)
        return _parse_detached(document, content, allow_sections=allow_sections)
    finally:
        if saved is None:
            del reporter.get_source_and_line
        else:
            reporter.get_source_and_line = saved


def _parse_detached(
    document: nodes.document, content: StringList, *, allow_sections: bool
) -> list[nodes.Node]:
    inliner = rst_states.Inliner()
    inliner.init_customizations(document.settings)
    memo = SimpleNamespace(
        document=document,
        reporter=document.reporter,
        language=languages.get_language(document.settings.language_code, document.reporter),
        title_styles=[],
        section_level=0,
        section_bubble_up_kludge=False,
        inliner=inliner,
    )
    root = nodes.Element()
    root.document = document
    machine = rst_states.NestedStateMachine(
        rst_states.state_classes, initial_state="Body", debug=document.reporter.debug_flag)
    try:
        machine.run(content, 0, memo=memo, node=root, match_titles=allow_sections)
    finally:
        machine.unlink()
    return list(root.children)


def assemble(parsed: list[nodes.Node], classes: list[str], directive: SphinxDirective
             ) -> list[nodes.Node]:
    """Body nodes in a container with *classes*, then the generated sections.

    Sections must stay direct children of the enclosing section, so only the
    nodes before the first section are wrapped in the container.
    """
    output: list[nodes.Element] = []
    body = [node for node in parsed if not isinstance(node, nodes.section)]
    if body:
        container = nodes.container("", *body, classes=classes)
        directive.set_source_info(container)
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


def starts_untitled_page(directive: SphinxDirective) -> bool:
    """Whether the directive's output would otherwise be a page without a title of its own.

    True for a directive at the top level of a page that has no section yet,
    unless ``:heading:`` is given: then the author chose the headings.
    """
    document = directive.state.document
    return ("heading" not in directive.options
            and directive.state_machine.node is document
            and not any(isinstance(node, nodes.section) for node in document.children))


def titled(directive: SphinxDirective, title: str, anchor: str, output: list[nodes.Node]
           ) -> nodes.section:
    """*output* nested in a section titled *title*: the page's title, so the page
    (and its toctree entry) is named after the role, not its first generated part."""
    document = directive.state.document
    section = nodes.section("", nodes.title(title, title), *output,
                            classes=["jobdesc-page"], support_smartquotes=False)
    directive.set_source_info(section)
    section["ids"] = [make_id(directive.env, document, "", anchor)]
    section["names"] = [nodes.fully_normalize_name(title)]
    document.note_implicit_target(section, section)
    return section


def slot_id(directive: SphinxDirective, anchor: str, slot: str) -> str:
    """The stable id of *slot*'s section or element: ``<anchor>-<slot>``."""
    return make_id(directive.env, directive.state.document, "",
                   f"{anchor}-{slot.replace('_', '-')}")


def name_sections(directive: SphinxDirective, parsed: list[nodes.Node],
                  headings: Sequence[Heading], anchor: str) -> None:
    """Give each section the template wrote with ``heading()`` a stable id.

    The id is ``<anchor>-<slot>``, such as ``backend-developer-senior-faq``;
    sections a custom template wrote by hand keep docutils' ids.
    """
    document = directive.state.document
    pending = list(headings)
    for top in parsed:
        for section in top.findall(nodes.section):
            if not pending or " ".join(section[0].astext().split()) != pending[0].title:
                continue
            slot = pending.pop(0).slot
            new_id = slot_id(directive, anchor, slot)
            for old in section["ids"]:
                document.ids.pop(old, None)
                for name, target in document.nameids.items():
                    if target == old:
                        document.nameids[name] = new_id
            section["ids"] = [new_id]
            section["classes"].append(anchor_class(slot))
            document.ids[new_id] = section


def name_anchors(directive: SphinxDirective, parsed: list[nodes.Node], slots: Sequence[str],
                 anchor: str) -> None:
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
            new_id = slot_id(directive, anchor, slot)
            element["ids"].append(new_id)
            directive.state.document.ids[new_id] = element


def add_target(directive: SphinxDirective, element: nodes.Element, prefix: str, name: str
               ) -> str:
    """A new id ``<prefix>-<name>`` on *element*, registered with the document."""
    target = make_id(directive.env, directive.state.document, prefix, name)
    element["ids"].append(target)
    directive.state.document.ids[target] = element
    return target
