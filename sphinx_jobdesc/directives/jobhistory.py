"""``.. jobhistory:: <role id or path>``: the commits that changed a role, newest first,
each with what it changed (read from git once per build: :mod:`..core.history`)."""

from __future__ import annotations

import datetime
import os
from typing import TYPE_CHECKING, ClassVar

from docutils.parsers.rst import directives
from sphinx.util import logging

from ..core.config import JobdescConfig
from ..core.history import History, read_history
from ..core.model import Role
from ..core.snapshots import GitError, git, head_of
from ..core.views.history import build_history
from ..core.vocabulary import JOBHISTORY_SECTIONS
from ..domain import jobdesc_domain
from ..report import warn
from .base import RoleDirective
from .options import COMMON, LEVEL, Option

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

#: The history of each roles folder (and markup and audience) in this build.
_read: dict[tuple[str, str, bool], History] = {}


def forget_histories(*_: object) -> None:
    """Look at HEAD again in the next build (connected to ``env-updated``)."""
    _read.clear()


def history_of(env: BuildEnvironment, folder: str, markup: str, public: bool) -> History:
    """The history of the roles in *folder*, for the page being read (which is then
    read again when HEAD moves): kept in the environment (domain data) and read
    from git again only when HEAD has moved since."""
    domain = jobdesc_domain(env)
    key = (os.path.realpath(folder), markup, public)
    if key not in _read:
        kept: dict[tuple[str, str, bool], History] = domain.data.setdefault(
            "histories_read", {})
        head = head_of(folder)
        history = kept.get(key)
        if history is None or not head or history.head != head:
            history = read_history(folder, markup, public=public)
            logger.debug("[jobdesc] history of %s read from git at %s", folder,
                         history.head[:7])
            kept[key] = history
        _read[key] = history
    domain.note_history(env.docname, folder, _read[key].head)
    return _read[key]


class JobHistoryDirective(RoleDirective):
    kind = "jobhistory"
    all_sections = JOBHISTORY_SECTIONS
    title_label = "jobhistory_title"
    declared_options: ClassVar[dict[str, Option]] = {
        "level": LEVEL.meaning_for("that level's changes only (and those every level "
                                   "shares)"),
        **COMMON,
        "limit": Option(directives.positive_int, "a number", "at most this many commits"),
        "since": Option(directives.unchanged_required,
                        "a date (`YYYY-MM-DD`) or a revision (`v2.0`, a commit)",
                        "commits from that date on"),
    }

    def context(self, role: Role, path: str, config: JobdescConfig) -> dict[str, object]:
        folder = os.path.dirname(path)
        history = history_of(self.env, folder, config.markup, config.audience == "public")
        if history.limit and config.history_required:
            warn(f"the history of role '{role.id}' is incomplete: {history.limit}", "git",
                 self.get_location())
        return {"history": build_history(
            history.roles.get(role.id, ()), "" if config.history_required else history.limit,
            level=role.level.id if role.level else None, since=self.since(folder),
            limit=self.options.get("limit"))}

    def since(self, folder: str) -> str | None:
        """``:since:`` as a date: written as one, or the date of the commit it names."""
        since = self.options.get("since")
        if since is None:
            return None
        try:
            return datetime.date.fromisoformat(since).isoformat()
        except ValueError:
            pass
        try:
            return git(folder, "log", "-1", "--format=%cs", since, "--").strip() or None
        except GitError:
            warn(f":since: {since!r} is neither a date (YYYY-MM-DD) nor a revision git knows",
                 "option", self.get_location())
            return None
