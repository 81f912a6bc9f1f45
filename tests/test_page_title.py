"""A directive that starts an untitled page gives the page the role's title.

Without it, a page holding only ``.. jobdescription::`` would be titled by its
first generated part ("At a glance"), and every generated part would be a
top-level entry of the toctree. One project, built once, holds a page per
case, in reStructuredText and in MyST.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import SNIPPETS
from docutils import nodes
from sphinx.testing.util import SphinxTestApp

#: page -> (directive, its options, the page title we expect, or None: the page's own)
CASES = {
    "level": ("jobdescription", {"level": "senior"}, "Senior Backend Developer"),
    "family": ("jobdescription", {}, "Backend Developer"),
    "guide": ("interviewguide", {"level": "senior"}, "Interview guide: Senior Backend Developer"),
    "ladder": ("jobladder", {}, "Career ladder: Backend Developer"),
    "explicit-heading": ("jobdescription", {"heading": "section"}, "At a glance"),
}


def rst_page(directive: str, options: dict[str, str]) -> str:
    lines = [f".. {directive}:: backend-developer"]
    lines += [f"   :{name}: {value}" for name, value in options.items()]
    return "\n".join(lines) + "\n"


def myst_page(directive: str, options: dict[str, str]) -> str:
    lines = [f"```{{{directive}}} backend-developer"]
    lines += [f":{name}: {value}" for name, value in options.items()]
    return "\n".join([*lines, "```"]) + "\n"


PAGES = {f"{syntax}-{case}": (syntax, *spec) for case, spec in CASES.items()
         for syntax in ("rst", "myst")}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    src = tmp_path_factory.mktemp("titles")
    shutil.copytree(SNIPPETS / "roles", src / "roles")
    (src / "conf.py").write_text('extensions = ["myst_parser", "sphinx_jobdesc"]\n'
                                 'exclude_patterns = ["_build"]\n', encoding="utf8")
    for page, (syntax, directive, options, _) in PAGES.items():
        if syntax == "rst":
            (src / f"{page}.rst").write_text(rst_page(directive, options), encoding="utf8")
        else:
            (src / f"{page}.md").write_text(myst_page(directive, options), encoding="utf8")
    (src / "titled.rst").write_text("Our roles\n=========\n\n" + rst_page("jobdescription", {}),
                                    encoding="utf8")
    (src / "index.rst").write_text(
        "Handbook\n========\n\n.. toctree::\n   :maxdepth: 1\n\n   titled\n   "
        + "\n   ".join(PAGES) + "\n", encoding="utf8")
    app = SphinxTestApp("html", srcdir=src)
    app.build()
    yield app
    app.cleanup()


def test_the_build_has_no_warnings(built: SphinxTestApp) -> None:
    assert built.warning.getvalue() == ""


@pytest.mark.parametrize("page", PAGES)
def test_the_page_title(built: SphinxTestApp, page: str) -> None:
    expected = PAGES[page][-1]
    assert built.env.titles[page].astext() == expected
    html = (Path(built.outdir) / f"{page}.html").read_text("utf8")
    assert f"<title>{expected} &#8212;" in html


@pytest.mark.parametrize("page", [page for page in PAGES if not page.endswith("heading")])
def test_generated_parts_nest_under_the_title(built: SphinxTestApp, page: str) -> None:
    doctree = built.env.get_doctree(page)
    tops = [node for node in doctree.children if isinstance(node, nodes.section)]
    assert len(tops) == 1
    assert tops[0].next_node(nodes.section, include_self=False) is not None


def test_an_explicit_heading_keeps_the_authors_structure(built: SphinxTestApp) -> None:
    doctree = built.env.get_doctree("rst-explicit-heading")
    tops = [node[0].astext() for node in doctree.children if isinstance(node, nodes.section)]
    assert tops[:2] == ["At a glance", "About the role"]


def test_a_titled_page_keeps_its_title(built: SphinxTestApp) -> None:
    assert built.env.titles["titled"].astext() == "Our roles"
    doctree = built.env.get_doctree("titled")
    assert "Backend Developer" not in [node.astext() for node in doctree.findall(nodes.title)]


def test_the_toctree_lists_one_entry_per_page(built: SphinxTestApp) -> None:
    page = (Path(built.outdir) / "index.html").read_text("utf8")
    html = page.split('class="toctree-wrapper compound"')[1].split("</div>")[0]  # not the sidebar
    asked_for_sections = [page for page in PAGES if page.endswith("explicit-heading")]
    assert html.count(">At a glance<") == len(asked_for_sections)
    assert ">Senior Backend Developer<" in html


def test_links_to_the_role_reach_the_page_title(built: SphinxTestApp) -> None:
    doctree = built.env.get_doctree("rst-level")
    section = next(node for node in doctree.children if isinstance(node, nodes.section))
    assert "job-backend-developer-senior" in section["ids"]
    assert "backend-developer-senior" in section["ids"]
