"""``sphinx-jobdesc lint``: the job-ad lint for drafts that are not role files yet (plain
text or Markdown, from files or standard input), with ``check``'s rules, report
formats and exit codes."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import Any

from .cli_help import add_command
from .cli_reports import add_report_options
from .core.checks.document import document_problems
from .core.checks.settings import LintSettings
from .core.problems import Problem

#: The name standard input goes by, as in most command-line tools.
STDIN = "-"


def add_lint_command(commands: Any, run: Callable[[argparse.Namespace], int]) -> None:
    """The ``lint`` sub-command of the ``sphinx-jobdesc`` parser."""
    lint = add_command(
        commands, "lint", summary="lint a job ad written as plain text or Markdown",
        description="Lint job-ad text that is not a role file (a draft, an ad from "
        "elsewhere): the job-ad language rules of check, each finding at its line, and "
        "the gender-coding verdict of each text. Code in Markdown is left out.")
    lint.add_argument("paths", nargs="*", metavar="FILE",
                      help="text or Markdown files; - or none: standard input")
    add_report_options(lint)
    lint.set_defaults(run=run)


def lint_inputs(paths: list[str], settings: LintSettings
                ) -> tuple[list[str], list[Problem], list[str]]:
    """The inputs linted, their problems, and the errors of the files that could not be
    read (each a sentence)."""
    paths = paths or [STDIN]
    problems: list[Problem] = []
    errors: list[str] = []
    for path in paths:
        try:
            text = sys.stdin.read() if path == STDIN else _read(path)
        except (OSError, UnicodeDecodeError) as error:
            errors.append(f"{path}: {getattr(error, 'strerror', None) or error}")
            continue
        name = "standard input" if path == STDIN else f"'{os.path.basename(path)}'"
        problems += document_problems(path, text, settings, name)
    return paths, problems, errors


def _read(path: str) -> str:
    with open(path, encoding="utf-8-sig") as file:
        return file.read()
