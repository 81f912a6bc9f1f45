"""The ``jobdesc_*`` configuration values: declared once, validated at startup.

Each value is data only (no callables) and changes the doctree, so it is
registered with ``rebuild="env"``. Invalid values are replaced by their
default with a ``jobdesc.config`` warning at ``config-inited``, before Sphinx
compares the configuration with the pickled one, so the environment stays
stable between builds.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from .problems import warn

#: The parts of a job description, in their default order.
JOBDESCRIPTION_SECTIONS = (
    "facts",
    "summary",
    "about",
    "responsibilities",
    "requirements",
    "benefits",
    "extra",
    "faq",
    "hiring_process",
    "apply",
)
#: The parts of an interview guide, in their default order.
INTERVIEWGUIDE_SECTIONS = ("overview", "competencies", "stages", "scorecards")
LAYOUTS = ("auto", "plain", "design")
HEADINGS = ("auto", "section", "rubric", "none")
MARKUPS = ("text", "rst")


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


@dataclass(frozen=True)
class _Option:
    name: str
    default: Any
    valid: Callable[[Any], bool]
    expected: str
    description: str


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
)


def register(app: Sphinx) -> None:
    """Declare every ``jobdesc_*`` value and validate them when the config is read."""
    for option in OPTIONS:
        app.add_config_value(f"jobdesc_{option.name}", option.default, "env",
                             types=_types(option.default),
                             description=option.description)
    app.connect("config-inited", _validate, priority=400)


def _types(default: Any) -> frozenset[type]:
    return frozenset({list, tuple}) if isinstance(default, list) else frozenset({type(default)})


def _validate(app: Sphinx, config: Config) -> None:
    for option in OPTIONS:
        name = f"jobdesc_{option.name}"
        value = config[name]
        if not option.valid(value):
            warn(f"invalid value {value!r} for '{name}': expected {option.expected}; "
                 f"using {option.default!r}", "config", None)
            config[name] = option.default
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
    )
