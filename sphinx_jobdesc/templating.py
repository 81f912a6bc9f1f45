"""Jinja templates that turn a role into reStructuredText.

One Jinja environment per process and template search path. Lookup order:
the project's ``jobdesc_templates_path`` folders, then the bundled templates,
which are also reachable as ``default/<name>`` so that a project template can
``{% extends "default/jobdescription.rst.jinja" %}`` and override one block.

Escaping is automatic: every ``{{ value }}`` is escaped as plain
reStructuredText unless it is :class:`~.markup.Rst` (text from
``markup: rst`` files, or the output of the helpers below).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import jinja2
from docutils.utils import column_width
from jinja2 import pass_context
from jinja2.runtime import Context

from .core.markup import Rst, escape
from .core.model import Compensation, Location, Role
from .core.problems import Origin, Problem
from .core.views.jobdescription import (
    amount,
    date_text,
    facts,
    job_link,
    location_text,
    salary_range,
)
from .template_files import BUNDLED_TEMPLATES, dependencies, forget_lookups

_ADORNMENTS = {1: "=", 2: "-", 3: "~"}


def _finalize(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Rst):
        return value
    return escape(value if isinstance(value, str) else str(value))


def _indent(value: Any, width: int = 3) -> Rst:
    """Escape *value* unless it is RST already, and indent every line after the first."""
    return _pad(_finalize(value), width, first=False)


def _pad(text: str, width: int, *, first: bool) -> Rst:
    """*text* with its non-blank lines indented by *width*, the first one only if *first*."""
    padding = " " * width
    return Rst("\n".join(
        padding + line if line and (first or index) else line
        for index, line in enumerate(text.split("\n"))
    ))


@pass_context
def _heading(
    context: Context, slot: str, level: int = 1, text: Any = None, mode: str | None = None
) -> Rst:
    """A heading for *slot* in the directive's heading mode (section, rubric or none).

    Section headings are recorded with their slot, so the directive can give
    each generated section a stable id. Without headings, sub-parts (level 2)
    still get a rubric so they stay apart. *mode* overrides the directive's
    mode, e.g. ``"rubric"`` inside a tab or card, where sections are not allowed.
    """
    plain, mode = heading_choice(context["labels"], slot, level, text,
                                 mode or context["heading_mode"])
    title = _oneline(plain)
    if mode == "section":
        context[_HEADINGS].append(Heading(slot, " ".join(str(plain).split())))
        # as wide as docutils measures the title: CJK and emoji take two columns
        return Rst(f"{title}\n{_ADORNMENTS[level] * column_width(title)}")
    if mode == "rubric":
        return Rst(f".. rubric:: {title}\n   :class: {_anchor(context, slot)}")
    return Rst("")


def heading_choice(labels: Mapping[str, str], slot: str, level: int, text: Any, mode: str
                   ) -> tuple[Any, str]:
    """The words of the heading of *slot* and how it is shown (section, rubric or none):
    for the template helper and the node writer alike."""
    # a blank title would merge the section into the one before: the slot's label instead
    plain = labels.get(slot, slot) if text is None or not str(text).strip() else text
    return plain, "rubric" if mode == "none" and level > 1 else mode


@pass_context
def _anchor(context: Context, slot: str) -> Rst:
    """The class that gives an element the stable id of *slot* (``<prefix>-<slot>``, as a
    section would have): for a rubric, a card or a tab, where sections are not allowed."""
    context[_ANCHORS].append(slot)
    return Rst(anchor_class(slot))


def anchor_class(slot: str) -> str:
    """``jobdesc-<slot>``: the class of the element (or section) of *slot*."""
    return "jobdesc-" + slot.replace("_", "-")


def generated(classes: Iterable[str]) -> bool:
    """Whether an element with *classes* is one our templates write (a ``jobdesc-*``
    table, say), for the builders' post-transforms that reshape them."""
    return any(name.startswith("jobdesc-") for name in classes)


def _link(url: str, text: Any) -> Rst:
    """An anonymous hyperlink; *url* was validated by the schema (no spaces or brackets)."""
    return Rst(f"`{_finalize(text).replace('`', '')} <{url}>`__")


def _nest(markup: str, width: int, first: bool = True) -> Rst:
    """Indent the output of a macro or block (already RST) by *width* spaces
    (all lines but the first with ``first=False``, as in a table cell).

    For template output only: a role value passed here is not escaped.
    """
    return _pad(markup, width, first=first)


def _oneline(value: Any) -> Rst:
    """Escaped *value* on one line, for titles and definition-list terms."""
    return Rst(" ".join(_finalize(value).split()))


def _slug(value: str) -> Rst:
    """*value* as a CSS-class-safe slug (lowercase letters, digits and hyphens)."""
    return Rst(re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-"))


@pass_context
def _minutes(context: Context, value: int | None) -> str:
    """"45 min"; empty when there is no duration."""
    return f"{value} {context['labels']['minutes']}" if value else ""


@pass_context
def _facts(context: Context, role: Role) -> list[tuple[str, str]]:
    return facts(role, context["labels"], context.get("reports_to_title"),
                 context.get("last_changed"), context.get("locale"))


@pass_context
def _location(context: Context, location: Location | None) -> str:
    return location_text(location, context["labels"]) if location else ""


@pass_context
def _amount(context: Context, value: float) -> str:
    return amount(value, context.get("locale"))


@pass_context
def _date(context: Context, iso: str) -> str:
    return date_text(iso, context.get("locale"))


@pass_context
def _salary(context: Context, compensation: Compensation | None) -> str:
    return (salary_range(compensation, context["labels"], context.get("locale"))
            if compensation else "")


_LATEX_SPECIALS = {char: "\\" + char for char in "&%$#_{}"} | {
    "~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}"}


def latex(text: Any) -> Rst:
    """*text* for a ``raw:: latex`` block (labels in the printed interview kit)."""
    return Rst("".join(_LATEX_SPECIALS.get(char, char) for char in str(text)))


#: The process's Jinja environments, one per template search path.
_environments: dict[tuple[str, ...], jinja2.Environment] = {}


def environment(templates_path: tuple[str, ...]) -> jinja2.Environment:
    """The process-wide Jinja environment for a template search path (absolute folders)."""
    if templates_path not in _environments:
        _environments[templates_path] = _new_environment(templates_path)
    return _environments[templates_path]


def forget_loaded_templates(*_: object) -> None:
    """Forget compiled templates (connected to Sphinx's ``env-updated``): Jinja reloads
    a changed template file by itself, but not one that a new file in a project
    folder now shadows; the next build looks each name up again."""
    for env in _environments.values():
        env.cache.clear()  # type: ignore[union-attr]
    forget_lookups()


def _new_environment(templates_path: tuple[str, ...]) -> jinja2.Environment:
    bundled = jinja2.FileSystemLoader(BUNDLED_TEMPLATES)
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([
            jinja2.FileSystemLoader(list(templates_path)),
            jinja2.PrefixLoader({"default": bundled}),
            bundled,
        ]),
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=True,
    )
    env.filters.update(indent=_indent, oneline=_oneline, link=_link, amount=_amount,
                       date=_date, slug=_slug, minutes=_minutes, nest=_nest,
                       location=_location, salary=_salary, job=job_link, latex=latex)
    env.globals.update(heading=_heading, anchor=_anchor, facts=_facts)
    return env


class Heading(NamedTuple):
    """A section heading a template produced: its slot and its title as plain text."""

    slot: str
    title: str


_HEADINGS = "_jobdesc_headings"
_ANCHORS = "_jobdesc_anchors"


@dataclass(frozen=True)
class Rendered:
    """The RST a template produced (None on failure), the files it used, its problems,
    the section headings it wrote, in order, and the slots it marked with ``anchor()``
    (or a rubric heading)."""

    text: str | None
    files: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()
    headings: tuple[Heading, ...] = ()
    anchors: tuple[str, ...] = ()
    #: (name, file) of each template used: which file each name found ("" for none).
    lookups: tuple[tuple[str, str], ...] = ()


def render(env: jinja2.Environment, names: Sequence[str], context: Mapping[str, Any]
           ) -> Rendered:
    """Render the first of the templates *names* that exists; problems point at the
    template file and line."""
    try:
        template = env.select_template(list(names))
    except jinja2.TemplateSyntaxError as exc:
        origin = (exc.filename or names[0], exc.lineno)
        return Rendered(None, (origin[0],), (Problem("template", f"template syntax error: "
                                                       f"{exc.message}", origin),))
    except jinja2.TemplateNotFound as exc:
        return Rendered(None, (), (Problem("template", f"template not found: {exc.name}"),))
    name = template.name or names[0]
    # the names tried first and not found ("") matter too: a project may add one later
    position = list(names).index(name) if name in names else 0
    tried = tuple((missing, "") for missing in names[:position])
    lookups = tried + dependencies(env, name, template.filename or name)
    files = tuple(dict.fromkeys(filename for _, filename in lookups if filename))
    headings: list[Heading] = []
    anchors: list[str] = []
    try:
        text = template.render({**context, _HEADINGS: headings, _ANCHORS: anchors})
        return Rendered(text, files, headings=tuple(headings), anchors=tuple(anchors),
                        lookups=lookups)
    except jinja2.TemplateError as exc:
        return Rendered(None, files, (Problem("template", f"template error: {exc}",
                                              _template_origin(exc)),))


def _template_origin(exc: BaseException) -> Origin | None:
    """The template line where *exc* happened (Jinja rewrites tracebacks to template lines)."""
    traceback = exc.__traceback__
    origin: Origin | None = None
    while traceback is not None:
        filename = traceback.tb_frame.f_code.co_filename
        if filename.endswith(".jinja"):
            origin = (filename, traceback.tb_lineno)
        traceback = traceback.tb_next
    return origin
