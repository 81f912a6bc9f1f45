"""Each role's history from git: the commits that changed the merged role, each with
what it changed in the words of the format (:mod:`.diff`).

One ``git log`` over the roles folder and one ``git cat-file --batch`` for every
file version it names, whatever the number of roles and commits: the folder is
replayed commit by commit in a scratch folder, and after each commit only the
roles it can have changed are resolved again (those whose file changed; all of
them when a base file changed). Dates are commit dates, so the same commit
always gives the same history. Without git, outside a repository or in a
shallow clone, what is there is shown and :attr:`History.limit` says why it is
not more.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass

from .changes import Change, RoleVersion
from .diff import diff_snapshots
from .files import declared_id, forget_files, role_files
from .snapshots import GitError, git, role_version


@dataclass(frozen=True, slots=True)
class Entry:
    """One commit that changed one role."""

    commit: str
    date: str
    subject: str
    #: What it changed; empty when the commit added the role.
    changes: tuple[Change, ...]
    added: bool = False


@dataclass(frozen=True, slots=True)
class History:
    #: Role id -> the commits that changed it, newest first.
    roles: dict[str, tuple[Entry, ...]]
    #: Why the history is not complete ("" when it is): no git, no repository, shallow.
    limit: str = ""
    #: The commit the history was read at ("" without one).
    head: str = ""


@dataclass(frozen=True, slots=True)
class _Commit:
    commit: str
    date: str
    subject: str
    #: (status letter, path, new path for a rename) relative to the repository.
    files: tuple[tuple[str, str, str], ...]


def read_history(folder: str, markup: str, *, public: bool) -> History:
    """The history of every role in *folder*; never raises."""
    try:
        top = git(folder, "rev-parse", "--show-toplevel").strip()
        head = git(folder, "rev-parse", "HEAD").strip()
    except GitError as error:
        reason = ("the roles folder is not in a git repository" if "not a git repository"
                  in str(error) else "it has no commits yet" if "HEAD" in str(error)
                  else str(error))
        return History({}, reason)
    shallow = git(folder, "rev-parse", "--is-shallow-repository").strip() == "true"
    inside = os.path.relpath(os.path.realpath(folder), os.path.realpath(top))
    commits = list(reversed(_log(top, inside)))
    blobs = _blobs(top, [(c.commit, path) for c in commits for status, old, new in c.files
                         if status != "D" for path in [new or old]])
    roles: dict[str, list[Entry]] = {}
    with tempfile.TemporaryDirectory(prefix="jobdesc-history-") as scratch:
        known: dict[str, RoleVersion] = {}
        for index, commit in enumerate(commits):
            changed = _replay(scratch, inside, commit, blobs)
            for role_id, before, after in _changed_roles(scratch, markup, changed, known):
                if shallow and index == 0:
                    continue  # a shallow clone starts here: what it holds is not news
                entry = _entry(commit, role_id, before, after, public)
                if entry is not None:
                    roles.setdefault(role_id, []).append(entry)
        forget_files(role_files(scratch))  # the scratch folder goes
    limit = "the clone is shallow: older commits are not in it" if shallow else ""
    return History({role: tuple(reversed(entries)) for role, entries in roles.items()}, limit,
                   head)


def _log(top: str, inside: str) -> list[_Commit]:
    """The commits that touched *inside*, newest first, with the files they changed."""
    output = git(top, "log", "--format=%x1e%H%x1f%cs%x1f%s", "--name-status", "-M",
                 "--no-merges", "--", inside)
    commits = []
    for record in output.split("\x1e")[1:]:
        header, _, body = record.partition("\n")
        commit, date, subject = header.split("\x1f", 2)
        files = []
        for line in body.splitlines():
            parts = line.split("\t")
            if len(parts) >= 2:
                files.append((parts[0][0], parts[1], parts[2] if len(parts) > 2 else ""))
        commits.append(_Commit(commit, date, subject, tuple(files)))
    return commits


def _blobs(top: str, wanted: list[tuple[str, str]]) -> dict[tuple[str, str], bytes]:
    """The contents of *path* at *commit* for each pair, read by one git process."""
    if not wanted:
        return {}
    request = "".join(f"{commit}:{path}\n" for commit, path in wanted).encode()
    output = subprocess.run(["git", "-C", top, "cat-file", "--batch"], input=request,
                            capture_output=True, check=True).stdout
    found: dict[tuple[str, str], bytes] = {}
    at = 0
    for key in wanted:
        end = output.index(b"\n", at)
        header = output[at:end].split()
        at = end + 1
        if header[-1] != b"missing":  # "<sha> blob <size>"
            size = int(header[2])
            found[key] = output[at:at + size]
            at += size + 1
    return found


def _replay(scratch: str, inside: str, commit: _Commit,
            blobs: dict[tuple[str, str], bytes]) -> set[str]:
    """Apply *commit*'s changes to the role files in *scratch*; the names it touched."""
    touched = set()
    for status, old, new in commit.files:
        gone = [old] if status in "DR" else []
        written = [new or old] if status != "D" else []
        for path, write in [(p, False) for p in gone] + [(p, True) for p in written]:
            name = os.path.relpath(path, inside)
            if os.sep in name or name.startswith(".."):
                continue  # in a sub-folder (drafts): not a role file
            touched.add(name)
            target = os.path.join(scratch, name)
            if write and (commit.commit, path) in blobs:
                with open(target, "wb") as stream:
                    stream.write(blobs[(commit.commit, path)])
            elif not write and os.path.exists(target):
                os.unlink(target)
    return touched


def _changed_roles(scratch: str, markup: str, touched: set[str],
                   known: dict[str, RoleVersion]
                   ) -> Iterator[tuple[str, RoleVersion | None, RoleVersion | None]]:
    """(role id, before, after) of each role the touched files may have changed."""
    forget_files(os.path.join(scratch, name) for name in touched)  # other contents now
    base_touched = any(name.startswith("_") for name in touched)
    present = {declared_id(path, markup): path for path in role_files(scratch)}
    candidates = {role for role, path in present.items() if not role.startswith("_") and (
        base_touched or os.path.basename(path) in touched or role not in known)}
    candidates |= {role for role in known if role not in present}
    for role_id in sorted(candidates):
        after = role_version(present[role_id], scratch, markup) if role_id in present else None
        before = known.get(role_id)
        if after is None:
            known.pop(role_id, None)
        else:
            known[role_id] = after
        yield role_id, before, after


def _entry(commit: _Commit, role_id: str, before: RoleVersion | None,
           after: RoleVersion | None, public: bool) -> Entry | None:
    if after is None:
        return None  # removed: a history shown on a page is of a role that exists
    if before is None:
        return Entry(commit.commit[:7], commit.date, commit.subject, (), added=True)
    diffs = diff_snapshots({role_id: before}, {role_id: after}, public=public)
    if not diffs:
        return None
    return Entry(commit.commit[:7], commit.date, commit.subject, diffs[0].changes)
