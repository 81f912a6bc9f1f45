"""Check one role file against the shipped JSON Schema, keeping what is valid.

The schema file (``schema/role.schema.json``) is the single source of truth:
editors use it for completion and this module compiles the subset of JSON
Schema it is written in, so the loader and the schema cannot disagree. It is
compiled once per process into one small function per schema node (what each
node checks is decided then, not looked up again for every value), which keeps
validating a file cheaper than parsing it. Unlike a plain JSON Schema
validator it reports each problem at the YAML line that
caused it, suggests the key that was probably meant, and removes the invalid
parts from the data, so the rest of the role still renders.

Four extension keywords drive the rest of the pipeline: ``x-merge: by-id``
marks item lists that inheritance merges by id, ``x-text`` marks text fields
(read as reStructuredText in ``markup: rst`` files), ``x-lint`` marks other
prose the language lint reads (titles, names), and ``x-required-after-merge``
lists the keys a role needs once inheritance has been applied.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable
from functools import cache
from typing import Any

from . import markup
from .problems import Origin, Problem, Subtype, did_you_mean, quoted
from .schema import (
    JSON_TYPES,
    TYPE_NAMES,
    JsonSchema,
    compiled_pattern,
    describe,
    properties,
    resolve,
    role_schema,
    type_of,
)
from .tree import Map, Seq

_INVALID = object()
#: The schema of list items the schema does not describe (one object: nodes are
#: compiled once per object).
_ANYTHING: JsonSchema = {}



#: Prose written in a role file (``x-text`` and ``x-lint`` values), with its origin.
Texts = list[tuple[str, Origin]]


def validate_file(data: Map, markup_default: str) -> tuple[Map, list[Problem], Texts]:
    """Validate one file's data; return the valid part, the problems found, and the
    file's prose (what the language lint reads, collected on the way).

    Works in place (invalid entries are removed from *data*): the loader's
    tree is fresh and unshared, and not copying it keeps a build's garbage
    collector from having twice the objects to look at.
    """
    problems: list[Problem] = []
    file_markup = data.get("markup", markup_default)
    if file_markup not in ("text", "rst"):
        file_markup = markup_default
    run = _Run(problems, rst=file_markup == "rst")
    cleaned = _compiled()(run, data, None, data.origin, False)
    return cleaned, problems, run.texts


#: Where a value is, as (parent, key) pairs from the root (None); written out as
#: ``levels[0].title`` only when a problem is reported.
_Path = tuple[Any, str | int] | None


def _written(path: _Path) -> str:
    keys: list[str | int] = []
    while path is not None:
        path, key = path
        keys.append(key)
    text = ""
    for key in reversed(keys):
        text = f"{text}[{key}]" if isinstance(key, int) else f"{text}.{key}" if text else key
    return text


#: A date as the format writes it; Python's fromisoformat also takes 20261102 or 2026-W45-1.
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class _Run:
    """What validating one file collects: its problems and its prose."""

    def __init__(self, problems: list[Problem], *, rst: bool) -> None:
        self.problems = problems
        self.rst = rst
        self.texts: Texts = []

    def report(self, path: _Path, message: str, origin: Origin,
               subtype: Subtype = "schema") -> None:
        where = _written(path)
        self.problems.append(Problem(subtype, f"{where}: {message}" if where else message,
                                     origin))


#: A compiled schema node: the valid part of a value (or ``_INVALID``), given the run,
#: the value, where it is, its origin and whether it is an entry of an id-merged list.
_Check = Callable[[_Run, Any, _Path, Origin, bool], Any]


@cache
def _compiled() -> _Check:
    return _Compiler().node(role_schema())


class _Compiler:
    """Turns schema nodes into checks, each node once (the role schema has no cycles)."""

    def __init__(self) -> None:
        self.done: dict[int, _Check] = {}

    def node(self, schema: JsonSchema) -> _Check:
        schema = resolve(schema)
        key = id(schema)
        if key not in self.done:
            alternatives = schema.get("oneOf") or schema.get("anyOf")
            self.done[key] = (self.alternatives([resolve(alt) for alt in alternatives])
                              if alternatives else self.typed(schema))
        return self.done[key]

    def alternatives(self, schemas: list[JsonSchema]) -> _Check:
        options = [(_accepted(alt.get("type")), self.node(alt)) for alt in schemas]
        expected = describe([alt["type"] for alt in schemas if "type" in alt])

        def check(run: _Run, value: Any, path: _Path, origin: Origin, override: bool) -> Any:
            name = JSON_TYPES.get(type(value)) or type_of(value)
            for accepted, validate in options:
                if accepted is None or name in accepted:
                    return validate(run, value, path, origin, override)
            run.report(path, f"expected {expected}, got {TYPE_NAMES[name]}", origin)
            return _INVALID
        return check

    def typed(self, schema: JsonSchema) -> _Check:
        accepted = _accepted(schema.get("type"))
        expected = describe(schema.get("type") or [])
        # a container the type does not name is compiled when first met (an untyped
        # list's items are untyped lists, and so on, as deep as the data goes)
        wants = accepted or frozenset()
        mapping = self.mapping(schema) if "object" in wants else _later(self.mapping, schema)
        sequence = self.sequence(schema) if "array" in wants else _later(self.sequence, schema)
        scalar = _scalar(schema)
        # the one type most nodes name, taken without looking further
        usual = {"string": str, "object": Map, "array": Seq}.get(
            next(iter(accepted)) if accepted and len(accepted) == 1 else "")

        def check(run: _Run, value: Any, path: _Path, origin: Origin, override: bool) -> Any:
            if type(value) is usual:
                if usual is str:
                    return scalar(run, value, path, origin)
                if usual is Map:
                    return mapping(run, value, path, override)
                return sequence(run, value, path)
            name = JSON_TYPES.get(type(value)) or type_of(value)
            if accepted is not None and name not in accepted:
                run.report(path, f"expected {expected}, got {TYPE_NAMES[name]}", origin)
                return _INVALID
            if isinstance(value, Map):
                return mapping(run, value, path, override)
            if isinstance(value, Seq):
                return sequence(run, value, path)
            return scalar(run, value, path, origin)
        return check

    def mapping(self, schema: JsonSchema) -> Callable[[_Run, Map, _Path, bool], Any]:
        names = properties(schema)
        known = {name: self.node(child) for name, child in names.items()}
        patterns = [(compiled_pattern(p), self.node(s))
                    for p, s in schema.get("patternProperties", {}).items()]
        closed = (schema.get("additionalProperties") is False
                  or schema.get("unevaluatedProperties") is False
                  or "propertyNames" in schema)  # the role's own keys, listed for editors
        required: list[str] = schema.get("required", [])

        def check(run: _Run, value: Map, path: _Path, override: bool) -> Any:
            written = set(value) if required else ()
            origins = value.origins
            for key in list(value):
                origin = origins[key]
                validate = known.get(key)
                if validate is None:
                    validate = next((s for p, s in patterns if p.search(key)), None)
                if validate is None:
                    if closed:
                        run.report(path, f"unknown key '{quoted(key)}'{did_you_mean(key, names)}",
                                   origin)
                    del value[key], origins[key]
                    continue
                child = value[key]
                cleaned = validate(run, child, (path, key), origin, False)
                if cleaned is _INVALID:
                    del value[key], origins[key]
                elif cleaned is not child:
                    value[key] = cleaned
            if not required:
                return value
            # An entry with an id may override an inherited one with a few fields;
            # the others are checked once inheritance has been applied (model.py).
            needed = ["id"] if override and "id" in value else required
            missing = [key for key in needed if key not in written]
            if missing:
                keys = ", ".join(f"'{key}'" for key in missing)
                run.report(path, f"missing required key {keys}; this entry is left out",
                           value.origin)
                return _INVALID
            if any(key not in value for key in needed):
                return _INVALID  # a required value was invalid and has been reported
            return value
        return check

    def sequence(self, schema: JsonSchema) -> Callable[[_Run, Seq, _Path], Any]:
        minimum = schema.get("minItems", 0)
        by_id = schema.get("x-merge") == "by-id"
        item = self.node(schema.get("items", _ANYTHING))

        def check(run: _Run, value: Seq, path: _Path) -> Any:
            if len(value) < minimum:
                run.report(path, f"needs at least {minimum} entries", value.origin)
                return _INVALID
            value.by_id = by_id
            seen: dict[str, Origin] = {}
            kept: list[Any] = []
            kept_origins: list[Origin] = []
            for index, (child, origin) in enumerate(zip(value, value.origins, strict=True)):
                cleaned = item(run, child, (path, index), origin, by_id)
                if cleaned is _INVALID:
                    continue
                item_id = cleaned.get("id") if isinstance(cleaned, Map) else None
                if item_id is not None:
                    if item_id in seen:
                        run.report((path, index), f"duplicate id '{item_id}' (first used on "
                                   f"line {seen[item_id][1]}); this entry is left out",
                                   origin, "duplicate")
                        continue
                    seen[item_id] = origin
                kept.append(cleaned)
                kept_origins.append(origin)
            value[:] = kept  # fewer entries, or text now marked as markup (Rst)
            value.origins[:] = kept_origins
            return value
        return check


def _later(compile_node: Callable[[JsonSchema], Callable[..., Any]], schema: JsonSchema
           ) -> Callable[..., Any]:
    compiled: list[Callable[..., Any]] = []

    def first_use(*args: Any) -> Any:
        if not compiled:
            compiled.append(compile_node(schema))
        return compiled[0](*args)
    return first_use


def _accepted(expected: str | list[str] | None) -> frozenset[str] | None:
    """The JSON types a ``type`` keyword accepts (None: any); a number may be whole."""
    if expected is None:
        return None
    names = {expected} if isinstance(expected, str) else set(expected)
    return frozenset(names | {"integer"} if "number" in names else names)


def _scalar(schema: JsonSchema) -> Callable[[_Run, Any, _Path, Origin], Any]:
    """The check of a scalar: only the keywords *schema* has, in a fixed order."""
    steps: list[Callable[[Any], str | None]] = []
    if "enum" in schema:
        choices: list[Any] = schema["enum"]
        known = frozenset(choices)
        # a long list (country codes) is named by its hint rather than listed
        listed = schema.get("x-hint") or "one of: " + ", ".join(str(c) for c in choices)
        steps.append(lambda value: None if value in known else (
            f"'{quoted(value)}' is not {listed}{did_you_mean(value, choices)}"))
    if "pattern" in schema:
        pattern = compiled_pattern(schema["pattern"])
        form = schema.get("x-hint") or f"text matching {schema['pattern']}"
        steps.append(lambda value: None if pattern.search(value) else
                     f"'{quoted(value)}' is not {form}")
    if schema.get("format") == "date":
        steps.append(_date_problem)
    if "minimum" in schema:
        least = schema["minimum"]
        steps.append(lambda value: None if value >= least else
                     f"{value} is less than the minimum {least}")
    is_text, is_prose = bool(schema.get("x-text")), bool(schema.get("x-lint"))

    def check(run: _Run, value: Any, path: _Path, origin: Origin) -> Any:
        if type(value) is float and not math.isfinite(value):
            run.report(path, f"{value} is not a finite number", origin)
            return _INVALID
        for step in steps:
            message = step(value)
            if message is not None:
                run.report(path, message, origin)
                return _INVALID
        if is_text:
            run.texts.append((value, origin))
            text, reason = markup.role_text(value, rst=run.rst)
            if reason is not None:
                run.report(path, reason, origin, "markup")
            return text
        if is_prose:
            run.texts.append((value, origin))
        return value
    return check


def _date_problem(value: str) -> str | None:
    try:
        if not _DATE.fullmatch(value):
            raise ValueError(value)
        datetime.date.fromisoformat(value)
    except ValueError:
        return f"'{quoted(value)}' is not a date (YYYY-MM-DD)"
    return None
