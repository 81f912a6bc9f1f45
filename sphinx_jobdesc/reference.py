"""The reference tables of the docs, generated from their one declaration each:
config values, warning subtypes, lint rules, directive options and the role-file
format (its JSON Schema). Markdown, which the docs site parses into its pages
(``docs/_ext/jobdesc_reference.py``); nothing here needs Sphinx.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import fields
from importlib import resources
from typing import TYPE_CHECKING, Any, cast

from .core.checks.rulebook import rules
from .core.config import JobdescConfig, sphinx_default
from .core.problems import SUBTYPE_DESCRIPTIONS

if TYPE_CHECKING:  # the options are the Sphinx layer's; their table is plain text
    from .directives.options import Option


def _shown(default: Any) -> str:
    value = sphinx_default(default)
    if isinstance(value, str):
        return f'`"{value}"`'
    return f"`{value!r}`"


def config_table() -> str:
    """``conf.py`` values: name, default, meaning (:class:`~.core.config.JobdescConfig`)."""
    rows = [f"| `jobdesc_{option.name}` | "
            f"{option.metadata['shown'] or _shown(option.metadata['default'])} | "
            f"{option.metadata['description']} |" for option in fields(JobdescConfig)]
    return "\n".join(["| value | default | meaning |", "|---|---|---|", *rows])


def warnings_table() -> str:
    """Warning subtypes and when they are given (``core.problems.SUBTYPE_DESCRIPTIONS``)."""
    rows = [f"| `jobdesc.{subtype}` | {text} |" for subtype, text in SUBTYPE_DESCRIPTIONS.items()]
    return "\n".join(["| subtype | when |", "|---|---|", *rows])


def lint_rules_table() -> str:
    """Lint rules (``core/checks/rules/job-ad.yaml``)."""
    rows = [f"| `{rule.id}` | {rule.severity} | {', '.join(rule.categories)} | "
            f"{rule.joblint or ''} | {rule.finds} |".replace("|  |", "| |")
            for rule in rules()]
    return "\n".join(["| rule | severity | categories | joblint | what it finds |",
                      "|---|---|---|---|---|", *rows])


def options_table(options: Mapping[str, Option], sections: Sequence[str]) -> str:
    """A directive's options (its ``declared_options``): name, value, meaning."""
    rows = [f"| `:{name}:` | {option.value.format(sections=', '.join(f'`{s}`' for s in sections))}"
            f" | {option.meaning} |" for name, option in options.items()]
    return "\n".join(["| option | value | meaning |", "|---|---|---|", *rows])


def _schema() -> dict[str, Any]:
    return cast(dict[str, Any], json.loads(resources.files("sphinx_jobdesc").joinpath(
        "schema/role.schema.json").read_text("utf-8")))


def schema_table() -> str:
    """Every key of a role file: its path, what it takes and its description (the JSON
    Schema's own, which editors show on hover); keys shared by the family and its
    levels are listed once."""
    schema = _schema()
    rows: list[str] = []
    _walk(schema, schema, "", rows, set())
    return "\n".join(["| key | value | meaning |", "|---|---|---|", *rows])


def _resolved(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target = schema
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _properties(schema: dict[str, Any], node: dict[str, Any], seen: set[str]
                ) -> tuple[dict[str, Any], bool]:
    """The keys of an object node, with its ``allOf`` and ``oneOf`` parts', and whether
    a part was left out as already listed."""
    found: dict[str, Any] = dict(node.get("properties", {}))
    shared = False
    for part in [*node.get("allOf", ()), *node.get("oneOf", ())]:
        if part.get("$ref") in seen:
            shared = True
            continue
        if "$ref" in part and "properties" in _resolved(schema, part):
            seen.add(part["$ref"])
        found.update(_properties(schema, _resolved(schema, part), seen)[0])
    return found, shared


def _kind(schema: dict[str, Any], node: dict[str, Any]) -> str:
    """What a node takes, in a few words."""
    name = node.get("$ref", "").rsplit("/", 1)[-1]
    node = _resolved(schema, node)
    if "enum" in node:
        values = [str(v) for v in node["enum"]]
        return "one of " + ", ".join(f"`{v}`" for v in values[:8]) + (
            ", ..." if len(values) > 8 else "")
    if "oneOf" in node:
        return " or ".join(dict.fromkeys(_kind(schema, part) for part in node["oneOf"]))
    if node.get("type") == "array":
        each = _kind(schema, node.get("items", {}))
        if each.startswith("one of"):
            return f"a list, each {each}"
        return "a list of " + " or ".join(_PLURALS.get(part, part) for part in each.split(" or "))
    return _NAMED.get(name) or _TYPES.get(str(node.get("type")), "a value")


_NAMED = {"text": "text", "texts": "texts", "id": "an id", "ids": "ids", "date": "a date",
          "url": "a URL", "country": "a country code", "minutes": "minutes",
          "roleId": "a role id", "item": "an item", "level": "a level"}
_PLURALS = {"text": "texts", "a mapping": "mappings", "an id": "ids", "a date": "dates",
            "an item": "items", "a level": "levels", "a number": "numbers",
            "a whole number": "whole numbers", "a URL": "URLs", "a role id": "role ids"}
_TYPES = {"object": "a mapping", "string": "text", "integer": "a whole number",
          "number": "a number", "boolean": "true or false", "null": "null"}


def _walk(schema: dict[str, Any], node: dict[str, Any], prefix: str, rows: list[str],
          seen: set[str]) -> None:
    keys, shared = _properties(schema, _resolved(schema, node), seen)
    if shared:
        rows.append(f"| `{prefix}<key>` | | any key of the role file (this table lists them), "
                    "for this one: it adds to or replaces what it inherits |")
    for key, value in keys.items():
        path = f"{prefix}{key}"
        inner = _resolved(schema, value)
        description = " ".join(inner.get("description", "").split())
        rows.append(f"| `{path}` | {_kind(schema, value)} | {description} |")
        for suffix, container in _containers(schema, inner):
            if _properties(schema, container, set(seen))[0] or "allOf" in container:
                _walk(schema, container, f"{path}{suffix}.", rows, seen)


def _containers(schema: dict[str, Any], node: dict[str, Any], suffix: str = ""
                ) -> Iterator[tuple[str, dict[str, Any]]]:
    """The nodes whose keys a value may hold, with the path suffix to them: a list's
    entries (``[]``), each alternative of a ``oneOf``."""
    node = _resolved(schema, node)
    if node.get("type") == "array":
        yield from _containers(schema, node.get("items", {}), suffix + "[]")
    elif "oneOf" in node and "properties" not in node:
        for part in node["oneOf"]:
            yield from _containers(schema, part, suffix)
    else:
        yield suffix, node


TABLES: dict[str, Callable[[], str]] = {
    "config": config_table,
    "warnings": warnings_table,
    "lint-rules": lint_rules_table,
    "role-format": schema_table,
}
