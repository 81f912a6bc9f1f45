"""The checks in a Sphinx build: warnings at the role file's line, on every page that
renders the role, controlled by ``jobdesc_*`` settings and ``suppress_warnings``."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Project
from sphinx.cmd.build import build_main

#: The messy job description this project grew from (shared/seeds), as it was given to us.
SEED = Path(__file__).parent / "fixtures" / "seed-job-description.txt"

ROLE = """\
title: Backend Developer
summary: You build the APIs of our scheduling platform, with the team.
responsibilities: [Design APIs]
requirements:
  must:
    - {id: lang, text: Python or Java, competencies: [craft]}
    - {id: db, text: Relational databases}
benefits: [Free beer on Fridays]
competencies:
  - {id: craft, name: Backend craft}
interview:
  stages:
    - id: technical
      title: Technical interview
      duration_minutes: 20
      focus: [craft]
      questions:
        - id: servers
          text: How does a request reach us?
          competencies: [craft]
          duration_minutes: 10
"""
PAGE = "Careers\n=======\n\n.. jobdescription:: backend\n"
COVERAGE = ("src/roles/backend.yaml:7: WARNING: must-have 'db' names no competency, so no "
            "interview question can assess it (add 'competencies: [...]') (used in index.rst:4) "
            "[jobdesc.coverage]")
BEER = ('src/roles/backend.yaml:8: WARNING: "beer": perks such as beer or ping-pong stand in '
        "for real benefits and suggest a narrow culture; list real benefits (pay, leave, "
        "learning budget, flexible hours, health care) [hollow-benefits] (used in index.rst:4) "
        "[jobdesc.lint]")


def build(project: Project, conf: str = "") -> list[str]:
    project.write("conf.py", 'extensions = ["sphinx_jobdesc"]\n' + conf)
    project.write("roles/backend.yaml", ROLE)
    project.write("index.rst", PAGE)
    project.build()
    return project.warnings


def test_problems_are_warnings_at_the_role_files_lines(project: Project) -> None:
    assert build(project) == [COVERAGE, BEER]  # in the order of the file
    assert "Free beer on Fridays" in project.output("index.html")  # the page still renders


def test_a_problem_is_one_warning_naming_each_page_that_uses_it(project: Project) -> None:
    project.write("guide.rst", ":orphan:\n\nGuide\n=====\n\n.. interviewguide:: backend\n")
    warnings = build(project)
    both = "guide.rst:6, index.rst:4"
    assert warnings == [COVERAGE.replace("index.rst:4", both), BEER.replace("index.rst:4", both)]


def test_jobdesc_checks_turns_checks_off(project: Project) -> None:
    assert build(project, 'jobdesc_checks = ["lint"]\n') == [BEER]
    assert build(project, "jobdesc_checks = []\n") == []


def test_suppress_warnings_silences_a_subtype(project: Project) -> None:
    assert build(project, 'suppress_warnings = ["jobdesc.lint"]\n') == [COVERAGE]


def test_lint_allow_and_rule_settings(project: Project) -> None:
    assert build(project, 'jobdesc_lint_allow = ["free beer"]\n') == [COVERAGE]
    assert build(project, 'jobdesc_lint_rules = {"hollow-benefits": "off"}\n') == [COVERAGE]


def test_invalid_lint_settings_are_reported(project: Project) -> None:
    warnings = build(project, 'jobdesc_lint_rules = {"hollow-benefit": "off"}\n')
    assert warnings[0] == (
        "WARNING: invalid value {'hollow-benefit': 'off'} for 'jobdesc_lint_rules': expected a "
        "dict of lint rule ids to 'off', 'info', 'notice', 'warning' or 'error'; using {} "
        "[jobdesc.config]")
    assert warnings[1:] == [COVERAGE, BEER]


def test_the_seed_document_as_a_summary_has_findings(project: Project) -> None:
    seed = SEED.read_text(encoding="utf8")
    summary = "summary: |\n" + "".join(f"  {line}\n" if line.strip() else "\n"
                                       for line in seed.splitlines())
    project.write("roles/backend.yaml", ROLE.replace(
        "summary: You build the APIs of our scheduling platform, with the team.\n", summary))
    project.write("index.rst", PAGE)
    project.build()
    line = 2 + next(n for n, text in enumerate(seed.splitlines(), start=1) if "fanatic" in text)
    assert (f'src/roles/backend.yaml:{line}: WARNING: "fanatic": gimmick titles such as "ninja" '
            'or "fanatic" devalue the work and put off experienced applicants; name the job '
            '("backend developer") and say what the person will do [hyperbolic-title] '
            "(used in index.rst:4) [jobdesc.lint]") in project.warnings


def test_a_lint_finding_fails_a_build_with_W(project: Project, tmp_path: Path) -> None:
    project.write("conf.py", 'extensions = ["sphinx_jobdesc"]\njobdesc_checks = ["lint"]\n')
    project.write("roles/backend.yaml", ROLE)
    project.write("index.rst", PAGE)
    assert build_main(["-W", "-q", "-b", "html", str(project.src), str(tmp_path / "out")]) != 0
    project.write("roles/backend.yaml", ROLE.replace("Free beer on Fridays", "30 days of leave"))
    assert build_main(["-W", "-q", "-E", "-b", "html", str(project.src),
                       str(tmp_path / "out")]) == 0


GOOD = ROLE.replace("    - {id: db, text: Relational databases}\n", "").replace(
    "benefits: [Free beer on Fridays]\n", "benefits: [30 days of leave]\n")


@pytest.mark.parametrize(("change", "expected"), [
    (("duration_minutes: 10\n", "duration_minutes: 12\n"), None),
    (("duration_minutes: 10\n", "duration_minutes: 25\n"),
     "src/roles/backend.yaml:12: WARNING: the questions of stage 'technical' take 25 min, more "
     "than its 20 min (used in index.rst:4) [jobdesc.time_budget]"),
    (("interview:\n", "interview:\n  require_anchors: true\n"),
     "src/roles/backend.yaml:18: WARNING: question 'servers' has no anchor for rating '1', '2', "
     "'3', '4' (neither its own nor its competencies') (used in index.rst:4) [jobdesc.anchors]"),
    (("title: Backend Developer\n", "title: Backend Developer\nlocation: {type: remote}\n"),
     "src/roles/backend.yaml:2: WARNING: a fully remote role must name 'applicant_countries' "
     "(where applicants may live); search engines reject remote postings without them (used in "
     "index.rst:4) [jobdesc.posting]"),
    (("title: Backend Developer\n", "title: Backend Developer\nreviewed: 2001-02-03\n"),
     "src/roles/backend.yaml:2: WARNING: role 'backend' was last reviewed on 2001-02-03, more "
     "than 365 days ago (jobdesc_stale_after_days); review it and update 'reviewed' (used in "
     "index.rst:4) [jobdesc.staleness]"),
    (("duration_minutes: 10\n", "duration_minutes: 5\n"),
     "src/roles/backend.yaml:12: WARNING: the questions of stage 'technical' take 5 min, less "
     "than half its 20 min; add questions or shorten the stage (used in index.rst:4) "
     "[jobdesc.time_budget]"),
    (("          duration_minutes: 10\n", ""),
     "src/roles/backend.yaml:17: WARNING: question 'servers' has no 'duration_minutes', so the "
     "time budget of stage 'technical' (20 min) cannot count it (used in index.rst:4) "
     "[jobdesc.time_budget]"),
    (("interview:\n", "interview:\n  require_anchors: question\n"),
     "src/roles/backend.yaml:18: WARNING: question 'servers' has no anchor for rating '1', '2', "
     "'3', '4' of its own (require_anchors: question; its competencies' do not count) (used in "
     "index.rst:4) [jobdesc.anchors]"),
    (("title: Backend Developer\n", "title: Backend Developer\nbar: {craft: 3, crafts: 2}\n"),
     "src/roles/backend.yaml:2: WARNING: the bar names unknown competency 'crafts'; did you "
     "mean 'craft'? (used in index.rst:4) [jobdesc.ref]"),
    (("interview:\n", "interview:\n  scoring: {weights: {craf: 2}}\n"),
     "src/roles/backend.yaml:10: WARNING: interview.scoring.weights names unknown competency "
     "'craf'; did you mean 'craft'? (used in index.rst:4) [jobdesc.ref]"),
    (("title: Backend Developer\n", "title: Backend Developer\nlocation: {type: onsite, places: "
      "[{locality: Berlin, country: DE}]}\nposting: {date_posted: 2026-11-01, "
      "hiring_organization: {name: Acme}}\n"),
     "src/roles/backend.yaml:3: WARNING: 'posting' has no 'valid_through': search engines keep "
     "showing a posting without an end date after the job is filled (used in index.rst:4) "
     "[jobdesc.posting]"),
], ids=["clean", "time_budget", "anchors", "posting", "staleness", "half_full", "untimed_question",
        "question_anchors", "bar_ref", "weights_ref", "valid_through"])
def test_each_check_warns_at_its_line(
    project: Project, change: tuple[str, str], expected: str | None
) -> None:
    role = GOOD.replace(*change)
    assert role != GOOD
    project.write("roles/backend.yaml", role)
    project.write("index.rst", PAGE)
    project.build()
    assert project.warnings == ([expected] if expected else [])
    assert "Design APIs" in project.output("index.html")


def test_information_is_a_message_not_a_warning(project: Project) -> None:
    """A feminine-coded job ad is information: logged at its line, never a warning, so
    ``-W`` builds pass."""
    feminine = ROLE.replace("with the team.", "supporting and collaborating with the team.")
    project.write("conf.py", 'extensions = ["sphinx_jobdesc"]\njobdesc_checks = ["lint"]\n'
                  'jobdesc_lint_allow = ["free beer"]\n')
    project.write("roles/backend.yaml", feminine)
    project.write("index.rst", PAGE)
    project.build()
    assert project.warnings == []
    assert ("src/roles/backend.yaml:2: 'Backend Developer' reads feminine-coded: no "
            "masculine-coded words against 2 feminine-coded words (supporting, collaborating); "
            "for information only") in project.status.replace(str(project.src) + "/", "src/")
