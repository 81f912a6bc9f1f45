"""Role text through Sphinx's own translation workflow.

``sphinx-build -b gettext`` extracts each text of each role a page renders as
one message, its raw words (plain text as written, ``markup: rst`` text as its
source, never our escaped reStructuredText), into the page's ``.pot`` beside
the page's own messages; ``sphinx-intl update`` makes the ``.po`` files; and a
build with ``language`` and ``locale_dirs`` shows each text translated from the
page's catalog, as Sphinx translates the page's own text (a changed ``.mo``
re-reads the page: Sphinx notes it). Translations are role text too: plain text
stays plain, reStructuredText is vetted again (:mod:`.core.translate`).

The messages travel in a node only a gettext build puts in the page
(:class:`role_messages`); Sphinx keeps a gettext build's environment apart from
other builders' (it refuses to share a doctree folder), so no other builder
meets it.
"""

from __future__ import annotations

import os
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import init as init_locale
from sphinx.util.i18n import docname_to_domain

from .core.model import Role
from .core.translate import texts, translated

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: The environments of the builds that extract messages (``-b gettext``).
_extracting: weakref.WeakSet[BuildEnvironment] = weakref.WeakSet()
#: Each build's catalogs of role text, by gettext domain (None: the page has none).
_catalogs: weakref.WeakKeyDictionary[BuildEnvironment, dict[str, Callable[[str], str] | None]] \
    = weakref.WeakKeyDictionary()


class role_messages(nodes.Element, nodes.Invisible, addnodes.translatable):  # type: ignore[misc]
    """The texts of the roles one directive rendered, one message each (gettext only;
    invisible: never part of what the page shows)."""

    def preserve_original_messages(self) -> None:
        """The messages are kept as written: nothing to preserve."""

    def apply_translated_message(self, original_message: str, translated_message: str) -> None:
        """The directive shows the translation already; this node is never shown."""

    def extract_original_messages(self) -> list[str]:
        return list(self["messages"])


def extracting(env: BuildEnvironment) -> bool:
    """Whether this build extracts messages rather than showing translations."""
    return env in _extracting


def page_translator(env: BuildEnvironment) -> Callable[[str], str] | None:
    """The current page's translations of role text, or None when it has no catalog
    (looked up once per build and catalog, not per directive)."""
    if extracting(env) or not env.config.language:
        return None
    domain = docname_to_domain(env.docname, env.config.gettext_compact)
    known = _catalogs.setdefault(env, {})
    if domain not in known:
        folders = [os.path.join(env.srcdir, folder) for folder in env.config.locale_dirs]
        catalog, found = init_locale(folders, env.config.language, domain)
        known[domain] = catalog.gettext if found else None
    return known[domain]


class Localizer:
    """One directive's roles in the page's language, and their texts for gettext."""

    def __init__(self, env: BuildEnvironment) -> None:
        self.translate = page_translator(env)
        self.extracting = extracting(env)
        self.texts: dict[str, None] = {}

    def role(self, role: Role) -> tuple[Role, list[tuple[str, str]]]:
        """*role* translated, and the texts whose translation is refused (with why)."""
        if self.extracting:
            self.texts.update(dict.fromkeys(texts(role)))
        if self.translate is None:
            return role, []
        refused: list[tuple[str, str]] = []
        return translated(role, self.translate, refused), refused

    def messages(self, source: str, line: int | None) -> list[nodes.Node]:
        """The node that carries the texts to a gettext build (none in other builds)."""
        if not self.texts:
            return []
        node = role_messages(messages=list(self.texts))
        node.source, node.line = source, line
        return [node]


def _builder_inited(app: Sphinx) -> None:
    _catalogs.pop(app.env, None)
    if app.builder.use_message_catalog:
        _extracting.discard(app.env)
    else:
        _extracting.add(app.env)


def setup_translation(app: Sphinx) -> None:
    app.add_node(role_messages)
    app.connect("builder-inited", _builder_inited)
