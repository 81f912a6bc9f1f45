"""Parse generated reStructuredText into the page that hosts the directive.

Templates always produce reStructuredText, whatever the page is written in.
On reStructuredText pages Sphinx's public ``nested_parse_to_nodes`` does it.
On MyST (or any other) pages the directive's state parses Markdown, so a real
docutils RST state machine is run, bound to the host document: it shares the
id registry, reporter and settings, so ids stay unique and messages point at
the page. This and allowlist.py (which parses role text without running
anything) are the modules that touch docutils internals.
"""

from __future__ import annotations

from types import SimpleNamespace

from docutils import nodes
from docutils.parsers.rst import languages
from docutils.parsers.rst import states as rst_states
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective
from sphinx.util.parsing import nested_parse_to_nodes


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
