"""Problems found in role files: typed values, not log calls.

Every check returns :class:`Problem` values instead of logging, so the same
findings can be reported by the Sphinx build and by other front ends. All
warnings share the type ``jobdesc`` and one of the documented subtypes, so
users can silence a subtype with ``suppress_warnings = ["jobdesc.<subtype>"]``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, get_args

WARNING_TYPE = "jobdesc"

Subtype = Literal[
    "config",
    "option",
    "load",
    "yaml",
    "schema",
    "inherit",
    "duplicate",
    "ref",
    "level",
    "markup",
    "template",
    "heading",
    "section_order",
    "design",
    "empty",
    "coverage",
    "time_budget",
    "anchors",
    "posting",
    "staleness",
    "lint",
]

SUBTYPE_DESCRIPTIONS: dict[Subtype, str] = {
    "config": "A ``jobdesc_*`` value in ``conf.py`` is invalid (its default is used), or "
    "``jobdesc_labels`` names no label.",
    "option": "A directive option has an invalid value; its default is used.",
    "load": "A role file is missing, unreadable, larger than 2 MiB or a link out of its "
    "folder, a role id is unknown, or a base role (id starting with ``_``) is rendered "
    "directly.",
    "yaml": "A role file is not valid YAML/JSON, or goes past a limit: syntax errors, duplicate "
    "keys, explicit tags, unknown or recursive aliases, aliases that repeat too much, data "
    "nested too deeply.",
    "schema": "A role file does not match the format: unknown key, wrong type, "
    "missing required field, bad id, date or enum value, a number that is not finite or too "
    "long.",
    "inherit": "Inheritance is broken: unknown or cyclic ``extends``, a chain of more than 16 "
    "files, ``drop`` of an id that is not inherited.",
    "duplicate": "Two items of one list share an id, or two pages both mark the same role "
    "``:canonical:``.",
    "ref": "A competency, level or rating in the role names nothing the role defines, or a "
    "``:job:`` link names a role no page renders.",
    "level": "The requested level does not exist in the role.",
    "markup": "``markup: rst`` text uses something role text may not (a directive, another "
    "role, an unsafe link, a title...): it is shown as plain text; or text looks like raw "
    "HTML or a directive, which is shown as written.",
    "template": "A template is missing, has a syntax error or uses an undefined value.",
    "heading": "Sections were requested where docutils does not allow them; rubrics are used.",
    "section_order": "Page text follows generated sections and would appear inside the last one.",
    "empty": "A directive has nothing to show, such as an interview guide for a role "
    "without interview stages, a ladder for a role without levels, or a catalogue with no "
    "role (or none its filters match).",
    "design": "The design layout was requested but ``sphinx_design`` is not loaded.",
    "coverage": "A must-have requirement, competency or question is not assessed by the "
    "interview, or a question assesses a competency outside its stage's focus.",
    "time_budget": "A stage's questions take longer than the stage.",
    "anchors": "Anchors are required and a question lacks one for a rating value.",
    "posting": "Posting data is incomplete or wrong: salary range, currency, remote roles "
    "without applicant countries, required JobPosting properties (a page's JobPosting is "
    "then left out).",
    "staleness": "``reviewed`` is older than ``jobdesc_stale_after_days``, "
    "or ``posting.valid_through`` is in the past.",
    "lint": "Job-ad language: exclusionary, gendered or unrealistic wording "
    "(the rule id is in the message).",
}

assert set(SUBTYPE_DESCRIPTIONS) == set(get_args(Subtype))

#: How much a problem matters; the command line fails on problems at or above a chosen one.
Severity = Literal["error", "warning", "notice"]
SEVERITIES: tuple[Severity, ...] = ("notice", "warning", "error")


#: Where a value was written: (file, 1-based line). A plain tuple on purpose:
#: thousands live in cached role files, and Python's garbage collector stops
#: tracking plain tuples of strings and numbers, which keeps the full
#: collections of a large build cheap (a NamedTuple would stay tracked).
Origin = tuple[str, int]


def location(origin: Origin) -> str:
    """``file:line``, the location format Sphinx expects."""
    return f"{origin[0]}:{origin[1]}"


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding about a role file, located at the line that caused it."""

    subtype: Subtype
    message: str
    origin: Origin | None = None
    severity: Severity = "error"
    #: The lint rule that found it, for lint problems.
    rule: str | None = None


def quoted(value: object, width: int = 60) -> str:
    """*value* as a message quotes it: on one line, cut after *width* characters
    (a role file's value can be megabytes long)."""
    text = " ".join(str(value).split())
    return text if len(text) <= width else text[:width] + "..."


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` for the closest of *choices* (ignoring case), or ``""``."""
    if len(str(value)) > 100:  # nobody mistypes that much; and difflib is quadratic
        return ""
    by_lower = {str(choice).lower(): str(choice) for choice in choices}
    close = difflib.get_close_matches(str(value).lower(), list(by_lower), 1)
    return f"; did you mean '{by_lower[close[0]]}'?" if close else ""
