"""The machine export: ``-b jobdesc``, HTML builds with ``jobdesc_export``, and
``sphinx-jobdesc export`` write the same data, in the documented shape."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import jsonschema
import pytest
from conftest import Project, sphinx_build
from docutils import nodes

from sphinx_jobdesc.core.model import Role

REPO = Path(__file__).parents[1]
EXAMPLE = REPO / "example_docs"
SCHEMA = json.loads((REPO / "sphinx_jobdesc" / "schema" / "export.schema.json").read_text())
COMMAND = Path(sys.executable).parent / "sphinx-jobdesc"


def validate(data: object) -> None:
    jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(
        data)


@pytest.fixture(scope="module")
def example_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export")
    assert sphinx_build("-q", "-W", "-b", "jobdesc", EXAMPLE, out).status == 0
    return out


def test_the_builder_exports_every_role_and_level(example_export: Path) -> None:
    data = json.loads((example_export / "jobdesc.json").read_text())
    validate(data)
    assert (data["version"], data["audience"]) == (1, "internal")
    assert [role["id"] for role in data["roles"]] == [
        "backend-developer", "engineering-manager", "frontend-developer"]
    backend = data["roles"][0]
    assert [view["level"] for view in backend["views"]] == [
        None, "middle", "middle-plus", "senior"]
    senior = backend["views"][3]
    assert senior["title"] == "Senior Backend Developer"
    assert senior["page"] == "careers/backend-senior.html#job-backend-developer-senior"
    assert senior["compensation"]["min"] == 82000
    assert "Mentor middle developers" in json.dumps(senior["responsibilities"])
    assert senior["interview"]["stages"][0]["questions"]  # internal: the whole guide


def test_the_schema_describes_every_field_of_the_model() -> None:
    view = set(SCHEMA["$defs"]["view"]["properties"])
    exported = {f.name for f in fields(Role)} - {"origin", "origins", "levels", "level"}
    assert view == exported | {"level", "page"}


def test_the_command_line_exports_the_same(example_export: Path, tmp_path: Path) -> None:
    result = subprocess.run([str(COMMAND), "export", "-c", "."], cwd=EXAMPLE,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    from_cli = json.loads(result.stdout)
    validate(from_cli)
    from_build = json.loads((example_export / "jobdesc.json").read_text())
    for data in (from_cli, from_build):  # the command line does not know the pages
        for role in data["roles"]:
            role["page"] = None
            for view in role["views"]:
                view["page"] = None
    assert from_cli == from_build
    out = tmp_path / "gh.json"
    result = subprocess.run([str(COMMAND), "export", "--format", "greenhouse", "--audience",
                             "public", "-o", str(out), "roles"], cwd=EXAMPLE,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    greenhouse = json.loads(out.read_text())
    assert greenhouse["audience"] == "public"
    assert all(not stage["interviews"][0]["interview_kit"]["questions"]
               for job in greenhouse["jobs"] for stage in job["job_stages"])


def test_html_builds_can_write_the_export(project: Project) -> None:
    project.write("conf.py", 'extensions = ["sphinx_jobdesc"]\njobdesc_export = True\n')
    project.write("roles/backend.yaml", "title: Backend Developer\nsummary: APIs, with the "
                  "team.\nresponsibilities: [Design APIs]\nrequirements:\n  must: [Python]\n")
    project.write("index.rst", "Job\n===\n\n.. jobdescription:: backend\n")
    project.build()
    data = json.loads(project.output("jobdesc.json"))
    validate(data)
    assert data["roles"][0]["page"] == "index.html#job-backend"


def test_a_role_that_cannot_be_read_is_left_out_with_a_message(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text("title: Good\nsummary: Fine, with the team.\n"
                                        "responsibilities: [Work]\nrequirements:\n"
                                        "  must: [Skill]\n")
    (tmp_path / "bad.yaml").write_text("title: [unclosed\n")
    result = subprocess.run([str(COMMAND), "export", str(tmp_path)], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 1
    assert [role["id"] for role in json.loads(result.stdout)["roles"]] == ["good"]
    assert "bad.yaml:2: error: YAML syntax error" in result.stderr
    assert "the role is left out [jobdesc.yaml]" in result.stderr


LEVELS = ("middle", "middle-plus", "senior")


@pytest.fixture(scope="module")
def rendered_plans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Plan]]:
    """Level -> (stage title, question texts) as the built interview guide shows them."""
    from sphinx.testing.util import SphinxTestApp

    src = tmp_path_factory.mktemp("guides")
    shutil.copytree(EXAMPLE / "roles", src / "roles")
    (src / "conf.py").write_text('extensions = ["sphinx_jobdesc"]\njobdesc_checks = []\n')
    for level in LEVELS:
        (src / f"{level}.rst").write_text(
            f":orphan:\n\n.. interviewguide:: backend-developer\n   :level: {level}\n")
    (src / "index.rst").write_text("Guides\n======\n")
    app = SphinxTestApp("html", srcdir=src)
    app.build()
    app.cleanup()
    return {level: _plan(app.env.get_doctree(level)) for level in LEVELS}


Plan = tuple[str, list[str]]


def _plan(doctree: nodes.document) -> list[Plan]:
    plans = []
    for section in doctree.findall(nodes.section):
        if any(name.startswith("jobdesc-stage-") for name in section["classes"]):
            questions = [" ".join(box.astext().split()) for box in section.findall(
                nodes.container) if "jobdesc-question" in box["classes"]]
            plans.append((section[0].astext(), questions))
    return plans


def test_exports_hold_each_levels_stages_and_questions(
    example_export: Path, rendered_plans: dict[str, list[Plan]]
) -> None:
    """As the level's rendered guide shows them: a senior-only stage or question is not
    in the middle job (the example has both), and stages and questions keep their levels."""
    data = json.loads((example_export / "jobdesc.json").read_text())
    jobs = {job["requisition_id"]: job
            for job in json.loads((example_export / "greenhouse.json").read_text())["jobs"]}
    backend = data["roles"][0]
    plans = {}
    assert [view["level"] for view in backend["views"][1:]] == list(LEVELS)
    for view in backend["views"][1:]:
        level = view["level"]
        expected = rendered_plans[level]
        exported = [(stage["title"], [q["text"] for q in stage["questions"]])
                    for stage in view["interview"]["stages"]]
        greenhouse = [(stage["name"], [q["question"] for q in stage["interviews"][0][
            "interview_kit"]["questions"]]) for stage in jobs[f"backend-developer:{level}"][
            "job_stages"]]
        assert exported == expected == greenhouse, level
        plans[level] = expected
    assert sum(len(q) for _, q in plans["middle"]) < sum(len(q) for _, q in plans["senior"])
    family = backend["views"][0]["interview"]["stages"]
    assert {tuple(stage["levels"]) for stage in family} >= {("middle-plus", "senior")}
    assert any(q["levels"] == ["senior"] for stage in family for q in stage["questions"])
