"""The reStructuredText that ``markup: rst`` role text may use, decided by parsing it.

Role files are untrusted, so their text is never vetted by looking for
patterns (a directive hides in a list item, behind a line separator, in a
substitution). Instead each text is parsed on its own, as the page will parse
it, by a docutils parser that runs nothing: every directive and every
interpreted-text role becomes a placeholder naming it (so neither a docutils
nor a Sphinx directive, ``include`` or ``raw`` runs even while checking), and
file insertion and raw output are off. The tree is then walked, and only what
is listed here is allowed:

- paragraphs, bullet, enumerated and definition lists, block quotes, line
  blocks, literal and doctest blocks, nested at most :data:`MAX_NESTING` deep
  (LaTeX stops at six levels, and the page adds its own), in a text of at
  most :data:`MAX_LENGTH` characters with at most :data:`MAX_LINKS` links in a
  paragraph;
- emphasis, strong emphasis, inline literals, the roles in :data:`ALLOWED_ROLES`;
- links whose target is http, https, mailto or relative.

Anything else (any directive, another role, substitutions, targets,
footnotes, comments, field lists, tables, section titles, transitions, a
docutils warning) is a refusal with a reason; the caller shows the text as
plain text. docutils is imported on first use, so reading role files for the
command line does not load it.
"""

from __future__ import annotations

import html
import re
from functools import cache, lru_cache
from types import SimpleNamespace
from typing import Any, ClassVar

#: Interpreted-text roles role text may use ("" is the page's default role).
ALLOWED_ROLES = frozenset({
    "", "emphasis", "strong", "literal", "code", "sub", "subscript", "sup", "superscript",
    "title-reference", "title", "t", "abbr", "kbd", "ref", "doc", "term", "job", "jobdesc:role",
})
#: URL schemes links in role text may use (and relative links, which have none).
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
#: How deeply lists and block quotes may nest inside one text.
MAX_NESTING = 3
#: How many links one paragraph may hold (docutils recurses once per bare URL).
MAX_LINKS = 100
#: The longest text read as markup: docutils' inline parser copies the rest of a
#: paragraph at each piece of markup, so its time grows with the square of the length.
MAX_LENGTH = 100_000

_BLOCKS = frozenset({
    "paragraph", "bullet_list", "enumerated_list", "list_item", "definition_list",
    "definition_list_item", "term", "definition", "block_quote", "attribution", "line_block",
    "line", "literal_block", "doctest_block",
})
_NESTING = frozenset({"bullet_list", "enumerated_list", "definition_list", "block_quote"})
_INLINES = frozenset({"#text", "emphasis", "strong", "literal"})
_WHAT = {
    "section": "a section title", "title": "a section title", "transition": "a transition",
    "comment": "a comment", "target": "a hyperlink target",
    "substitution_definition": "a substitution", "substitution_reference": "a substitution",
    "footnote": "a footnote", "footnote_reference": "a footnote", "citation": "a citation",
    "citation_reference": "a citation", "field_list": "a field list", "docinfo": "a field list",
    "option_list": "an option list", "table": "a table",
}
# Browsers ignore ASCII whitespace and control characters inside a URL's scheme.
_IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")


def refusal(text: str) -> str | None:
    """Why *text* may not be read as reStructuredText ("it contains..."), or None."""
    if len(text) > MAX_LENGTH:
        return f"it is longer than {MAX_LENGTH:,} characters, the most read as markup"
    try:
        document = _parse(text)
    except RecursionError:
        return "it is nested too deeply"
    except Exception as error:  # docutils on hostile input: refuse rather than fail
        return f"docutils cannot parse it ({type(error).__name__})"
    return _refusal(document)


def to_html(text: str, *, inline: bool = False) -> str:
    """*text* (allowed by :func:`refusal`) as HTML; a lone paragraph without ``<p>``
    when *inline*. Roles that link elsewhere keep only their words."""
    document = _parse(text)
    children = document.children
    if inline and len(children) == 1 and children[0].tagname == "paragraph":
        children = children[0].children
    return "".join(_html(child) for child in children)


def _refusal(document: Any) -> str | None:
    from docutils import nodes

    for message in document.findall(nodes.system_message):
        if message["level"] >= 2:  # what the page would warn about
            words = " ".join(message[0].astext().split()) if len(message) else "an error"
            return f"it is not valid reStructuredText ({words})"
    stack = [(child, 0) for child in reversed(document.children)]
    while stack:
        node, depth = stack.pop()
        tag = node.tagname
        if tag == "system_message":  # information only
            continue
        reason = _refused_node(node, tag)
        if reason:
            return reason
        if tag == "paragraph" and sum(1 for _ in node.findall(_is_reference)) > MAX_LINKS:
            return f"it has more than {MAX_LINKS} links in one paragraph"
        if tag in _NESTING:
            depth += 1
            if depth > MAX_NESTING:
                return f"it nests lists or block quotes more than {MAX_NESTING} levels deep"
        stack.extend((child, depth) for child in reversed(node.children))
    return None


def _refused_node(node: Any, tag: str) -> str | None:
    """Why this one node is not allowed, or None."""
    if tag in _BLOCKS or tag in _INLINES:
        return None
    if tag == "_role":
        role = node["role"]
        if role in ALLOWED_ROLES:
            return None
        return f"it uses the role ':{role}:', which role text may not use"
    if tag == "_directive":
        return f"it contains the directive '{node['directive']}', which role text may not use"
    if tag == "reference" or (tag == "target" and node.get("refuri") and _inline(node)):
        if "refuri" not in node:
            return "it refers to a link target by name; write the link's URL instead"
        scheme = _scheme(node["refuri"])
        if scheme is not None and scheme not in ALLOWED_SCHEMES:
            return (f"it links to a '{scheme}:' URL (role text may link to http, https, "
                    "mailto or relative URLs)")
        return None
    what = _WHAT.get(tag) or "a " + tag.replace("_", " ")
    return f"it contains {what}, which role text may not use"


def _is_reference(node: Any) -> bool:
    return bool(node.tagname == "reference")


def _inline(node: Any) -> bool:
    from docutils import nodes

    return isinstance(node.parent, nodes.TextElement)


def _scheme(uri: str) -> str | None:
    """The scheme of *uri* as a browser reads it (lower case), None if relative."""
    match = _SCHEME.match(_IGNORED_IN_URLS.sub("", uri))
    return match.group(1).lower() if match else None


@lru_cache(maxsize=64)
def _parse(text: str) -> Any:
    """The doctree of *text* parsed on its own, with nothing run. A few are kept: a page
    checks its role's texts and may then turn the same ones into HTML (more would
    hold megabytes of nodes for texts up to MAX_LENGTH)."""
    from docutils.parsers.rst import states
    from docutils.statemachine import string2lines
    from docutils.utils import new_document

    document = new_document("<role text>", _settings())
    machine = states.RSTStateMachine(state_classes=_state_classes(), initial_state="Body")
    lines = string2lines(text, tab_width=8, convert_whitespace=True)
    machine.run(lines, document, inliner=_inliner())
    machine.unlink()
    return document


@cache
def _settings() -> Any:
    from docutils.frontend import get_default_settings
    from docutils.parsers.rst import Parser

    settings = get_default_settings(Parser)
    settings.report_level = 5  # nothing printed; messages stay in the tree
    settings.halt_level = 5
    settings.file_insertion_enabled = False
    settings.raw_enabled = False
    settings.character_level_inline_markup = False
    settings.pep_references = False
    settings.rfc_references = False
    settings.language_code = "en"
    return settings


@cache
def _state_classes() -> tuple[type, ...]:
    """docutils' parser states, each made to record directives instead of running them.

    Nested parses (list items, block quotes) take their states from
    ``nested_sm_kwargs``, so every state sets it to these classes; and each
    keeps its own cache of nested state machines, which docutils otherwise
    shares between all parsers in the process.
    """
    from docutils import nodes
    from docutils.parsers.rst import states

    class Directive(nodes.Element):  # type: ignore[misc]
        tagname = "_directive"

    class RunsNothing:
        nested_sm_cache: ClassVar[list[Any]] = []

        def __init__(self, state_machine: Any, debug: bool = False) -> None:
            super().__init__(state_machine, debug)  # type: ignore[call-arg]
            self.nested_sm_kwargs = {"state_classes": classes, "initial_state": "Body"}

        def directive(self, match: Any, **option_presets: Any) -> tuple[list[Any], bool]:
            state_machine = self.state_machine  # type: ignore[attr-defined]
            blank_finish = state_machine.get_first_known_indented(0, strip_indent=False)[3]
            return [Directive(directive=match.group(1))], blank_finish

    # Body finds the method for each explicit construct in this table, not by name.
    RunsNothing.explicit = SimpleNamespace(**vars(states.Body.explicit))  # type: ignore[attr-defined]
    RunsNothing.explicit.constructs = [  # type: ignore[attr-defined]
        (RunsNothing.directive if method is states.Body.directive else method, pattern)
        for method, pattern in states.Body.explicit.constructs]
    classes = tuple(type(cls.__name__, (RunsNothing, cls), {}) for cls in states.state_classes)
    return classes


@cache
def _role_node() -> type:
    from docutils import nodes

    class Role(nodes.Inline, nodes.TextElement):  # type: ignore[misc]
        tagname = "_role"

    return Role


def _inliner() -> Any:
    """docutils' inliner, recording interpreted text with its role name instead of
    running the role. (Set on the instance: docutils' inliner reads its patterns from
    its own class's namespace, so it cannot be subclassed.)"""
    from docutils.parsers.rst import states

    role_node = _role_node()

    def interpreted(rawsource: str, text: str, role: str, lineno: int) -> Any:
        return [role_node(rawsource, text, role=role.lower())], []

    inliner = states.Inliner()
    inliner.interpreted = interpreted
    return inliner


_HTML_TAGS = {
    "paragraph": "p", "bullet_list": "ul", "enumerated_list": "ol", "list_item": "li",
    "definition_list": "dl", "term": "dt", "definition": "dd", "block_quote": "blockquote",
    "emphasis": "em", "strong": "strong", "literal": "code",
}
_ROLE_TAGS = {"": "em", "title-reference": "em", "title": "em", "t": "em", "emphasis": "em",
              "strong": "strong", "literal": "code", "code": "code", "kbd": "kbd",
              "sub": "sub", "subscript": "sub", "sup": "sup", "superscript": "sup"}


def _html(node: Any) -> str:
    tag = node.tagname
    if tag == "#text":
        return html.escape(str(node), quote=False)
    if tag in ("literal_block", "doctest_block"):
        return f"<pre>{html.escape(node.astext(), quote=False)}</pre>"
    if tag in ("target", "system_message"):
        return ""
    if tag == "_role":
        words = html.escape(node.astext(), quote=False)
        element = _ROLE_TAGS.get(node["role"])
        if element is None:  # a cross-reference: its title ("title <target>"), or its target
            text = node.astext().rstrip()
            title = text[:text.rfind("<")].strip() if text.endswith(">") else ""
            return html.escape(title or text, quote=False)
        return f"<{element}>{words}</{element}>"
    inner = "".join(_html(child) for child in node.children)
    if tag == "reference":
        return f'<a href="{html.escape(node["refuri"])}">{inner}</a>'
    if tag == "line":
        return f"{inner}<br/>"
    element = _HTML_TAGS.get(tag)
    return f"<{element}>{inner}</{element}>" if element else inner
