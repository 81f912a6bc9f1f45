"""The ``jobdesc_*`` configuration values: declared once, validated at startup.

Each value is data only (no callables) and changes the doctree, so it is
registered with ``rebuild="env"``. Invalid values are replaced by their
default with a ``jobdesc.config`` warning at ``config-inited``, before Sphinx
compares the configuration with the pickled one, so the environment stays
stable between builds.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from .core.checks import CheckSettings, LintSettings
from .core.checks.lint import rules
from .core.checks.settings import DEFAULT_MAX_YEARS
from .core.problems import SEVERITIES, did_you_mean
from .core.vocabulary import (
    BUILD_AUDIENCES,
    CHECKS,
    HEADINGS,
    JOBDESCRIPTION_SECTIONS,
    LAYOUTS,
    MARKUPS,
)
from .report import warn

if TYPE_CHECKING:  # the command line reads these values without importing Sphinx
    from sphinx.application import Sphinx
    from sphinx.config import Config



def _is_str(value: Any) -> bool:
    return isinstance(value, str) and bool(value)


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list | tuple) and all(isinstance(v, str) for v in value)


def _is_sections(value: Any) -> bool:
    return _is_str_list(value) and all(v in JOBDESCRIPTION_SECTIONS for v in value)


def _is_labels(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items())


def _one_of(choices: tuple[str, ...]) -> Callable[[Any], bool]:
    return lambda value: value in choices


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_bool(value: Any) -> bool:
    return isinstance(value, bool)


def _is_checks(value: Any) -> bool:
    return _is_str_list(value) and all(v in CHECKS for v in value)


def _is_years(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and _is_count(v) for k, v in value.items())


def _is_rule_settings(value: Any) -> bool:
    known = {rule.id for rule in rules()}
    return isinstance(value, dict) and all(
        k in known and v in ("off", *SEVERITIES) for k, v in value.items())


@dataclass(frozen=True)
class _Option:
    name: str
    default: Any
    valid: Callable[[Any], bool]
    expected: str
    description: str
    #: What Sphinx rebuilds when the value changes ("env": every page is re-read).
    rebuild: Literal["", "env"] = "env"


OPTIONS = (
    _Option("roles_dir", "roles", _is_str, "a folder name",
            "Folder (relative to the source directory) where role ids are looked up."),
    _Option("templates_path", [], _is_str_list, "a list of folders",
            "Folders (relative to the configuration directory) searched for templates "
            "before the bundled ones."),
    _Option("layout", "auto", _one_of(LAYOUTS), "one of " + ", ".join(LAYOUTS),
            "'design' uses sphinx-design cards and badges, 'plain' plain sections; "
            "'auto' is 'design' when sphinx_design is loaded."),
    _Option("heading", "auto", _one_of(HEADINGS), "one of " + ", ".join(HEADINGS),
            "How generated parts are headed: real sections, rubrics or nothing; "
            "'auto' uses sections where docutils allows them."),
    _Option("sections", list(JOBDESCRIPTION_SECTIONS), _is_sections,
            "a list of " + ", ".join(JOBDESCRIPTION_SECTIONS),
            "The parts a job description shows, in order."),
    _Option("markup", "text", _one_of(MARKUPS), "'text' or 'rst'",
            "How text in role files is read unless a file says 'markup:'."),
    _Option("labels", {}, _is_labels, "a dict of label names to text",
            "Replacements for generated headings and labels, e.g. "
            "{'responsibilities': \"What you'll do\"}."),
    _Option("audience", "internal", _one_of(BUILD_AUDIENCES), "'internal' or 'public'",
            "Who the build is for: 'public' leaves out interview questions, anchors, "
            "scorecards and everything marked 'visibility: internal'. "
            "'sphinx-build -t public' (or -t internal) sets it too."),
    _Option("jsonld", False, _is_bool, "True or False",
            "Emit a schema.org JobPosting on single-role pages even when the role has no "
            "'posting' data."),
    _Option("export", False, _is_bool, "True or False",
            "HTML builds also write jobdesc.json and greenhouse.json (as -b jobdesc does)."),
    _Option("clean_outdir", False, _is_bool, "True or False",
            "A public build whose output folder holds an internal build empties the folder "
            "first; without it, such a build stops with an error.", rebuild=""),
    _Option("checks", list(CHECKS), _is_checks, "a list of " + ", ".join(CHECKS),
            "The checks that run on each rendered role (reference errors are always reported)."),
    _Option("time_tolerance", 0, _is_count, "a number of minutes (0 or more)",
            "Minutes a stage's questions may run over the stage's duration."),
    _Option("require_anchors", False, _is_bool, "True or False",
            "Every question needs an anchor for every rating value (its own or its "
            "competencies'); a role file can ask for this with 'interview.require_anchors'."),
    _Option("require_salary", False, _is_bool, "True or False",
            "Every rendered role needs a salary range (pay-transparency laws)."),
    _Option("stale_after_days", 365, _is_count, "a number of days (0: never stale)",
            "A role whose 'reviewed' date is older than this is reported as stale."),
    _Option("max_must", 8, _is_count, "a number (0: no limit)",
            "More must-have requirements than this is a lint finding (long-must-list)."),
    _Option("max_years_experience", {}, _is_years,
            "a dict of level words to numbers of years",
            "Most years of experience a requirement may ask for, by a word of the level's id "
            "or title ('*' for any other); merged into the defaults "
            + ", ".join(f"{k}={v}" for k, v in DEFAULT_MAX_YEARS.items()) + "."),
    _Option("lint_allow", [], _is_str_list, "a list of words or phrases",
            "Words and phrases the lint accepts everywhere, such as a product name "
            "('Ninja', 'Guru Cloud')."),
    _Option("lint_rules", {}, _is_rule_settings,
            "a dict of lint rule ids to 'off', 'notice', 'warning' or 'error'",
            "Turns lint rules off or changes their severity."),
)


def register(app: Sphinx) -> None:
    """Declare every ``jobdesc_*`` value and validate them when the config is read."""
    for option in OPTIONS:
        app.add_config_value(f"jobdesc_{option.name}", option.default, option.rebuild,
                             types=_types(option.default),
                             description=option.description)
    app.connect("config-inited", _validate, priority=400)


def _names() -> list[str]:
    return [f"jobdesc_{option.name}" for option in OPTIONS]


def _types(default: Any) -> frozenset[type]:
    return frozenset({list, tuple}) if isinstance(default, list) else frozenset({type(default)})


def read_conf_py(conf_dir: str) -> dict[str, Any]:
    """The ``jobdesc_*`` values of *conf_dir*/``conf.py``, read by Sphinx's own loader as
    ``sphinx-build`` reads it (in its folder, ``tags`` defined, no tags set), unvalidated.

    For the command line: Sphinx's reader, not a copy of it, so both agree on what a
    ``conf.py`` means.
    """
    from sphinx.config import Config
    from sphinx.util.tags import Tags

    # sphinx-build passes an absolute folder; a relative one would be read twice over
    config = Config.read(os.path.abspath(conf_dir), overrides={}, tags=Tags())
    for option in OPTIONS:
        config.add(f"jobdesc_{option.name}", option.default, option.rebuild,
                   _types(option.default))
    config.init_values()
    return {name: config[name] for name in _names()}


def validated_values(raw: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Every ``jobdesc_*`` value of *raw* (the default where missing or invalid), and a
    message for each invalid one. Shared by the build and the command line."""
    values: dict[str, Any] = {}
    messages = []
    for option in OPTIONS:
        name = f"jobdesc_{option.name}"
        value = raw.get(name, option.default)
        if not option.valid(value):
            messages.append(f"invalid value {value!r} for '{name}': expected "
                            f"{option.expected}; using {option.default!r}")
            value = option.default
        values[name] = value
    return values, messages


def _validate(app: Sphinx, config: Config) -> None:
    values, messages = validated_values({name: config[name] for name in _names()})
    from .locale import LABELS  # Sphinx's translations: only for a build

    messages += [f"'jobdesc_labels' names no label '{name}'{did_you_mean(name, LABELS)}; "
                 "it is ignored" for name in values["jobdesc_labels"] if name not in LABELS]
    for message in messages:
        warn(message, "config", None)
    for name, value in values.items():
        if value is not config[name]:
            config[name] = value
    for audience in BUILD_AUDIENCES:  # -t public / -t internal choose the audience of this build
        if app.tags.has(audience):
            config.jobdesc_audience = audience
    # Templates are looked up from the configuration directory, as Sphinx's own
    # templates_path is; resolve once here, deterministically, before Sphinx
    # compares this config with the pickled one.
    config.jobdesc_templates_path = [
        os.path.normpath(os.path.join(app.confdir, folder))
        for folder in config.jobdesc_templates_path
    ]


@dataclass(frozen=True)
class Settings:
    """The validated configuration, as the directives read it."""

    roles_dir: str
    templates_path: tuple[str, ...]
    layout: str
    heading: str
    sections: tuple[str, ...]
    markup: str
    labels: dict[str, str]
    checks: CheckSettings
    audience: str
    jsonld: bool


def settings(config: Config) -> Settings:
    """The validated ``jobdesc_*`` values of *config*."""
    return Settings(
        roles_dir=config.jobdesc_roles_dir,
        templates_path=tuple(config.jobdesc_templates_path),
        layout=config.jobdesc_layout,
        heading=config.jobdesc_heading,
        sections=tuple(config.jobdesc_sections),
        markup=config.jobdesc_markup,
        labels=dict(config.jobdesc_labels),
        checks=check_settings(config),
        audience=config.jobdesc_audience,
        jsonld=config.jobdesc_jsonld,
    )


def check_settings(values: Config | Mapping[str, Any]) -> CheckSettings:
    """What the checks are asked to do, from validated ``jobdesc_*`` values.

    Also used by the command line with the values of a ``conf.py``.
    """
    def value(name: str) -> Any:
        return values[f"jobdesc_{name}"]

    return CheckSettings(
        enabled=frozenset(value("checks")),
        time_tolerance=value("time_tolerance"),
        require_anchors=value("require_anchors"),
        require_salary=value("require_salary"),
        stale_after_days=value("stale_after_days"),
        max_must=value("max_must"),
        max_years=tuple({**DEFAULT_MAX_YEARS, **value("max_years_experience")}.items()),
        lint=LintSettings(tuple(value("lint_allow")), tuple(value("lint_rules").items())),
    )
