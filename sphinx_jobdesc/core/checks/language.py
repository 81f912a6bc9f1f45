"""Lint rules that need the merged role rather than one text: the gender-coded
balance of the job ad, years of experience for the level, and the length of
the must-have list."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from ..model import Item, Role
from ..problems import Problem
from .comments import Source
from .lint import Linter, gender_coded_words, linter, rule, rules
from .settings import CheckSettings

_YEARS = re.compile(
    # possessive \s*+: no backtracking into a run of spaces (linear on any text)
    r"(?<![\w.])(\d{1,2})\s*+(?:\+|plus)?\s*+(?:(?:-|\u2013|to)\s*+\d{1,2}\s*+\+?\s*+)?"
    r"(?:years?|yrs?)\b",
    re.IGNORECASE)


def language_problems(role: Role, settings: CheckSettings) -> list[Problem]:
    """The findings of the rules checked in code (``check:`` in ``job-ad.yaml``)."""
    lint = linter(settings.lint)
    problems = []
    for code_rule in rules():
        if code_rule.check is not None and lint.is_on(code_rule.id):
            problems += CODE_RULES[code_rule.check](role, settings, lint)
    if not problems:
        return []
    sources: dict[str, Source] = {}

    def disabled(problem: Problem) -> bool:
        if problem.origin is None or problem.rule is None:
            return False
        path, line = problem.origin
        if path not in sources:
            sources[path] = Source.read(path)
        return sources[path].disabled(problem.rule, line)

    return [problem for problem in problems if not disabled(problem)]


def _name(role: Role) -> str:
    return f"'{role.level.title if role.level else role.title}'"


def _max_years(role: Role, settings: CheckSettings) -> tuple[int, str]:
    """The most years of experience the level may ask for, and the word that decided it."""
    limits = dict(settings.max_years)
    words = []
    if role.level is not None:
        words += [role.level.id, *re.split(r"[\s+-]+", role.level.id),
                  *role.level.title.lower().split()]
    words += role.title.lower().split()
    for word in words:
        if word in limits:
            return limits[word], word
    return limits.get("*", 99), "*"


def _long_must_list(role: Role, settings: CheckSettings, lint: Linter) -> list[Problem]:
    if not settings.max_must or len(role.requirements.must) <= settings.max_must:
        return []
    return [lint.rule_problem(
        "long-must-list", f"{_name(role)} has {len(role.requirements.must)} must-have "
        f"requirements, more than {settings.max_must}",
        role.origins.get("requirements", role.origin))]


def _years_problems(role: Role, settings: CheckSettings, lint: Linter) -> list[Problem]:
    limit, word = _max_years(role, settings)
    items: tuple[Item, ...] = role.requirements.must + role.requirements.nice
    problems = []
    for item in items:
        for match in _YEARS.finditer(item.text):
            years = int(match.group(1))
            if years > limit:
                level = f"a '{word}' level" if word != "*" else "any level"
                problems.append(lint.rule_problem(
                    "years-of-experience", f'"{match.group().strip()}" for {_name(role)}: '
                    f"{rule('years-of-experience').reason} ({level} needs at most {limit})",
                    item.origin))
    return problems


def _gender_coded_problems(role: Role, settings: CheckSettings, lint: Linter) -> list[Problem]:
    """The balance of masculine- and feminine-coded words in what applicants read."""
    masculine: list[str] = []
    feminine: list[str] = []
    for text in _job_ad_texts(role):  # text by text: no phrase spans two texts
        masculine_words, feminine_words = lint.coded_words(text)
        masculine += masculine_words
        feminine += feminine_words
    score = len(feminine) - len(masculine)
    if score >= 0:
        return []
    strength = "strongly " if score < gender_coded_words().strong_below else ""
    problem = lint.rule_problem(
        "gender-coded", f"{_name(role)} reads {strength}masculine-coded: "
        f"{_words(len(masculine), 'masculine-coded')} ({_counted(masculine)}) against "
        f"{len(feminine)} feminine-coded ({_counted(feminine) or 'none'})",
        role.origins.get("summary", role.origin))
    if strength and problem.severity == "notice":  # a strong imbalance matters more
        problem = replace(problem, severity="warning")
    return [problem]


def _words(count: int, kind: str) -> str:
    return f"{count} {kind} word" + ("" if count == 1 else "s")


def _counted(words: list[str]) -> str:
    return ", ".join(f"{word} x{n}" if n > 1 else word for word, n in Counter(words).most_common())


def _job_ad_texts(role: Role) -> list[str]:
    """What a job ad shows applicants (the interview guide is not an ad)."""
    texts = [role.level.title if role.level else role.title, role.summary]
    texts += [role.level_summary] if role.level_summary else []
    texts += [t for t in (role.about, role.how_to_apply) if t]
    items = (role.responsibilities + role.requirements.must + role.requirements.nice
             + role.benefits)
    texts += [item.text for item in items]
    texts += [part for section in role.sections for part in (section.title, section.body)]
    texts += [part for entry in role.faq for part in (entry.question, entry.answer)]
    return texts


#: The rules checked in code, by the ``check`` id their entry in ``job-ad.yaml`` declares.
CODE_RULES: dict[str, Callable[[Role, CheckSettings, Linter], list[Problem]]] = {
    "years-of-experience": _years_problems,
    "long-must-list": _long_must_list,
    "gender-coded": _gender_coded_problems,
}
assert {r.check for r in rules() if r.check} == set(CODE_RULES), "job-ad.yaml and CODE_RULES"
