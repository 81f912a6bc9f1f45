"""The roles of a roles folder as they were at a git revision, or as they are now.

A revision's folder is read from git (``git archive``, one process per side,
no checkout and no network) into a temporary folder and resolved there by the
same pipeline as the build, so ``extends`` means what it meant at that
revision. ``A...B`` compares B with the merge base of A and B, as ``git diff``
does.
"""

from __future__ import annotations

import io
import os
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

from .changes import RoleVersion, Snapshot
from .files import declared_id, release_files, role_files
from .resolve import resolve_levels


class GitError(Exception):
    """git is missing, the folder is not in a repository, or a revision is unknown."""


def git(folder: str, *args: str) -> str:
    """The output of ``git *args`` run in *folder*."""
    try:
        done = subprocess.run(["git", "-C", folder, *args], capture_output=True, check=True)
    except FileNotFoundError as error:
        raise GitError("git is not installed (the diff reads role files from git)") from error
    except subprocess.CalledProcessError as error:
        message = error.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[-1] if message else f"git {args[0]} failed") from error
    return done.stdout.decode("utf-8", "replace")


def head_of(folder: str) -> str:
    """The commit checked out where *folder* is ("" without git, a repository or a commit)."""
    try:
        return git(folder, "rev-parse", "HEAD").strip()
    except GitError:
        return ""


def revisions(folder: str, base: str, head: str | None) -> tuple[str, str | None]:
    """The commits to compare for *base* and *head* (None: the working tree), with
    ``A...B`` read as the merge base of A and B against B."""
    git(folder, "rev-parse", "--show-toplevel")  # says when there is no repository
    if "..." in base and head is None:
        left, _, right = base.partition("...")
        right = right or "HEAD"
        merge_base = git(folder, "merge-base", left or "HEAD", right).strip()
        return merge_base, _commit(folder, right)
    return _commit(folder, base), _commit(folder, head) if head is not None else None


def _commit(folder: str, ref: str) -> str:
    try:
        return git(folder, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").strip()
    except GitError:
        raise GitError(f"unknown revision '{ref}' (a branch, tag or commit of this "
                       "repository)") from None


@contextmanager
def folder_at(folder: str, commit: str | None) -> Iterator[str]:
    """*folder* as it was at *commit* (a temporary copy), or itself for None."""
    if commit is None:
        yield folder
        return
    top = git(folder, "rev-parse", "--show-toplevel").strip()
    inside = os.path.relpath(os.path.realpath(folder), os.path.realpath(top))
    with tempfile.TemporaryDirectory(prefix="jobdesc-") as copy:
        try:
            archive = subprocess.run(["git", "-C", top, "archive", "--format=tar", commit, "--",
                                      inside], capture_output=True, check=True).stdout
        except subprocess.CalledProcessError:
            archive = b""  # the folder did not exist at that revision
        if archive:
            with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
                tar.extractall(copy, filter="data")
        yield os.path.join(copy, inside)


def snapshot(folder: str, markup: str, only: set[str] | None = None) -> Snapshot:
    """Every role in *folder* merged at each of its levels, by role id (base files
    left out); *only* keeps the roles of those ids."""
    roles: dict[str, RoleVersion] = {}
    for path in role_files(folder):
        role_id = declared_id(path, markup)
        if role_id.startswith("_") or (only is not None and role_id not in only):
            continue
        version = role_version(path, folder, markup)
        if version is not None:
            roles[role_id] = version
    release_files()  # the next snapshot may reuse these paths with other contents
    return roles


def role_version(path: str, folder: str, markup: str) -> RoleVersion | None:
    """The role in *path* merged at each of its levels (None if it cannot be read)."""
    family = resolve_levels(path, [None], roles_dir=folder, markup=markup)[0].role
    if family is None:
        return None
    levels: list[str | None] = [level.id for level in family.levels] or [None]
    resolved = resolve_levels(path, levels, roles_dir=folder, markup=markup)
    return RoleVersion(family.title, {level: r.role for level, r in zip(
        levels, resolved, strict=True) if r.role is not None})
