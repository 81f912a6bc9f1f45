"""The checks on a merged role: coverage, time budget, anchors, posting data, staleness.

Each test writes a small role file, resolves it for a level with the checks on,
and compares the problems as ``line: subtype: message`` strings. A clean role
(``GOOD``) passes every check, so each test adds exactly one defect to it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

import pytest

from sphinx_jobdesc.core.checks import CHECKS, CheckSettings
from sphinx_jobdesc.core.resolve import resolve_role

TODAY = datetime.date(2026, 11, 28)
SETTINGS = CheckSettings(today=TODAY)

GOOD = """\
title: Backend Developer
summary: Builds and runs the APIs of our scheduling platform with the team.
reviewed: 2026-10-01
location: {type: hybrid, places: [{locality: Berlin, country: DE}]}
compensation: {currency: EUR, period: YEAR, min: 60000, max: 80000}
responsibilities: [Design APIs]
requirements:
  must:
    - {id: lang, text: Python or Java, competencies: [craft]}
    - {id: db, text: Relational databases, competencies: [data]}
competencies:
  - id: craft
    name: Backend craft
    anchors: {1: Weak., 2: Mixed., 3: Good., 4: Excellent.}
  - {id: data, name: Data modelling}
levels:
  - {id: middle, title: Middle Backend Developer}
  - {id: senior, title: Senior Backend Developer}
interview:
  stages:
    - id: screen
      title: Screen
      duration_minutes: 30
      focus: [craft]
      questions:
        - {id: servers, text: How do requests arrive?, competencies: [craft], duration_minutes: 20}
    - id: technical
      title: Technical
      duration_minutes: 60
      focus: [data]
      questions:
        - id: schema
          text: Design the tables for appointments.
          competencies: [data]
          duration_minutes: 30
          anchors: {1: None., 2: Some., 3: Good., 4: Excellent.}
"""


WriteRole = Callable[..., str]


@pytest.fixture
def role_file(tmp_path: Path) -> WriteRole:
    """Write a role file into a temporary folder; its path."""
    def write(text: str, name: str = "backend") -> str:
        path = tmp_path / f"{name}.yaml"
        path.write_text(text, encoding="utf8")
        return str(path)
    return write


def problems(path: str, level: str | None = "middle", settings: CheckSettings = SETTINGS,
             subtype: str | None = None) -> list[str]:
    resolution = resolve_role(path, level, roles_dir=str(Path(path).parent), markup="text",
                              checks=settings)
    return [f"{p.origin[1] if p.origin else '-'}: {p.subtype}: {p.message}"
            for p in resolution.problems if subtype is None or p.subtype == subtype]


def test_the_good_role_passes_every_check(role_file: WriteRole) -> None:
    path = role_file(GOOD)
    settings = CheckSettings(today=TODAY, require_anchors=True, require_salary=True)
    for level in (None, "middle", "senior"):
        assert problems(path, level, settings) == []


# --- coverage ------------------------------------------------------------------------------


def test_must_have_not_assessed_at_the_level(role_file: WriteRole) -> None:
    path = role_file(GOOD.replace("      focus: [data]\n", "      focus: [data]\n"
                                  "      levels: [senior]\n"))
    assert problems(path, "middle") == [
        "10: coverage: must-have 'db' is not assessed by any interview question at level "
        "'middle' (it names 'data')",
    ]
    assert problems(path, "senior") == []


def test_must_have_without_competency(role_file: WriteRole) -> None:
    path = role_file(GOOD.replace(", competencies: [data]}", "}"))
    assert problems(path) == [
        "10: coverage: must-have 'db' names no competency, so no interview question can "
        "assess it (add 'competencies: [...]')",
    ]


def test_question_outside_its_stage_focus(role_file: WriteRole) -> None:
    path = role_file(GOOD.replace("competencies: [craft], duration_minutes: 20",
                                  "competencies: [craft, data], duration_minutes: 20"))
    assert problems(path) == [
        "26: coverage: question 'servers' assesses 'data', not in the focus of stage 'screen' "
        "('craft')",
    ]


def test_question_without_competency(role_file: WriteRole) -> None:
    path = role_file(GOOD + "        - {id: colour, text: Favourite colour?, "
                     "duration_minutes: 5}\n")
    assert problems(path) == ["37: coverage: question 'colour' assesses no competency"]


def test_stage_without_focus(role_file: WriteRole) -> None:
    path = role_file(GOOD.replace("      focus: [craft]\n", ""))
    assert problems(path) == [
        "21: coverage: stage 'screen' has no focus, so its scorecard rates nothing (its "
        "questions assess 'craft')",
    ]


def test_competency_no_question_assesses(role_file: WriteRole) -> None:
    path = role_file(GOOD.replace("  - {id: data, name: Data modelling}\n",
                                  "  - {id: data, name: Data modelling}\n"
                                  "  - {id: sql, name: SQL}\n"))
    assert problems(path) == [
        "16: coverage: competency 'sql' is not assessed by any interview question",
    ]


def test_competency_in_every_stage_focus(role_file: WriteRole) -> None:
    path = role_file(GOOD.replace("      focus: [data]\n", "      focus: [data, craft]\n"))
    resolution = resolve_role(path, "middle", roles_dir="", markup="text", checks=SETTINGS)
    (problem,) = resolution.problems
    assert problem.severity == "notice"
    assert problem.message.startswith("competency 'craft' is in the focus of every stage at "
                                      "level 'middle'")


def test_a_role_without_interview_has_no_coverage_problems(role_file: WriteRole) -> None:
    path = role_file(GOOD.split("interview:")[0])
    assert problems(path, subtype="coverage") == []


# --- time budget ---------------------------------------------------------------------------


def test_questions_longer_than_their_stage(role_file: WriteRole) -> None:
    path = role_file(GOOD.replace("duration_minutes: 20", "duration_minutes: 35"))
    assert problems(path) == [
        "21: time_budget: the questions of stage 'screen' take 35 min, "
        "more than its 30 min",
    ]


def test_time_tolerance(role_file: WriteRole) -> None:
    path = role_file(GOOD.replace("duration_minutes: 20", "duration_minutes: 35"))
    assert problems(path, settings=CheckSettings(today=TODAY, time_tolerance=5)) == []
    assert problems(path, settings=CheckSettings(today=TODAY, time_tolerance=4)) == [
        "21: time_budget: the questions of stage 'screen' take 35 min, "
        "more than its 30 min plus a tolerance of 4 min",
    ]


def test_time_budget_counts_only_the_levels_questions(role_file: WriteRole) -> None:
    extra = ("        - {id: scale, text: Scale it., competencies: [data], duration_minutes: 40,"
             " levels: [senior]}\n")
    path = role_file(GOOD + extra)
    assert problems(path, "middle") == []
    assert problems(path, "senior") == [
        "27: time_budget: the questions of stage 'technical' at level 'senior' take 70 min, "
        "more than its 60 min",
    ]


@pytest.mark.parametrize(("change", "expected"), [
    # a question a timed stage cannot count
    (("duration_minutes: 20}", "}"),
     "26: time_budget: question 'servers' has no 'duration_minutes', so the time budget of "
     "stage 'screen' (30 min) cannot count it"),
    # a stage filled to less than half its time
    (("duration_minutes: 20}", "duration_minutes: 10}"),
     "21: time_budget: the questions of stage 'screen' take 10 min, less than half its 30 min; "
     "add questions or shorten the stage"),
    # a stage with questions and no time of its own
    (("      duration_minutes: 30\n      focus: [craft]", "      focus: [craft]"),
     "21: time_budget: stage 'screen' has questions but no 'duration_minutes', so its time "
     "budget is never checked"),
])
def test_durations_that_leave_the_budget_unchecked(
        role_file: WriteRole, change: tuple[str, str], expected: str) -> None:
    path = role_file(GOOD.replace(*change))
    assert problems(path, subtype="time_budget") == [expected]


def test_half_full_is_a_notice_and_untimed_questions_a_warning(role_file: WriteRole) -> None:
    half = resolve_role(role_file(GOOD.replace("duration_minutes: 20}", "duration_minutes: 10}")),
                        "middle", roles_dir=".", markup="text", checks=SETTINGS)
    untimed = resolve_role(role_file(GOOD.replace("duration_minutes: 20}", "}"), "untimed"),
                           "middle", roles_dir=".", markup="text", checks=SETTINGS)
    assert [p.severity for p in half.problems if p.subtype == "time_budget"] == ["notice"]
    assert [p.severity for p in untimed.problems if p.subtype == "time_budget"] == ["warning"]


# --- anchors -------------------------------------------------------------------------------


def test_anchors_are_checked_only_when_required(role_file: WriteRole) -> None:
    path = role_file(GOOD.replace("anchors: {1: None., 2: Some., 3: Good., 4: Excellent.}",
                                  "anchors: {1: None., 4: Excellent.}"))
    assert problems(path) == []
    expected = ["32: anchors: question 'schema' has no anchor for rating '2', '3' (neither its "
                "own nor its competencies')"]
    assert problems(path, settings=CheckSettings(today=TODAY, require_anchors=True)) == expected
    in_file = role_file(Path(path).read_text().replace("interview:\n",
                                                        "interview:\n  require_anchors: true\n"))
    assert [line.replace("32:", "33:", 1) for line in expected] == problems(in_file)


def test_competency_anchors_count_for_its_questions(role_file: WriteRole) -> None:
    path = role_file(GOOD)  # 'servers' has no anchors of its own; 'craft' has all four
    assert problems(path, settings=CheckSettings(today=TODAY, require_anchors=True)) == []


def test_question_anchors_can_be_required(role_file: WriteRole) -> None:
    """``require_anchors: question``: each question its own anchors; a competency's
    anchors (the same table for every question) no longer count."""
    path = role_file(GOOD.replace("interview:\n", "interview:\n  require_anchors: question\n"))
    assert problems(path, subtype="anchors") == [
        "27: anchors: question 'servers' has no anchor for rating '1', '2', '3', '4' of its own "
        "(require_anchors: question; its competencies' do not count)"]
    settings = CheckSettings(today=TODAY, require_anchors="question")
    assert len(problems(role_file(GOOD, "other"), settings=settings, subtype="anchors")) == 1


# --- posting -------------------------------------------------------------------------------


def test_salary_required(role_file: WriteRole) -> None:
    path = role_file(GOOD.replace("compensation: {currency: EUR, period: YEAR, min: 60000, "
                                  "max: 80000}\n", ""))
    assert problems(path) == []
    assert problems(path, settings=CheckSettings(today=TODAY, require_salary=True)) == [
        "1: posting: role 'backend' at level 'middle' has no salary range (min and max); "
        "pay-transparency laws in many places require one in every posting "
        "(jobdesc_require_salary)",
    ]


def test_min_above_max(role_file: WriteRole) -> None:
    path = role_file(GOOD.replace("min: 60000, max: 80000", "min: 90000, max: 80000"))
    assert problems(path) == [
        "5: posting: salary range of role 'backend' at level 'middle': min 90000 is more than "
        "max 80000",
    ]


def test_level_ranges_are_checked_at_their_line(role_file: WriteRole) -> None:
    path = role_file(GOOD.replace(
        "compensation: {currency: EUR, period: YEAR, min: 60000, max: 80000}\n",
        "compensation:\n  currency: EUR\n  ranges:\n"
        "    - {level: middle, min: 60000, max: 70000}\n"
        "    - {level: senior, min: 90000, max: 85000}\n"))
    assert problems(path, "middle") == []
    assert problems(path, "senior") == [
        "9: posting: salary range of role 'backend' at level 'senior': min 90000 is more than "
        "max 85000",
    ]


def test_currency_must_be_iso_4217(role_file: WriteRole) -> None:
    path = role_file(GOOD.replace("currency: EUR", "currency: EUD"))
    assert problems(path) == [
        "5: posting: 'EUD' is not an ISO 4217 currency people are paid in (such as EUR, USD, "
        "GBP)",
    ]


def test_period_and_employment_type_follow_schema_org(role_file: WriteRole) -> None:
    path = role_file(GOOD.replace("period: YEAR", "period: ANNUAL")
                     + "employment_type: [FULLTIME]\n")
    assert problems(path) == [
        "5: schema: compensation.period: 'ANNUAL' is not one of: HOUR, DAY, WEEK, MONTH, YEAR",
        "37: schema: employment_type[0]: 'FULLTIME' is not one of: FULL_TIME, PART_TIME, "
        "CONTRACTOR, TEMPORARY, INTERN, VOLUNTEER, PER_DIEM, OTHER; did you mean 'FULL_TIME'?",
    ]


def test_remote_roles_name_applicant_countries(role_file: WriteRole) -> None:
    remote = GOOD.replace("location: {type: hybrid, places: [{locality: Berlin, country: DE}]}",
                          "location: {type: remote}")
    assert problems(role_file(remote)) == [
        "4: posting: a fully remote role must name 'applicant_countries' (where applicants may "
        "live); search engines reject remote postings without them",
    ]
    fixed = remote.replace("{type: remote}", "{type: remote, applicant_countries: [DE, AT]}")
    assert problems(role_file(fixed)) == []


def test_posting_needs_the_required_jobposting_properties(role_file: WriteRole) -> None:
    path = role_file(GOOD + "posting: {apply_url: 'https://example.com/apply'}\n")
    assert problems(path) == [
        "37: posting: 'posting' has no 'valid_through': search engines keep showing a posting "
        "without an end date after the job is filled",
        "37: posting: 'posting' has no 'date_posted', which a JobPosting requires",
        "37: posting: 'posting' names no 'hiring_organization' (with a 'name'), which a "
        "JobPosting requires",
    ]
    complete = role_file(GOOD + "posting:\n  date_posted: 2026-11-01\n"
                         "  valid_through: 2026-12-31\n  hiring_organization: {name: Acme}\n")
    assert problems(complete) == []


def test_a_posting_without_an_end_date_is_a_notice(role_file: WriteRole) -> None:
    path = role_file(GOOD + "posting:\n  date_posted: 2026-11-01\n"
                     "  hiring_organization: {name: Acme}\n")
    resolution = resolve_role(path, "middle", roles_dir=str(Path(path).parent), markup="text",
                              checks=SETTINGS)
    (notice,) = [p for p in resolution.problems if "valid_through" in p.message]
    assert notice.severity == "notice"


# --- staleness -----------------------------------------------------------------------------


def test_reviewed_too_long_ago(role_file: WriteRole) -> None:
    path = role_file(GOOD.replace("reviewed: 2026-10-01", "reviewed: 2025-11-27"))
    assert problems(path) == [
        "3: staleness: role 'backend' at level 'middle' was last reviewed on 2025-11-27, more "
        "than 365 days ago (jobdesc_stale_after_days); review it and update 'reviewed'",
    ]
    assert problems(role_file(GOOD.replace("reviewed: 2026-10-01", "reviewed: 2025-11-28"))) == []
    never = CheckSettings(today=TODAY, stale_after_days=0)
    assert problems(path, settings=never) == []


def test_posting_past_its_end_date(role_file: WriteRole) -> None:
    posting = ("posting:\n  date_posted: 2026-09-01\n  valid_through: {}\n"
               "  hiring_organization: {{name: Acme}}\n")
    expired = role_file(GOOD + posting.format("2026-11-27"))
    assert problems(expired) == [
        "37: staleness: the posting of role 'backend' at level 'middle' expired on 2026-11-27 "
        "(posting.valid_through); remove the posting or extend the date",
    ]
    assert problems(role_file(GOOD + posting.format("2026-11-28"))) == []


# --- turning checks off --------------------------------------------------------------------


def test_each_check_can_be_turned_off(role_file: WriteRole) -> None:
    broken = (GOOD.replace("duration_minutes: 20", "duration_minutes: 35")
              .replace("reviewed: 2026-10-01", "reviewed: 2020-01-01")
              .replace("min: 60000", "min: 90000")
              .replace(", competencies: [data]}", "}")
              .replace("Design APIs", "Design APIs, etc."))
    path = role_file(broken)
    found = {p.split(": ")[1] for p in problems(path)}
    assert found == {"coverage", "time_budget", "posting", "staleness", "lint"}
    for check in found:
        rest = CheckSettings(today=TODAY, enabled=frozenset(CHECKS) - {check})
        assert {p.split(": ")[1] for p in problems(path, settings=rest)} == found - {check}


def test_reference_errors_are_reported_even_with_every_check_off(role_file: WriteRole) -> None:
    path = role_file(GOOD.replace("focus: [craft]", "focus: [crafts]"))
    none = CheckSettings(today=TODAY, enabled=frozenset())
    assert problems(path, settings=none) == [
        "21: ref: stage 'screen' focus names unknown competency 'crafts'; did you mean 'craft'?",
    ]


# --- the hiring bar ------------------------------------------------------------------------

BAR = GOOD.replace("  - {id: senior, title: Senior Backend Developer}",
                   "  - id: senior\n    title: Senior Backend Developer\n"
                   "    bar: {craft: 3, data: 4}")


def test_a_bar_is_merged_into_its_level(role_file: WriteRole) -> None:
    path = role_file(BAR.replace("levels:\n", "bar: {craft: 2}\nlevels:\n"))
    senior = resolve_role(path, "senior", roles_dir=".", markup="text", checks=SETTINGS).role
    middle = resolve_role(path, "middle", roles_dir=".", markup="text", checks=SETTINGS).role
    assert senior is not None and middle is not None
    assert (dict(middle.bar), dict(senior.bar)) == ({"craft": 2}, {"craft": 3, "data": 4})
    assert problems(path, "senior") == []


@pytest.mark.parametrize(("bar", "expected"), [
    ("{craft: 3, date: 4}",
     "20: ref: the bar names unknown competency 'date'; did you mean 'data'?"),
    ("{craft: 3, data: 5}", "20: ref: the bar names unknown rating '5'"),
])
def test_a_bar_names_known_competencies_and_ratings(role_file: WriteRole, bar: str,
                                                    expected: str) -> None:
    path = role_file(BAR.replace("{craft: 3, data: 4}", bar))
    assert problems(path, "senior", subtype="ref") == [expected]


def test_a_bar_for_a_competency_no_stage_rates(role_file: WriteRole) -> None:
    path = role_file(BAR.replace("      focus: [data]\n", "      focus: [craft]\n").replace(
        "competencies: [data]\n          duration", "competencies: [craft]\n          duration"))
    assert problems(path, "senior", subtype="coverage")[-1] == (
        "20: coverage: the bar asks for 4 in competency 'data' at level 'senior', but no stage "
        "at this level rates it (none has it in its focus)")


# --- structure: scoring weights, the candidate's questions ---------------------------------


def test_scoring_weights_name_known_competencies(role_file: WriteRole) -> None:
    path = role_file(GOOD.replace("interview:\n",
                                  "interview:\n  scoring: {weights: {crafts: 2}}\n"))
    assert problems(path, subtype="ref") == [
        "19: ref: interview.scoring.weights names unknown competency 'crafts'; did you mean "
        "'craft'?"]


def test_the_candidates_questions_count_in_the_time_budget(role_file: WriteRole) -> None:
    path = role_file(GOOD.replace("      duration_minutes: 30\n      focus: [craft]",
                                  "      duration_minutes: 30\n      focus: [craft]\n"
                                  "      candidate_questions_minutes: 15"))
    assert problems(path, subtype="time_budget") == [
        "21: time_budget: the questions of stage 'screen' take 35 min, more than its 30 min"]
