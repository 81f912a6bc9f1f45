"""The README's reference tables, generated from their one declaration each.

``python -m sphinx_jobdesc.reference README.md`` rewrites every table between
``<!-- generated: NAME -->`` and ``<!-- end generated -->``; a test fails when
a committed table differs from what its declaration gives. Sphinx-free.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import fields
from pathlib import Path
from typing import Any

from .core.checks.lint import rules
from .core.config import JobdescConfig, sphinx_default
from .core.problems import SUBTYPE_DESCRIPTIONS


def _shown(default: Any) -> str:
    value = sphinx_default(default)
    if isinstance(value, str):
        return f'`"{value}"`'
    return f"`{value!r}`"


def config_table() -> str:
    """``conf.py`` values: name, default, meaning (:class:`~.core.config.JobdescConfig`)."""
    rows = [f"| `jobdesc_{option.name}` | "
            f"{option.metadata['shown'] or _shown(option.metadata['default'])} | "
            f"{option.metadata['description']} |" for option in fields(JobdescConfig)]
    return "\n".join(["| value | default | meaning |", "|---|---|---|", *rows])


def warnings_table() -> str:
    """Warning subtypes and when they are given (``core.problems.SUBTYPE_DESCRIPTIONS``)."""
    rows = [f"| `jobdesc.{subtype}` | {text} |" for subtype, text in SUBTYPE_DESCRIPTIONS.items()]
    return "\n".join(["| subtype | when |", "|---|---|", *rows])


def lint_rules_table() -> str:
    """Lint rules (``core/checks/rules/job-ad.yaml``)."""
    rows = [f"| `{rule.id}` | {rule.severity} | {', '.join(rule.categories)} | "
            f"{rule.joblint or ''} | {rule.finds} |".replace("|  |", "| |")
            for rule in rules()]
    return "\n".join(["| rule | severity | categories | joblint | what it finds |",
                      "|---|---|---|---|---|", *rows])


TABLES: dict[str, Callable[[], str]] = {
    "config": config_table,
    "warnings": warnings_table,
    "lint-rules": lint_rules_table,
}

_GENERATED = re.compile(r"(<!-- generated: ([\w-]+) -->\n)(.*?)(\n<!-- end generated -->)",
                        re.S)


def generated_tables(text: str) -> dict[str, str]:
    """The generated tables in *text* (a README), by name, as committed."""
    return {match.group(2): match.group(3) for match in _GENERATED.finditer(text)}


def regenerate(text: str) -> str:
    """*text* with every generated table written afresh from its declaration."""
    return _GENERATED.sub(lambda m: m.group(1) + TABLES[m.group(2)]() + m.group(4), text)


def main(argv: list[str] | None = None) -> int:
    for name in argv if argv is not None else sys.argv[1:]:
        path = Path(name)
        path.write_text(regenerate(path.read_text("utf-8")), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
