"""The documentation site (``docs/``) builds with -W and documents everything the code
declares: each config value, warning subtype, directive option, lint rule, check,
command and key of the role-file format is on its reference page, with words of
its own. The reference tables are generated from the declarations, so these tests
fail when a declaration has no description or a page no longer shows it. The
README holds what a README should: what it is, the two commands, a quickstart."""

from __future__ import annotations

import html
import json
import re
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest
from sphinx.cmd.build import build_main

from sphinx_jobdesc.cli import command_help
from sphinx_jobdesc.config import NAMES
from sphinx_jobdesc.core.checks.rulebook import rules
from sphinx_jobdesc.core.config import JobdescConfig
from sphinx_jobdesc.core.problems import SUBTYPE_DESCRIPTIONS
from sphinx_jobdesc.core.vocabulary import CHECKS
from sphinx_jobdesc.directives import DIRECTIVES

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text("utf8")
SITE = "https://sphinx-jobdesc.readthedocs.io/en/latest/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docs")
    assert build_main(["-W", "--keep-going", "-q", "-b", "html", str(ROOT / "docs"),
                       str(out / "html"), "-d", str(out / "doctrees")]) == 0
    return out / "html"


def text_of(site: Path, page: str) -> str:
    """The words of a built page, tags removed (what a reader and a search see)."""
    body = (site / f"{page}.html").read_text("utf8")
    return html.unescape(re.sub(r"<[^>]+>", "", body))


@pytest.mark.parametrize("name", NAMES)
def test_config_value_is_on_the_config_page(site: Path, name: str) -> None:
    assert name in text_of(site, "reference/config")


def test_every_config_value_says_what_it_does() -> None:
    assert all(option.metadata["description"].strip() for option in fields(JobdescConfig))


@pytest.mark.parametrize("subtype", sorted(SUBTYPE_DESCRIPTIONS))
def test_warning_subtype_is_on_the_warnings_page(site: Path, subtype: str) -> None:
    assert f"jobdesc.{subtype}" in text_of(site, "reference/warnings")
    assert SUBTYPE_DESCRIPTIONS[subtype].strip()


@pytest.mark.parametrize("directive", DIRECTIVES, ids=lambda d: d.kind)
def test_directive_and_each_option_are_on_the_directives_page(site: Path, directive: type
                                                               ) -> None:
    page = text_of(site, "reference/directives")
    assert f"The {directive.kind} directive" in page
    section = page.split(f"The {directive.kind} directive", 1)[1]
    for name, option in directive.declared_options.items():
        assert f":{name}:" in section, name
        assert option.value.strip() and option.meaning.strip(), name
    assert set(directive.option_spec) == set(directive.declared_options)


@pytest.mark.parametrize("rule", [rule.id for rule in rules()])
def test_lint_rule_is_on_the_checks_page(site: Path, rule: str) -> None:
    assert rule in text_of(site, "reference/checks")


def test_check_names_are_on_the_checks_page(site: Path) -> None:
    page = text_of(site, "reference/checks")
    assert all(name in page for name in CHECKS)


@pytest.mark.parametrize("command", ["check", "lint", "diff", "export"])
def test_each_command_shows_its_help(site: Path, command: str) -> None:
    page = text_of(site, "reference/cli")
    assert " ".join(command_help(command).split()) in " ".join(page.split())


def property_names(node: Any) -> set[str]:
    """The name of every property the schema declares, at any depth."""
    if isinstance(node, list):
        return set().union(*map(property_names, node))
    if not isinstance(node, dict):
        return set()
    own = set(node["properties"]) if isinstance(node.get("properties"), dict) else set()
    return own.union(*map(property_names, node.values()))


ROLE_SCHEMA = json.loads((ROOT / "sphinx_jobdesc/schema/role.schema.json").read_text())


@pytest.mark.parametrize("key", sorted(property_names(ROLE_SCHEMA)))
def test_every_key_of_the_format_is_on_the_role_format_page(site: Path, key: str) -> None:
    assert re.search(rf"(^|[.\]])\b{re.escape(key)}\b", text_of(site, "reference/role-format"),
                     re.M)


@pytest.mark.parametrize("name", ["role", "export", "greenhouse", "diff"])
def test_each_schema_is_published_where_its_id_says(site: Path, name: str) -> None:
    shipped = json.loads((ROOT / "sphinx_jobdesc" / "schema" / f"{name}.schema.json").read_text())
    assert shipped["$id"].startswith(SITE)
    published = site / shipped["$id"].removeprefix(SITE)
    assert json.loads(published.read_text()) == shipped


@pytest.mark.parametrize("guide", ["existing-handbook", "myst", "careers-site", "interviewer-kit",
                                   "ci", "translations", "templates", "editors"])
def test_the_how_to_guides_are_in_the_site(site: Path, guide: str) -> None:
    assert f'href="how-to/{guide}.html"' in (site / "index.html").read_text()


def test_the_tutorial_renders_its_role_with_the_extension(site: Path) -> None:
    page = text_of(site, "tutorial/index")
    assert "Mentor other engineers" in page  # only the rendered senior level says it
    assert "Senior Backend Developer" in page  # the :job: link's text


def test_readme_starts_with_the_two_commands_ci_runs() -> None:
    ci = next(line for line in (ROOT / ".ci" / "run").read_text().splitlines()
              if line.startswith(".venv/bin/python -m pytest"))
    assert ci in README
    assert README.index(ci) < README.index("## Quickstart")


def test_readme_is_short_and_points_at_the_docs() -> None:
    assert len(README.splitlines()) <= 100
    assert SITE.removesuffix("en/latest/") in README
    assert f"$schema={SITE}schema/role-1.json" in README
