"""Checks that make role files trustworthy: functions from the model to problems.

Two kinds, run by the build (on each page that renders a role) and by
``sphinx-jobdesc check`` alike:

- :func:`role_problems` checks one role merged for one level: references,
  interview coverage, time budget, anchors, posting data, staleness, and the
  lint rules that need the whole role (gender-coded balance, realism);
- :func:`file_problems` lints the text of one role file where it was written,
  so a base file's text is reported once, at its own lines.

Each problem names the role file and line; ``CheckSettings.enabled`` turns
checks off.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..model import Role
from ..problems import Origin, Problem
from ..vocabulary import CHECKS
from . import lint
from .interview import anchor_problems, coverage_problems, time_budget_problems
from .language import language_problems
from .lint import forget_coded_words
from .posting import posting_problems, staleness_problems
from .references import reference_problems
from .settings import CheckSettings, LintSettings

__all__ = ["CHECKS", "CheckSettings", "LintSettings", "file_problems", "forget_coded_words",
           "role_problems"]

RoleCheck = Callable[[Role, CheckSettings], list[Problem]]

#: The checks of a merged role, by the name that turns them off.
ROLE_CHECKS: dict[str, RoleCheck] = {
    "coverage": coverage_problems,
    "time_budget": time_budget_problems,
    "anchors": anchor_problems,
    "posting": posting_problems,
    "staleness": staleness_problems,
    "lint": language_problems,
}
assert set(ROLE_CHECKS) == set(CHECKS)


def role_problems(role: Role, settings: CheckSettings) -> list[Problem]:
    """Everything wrong with *role* (merged for its level) that the enabled checks find.

    Reference errors are always reported: they are errors in the file, not opinions.
    """
    problems = reference_problems(role)
    for name, check in ROLE_CHECKS.items():
        if name in settings.enabled:
            problems += check(role, settings)
    return problems


def file_problems(
    path: str, texts: Sequence[tuple[str, Origin]], settings: CheckSettings
) -> list[Problem]:
    """The lint findings in the prose of one role file (*texts*, as validation collected it)."""
    if "lint" not in settings.enabled:
        return []
    return lint.file_problems(path, texts, settings.lint)
