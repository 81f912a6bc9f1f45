"""The shipped JSON Schema and the loader agree about what a valid role file is.

Valid: every role file of the example handbook and of the test snippets passes
both the ``jsonschema`` library and our loader. Invalid: every file in
``tests/fixtures/invalid`` (each starts with a comment saying what is wrong)
is rejected by both.
"""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from conftest import SNIPPETS, TESTS

from sphinx_jobdesc.core.loader import load_file
from sphinx_jobdesc.core.resolve import resolve_role
from sphinx_jobdesc.core.schema import properties, role_schema
from sphinx_jobdesc.core.validation import validate_file

EXAMPLES = sorted((TESTS.parent / "example_docs" / "roles").glob("*.yaml")) + sorted(
    (SNIPPETS / "roles").glob("*.yaml"))
#: Required keys that a base file or an overriding entry may leave to inheritance,
#: so the loader checks them on the merged role.
CHECKED_AFTER_MERGE = {"item-without-text"}
INVALID = sorted((TESTS / "fixtures" / "invalid").glob("*.yaml"))


def as_json(path: Path) -> object:
    """The file's data as an editor's YAML language server would see it."""
    data = load_file(str(path)).data
    return json.loads(json.dumps(data))


def validate_json(path: Path) -> None:
    validator = jsonschema.Draft202012Validator(
        role_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    validator.validate(as_json(path))


def test_the_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(role_schema())


def test_the_schema_ships_in_the_package() -> None:
    shipped = resources.files("sphinx_jobdesc") / "schema" / "role.schema.json"
    assert json.loads(shipped.read_text("utf8"))["title"] == "sphinx-jobdesc role file"


def test_the_schema_says_which_keys_are_required_after_merge() -> None:
    schema = role_schema()
    named = schema["description"].split("Required keys (", 1)[1].split(")", 1)[0]
    assert named.split(", ") == schema["x-required-after-merge"]
    assert "required" not in schema  # editors see one file: see the test below


def test_there_are_examples_and_invalid_fixtures() -> None:
    assert len(EXAMPLES) >= 6
    assert len(INVALID) >= 10


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_example_is_valid_for_both(path: Path) -> None:
    validate_json(path)
    loaded = load_file(str(path))
    assert loaded.problems == ()
    assert loaded.data is not None
    _, problems, _ = validate_file(loaded.data, "text")
    assert problems == []


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_fixture_is_rejected_by_both(path: Path) -> None:
    with pytest.raises(jsonschema.ValidationError):
        validate_json(path)
    loaded = load_file(str(path))
    assert loaded.data is not None
    _, problems, _ = validate_file(loaded.data, "text")
    if path.stem in CHECKED_AFTER_MERGE:
        problems = list(resolve_role(str(path), None, roles_dir=str(path.parent),
                                     markup="text").problems)
    assert [p.subtype for p in problems] == ["schema"]


def test_text_of_a_markup_rst_file_is_marked_as_markup_everywhere(tmp_path: Path) -> None:
    """Text fields come back as ``Rst`` at any depth, in mappings and in lists alike:
    the writers parse exactly these values and show every other one as text."""
    path = tmp_path / "styled.yaml"
    path.write_text("markup: rst\ntitle: Styled\nsummary: A *role*.\n"
                    "responsibilities:\n  - {id: keep, text: Keep the **warehouse** fresh}\n"
                    "requirements:\n  must: [Know *SQL*]\n")
    loaded = load_file(str(path))
    assert loaded.data is not None
    data, problems, _ = validate_file(loaded.data, "text")
    assert problems == []
    texts = [data["summary"], data["responsibilities"][0]["text"],
             data["requirements"]["must"][0]]
    assert [type(text).__name__ for text in texts] == ["Rst", "Rst", "Rst"]
    assert type(data["title"]) is str  # a title is a line, never markup


#: Two-letter codes CLDR names that are not ISO 3166-1 alpha-2 country codes: groups
#: (EU, EZ, UN), private-use codes (QO, XA, XB, XK, ZZ) and exceptional reservations
#: (AC, CP, CQ, DG, EA, IC, TA).
NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "XK", "ZZ",
                 "AC", "CP", "CQ", "DG", "EA", "IC", "TA"}


def test_country_codes_are_iso_3166_alpha_2() -> None:
    """The schema's list is CLDR's (through Babel, which Sphinx depends on) without the
    codes that are not countries: a Babel with a new country fails this test."""
    from babel import Locale

    schema = json.loads((TESTS.parent / "sphinx_jobdesc" / "schema" / "role.schema.json")
                        .read_text("utf8"))
    territories = {code for code in Locale("en").territories
                   if len(code) == 2 and code.isalpha()}
    assert sorted(territories - NOT_COUNTRIES) == schema["$defs"]["country"]["enum"]
    assert len(schema["$defs"]["country"]["enum"]) == 249


def undescribed(node: object, path: str = "") -> list[str]:
    """The properties under *node* without a ``description``, by path."""
    found: list[str] = []
    if not isinstance(node, dict):
        return found
    for key, value in node.get("properties", {}).items():
        if isinstance(value, dict) and "description" not in value:
            found.append(f"{path}.{key}")
        found += undescribed(value, f"{path}.{key}")
    for key, value in node.items():
        if key in ("items", "additionalProperties", "patternProperties", "$defs"):
            children = value.items() if key in ("patternProperties", "$defs") else [("", value)]
            for name, child in children:
                found += undescribed(child, f"{path}/{name}" if name else f"{path}[]")
        elif key in ("oneOf", "anyOf", "allOf"):
            for child in value:
                found += undescribed(child, path)
    return found


def test_every_property_has_a_description() -> None:
    """Editors show it on hover, and the reference is made of it."""
    schema = json.loads((TESTS.parent / "sphinx_jobdesc" / "schema" / "role.schema.json")
                        .read_text("utf8"))
    assert undescribed(schema) == []


def test_required_keys_are_the_extensions_to_check_after_merge(tmp_path: Path) -> None:
    """Editors see one file, not what it extends or which name it has: the schema they
    read demands no key, so a base file (with or without an id) is valid there. The
    extension checks the required keys on the merged role, at the file's line."""
    missing = TESTS / "fixtures" / "missing-required.yaml"
    validate_json(missing)
    base = tmp_path / "_company.yaml"
    base.write_text("about: Acme builds scheduling software.\nbenefits: [30 days of leave]\n",
                    encoding="utf8")
    validate_json(base)
    problems = resolve_role(str(missing), None, roles_dir=str(missing.parent),
                            markup="text").problems
    assert [(p.subtype, p.message) for p in problems] == [
        ("schema", "missing required key 'summary' in role 'missing-required'")]


def test_an_error_in_one_value_is_one_error_in_editors() -> None:
    """The role's keys are listed (``propertyNames``) rather than closed with
    ``unevaluatedProperties``: with the latter, an invalid value made editors call
    every other key of the file "unevaluated"."""
    schema = role_schema()
    validator = jsonschema.Draft202012Validator(schema)
    role = {"title": "x", "summary": "y", "responsibilities": ["a"],
            "requirements": {"must": ["b"]}, "location": {"type": "remoet"}}
    assert [list(error.absolute_path) for error in validator.iter_errors(role)] == [
        ["location", "type"]]
    for node in (schema, schema["$defs"]["level"]):  # the lists name exactly the keys
        assert node["propertyNames"]["enum"] == sorted(properties(node))


def test_check_jsonschema_agrees_with_the_loader() -> None:
    """What a CI job or an editor gets from the published schema with the usual tool,
    ``check-jsonschema``: every example valid, every invalid fixture refused (its own
    YAML parser, not ours)."""
    tool = Path(sys.executable).parent / "check-jsonschema"
    schema = str(resources.files("sphinx_jobdesc").joinpath("schema/role.schema.json"))
    valid = subprocess.run([str(tool), "--schemafile", schema, *map(str, EXAMPLES)],
                           capture_output=True, text=True)
    assert valid.returncode == 0, valid.stdout
    invalid = subprocess.run([str(tool), "--schemafile", schema, "--verbose",
                              *map(str, INVALID)], capture_output=True, text=True)
    assert invalid.returncode == 1
    assert [path for path in INVALID if f"{path}::" not in invalid.stdout] == []
