"""The job-ad language lint: rules kept as data, matched in role text as written.

The rules live in ``rules/job-ad.yaml`` (joblint parity and more) and
``rules/gender-coded.yaml`` (:mod:`.rulebook`); this module applies them. What it
adds over joblint: literals and links are ignored, each rule lists the
technical senses that are fine ("connection pool", "failover"), a project
allow-list (``jobdesc_lint_allow``), rule severities or ``off``
(``jobdesc_lint_rules``), and ``# jobdesc-lint: disable <rule>`` comments in
role files. Text is linted once per file, where it was written, so text a
base file gives to many roles is reported once, at its own line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import cast

from ..problems import Origin, Problem, Severity
from .comments import Source
from .patterns import Spans, folded, folded_words, spans
from .rulebook import Rule, gender_coded_words, rule, rules
from .settings import LintSettings

# An address starts where a word starts: without the look-behind, a long word that
# is no address would be tried from each of its letters (quadratic time).
_LITERALS = re.compile(r"``.+?``|`[^`\n]+`|<?https?://\S+|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+")


@dataclass(frozen=True, slots=True)
class Finding:
    """A rule's match in one text: where (character offsets) and what was written."""

    rule: Rule
    start: int
    end: int
    text: str


def prepared(text: str) -> str:
    """*text* with literals, links and addresses blanked and lines joined (offsets kept)."""
    text = text.replace("\n", " ")
    if "`" not in text and "://" not in text and "@" not in text:
        return text
    return _LITERALS.sub(lambda match: " " * len(match.group()), text)


class Linter:
    """The rules as one project configured them (severities, ``off``, allowed phrases)."""

    def __init__(self, settings: LintSettings) -> None:
        #: Each rule's severity in this project, or "off".
        self.severities = {r.id: settings.severity(r.id, r.severity) for r in rules()}
        self.active = tuple(r for r in rules() if self.severities[r.id] != "off"
                            and r.pattern is not None)
        #: Where any active rule may match: one scan of the folded text.
        self.locator = folded_words([t for r in self.active for t in r.triggers])
        #: The rules to try where a word starts with a letter some rule starts with,
        #: and where it starts otherwise.
        self.anywhere = tuple(r for r in self.active if r.starts is None)
        letters = {letter for r in self.active for letter in r.starts or ()}
        self.starting = {letter: tuple(r for r in self.active if r.starts is None
                                       or letter in r.starts) for letter in letters}
        self.allowed = (folded_words([re.escape(folded(p)) for p in settings.allow])
                        if settings.allow else None)

    def is_on(self, rule_id: str) -> bool:
        return self.severities.get(rule_id) != "off"

    def findings(self, text: str) -> list[Finding]:
        """Every match of an active rule in *text* that no exception or allowed phrase covers.

        The same matches as each rule's ``finditer`` over the whole text, found in one
        scan: a rule's match starts at a word that starts some match of the scan or
        lies inside one, so only there is each rule tried, and only the rules that
        can start with that word's letter."""
        text = prepared(text)
        lowered = folded(text)
        first = self.locator.search(lowered)
        if first is None:
            return []  # most texts
        matches: dict[str, list[re.Match[str]]] = {}  # by rule id
        reach: dict[str, int] = {}  # where each rule's last match ends (no overlaps)
        for start in self._word_starts(lowered, first.start()):
            for candidate in self.starting.get(lowered[start], self.anywhere):
                if start < reach.get(candidate.id, 0):
                    continue
                assert candidate.pattern is not None
                match = candidate.pattern.match(
                    text if candidate.case_sensitive else lowered, start)
                if match:
                    matches.setdefault(candidate.id, []).append(match)
                    reach[candidate.id] = match.end()
        if not matches:
            return []
        allowed = spans(self.allowed, lowered)
        found: list[Finding] = []
        for candidate in self.active:  # in the rules' order, as the tests and docs list them
            if candidate.id not in matches:
                continue
            fine = Spans(allowed + spans(candidate.exceptions, text if candidate.case_sensitive
                                         else lowered))
            found.extend(Finding(candidate, m.start(), m.end(), text[m.start():m.end()])
                         for m in matches[candidate.id] if not fine.cover(m.start(), m.end()))
        return sorted(found, key=lambda f: f.start)

    def _word_starts(self, lowered: str, first: int) -> Iterator[int]:
        """Where a match of some rule may start in *lowered*, from *first* on: where a
        match of the scan starts, and where a word starts inside one."""
        for match in self.locator.finditer(lowered, first):
            start, end = match.span()
            yield start
            for inside in range(start + 1, end):
                if not lowered[inside - 1].isalnum() and lowered[inside - 1] != "_":
                    yield inside

    def coded_words(self, text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The masculine- and feminine-coded words of *text*, technical senses left out.

        Remembered per text: every level of a role, and every role built on one
        base, shows the same texts (the company's, the family's) again."""
        known = _coded.get((self.allowed, text))
        if known is not None:
            return known
        words = gender_coded_words()
        lowered = folded(prepared(text))  # the stems are lower case
        matches = list(words.pattern.finditer(lowered))
        masculine: list[str] = []
        feminine: list[str] = []
        if matches:
            fine = Spans(spans(self.allowed, lowered) + spans(words.exceptions, lowered))
            for match in matches:
                if not fine.cover(match.start(), match.end()):
                    masculine_word = match.group("masculine") or match.group(
                        "masculine_hyphenated")
                    coded = masculine if masculine_word else feminine
                    coded.append(match.group())
        _coded[(self.allowed, text)] = found = (tuple(masculine), tuple(feminine))
        return found

    def rule_problem(self, rule_id: str, message: str, origin: Origin | None) -> Problem:
        """A problem found by *rule_id*, a rule checked in code (see language.py)."""
        found = rule(rule_id)
        return Problem("lint", f"{message}; {found.suggestion} [{found.id}]", origin,
                       self.severity(found.id), found.id)

    def severity(self, rule_id: str) -> Severity:
        return cast(Severity, self.severities[rule_id])

    def finding_problem(
        self, finding: Finding, origin: Origin, others: Sequence[str] = ()
    ) -> Problem:
        """The problem of *finding*; the *others* findings of its rule in the same text
        are named in its message rather than reported one by one."""
        said = " ".join(finding.text.split())
        better = finding.rule.suggest.get(said.lower())
        advice = f'write "{better}" instead' if better else finding.rule.suggestion
        return Problem("lint", f'"{said}"{_also(said, others)}: {finding.rule.reason}; {advice} '
                       f"[{finding.rule.id}]", origin, self.severity(finding.rule.id),
                       finding.rule.id)


def _also(said: str, others: Sequence[str], named: int = 3) -> str:
    """' (2 more in this text: "x", "y")' for the other findings of a rule in one text."""
    if not others:
        return ""
    words = {" ".join(o.split()).lower(): " ".join(o.split()) for o in others}
    words.pop(said.lower(), None)
    listed = ", ".join(f'"{word}"' for word in list(words.values())[:named])
    if len(words) > named:
        listed += ", ..."
    return f" ({len(others):,} more in this text{': ' + listed if listed else ''})"


_coded: dict[tuple[re.Pattern[str] | None, str], tuple[tuple[str, ...], tuple[str, ...]]] = {}


def forget_coded_words() -> None:
    """Forget the coded words of the texts read so far (once a build has read its pages)."""
    _coded.clear()


@cache
def linter(settings: LintSettings) -> Linter:
    """The linter for *settings* (one per process and configuration)."""
    return Linter(settings)


def file_problems(
    path: str, texts: Sequence[tuple[str, Origin]], settings: LintSettings
) -> list[Problem]:
    """Lint every text written in one role file, at the line it was written on: one
    problem per rule and text, at its first finding, counting the others (placing
    each finding of a long text on its line would take quadratic time)."""
    lint = linter(settings)
    groups: dict[tuple[int, str], tuple[str, Origin, Finding, list[str]]] = {}
    for index, (text, origin) in enumerate(texts):
        for finding in lint.findings(text):
            key = (index, finding.rule.id)
            if key in groups:
                groups[key][3].append(finding.text)
            else:
                groups[key] = (text, origin, finding, [])
    if not groups:
        return []
    source = Source.read(path)
    problems = []
    for text, origin, finding, others in groups.values():
        line = source.line_of(text, finding.text, finding.start, origin[1])
        if not source.disabled(finding.rule.id, line):
            problems.append(lint.finding_problem(finding, (origin[0], line), others))
    return problems
