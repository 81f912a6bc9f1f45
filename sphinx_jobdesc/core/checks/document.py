"""The job-ad lint for a document that is not a role file: a draft ad in plain text or
Markdown, read from a file or standard input (``sphinx-jobdesc lint``).

The same text rules as in role files, each finding at its own line, and the
gender-coding verdict of the whole text, neutral included (a draft's author
wants to know). Markdown code (fenced blocks and inline code) is not prose and
is left out, as literals are in role files. The rules that need a role's level
(years of experience for the level, the must-have count) need a role file.
"""

from __future__ import annotations

import bisect
import re

from ..problems import Problem
from .language import coding_problems
from .lint import linter
from .settings import LintSettings

# A fenced block (``` or ~~~, up to its closing fence or the end) or indented code is
# blanked out, newlines kept, so line numbers stay right.
_FENCED = re.compile(r"^( {0,3})(`{3,}|~{3,})[^\n]*\n.*?(?:^ {0,3}\2[ \t]*$|\Z)",
                     re.MULTILINE | re.DOTALL)


def document_problems(path: str, text: str, settings: LintSettings,
                      name: str = "the text") -> list[Problem]:
    """Every finding in *text* (read from *path*), at its line, and the text's verdict."""
    lint = linter(settings)
    prose = _FENCED.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
    starts = [0] + [match.end() for match in re.finditer("\n", prose)]
    problems = []
    for finding in lint.findings(prose):
        line = bisect.bisect_right(starts, finding.start)
        problems.append(lint.finding_problem(finding, (path, line)))
    if lint.is_on("gender-coded"):
        masculine, feminine = lint.coded_words(prose)
        problems += coding_problems(name, list(masculine), list(feminine), lint, (path, 1),
                                    neutral=True)
    return problems
