"""The README documents every warning subtype, config value and directive option."""

from __future__ import annotations

from pathlib import Path

import pytest

from sphinx_jobdesc.config import NAMES
from sphinx_jobdesc.core.checks.lint import rules
from sphinx_jobdesc.core.problems import SUBTYPE_DESCRIPTIONS
from sphinx_jobdesc.core.vocabulary import CHECKS, JOBDESCRIPTION_SECTIONS
from sphinx_jobdesc.directives import DIRECTIVES
from sphinx_jobdesc.reference import TABLES, generated_tables

README = (Path(__file__).parent.parent / "README.md").read_text("utf8")


@pytest.mark.parametrize("subtype", sorted(SUBTYPE_DESCRIPTIONS))
def test_warning_subtype_is_documented(subtype: str) -> None:
    assert f"| `jobdesc.{subtype}` |" in README


@pytest.mark.parametrize("name", NAMES)
def test_config_value_is_documented(name: str) -> None:
    assert f"| `{name}` |" in README


@pytest.mark.parametrize("name", sorted(TABLES))
def test_a_generated_table_is_as_committed(name: str) -> None:
    """Run ``python -m sphinx_jobdesc.reference README.md`` after changing a declaration."""
    assert generated_tables(README).get(name) == TABLES[name]()


@pytest.mark.parametrize("directive", [d.kind for d in DIRECTIVES])
def test_directive_is_documented(directive: str) -> None:
    assert f"## The `{directive}` directive" in README


@pytest.mark.parametrize("option", sorted({o for d in DIRECTIVES for o in d.option_spec}))
def test_directive_option_is_documented(option: str) -> None:
    assert f"`:{option}:`" in README


def test_sections_are_documented() -> None:
    assert all(f"`{name}`" in README for name in JOBDESCRIPTION_SECTIONS)


def test_readme_starts_with_the_two_commands_ci_runs() -> None:
    ci = (Path(__file__).parent.parent / ".ci" / "run").read_text("utf8").strip().splitlines()[-1]
    assert ci in README
    assert README.index(ci) < README.index("## Quickstart")


@pytest.mark.parametrize("rule", [rule.id for rule in rules()])
def test_lint_rule_is_documented(rule: str) -> None:
    assert f"| `{rule}` |" in README


def test_check_names_are_documented() -> None:
    assert all(f"`{name}`" in README for name in CHECKS)
