"""Each snippet, written in reStructuredText and in MyST, gives the same doctree.

The snippets under ``tests/snippets/{rst,myst}`` render the role files in
``tests/snippets/roles``. Both syntaxes are compared with one snapshot file per
case in ``tests/snapshots/``, so RST/MyST parity is checked by construction.
Regenerate after an intended change with ``pytest --force-regen`` and review
the diff like code.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
from conftest import SNIPPETS, Project, copy_snippet_roles

SNAPSHOTS = SNIPPETS.parent / "snapshots"
CASES = sorted(path.stem for path in (SNIPPETS / "rst").glob("*.txt"))


def test_every_case_has_a_myst_twin() -> None:
    assert sorted(path.stem for path in (SNIPPETS / "myst").glob("*.txt")) == CASES


#: The design snapshot holds sphinx-design's own nodes, which change between its versions.
DESIGN_SNAPSHOT_VERSION = (0, 8)


def build_snippet(project: Project, case: str, syntax: str, *,
                  prepare: Callable[[Project], None] | None = None, **build: Any) -> str:
    """The doctree of snippet *case*; *prepare* changes the project first."""
    project.write("conf.py", 'extensions = ["myst_parser", "sphinx_design", "sphinx_jobdesc"]\n'
                             'jobdesc_layout = "plain"\n')
    if prepare is not None:
        prepare(project)
    if not (project.src / "roles").exists():
        copy_snippet_roles(project)
    body = (SNIPPETS / syntax / f"{case}.txt").read_text("utf8")
    for old in project.src.glob("index.*"):
        old.unlink()
    if syntax == "rst":
        project.write("index.rst", f"Careers\n=======\n\nBefore.\n\n{body}")
    else:
        project.write("index.md", f"# Careers\n\nBefore.\n\n{body}")
    project.build(freshenv=True, **build)
    assert project.warnings == []
    return project.doctree_xml()


#: What the build says (with -vv) when a directive renders its template rather than
#: writing its nodes (tests/test_doctrees.py compares the two).
FALLBACK = "rendered from its template"


def snapshot(case: str) -> Path:
    return SNAPSHOTS / f"snippet_{case}.xml"


@pytest.mark.parametrize("syntax", ["rst", "myst"])
@pytest.mark.parametrize("case", CASES)
def test_snippet(project: Project, case: str, syntax: str, file_regression) -> None:
    if "design" in case and sphinx_design_version() != DESIGN_SNAPSHOT_VERSION:
        pytest.skip("snapshot recorded with another sphinx-design; see the parity test")
    doctree = build_snippet(project, case, syntax, verbosity=2)
    if "design" not in case:  # the shipped plain layouts are written as nodes
        has_writer = not case.startswith(("ladder", "catalog", "history"))  # parsed (yet)
        assert (FALLBACK not in project.status) == has_writer
    file_regression.check(doctree, fullpath=snapshot(case))


def test_design_layout_is_the_same_in_rst_and_myst(project: Project) -> None:
    """Parity for the design layout on whichever sphinx-design is installed."""
    assert build_snippet(project, "design", "rst") == build_snippet(project, "design", "myst")


def sphinx_design_version() -> tuple[int, int]:
    major, minor = version("sphinx-design").split(".")[:2]
    return int(major), int(minor)
