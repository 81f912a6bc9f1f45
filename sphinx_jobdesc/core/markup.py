"""Role text as reStructuredText: escaping plain text, vetting ``markup: rst`` text.

Role files are content, never code. Plain text (the default) is escaped so
that nothing in it is read as markup: not a directive, not a link, not a
heading. Text in ``markup: rst`` files may use what :mod:`.allowlist` allows
(paragraphs, lists, inline markup, safe links) and is refused otherwise: it
is then shown as plain text, with a warning.
"""

from __future__ import annotations

import re

from . import allowlist

# Characters that can start inline or block markup in reStructuredText, including
# the Unicode bullets, and "@" and ":", without which docutils recognises no e-mail
# address or URL in plain text. Quotes, commas and other prose punctuation are
# left alone to keep smart quotes working.
_ESCAPED = frozenset("\\`*_|[]<>:-+#.()=~^/@\u2022\u2023\u2043")
_ESCAPES = str.maketrans({char: "\\" + char for char in _ESCAPED})
_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")
# Linear on any input: no pattern here can start over a run of whitespace it
# already tried (role text can be megabytes long).
_HTML_TAG = re.compile(r"<!--|<[ \t]*/?[ \t]*[a-zA-Z][a-zA-Z0-9-]*(?:[ \t\n][^<>]*)?/?>")
_DIRECTIVE_LIKE = re.compile(r"^[ \t]*\.\.[ \t]+[\w:-]+::", re.MULTILINE)


class Rst(str):
    """A string that is already reStructuredText source; templates emit it unescaped."""

    __slots__ = ()


def escape(text: str) -> Rst:
    """Plain text as reStructuredText that renders exactly these words.

    Paragraphs (blank-line separated) are kept; leading indentation is dropped,
    since it would turn lines into block quotes or definition lists. NUL characters
    are dropped.
    """
    if isinstance(text, Rst):
        return text
    text = text.replace("\0", "")  # docutils' own escape marker; no text shows it
    if len(text.splitlines()) <= 1:  # "\r", "\x0c" and the like break lines too
        return Rst(_escape_line(text))
    return Rst("\n\n".join(
        "\n".join(_escape_line(line) for line in paragraph.splitlines())
        for paragraph in paragraphs(text)
    ))


def paragraphs(text: str) -> list[str]:
    """*text* split at its blank lines."""
    return _BLANK_LINES.split(text.strip())


def _escape_line(line: str) -> str:
    """One line, stripped and escaped. A line of one repeated punctuation character
    ("!!!!!!", "%%%") would be a title's underline or a transition: its first
    character is escaped even where the others need not be; a line of backslashes,
    still one character when escaped, starts with an escaped (invisible) space."""
    line = line.strip()
    escaped = line.translate(_ESCAPES)
    if (line and line[0] not in _ESCAPED and not line[0].isalnum()
            and line == line[0] * len(line)):
        return "\\" + escaped
    if escaped and escaped == "\\" * len(escaped):  # backslashes escape to more backslashes
        return "\\ " + escaped  # an escaped space, which docutils removes
    return escaped


def refusal(text: str) -> str | None:
    """Why *text* (written as ``markup: rst``) must not be parsed, or None if it is safe."""
    return allowlist.refusal(text)


def role_text(value: str, *, rst: bool) -> tuple[str, str | None]:
    """A text field of a role file as the writers take it (:class:`Rst` where the
    file is ``markup: rst`` and the text is safe to parse), and what to say about it."""
    if not rst:
        reason = suspicious_plain_text(value)
        return value, (f"{reason}; role text is shown as plain text (use 'markup: rst' "
                       "for inline markup)" if reason else None)
    reason = refusal(value)
    if reason:
        return value, f"{reason}; the text is shown as plain text"
    reason = looks_like_html(value)
    return Rst(value), (f"{reason}; role text shows it as text, not as HTML" if reason
                        else None)


def suspicious_plain_text(text: str) -> str | None:
    """Why plain *text* looks like an attempt at markup that will be shown literally, if it does."""
    if "<" not in text and ".." not in text:  # both patterns need one (most text has none)
        return None
    if _DIRECTIVE_LIKE.search(text):
        return "it looks like a reStructuredText directive"
    return looks_like_html(text)


def looks_like_html(text: str) -> str | None:
    """Why *text* looks like raw HTML (which role text shows as text), if it does."""
    return "it looks like raw HTML" if _HTML_TAG.search(text) else None
