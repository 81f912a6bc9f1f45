"""The documented anchors exist in every layout and heading mode.

``#backend-developer-senior-must``, ``...-interview-stage-technical`` and
``...-interview-question-schema`` are links people paste into chat and
tickets: they must not disappear because a page uses the design layout (where
stages are tabs and requirements are cards) or rubrics instead of sections.
"""

from __future__ import annotations

import re

import pytest
from conftest import Project, copy_snippet_roles

PAGE = """\
Careers
=======

.. jobdescription:: backend-developer
   :level: senior
   :layout: {layout}
{heading}
.. interviewguide:: backend-developer
   :level: senior
   :layout: {layout}
{heading}"""

JOB = "backend-developer-senior"
GUIDE = f"{JOB}-interview"
EXPECTED = [f"{JOB}-{part}" for part in ("responsibilities", "requirements", "must", "nice")] + [
    f"{GUIDE}-stage-{stage}" for stage in ("screen", "technical", "design")] + [
    f"{GUIDE}-question-{question}" for question in ("motivation", "web-servers", "schema")]


@pytest.mark.parametrize(("layout", "heading"), [
    ("plain", "section"), ("plain", "rubric"), ("design", "section"), ("design", "rubric")])
def test_every_documented_anchor_exists(project: Project, layout: str, heading: str) -> None:
    copy_snippet_roles(project)
    project.write("conf.py", 'extensions = ["sphinx_design", "sphinx_jobdesc"]\n')
    option = f"   :heading: {heading}\n"
    project.write("index.rst", PAGE.format(layout=layout, heading=option))
    project.build()
    assert project.warnings == []
    ids = set(re.findall(r'\bid="([^"]+)"', project.output("index.html")))
    assert [anchor for anchor in EXPECTED if anchor not in ids] == []
