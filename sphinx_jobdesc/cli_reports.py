"""What ``sphinx-jobdesc check`` prints: one line per problem, or a versioned JSON
report; file names as the user wrote them, printable whatever their bytes."""

from __future__ import annotations

import json
import os
from typing import Any, TextIO

from .core.problems import SEVERITIES, WARNING_TYPE, Problem

#: The ``--format json`` output's shape; bumped when it changes incompatibly.
JSON_FORMAT_VERSION = 1


def display(path: str) -> str:
    """*path* as the reports show it: relative where that is shorter, and printable
    (a file name that is not UTF-8 shows U+FFFD where its bad bytes are)."""
    relative = os.path.relpath(path)
    shown = path if relative.startswith("..") else relative
    return shown.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def text_report(files: list[str], problems: list[Problem], out: TextIO) -> None:
    for problem in problems:
        path, line = problem.origin or ("", 0)
        where = f"{display(path)}:{line}" if line else display(path)
        print(f"{where}: {problem.severity}: {problem.message} "
              f"[{WARNING_TYPE}.{problem.subtype}]", file=out)
    counts = _counts(problems)
    summary = ", ".join(f"{n} {severity}{'s' if n != 1 else ''}"
                        for severity, n in counts.items() if n)
    noun = "file" if len(files) == 1 else "files"
    print(f"{len(files)} role {noun} checked: {summary or 'no problems'}", file=out)


def json_report(files: list[str], problems: list[Problem], out: TextIO) -> None:
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
