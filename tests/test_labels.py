"""Labels: every value a page shows has one, and a missing one never fails a page."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import Project, copy_snippet_roles

from sphinx_jobdesc.core.vocabulary import (
    FACTS,
    INTERVIEWGUIDE_SECTIONS,
    JOBDESCRIPTION_SECTIONS,
    JOBLADDER_SECTIONS,
)
from sphinx_jobdesc.locale import LABELS, labels

SCHEMA = json.loads((Path(__file__).parents[1] / "sphinx_jobdesc" / "schema"
                     / "role.schema.json").read_text("utf8"))
#: Enums that are data, not words a page shows (country codes are shown as written;
#: ``propertyNames`` lists the keys of a role file, for editors).
NOT_SHOWN = {"schema_version", "markup", "visibility", "country", "propertyNames"}


def enums(node: Any, path: str = "") -> Iterator[tuple[str, list[Any]]]:
    if isinstance(node, dict):
        if "enum" in node:
            yield path, node["enum"]
        for key, value in node.items():
            yield from enums(value, f"{path}/{key}")
    elif isinstance(node, list):
        for value in node:
            yield from enums(value, path)


SHOWN = [(path, value) for path, values in enums(SCHEMA) for value in values
         if not any(f"/{name}" in path for name in NOT_SHOWN)]


def test_the_schema_has_enums_a_page_shows() -> None:
    assert len(SHOWN) >= 20  # employment types, location types, periods, question types


@pytest.mark.parametrize(("path", "value"), SHOWN)
def test_every_enum_value_a_page_shows_has_a_label(path: str, value: str) -> None:
    assert value in LABELS, f"{path}: add a label for {value!r} to sphinx_jobdesc/locale.py"


@pytest.mark.parametrize("name", sorted({*FACTS, *JOBDESCRIPTION_SECTIONS,
                                         *INTERVIEWGUIDE_SECTIONS, *JOBLADDER_SECTIONS}
                                        - {"extra"}))  # extra sections carry their titles
def test_every_fact_and_section_has_a_label(name: str) -> None:
    """Adding a fact or a section is one vocabulary entry, and its label."""
    assert name in LABELS, f"add a label for {name!r} to sphinx_jobdesc/locale.py"


@pytest.mark.parametrize(("name", "words"), [
    ("remote_policy", "Remote policy"), ("SEASONAL", "Seasonal"), ("on-call", "On call"),
])
def test_a_name_without_a_label_reads_as_words(name: str, words: str) -> None:
    assert labels({})[name] == words
    assert name not in LABELS


def test_overrides_replace_labels_and_the_rest_stay() -> None:
    shown = labels({"responsibilities": "What you will do"})
    assert shown["responsibilities"] == "What you will do"
    assert shown["must"] == "Must have"


def test_a_template_using_a_label_that_does_not_exist_yet_still_renders(
    project: Project,
) -> None:
    copy_snippet_roles(project)
    project.write("conf.py", 'extensions = ["sphinx_jobdesc"]\n'
                             'jobdesc_templates_path = ["_templates"]\n')
    project.write("_templates/policy.rst.jinja", "{{ labels.remote_policy }}: {{ role.title }}\n")
    project.write("index.rst", "Careers\n=======\n\n.. jobdescription:: backend-developer\n"
                               "   :template: policy.rst.jinja\n")
    project.build()
    assert project.warnings == []
    assert "Remote policy: Backend Developer" in project.output("index.html")
