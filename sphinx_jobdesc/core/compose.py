"""Compose a role file's text into plain data that remembers where every value was written.

YAML (and JSON, which is read by the same parser) is parsed into events by
PyYAML's C parser when it is available (see :mod:`.loader`), and this module composes them itself
into :class:`Map` and :class:`Seq` values: ordinary dicts and lists that also
carry the origin (file, line) of each entry, so every later problem can be
reported as ``roles/x.yaml:12``.

Role files are untrusted (they come from pull requests), so composing is
iterative and bounded, and never raises: data nested deeper than
:data:`MAX_DEPTH`, aliases that expand past :data:`MAX_ALIAS_NODES` values (or
ten times what the file writes), recursive or unknown aliases, and what
:mod:`.scalars` refuses are each reported at their line, and the rest of the
file is kept where that is safe.

Scalars mean what the YAML 1.2 core schema says (:mod:`.scalars`). Line
separators that Python and docutils treat as line breaks (U+2028, U+2029,
U+0085, ``\\v``, ``\\f``...) become ``\\n`` in every string, and other control
characters are removed, so every later reader sees the same lines.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

from .problems import Origin, Problem, Subtype
from .scalars import CORE_TAG, LEFT_OUT, MAYBE_NOT_TEXT, core_value, short_tag
from .tree import LoadedFile, Map, Seq, copy_tree, normalize_text, unusable

#: How deeply mappings and lists may nest (the format itself needs 7 levels).
MAX_DEPTH = 64
#: How deeply libyaml lets a file nest at all: deeper, the file is not read.
PARSER_MAX_DEPTH = 1000
_TOO_DEEP = (f"the data is nested about {PARSER_MAX_DEPTH:,} levels deep (YAML parsers stop "
             "there); the file is not read")
#: How many values aliases may repeat in one file, at most; and never more than
#: :data:`ALIAS_RATIO` times the values the file writes.
MAX_ALIAS_NODES = 100_000
ALIAS_RATIO = 10


_COLLECTION_TAGS = {yaml.MappingStartEvent: f"{CORE_TAG}map",
                    yaml.SequenceStartEvent: f"{CORE_TAG}seq"}


class _TooCostly(Exception):
    """Aliases repeat, or data nests, past what any role file needs: the file is refused."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


@dataclass(slots=True)
class _Open:
    """A mapping or list being composed, with what it still waits for."""

    value: Map | Seq
    is_list: bool
    anchor: str | None
    #: The key read last (a mapping waits for its value), its origin, or LEFT_OUT.
    key: Any = None
    key_origin: Origin | None = None
    #: How many levels of collections the finished value holds (itself included).
    height: int = 1
    #: Values composed before this one started (to count the values it holds).
    before: int = 0
    #: Something in it was nested too deeply: the whole value is left out.
    left_out: bool = False


@dataclass
class _Anchored:
    value: Any
    nodes: int
    height: int


class _Composer:
    """Compose parser events into Map/Seq values, iteratively and within bounds."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.anchors: dict[str, _Anchored] = {}
        self.written = 0
        self.repeated = 0

    def report(self, message: str, line: int, subtype: Subtype = "yaml") -> None:
        self.problems.append(Problem(subtype, message, (self.path, line)))

    def load(self, text: str, parser_class: Callable[[str], Any]) -> LoadedFile:
        parser = parser_class(text)
        try:
            root = self.compose(parser)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark is not None else 1
            if "maximum nesting depth" in (exc.problem or ""):  # libyaml's own limit
                return unusable(self.path, "yaml", _TOO_DEEP, line)
            message = " ".join(part for part in (exc.context, exc.problem) if part)
            column = f" (column {mark.column + 1})" if mark is not None else ""
            return unusable(self.path, "yaml", f"YAML syntax error: {message}{column}", line)
        except yaml.YAMLError as exc:
            return unusable(self.path, "yaml", f"YAML error: {exc}")
        except _TooCostly as exc:
            return LoadedFile(self.path, None, (*self.problems, Problem(
                "yaml", str(exc), (self.path, exc.line))))
        finally:
            parser.dispose()
        if self.repeated > ALIAS_RATIO * max(self.written, 100):
            return LoadedFile(self.path, None, (*self.problems, Problem(
                "yaml", f"aliases repeat {self.repeated:,} values, more than {ALIAS_RATIO} times "
                f"the {self.written:,} the file writes; the file is not read", (self.path, 1))))
        if root is None or root is LEFT_OUT:
            if not self.problems:
                self.report("the role file is empty", 1, "schema")
            return LoadedFile(self.path, None, tuple(self.problems))
        if not isinstance(root, Map):
            self.report("a role file must be a mapping of keys to values", 1, "schema")
            return LoadedFile(self.path, None, tuple(self.problems))
        return LoadedFile(self.path, root, tuple(self.problems))

    def compose(self, parser: Any) -> Any:
        """The value of the file's one document (None if it has none)."""
        stack: list[_Open] = []
        root: Any = None
        documents = 0
        while True:
            event = parser.get_event()
            kind = type(event)
            line = event.start_mark.line + 1
            if kind is yaml.ScalarEvent:  # most events: the fast path, without calls
                self.written += 1
                value: Any = self.scalar(event, line)
                if event.anchor is not None:
                    self.note_anchor(event.anchor, value, 1, 0)
                if not stack:
                    root = value
                    continue
                parent = stack[-1]
                if parent.is_list:
                    if value is not LEFT_OUT:
                        items: Any = parent.value  # a Seq
                        items.append(value)
                        items.origins.append((self.path, line))
                    continue
                if parent.key_origin is None and type(value) is str:  # a key
                    parent.key, parent.key_origin = value, (self.path, line)
                    continue
                self.add(parent, value, 0, line)
                continue
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                self.written += 1
                if len(stack) >= MAX_DEPTH:
                    self.skip(parser)
                    self.too_deep(stack, "the data is nested", line)
                    value, height = LEFT_OUT, 0
                else:
                    if event.tag not in (None, "!", _COLLECTION_TAGS[kind]):
                        self.report(f"unsupported YAML tag '{short_tag(event.tag)}'; the tag is "
                                    "ignored", line)
                    origin = (self.path, line)
                    is_list = kind is yaml.SequenceStartEvent
                    stack.append(_Open(Seq(origin) if is_list else Map(origin), is_list,
                                       event.anchor, before=self.written + self.repeated - 1))
                    continue
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                done = stack.pop()
                value, height = done.value, done.height
                line = value.origin[1]
                if done.left_out:
                    value = LEFT_OUT
                self.note_anchor(done.anchor, value,
                                 self.written + self.repeated - done.before, height)
            elif kind is yaml.AliasEvent:
                value, height = self.alias(event.anchor, line, stack)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    self.report("a role file holds one YAML document; the documents after the "
                                "first are ignored", line)
                    return root
                continue
            elif kind is yaml.StreamEndEvent:
                return root
            else:  # stream start, document end
                continue
            if not stack:
                root = value
            else:
                self.add(stack[-1], value, height, line)

    def skip(self, parser: Any) -> None:
        """Consume the events of the collection just started, without composing them.

        libyaml refuses a file nested :data:`PARSER_MAX_DEPTH` levels deep; so does
        this, so that the file reads the same with PyYAML's pure-Python parser.
        """
        depth = 1
        while depth:
            event = parser.get_event()
            kind = type(event)
            if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                depth += 1
                if MAX_DEPTH + depth >= PARSER_MAX_DEPTH:
                    raise _TooCostly(_TOO_DEEP, event.start_mark.line + 1)
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                depth -= 1

    def too_deep(self, stack: list[_Open], what: str, line: int) -> None:
        """Leave out the top-level entry that nests too deeply (the format needs a few
        levels: data this deep is never valid, and half of it would only give more
        warnings), with one problem per entry."""
        top = stack[1] if len(stack) > 1 else stack[0]
        if top.left_out:
            return
        top.left_out = True
        root = stack[0]
        entry = f"'{root.key}'" if root is not top and isinstance(root.key, str) else "the value"
        self.report(f"{what} more than {MAX_DEPTH} levels deep; {entry} is left out", line)

    def note_anchor(self, anchor: str | None, value: Any, nodes: int, height: int) -> None:
        if anchor is not None and value is not LEFT_OUT:
            self.anchors[anchor] = _Anchored(value, nodes, height)

    def alias(self, anchor: str, line: int, stack: list[_Open]) -> tuple[Any, int]:
        """A copy of the anchored value (copies, not shared objects: validation edits in
        place), within the alias and depth bounds."""
        if any(frame.anchor == anchor for frame in stack):
            self.report(f"the alias *{anchor} refers to the value that contains it; "
                        "it is left out", line)
            return LEFT_OUT, 0
        anchored = self.anchors.get(anchor)
        if anchored is None:
            self.report(f"unknown alias *{anchor} (no value is anchored as &{anchor} before "
                        "it); it is left out", line)
            return LEFT_OUT, 0
        if len(stack) + anchored.height > MAX_DEPTH:
            self.too_deep(stack, f"the alias *{anchor} nests the data", line)
            return LEFT_OUT, 0
        self.repeated += anchored.nodes
        if self.repeated > MAX_ALIAS_NODES:
            raise _TooCostly(f"aliases repeat more than {MAX_ALIAS_NODES:,} values; the file "
                             "is not read", line)
        return copy_tree(anchored.value), anchored.height

    def add(self, parent: _Open, value: Any, height: int, line: int) -> None:
        """Put *value* into the collection being composed."""
        if height >= parent.height:
            parent.height = height + 1
        origin = (self.path, line)
        container: Any = parent.value
        if parent.is_list:
            if value is not LEFT_OUT:
                container.append(value)
                container.origins.append(origin)
            return
        if parent.key_origin is None:  # a key
            if value is not LEFT_OUT and (
                    not isinstance(value, str | int) or isinstance(value, bool)):
                self.report("keys must be plain words", line)
                value = LEFT_OUT
            parent.key, parent.key_origin = (value if value is LEFT_OUT else str(value)), origin
            return
        key, key_origin = parent.key, parent.key_origin
        parent.key, parent.key_origin = None, None
        if key is LEFT_OUT or value is LEFT_OUT:
            return
        if key in container:
            self.report(f"duplicate key '{key}' (first written on line "
                        f"{container.origins[key][1]}); the last value is used", key_origin[1])
        container[key] = value
        container.origins[key] = key_origin

    def scalar(self, event: yaml.ScalarEvent, line: int) -> Any:
        value = normalize_text(event.value)
        if event.tag is None and (not event.implicit[0] or value[:1] not in MAYBE_NOT_TEXT):
            return value  # quoted, or plain words: text (most scalars)
        value, problem = core_value(value, event.tag, event.implicit[0])
        if problem is not None:
            self.report(problem[0], line, problem[1])
        return value


def compose_text(path: str, text: str, parser: Callable[[str], Any]) -> LoadedFile:
    """The data of the role file *path* whose text is *text*, and its problems; *parser*
    is PyYAML's C parser or :class:`~.loader.PureParser`, which give the same events."""
    return _Composer(path).load(text, parser)
