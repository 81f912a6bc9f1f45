"""Each snippet, written in reStructuredText and in MyST, gives the same doctree.

The snippets under ``tests/snippets/{rst,myst}`` render the role files in
``tests/snippets/roles``. Both syntaxes are compared with one snapshot file per
case in ``tests/snapshots/``, so RST/MyST parity is checked by construction.
Regenerate after an intended change with ``pytest --force-regen`` and review
the diff like code.
"""

from __future__ import annotations

import pytest
from conftest import SNIPPETS, Project, copy_snippet_roles

SNAPSHOTS = SNIPPETS.parent / "snapshots"
CASES = sorted(path.stem for path in (SNIPPETS / "rst").glob("*.txt"))


def test_every_case_has_a_myst_twin() -> None:
    assert sorted(path.stem for path in (SNIPPETS / "myst").glob("*.txt")) == CASES


@pytest.mark.parametrize("syntax", ["rst", "myst"])
@pytest.mark.parametrize("case", CASES)
def test_snippet(project: Project, case: str, syntax: str, file_regression) -> None:
    project.write("conf.py", 'extensions = ["myst_parser", "sphinx_design", "sphinx_jobdesc"]\n'
                             'jobdesc_layout = "plain"\n')
    copy_snippet_roles(project)
    body = (SNIPPETS / syntax / f"{case}.txt").read_text("utf8")
    if syntax == "rst":
        project.write("index.rst", f"Careers\n=======\n\nBefore.\n\n{body}")
    else:
        project.write("index.md", f"# Careers\n\nBefore.\n\n{body}")
    project.build()
    assert project.warnings == []
    file_regression.check(project.doctree_xml(), fullpath=SNAPSHOTS / f"snippet_{case}.xml")
