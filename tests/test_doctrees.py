"""One doctree, two producers: the shipped plain layouts are written as nodes, and a
project that overrides a template gets the template rendered and parsed. Neither
may drift from the other.

Every snippet is built twice, once as shipped and once with copies of the
bundled templates in the project's ``jobdesc_templates_path`` (an override that
changes nothing, so the template path runs), and the doctrees are compared. The
same holds for a role file of odd text, and, without Sphinx, for any plain text:
the paragraphs the writer makes are the ones docutils reads from the escaped text.
"""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import Project
from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.statemachine import StringList
from docutils.utils import new_document
from hypothesis import given
from hypothesis import strategies as st
from test_snippets import CASES, FALLBACK, build_snippet, snapshot

from sphinx_jobdesc.core.markup import escape
from sphinx_jobdesc.doctrees.writer import plain_paragraphs
from sphinx_jobdesc.rst import _parse_detached
from sphinx_jobdesc.template_files import BUNDLED_TEMPLATES

#: The templates the node writers reproduce; a copy of each in the project makes
#: the directive render its template.
WRITTEN = ("jobdescription.rst.jinja", "interviewguide.rst.jinja", "_interview.rst.jinja")


def with_template_copies(project: Project) -> None:
    for name in WRITTEN:
        project.write(f"_templates/{name}", "")
        shutil.copy(f"{BUNDLED_TEMPLATES}/{name}", project.src / "_templates" / name)
    conf = project.src / "conf.py"
    conf.write_text(conf.read_text("utf8") + 'jobdesc_templates_path = ["_templates"]\n', "utf8")


@pytest.mark.parametrize("syntax", ["rst", "myst"])
@pytest.mark.parametrize("case", [case for case in CASES if "design" not in case])
def test_the_written_nodes_are_the_parsed_template(project: Project, case: str, syntax: str
                                                   ) -> None:
    """One snapshot, two producers: tests/test_snippets.py checks that the shipped
    layout (written as nodes) gives the snapshot; the template gives it too."""
    parsed = build_snippet(project, case, syntax, verbosity=2, prepare=with_template_copies)
    assert FALLBACK in project.status  # the copies were used
    assert parsed == snapshot(case).read_text("utf8")


#: Text that docutils reads in surprising ways, and what the writer must match.
ODD_TEXTS = [
    "Tab\tinside", "  leading and trailing  ", "line one\nline two", "para one\n\n\n  para two",
    "- a bullet?", "1. a number?", "#. auto", "term\n   definition?", "ends with::",
    ":field: list?", ".. comment?", "======", "\\\\\\", "a \\ backslash", "`code` *em* **b**",
    "https://example.com and a@b.cd", "[1]_ |sub| _target", "form\x0cfeed", "vertical\x0btab",
    "unicode\u2028line", "next\x85line", "wide 福利 👩‍💻", "ALL — dashes – and \"quotes\"",
    "trailing line\n   ", ">>> doctest", "| line block", "+--+\n|  |\n+--+",
]


def odd_role() -> dict[str, object]:
    """A role (written as JSON, which can hold every character) with odd text everywhere."""
    texts = ODD_TEXTS
    items = [{"id": f"i{index}", "text": text} for index, text in enumerate(texts)]
    return {
        "title": "Odd role", "summary": texts[0], "about": texts[3],
        "levels": [{"id": "one", "title": texts[4], "summary": texts[2]}],
        "responsibilities": items, "requirements": {"must": items, "nice": items},
        "benefits": items,
        "sections": [{"id": f"s{index}", "title": text, "body": text}
                     for index, text in enumerate(texts)],
        "faq": [{"q": text, "a": text} for text in texts],
        "competencies": [{"id": "c0", "name": texts[0], "description": texts[3]}],
        "interview": {"stages": [{
            "id": "s1", "title": texts[5], "duration_minutes": len(texts) * 5,
            "interviewers": texts[1], "purpose": texts[6], "instructions": texts[7],
            "focus": ["c0"],
            "questions": [{
                "id": f"q{index}", "text": text, "title": text, "type": "technical",
                "follow_ups": [text], "look_for": [text], "red_flags": [text],
                "anchors": {str(value): texts[value] for value in range(1, 5)},
                "competencies": ["c0"], "duration_minutes": 5,
            } for index, text in enumerate(texts)],
        }]},
    }


def test_odd_text_gives_one_doctree(project: Project) -> None:
    project.write("conf.py", 'extensions = ["sphinx_jobdesc"]\njobdesc_checks = []\n')
    project.write("roles/odd.json", json.dumps(odd_role(), ensure_ascii=False))
    project.write("index.rst", "Odd\n===\n\n.. jobdescription:: odd\n   :level: one\n\n"
                  ".. interviewguide:: odd\n   :level: one\n")
    project.build(verbosity=2)
    assert project.warnings == []
    assert FALLBACK not in project.status
    written = project.doctree_xml()
    with_template_copies(project)
    project.build(freshenv=True, verbosity=2)
    assert FALLBACK in project.status
    assert written == project.doctree_xml()


def docutils_paragraphs(text: str) -> list[nodes.Node]:
    """What a page's parser makes of ``escape(text)``, the way the directive parses it."""
    document = new_document("<role text>", get_default_settings(Parser))
    return _parse_detached(document, StringList(escape(text).splitlines()), allow_sections=False)


@given(st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=80))
def test_plain_paragraphs_are_what_docutils_reads(text: str) -> None:
    parsed = docutils_paragraphs(text)
    assert all(isinstance(node, nodes.paragraph) for node in parsed)
    assert [node.astext() for node in parsed] == plain_paragraphs(text)
