"""One problem, one warning per build: a typo in a role file that six pages use is
reported once, at the role file's line, naming every page; in serial, parallel
and incremental builds alike."""

from __future__ import annotations

import pytest
from conftest import Project, copy_snippet_roles

PAGES = {
    "family": ".. jobdescription:: backend-developer\n",
    "middle": ".. jobdescription:: backend-developer\n   :level: middle\n",
    "senior": ".. jobdescription:: backend-developer\n   :level: senior\n",
    "guide": ".. interviewguide:: backend-developer\n   :level: senior\n",
    "ladder": ".. jobladder:: backend-developer\n",
    "catalog": ".. jobcatalog::\n",
}
TYPO = "src/roles/backend-developer.yaml:5: WARNING: unknown key 'teem'; did you mean 'team'?"
USED_IN = ("(used in catalog.rst:6, family.rst:6, guide.rst:6, ladder.rst:6, middle.rst:6 "
           "and 1 more) [jobdesc.schema]")


@pytest.fixture
def handbook(project: Project) -> Project:
    copy_snippet_roles(project)
    path = project.src / "roles" / "backend-developer.yaml"
    path.write_text(path.read_text("utf8").replace("team: Platform", "teem: Platform"), "utf8")
    for name, body in PAGES.items():
        project.write(f"{name}.rst", f":orphan:\n\nPage\n====\n\n{body}")  # directive: line 6
    project.write("index.rst", "Index\n=====\n")
    return project


def typo_warnings(project: Project) -> list[str]:
    return [line for line in project.warnings if "teem" in line]


def test_a_typo_used_on_six_pages_is_one_warning(handbook: Project) -> None:
    handbook.build()
    assert typo_warnings(handbook) == [f"{TYPO} {USED_IN}"]


def test_a_parallel_build_reports_it_once_too(handbook: Project) -> None:
    handbook.build(parallel=2)
    assert typo_warnings(handbook) == [f"{TYPO} {USED_IN}"]


def test_an_incremental_build_reports_it_when_a_page_that_uses_it_is_read(
    handbook: Project,
) -> None:
    handbook.build()
    handbook.build()  # nothing changed: nothing read, nothing reported
    assert typo_warnings(handbook) == []
    handbook.touch_later("guide.rst")
    handbook.build()  # one page read: the problem again, naming every page
    assert typo_warnings(handbook) == [f"{TYPO} {USED_IN}"]
