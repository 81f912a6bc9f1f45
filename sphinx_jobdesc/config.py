"""The ``jobdesc_*`` values in Sphinx: registered from their one declaration
(:class:`~.core.config.JobdescConfig`), validated at startup.

Each value is data only (no callables) and, but for ``jobdesc_clean_outdir``,
changes the doctree, so it is registered with ``rebuild="env"``. Invalid values
are replaced by their default with a ``jobdesc.config`` warning at
``config-inited``, before Sphinx compares the configuration with the pickled
one, so the environment stays stable between builds.
"""

from __future__ import annotations

import os
import weakref
from dataclasses import fields
from typing import TYPE_CHECKING

from .core.config import JobdescConfig, declarations, sphinx_default
from .core.problems import did_you_mean
from .core.vocabulary import BUILD_AUDIENCES
from .report import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

#: The ``jobdesc_*`` names, as ``conf.py`` writes them.
NAMES = tuple(f"jobdesc_{option.name}" for option in fields(JobdescConfig))


def register(app: Sphinx) -> None:
    """Declare every ``jobdesc_*`` value and validate them when the config is read."""
    for value in declarations():
        app.add_config_value(value.name, value.default, value.rebuild, types=value.types,
                             description=value.description)
    app.connect("config-inited", _validate, priority=400)


def _validate(app: Sphinx, config: Config) -> None:
    checked, invalid = JobdescConfig.from_values({name: config[name] for name in NAMES})
    from .locale import LABELS  # Sphinx's translations: only for a build

    messages = [*invalid.values()] + [
        f"'jobdesc_labels' names no label '{name}'{did_you_mean(name, LABELS)}; it is ignored"
        for name in checked.labels if name not in LABELS]
    for message in messages:
        warn(message, "config", None)
    for name, option in zip(NAMES, fields(JobdescConfig), strict=True):
        if name in invalid:
            config[name] = sphinx_default(option.metadata["default"])
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


_read: weakref.WeakKeyDictionary[Config, JobdescConfig] = weakref.WeakKeyDictionary()


def settings(config: Config) -> JobdescConfig:
    """The validated ``jobdesc_*`` values of *config* (read once per build process)."""
    if config not in _read:
        _read[config] = JobdescConfig.from_values({name: config[name] for name in NAMES})[0]
    return _read[config]
