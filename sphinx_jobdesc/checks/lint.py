"""The job-ad language lint: rules kept as data, matched in role text as written.

The rules live in ``rules/job-ad.yaml`` (joblint parity and more) and
``rules/gender-coded.yaml``; this module only loads and applies them. What it
adds over joblint: literals and links are ignored, each rule lists the
technical senses that are fine ("connection pool", "failover"), a project
allow-list (``jobdesc_lint_allow``), rule severities or ``off``
(``jobdesc_lint_rules``), and ``# jobdesc-lint: disable <rule>`` comments in
role files. Text is linted once per file, where it was written, so text a
base file gives to many roles is reported once, at its own line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, cast

import yaml

from ..problems import Origin, Problem, Severity
from .settings import LintSettings

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

CATEGORIES = ("sexism", "culture", "realism", "recruiter", "tech")
_LITERALS = re.compile(r"``.+?``|`[^`\n]+`|<?https?://\S+|[\w.+-]+@[\w-]+\.[\w.]+")


@dataclass(frozen=True)
class Rule:
    """One lint rule: what it looks for, how much it matters, and what to write instead."""

    id: str
    name: str
    severity: Severity
    categories: tuple[str, ...]
    reason: str
    suggestion: str
    #: The joblint rule it covers, if any.
    joblint: int | None = None
    #: A check implemented in code (for rules that need the role's level), else None.
    check: str | None = None
    triggers: tuple[str, ...] = ()
    pattern: re.Pattern[str] | None = None
    exceptions: re.Pattern[str] | None = None
    suggest: Mapping[str, str] = field(default_factory=dict)
    examples: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def _whole_words(fragments: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(fragments) + r")(?!\w)", re.IGNORECASE)


def _data(name: str) -> Any:
    text = resources.files(__package__).joinpath(f"rules/{name}").read_text("utf-8")
    return yaml.load(text, Loader=_Loader)


@cache
def rules() -> tuple[Rule, ...]:
    """Every rule of ``rules/job-ad.yaml``, compiled."""
    return tuple(
        Rule(
            id=entry["id"],
            name=entry["name"],
            severity=entry["severity"],
            categories=tuple(entry["categories"]),
            reason=entry["reason"],
            suggestion=entry["suggestion"],
            joblint=entry.get("joblint"),
            check=entry.get("check"),
            triggers=tuple(entry.get("triggers", ())),
            pattern=_whole_words(entry["triggers"]) if "triggers" in entry else None,
            exceptions=_whole_words(entry["except"]) if "except" in entry else None,
            suggest=entry.get("suggest", {}),
            examples={kind: tuple(texts) for kind, texts in entry.get("examples", {}).items()},
        )
        for entry in _data("job-ad.yaml")["rules"]
    )


def rule(rule_id: str) -> Rule:
    return next(r for r in rules() if r.id == rule_id)


@dataclass(frozen=True)
class GenderCodedWords:
    #: A word starting with a stem; group ``masculine`` or ``feminine`` says which list.
    #: Both patterns match lower-cased text (see :func:`_prefilter` for why).
    pattern: re.Pattern[str]
    exceptions: re.Pattern[str]
    strong_below: int


@cache
def gender_coded_words() -> GenderCodedWords:
    data = _data("gender-coded.yaml")

    def stems(name: str) -> str:
        return f"(?P<{name}>" + "|".join(map(re.escape, data[name])) + ")"

    pattern = re.compile(rf"(?<![\w-])(?:{stems('masculine')}|{stems('feminine')})[\w-]*")
    exceptions = re.compile(r"(?<!\w)(?:" + "|".join(data["except"]) + r")(?!\w)")
    return GenderCodedWords(pattern, exceptions, data["strong_below"])


@dataclass(frozen=True, slots=True)
class Finding:
    """A rule's match in one text: where (character offsets) and what was written."""

    rule: Rule
    start: int
    end: int
    text: str


def _prefilter(triggers: list[str]) -> re.Pattern[str]:
    """One pattern that matches lower-cased text wherever some trigger might match.

    Most texts match no rule, and this tells with one scan. It is written in
    lower case without IGNORECASE because Python's regex engine then skips
    the alternatives whose first letter differs, which makes it several times
    faster than the case-insensitive union of the rules. (Lower-casing only
    widens it: a case-sensitive trigger such as ``(?-i:CVS)`` becomes ``cvs``;
    the rules themselves decide.)
    """
    union = "|".join(triggers).replace("(?-i:", "(?:").lower()
    return re.compile(rf"(?<!\w)(?:{union})(?!\w)")


def prepared(text: str) -> str:
    """*text* with literals, links and addresses blanked and lines joined (offsets kept)."""
    text = text.replace("\n", " ")
    if "`" not in text and "://" not in text and "@" not in text:
        return text
    return _LITERALS.sub(lambda match: " " * len(match.group()), text)


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(low <= start and end <= high for low, high in spans)


def _spans(pattern: re.Pattern[str] | None, text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)] if pattern else []


class Linter:
    """The rules as one project configured them (severities, ``off``, allowed phrases)."""

    def __init__(self, settings: LintSettings) -> None:
        #: Each rule's severity in this project, or "off".
        self.severities = {r.id: settings.severity(r.id, r.severity) for r in rules()}
        self.active = tuple(r for r in rules() if self.severities[r.id] != "off"
                            and r.pattern is not None)
        self.prefilter = _prefilter([t for r in self.active for t in r.triggers])
        self.allowed = (_whole_words([re.escape(p) for p in settings.allow])
                        if settings.allow else None)

    def is_on(self, rule_id: str) -> bool:
        return self.severities.get(rule_id) != "off"

    def findings(self, text: str) -> list[Finding]:
        """Every match of an active rule in *text* that no exception or allowed phrase covers."""
        text = prepared(text)
        if not self.prefilter.search(text.lower()):
            return []
        allowed = _spans(self.allowed, text)
        found: list[Finding] = []
        for candidate in self.active:
            assert candidate.pattern is not None
            matches = list(candidate.pattern.finditer(text))
            if not matches:
                continue
            fine = allowed + _spans(candidate.exceptions, text)
            found.extend(Finding(candidate, m.start(), m.end(), m.group())
                         for m in matches if not _inside(m.start(), m.end(), fine))
        return sorted(found, key=lambda f: f.start)

    def coded_words(self, text: str) -> tuple[list[str], list[str]]:
        """The masculine- and feminine-coded words of *text*, technical senses left out."""
        words = gender_coded_words()
        text = prepared(text).lower()  # the stems are lower case: see _prefilter
        matches = list(words.pattern.finditer(text))
        masculine: list[str] = []
        feminine: list[str] = []
        if matches:
            fine = _spans(self.allowed, text) + _spans(words.exceptions, text)
            for match in matches:
                if not _inside(match.start(), match.end(), fine):
                    coded = masculine if match.group("masculine") else feminine
                    coded.append(match.group())
        return masculine, feminine

    def rule_problem(self, rule_id: str, message: str, origin: Origin | None) -> Problem:
        """A problem found by *rule_id*, a rule checked in code (see language.py)."""
        found = rule(rule_id)
        return Problem("lint", f"{message}; {found.suggestion} [{found.id}]", origin,
                       self.severity(found.id), found.id)

    def severity(self, rule_id: str) -> Severity:
        return cast(Severity, self.severities[rule_id])

    def finding_problem(self, finding: Finding, origin: Origin) -> Problem:
        said = " ".join(finding.text.split())
        better = finding.rule.suggest.get(said.lower())
        advice = f'write "{better}" instead' if better else finding.rule.suggestion
        return Problem("lint", f'"{said}": {finding.rule.reason}; {advice} [{finding.rule.id}]',
                       origin, self.severity(finding.rule.id), finding.rule.id)


@cache
def linter(settings: LintSettings) -> Linter:
    """The linter for *settings* (one per process and configuration)."""
    return Linter(settings)


def file_problems(
    path: str, texts: Sequence[tuple[str, Origin]], settings: LintSettings
) -> list[Problem]:
    """Lint every text written in one role file, at the line it was written on."""
    lint = linter(settings)
    found = [(text, origin, finding) for text, origin in texts
             for finding in lint.findings(text)]
    if not found:
        return []
    source = Source.read(path)
    problems = []
    for text, origin, finding in found:
        line = source.line_of(text, finding, origin[1])
        if not source.disabled(finding.rule.id, line):
            problems.append(lint.finding_problem(finding, (origin[0], line)))
    return problems


_DISABLE = re.compile(r"#\s*jobdesc-lint:\s*(disable-file|disable)\b([^#\n]*)")


@dataclass
class Source:
    """A role file's lines, to place findings and honour ``# jobdesc-lint:`` comments.

    ``# jobdesc-lint: disable <rule>[, <rule>...]`` turns rules off for the entry
    the comment is written on, or else the entry on the next line, with
    everything nested in it; ``disable-file`` turns them off for the whole
    file. No rule names (or ``all``) means every rule.
    """

    lines: list[str]
    #: (first line, last line, rule ids or None for all), 1-based, inclusive.
    ranges: list[tuple[int, int, frozenset[str] | None]] = field(default_factory=list)

    @classmethod
    def read(cls, path: str) -> Source:
        try:
            with open(path, encoding="utf-8-sig") as stream:
                lines = stream.read().splitlines()
        except (OSError, UnicodeDecodeError):
            lines = []
        source = cls(lines)
        for number, line in enumerate(lines, start=1):
            match = _DISABLE.search(line)
            if match:
                names = frozenset(re.split(r"[\s,]+", match.group(2).strip())) - {""}
                which = None if not names or "all" in names else names
                if match.group(1) == "disable-file":
                    source.ranges.append((1, len(lines), which))
                else:
                    source.ranges.append((*source._entry(number), which))
        return source

    def _entry(self, comment_line: int) -> tuple[int, int]:
        """The lines of the entry a disable comment on *comment_line* applies to."""
        start = comment_line
        if self.lines[start - 1].lstrip().startswith("#"):  # a comment on its own line
            start = next((n for n in range(comment_line + 1, len(self.lines) + 1)
                          if self._content(n)), comment_line)
        first = self.lines[start - 1]
        base = len(first) - len(first.lstrip())
        opens_block = not first.lstrip().startswith("-") and first.split("#")[0].rstrip().endswith(
            (":", "|", ">", "|-", ">-"))
        end = start
        for number in range(start + 1, len(self.lines) + 1):
            if not self._content(number):
                continue
            line = self.lines[number - 1]
            indent = len(line) - len(line.lstrip())
            if indent > base or (indent == base and opens_block and line.lstrip().startswith("-")):
                end = number
            else:
                break
        return start, end

    def _content(self, number: int) -> bool:
        stripped = self.lines[number - 1].strip()
        return bool(stripped) and not stripped.startswith("#")

    def disabled(self, rule_id: str, line: int) -> bool:
        return any(first <= line <= last and (names is None or rule_id in names)
                   for first, last, names in self.ranges)

    def line_of(self, text: str, finding: Finding, written: int) -> int:
        """The file line of *finding* in *text*, whose value starts on line *written*.

        Counts earlier occurrences of the same words in the text, then finds
        that occurrence in the file from *written* on; *written* if not found
        (for example when the words are split over two lines).
        """
        needle = " ".join(finding.text.lower().split())
        before = " ".join(text[:finding.start].lower().split()).count(needle)
        for number in range(written, min(len(self.lines), written + text.count("\n") + 200) + 1):
            count = self.lines[number - 1].lower().count(needle)
            if before < count:
                return number
            before -= count
        return written
