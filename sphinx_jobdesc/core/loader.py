"""Read one role file, safely: never a link out of its folder, never more than
:data:`MAX_FILE_BYTES`, never a crash; composing its text is :mod:`.compose`."""

from __future__ import annotations

import json
import os
from typing import Any

import yaml

from .compose import compose_text
from .tree import LoadedFile, unusable


class PureParser(yaml.SafeLoader):
    """PyYAML's pure-Python parser, reading plain text in flow collections as libyaml
    does: in ``[How would you change it?]`` PyYAML's own scanner ends the text at the
    "?" and fails; YAML 1.2 and libyaml read one question. Only the scanner's test
    for where plain text ends is changed, by showing it no "?" there."""

    _in_plain = False

    def scan_plain(self) -> Any:
        self._in_plain = True
        try:
            return super().scan_plain()
        finally:
            self._in_plain = False

    def peek(self, index: int = 0) -> str:
        char: str = super().peek(index)
        return "x" if char == "?" and self._in_plain and self.flow_level else char


try:  # the C parser is several times faster; the pure one gives the same results
    from yaml import CSafeLoader as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _Parser = PureParser  # type: ignore[assignment,misc]

ROLE_FILE_SUFFIXES = (".yaml", ".yml", ".json")
#: The largest role file read (2 MiB); a larger one is refused whole.
MAX_FILE_BYTES = 2 * 1024 * 1024

def load_file(path: str) -> LoadedFile:
    """Read and parse the role file at *path*; never raises."""
    if os.path.islink(path) and not _inside(os.path.realpath(path),
                                            os.path.realpath(os.path.dirname(path) or ".")):
        return unusable(path, "load", "the role file is a symbolic link to a file outside "
                         "its folder; role files are read only from inside their folder")
    try:
        with open(path, "rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            return unusable(path, "load", f"the role file is larger than "
                             f"{MAX_FILE_BYTES // (1024 * 1024)} MiB; it is not read")
        text = raw.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else f"not UTF-8 ({exc.reason})"
        return unusable(path, "load", f"cannot read role file: {reason}")
    if path.endswith(".json"):
        # JSON is YAML too, and read as YAML for the lines of its values; but its
        # syntax errors read best in JSON's words
        try:
            json.loads(text)
        except json.JSONDecodeError as exc:
            return unusable(path, "yaml", f"JSON syntax error: {exc.msg} (column {exc.colno})",
                            exc.lineno)
        except RecursionError:
            pass  # nested too deeply: the YAML reader says so, at its line
    return compose_text(path, text, _Parser)


def _inside(path: str, folder: str) -> bool:
    return os.path.commonpath([path, folder]) == folder


