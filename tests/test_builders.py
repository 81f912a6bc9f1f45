"""Every builder renders a role without warnings, with the generated structure intact."""

from __future__ import annotations

import pytest
from conftest import Project, SharedProject, copy_snippet_roles

PAGE = """\
Careers
=======

Open roles: :job:`backend-developer:senior`, :job:`the role <backend-developer>`.

.. jobcatalog::

.. jobdescription:: backend-developer
   :level: senior

Ladder
======

.. jobladder:: backend-developer

Interviews
==========

.. interviewguide:: backend-developer
   :level: senior
"""


CONF = """\
extensions = {extensions}
project = "Handbook"
copyright = "2026, Acme"
version = "1"
man_pages = [("index", "careers", "Careers", [], 7)]
"""
BUILDERS = ["html", "dirhtml", "singlehtml", "latex", "text", "man", "epub", "gettext"]


def write_careers(project: Project | SharedProject, extensions: str) -> None:
    copy_snippet_roles(project)
    project.write("conf.py", CONF.format(extensions=extensions))
    project.write("index.rst", PAGE)


@pytest.fixture(scope="module")
def careers(tmp_path_factory: pytest.TempPathFactory) -> SharedProject:
    project = SharedProject(tmp_path_factory.mktemp("careers") / "src")
    write_careers(project, '["sphinx_jobdesc"]')
    return project


@pytest.fixture(scope="module")
def design(tmp_path_factory: pytest.TempPathFactory) -> SharedProject:
    pytest.importorskip("sphinx_design")  # tox -e bare runs without it
    project = SharedProject(tmp_path_factory.mktemp("design") / "src")
    write_careers(project, '["sphinx_design", "sphinx_jobdesc"]')
    return project


@pytest.mark.parametrize("builder", BUILDERS)
def test_builder_has_no_warnings(careers: SharedProject, builder: str) -> None:
    assert careers.build(builder).warnings == []


@pytest.mark.parametrize("builder", BUILDERS)
def test_builder_has_no_warnings_with_the_design_layout(design: SharedProject, builder: str
                                                         ) -> None:
    assert design.build(builder).warnings == []


def test_wide_tables_fit_the_page_in_latex(careers: SharedProject) -> None:
    tex = careers.build("latex").output("handbook.tex")
    # the ladder is a table of part, level and text (a longtable when it is long:
    # test_builder_matrix.py builds one that spans pages)
    assert r"{\X{18}{100}\X{18}{100}\X{64}{100}}" in tex


def test_wide_tables_scroll_in_html(careers: SharedProject) -> None:
    html = careers.build("html")
    assert '<div class="jobdesc-scroll docutils container">' in html.output("index.html")
    css = html.output("_static/jobdesc.css")
    assert "div.jobdesc-scroll" in css and "overflow-x: auto" in css
    assert '<link rel="stylesheet" type="text/css" href="_static/jobdesc.css' in html.output(
        "index.html")


def test_latex_has_real_sections(careers: SharedProject) -> None:
    tex = careers.build("latex").output("handbook.tex")
    # the root page's title is the document title, so its sections are chapters
    assert r"\chapter{Responsibilities}" in tex
    assert r"\section{Must have}" in tex
    assert r"\label{\detokenize{index:backend-developer-senior-responsibilities}}" in tex
    assert "Deep knowledge of PostgreSQL performance tuning" in tex


def test_text_output_reads_like_the_page(careers: SharedProject) -> None:
    text = careers.build("text").output("index.txt")
    assert "Responsibilities\n================\n\n* Design and document REST APIs" in text
    assert "EUR 85,000–105,000 per year" in text


def test_man_page_has_the_sections(careers: SharedProject) -> None:
    man = careers.build("man").output("careers.7")
    assert ".SH RESPONSIBILITIES" in man
    assert ".SS Must have" in man


def test_generated_headings_are_in_the_html_toc(careers: SharedProject) -> None:
    html = careers.build("html").output("index.html")
    assert 'href="#backend-developer-senior-responsibilities"' in html


def test_latex_anchor_and_scorecard_tables_have_wrapping_columns(careers: SharedProject
                                                                 ) -> None:
    tex = careers.build("latex").output("handbook.tex")
    # colwidths-given tables become fixed-width paragraph columns, so long anchors wrap
    assert r"{\X{8}{76}\X{14}{76}\X{54}{76}}" in tex
    assert "to others, with examples from production." in tex
    # the scorecard: competency, the level's bar, four ratings, a wide notes column
    assert r"\X{18}{86}|\X{6}{86}|\X{8}{86}" in tex
    assert "Overall recommendation" in tex


def test_text_output_has_the_scorecard_grid(careers: SharedProject) -> None:
    text = careers.build("text").output("index.txt")
    assert "| Competency" in text
    assert "| Overall            |" in text
    assert "Question 2.2: Schema design" in text


def test_a_changed_stylesheet_replaces_the_old_one(project: Project) -> None:
    write_careers(project, '["sphinx_jobdesc"]')
    project.build("html")
    assert project.app is not None
    old = project.app.outdir / "_static" / "jobdesc.css"
    old.write_text("/* an older sphinx-jobdesc */\n")
    project.build("html")
    assert project.warnings == []
    assert "div.jobdesc-scroll" in old.read_text()
