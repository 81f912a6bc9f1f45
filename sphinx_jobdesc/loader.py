"""Read one role file into plain data that remembers where every value was written.

YAML (and JSON, which is read by the same parser) is composed by PyYAML's C
parser when it is available, then turned into :class:`Map` and :class:`Seq`
values: ordinary dicts and lists that also carry the origin (file, line) of each
entry, so every later problem can be reported as ``roles/x.yaml:12``.

Scalars follow the YAML 1.2 core schema: ``true``/``false`` are booleans but
``no``, ``on`` or ``NO`` (Norway) stay strings, and dates stay ISO strings
until the schema checks them. Only safe, tag-free YAML is accepted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import Origin, Problem

try:  # the C parser is several times faster; fall back to pure Python without libyaml
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

ROLE_FILE_SUFFIXES = (".yaml", ".yml", ".json")


class Map(dict[str, Any]):
    """A mapping read from a role file; ``origins[key]`` is where *key* was written."""

    origin: Origin
    origins: dict[str, Origin]

    def __init__(self, origin: Origin, *args: Any) -> None:
        super().__init__(*args)
        self.origin = origin
        self.origins = {}


class Seq(list[Any]):
    """A sequence read from a role file; ``origins[i]`` is where item *i* was written.

    ``by_id`` is true for lists of items that inheritance merges by ``id``
    (set by the schema), false for plain value lists such as country codes.
    """

    origin: Origin
    origins: list[Origin]
    by_id: bool

    def __init__(self, origin: Origin, *args: Any) -> None:
        super().__init__(*args)
        self.origin = origin
        self.origins = []
        self.by_id = False


_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_TAGS = {name: f"tag:yaml.org,2002:{name}" for name in ("bool", "int", "float", "null")}
_SCALAR_TAGS = {_STR, *_TAGS.values()}
_CORE_SCHEMA = re.compile(
    r"(?P<bool>true|True|TRUE|false|False|FALSE)"
    r"|(?P<int>[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)"
    r"|(?P<float>[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))"
    r"|(?P<null>~|null|Null|NULL)"
)
_NOT_ALWAYS_TEXT = frozenset("tTfFnN~-+.0123456789")


class _CoreSchemaLoader(_BaseLoader):
    """Safe loader resolving plain scalars with the YAML 1.2 core schema."""

    def resolve(self, kind: type[yaml.Node], value: str, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:  # a plain (unquoted) scalar
                if not value:
                    return _NULL
                if value[0] in _NOT_ALWAYS_TEXT and (match := _CORE_SCHEMA.fullmatch(value)):
                    return _TAGS[match.lastgroup or "null"]
            return _STR
        return "tag:yaml.org,2002:seq" if kind is yaml.SequenceNode else "tag:yaml.org,2002:map"


@dataclass(frozen=True)
class LoadedFile:
    """The data of one role file (``None`` when unreadable) and what went wrong reading it."""

    path: str
    data: Map | None
    problems: tuple[Problem, ...] = field(default=())


def load_file(path: str) -> LoadedFile:
    """Read and parse the role file at *path*."""
    try:
        with open(path, encoding="utf-8-sig") as stream:
            text = stream.read()
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else f"not UTF-8 ({exc.reason})"
        return LoadedFile(path, None, (Problem("load", f"cannot read role file: {reason}",
                                               (path, 1)),))
    loader = _CoreSchemaLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        message = " ".join(part for part in (exc.context, exc.problem) if part)
        return LoadedFile(path, None, (Problem("yaml", f"YAML syntax error: {message}",
                                               (path, line)),))
    except yaml.YAMLError as exc:
        return LoadedFile(path, None, (Problem("yaml", f"YAML error: {exc}", (path, 1)),))
    finally:
        loader.dispose()
    problems: list[Problem] = []
    if node is None:
        problems.append(Problem("schema", "the role file is empty", (path, 1)))
        return LoadedFile(path, None, tuple(problems))
    data = _Converter(path, problems).convert(node)
    if not isinstance(data, Map):
        problems.append(Problem("schema", "a role file must be a mapping of keys to values",
                                (path, node.start_mark.line + 1)))
        return LoadedFile(path, None, tuple(problems))
    return LoadedFile(path, data, tuple(problems))


class _Converter:
    """Turn composed YAML nodes into :class:`Map`/:class:`Seq` values with origins."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems

    def origin(self, node: yaml.Node) -> Origin:
        return (self.path, node.start_mark.line + 1)

    def convert(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node)
        if isinstance(node, yaml.SequenceNode):
            seq = Seq(self.origin(node))
            for child in node.value:
                seq.append(self.convert(child))
                seq.origins.append(self.origin(child))
            return seq
        return self.scalar(node)

    def mapping(self, node: yaml.MappingNode) -> Map:
        result = Map(self.origin(node))
        for key_node, value_node in node.value:
            key = self.scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str | int) or isinstance(key, bool):
                self.problems.append(Problem("yaml", "keys must be plain words",
                                             self.origin(key_node)))
                continue
            key = str(key)
            if key in result:
                first = result.origins[key][1]
                self.problems.append(Problem(
                    "yaml", f"duplicate key '{key}' (first written on line {first}); "
                    "the last value is used", self.origin(key_node)))
            result[key] = self.convert(value_node)
            result.origins[key] = self.origin(key_node)
        return result

    def scalar(self, node: yaml.Node) -> Any:
        tag = node.tag
        if tag not in _SCALAR_TAGS:
            self.problems.append(Problem(
                "yaml", f"unsupported YAML tag '{tag}'; the value is read as text",
                self.origin(node)))
            tag = _STR
        value: str = node.value
        if tag == _STR:
            return value
        if tag == _NULL:
            return None
        if tag == "tag:yaml.org,2002:bool":
            return value.lower() == "true"
        if tag == "tag:yaml.org,2002:int":
            return int(value, 0) if value[:2] in ("0o", "0x") else int(value)
        lowered = value.lower()
        if lowered.endswith("inf"):
            return float("-inf") if lowered.startswith("-") else float("inf")
        return float(lowered)
