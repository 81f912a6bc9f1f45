"""Role text as HTML for systems that read HTML (a JobPosting's description, an ATS's
interview kit): plain text escaped, ``markup: rst`` text as the allow-list reads it."""

from __future__ import annotations

import html
from collections.abc import Iterable

from .allowlist import to_html
from .markup import Rst, paragraphs


def html_paragraphs(text: str) -> str:
    """*text* as ``<p>`` paragraphs."""
    if isinstance(text, Rst):
        return to_html(text)
    return "".join(f"<p>{html_inline(part)}</p>" for part in paragraphs(text) if part.strip())


def html_list(texts: Iterable[str]) -> str:
    """*texts* as a ``<ul>`` list, each one line."""
    return "<ul>" + "".join(f"<li>{html_inline(text)}</li>" for text in texts) + "</ul>"


def html_inline(text: str) -> str:
    """One paragraph (or item) as inline HTML, on one line."""
    if isinstance(text, Rst):
        return to_html(text, inline=True)
    return html.escape(" ".join(text.split()), quote=False)
