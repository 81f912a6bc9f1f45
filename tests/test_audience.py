"""One source, two audiences: a public build carries nothing an interviewer or the
company keeps to itself, in any output file of any builder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import Project

ROLE = """\
title: Backend Developer
summary: You build the APIs of our scheduling platform, with the team.
employment_type: [FULL_TIME]
location: {type: hybrid, places: [{locality: Berlin, country: DE}]}
compensation: {currency: EUR, period: YEAR, min: 60000, max: 80000}
posting: {date_posted: 2026-11-01, hiring_organization: {name: Acme}}
responsibilities:
  - Design APIs
  - {text: Prepare the quiet reorganisation of billing, visibility: internal}
requirements:
  must:
    - {id: lang, text: Python, competencies: [craft]}
benefits:
  - 30 days of leave
  - {text: A retention bonus for early staff, visibility: internal}
sections:
  - {id: plans, title: Plans we do not announce, body: Billing moves to a vendor in Q3.,
     visibility: internal}
faq:
  - {q: Is it remote?, a: Hybrid.}
  - {q: Why is the team smaller this year?, a: Budget cuts., visibility: internal}
competencies:
  - id: craft
    name: Backend craft
    anchors: {1: Weak answer A1, 2: Mixed answer A2, 3: Good answer A3, 4: Great answer A4}
levels:
  - {id: middle, title: Middle Backend Developer}
interview:
  stages:
    - id: technical
      title: Technical interview
      duration_minutes: 60
      interviewers: Priya and Tom
      purpose: We talk about how you build services.
      instructions: Score each answer before the debrief
      focus: [craft]
      questions:
        - id: servers
          text: How does a request reach our application?
          competencies: [craft]
          duration_minutes: 20
          follow_ups: [Where would you terminate TLS?]
          look_for: [Mentions a reverse proxy]
          red_flags: [Never configured a server]
          anchors: {1: No idea Q1, 2: Vague Q2, 3: Clear Q3, 4: Expert Q4}
"""
#: Everything a public build must never contain.
SECRETS = [
    "How does a request reach our application", "Where would you terminate TLS",
    "Mentions a reverse proxy", "Never configured a server", "No idea Q1", "Expert Q4",
    "Weak answer A1", "Great answer A4", "Score each answer before the debrief", "Priya and Tom",
    "quiet reorganisation", "retention bonus", "Plans we do not announce",
    "Billing moves to a vendor", "Why is the team smaller", "Budget cuts",
]
PAGES = {
    "index.rst": "Handbook\n========\n\n.. toctree::\n\n   job\n   guide\n   ladder\n"
                 "   catalog\n",
    "job.rst": "Job\n===\n\n.. jobdescription:: backend\n   :level: middle\n",
    "guide.rst": "Guide\n=====\n\n.. interviewguide:: backend\n   :audience: interviewer\n",
    "ladder.rst": "Ladder\n======\n\n.. jobladder:: backend\n",
    "catalog.rst": "Roles\n=====\n\n.. jobcatalog::\n",
}
BUILDERS = ["html", "singlehtml", "text", "latex", "jobdesc"]


@pytest.fixture
def handbook(project: Project) -> Project:
    project.write("conf.py", 'extensions = ["sphinx_jobdesc"]\nproject = "Handbook"\n'
                  "jobdesc_export = True\n")
    project.write("roles/backend.yaml", ROLE)
    for name, text in PAGES.items():
        project.write(name, text)
    return project


def build_files(project: Project) -> dict[Path, bytes]:
    """Every file the builds wrote (output and doctrees), as bytes."""
    return {path: path.read_bytes() for path in (project.src / "_build").rglob("*")
            if path.is_file()}


@pytest.mark.parametrize("builder", BUILDERS)
def test_a_public_build_leaks_nothing(handbook: Project, builder: str) -> None:
    handbook.build(builder, tags=["public"])
    assert handbook.warnings == []
    files = build_files(handbook)
    leaks = [(path.name, secret) for path, content in files.items() for secret in SECRETS
             if secret.encode() in content]
    assert leaks == []
    # ... while what candidates may read is there
    everything = b"".join(files.values())
    assert b"We talk about how you build services." in everything
    assert b"Design APIs" in everything


def test_an_internal_build_shows_everything(handbook: Project) -> None:
    handbook.build("html")
    everything = b"".join(build_files(handbook).values())
    assert [secret for secret in SECRETS if secret.encode() not in everything] == []


def test_the_audience_can_be_set_in_conf_py_or_with_D(handbook: Project) -> None:
    handbook.build("html", confoverrides={"jobdesc_audience": "public"})
    assert "How does a request reach" not in handbook.output("guide.html")
    handbook.write("conf.py", 'extensions = ["sphinx_jobdesc"]\njobdesc_audience = "public"\n')
    handbook.build("html")
    assert "How does a request reach" not in handbook.output("guide.html")
    assert "We talk about how you build services." in handbook.output("guide.html")


def test_public_exports_hold_the_candidate_view(handbook: Project) -> None:
    handbook.build("jobdesc", tags=["public"])
    data = json.loads(handbook.output("jobdesc.json"))
    assert data["audience"] == "public"
    (stage,) = data["roles"][0]["views"][1]["interview"]["stages"]
    assert (stage["title"], stage["questions"], stage["instructions"]) == (
        "Technical interview", [], None)
    plan = json.loads(handbook.output("greenhouse.json"))["jobs"][0]["interview_plan"]
    assert plan[0]["interviews"][0]["interview_kit"]["questions"] == []
