"""Check one role file against the shipped JSON Schema, keeping what is valid.

The schema file (``schema/role.schema.json``) is the single source of truth:
editors use it for completion and this module interprets the subset of JSON
Schema it is written in, so the loader and the schema cannot disagree. Unlike a
plain JSON Schema validator it reports each problem at the YAML line that
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
import json
import math
import re
from functools import cache
from importlib import resources
from typing import Any

from . import markup
from .problems import Origin, Problem, Subtype, did_you_mean, quoted
from .tree import Map, Seq

JsonSchema = dict[str, Any]
_INVALID = object()
_TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "object": "a mapping",
    "array": "a list",
    "null": "null",
}


@cache
def role_schema() -> JsonSchema:
    """The JSON Schema of role files shipped in the package."""
    text = resources.files("sphinx_jobdesc").joinpath("schema/role.schema.json").read_text("utf-8")
    schema: JsonSchema = json.loads(text)
    return schema


def required_after_merge() -> list[str]:
    """Top-level keys that the merged role (after ``extends`` and levels) must have."""
    keys: list[str] = role_schema()["x-required-after-merge"]
    return keys


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
    validator = _Validator(problems, rst=file_markup == "rst")
    cleaned = validator.value(data, role_schema(), "", data.origin)
    return cleaned, problems, validator.texts


_JSON_TYPES: dict[type, str] = {
    type(None): "null", bool: "boolean", int: "integer", float: "number", str: "string",
    Map: "object", Seq: "array",
}


def _type_of(value: Any) -> str:
    exact = _JSON_TYPES.get(type(value))
    if exact is not None:
        return exact
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, dict):
        return "object"
    return "array"


def _matches_type(value: Any, expected: str | list[str] | None) -> bool:
    if expected is None:
        return True
    actual = _type_of(value)
    if actual == expected:
        return True
    names = [expected] if isinstance(expected, str) else expected
    return actual in names or (actual == "integer" and "number" in names)


def _describe(expected: str | list[str]) -> str:
    names = [expected] if isinstance(expected, str) else expected
    return " or ".join(_TYPE_NAMES[name] for name in names)


def _join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


#: A date as the format writes it; Python's fromisoformat also takes 20261102 or 2026-W45-1.
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@cache
def _pattern(pattern: str) -> re.Pattern[str]:
    """*pattern* as JSON Schema means it: ``$`` ends the text (Python's also matches
    before a final newline, which would let ``id: "x\\n"`` through)."""
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + r"\Z"
    return re.compile(pattern)


_resolved: dict[int, JsonSchema] = {}
_known_properties: dict[int, dict[str, JsonSchema]] = {}


def _resolve(schema: JsonSchema) -> JsonSchema:
    """*schema* with its ``$ref`` chain followed (memoized: the schema never changes)."""
    key = id(schema)
    if key not in _resolved:
        target = schema
        while "$ref" in target:
            node: Any = role_schema()
            for part in target["$ref"].removeprefix("#/").split("/"):
                node = node[part]
            target = node
        _resolved[key] = target
    return _resolved[key]


def _properties(schema: JsonSchema) -> dict[str, JsonSchema]:
    """The properties an object schema allows, its ``allOf`` parts included (memoized)."""
    key = id(schema)
    if key not in _known_properties:
        known: dict[str, JsonSchema] = {}
        for part in schema.get("allOf", []):
            known.update(_properties(_resolve(part)))
        known.update(schema.get("properties", {}))
        _known_properties[key] = known
    return _known_properties[key]


class _Validator:
    def __init__(self, problems: list[Problem], *, rst: bool) -> None:
        self.problems = problems
        self.rst = rst
        self.texts: Texts = []

    def report(
        self, path: str, message: str, origin: Origin, subtype: Subtype = "schema"
    ) -> None:
        where = f"{path}: " if path else ""
        self.problems.append(Problem(subtype, f"{where}{message}", origin))

    def value(
        self, value: Any, schema: JsonSchema, path: str, origin: Origin, override: bool = False
    ) -> Any:
        """The valid part of *value*; *override* marks entries of id-merged lists."""
        schema = _resolve(schema)
        alternatives = schema.get("oneOf") or schema.get("anyOf")
        if alternatives:
            resolved = [_resolve(alt) for alt in alternatives]
            for alternative in resolved:
                if _matches_type(value, alternative.get("type")):
                    return self.value(value, alternative, path, origin, override)
            expected = [alt["type"] for alt in resolved if "type" in alt]
            self.report(path, f"expected {_describe(expected)}, got {_TYPE_NAMES[_type_of(value)]}",
                        origin)
            return _INVALID
        expected_type = schema.get("type")
        if not _matches_type(value, expected_type):
            self.report(path, f"expected {_describe(expected_type or [])}, "
                        f"got {_TYPE_NAMES[_type_of(value)]}", origin)
            return _INVALID
        if isinstance(value, Map):
            return self.mapping(value, schema, path, override)
        if isinstance(value, Seq):
            return self.sequence(value, schema, path)
        return self.scalar(value, schema, path, origin)

    def scalar(self, value: Any, schema: JsonSchema, path: str, origin: Origin) -> Any:
        if isinstance(value, float) and not math.isfinite(value):
            self.report(path, f"{value} is not a finite number", origin)
            return _INVALID
        if "enum" in schema and value not in schema["enum"]:
            choices = ", ".join(str(choice) for choice in schema["enum"])
            suggestion = did_you_mean(value, schema["enum"])
            self.report(path, f"'{quoted(value)}' is not one of: {choices}{suggestion}", origin)
            return _INVALID
        if "pattern" in schema and not _pattern(schema["pattern"]).search(value):
            form = schema.get("x-hint") or f"text matching {schema['pattern']}"
            self.report(path, f"'{quoted(value)}' is not {form}", origin)
            return _INVALID
        if schema.get("format") == "date":
            try:
                if not _DATE.fullmatch(value):
                    raise ValueError(value)
                datetime.date.fromisoformat(value)
            except ValueError:
                self.report(path, f"'{quoted(value)}' is not a date (YYYY-MM-DD)", origin)
                return _INVALID
        if "minimum" in schema and value < schema["minimum"]:
            self.report(path, f"{value} is less than the minimum {schema['minimum']}", origin)
            return _INVALID
        if schema.get("x-text"):
            self.texts.append((value, origin))
            return self.text(value, path, origin)
        if schema.get("x-lint"):
            self.texts.append((value, origin))
        return value

    def text(self, value: str, path: str, origin: Origin) -> str:
        if not self.rst:
            reason = markup.suspicious_plain_text(value)
            if reason:
                self.report(path, f"{reason}; role text is shown as plain text "
                            "(use 'markup: rst' for inline markup)", origin, "markup")
            return value
        reason = markup.refusal(value)
        if reason:
            self.report(path, f"{reason}; the text is shown as plain text", origin, "markup")
            return value
        reason = markup.looks_like_html(value)
        if reason:
            self.report(path, f"{reason}; role text shows it as text, not as HTML", origin,
                        "markup")
        return markup.Rst(value)

    def mapping(self, value: Map, schema: JsonSchema, path: str, override: bool = False) -> Any:
        known = _properties(schema)
        patterns = schema.get("patternProperties", {})
        closed = (schema.get("additionalProperties") is False
                  or schema.get("unevaluatedProperties") is False)
        written = set(value)
        for key in list(value):
            origin = value.origins[key]
            child_schema = known.get(key)
            if child_schema is None:
                child_schema = next((s for p, s in patterns.items() if _pattern(p).search(key)),
                                    None)
            if child_schema is None:
                if closed:
                    self.report(path, f"unknown key '{quoted(key)}'{did_you_mean(key, known)}",
                                origin)
                del value[key], value.origins[key]
                continue
            child = value[key]
            cleaned = self.value(child, child_schema, _join(path, key), origin)
            if cleaned is _INVALID:
                del value[key], value.origins[key]
            elif cleaned is not child:
                value[key] = cleaned
        required = schema.get("required", [])
        if override and "id" in value:
            # An entry with an id may override an inherited one with a few fields;
            # the others are checked once inheritance has been applied (model.py).
            required = ["id"]
        missing = [key for key in required if key not in written]
        if missing:
            names = ", ".join(f"'{key}'" for key in missing)
            self.report(path, f"missing required key {names}; this entry is left out",
                        value.origin)
            return _INVALID
        if any(key not in value for key in required):
            return _INVALID  # a required value was invalid and has been reported
        return value

    def sequence(self, value: Seq, schema: JsonSchema, path: str) -> Any:
        minimum = schema.get("minItems", 0)
        if len(value) < minimum:
            self.report(path, f"needs at least {minimum} entries", value.origin)
            return _INVALID
        value.by_id = schema.get("x-merge") == "by-id"
        item_schema = schema.get("items", {})
        seen: dict[str, Origin] = {}
        kept: list[Any] = []
        kept_origins: list[Origin] = []
        for index, (child, origin) in enumerate(zip(value, value.origins, strict=True)):
            cleaned = self.value(child, item_schema, _join(path, index), origin, value.by_id)
            if cleaned is _INVALID:
                continue
            item_id = cleaned.get("id") if isinstance(cleaned, Map) else None
            if item_id is not None:
                if item_id in seen:
                    self.report(_join(path, index), f"duplicate id '{item_id}' (first used on "
                                f"line {seen[item_id][1]}); this entry is left out",
                                origin, "duplicate")
                    continue
                seen[item_id] = origin
            kept.append(cleaned)
            kept_origins.append(origin)
        value[:] = kept
        value.origins[:] = kept_origins
        return value

