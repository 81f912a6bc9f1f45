"""The package's layers: a core without Sphinx, and imports that only point down.

``sphinx_jobdesc/core`` is everything that does not need Sphinx (load,
validate, merge, model, checks, views, export); the Sphinx layer (directives,
domain, transforms, builder) wires it in. The command line uses the core and
Sphinx's own ``conf.py`` reader, nothing else.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "sphinx_jobdesc"
CORE = sorted(PACKAGE.glob("core/**/*.py"))


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> set[str]:
    """The modules *path* imports (relative imports resolved), at any depth of the file."""
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            found.add(module)
            found |= {f"{module}.{alias.name}" for alias in node.names}
    return found


def test_importing_the_whole_core_loads_neither_sphinx_nor_docutils() -> None:
    names = [module_name(path) for path in CORE]
    code = ("import sys\n" + "".join(f"import {name}\n" for name in names)
            + "print(sorted({m.split('.')[0] for m in sys.modules} & {'sphinx', 'docutils'}))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"
    assert len(names) >= 20


@pytest.mark.parametrize("path", CORE, ids=lambda path: module_name(path))
def test_the_core_imports_nothing_above_it(path: Path) -> None:
    upward = {name for name in imported(path)
              if name.split(".")[0] in ("sphinx", "docutils")
              or (name.startswith("sphinx_jobdesc.")
                  and not name.startswith("sphinx_jobdesc.core"))}
    if path.name == "allowlist.py":  # parses markup: rst text with docutils, on first use
        upward = {name for name in upward if not name.startswith("docutils")}
    assert upward == set()


@pytest.mark.parametrize("module", ["cli.py", "cli_reports.py", "__main__.py"])
def test_the_command_line_uses_the_core_and_sphinxs_config_reader(module: str) -> None:
    ours = {name for name in imported(PACKAGE / module)
            if name.startswith(("sphinx", "docutils"))}
    allowed = {"sphinx_jobdesc", "sphinx_jobdesc.__version__", "sphinx.config",
               "sphinx.config.Config", "sphinx.util.tags", "sphinx.util.tags.Tags"}
    assert {name for name in ours if name not in allowed and not name.startswith(
        ("sphinx_jobdesc.core", "sphinx_jobdesc.cli"))} == set()


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")),
                         ids=lambda path: module_name(path))
def test_no_module_is_longer_than_about_300_lines(path: Path) -> None:
    assert len(path.read_text("utf8").splitlines()) <= 330
