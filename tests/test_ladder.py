"""The ladder compares each level with the one below; bad options and data get warnings."""

from __future__ import annotations

from pathlib import Path

from conftest import Project

from sphinx_jobdesc.core.resolve import resolve_role
from sphinx_jobdesc.core.views.ladder import Ladder, build_ladder

ROLE = """\
title: Backend Developer
summary: You build APIs.
responsibilities:
  - {id: apis, text: Design APIs}
  - {id: debug, text: Debug production issues}
requirements:
  must:
    - {id: lang, text: Python}
competencies:
  - id: craft
    name: Backend craft
    expectations: {junior: Small changes with help., senior: Sets the bar.}
levels:
  - {id: junior, title: Junior, summary: You learn our systems.}
  - id: senior
    title: Senior
    drop: [debug]
    responsibilities:
      - {id: apis, text: Design APIs for other teams}
      - {id: mentor, text: Mentor others}
"""


def ladder(tmp_path: Path, show: str) -> Ladder:
    path = tmp_path / "backend.yaml"
    path.write_text(ROLE, encoding="utf8")
    family, junior, senior = (
        resolve_role(str(path), level, roles_dir=str(tmp_path), markup="text").role
        for level in (None, "junior", "senior"))
    assert family and junior and senior
    return build_ladder(family, [junior, senior], show)


def test_added_shows_what_each_level_changes(tmp_path: Path) -> None:
    junior, senior = ladder(tmp_path, "added").columns
    assert junior.baseline
    assert [(c.kind, c.item.text) for c in junior.responsibilities] == [
        ("same", "Design APIs"), ("same", "Debug production issues")]
    assert [(c.kind, c.item.text) for c in senior.responsibilities] == [
        ("changed", "Design APIs for other teams"), ("new", "Mentor others"),
        ("dropped", "Debug production issues")]
    assert senior.must == ()  # nothing new
    # each level's own summary; the family's is not a level's, and a level's is not inherited
    assert (junior.summary, senior.summary) == ("You learn our systems.", None)


def test_full_shows_each_level_whole(tmp_path: Path) -> None:
    _, senior = ladder(tmp_path, "full").columns
    assert [(c.kind, c.item.text) for c in senior.responsibilities] == [
        ("changed", "Design APIs for other teams"), ("new", "Mentor others")]
    assert [c.item.text for c in senior.must] == ["Python"]
    assert senior.summary is None


def test_a_level_shows_the_familys_summary_then_its_own(tmp_path: Path) -> None:
    path = tmp_path / "backend.yaml"
    path.write_text(ROLE, encoding="utf8")
    junior, senior = (resolve_role(str(path), level, roles_dir=str(tmp_path),
                                   markup="text").role for level in ("junior", "senior"))
    assert junior and senior
    assert (junior.summary, junior.level_summary) == ("You build APIs.",
                                                      "You learn our systems.")
    assert (senior.summary, senior.level_summary) == ("You build APIs.", None)
    assert junior.origins["level_summary"] == (str(path), 14)


def test_the_matrix_has_a_row_per_competency_with_expectations(tmp_path: Path) -> None:
    (row,) = ladder(tmp_path, "added").matrix
    assert (row.competency.id, row.texts) == ("craft", ("Small changes with help.",
                                                        "Sets the bar."))


def test_ladder_option_errors(project: Project) -> None:
    project.write("roles/backend.yaml", ROLE)
    project.write("index.rst", "Ladder\n======\n\n.. jobladder:: backend\n"
                  "   :levels: junior, seniour\n   :show: all\n")
    project.build()
    assert project.warnings == [
        "src/index.rst:4: WARNING: :show: 'all' is not one of added, full; using 'added' "
        "[jobdesc.option]",
        "src/index.rst:4: WARNING: :levels: role 'backend' has no level 'seniour'; did you mean "
        "'senior'? (levels: junior, senior) [jobdesc.option]",
    ]
    assert "Design APIs" in project.output("index.html")


def test_a_role_without_levels(project: Project) -> None:
    project.write("roles/backend.yaml", ROLE.split("levels:")[0].replace(
        "    expectations: {junior: Small changes with help., senior: Sets the bar.}\n", ""))
    project.write("index.rst", "Ladder\n======\n\n.. jobladder:: backend\n")
    project.build()
    assert project.warnings == [
        "src/index.rst:4: WARNING: role 'backend' has no levels to show [jobdesc.empty]"]


def test_expectations_for_an_unknown_level(project: Project) -> None:
    project.write("roles/backend.yaml", ROLE.replace("senior: Sets the bar.",
                                                     "seniour: Sets the bar."))
    project.write("index.rst", "Ladder\n======\n\n.. jobladder:: backend\n")
    project.build()
    assert project.warnings == [
        "src/roles/backend.yaml:10: WARNING: the expectations of competency 'craft' name unknown "
        "level 'seniour'; did you mean 'senior'? (used in index.rst:4) [jobdesc.ref]"]


def test_a_broken_role_file_is_left_out_of_the_catalogue_with_a_warning(
    project: Project,
) -> None:
    project.write("roles/backend.yaml", ROLE)
    project.write("roles/broken.yaml", "title: [unclosed\n")
    project.write("index.rst", "Roles\n=====\n\n.. jobcatalog::\n")
    project.build()
    assert project.warnings == [
        "src/roles/broken.yaml:2: WARNING: YAML syntax error: while parsing a flow sequence "
        "did not find expected ',' or ']' (column 1); the role is left out of the catalogue "
        "(used in "
        "index.rst:4) [jobdesc.yaml]",
    ]
    assert "Backend Developer" in project.output("index.html")
