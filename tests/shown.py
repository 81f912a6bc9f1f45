"""What a reader sees: the text our directives put on a page, and the text of each
builder's output, both reduced to letters and digits so they can be compared.

Comparing letters and digits only makes the check independent of what each
builder legitimately does to text (wrapping, hyphenation, smart quotes, bullets,
upper-case man page headings, HTML entities), while every word must still be
there, in order. Tables need more care: the text builder draws each cell in a
column of its own, so a cell's lines are interleaved with its neighbours'; its
tables are read back cell by cell first.
"""

from __future__ import annotations

import html
import re
import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from docutils import nodes
from sphinx import addnodes

#: Output files that hold the reader's text, by builder.
PATTERNS = {"html": "*.html", "dirhtml": "*.html", "singlehtml": "*.html", "epub": "*.xhtml",
            "text": "*.txt", "man": "*.[1-9]", "latex": "*.pdf"}


def normalized(text: str) -> str:
    """*text* as letters and digits only, compatibility-decomposed and case-folded."""
    return "".join(char for char in unicodedata.normalize("NFKC", text).casefold()
                   if char.isalnum())


def shown_texts(doctree: nodes.Node) -> list[str]:
    """Every block of text (paragraph, title, cell...) our directives generated,
    leaving out what only some builders show (``only``) and raw output."""
    texts = []
    for node in doctree.findall(nodes.TextElement):
        if isinstance(node, nodes.Inline | nodes.raw | nodes.comment | nodes.system_message):
            continue
        if isinstance(node.parent, nodes.TextElement) or not _generated(node):
            continue
        if any(isinstance(parent, addnodes.only) for parent in _ancestors(node)):
            continue
        if isinstance(node, nodes.literal_block) and node.get("language") == "rst":
            continue  # :debug: shows the generated source, a help for template authors
        if node.astext().strip():
            texts.append(node.astext())
    return texts


def _ancestors(node: nodes.Node) -> Iterator[nodes.Element]:
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def _generated(node: nodes.Node) -> bool:
    return any("jobdesc" in parent.get("classes", ()) or "jobdesc-page" in parent.get(
        "classes", ()) for parent in _ancestors(node) if isinstance(parent, nodes.Element))


def missing(texts: list[str], output: str) -> list[str]:
    """The *texts* whose letters and digits do not appear in *output*'s."""
    haystack = normalized(output)
    return [text for text in texts if normalized(text) not in haystack]


def output_text(outdir: Path, builder: str) -> str:
    """All the text a reader of the build in *outdir* sees, file after file."""
    files = sorted(path for path in outdir.rglob(PATTERNS[builder]) if path.is_file())
    return "\n".join(file_text(path, builder) for path in files)


def file_text(path: Path, builder: str) -> str:
    if builder == "latex":
        return pdf_text(path)
    content = path.read_text("utf8", errors="replace")
    if builder == "text":
        return untabled(content)
    if builder == "man":
        return unroffed(content)
    return html_text(content)


def pdf_text(pdf: Path) -> str:
    """The PDF's text in the order LaTeX set it: each table cell's lines together."""
    return subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def html_text(content: str) -> str:
    content = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", content)
    return html.unescape(re.sub(r"<[^>]+>", " ", content))


_ROFF_ESCAPES = {"(aq": "'", "(dq": '"', "(em": "—", "(en": "–", "(bu": "•", "-": "-",
                 "e": "\\", "&": "", "(lq": "“", "(rq": "”", "(oq": "‘", "(cq": "’"}


def unroffed(content: str) -> str:
    """Man page source as text: requests, font changes and escapes taken out."""
    content = re.sub(r"\\\[u([0-9A-Fa-f]{4,6})\]", lambda m: chr(int(m.group(1), 16)), content)
    content = re.sub(r"\\f(\[[A-Z]*\]|[A-Z])", "", content)
    content = re.sub(r" \\%<[^>]*>", "", content)  # a link's target, after its text
    content = re.sub(r"\\(\(..|[-e&])", lambda m: _ROFF_ESCAPES.get(m.group(1), " "), content)
    lines = []
    for line in content.splitlines():
        if line.startswith((".", "'")):  # a request: keep the text of headings (.SH, .B)
            line = line.split(" ", 1)[1] if " " in line else ""
        lines.append(line.replace("T{", " ").replace("T}", " "))
    return "\n".join(lines)


def untabled(content: str) -> str:
    """Text-builder output with each grid table cell's lines joined, so a cell reads as
    one text instead of lines interleaved with the cells beside it."""
    out: list[str] = []
    bounds: list[int] | None = None
    cells: list[list[str]] = []
    for line in content.splitlines():
        stripped = line.strip()
        if re.fullmatch(r"\+([-=]+\+)+", stripped):  # a table's border
            out.extend(" ".join(cell) for cell in cells)
            indent = len(line) - len(line.lstrip())
            bounds = [indent + index for index, char in enumerate(stripped) if char == "+"]
            cells = [[] for _ in bounds[1:]]
        elif bounds is not None and stripped.startswith("|"):
            columns = _display_slices(line, bounds)
            for cell, text in zip(cells, columns, strict=False):
                cell.append(text)
        else:
            out.extend(" ".join(cell) for cell in cells)
            bounds, cells = None, []
            out.append(line)
    out.extend(" ".join(cell) for cell in cells)
    return "\n".join(out)


def _display_slices(line: str, bounds: list[int]) -> list[str]:
    """The text between each pair of *bounds*, counted in display columns (a wide
    character such as 福 takes two, as the text builder counts them)."""
    columns: list[list[str]] = [[] for _ in bounds[1:]]
    position = 0
    for char in line:
        width = 2 if unicodedata.east_asian_width(char) in "WF" else 1
        for index in range(len(columns)):
            if bounds[index] < position < bounds[index + 1]:
                columns[index].append(char)
                break
        position += width
    return ["".join(column) for column in columns]
