"""``sphinx-jobdesc diff``: the roles' changes between git revisions, in the words of
the format. A real repository, one tagged commit per kind of edit, and the whole
output of each comparison."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from itertools import pairwise
from pathlib import Path

import jsonschema
import pytest
from cli_run import REPO, run
from git_handbook import FRONTEND, TAGS, git, make_repo

from sphinx_jobdesc.cli_diff import write_text
from sphinx_jobdesc.core.diff import diff_snapshots
from sphinx_jobdesc.core.snapshots import snapshot
from sphinx_jobdesc.core.views.history import summary

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_repo(tmp_path_factory.mktemp("handbook"))


def diff(repo: Path, *args: str) -> str:
    result = run("diff", *args, cwd=repo)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_reworded_item_a_salary_and_a_move_between_must_and_nice(repo: Path) -> None:
    assert diff(repo, "v1", "reworded") == """\
backend (Backend Developer): changed
  all levels:
    ~ responsibilities review: Review code {+and designs+}
    ~ requirements k8s moved: must: Kubernetes \u2192 nice: Kubernetes
  senior:
    ~ compensation changed: EUR 82,000\u201398,000 per year \u2192 EUR 85,000\u2013100,000 \
per year (+3.7 %, +2.0 %)
"""


def test_a_base_file_edit_shows_in_every_role_built_on_it(repo: Path) -> None:
    assert diff(repo, "reworded", "base") == """\
backend (Backend Developer): changed
  all levels:
    ~ benefits lunch: Free lunch [-on Fridays-] {+every day+}
frontend (Frontend Developer): changed
  all levels:
    ~ benefits lunch: Free lunch [-on Fridays-] {+every day+}
"""


def test_a_renamed_file_is_followed_by_its_role_id(repo: Path) -> None:
    assert diff(repo, "base", "renamed") == ""


def test_an_added_level_and_a_question_moved_and_retimed(repo: Path) -> None:
    assert diff(repo, "renamed", "interview") == """\
backend (Backend Developer): changed
  all levels:
    ~ question cache moved: tech \u2192 design
    ~ question cache retimed: 20 min \u2192 25 min
  lead:
    + level lead: Lead Backend Developer
"""


def test_a_must_have_no_question_assesses_any_more_is_called_out(repo: Path) -> None:
    assert diff(repo, "interview", "coverage") == """\
backend (Backend Developer): changed
  all levels:
    ~ competency coding anchors changed: 1: Cannot write the code; 4: Writes clear code \
\u2192 1: Cannot write the code; 4: Writes code others can change
    ~ question cache levels changed: all levels \u2192 senior, lead
    ~ question cache competencies changed: coding \u2192 none
    ! coverage python lost: no interview question assesses this must-have any more
"""
    assert run("diff", "--fail-on-coverage-loss", "interview", "coverage",
               cwd=repo).returncode == 1
    assert run("diff", "--fail-on-coverage-loss", "v1", "interview", cwd=repo).returncode == 0


def test_a_public_diff_leaves_out_the_interview(repo: Path) -> None:
    assert diff(repo, "level", "interview", "--audience", "public") == ""


def test_the_working_tree_is_the_default_head_and_a_path_limits_the_roles(repo: Path
                                                                          ) -> None:
    assert diff(repo, "v1") == diff(repo, "v1", "coverage")
    assert diff(repo, "v1", "roles/frontend.yaml") == """\
frontend (Frontend Developer): changed
  all levels:
    ~ benefits lunch: Free lunch [-on Fridays-] {+every day+}
"""


def test_three_dots_compare_with_the_merge_base(repo: Path) -> None:
    git(repo, "branch", "-f", "topic", "base")
    assert diff(repo, "topic...interview") == diff(repo, "base", "interview")


def test_markdown_is_a_pull_request_comment(repo: Path) -> None:
    base, head = (git(repo, "rev-parse", "--short=12", tag).strip() for tag in ("v1", "reworded"))
    assert diff(repo, "v1", "reworded", "--format", "markdown") == f"""\
#### Roles changed between `{base}` and `{head}`

<details><summary><b>Backend Developer</b> (<code>backend</code>): changed, 3 changes\
</summary>

**all levels**

- `~` responsibilities review: Review code **and designs**
- `~` requirements k8s moved: must: Kubernetes \u2192 nice: Kubernetes

**senior**

- `~` compensation changed: EUR 82,000\u201398,000 per year \u2192 EUR 85,000\u2013100,000 \
per year (+3.7 %, +2.0 %)

</details>

"""


def test_json_has_every_change_with_its_old_and_new_words(repo: Path) -> None:
    data = json.loads(diff(repo, "reworded", "base", "--format", "json"))
    assert data["version"] == 1
    assert [(role["role"], role["status"]) for role in data["roles"]] == [
        ("backend", "changed"), ("frontend", "changed")]
    assert data["roles"][1]["changes"] == [{
        "level": None, "area": "benefits", "kind": "reworded", "item": "lunch",
        "old": "Free lunch on Fridays", "new": "Free lunch every day", "note": None}]


def test_json_follows_its_shipped_schema(repo: Path) -> None:
    schema = json.loads((REPO / "sphinx_jobdesc" / "schema" / "diff.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    for base, head in [*pairwise(TAGS), (TAGS[0], TAGS[-1])]:
        jsonschema.validate(json.loads(diff(repo, base, head, "--format", "json")), schema)


def test_exit_code_says_whether_anything_changed(repo: Path) -> None:
    assert run("diff", "--exit-code", "v1", "reworded", cwd=repo).returncode == 1
    assert run("diff", "--exit-code", "base", "renamed", cwd=repo).returncode == 0


def test_an_unknown_revision_is_a_usage_error(repo: Path) -> None:
    result = run("diff", "no-such-tag", cwd=repo)
    assert result.returncode == 2
    assert "sphinx-jobdesc: error:" in result.stderr and "no-such-tag" in result.stderr


def test_outside_a_repository_says_so(tmp_path: Path) -> None:
    (tmp_path / "roles").mkdir()
    (tmp_path / "roles" / "frontend.yaml").write_text(FRONTEND)
    result = run("diff", "HEAD", cwd=tmp_path)
    assert result.returncode == 2
    assert "not a git repository" in result.stderr


def test_a_role_added_or_removed_is_one_line(repo: Path) -> None:
    now = snapshot(str(repo / "roles"), "text")
    without = {role: version for role, version in now.items() if role != "frontend"}
    assert [(d.role, d.title, d.status, d.changes) for d in diff_snapshots(without, now)] == [
        ("frontend", "Frontend Developer", "added", ())]
    assert [(d.role, d.status) for d in diff_snapshots(now, without)] == [
        ("frontend", "removed")]


def test_the_example_handbooks_markdown_diff_is_the_commands_output() -> None:
    """``example_docs/hiring/roles-diff.md`` (linked from the handbook) is what the command
    writes; regenerate it with ``sphinx-jobdesc diff --conf-dir . 81f0677 61d21a1 --format
    markdown > hiring/roles-diff.md`` in ``example_docs``."""
    example = REPO / "example_docs"
    if subprocess.run(["git", "-C", str(REPO), "cat-file", "-e", "81f0677^{commit}"],
                      capture_output=True).returncode != 0:
        pytest.skip("the example's commits are not in this clone (shallow, or no git)")
    result = run("diff", "--conf-dir", ".", "81f0677", "61d21a1", "--format", "markdown",
                 cwd=example)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (example / "hiring" / "roles-diff.md").read_text("utf8")


def test_no_roles_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = run("diff", "HEAD", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        2, "sphinx-jobdesc: error: no roles folder at roles\n")


HIRING = """\
id: backend
title: Backend Developer
summary: You build the services of our platform.
responsibilities: [Build APIs]
requirements:
  must: [{text: Python, competencies: [coding]}]
competencies:
  - {id: coding, name: Coding, calibration: Rate the code you saw.}
interview:
  scoring: {independent: true}
  stages:
    - id: tech
      title: Technical interview
      interviewers: Two engineers
      candidate_questions_minutes: 5
      questions:
        - id: cache
          text: How would you cache this page?
          competencies: [coding]
          anchors: {1: No cache, 4: A cache with invalidation}
levels:
  - id: senior
    title: Senior Backend Developer
    bar: {coding: 3}
"""
HIRING_EDITED = (
    HIRING.replace("calibration: Rate the code you saw.", "calibration: Rate what you saw.")
    .replace("{independent: true}", "{independent: true, weights: {coding: 2}}")
    .replace("interviewers: Two engineers",
             "interviewers: [{role: Engineer, count: 2}, Priya]\n"
             "      beforehand: [the CV]")
    .replace("candidate_questions_minutes: 5", "candidate_questions_minutes: 10")
    .replace("4: A cache with invalidation", "4: A cache that stays correct")
    .replace("{coding: 3}", "{coding: 4}"))


def test_the_hiring_bar_panel_scoring_and_anchors_are_compared(tmp_path: Path) -> None:
    snapshots = []
    for name, text in (("old", HIRING), ("new", HIRING_EDITED)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "backend.yaml").write_text(text)
        snapshots.append(snapshot(str(tmp_path / name), "text"))
    out = io.StringIO()
    diffs = diff_snapshots(*snapshots)
    write_text(diffs, out, colour=False)
    assert out.getvalue() == """\
backend (Backend Developer): changed
  senior:
    ~ competency coding calibration changed: Rate the code you saw. \u2192 Rate what you saw.
    ~ bar coding changed: 3 \u2192 4
    ~ scoring changed: independent \u2192 independent; weights coding 2
    ~ stage tech interviewers changed: Two engineers \u2192 2 \u00d7 Engineer, Priya
    + stage tech beforehand: the CV
    ~ stage tech candidate questions retimed: 5 min \u2192 10 min
    ~ question cache anchors changed: 1: No cache; 4: A cache with invalidation \u2192 1: No \
cache; 4: A cache that stays correct
"""
    assert summary(diffs[0].changes) == (
        "senior: scoring changed; 1 competency calibration changed; 1 hiring bar changed; "
        "1 stage interviewers changed; 1 stage beforehand added; 1 stage retimed; "
        "1 question anchors changed")
    assert diff_snapshots(*snapshots, public=True) == []
