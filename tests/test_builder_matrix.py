"""Nothing lost, in any builder: the example handbook and a long-ladder project built
as html, singlehtml, dirhtml, text, LaTeX (compiled to PDF), epub and man.

For each build, every block of text our directives generated (each paragraph,
title, list item and table cell, read from the doctree) must be in the output a
reader gets: the HTML, the text files, the man page, the PDF's text. The long
ladder has eight levels and a long list on every one, long enough to run off a
page if a table could not break; the catalogue lists forty roles.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from shown import missing, output_text, shown_texts
from sphinx.testing.util import SphinxTestApp

EXAMPLE = Path(__file__).parent.parent / "example_docs"
BUILDERS = ["html", "singlehtml", "dirhtml", "text", "latex", "epub", "man"]
HAS_LATEX = all(shutil.which(tool) for tool in ("latexmk", "pdflatex", "pdftotext"))

LONG_PAGE = """\
Long ladder
===========

.. jobladder:: long

Every level in full
===================

.. jobladder:: long
   :show: full

Catalogue
=========

.. jobcatalog::

Interview guide
===============

.. interviewguide:: long
   :level: l8
"""

LONG_CONF = """\
extensions = ["sphinx_jobdesc"]
project = "Long ladder"
author = "Acme"
copyright = "2026, Acme"
version = "1"
jobdesc_checks = []
exclude_patterns = ["_build"]
"""

WORDS = ("design", "operate", "review", "mentor", "document", "measure", "simplify", "migrate")


def long_role() -> dict[str, object]:
    """A family of eight levels, each adding twelve responsibilities and four musts."""
    competencies = [{"id": f"c{n}", "name": f"Competency {n}",
                     "anchors": {p: f"At {p}, competency {n} shows in daily work." for p in
                                 range(1, 5)},
                     "expectations": {f"l{level}": f"Level {level} expectation of competency {n}"
                                      for level in range(1, 9)}} for n in range(1, 11)]
    levels = []
    for level in range(1, 9):
        levels.append({
            "id": f"l{level}", "title": f"Level {level} Engineer",
            "summary": f"At level {level} you own more of the system than at level {level - 1}.",
            "responsibilities": [{"id": f"r{level}-{n}", "text": (
                f"{WORDS[n % 8].capitalize()} the part {n} of service {level}, with the "
                f"people who depend on it, from the first sketch to production")}
                for n in range(1, 13)],
            "requirements": {"must": [{"id": f"m{level}-{n}", "text": (
                f"Experience number {n} that level {level} asks for, shown in real work")}
                for n in range(1, 5)]},
        })
    return {
        "id": "long", "title": "Long Engineer", "summary": "A family with a long ladder.",
        "responsibilities": [{"id": "base", "text": "Write software"}],
        "requirements": {"must": [{"id": "base", "text": "Some experience",
                                   "competencies": ["c1"]}]},
        "competencies": competencies, "levels": levels,
        "interview": {"stages": [{"id": f"s{n}", "title": f"Stage {n}", "duration_minutes": 45,
                                  "focus": [f"c{n}"], "questions": [{
                                      "id": f"q{n}", "text": f"Question for stage {n}?",
                                      "competencies": [f"c{n}"]}]} for n in range(1, 6)]},
    }


def write_long_project(src: Path) -> None:
    (src / "roles").mkdir(parents=True)
    (src / "conf.py").write_text(LONG_CONF, encoding="utf8")
    (src / "index.rst").write_text(LONG_PAGE, encoding="utf8")
    (src / "roles" / "long.yaml").write_text(yaml.safe_dump(long_role()), encoding="utf8")
    for n in range(40):
        (src / "roles" / f"role-{n:02d}.yaml").write_text(yaml.safe_dump({
            "title": f"Role number {n} in the catalogue", "team": f"Team {n % 7}",
            "summary": "A role.", "responsibilities": ["Work"],
            "requirements": {"must": ["Skill"]}}), encoding="utf8")


class Build:
    def __init__(self, app: SphinxTestApp, builder: str) -> None:
        self.builder = builder
        self.outdir = Path(app.outdir)
        self.warnings = app.warning.getvalue()
        self.texts = {docname: shown_texts(app.env.get_doctree(docname))
                      for docname in sorted(app.env.found_docs)}


@pytest.fixture(scope="class")
def project_src(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
                ) -> Path:
    project = request.cls.project
    src = tmp_path_factory.mktemp(project) / "src"
    if project == "example":
        shutil.copytree(EXAMPLE, src, ignore=shutil.ignore_patterns("_build"))
    else:
        write_long_project(src)
    return src


@pytest.fixture(scope="class", params=BUILDERS)
def build(request: pytest.FixtureRequest, project_src: Path) -> Build:
    builder = request.param
    if builder == "latex" and not HAS_LATEX:
        pytest.skip("needs LaTeX and poppler (installed by .ci/run)")
    app = SphinxTestApp(builder, srcdir=project_src, builddir=project_src.parent / "_build")
    try:
        app.build()
        result = Build(app, builder)
    finally:
        app.cleanup()
    if builder == "latex":
        tex = next(result.outdir.glob("*.tex"))
        subprocess.run(["latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error",
                        tex.name], cwd=result.outdir, check=True, capture_output=True)
    return result


class MatrixChecks:
    """One project built by every builder; a class per project, so that test workers can
    share the projects out between them (each class is one unit of work).

    The builders share one doctree folder, as ``make html latexpdf`` does: the project
    is read once, by the first builder, and each builder after it only writes. So a
    warning raised while reading shows in the first build only; what each builder
    writes is checked against the same doctrees.
    """

    project: str

    def test_the_build_has_no_warnings(self, build: Build) -> None:
        assert build.warnings == ""

    def test_every_generated_text_is_in_the_output(self, build: Build) -> None:
        shown = output_text(build.outdir, build.builder)
        lost = {docname: missing(texts, shown) for docname, texts in build.texts.items()}
        assert {docname: texts for docname, texts in lost.items() if texts} == {}
        assert sum(len(texts) for texts in build.texts.values()) > 100  # it did look

    def test_no_pdf_page_overflows(self, build: Build) -> None:
        if build.builder != "latex":
            pytest.skip("a LaTeX check")
        log = next(build.outdir.glob("*.log")).read_text(errors="replace")
        overfull = [float(points) for points in re.findall(r"Overfull \\vbox \(([\d.]+)pt", log)]
        assert [points for points in overfull if points > 5] == []

    def test_plain_text_shows_each_ladder_item_on_its_own_row(self, build: Build) -> None:
        """Squeezed into a column per level, list items ran together ("* Write softwar e *")."""
        if build.builder != "text" or self.project != "long":
            pytest.skip("a check of the long ladder's text")
        text = (build.outdir / "index.txt").read_text("utf8")
        for level in range(1, 9):
            assert re.search(rf"\| \* Operate the part 1 of service {level}, with the people", text)


class TestExampleHandbook(MatrixChecks):
    """The README's promise: the example handbook builds with ``-W`` (no warnings),
    for staff by default."""

    project = "example"

    def test_staff_see_the_internal_sections(self, build: Build) -> None:
        shown = output_text(build.outdir, build.builder)
        assert "Why we are hiring now" in shown  # a section marked visibility: internal
        assert "How does a request reach our application" in shown  # an interview question


class TestLongLadder(MatrixChecks):
    project = "long"
