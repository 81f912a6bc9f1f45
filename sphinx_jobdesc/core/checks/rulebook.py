"""The lint's rules as data: ``rules/job-ad.yaml`` (joblint parity and more) and
``rules/gender-coded.yaml``, each loaded and compiled once per process; :mod:`.lint`
applies them to role text."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

from ..problems import Severity
from .patterns import by_first_letter, first_letters, folded_words, is_case_sensitive, whole_words

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

CATEGORIES = ("sexism", "culture", "realism", "recruiter", "tech", "bias")


@dataclass(frozen=True)
class Rule:
    """One lint rule: what it looks for, how much it matters, and what to write instead."""

    id: str
    name: str
    #: What it finds, in a few words (the docs' table of rules).
    finds: str
    severity: Severity
    categories: tuple[str, ...]
    reason: str
    suggestion: str
    #: The joblint rule it covers, if any.
    joblint: int | None = None
    #: A check implemented in code (for rules that need the role's level), else None.
    check: str | None = None
    triggers: tuple[str, ...] = ()
    #: Whether some trigger or exception has a ``(?-i:...)`` part: then the patterns
    #: match the text as written, else its :func:`.patterns.folded` form (faster).
    case_sensitive: bool = False
    pattern: re.Pattern[str] | None = None
    exceptions: re.Pattern[str] | None = None
    #: The letters a match starts with (in folded text), or None if it can start otherwise.
    starts: frozenset[str] | None = None
    suggest: Mapping[str, str] = field(default_factory=dict)
    examples: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def _data(name: str) -> Any:
    text = resources.files(__package__).joinpath(f"rules/{name}").read_text("utf-8")
    return yaml.load(text, Loader=_Loader)


@cache
def rules() -> tuple[Rule, ...]:
    """Every rule of ``rules/job-ad.yaml``, compiled."""
    return tuple(_rule(entry) for entry in _data("job-ad.yaml")["rules"])


def _rule(entry: dict[str, Any]) -> Rule:
    triggers, exceptions = entry.get("triggers"), entry.get("except")
    case_sensitive = is_case_sensitive([*(triggers or ()), *(exceptions or ())])
    words = whole_words if case_sensitive else folded_words
    return Rule(
        id=entry["id"],
        name=entry["name"],
        finds=entry["finds"],
        severity=entry["severity"],
        categories=tuple(entry["categories"]),
        reason=entry["reason"],
        suggestion=entry["suggestion"],
        joblint=entry.get("joblint"),
        check=entry.get("check"),
        triggers=tuple(triggers or ()),
        case_sensitive=case_sensitive,
        pattern=words(triggers) if triggers else None,
        exceptions=words(exceptions) if exceptions else None,
        starts=first_letters(triggers or ()),
        suggest=entry.get("suggest", {}),
        examples={kind: tuple(texts) for kind, texts in entry.get("examples", {}).items()},
    )


def rule(rule_id: str) -> Rule:
    return next(r for r in rules() if r.id == rule_id)


@dataclass(frozen=True)
class GenderCodedWords:
    #: A word starting with a stem; a group named ``masculine...`` or ``feminine...``
    #: says which list. Both patterns match lower-cased text (see :func:`.patterns.prefilter`).
    pattern: re.Pattern[str]
    exceptions: re.Pattern[str]
    strong_below: int
    strong_from: int
    #: (text, masculine words, feminine words) that the tests check.
    examples: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]

    def verdict(self, masculine: int, feminine: int) -> str:
        """How a text with these counts reads: "strongly masculine-coded" to "neutral"
        to "strongly feminine-coded" (gender-decoder's scale, by the difference)."""
        score = feminine - masculine
        if score == 0:
            return "neutral"
        strongly = score < self.strong_below or score >= self.strong_from
        return ("strongly " if strongly else "") + (
            "feminine-coded" if score > 0 else "masculine-coded")


@cache
def gender_coded_words() -> GenderCodedWords:
    data = _data("gender-coded.yaml")

    def stems(name: str, hyphenated: bool) -> str:
        chosen = [stem for stem in data[name] if ("-" in stem) == hyphenated]
        return (f"(?P<{name}{'_hyphenated' if hyphenated else ''}>"
                + by_first_letter(map(re.escape, chosen)) + ")")

    # A hyphenated stem is a whole word ("co-operative"); any other stem also
    # starts after a hyphen, so each part of "results-driven" is a word of its own.
    pattern = re.compile(
        rf"(?<![\w-])(?:{stems('masculine', True)}|{stems('feminine', True)})[\w-]*"
        rf"|(?<!\w)(?:{stems('masculine', False)}|{stems('feminine', False)})\w*")
    exceptions = re.compile(r"(?<!\w)(?:" + by_first_letter(data["except"]) + r")(?!\w)")
    examples = tuple((entry["text"], tuple(entry.get("masculine", ())),
                      tuple(entry.get("feminine", ()))) for entry in data["examples"])
    return GenderCodedWords(pattern, exceptions, data["strong_below"], data["strong_from"],
                            examples)
