"""Projects change the look with their own templates, labels and markup settings."""

from __future__ import annotations

import pytest
from conftest import Project

ROLE = """\
title: Backend Developer
summary: Builds *fast* APIs.
responsibilities: [Write code]
requirements:
  must: [Python]
"""
PAGE = "Careers\n=======\n\n.. jobdescription:: backend\n"


@pytest.fixture
def site(project: Project) -> Project:
    project.write("conf.py", 'extensions = ["sphinx_jobdesc"]\n'
                  'jobdesc_templates_path = ["_templates"]\n')
    project.write("roles/backend.yaml", ROLE)
    project.write("index.rst", PAGE)
    return project


def test_a_project_template_replaces_the_bundled_one(site: Project) -> None:
    site.write("_templates/jobdescription.rst.jinja", "Hiring **{{ role.title }}** now.\n")
    site.build()
    assert site.warnings == []
    html = site.output("index.html")
    assert "Hiring <strong>Backend Developer</strong> now." in html
    assert "Responsibilities" not in html


def test_a_project_template_can_override_one_block(site: Project) -> None:
    site.write("_templates/jobdescription.rst.jinja",
               '{% extends "default/jobdescription.rst.jinja" %}\n'
               "{% block responsibilities %}\n{{ heading('responsibilities', 1, 'Your work') }}\n\n"
               "{% for item in role.responsibilities %}\n* {{ item.text }}\n{% endfor %}\n\n"
               "{% endblock %}\n")
    site.build()
    assert site.warnings == []
    html = site.output("index.html")
    assert "Your work" in html
    assert "Must have" in html


def test_the_template_option_picks_a_template(site: Project) -> None:
    site.write("_templates/teaser.rst.jinja", "{{ role.title }}: {{ role.summary }}\n")
    site.write("index.rst", PAGE + "   :template: teaser.rst.jinja\n")
    site.build()
    assert site.warnings == []
    assert "Backend Developer: Builds *fast* APIs." in site.output("index.html")


def test_a_template_syntax_error_points_at_the_template(site: Project) -> None:
    site.write("_templates/jobdescription.rst.jinja", "Line one\n{% if role.title %}\n")
    site.build()
    assert site.warnings == [
        "src/_templates/jobdescription.rst.jinja:2: WARNING: template syntax error: Unexpected "
        "end of template. Jinja was looking for the following tags: 'elif' or 'else' or 'endif'. "
        "The innermost block that needs to be closed is 'if'. (used in index.rst:4) "
        "[jobdesc.template]"
    ]


def test_an_undefined_value_points_at_the_template_line(site: Project) -> None:
    site.write("_templates/jobdescription.rst.jinja", "{{ role.title }}\n\n{{ role.salary }}\n")
    site.build()
    assert site.warnings == [
        "src/_templates/jobdescription.rst.jinja:3: WARNING: template error: 'sphinx_jobdesc."
        "core.model.Role object' has no attribute 'salary' (used in index.rst:4) [jobdesc.template]"
    ]


def test_a_missing_template_is_reported_at_the_directive(site: Project) -> None:
    site.write("index.rst", PAGE + "   :template: nope.rst.jinja\n")
    site.build()
    assert site.warnings == [
        "src/index.rst:4: WARNING: template not found: nope.rst.jinja [jobdesc.template]"
    ]


def test_labels_can_be_renamed(site: Project) -> None:
    site.build(confoverrides={"jobdesc_labels": {"responsibilities": "What you'll do"}})
    assert site.warnings == []
    assert "What you'll do" in site.output("index.html")


def test_project_wide_rst_markup(site: Project) -> None:
    site.build(confoverrides={"jobdesc_markup": "rst"})
    assert site.warnings == []
    assert "Builds <em>fast</em> APIs." in site.output("index.html")


def test_plain_text_is_shown_exactly(site: Project) -> None:
    site.build()
    assert "Builds *fast* APIs." in site.output("index.html")


def test_salary_note_is_shown_with_the_range(site: Project) -> None:
    site.write("roles/backend.yaml", ROLE + "compensation: {currency: EUR, period: YEAR, "
               "min: 60000, max: 70000, note: Plus equity.}\n")
    site.build("text")
    assert site.warnings == []
    text = site.output("index.txt")
    assert "EUR 60,000–70,000 per year" in text
    assert "Plus equity." in text


def test_design_layout_is_the_default_with_sphinx_design(site: Project) -> None:
    site.write("conf.py", 'extensions = ["sphinx_design", "sphinx_jobdesc"]\n')
    site.build()
    assert site.warnings == []
    assert 'class="sd-card-title' in site.output("index.html")


def test_plain_layout_without_sphinx_design(site: Project) -> None:
    site.build()
    html = site.output("index.html")
    assert "sd-card" not in html
    assert '<section class="jobdesc jobdesc-jobdescription jobdesc-requirements"' in html


def test_design_tabs_of_a_bare_stage_are_not_empty(site: Project) -> None:
    site.write("conf.py", 'extensions = ["sphinx_design", "sphinx_jobdesc"]\n'
               'jobdesc_checks = []\n')  # a bare stage assesses nothing: coverage would say so
    site.write("roles/backend.yaml", ROLE + "interview:\n  stages:\n"
               "    - {id: chat, title: Coffee chat}\n")
    site.write("index.rst", "Guide\n=====\n\n.. interviewguide:: backend\n"
               "   :audience: candidate\n")
    site.build()
    assert site.warnings == []
    assert site.output("index.html").count("Coffee chat") >= 3  # table, tab label, tab body


@pytest.mark.parametrize("template", [
    "Hiring **{{ role.title }}** now.\n",  # replaces the plain template
    '{% extends "default/jobdescription.rst.jinja" %}\n'  # or overrides one of its blocks
    "{% block summary %}\nHiring **{{ role.title }}** now.\n\n{% endblock %}\n",
])
def test_a_project_template_is_used_by_the_design_layout_too(site: Project, template: str
                                                             ) -> None:
    """The design templates extend the plain template by its name, so a project's own
    plain template is what they build on (it was silently ignored)."""
    site.write("conf.py", 'extensions = ["sphinx_jobdesc", "sphinx_design"]\n'
               'jobdesc_templates_path = ["_templates"]\n')
    site.write("_templates/jobdescription.rst.jinja", template)
    site.build()
    assert site.warnings == []
    assert "Hiring <strong>Backend Developer</strong> now." in site.output("index.html")


def test_a_directive_without_a_design_template_uses_the_plain_one(site: Project) -> None:
    """The ladder has no design template of its own: the design layout uses the plain
    one, until the project adds a design/jobladder.rst.jinja, which re-reads the page."""
    site.write("conf.py", 'extensions = ["sphinx_design", "sphinx_jobdesc"]\n'
                          'jobdesc_templates_path = ["_templates"]\n')
    site.write("roles/backend.yaml", ROLE + "levels:\n  - {id: middle, title: Middle}\n"
               "  - {id: senior, title: Senior, responsibilities: [Mentor]}\n")
    site.write("index.rst", "Ladder\n======\n\n.. jobladder:: backend\n")
    site.build()
    assert site.warnings == []
    assert 'class="jobdesc-ladder' in site.output("index.html")
    site.write("_templates/design/jobladder.rst.jinja", "Our own design ladder.\n")
    site.build()
    assert site.warnings == []
    assert "Our own design ladder." in site.output("index.html")
