"""What a YAML scalar means: the YAML 1.2 core schema, as role files are read.

``true``/``false`` are booleans but ``no``, ``on`` or ``NO`` (Norway) stay
text; dates stay ISO text until the schema checks them; a tag asks for one of
the core types (``!!str``, ``!!int``...) and nothing else: no Python object is
ever constructed from a tag. Numbers longer than :data:`MAX_DIGITS` digits are
left out (parsing them would take time quadratic in their length).
"""

from __future__ import annotations

import re
from typing import Any

from .problems import Subtype, quoted

#: The most digits a whole number may have (salaries and minutes need far fewer).
MAX_DIGITS = 15
#: A value the loader reported and left out (removed from its mapping or list).
LEFT_OUT: Any = object()
CORE_TAG = "tag:yaml.org,2002:"
_CORE_SCHEMA = re.compile(
    r"(?P<bool>true|True|TRUE|false|False|FALSE)"
    r"|(?P<int>[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)"
    r"|(?P<float>[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))"
    r"|(?P<null>~|null|Null|NULL)"
)
#: The first characters of plain scalars that may not be text (an empty one is null).
MAYBE_NOT_TEXT = frozenset(["", *"tTfFnN~-+.0123456789"])

#: What to report about a scalar: the message and its kind.
Said = tuple[str, Subtype]


def core_value(value: str, tag: str | None, plain: bool) -> tuple[Any, Said | None]:
    """The value of the scalar *value* (*plain*: written without quotes or a block),
    and what to report about it, if anything."""
    if tag is None or tag == "!":
        if not plain:  # quoted, or a block scalar
            return value, None
        if not value:
            return None, None
        match = _CORE_SCHEMA.fullmatch(value) if value[0] in MAYBE_NOT_TEXT else None
        return _typed(match.lastgroup, value) if match and match.lastgroup else (value, None)
    name = tag.removeprefix(CORE_TAG) if tag.startswith(CORE_TAG) else None
    if name == "str":
        return value, None
    if name in ("bool", "int", "float", "null"):
        match = _CORE_SCHEMA.fullmatch(value)
        found = match.lastgroup if match else None
        if found == name or (name, found) == ("float", "int"):
            return _typed(name, value)
        return value, (f"'{quoted(value, 40)}' is not a valid !!{name}; it is read as text",
                       "yaml")
    return value, (f"unsupported YAML tag '{short_tag(tag)}'; the value is read as text", "yaml")


def _typed(kind: str, value: str) -> tuple[Any, Said | None]:
    """The core-schema value of *value*, which matched the pattern of *kind*."""
    if kind == "null":
        return None, None
    if kind == "bool":
        return value.lower() == "true", None
    if kind == "int":
        digits = value.lstrip("+-").removeprefix("0o").removeprefix("0x").lstrip("0")
        if len(digits) > MAX_DIGITS:
            return LEFT_OUT, (f"the number {quoted(value, 40)} has {len(digits):,} digits, more "
                              f"than {MAX_DIGITS}; it is left out", "schema")
        return (int(value, 0) if value[:2] in ("0o", "0x") else int(value)), None
    # .inf, -.inf and .nan are read (the schema then refuses them where a number is
    # expected, at their line); Python spells them without the dot
    return float(value.lower().replace(".inf", "inf").replace(".nan", "nan")), None


def short_tag(tag: str) -> str:
    """``!!int`` for the core schema's long ``tag:yaml.org,2002:int``."""
    return "!!" + tag.removeprefix(CORE_TAG) if tag.startswith(CORE_TAG) else tag
