"""``sphinx-jobdesc diff``: what changed in the roles between two git revisions, as
text (a terminal), Markdown (a pull-request comment) or JSON (other tools)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from typing import IO, Any

from .cli_help import add_command
from .core.changes import Change, RoleDiff, word_diff
from .core.diff import diff_snapshots
from .core.files import declared_id, named_id
from .core.loader import ROLE_FILE_SUFFIXES
from .core.snapshots import folder_at, revisions, snapshot
from .core.vocabulary import BUILD_AUDIENCES

#: The version of the JSON output's shape.
JSON_VERSION = 1
SIGNS = {"added": "+", "removed": "-", "gained": "+", "lost": "!"}


def add_diff_command(commands: Any, run: Callable[[argparse.Namespace], int]) -> None:
    """The ``diff`` sub-command of the ``sphinx-jobdesc`` parser."""
    diff = add_command(
        commands, "diff", summary="what changed in the roles between two git revisions",
        description="Compare the merged roles (extends and levels applied) of two git "
        "revisions, level by level: BASE against HEAD (default: the working tree); "
        "BASE may be A...B (B against the merge base of A and B).")
    diff.add_argument("base", metavar="BASE", help="the revision to compare with: a branch, "
                      "tag or commit, or A...B for B against the merge base of A and B")
    diff.add_argument("head", nargs="?", metavar="HEAD",
                      help="the revision to compare (default: the working tree)")
    diff.add_argument("paths", nargs="*", metavar="PATH", help="role files to compare "
                      "(default: every role in the roles folder)")
    diff.add_argument("-c", "--conf-dir", metavar="DIR",
                      help="read the jobdesc_* settings from DIR/conf.py")
    diff.add_argument("--format", choices=("text", "markdown", "json"), default="text",
                      help="text (default; coloured on a terminal), markdown (a pull-request "
                      "comment) or json (schema/diff.schema.json)")
    diff.add_argument("--audience", choices=BUILD_AUDIENCES, help="public: leave out the "
                      "interview and internal items (default: jobdesc_audience, else internal)")
    diff.add_argument("--exit-code", action="store_true", help="exit with 1 when a role changed")
    diff.add_argument("--fail-on-coverage-loss", action="store_true", help="exit with 1 when "
                      "a must-have that an interview question assessed no longer is")
    diff.set_defaults(run=run)


def run_diff(args: argparse.Namespace, folder: str, markup: str, audience: str) -> int:
    """Print the diff *args* ask for; 1 with ``--exit-code`` when a role changed."""
    if args.head is not None and (os.path.exists(args.head) or args.head.endswith(
            ROLE_FILE_SUFFIXES)):  # ``diff main roles/x.yaml``: a path, not a revision
        args.paths, args.head = [args.head, *args.paths], None
    diffs, base, head = role_diffs(folder, args.paths, args.base, args.head, markup=markup,
                                   public=(args.audience or audience) == "public")
    if args.format == "json":
        write_json(diffs, sys.stdout, base, head)
    elif args.format == "markdown":
        write_markdown(diffs, sys.stdout, base, head)
    else:
        write_text(diffs, sys.stdout, colour=sys.stdout.isatty())
    lost = any(change.kind == "lost" for diff in diffs for change in diff.changes)
    return 1 if (args.exit_code and diffs) or (args.fail_on_coverage_loss and lost) else 0


def role_diffs(folder: str, paths: list[str], base: str, head: str | None, *, markup: str,
               public: bool) -> tuple[list[RoleDiff], str, str]:
    """The differences of the roles in *folder* (those of *paths* only, if any) between
    *base* and *head* (None: the working tree), and the two sides' names."""
    old_commit, new_commit = revisions(folder, base, head)
    only = {declared_id(p, markup) if os.path.exists(p) else named_id(p) for p in paths} or None
    sides = []
    for commit in (old_commit, new_commit):
        with folder_at(folder, commit) as copy:
            sides.append(snapshot(copy, markup, only))
    return (diff_snapshots(sides[0], sides[1], public=public), old_commit[:12],
            new_commit[:12] if new_commit else "working tree")


def write_text(diffs: list[RoleDiff], stream: IO[str], colour: bool) -> None:
    def paint(code: str) -> Callable[[str], str]:
        return (lambda text: f"\033[{code}m{text}\033[0m") if colour else (lambda text: text)
    removed = paint("31") if colour else (lambda text: f"[-{text}-]")
    added = paint("32") if colour else (lambda text: f"{{+{text}+}}")
    for diff in diffs:
        stream.write(f"{diff.role} ({diff.title}): {diff.status}\n")
        for level, changes in _by_level(diff):
            stream.write(f"  {level}:\n")
            for change in changes:
                stream.write(f"    {_line(change, removed, added, _one_line)}\n")


def write_markdown(diffs: list[RoleDiff], stream: IO[str], base: str, head: str) -> None:
    stream.write(f"#### Roles changed between `{base}` and `{head}`\n\n")
    if not diffs:
        stream.write("No role changed.\n")
    for diff in diffs:
        count = len(diff.changes)
        summary = f"{diff.status}" + (f", {count} change{'s' * (count != 1)}" if count else "")
        stream.write(f"<details><summary><b>{_md(diff.title)}</b> (<code>{diff.role}</code>): "
                     f"{summary}</summary>\n\n")
        for level, changes in _by_level(diff):
            stream.write(f"**{_md(level)}**\n\n")
            for change in changes:
                line = _line(change, lambda t: f"~~{_md(t)}~~", lambda t: f"**{_md(t)}**",
                             plain=_md, code=lambda sign: f"`{sign}`")
                stream.write(f"- {line}\n")
            stream.write("\n")
        stream.write("</details>\n\n")


def write_json(diffs: list[RoleDiff], stream: IO[str], base: str, head: str) -> None:
    data = {"version": JSON_VERSION, "base": base, "head": head, "roles": [
        {"role": diff.role, "title": diff.title, "status": diff.status, "changes": [
            {name: getattr(change, name) for name in Change.__slots__}
            for change in diff.changes]} for diff in diffs]}
    stream.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _by_level(diff: RoleDiff) -> list[tuple[str, list[Change]]]:
    levels: dict[str, list[Change]] = {}
    for change in diff.changes:
        levels.setdefault(change.level or "all levels", []).append(change)
    return list(levels.items())


def _line(change: Change, removed: Callable[[str], str], added: Callable[[str], str],
          plain: Callable[[str], str] = str, code: Callable[[str], str] = str) -> str:
    """One change on one line: ``+ responsibilities mentor: Mentor juniors``."""
    what = change.area + (f" {change.item}" if change.item and change.item not in (
        change.old, change.new) else "")
    value, _, kind = change.kind.rpartition(" ")  # "beforehand added": a value of an item
    sign = code(SIGNS.get(kind, "~"))
    if change.old is None and change.new is None:  # coverage: a fact about an item
        return f"{sign} {what} {change.kind}: {plain(change.note or '')}"
    if kind in SIGNS:  # a whole item or value: its sign says it
        what += f" {value}" if value else ""
        return f"{sign} {what}: {plain(change.new or change.old or '')}"
    note = f" ({change.note})" if change.note else ""
    if change.kind == "reworded" and change.old and change.new:
        return f"{sign} {what}: {word_diff(change.old, change.new, removed, added, plain)}"
    return (f"{sign} {what} {change.kind}: {plain(change.old or '-')} \u2192 "
            f"{plain(change.new or '-')}{note}")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _md(text: str) -> str:
    """*text* safe in Markdown and in the HTML of a ``<details>`` block."""
    for char in "\\`*_[]<>|~":
        text = text.replace(char, "\\" + char)
    return " ".join(text.split())
