"""What ``sphinx-jobdesc check`` and ``lint`` print: one line per problem, a versioned
JSON report, GitHub workflow annotations or SARIF 2.1.0 (code scanning); file names
as the user wrote them, printable whatever their bytes."""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Callable
from typing import Any, TextIO

from . import __version__
from .core.checks.rulebook import rules
from .core.problems import SEVERITIES, WARNING_TYPE, Problem
from .core.vocabulary import CHECKS

Report = Callable[[list[str], list[Problem], TextIO, str], None]

#: The ``--format json`` output's shape; bumped when it changes incompatibly.
JSON_FORMAT_VERSION = 1


def display(path: str) -> str:
    """*path* as the reports show it: relative where that is shorter, and printable
    (a file name that is not UTF-8 shows U+FFFD where its bad bytes are)."""
    relative = os.path.relpath(path)
    shown = path if relative.startswith("..") else relative
    return shown.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def add_report_options(command: argparse.ArgumentParser) -> None:
    """The options of every command that reports problems (``check``, ``lint``)."""
    command.add_argument("-c", "--conf-dir", metavar="DIR",
                         help="read the jobdesc_* settings from DIR/conf.py, as the build does")
    command.add_argument("--format", choices=tuple(REPORTS), default="text",
                         help="text (default): one line per problem; json: a versioned report; "
                         "github: workflow annotations; sarif: SARIF 2.1.0 for code scanning")
    command.add_argument("--fail-on", choices=(*reversed(SEVERITIES), "never"),
                         default="warning", help="exit with 1 when a problem is at least this "
                         "severe (default: warning)")
    command.add_argument("--allow", action="append", default=[], metavar="PHRASE",
                         help="a word or phrase the lint accepts (repeatable; adds to "
                         "jobdesc_lint_allow)")
    command.add_argument("--disable", action="append", default=[], metavar="NAME",
                         help="turn off a check (" + ", ".join(CHECKS) + ") or a lint rule "
                         "(repeatable)")


def failing(problems: list[Problem], fail_on: str) -> bool:
    """Whether a problem is at least as severe as ``--fail-on`` (never with "never")."""
    if fail_on == "never":
        return False
    threshold = SEVERITIES.index(fail_on)
    return any(SEVERITIES.index(p.severity) >= threshold for p in problems)


def text_report(files: list[str], problems: list[Problem], out: TextIO, what: str) -> None:
    for problem in problems:
        path, line = problem.origin or ("", 0)
        where = f"{display(path)}:{line}" if line else display(path)
        print(f"{where}: {problem.severity}: {problem.message} "
              f"[{WARNING_TYPE}.{problem.subtype}]", file=out)
    print(summary_line(files, problems, what), file=out)


def summary_line(files: list[str], problems: list[Problem], what: str) -> str:
    """"2 role files checked: 1 error (1 for information)"."""
    counts = _counts(problems)
    informed = counts.pop("info")
    summary = ", ".join(f"{n} {severity}{'s' if n != 1 else ''}"
                        for severity, n in counts.items() if n) or "no problems"
    if informed:
        summary += f" ({informed} for information)"
    noun = what if len(files) == 1 else what + "s"
    return f"{len(files)} {noun} {'linted' if what == 'text' else 'checked'}: {summary}"


def json_report(files: list[str], problems: list[Problem], out: TextIO, what: str) -> None:
    report: dict[str, Any] = {
        "version": JSON_FORMAT_VERSION,
        "files": [display(path) for path in files],
        "counts": _counts(problems),
        "problems": [
            {
                "file": display(p.origin[0]) if p.origin else None,
                "line": p.origin[1] if p.origin and p.origin[1] else None,
                "severity": p.severity,
                "type": f"{WARNING_TYPE}.{p.subtype}",
                "rule": p.rule,
                "message": p.message,
            }
            for p in problems
        ],
    }
    json.dump(report, out, indent=2)
    out.write("\n")


def _counts(problems: list[Problem]) -> dict[str, int]:
    return {severity: sum(p.severity == severity for p in problems)
            for severity in reversed(SEVERITIES)}


#: GitHub's annotation levels; "info" goes to the debug log, shown when debugging is on.
_GITHUB_LEVELS = {"error": "error", "warning": "warning", "notice": "notice", "info": "debug"}


def github_report(files: list[str], problems: list[Problem], out: TextIO, what: str) -> None:
    """One workflow command per problem: GitHub shows each at its file and line in the
    pull request (https://docs.github.com/actions/reference/workflow-commands)."""
    for p in problems:
        level = _GITHUB_LEVELS[p.severity]
        title = _rule_id(p)
        where = ""
        if p.origin and level != "debug":
            where = f" file={_escape(display(p.origin[0]), True)}"
            where += f",line={p.origin[1]}" if p.origin[1] else ""
            where += f",title={_escape(title, True)}"
        print(f"::{level}{where}::{_escape(p.message)}", file=out)
    print(summary_line(files, problems, what), file=out)


def _escape(text: str, property_value: bool = False) -> str:
    """*text* as a workflow command's data (or a property's value) must be written."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


#: SARIF's levels for ours.
_SARIF_LEVELS = {"error": "error", "warning": "warning", "notice": "note", "info": "none"}


def sarif_report(files: list[str], problems: list[Problem], out: TextIO, what: str) -> None:
    """A SARIF 2.1.0 log (GitHub code scanning, editors, other SARIF viewers): the lint
    rules and the check subtypes as the tool's rules, one result per problem."""
    lint_rules = {rule.id: rule for rule in rules()}
    used = sorted({_rule_id(p) for p in problems})
    index = {rule_id: number for number, rule_id in enumerate(used)}
    descriptors = []
    for rule_id in used:
        rule = lint_rules.get(rule_id)
        descriptor: dict[str, Any] = {"id": rule_id}
        if rule is not None:
            descriptor.update(
                name=rule.name, shortDescription={"text": rule.finds},
                fullDescription={"text": rule.reason}, help={"text": rule.suggestion},
                defaultConfiguration={"level": _SARIF_LEVELS[rule.severity]})
        descriptors.append(descriptor)
    results = []
    for p in problems:
        result: dict[str, Any] = {"ruleId": _rule_id(p), "ruleIndex": index[_rule_id(p)],
                                  "level": _SARIF_LEVELS[p.severity],
                                  "message": {"text": p.message}}
        if p.origin:
            location: dict[str, Any] = {"artifactLocation": {
                "uri": display(p.origin[0]).replace(os.sep, "/")}}
            if p.origin[1]:
                location["region"] = {"startLine": p.origin[1]}
            result["locations"] = [{"physicalLocation": location}]
        results.append(result)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "sphinx-jobdesc", "version": __version__,
                                "informationUri": "https://pypi.org/project/sphinx-jobdesc/",
                                "rules": descriptors}},
            "artifacts": [{"location": {"uri": display(f).replace(os.sep, "/")}}
                          for f in files if f != "-"],
            "results": results,
        }],
    }
    json.dump(log, out, indent=2)
    out.write("\n")


def _rule_id(problem: Problem) -> str:
    """The lint rule that found *problem*, else its warning type (``jobdesc.posting``)."""
    return problem.rule or f"{WARNING_TYPE}.{problem.subtype}"


#: ``--format`` choices: the report each writes.
REPORTS: dict[str, Report] = {
    "text": text_report, "json": json_report, "github": github_report, "sarif": sarif_report,
}
