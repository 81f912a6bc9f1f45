"""What ``sphinx-jobdesc COMMAND --help`` says beyond the options: the exit codes, so
a CI job or a hook can tell findings from usage errors and from bugs."""

from __future__ import annotations

import argparse
from typing import Any

_INTERNAL = (3, "an internal error: a bug in sphinx-jobdesc (--traceback shows where)")
_FINDINGS = (
    (0, "no problem at or above --fail-on"),
    (1, "problems at or above --fail-on"),
    (2, "a usage error, or a file that cannot be read"),
    _INTERNAL,
)
#: Each command's exit codes and what they mean.
EXIT_CODES: dict[str, tuple[tuple[int, str], ...]] = {
    "check": _FINDINGS,
    "lint": _FINDINGS,
    "diff": (
        (0, "compared (with --exit-code: nothing changed)"),
        (1, "with --exit-code, a role changed; with --fail-on-coverage-loss, a must-have "
            "lost the question that assessed it"),
        (2, "a usage error: not in a git repository, an unknown revision, no roles folder"),
        _INTERNAL,
    ),
    "export": (
        (0, "every role exported"),
        (1, "a role file could not be read (the others are exported)"),
        (2, "a usage error, or an output file that cannot be written"),
        _INTERNAL,
    ),
}


class _Formatter(argparse.HelpFormatter):
    """Wraps the description as usual and keeps the lines of the exit codes."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if text.startswith("exit codes:"):
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


def add_command(commands: Any, name: str, *, summary: str, description: str
                ) -> argparse.ArgumentParser:
    """The sub-command *name*, its help ending with its exit codes."""
    codes = "\n".join(f"  {code}  {meaning}" for code, meaning in EXIT_CODES[name])
    parser: argparse.ArgumentParser = commands.add_parser(
        name, help=summary, description=description, epilog=f"exit codes:\n{codes}",
        formatter_class=_Formatter)
    return parser
