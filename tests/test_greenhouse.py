"""``greenhouse.json``: each job in the names of Greenhouse's Harvest objects, with all
the interview guide says in its interview kits, per level, in the documented shape."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from sphinx_jobdesc.core.greenhouse import recommendation
from sphinx_jobdesc.core.model import RatingPoint

REPO = Path(__file__).parents[1]
EXAMPLE = REPO / "example_docs"
SCHEMA = json.loads((REPO / "sphinx_jobdesc" / "schema" / "greenhouse.schema.json").read_text())
COMMAND = Path(sys.executable).parent / "sphinx-jobdesc"

#: The fields of Greenhouse's Harvest objects (job stage, interview, interview kit,
#: kit question, default interviewer user, scorecard attribute), from its API reference.
HARVEST = {
    "job_stage": {"id", "name", "created_at", "updated_at", "job_id", "priority", "active",
                  "interviews"},
    "interview": {"id", "name", "schedulable", "estimated_minutes",
                  "default_interviewer_users", "interview_kit"},
    "interview_kit": {"id", "content", "questions"},
    "question": {"id", "question"},
    "user": {"id", "first_name", "last_name", "name", "employee_id"},
    "attribute": {"name", "type", "note", "rating"},
}
#: Greenhouse's overall recommendations.
RECOMMENDATIONS = {"definitely_not", "no", "mixed", "yes", "strong_yes", "no_decision"}


def export(*args: str) -> dict[str, Any]:
    result = subprocess.run([str(COMMAND), "export", "-c", ".", "--format", "greenhouse",
                             *args], cwd=EXAMPLE, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def jobs() -> dict[str, dict[str, Any]]:
    data = export()
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    return {job["requisition_id"]: job for job in data["jobs"]}


def test_a_job_per_level(jobs: dict[str, dict[str, Any]]) -> None:
    assert sorted(jobs) == ["backend-developer:middle", "backend-developer:middle-plus",
                            "backend-developer:senior", "engineering-manager",
                            "frontend-developer:middle", "frontend-developer:senior"]
    assert jobs["backend-developer:senior"]["name"] == "Senior Backend Developer"


def test_every_field_is_a_harvest_field(jobs: dict[str, dict[str, Any]]) -> None:
    for job in jobs.values():
        for attribute in job["scorecard_attributes"]:
            assert set(attribute) <= HARVEST["attribute"]
        for stage in job["job_stages"]:
            assert set(stage) <= HARVEST["job_stage"]
            for interview in stage["interviews"]:
                assert set(interview) <= HARVEST["interview"]
                assert set(interview["interview_kit"]) <= HARVEST["interview_kit"]
                for question in interview["interview_kit"]["questions"]:
                    assert set(question) <= HARVEST["question"]
                for user in interview["default_interviewer_users"]:
                    assert set(user) <= HARVEST["user"]
        assert {r["overall_recommendation"] for r in job["rating_scale"]} <= RECOMMENDATIONS


def kit(job: dict[str, Any], stage_name: str) -> str:
    (stage,) = [s for s in job["job_stages"] if s["name"] == stage_name]
    return str(stage["interviews"][0]["interview_kit"]["content"])


def test_the_kit_holds_what_the_guide_says_about_each_question(
        jobs: dict[str, dict[str, Any]]) -> None:
    technical = kit(jobs["backend-developer:senior"], "Technical interview")
    for expected in (
        "<h5>Question 1: Web servers</h5><p>How does a request reach our application",
        "<p>Type: technical | Duration: 15 min | Attributes: Web servers</p>",
        "<p><strong>Follow-up questions</strong></p><ul><li>Where would you terminate TLS, "
        "and why?</li>",
        "<p><strong>Red flags</strong></p><ul><li>Has never looked at a server configuration"
        "</li></ul>",
        "<li><strong>1 Strong no (definitely_not)</strong>: Cannot describe what sits between "
        "the browser and the application.</li>",
        "<h5>Attributes assessed in this interview</h5><ul><li><strong>Web servers</strong>: "
        "Understands the path of a request",
        "<h5>Interviewers</h5><p>2 \u00d7 Backend developer</p>",
        "<h5>Before the interview, interviewers see</h5><ul><li>The CV</li>",
        "<p><em>Candidate's questions: 5 min, after the last question</em></p>",
        "<h5>Calibration</h5><ul><li><strong>API design</strong>: Twice a year",
        "<p><em>Score on your own and submit your scorecard before the debrief",
    ):
        assert expected in technical, expected
    stage = next(s for s in jobs["backend-developer:senior"]["job_stages"]
                 if s["name"] == "Technical interview")
    # the panel of two, one hint each
    assert stage["interviews"][0]["default_interviewer_users"] == [
        {"name": "Backend developer"}, {"name": "Backend developer"}]
    assert stage["interviews"][0]["estimated_minutes"] == 60


def test_each_level_has_its_own_questions(jobs: dict[str, dict[str, Any]]) -> None:
    """A senior-only stage is in the senior job's plan and kit, not in the middle job's."""
    def stages(job: str) -> list[str]:
        return [stage["name"] for stage in jobs[job]["job_stages"]]
    assert "System design" in stages("backend-developer:senior")
    assert "System design" not in stages("backend-developer:middle")
    assert [s["priority"] for s in jobs["backend-developer:senior"]["job_stages"]] == list(
        range(len(stages("backend-developer:senior"))))


def test_attribute_types_come_from_the_competency_category(tmp_path: Path) -> None:
    roles = tmp_path / "roles"
    roles.mkdir()
    (roles / "backend.yaml").write_text(
        "title: Backend Developer\nsummary: APIs.\nresponsibilities: [Design APIs]\n"
        "requirements:\n  must: [Python]\ncompetencies:\n"
        "  - {id: craft, name: Backend craft}\n"
        "  - {id: degree, name: Work permit for the EU, category: Qualifications}\n",
        encoding="utf8")
    result = subprocess.run([str(COMMAND), "export", "--format", "greenhouse", "roles"],
                            cwd=tmp_path, capture_output=True, text=True, check=True)
    (job,) = json.loads(result.stdout)["jobs"]
    assert job["scorecard_attributes"] == [
        {"name": "Backend craft", "type": "Skills"},
        {"name": "Work permit for the EU", "type": "Qualifications"}]


@pytest.mark.parametrize(("values", "expected"), [
    ((1, 2, 3, 4), ["definitely_not", "no", "yes", "strong_yes"]),
    ((1, 2, 3, 4, 5), ["definitely_not", "no", "mixed", "yes", "strong_yes"]),
    ((1, 2, 3), ["definitely_not", "mixed", "strong_yes"]),
    ((0, 1), ["definitely_not", "strong_yes"]),
    ((1, 2, 3, 4, 5, 6), ["definitely_not", "no", "no", "yes", "yes", "strong_yes"]),
])
def test_the_rating_scale_maps_onto_greenhouses_recommendations(
        values: tuple[int, ...], expected: list[str]) -> None:
    scale = [RatingPoint(value, str(value)) for value in values]
    assert [recommendation(point, scale) for point in scale] == expected


def test_a_public_export_has_no_interview_content() -> None:
    data = export("--audience", "public")
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    text = json.dumps(data)
    assert "How does a request reach our application" not in text
    assert not re.search(r"Red flags|Rating anchors|What to look for", text)
