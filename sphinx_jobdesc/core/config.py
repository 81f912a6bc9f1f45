"""The ``jobdesc_*`` configuration values, declared once.

:class:`JobdescConfig` is the declaration: each field has its default, a
validator, what Sphinx rebuilds when it changes and the description the
docs' reference table is generated from (``sphinx_jobdesc/reference.py``). The Sphinx
layer registers and validates the fields (``sphinx_jobdesc/config.py``), the
command line reads a ``conf.py`` into the same class, and the directives, the
export and the checks read its typed, immutable values.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from functools import cached_property
from types import MappingProxyType
from typing import Any, Literal, NamedTuple

from .checks.rulebook import rules
from .checks.settings import DEFAULT_MAX_YEARS, CheckSettings, LintSettings
from .problems import SEVERITIES
from .vocabulary import (
    BUILD_AUDIENCES,
    CHECKS,
    HEADINGS,
    JOBDESCRIPTION_SECTIONS,
    LAYOUTS,
    MARKUPS,
)


def _is_str(value: Any) -> bool:
    return isinstance(value, str) and bool(value)


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list | tuple) and all(isinstance(v, str) for v in value)


def _is_labels(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items())


def _one_of(choices: tuple[str, ...]) -> Callable[[Any], bool]:
    return lambda value: value in choices


def _list_of(choices: tuple[str, ...]) -> Callable[[Any], bool]:
    return lambda value: _is_str_list(value) and all(v in choices for v in value)


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_bool(value: Any) -> bool:
    return isinstance(value, bool)


def _is_anchor_requirement(value: Any) -> bool:
    return isinstance(value, bool) or value == "question"


def _is_years(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and _is_count(v) for k, v in value.items())


def _is_rule_settings(value: Any) -> bool:
    known = {rule.id for rule in rules()}
    return isinstance(value, dict) and all(
        k in known and v in ("off", *SEVERITIES) for k, v in value.items())


def _value(default: Any, valid: Callable[[Any], bool], expected: str, description: str, *,
           shown: str = "", rebuild: Literal["", "env"] = "env") -> Any:
    """A configuration field. *default* is immutable here (a tuple, a read-only mapping);
    :func:`sphinx_default` gives the list or dict users write in ``conf.py``.
    *shown* is the docs' default column, when the default is too long to show."""
    metadata = {"default": default, "valid": valid, "expected": expected,
                "description": description, "shown": shown, "rebuild": rebuild}
    if isinstance(default, Mapping):  # unhashable: dataclasses want a factory
        return field(default_factory=lambda: default, metadata=metadata)
    return field(default=default, metadata=metadata)


_NO_LABELS: Mapping[str, str] = MappingProxyType({})
_NO_YEARS: Mapping[str, int] = MappingProxyType({})
_NO_RULES: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True)
class JobdescConfig:
    """Every ``jobdesc_*`` value (without the prefix), validated."""

    roles_dir: str = _value(
        "roles", _is_str, "a folder name",
        "folder, relative to the source folder, where role ids are looked up")
    templates_path: tuple[str, ...] = _value(
        (), _is_str_list, "a list of folders",
        "folders, relative to the configuration folder, searched for templates before the "
        "bundled ones")
    layout: str = _value(
        "auto", _one_of(LAYOUTS), "one of " + ", ".join(LAYOUTS),
        "`auto`, `plain` or `design` (see `:layout:`)")
    heading: str = _value(
        "auto", _one_of(HEADINGS), "one of " + ", ".join(HEADINGS),
        "default for `:heading:`")
    sections: tuple[str, ...] = _value(
        JOBDESCRIPTION_SECTIONS, _list_of(JOBDESCRIPTION_SECTIONS),
        "a list of " + ", ".join(JOBDESCRIPTION_SECTIONS),
        "default for `:sections:`", shown="all parts")
    markup: str = _value(
        "text", _one_of(MARKUPS), "'text' or 'rst'",
        "how text in role files is read unless a file says `markup:`: `text` (shown exactly) "
        "or `rst` (inline reStructuredText)")
    labels: Mapping[str, str] = _value(
        _NO_LABELS, _is_labels, "a dict of label names to text",
        "replace generated labels, e.g. `{\"responsibilities\": \"What you will do\"}`; names "
        "are those of `:sections:` plus `must`, `nice`, `level`, `levels`, `level_summary`, "
        "`interviewguide_title`, `jobladder_title` (`{title}` is the role's title), "
        "`department`, `team`, `location`, `employment_type`, `salary`, `apply_link`, "
        "`minutes` and the enum values (`FULL_TIME`, `YEAR`, `remote`, ...); the labels "
        "follow `language` (de, fr, es, pt_BR and ru ship), and these replace them")
    audience: str = _value(
        "internal", _one_of(BUILD_AUDIENCES), "'internal' or 'public'",
        "`internal` or `public` (see *Public and internal builds*); `-t public` or "
        "`-t internal` sets it too")
    jsonld: bool = _value(
        False, _is_bool, "True or False",
        "add a JobPosting to single-role pages even for roles without `posting` data")
    export: bool = _value(
        False, _is_bool, "True or False",
        "HTML builds also write `jobdesc.json` and `greenhouse.json`")
    clean_outdir: bool = _value(
        False, _is_bool, "True or False",
        "a public build into a folder that holds an internal build empties the folder first "
        "(sources and doctrees inside it are kept); without it the build stops with an error",
        rebuild="")
    last_changed: bool = _value(
        False, _is_bool, "True or False",
        "job descriptions show a *Last changed* fact: the date of the last commit that "
        "changed the merged role (base files included), read from git as `jobhistory` reads it")
    history_required: bool = _value(
        False, _is_bool, "True or False",
        "a `jobhistory` that cannot show the whole history (no git, not a repository, a "
        "shallow clone) is a `jobdesc.git` warning, not a note on the page")
    checks: tuple[str, ...] = _value(
        CHECKS, _list_of(CHECKS), "a list of " + ", ".join(CHECKS),
        "the checks that run: " + ", ".join(f"`{name}`" for name in CHECKS)
        + " (reference errors are always reported)", shown="all")
    time_tolerance: int = _value(
        0, _is_count, "a number of minutes (0 or more)",
        "minutes a stage's questions may run over the stage's `duration_minutes`")
    require_anchors: bool | str = _value(
        False, _is_anchor_requirement, "True, False or 'question'",
        "every question needs an anchor for every rating value, its own or its competencies' "
        "(`\"question\"`: its own); a role file can ask for this with "
        "`interview.require_anchors: true` or `question`")
    require_salary: bool = _value(
        False, _is_bool, "True or False",
        "every rendered role needs a salary range (pay-transparency laws)")
    stale_after_days: int = _value(
        365, _is_count, "a number of days (0: never stale)",
        "a role whose `reviewed` date is older is stale (`0`: never)")
    max_must: int = _value(
        8, _is_count, "a number (0: no limit)",
        "more must-have requirements than this is a `long-must-list` finding (`0`: no limit)")
    max_years_experience: Mapping[str, int] = _value(
        _NO_YEARS, _is_years, "a dict of level words to numbers of years",
        "most years of experience a requirement may ask for, by a word of the level's id or "
        "title, merged into the defaults `intern`/`graduate` 0, `junior`/`associate` 2, "
        "`middle`/`mid`/`intermediate` 5, `senior` 8, `lead`/`staff` 10, `principal` 12, "
        "`*` (any other) 10", shown="see below")
    lint_allow: tuple[str, ...] = _value(
        (), _is_str_list, "a list of words or phrases",
        "words and phrases the lint accepts everywhere, e.g. a product name: "
        "`[\"Ninja\", \"Guru Cloud\"]`")
    lint_rules: Mapping[str, str] = _value(
        _NO_RULES, _is_rule_settings,
        "a dict of lint rule ids to 'off', 'info', 'notice', 'warning' or 'error'",
        "lint rule ids to `\"off\"`, `\"info\"` (shown, never a warning), `\"notice\"`, "
        "`\"warning\"` or `\"error\"`, e.g. "
        "`{\"development-environment\": \"off\"}`")

    @classmethod
    def from_values(cls, raw: Mapping[str, Any]) -> tuple[JobdescConfig, dict[str, str]]:
        """The configuration of the ``jobdesc_*`` values in *raw* (each default where
        missing or invalid), and a message for each invalid one, by name. Shared by
        the build and the command line."""
        values: dict[str, Any] = {}
        invalid = {}
        for option in fields(cls):
            name = f"jobdesc_{option.name}"
            default = option.metadata["default"]
            value = raw.get(name, default)
            if not option.metadata["valid"](value):
                invalid[name] = (f"invalid value {value!r} for '{name}': expected "
                                 f"{option.metadata['expected']}; using "
                                 f"{sphinx_default(default)!r}")
                value = default
            values[option.name] = _frozen(value)
        return cls(**values), invalid

    @cached_property
    def check_settings(self) -> CheckSettings:
        """What the checks are asked to do."""
        return CheckSettings(
            enabled=frozenset(self.checks),
            time_tolerance=self.time_tolerance,
            require_anchors=self.require_anchors,
            require_salary=self.require_salary,
            stale_after_days=self.stale_after_days,
            max_must=self.max_must,
            max_years=tuple({**DEFAULT_MAX_YEARS, **self.max_years_experience}.items()),
            lint=LintSettings(self.lint_allow, tuple(self.lint_rules.items())),
        )


def _frozen(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return tuple(value)
    if isinstance(value, Mapping):
        return MappingProxyType(dict(value))
    return value


def sphinx_default(default: Any) -> Any:
    """*default* as ``conf.py`` writes it: a list for a tuple, a dict for a mapping."""
    if isinstance(default, tuple):
        return list(default)
    if isinstance(default, Mapping):
        return dict(default)
    return default


class Declaration(NamedTuple):
    """One value as Sphinx's ``Config.add`` (and ``app.add_config_value``) takes it."""

    name: str
    default: Any
    rebuild: Literal["", "env"]
    types: frozenset[type]
    description: str


def declarations() -> Iterator[Declaration]:
    """Every ``jobdesc_*`` value, for registering it with Sphinx (the build, and the
    command line reading a ``conf.py``)."""
    for option in fields(JobdescConfig):
        default = sphinx_default(option.metadata["default"])
        types = frozenset({list, tuple}) if isinstance(default, list) else frozenset(
            {type(default)})
        yield Declaration(f"jobdesc_{option.name}", default, option.metadata["rebuild"], types,
                          option.metadata["description"])
