"""Incremental and parallel builds give exactly what a fresh serial build gives.

Editing a role file, a file it extends or a template re-reads only the pages
that use it; a build without changes re-reads nothing.
"""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import ROOTS, Project, normalize_doctree, strip_colors
from sphinx.util.parallel import parallel_available

DOCS = ["index", "backend", "senior", "data", "about", "culture", "guide"]


@pytest.fixture
def handbook(project: Project) -> Project:
    shutil.rmtree(project.src)
    shutil.copytree(ROOTS / "test-handbook", project.src)
    project.build(freshenv=True)
    assert "7 added, 0 changed, 0 removed" in project.status
    assert project.warnings == []
    return project


def reread(project: Project) -> str:
    line = next(line for line in project.status.splitlines() if "added," in line)
    return line.split("environment: ")[-1].strip()


def test_rebuild_without_changes_reads_nothing(handbook: Project) -> None:
    handbook.build()
    assert reread(handbook) == "0 added, 0 changed, 0 removed"
    assert "config changed" not in handbook.status


def test_editing_a_role_file_rereads_its_pages_only(handbook: Project) -> None:
    path = "roles/backend-developer.yaml"
    text = (handbook.src / path).read_text().replace("Design and document", "Design and version")
    handbook.touch_later(path, text)
    handbook.build()
    assert reread(handbook) == "0 added, 3 changed, 0 removed"  # backend, senior, guide
    assert "Design and version REST APIs" in handbook.output("senior.html")
    assert "Design and version REST APIs" in handbook.output("backend.html")


def test_editing_a_question_updates_the_interview_guide(handbook: Project) -> None:
    path = "roles/backend-developer.yaml"
    text = (handbook.src / path).read_text().replace("reach our application", "reach our API")
    handbook.touch_later(path, text)
    handbook.build()
    assert reread(handbook) == "0 added, 3 changed, 0 removed"
    assert "How does a request reach our API?" in handbook.output("guide.html")


def test_editing_an_extended_file_rereads_every_page_using_it(handbook: Project) -> None:
    text = (handbook.src / "roles/_company.yaml").read_text().replace("30 days", "32 days")
    handbook.touch_later("roles/_company.yaml", text)
    handbook.build()
    assert reread(handbook) == "0 added, 4 changed, 0 removed"
    assert "32 days of paid vacation" in handbook.output("data.html")


def test_editing_a_template_rereads_the_pages_using_it(handbook: Project) -> None:
    text = (handbook.src / "_templates/compact.rst.jinja").read_text()
    handbook.touch_later("_templates/compact.rst.jinja", text.replace("In short", "Briefly"))
    handbook.build()
    assert reread(handbook) == "0 added, 1 changed, 0 removed"
    assert "Briefly: You own our data pipelines." in handbook.output("data.html")


def test_adding_a_missing_role_file_rereads_the_page(handbook: Project) -> None:
    handbook.write("hiring.rst", ":orphan:\n\nHiring\n======\n\n.. jobdescription:: designer\n")
    handbook.build()
    assert handbook.warnings[-1].startswith("src/hiring.rst:6: WARNING: no role file with id "
                                            "'designer'")
    handbook.write("roles/designer.yaml", "title: Designer\nsummary: Draws.\n"
                   "responsibilities: [Draw]\nrequirements: {must: [Taste]}\n")
    handbook.build()
    assert reread(handbook) == "0 added, 1 changed, 0 removed"
    assert "Draws." in handbook.output("hiring.html")


@pytest.mark.skipif(not parallel_available, reason="needs fork-based parallel builds")
def test_parallel_build_matches_serial_build(handbook: Project) -> None:
    serial = {doc: handbook.doctree_xml(doc) for doc in DOCS}
    handbook.cleanup()
    parallel = handbook.make_app("html", srcdir=handbook.src, freshenv=True, parallel=2,
                                 builddir=handbook.src.parent / "parallel")
    parallel.build()
    status = strip_colors(parallel.status.getvalue())
    assert "7 added, 0 changed, 0 removed" in status
    assert re.search(r"reading sources\.\.\. \[ *\d+%\] \w+ \.\. \w+", status)  # in chunks
    assert parallel.warning.getvalue() == ""
    for doc in DOCS:
        doctree = normalize_doctree(parallel.env.get_doctree(doc).pformat(), handbook.src)
        assert doctree == serial[doc], doc


@pytest.mark.skipif(not parallel_available, reason="needs fork-based parallel builds")
def test_dependencies_noted_in_parallel_workers_survive(handbook: Project) -> None:
    builddir = handbook.src.parent / "parallel"
    handbook.build(freshenv=True, parallel=2, builddir=builddir)
    handbook.touch_later("roles/data-engineer.yaml")
    handbook.build(parallel=2, builddir=builddir)
    assert reread(handbook) == "0 added, 1 changed, 0 removed"


ROLE = "title: Backend\nsummary: {title}\nresponsibilities: [a]\nrequirements: {{must: [b]}}\n"


def test_a_file_named_after_an_id_found_by_scanning_rereads_the_page(project: Project) -> None:
    project.write("roles/zz-legacy.yaml", "id: backend\n" + ROLE.format(title="Old Backend"))
    project.write("index.rst", "Jobs\n====\n\n.. jobdescription:: backend\n")
    project.build()
    assert "Old Backend" in project.output("index.html")
    project.build()
    assert reread(project) == "0 added, 0 changed, 0 removed"
    project.write("roles/backend.yaml", ROLE.format(title="New Backend"))
    project.build()
    assert reread(project) == "0 added, 1 changed, 0 removed"
    assert "New Backend" in project.output("index.html")


def test_a_project_template_that_shadows_a_bundled_one_rereads_its_pages(
    handbook: Project,
) -> None:
    handbook.write("_templates/interviewguide.rst.jinja",
                   '{% extends "default/interviewguide.rst.jinja" %}\n'
                   "{% block overview %}Our own guide.\n\n{{ super() }}{% endblock %}\n")
    handbook.build()
    assert reread(handbook) == "0 added, 1 changed, 0 removed"  # guide
    assert "Our own guide." in handbook.output("guide.html")
    handbook.build()
    assert reread(handbook) == "0 added, 0 changed, 0 removed"
