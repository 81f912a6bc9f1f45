"""One source, two audiences: a public build carries nothing an interviewer or the
company keeps to itself, in any output file of any builder."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any, cast, get_args, get_type_hints

import pytest
from conftest import Project

from sphinx_jobdesc.core import model
from sphinx_jobdesc.core.audience import PUBLIC_FIELDS
from sphinx_jobdesc.core.export import _data
from sphinx_jobdesc.core.model import Role
from sphinx_jobdesc.outdir import AudienceBoundaryError

ROLE = """\
title: Backend Developer
summary: You build the APIs of our scheduling platform, with the team.
employment_type: [FULL_TIME]
location: {type: hybrid, places: [{locality: Berlin, country: DE}]}
compensation: {currency: EUR, period: YEAR, min: 60000, max: 80000}
posting: {date_posted: 2026-11-01, valid_through: 2030-12-31, hiring_organization: {name: Acme}}
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
      duration_minutes: 30
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
    plan = json.loads(handbook.output("greenhouse.json"))["jobs"][0]["job_stages"]
    kit = plan[0]["interviews"][0]["interview_kit"]
    assert (kit["questions"], kit["content"]) == ([], "<h5>Purpose</h5><p>We talk about "
                                                  "how you build services.</p>")


# --- the audience boundary on disk ---------------------------------------------------------


def test_a_public_build_refuses_a_folder_that_holds_an_internal_build(handbook: Project
                                                                      ) -> None:
    handbook.write("staff.rst", "Staff only\n==========\n\nInternal page.\n")
    handbook.write("conf.py", 'extensions = ["sphinx_jobdesc"]\nproject = "Handbook"\n'
                   'if tags.has("public"):\n    exclude_patterns = ["staff.rst"]\n')
    handbook.build("html")
    outdir = handbook.src / "_build" / "html"
    assert (outdir / "staff.html").exists()
    assert (outdir / ".jobdesc-audience").read_text() == "internal\n"
    with pytest.raises(AudienceBoundaryError) as raised:
        handbook.build("html", tags=["public"])
    assert str(raised.value) == (
        f"the output folder {outdir} holds an internal build (.jobdesc-audience says so), and a "
        "public build would leave its internal pages in place. Build into another folder, "
        "delete this one, or set jobdesc_clean_outdir = True to empty it first.")
    assert (outdir / "staff.html").exists()  # nothing was written or removed


def test_clean_outdir_empties_the_folder_first(handbook: Project) -> None:
    handbook.write("staff.rst", "Staff only\n==========\n\nInternal page.\n")
    handbook.write("conf.py", 'extensions = ["sphinx_jobdesc"]\nproject = "Handbook"\n'
                   "jobdesc_clean_outdir = True\n"
                   'if tags.has("public"):\n    exclude_patterns = ["staff.rst"]\n')
    handbook.build("html")
    outdir = handbook.src / "_build" / "html"
    handbook.build("html", tags=["public"])
    assert not (outdir / "staff.html").exists()
    assert (outdir / "job.html").exists()
    assert (outdir / ".jobdesc-audience").read_text() == "public\n"
    assert [secret for secret in SECRETS if any(
        secret.encode() in path.read_bytes() for path in outdir.rglob("*") if path.is_file())
    ] == []
    # and back: an internal build may always overwrite a public one
    handbook.build("html")
    assert (outdir / "staff.html").exists()


def test_cleaning_keeps_sources_inside_the_output_folder(tmp_path: Path) -> None:
    from sphinx_jobdesc.outdir import _empty

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.rst").write_text("x")
    (tmp_path / "page.html").write_text("x")
    (tmp_path / "_static").mkdir()
    _empty(tmp_path, keep=(tmp_path / "docs",))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs"]


# --- what a public export may hold ----------------------------------------------------------


def _exported_fields(cls: type, value: Any, path: str) -> list[str]:
    """Every exported field of *value* (an instance of *cls* as JSON) that is not public and
    does not hold its default; recursing into public fields of model types."""
    found = []
    hints = get_type_hints(cls)
    for field in dataclasses.fields(cls):
        if field.name not in value:  # origin, levels...: not exported
            continue
        exported = value[field.name]
        if field.name not in PUBLIC_FIELDS[cls]:
            default = field.default if field.default is not dataclasses.MISSING else (
                field.default_factory())  # type: ignore[misc]
            expected = json.loads(json.dumps(_data(default)))
            if (exported or None) != (expected or None):  # () is exported as [] or {}
                found.append(f"{path}.{field.name}")
            continue
        inner = _model_type(hints[field.name])
        if inner is not None and exported is not None:
            entries = (enumerate(exported) if isinstance(exported, list)
                       else [("", exported)])
            for index, entry in entries:
                if isinstance(entry, dict):  # "level" is exported as its id
                    where = f"{path}.{field.name}" + (f"[{index}]" if index != "" else "")
                    found += _exported_fields(inner, entry, where)
    return found


def _model_type(hint: Any) -> type | None:
    """The model dataclass a field holds (alone, optional or in a tuple), if any."""
    for candidate in (hint, *get_args(hint), *(a for h in get_args(hint) for a in get_args(h))):
        if candidate in PUBLIC_FIELDS:
            return cast(type, candidate)
    return None


def test_every_model_type_is_in_the_public_table() -> None:
    types = {cls for cls in vars(model).values()
             if dataclasses.is_dataclass(cls) and isinstance(cls, type)
             and cls.__module__ == model.__name__}
    assert types == set(PUBLIC_FIELDS)


def test_a_public_export_holds_public_fields_only(handbook: Project) -> None:
    handbook.write("roles/backend.yaml", ROLE + "owners: [Priya]\nreviewed: 2026-11-01\n")
    handbook.build("jobdesc", tags=["public"])
    data = json.loads(handbook.output("jobdesc.json"))
    views = [view for role in data["roles"] for view in role["views"]]
    assert len(views) == 2
    assert [leak for view in views for leak in _exported_fields(Role, view, "view")] == []
    assert "Priya" not in handbook.output("jobdesc.json")
    # the same check finds what an internal export holds (so it can fail)
    handbook.build("jobdesc")
    internal = json.loads(handbook.output("jobdesc.json"))["roles"][0]["views"][0]
    assert set(_exported_fields(Role, internal, "view")) >= {
        "view.owners", "view.reviewed", "view.competencies[0].anchors",
        "view.interview.stages[0].questions", "view.interview.stages[0].instructions"}
