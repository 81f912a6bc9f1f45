"""Every builder renders a role without warnings, with the generated structure intact."""

from __future__ import annotations

import pytest
from conftest import Project, copy_snippet_roles

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


@pytest.fixture
def careers(project: Project) -> Project:
    copy_snippet_roles(project)
    project.write("conf.py", CONF.format(extensions='["sphinx_jobdesc"]'))
    project.write("index.rst", PAGE)
    return project


@pytest.mark.parametrize("builder", BUILDERS)
def test_builder_has_no_warnings(careers: Project, builder: str) -> None:
    careers.build(builder)
    assert careers.warnings == []


@pytest.mark.parametrize("builder", BUILDERS)
def test_builder_has_no_warnings_with_the_design_layout(careers: Project, builder: str) -> None:
    pytest.importorskip("sphinx_design")  # tox -e bare runs without it
    careers.write("conf.py", CONF.format(extensions='["sphinx_design", "sphinx_jobdesc"]'))
    careers.build(builder)
    assert careers.warnings == []


def test_wide_tables_fit_the_page_in_latex(careers: Project) -> None:
    careers.build("latex")
    tex = careers.output("handbook.tex")
    # the ladder is a table of part, level and text (a longtable when it is long:
    # test_builder_matrix.py builds one that spans pages)
    assert r"{\X{18}{100}\X{18}{100}\X{64}{100}}" in tex


def test_wide_tables_scroll_in_html(careers: Project) -> None:
    careers.build("html")
    assert '<div class="jobdesc-scroll docutils container">' in careers.output("index.html")
    css = careers.output("_static/jobdesc.css")
    assert "div.jobdesc-scroll" in css and "overflow-x: auto" in css
    assert '<link rel="stylesheet" type="text/css" href="_static/jobdesc.css' in careers.output(
        "index.html")


def test_latex_has_real_sections(careers: Project) -> None:
    careers.build("latex")
    tex = careers.output("handbook.tex")
    # the root page's title is the document title, so its sections are chapters
    assert r"\chapter{Responsibilities}" in tex
    assert r"\section{Must have}" in tex
    assert r"\label{\detokenize{index:backend-developer-senior-responsibilities}}" in tex
    assert "Deep knowledge of PostgreSQL performance tuning" in tex


def test_text_output_reads_like_the_page(careers: Project) -> None:
    careers.build("text")
    text = careers.output("index.txt")
    assert "Responsibilities\n================\n\n* Design and document REST APIs" in text
    assert "EUR 85,000–105,000 per year" in text


def test_man_page_has_the_sections(careers: Project) -> None:
    careers.build("man")
    man = careers.output("careers.7")
    assert ".SH RESPONSIBILITIES" in man
    assert ".SS Must have" in man


def test_generated_headings_are_in_the_html_toc(careers: Project) -> None:
    careers.build("html")
    html = careers.output("index.html")
    assert 'href="#backend-developer-senior-responsibilities"' in html


def test_latex_anchor_and_scorecard_tables_have_wrapping_columns(careers: Project) -> None:
    careers.build("latex")
    tex = careers.output("handbook.tex")
    # colwidths-given tables become fixed-width paragraph columns, so long anchors wrap
    assert r"{\X{8}{76}\X{14}{76}\X{54}{76}}" in tex
    assert "to others, with examples from production." in tex
    # the scorecard: competency, the level's bar, four ratings, a wide notes column
    assert r"\X{18}{86}|\X{6}{86}|\X{8}{86}" in tex
    assert "Overall recommendation" in tex


def test_text_output_has_the_scorecard_grid(careers: Project) -> None:
    careers.build("text")
    text = careers.output("index.txt")
    assert "| Competency" in text
    assert "| Overall            |" in text
    assert "Question 2.2: Schema design" in text


def test_a_changed_stylesheet_replaces_the_old_one(careers: Project) -> None:
    careers.build("html")
    assert careers.app is not None
    old = careers.app.outdir / "_static" / "jobdesc.css"
    old.write_text("/* an older sphinx-jobdesc */\n")
    careers.build("html")
    assert careers.warnings == []
    assert "div.jobdesc-scroll" in old.read_text()
