"""Bad input gives one typed, located warning per problem, and the rest still renders.

Every assertion compares whole warning lines: location, message and the
``[jobdesc.<subtype>]`` suffix that ``suppress_warnings`` uses.
"""

from __future__ import annotations

import pytest
from conftest import Project
from sphinx.cmd.build import build_main

MINIMAL = """\
title: Backend Developer
summary: Builds APIs.
responsibilities: [Write code]
requirements:
  must: [Python]
"""

PAGE = """\
Careers
=======

.. jobdescription:: {argument}{options}

Contact
=======

After the role.
"""


#: For tests of reference errors: without the interview checks (coverage and the
#: others have their own tests), which the deliberately broken roles would also trip.
REFERENCES_ONLY = 'extensions = ["sphinx_jobdesc"]\njobdesc_checks = []\n'


def page(argument: str = "backend", **options: str) -> str:
    lines = "".join(f"\n   :{name}: {value}" for name, value in options.items())
    return PAGE.format(argument=argument, options=lines)


def test_missing_role_id(project: Project) -> None:
    (project.src / "roles").mkdir()
    project.write("index.rst", page("nope"))
    project.build()
    assert project.warnings == [
        "src/index.rst:4: WARNING: no role file with id 'nope' in 'roles' (looked for nope.yaml, "
        ".yml or .json, and for an 'id: nope' line) [jobdesc.load]"
    ]
    assert "After the role." in project.output("index.html")


def test_missing_role_path(project: Project) -> None:
    project.write("index.rst", page("roles/nope.yaml"))
    project.build()
    assert project.warnings == [
        "src/roles/nope.yaml:1: WARNING: cannot read role file: No such file or directory "
        "(used in index.rst:4) [jobdesc.load]"
    ]


def test_yaml_syntax_error_points_at_the_yaml_line(project: Project) -> None:
    project.write("roles/backend.yaml", MINIMAL + "benefits: [a, b\nteam: x\n")
    project.write("index.rst", page())
    project.build()
    assert project.warnings == [
        "src/roles/backend.yaml:7: WARNING: YAML syntax error: while parsing a flow sequence "
        "did not find expected ',' or ']' (column 5) (used in index.rst:4) [jobdesc.yaml]"
    ]
    assert "After the role." in project.output("index.html")


def test_unknown_key_suggests_the_right_one(project: Project) -> None:
    project.write("roles/backend.yaml", MINIMAL + "benefts: [Gym]\n")
    project.write("index.rst", page())
    project.build()
    assert project.warnings == [
        "src/roles/backend.yaml:6: WARNING: unknown key 'benefts'; did you mean 'benefits'? "
        "(used in index.rst:4) [jobdesc.schema]"
    ]
    assert "Builds APIs." in project.output("index.html")


def test_wrong_type_drops_only_that_value(project: Project) -> None:
    project.write("roles/backend.yaml", MINIMAL.replace("[Write code]", "[Write code, 42]"))
    project.write("index.rst", page())
    project.build()
    assert project.warnings == [
        "src/roles/backend.yaml:3: WARNING: responsibilities[1]: expected text or a mapping, "
        "got a whole number (used in index.rst:4) [jobdesc.schema]"
    ]
    assert "Write code" in project.output("index.html")


def test_missing_required_field(project: Project) -> None:
    project.write("roles/backend.yaml", MINIMAL.replace("summary: Builds APIs.\n", ""))
    project.write("index.rst", page())
    project.build()
    assert project.warnings == [
        "src/roles/backend.yaml:1: WARNING: missing required key 'summary' in role 'backend' "
        "(used in index.rst:4) [jobdesc.schema]"
    ]
    assert "Write code" in project.output("index.html")


def test_bad_id(project: Project) -> None:
    project.write("roles/backend.yaml", MINIMAL + "benefits:\n  - {id: Gym_1, text: Gym}\n")
    project.write("index.rst", page())
    project.build()
    assert project.warnings == [
        "src/roles/backend.yaml:7: WARNING: benefits[0].id: 'Gym_1' is not a valid id (lowercase "
        "letters, digits and hyphens, starting with a letter) (used in index.rst:4) "
        "[jobdesc.schema]"
    ]


def test_unknown_level(project: Project) -> None:
    project.write("roles/backend.yaml", MINIMAL + "levels:\n  - {id: middle}\n  - {id: senior}\n")
    project.write("index.rst", page(level="junior"))
    project.build()
    assert project.warnings == [
        "src/index.rst:4: WARNING: role 'backend' has no level 'junior' (levels: middle, senior); "
        "the family is shown [jobdesc.level]"
    ]
    assert "Builds APIs." in project.output("index.html")


def test_extends_cycle(project: Project) -> None:
    project.write("roles/backend.yaml", "extends: _base\n" + MINIMAL)
    project.write("roles/_base.yaml", "extends: backend\nteam: Platform\n")
    project.write("index.rst", page())
    project.build()
    assert project.warnings == [
        "src/roles/_base.yaml:1: WARNING: extends cycle: backend -> _base -> backend; 'backend' "
        "is not inherited again (used in index.rst:4) [jobdesc.inherit]"
    ]
    assert "Platform" in project.output("index.html")


def test_unknown_extends(project: Project) -> None:
    project.write("roles/backend.yaml", "extends: _company\n" + MINIMAL)
    project.write("index.rst", page())
    project.build()
    assert project.warnings == [
        "src/roles/backend.yaml:1: WARNING: extends: no role file with id '_company' next to "
        "this file or in the roles folder (used in index.rst:4) [jobdesc.inherit]"
    ]


def test_drop_of_an_id_that_is_not_inherited(project: Project) -> None:
    project.write("roles/backend.yaml", MINIMAL + "drop: [gym]\n")
    project.write("index.rst", page())
    project.build()
    assert project.warnings == [
        "src/roles/backend.yaml:6: WARNING: drop: 'gym' is not the id of an inherited item "
        "(used in index.rst:4) [jobdesc.inherit]"
    ]


def test_duplicate_item_ids(project: Project) -> None:
    project.write("roles/backend.yaml", MINIMAL + "benefits:\n  - {id: gym, text: Gym}\n"
                  "  - {id: gym, text: Bikes}\n")
    project.write("index.rst", page())
    project.build()
    assert project.warnings == [
        "src/roles/backend.yaml:8: WARNING: benefits[1]: duplicate id 'gym' (first used on line "
        "7); this entry is left out (used in index.rst:4) [jobdesc.duplicate]"
    ]
    html = project.output("index.html")
    assert "Gym" in html
    assert "Bikes" not in html


def test_duplicate_yaml_key(project: Project) -> None:
    project.write("roles/backend.yaml", MINIMAL + "team: A\nteam: B\n")
    project.write("index.rst", page())
    project.build()
    assert project.warnings == [
        "src/roles/backend.yaml:7: WARNING: duplicate key 'team' (first written on line 6); the "
        "last value is used (used in index.rst:4) [jobdesc.yaml]"
    ]


def test_rendering_a_base_role_is_refused(project: Project) -> None:
    project.write("roles/_company.yaml", "about: We are Acme.\n")
    project.write("index.rst", page("_company"))
    project.build()
    assert project.warnings == [
        "src/roles/_company.yaml:1: WARNING: '_company' is a base role (its id starts with '_'): "
        "other roles extend it, it cannot be rendered (used in index.rst:4) [jobdesc.load]"
    ]


def test_plain_text_directive_is_shown_literally(project: Project) -> None:
    injected = MINIMAL.replace("summary: Builds APIs.",
                               'summary: "Hi\\n\\n.. raw:: html\\n\\n   <script>x</script>"')
    project.write("roles/backend.yaml", injected)
    project.write("index.rst", page())
    project.build()
    assert project.warnings == [
        "src/roles/backend.yaml:2: WARNING: summary: it looks like a reStructuredText directive; "
        "role text is shown as plain text (use 'markup: rst' for inline markup) (used in "
        "index.rst:4) [jobdesc.markup]"
    ]
    html = project.output("index.html")
    assert "<script>x" not in html
    assert ".. raw:: html" in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html


def test_rst_markup_cannot_inject_raw_html(project: Project) -> None:
    injected = "markup: rst\n" + MINIMAL.replace(
        "summary: Builds APIs.", 'summary: "*Hi*\\n\\n.. raw:: html\\n\\n   <script>x</script>"')
    project.write("roles/backend.yaml", injected)
    project.write("index.rst", page())
    project.build()
    assert project.warnings == [
        "src/roles/backend.yaml:3: WARNING: summary: it contains the directive 'raw', which role "
        "text may not use; the text is shown as plain text (used in index.rst:4) "
        "[jobdesc.markup]"
    ]
    html = project.output("index.html")
    assert "<script>x" not in html
    assert "*Hi*" in html


def test_rst_markup_cannot_add_a_section(project: Project) -> None:
    injected = "markup: rst\n" + MINIMAL.replace(
        "summary: Builds APIs.", 'summary: "Pwned\\n=====\\n\\nText"')
    project.write("roles/backend.yaml", injected)
    project.write("index.rst", page())
    project.build()
    assert project.warnings == [
        "src/roles/backend.yaml:3: WARNING: summary: it contains a section title, which role "
        "text may not use; the text is shown as plain text (used in index.rst:4) "
        "[jobdesc.markup]"
    ]


def test_invalid_option_value_falls_back(project: Project) -> None:
    project.write("roles/backend.yaml", MINIMAL)
    project.write("index.rst", page(heading="rubrik", sections="summary, responsibilites"))
    project.build()
    assert project.warnings == [
        "src/index.rst:4: WARNING: :heading: 'rubrik' is not one of auto, section, rubric, none; "
        "did you mean 'rubric'?; using 'auto' [jobdesc.option]",
        "src/index.rst:4: WARNING: :sections: unknown section 'responsibilites'; did you mean "
        "'responsibilities'? (known: facts, summary, about, responsibilities, requirements, "
        "benefits, extra, faq, hiring_process, apply) [jobdesc.option]",
    ]
    assert "Builds APIs." in project.output("index.html")


def test_forced_sections_inside_an_admonition_become_rubrics(project: Project) -> None:
    project.write("roles/backend.yaml", MINIMAL)
    project.write("index.rst", "Careers\n=======\n\n.. note::\n\n   .. jobdescription:: backend\n"
                  "      :heading: section\n")
    project.build()
    assert project.warnings == [
        "src/index.rst:6: WARNING: sections are not allowed here (inside another element); "
        "rubrics are used [jobdesc.heading]"
    ]
    assert ('<p class="jobdesc-summary rubric" id="backend-summary">About the role</p>'
            in project.output("index.html"))  # the section's anchor, on the rubric


def test_design_layout_without_sphinx_design(project: Project) -> None:
    project.write("roles/backend.yaml", MINIMAL)
    project.write("index.rst", page(layout="design"))
    project.build()
    assert project.warnings == [
        "src/index.rst:4: WARNING: the design layout needs 'sphinx_design' in extensions; the "
        "plain layout is used [jobdesc.design]"
    ]


def test_invalid_config_value_uses_the_default(project: Project) -> None:
    project.write("roles/backend.yaml", MINIMAL)
    project.write("index.rst", page())
    project.build(confoverrides={"jobdesc_heading": "chapters"})
    assert project.warnings == [
        "WARNING: invalid value 'chapters' for 'jobdesc_heading': expected one of auto, section, "
        "rubric, none; using 'auto' [jobdesc.config]"
    ]


def test_suppress_warnings_silences_a_subtype(project: Project) -> None:
    project.write("roles/backend.yaml", MINIMAL + "benefts: [Gym]\n")
    project.write("index.rst", page())
    project.build(confoverrides={"suppress_warnings": ["jobdesc.schema"]})
    assert project.warnings == []


def test_warnings_fail_a_build_with_W(project: Project, tmp_path) -> None:
    project.write("roles/backend.yaml", MINIMAL + "benefts: [Gym]\n")
    project.write("index.rst", page())
    status = build_main(["-W", "-q", "-b", "html", str(project.src), str(tmp_path / "out")])
    assert status != 0
    project.write("roles/backend.yaml", MINIMAL)
    status = build_main(["-W", "-q", "-E", "-b", "html", str(project.src), str(tmp_path / "out")])
    assert status == 0


def test_text_after_generated_sections_is_reported(project: Project) -> None:
    project.write("roles/backend.yaml", MINIMAL)
    project.write("index.rst", "Careers\n=======\n\n.. jobdescription:: backend\n\n"
                  "Questions? Ask us.\n")
    project.build()
    assert project.warnings == [
        "src/index.rst:6: WARNING: this text follows sections generated from a role file and "
        "will appear as part of the last one ('Requirements'); move it before the directive or "
        "give it a heading [jobdesc.section_order]"
    ]


def test_generated_labels_are_not_offered_for_translation_role_text_is(project: Project
                                                                          ) -> None:
    """The labels come translated with the extension; role text is the page's to translate
    (tests/test_role_text_translation.py), once per text, as written."""
    project.write("roles/backend.yaml", MINIMAL)
    project.write("index.rst", "Careers\n=======\n\nWe are hiring.\n\n"
                  ".. jobdescription:: backend\n")
    project.build("gettext")
    pot = project.output("index.pot")
    assert 'msgid "We are hiring."' in pot
    assert pot.count('msgid "Builds APIs."') == 1
    assert 'msgid "Responsibilities"' not in pot
    assert project.warnings == []


def test_raw_html_in_plain_text_is_shown_as_text(project: Project) -> None:
    project.write("roles/backend.yaml", MINIMAL.replace(
        "summary: Builds APIs.", 'summary: "Builds <img src=x onerror=alert(1)> APIs."'))
    project.write("index.rst", page())
    project.build()
    assert project.warnings == [
        "src/roles/backend.yaml:2: WARNING: summary: it looks like raw HTML; role text is shown "
        "as plain text (use 'markup: rst' for inline markup) (used in index.rst:4) "
        "[jobdesc.markup]"
    ]
    html = project.output("index.html")
    assert "<img src=x" not in html
    assert "Builds &lt;img src=x onerror=alert(1)&gt; APIs." in html


def test_rst_markup_shows_inline_raw_html_as_text(project: Project) -> None:
    project.write("roles/backend.yaml", "markup: rst\n" + MINIMAL.replace(
        "summary: Builds APIs.", 'summary: "Builds *fast* <img src=x onerror=alert(1)> APIs."'))
    project.write("index.rst", page())
    project.build()
    assert project.warnings == [
        "src/roles/backend.yaml:3: WARNING: summary: it looks like raw HTML; role text shows it "
        "as text, not as HTML (used in index.rst:4) [jobdesc.markup]"
    ]
    html = project.output("index.html")
    assert "<img src=x" not in html
    assert "Builds <em>fast</em> &lt;img src=x onerror=alert(1)&gt; APIs." in html


GUIDE_ROLE = MINIMAL + """\
competencies:
  - {id: craft, name: Craft}
levels:
  - {id: middle}
  - {id: senior}
interview:
  stages:
    - id: tech
      title: Technical
      focus: [craft, crafts]
      levels: [seniour]
      questions:
        - {id: q1, text: Why?, competencies: [comms]}
"""


def test_bad_references_point_at_the_yaml_lines(project: Project) -> None:
    project.write("conf.py", REFERENCES_ONLY)
    project.write("roles/backend.yaml", GUIDE_ROLE)
    project.write("index.rst", "Guide\n=====\n\n.. interviewguide:: backend\n")
    project.build()
    assert project.warnings == [
        "src/roles/backend.yaml:13: WARNING: stage 'tech' focus names unknown competency "
        "'crafts'; did you mean 'craft'? (used in index.rst:4) [jobdesc.ref]",
        "src/roles/backend.yaml:13: WARNING: stage 'tech' names unknown level 'seniour'; did you "
        "mean 'senior'? (used in index.rst:4) [jobdesc.ref]",
        "src/roles/backend.yaml:18: WARNING: question 'q1' names unknown competency 'comms' "
        "(used in index.rst:4) [jobdesc.ref]",
    ]
    assert "Why?" in project.output("index.html")


def test_interviewguide_option_errors(project: Project) -> None:
    project.write("roles/backend.yaml", GUIDE_ROLE.replace("      levels: [seniour]\n", ""))
    project.write("index.rst", "Guide\n=====\n\n.. interviewguide:: backend\n"
                  "   :stages: teck\n   :audience: candidates\n")
    project.build()
    assert project.warnings[:2] == [
        "src/index.rst:4: WARNING: :audience: 'candidates' is not one of interviewer, candidate; "
        "did you mean 'candidate'?; using 'interviewer' [jobdesc.option]",
        "src/index.rst:4: WARNING: :stages: role 'backend' has no stage 'teck'; did you mean "
        "'tech'? (stages: tech) [jobdesc.option]",
    ]


def test_interviewguide_without_interview(project: Project) -> None:
    project.write("roles/backend.yaml", MINIMAL)
    project.write("index.rst", "Guide\n=====\n\n.. interviewguide:: backend\n")
    project.build()
    assert project.warnings == [
        "src/index.rst:4: WARNING: role 'backend' has no interview stages to show "
        "[jobdesc.empty]"
    ]


def test_incomplete_entry_after_inheritance(project: Project) -> None:
    project.write("conf.py", REFERENCES_ONLY)
    project.write("roles/backend.yaml", GUIDE_ROLE.replace("      levels: [seniour]\n", "")
                  + "    - {id: tech2, duration_minutes: 30}\n")
    project.write("index.rst", "Guide\n=====\n\n.. interviewguide:: backend\n")
    project.build()
    assert project.warnings == [
        "src/roles/backend.yaml:13: WARNING: stage 'tech' focus names unknown competency "
        "'crafts'; did you mean 'craft'? (used in index.rst:4) [jobdesc.ref]",
        "src/roles/backend.yaml:17: WARNING: question 'q1' names unknown competency 'comms' "
        "(used in index.rst:4) [jobdesc.ref]",
        "src/roles/backend.yaml:18: WARNING: 'tech2' is missing required key 'title' (after "
        "inheritance); it is left out (used in index.rst:4) [jobdesc.schema]",
    ]


def test_anchor_for_a_rating_not_on_the_scale(project: Project) -> None:
    project.write("conf.py", REFERENCES_ONLY)
    project.write("roles/backend.yaml", MINIMAL + """\
competencies:
  - {id: craft, name: Craft, anchors: {1: Weak., 5: Brilliant.}}
interview:
  stages:
    - {id: tech, title: Technical, focus: [craft]}
""")
    project.write("index.rst", "Guide\n=====\n\n.. interviewguide:: backend\n")
    project.build()
    assert project.warnings == [
        "src/roles/backend.yaml:7: WARNING: the anchors of competency 'craft' name unknown "
        "rating '5' (used in index.rst:4) [jobdesc.ref]"
    ]


def test_unknown_roles_in_role_text_are_refused_at_the_role_file(project: Project) -> None:
    project.write("roles/backend.yaml", "markup: rst\n" + MINIMAL.replace(
        "summary: Builds APIs.", 'summary: "Uses :foo:`x` here."'))
    project.write("index.rst", page())
    project.build()
    assert project.warnings == [
        "src/roles/backend.yaml:3: WARNING: summary: it uses the role ':foo:', which role text "
        "may not use; the text is shown as plain text (used in index.rst:4) [jobdesc.markup]"
    ]
    assert "Uses :foo:`x` here." in project.output("index.html")


def test_invalid_rst_in_role_text_is_refused_at_the_role_file(project: Project) -> None:
    project.write("roles/backend.yaml", "markup: rst\n" + MINIMAL.replace(
        "summary: Builds APIs.", 'summary: "Builds *fast APIs."'))
    project.write("index.rst", page())
    project.build()
    assert project.warnings == [
        "src/roles/backend.yaml:3: WARNING: summary: it is not valid reStructuredText (Inline "
        "emphasis start-string without end-string.); the text is shown as plain text (used in "
        "index.rst:4) [jobdesc.markup]"
    ]
    assert "Builds *fast APIs." in project.output("index.html")


HOSTILE = [
    # (what the role file adds, the whole warning line)
    ("team: !!int Platform\n",
     "src/roles/backend.yaml:6: WARNING: 'Platform' is not a valid !!int; it is read as text "
     "(used in index.rst:4) [jobdesc.yaml]"),
    ("owners: !!python/object/apply:os.system [echo pwned]\n",
     "src/roles/backend.yaml:6: WARNING: unsupported YAML tag '!!python/object/apply:os.system'; "
     "the tag is ignored (used in index.rst:4) [jobdesc.yaml]"),
    ("compensation: {currency: EUR, min: .nan}\n",
     "src/roles/backend.yaml:6: WARNING: compensation.min: nan is not a finite number (used in "
     "index.rst:4) [jobdesc.schema]"),
    ("benefits: &loop [Lunch, *loop]\n",
     "src/roles/backend.yaml:6: WARNING: the alias *loop refers to the value that contains it; "
     "it is left out (used in index.rst:4) [jobdesc.yaml]"),
    ("owners: " + "[" * 70 + "]" * 70 + "\n",
     "src/roles/backend.yaml:6: WARNING: the data is nested more than 64 levels deep; 'owners' "
     "is left out (used in index.rst:4) [jobdesc.yaml]"),
    ("reviewed: '2026-W45-1'\n",
     "src/roles/backend.yaml:6: WARNING: reviewed: '2026-W45-1' is not a date (YYYY-MM-DD) "
     "(used in index.rst:4) [jobdesc.schema]"),
]


@pytest.mark.parametrize(("addition", "warning"), HOSTILE)
def test_hostile_yaml_is_one_warning_and_the_page_renders(
    project: Project, addition: str, warning: str
) -> None:
    project.write("roles/backend.yaml", MINIMAL + addition)
    project.write("index.rst", page())
    project.build()
    assert project.warnings == [warning]
    html = project.output("index.html")
    assert "Builds APIs." in html and "After the role." in html


def test_an_unknown_label_name_is_reported(project: Project) -> None:
    project.write("roles/backend.yaml", MINIMAL)
    project.write("index.rst", page())
    project.build(confoverrides={"jobdesc_labels": {"responsibilites": "Your work"}})
    assert project.warnings == [
        "WARNING: 'jobdesc_labels' names no label 'responsibilites'; did you mean "
        "'responsibilities'?; it is ignored [jobdesc.config]"]


def test_a_missing_roles_folder_says_where_and_what_to_set(project: Project) -> None:
    project.write("index.rst", page())
    project.build(confoverrides={"jobdesc_roles_dir": "jobs"})
    assert project.warnings == [
        "src/index.rst:4: WARNING: no roles folder at src/jobs, where role "
        "'backend' is looked up (set jobdesc_roles_dir in conf.py, relative to the source "
        "folder) [jobdesc.load]"]


@pytest.mark.parametrize(("options", "warning"), [
    ("", "no role files in src/roles"),
    ("\n   :team: nobody", "none of the 1 roles matches its :family:, :team: and :location: "
     "filters"),
])
def test_an_empty_catalogue_says_why(project: Project, options: str, warning: str) -> None:
    (project.src / "roles").mkdir()
    if options:
        project.write("roles/backend.yaml", MINIMAL)
    project.write("index.rst", f"Roles\n=====\n\n.. jobcatalog::{options}\n")
    project.build()
    assert project.warnings == [
        f"src/index.rst:4: WARNING: the catalogue is empty: "
        f"{warning} [jobdesc.empty]"]


def test_two_files_declaring_one_id_are_reported(project: Project) -> None:
    project.write("roles/a-backend.yaml", "id: backend\n" + MINIMAL)
    project.write("roles/b-backend.yaml", "title: x\n\nid: backend\n")
    project.write("index.rst", page())
    project.build()
    assert project.warnings == [
        "src/roles/b-backend.yaml:3: WARNING: id 'backend' is also declared by a-backend.yaml, "
        "which is used for it (used in index.rst:4) [jobdesc.duplicate]"]
    assert "Builds APIs." in project.output("index.html")
