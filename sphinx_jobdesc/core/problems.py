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
    "git",
]

#: What each subtype means, as the docs' table of warnings says it (Markdown).
SUBTYPE_DESCRIPTIONS: dict[Subtype, str] = {
    "config": (
        "a `jobdesc_*` value in `conf.py` is invalid (its default is used), or "
        "`jobdesc_labels` names no label (with a suggestion)"),
    "option": (
        "a directive option has an invalid value; its default is used"),
    "load": (
        "a role file is missing, unreadable, larger than 2 MiB or a symbolic link out "
        "of its folder, a role id is unknown or the roles folder missing (the warning "
        "gives its absolute path and the value to set), or a base role (id starting "
        "with `_`) is rendered directly; a catalogue leaves out a role file it cannot "
        "read (the warning says so)"),
    "yaml": (
        "YAML/JSON syntax error, duplicate key, explicit tag, unknown or recursive "
        "alias, aliases that repeat too much, data nested too deeply (see *Role files "
        "are untrusted*)"),
    "schema": (
        "unknown key (with a suggestion), wrong type, missing required field, bad id, "
        "date or enum value, a number that is NaN, infinite or longer than 15 digits"),
    "inherit": (
        "unknown or cyclic `extends`, a chain of more than 16 files, `drop` of an id "
        "that is not inherited"),
    "duplicate": (
        "two items of one list share an id; two pages both mark the same role "
        "`:canonical:`"),
    "ref": (
        "a requirement, stage focus or question names an unknown competency, a stage, "
        "question or competency expectation an unknown level, or anchors a rating "
        "that is not on the rating scale; a `:job:` link names a role no page renders "
        "(at the page and line)"),
    "level": (
        "the requested `:level:` does not exist (the family is shown)"),
    "markup": (
        "`markup: rst` text uses something role text may not (a directive, another "
        "role, an unsafe link, a title...; see *Role files are untrusted*): it is "
        "shown as plain text; or text looks like raw HTML or a directive, which is "
        "shown as written"),
    "template": (
        "a template is missing, has a syntax error or uses an undefined value "
        "(located at the template line)"),
    "heading": (
        "`:heading: section` where sections are not allowed; rubrics are used"),
    "section_order": (
        "page text follows the generated sections, so every builder would show it "
        "inside the last one; move it before the directive or give it a heading"),
    "design": (
        "the design layout was asked for without `sphinx_design`"),
    "empty": (
        "a directive has nothing to show, such as `interviewguide` for a role without "
        "interview stages, `jobladder` for a role without levels, or `jobcatalog` "
        "with no role files or none its filters match"),
    "coverage": (
        "a must-have no interview question assesses at the level, a question outside "
        "its stage's focus or assessing no competency, a competency no question "
        "assesses, a competency in every stage's focus"),
    "time_budget": (
        "a stage's questions take longer than the stage"),
    "anchors": (
        "anchors are required and a question lacks one for a rating value"),
    "posting": (
        "salary range missing (when required) or min > max, currency not ISO 4217, "
        "remote role without `applicant_countries`, posting without `date_posted` or "
        "`hiring_organization`; at the directive: the page's JobPosting would be "
        "rejected by search engines, so it is left out"),
    "staleness": (
        "`reviewed` older than `jobdesc_stale_after_days`, `posting.valid_through` in "
        "the past"),
    "lint": (
        "job-ad language: the rule id is in the message, e.g. `[hyperbolic-title]`"),
    "git": (
        "with `jobdesc_history_required = True`, a `jobhistory` cannot show the whole "
        "history: git is missing, the project is not in a repository, or the clone is "
        "shallow"),
}

assert set(SUBTYPE_DESCRIPTIONS) == set(get_args(Subtype))

#: How much a problem matters; the command line fails on problems at or above a chosen one.
#: "info" is for the reader only: the build logs it as a message, not a warning.
Severity = Literal["error", "warning", "notice", "info"]
SEVERITIES: tuple[Severity, ...] = ("info", "notice", "warning", "error")


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
