"""Role text as reStructuredText: escaping plain text, vetting ``markup: rst`` text.

Role files are content, never code: plain text is escaped so that nothing in
it is read as markup, and text in ``markup: rst`` files may use inline markup
and paragraphs but never a directive, comment, target, substitution or
section title (those are how raw HTML, includes or page structure would get
in). Refused text is shown as plain text, with a warning.
"""

from __future__ import annotations

import re

# Characters that can start inline or block markup in reStructuredText, including
# the Unicode bullets. Quotes, commas and other prose punctuation are left alone
# to keep smart quotes working.
_ESCAPES = str.maketrans({char: "\\" + char for char in "\\`*_|[]<>:-+#.()=~^/\u2022\u2023\u2043"})
_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")
_EXPLICIT_MARKUP = re.compile(r"^\s*\.\.(\s|$)", re.MULTILINE)
_ADORNMENT = re.compile(r"^\s*([!-/:-@\[-`{-~])\1{2,}\s*$", re.MULTILINE)
_HTML_TAG = re.compile(r"<!--|<\s*/?\s*[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?/?>")
_DIRECTIVE_LIKE = re.compile(r"^\s*\.\.\s+[\w:-]+::", re.MULTILINE)


class Rst(str):
    """A string that is already reStructuredText source; templates emit it unescaped."""

    __slots__ = ()


def escape(text: str) -> Rst:
    """Plain text as reStructuredText that renders exactly these words.

    Paragraphs (blank-line separated) are kept; leading indentation is dropped,
    since it would turn lines into block quotes or definition lists.
    """
    if isinstance(text, Rst):
        return text
    if "\n" not in text:
        return Rst(text.strip().translate(_ESCAPES))
    paragraphs = _BLANK_LINES.split(text.strip())
    return Rst("\n\n".join(
        "\n".join(line.strip().translate(_ESCAPES) for line in paragraph.splitlines())
        for paragraph in paragraphs
    ))


def injection(text: str) -> str | None:
    """Why *text* (written as ``markup: rst``) must not be parsed, or None if it is safe."""
    if _EXPLICIT_MARKUP.search(text):
        what = "a directive" if _DIRECTIVE_LIKE.search(text) else "explicit markup"
        return f"it contains {what}"
    if _ADORNMENT.search(text):
        return "it contains a section title or transition"
    if _HTML_TAG.search(text):
        return "it contains raw HTML"
    return None


def suspicious_plain_text(text: str) -> str | None:
    """Why plain *text* looks like an attempt at markup that will be shown literally, if it does."""
    if _DIRECTIVE_LIKE.search(text):
        return "it looks like a reStructuredText directive"
    if _HTML_TAG.search(text):
        return "it looks like raw HTML"
    return None
