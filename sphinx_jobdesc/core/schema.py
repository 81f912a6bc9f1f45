"""The JSON Schema of role files as data: the shipped file, its references and
properties resolved, and the JSON type of each loaded value. What
:mod:`.validation` compiles; the tests compare it with a standard validator."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

from .tree import Map, Seq

JsonSchema = dict[str, Any]
TYPE_NAMES = {
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


JSON_TYPES: dict[type, str] = {
    type(None): "null", bool: "boolean", int: "integer", float: "number", str: "string",
    Map: "object", Seq: "array",
}


def type_of(value: Any) -> str:
    exact = JSON_TYPES.get(type(value))
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


def describe(expected: str | list[str]) -> str:
    names = [expected] if isinstance(expected, str) else expected
    return " or ".join(TYPE_NAMES[name] for name in names)


@cache
def compiled_pattern(pattern: str) -> re.Pattern[str]:
    """*pattern* as JSON Schema means it: ``$`` ends the text (Python's also matches
    before a final newline, which would let ``id: "x\\n"`` through)."""
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + r"\Z"
    return re.compile(pattern)


def resolve(schema: JsonSchema) -> JsonSchema:
    """*schema* with its ``$ref`` chain followed."""
    while "$ref" in schema:
        node: Any = role_schema()
        for part in schema["$ref"].removeprefix("#/").split("/"):
            node = node[part]
        schema = node
    return schema


def properties(schema: JsonSchema) -> dict[str, JsonSchema]:
    """The properties an object schema allows, its ``allOf`` parts included."""
    known: dict[str, JsonSchema] = {}
    for part in schema.get("allOf", []):
        known.update(properties(resolve(part)))
    known.update(schema.get("properties", {}))
    return known
