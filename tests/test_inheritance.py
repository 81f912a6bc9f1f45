"""The one merge rule of role-format.md, for ``extends`` between files and for levels."""

from __future__ import annotations

from pathlib import Path

import pytest

from sphinx_jobdesc.core.files import validated_file
from sphinx_jobdesc.core.loader import load_file
from sphinx_jobdesc.core.resolve import Resolution, resolve_role

FAMILY = """\
title: Backend Developer
summary: Builds APIs.
employment_type: [FULL_TIME]
compensation: {currency: EUR, period: YEAR, min: 50000, max: 60000}
responsibilities:
  - {id: apis, text: Design APIs}
  - {id: debug, text: Debug production issues}
  - Write tests
requirements:
  must:
    - {id: lang, text: Python or Java, competencies: [craft]}
competencies:
  - {id: craft, name: Backend craft}
"""


@pytest.fixture
def roles(tmp_path: Path) -> Path:
    folder = tmp_path / "roles"
    folder.mkdir()
    return folder


def resolve(roles: Path, text: str, level: str | None = None, name: str = "role") -> Resolution:
    (roles / f"{name}.yaml").write_text(text, encoding="utf8")
    return resolve_role(str(roles / f"{name}.yaml"), level, roles_dir=str(roles), markup="text")


def texts(items: tuple) -> list[str]:
    return [item.text for item in items]


def test_same_id_replaces_in_place_and_keeps_other_fields(roles: Path) -> None:
    role = resolve(roles, FAMILY + "levels:\n  - id: senior\n    requirements:\n      must:\n"
                   "        - {id: lang, text: Deep Python}\n", "senior").role
    assert role is not None
    assert texts(role.requirements.must) == ["Deep Python"]
    assert role.requirements.must[0].competencies == ("craft",)


def test_new_ids_and_items_without_id_append(roles: Path) -> None:
    role = resolve(roles, FAMILY + "levels:\n  - id: senior\n    responsibilities:\n"
                   "      - {id: mentor, text: Mentor}\n      - Review designs\n", "senior").role
    assert role is not None
    assert texts(role.responsibilities) == ["Design APIs", "Debug production issues",
                                            "Write tests", "Mentor", "Review designs"]


def test_levels_are_cumulative(roles: Path) -> None:
    text = FAMILY + """\
levels:
  - {id: middle, responsibilities: [{id: review, text: Review code}]}
  - {id: middle-plus, responsibilities: [{id: own, text: Own a service}]}
  - {id: senior, responsibilities: [{id: mentor, text: Mentor}]}
"""
    role = resolve(roles, text, "senior").role
    assert role is not None
    assert texts(role.responsibilities)[-3:] == ["Review code", "Own a service", "Mentor"]


def test_extends_null_starts_from_the_family(roles: Path) -> None:
    text = FAMILY + """\
levels:
  - {id: middle, responsibilities: [{id: review, text: Review code}]}
  - {id: lead, extends: null, responsibilities: [{id: hire, text: Hire}]}
"""
    role = resolve(roles, text, "lead").role
    assert role is not None
    assert "Review code" not in texts(role.responsibilities)
    assert "Hire" in texts(role.responsibilities)


def test_a_level_can_extend_a_named_level(roles: Path) -> None:
    text = FAMILY + """\
levels:
  - {id: middle, responsibilities: [{id: review, text: Review code}]}
  - {id: middle-plus, responsibilities: [{id: own, text: Own a service}]}
  - {id: architect, extends: middle, responsibilities: [{id: design, text: Design systems}]}
"""
    role = resolve(roles, text, "architect").role
    assert role is not None
    assert texts(role.responsibilities)[-2:] == ["Review code", "Design systems"]


def test_drop_removes_an_inherited_item(roles: Path) -> None:
    role = resolve(roles, FAMILY + "levels:\n  - {id: senior, drop: [debug]}\n", "senior").role
    assert role is not None
    assert texts(role.responsibilities) == ["Design APIs", "Write tests"]


def test_drop_does_not_change_the_cached_family(roles: Path) -> None:
    text = FAMILY + "levels:\n  - {id: middle}\n  - {id: senior, drop: [debug]}\n"
    resolve(roles, text, "senior")
    role = resolve(roles, text, "middle").role
    assert role is not None
    assert "Debug production issues" in texts(role.responsibilities)


def test_scalars_override_and_mappings_merge(roles: Path) -> None:
    role = resolve(roles, FAMILY + "levels:\n  - id: senior\n    title: Senior Backend Developer"
                   "\n    compensation: {min: 80000, max: 95000}\n", "senior").role
    assert role is not None
    assert role.title == "Senior Backend Developer"
    assert role.compensation is not None
    assert (role.compensation.currency, role.compensation.min, role.compensation.max) == (
        "EUR", 80000, 95000)


def test_value_lists_override(roles: Path) -> None:
    role = resolve(roles, FAMILY + "levels:\n  - {id: intern, employment_type: [INTERN]}\n",
                   "intern").role
    assert role is not None
    assert role.employment_type == ("INTERN",)


def test_salary_ranges_per_level(roles: Path) -> None:
    text = FAMILY.replace("min: 50000, max: 60000", "ranges: [{level: senior, min: 80000, "
                          "max: 99000}, {level: middle, min: 55000, max: 70000}]")
    text += "levels:\n  - {id: middle}\n  - {id: senior}\n"
    senior = resolve(roles, text, "senior").role
    family = resolve(roles, text).role
    assert senior is not None and senior.compensation is not None
    assert (senior.compensation.min, senior.compensation.max) == (80000, 99000)
    assert family is not None and family.compensation is not None
    assert (family.compensation.min, family.compensation.max) == (55000, 99000)


def test_extends_chains_through_files_next_to_each_other(roles: Path) -> None:
    (roles / "_company.yaml").write_text("about: We are Acme.\nbenefits:\n"
                                         "  - {id: gym, text: Gym}\n")
    (roles / "_engineering.yaml").write_text("extends: _company\nbenefits:\n"
                                             "  - {id: books, text: Books}\n")
    resolution = resolve(roles, "extends: _engineering\n" + FAMILY)
    assert resolution.role is not None
    assert resolution.role.about == "We are Acme."
    assert texts(resolution.role.benefits) == ["Gym", "Books"]
    assert [Path(f).name for f in resolution.files] == [
        "role.yaml", "_engineering.yaml", "_company.yaml"]


def test_the_file_id_is_not_inherited(roles: Path) -> None:
    (roles / "_company.yaml").write_text("id: _company\nabout: We are Acme.\n")
    role = resolve(roles, "extends: _company\n" + FAMILY, name="backend").role
    assert role is not None
    assert role.id == "backend"


def test_level_cycle_is_reported(roles: Path) -> None:
    text = FAMILY + "levels:\n  - {id: a, extends: b}\n  - {id: b, extends: a}\n"
    resolution = resolve(roles, text, "a")
    assert [p.message for p in resolution.problems] == [
        "levels extend each other in a cycle: a -> b -> a"]
    assert resolution.role is not None


def test_hiring_process_is_derived_from_the_stages_for_the_level(roles: Path) -> None:
    text = FAMILY + """\
interview:
  stages:
    - {id: screen, title: Screen, duration_minutes: 30, questions: [{id: q, text: Secret?}]}
    - {id: design, title: System design, duration_minutes: 60, levels: [senior]}
levels:
  - {id: middle}
  - {id: senior}
"""
    middle = resolve(roles, text, "middle").role
    senior = resolve(roles, text, "senior").role
    assert middle is not None and senior is not None
    assert [(s.text, s.duration_minutes) for s in middle.hiring_process] == [("Screen", 30)]
    assert [s.text for s in senior.hiring_process] == ["Screen", "System design"]


def test_yaml_1_2_scalars_keep_country_codes_as_text(roles: Path) -> None:
    path = roles / "r.yaml"
    path.write_text("location: {applicant_countries: [NO, DE]}\non: yes\n")
    data = load_file(str(path)).data
    assert data is not None
    assert data["location"]["applicant_countries"] == ["NO", "DE"]
    assert data["on"] == "yes"


def test_each_file_is_parsed_once_while_unchanged(roles: Path) -> None:
    path = roles / "r.yaml"
    path.write_text(FAMILY)
    first = validated_file(str(path), "text")
    assert validated_file(str(path), "text") is first
    path.write_text(FAMILY + "team: Platform\n")
    assert validated_file(str(path), "text") is not first


def test_drop_applies_to_inherited_items_only(roles: Path) -> None:
    (roles / "_company.yaml").write_text("benefits:\n  - {id: gym, text: Gym}\n")
    role = resolve(roles, "extends: _company\n" + FAMILY + "drop: [gym]\nbenefits:\n"
                   "  - {id: gym, text: Climbing gym}\n").role
    assert role is not None
    assert texts(role.benefits) == ["Climbing gym"]


INTERVIEW = """\
interview:
  stages:
    - id: tech
      title: Technical
      duration_minutes: 60
      focus: [craft]
      questions:
        - {id: servers, text: Web servers?, competencies: [craft], duration_minutes: 15}
        - {id: tests, text: Testing?, competencies: [craft]}
"""


def test_levels_merge_stages_and_questions_by_id(roles: Path) -> None:
    text = FAMILY + INTERVIEW + """\
levels:
  - id: senior
    interview:
      stages:
        - id: tech
          duration_minutes: 75
          questions:
            - {id: servers, text: Web servers at scale?}
            - {id: design, text: Design a cache., competencies: [craft]}
"""
    role = resolve(roles, text, "senior").role
    assert role is not None and role.interview is not None
    (stage,) = role.interview.stages
    assert (stage.title, stage.duration_minutes) == ("Technical", 75)
    assert [q.text for q in stage.questions] == ["Web servers at scale?", "Testing?",
                                                 "Design a cache."]
    assert stage.questions[0].duration_minutes == 15  # kept from the inherited question


def test_extends_merges_interview_content_from_a_shared_file(roles: Path) -> None:
    (roles / "_interviews.yaml").write_text(
        "competencies:\n  - {id: values, name: Values}\n"
        "interview:\n  stages:\n    - {id: values, title: Team and values, "
        "duration_minutes: 45, focus: [values]}\n")
    role = resolve(roles, "extends: _interviews\n" + FAMILY + INTERVIEW).role
    assert role is not None and role.interview is not None
    assert [s.id for s in role.interview.stages] == ["values", "tech"]
