"""Lint rules that need the merged role rather than one text: the gender-coded
balance of the job ad, years of experience for the level, and the length of
the must-have list."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from ..model import Item, Role
from ..problems import Origin, Problem
from .comments import Source
from .lint import Linter, linter
from .rulebook import gender_coded_words, rule, rules
from .settings import CheckSettings

#: Numbers written as words ("five years of experience"), as the years check reads them.
NUMBER_WORDS = {word: value for value, word in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty"))}
_NUMBER = r"(?:\d{1,2}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
_YEARS = re.compile(
    # possessive \s*+: no backtracking into a run of spaces (linear on any text)
    rf"(?<![\w.])({_NUMBER})\s*+(?:\+|plus)?\s*+(?:(?:-|\u2013|to)\s*+{_NUMBER}\s*+\+?\s*+)?"
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
        lowered = item.text.lower()
        if "y" not in lowered or ("year" not in lowered and "yr" not in lowered):
            continue  # most requirements name no years: skip the costlier pattern
        for match in _YEARS.finditer(item.text):
            number = match.group(1).lower()
            years = int(number) if number.isdigit() else NUMBER_WORDS[number]
            if years > limit:
                level = f"a '{word}' level" if word != "*" else "any level"
                problems.append(lint.rule_problem(
                    "years-of-experience", f'"{match.group().strip()}" for {_name(role)}: '
                    f"{rule('years-of-experience').reason} ({level} needs at most {limit})",
                    item.origin))
    return problems


def _gender_coded_problems(role: Role, settings: CheckSettings, lint: Linter) -> list[Problem]:
    """The balance of masculine- and feminine-coded words in what applicants read:
    masculine-coded is a notice (strongly: a warning), feminine-coded information."""
    masculine: list[str] = []
    feminine: list[str] = []
    for text in _job_ad_texts(role):  # text by text: no phrase spans two texts
        masculine_words, feminine_words = lint.coded_words(text)
        masculine += masculine_words
        feminine += feminine_words
    return coding_problems(_name(role), masculine, feminine, lint,
                           role.origins.get("summary", role.origin))


def coding_problems(name: str, masculine: list[str], feminine: list[str], lint: Linter,
                    where: Origin | None, *, neutral: bool = False) -> list[Problem]:
    """The verdict on *name*'s coded words: masculine-coded is the rule's problem
    (strongly: at least a warning), feminine-coded information, and neutral nothing
    (or information, with *neutral*)."""
    verdict = gender_coded_words().verdict(len(masculine), len(feminine))
    counted = f"{_tally(masculine, 'masculine')} against {_tally(feminine, 'feminine')}"
    if verdict == "neutral":
        return [Problem("lint", f"{name} reads neutral: {counted} [gender-coded]", where,
                        "info", "gender-coded")] if neutral else []
    if verdict.endswith("feminine-coded"):
        return [Problem("lint", f"{name} reads {verdict}: {counted}; for information "
                        "only: in the study, feminine-coded wording hardly put men off "
                        "[gender-coded]", where, "info", "gender-coded")]
    problem = lint.rule_problem("gender-coded", f"{name} reads {verdict}: {counted}", where)
    if verdict.startswith("strongly") and problem.severity == "notice":  # it matters more
        problem = replace(problem, severity="warning")
    return [problem]


def _tally(words: list[str], kind: str) -> str:
    """"2 masculine-coded words (driven x2)", or "no masculine-coded words"."""
    if not words:
        return f"no {kind}-coded words"
    return f"{len(words)} {kind}-coded word{'' if len(words) == 1 else 's'} ({_counted(words)})"


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
