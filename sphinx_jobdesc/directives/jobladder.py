"""``.. jobladder:: <role id or path>``: the family's levels side by side."""

from __future__ import annotations

from typing import ClassVar

from docutils.parsers.rst import directives

from ..core.audience import for_audience
from ..core.config import JobdescConfig
from ..core.model import Role
from ..core.resolve import resolve_levels
from ..core.views.ladder import build_ladder
from ..core.vocabulary import JOBLADDER_SECTIONS, LADDER_SHOWS
from ..report import warn
from .base import RoleDirective
from .options import COMMON, Option


class JobLadderDirective(RoleDirective):
    kind = "jobladder"
    all_sections = JOBLADDER_SECTIONS
    title_label = "jobladder_title"
    declared_options: ClassVar[dict[str, Option]] = {
        **COMMON,
        "levels": Option(directives.unchanged, "level ids", "which levels (in ladder order)"),
        "show": Option(directives.unchanged, "`added` (default), `full`",
                       "`full`: every column shows its whole level, new and changed items "
                       "marked; `added`: each column what its level adds, changes and drops"),
    }

    def context(self, role: Role, path: str, config: JobdescConfig) -> dict[str, object]:
        show = self.choice("show", LADDER_SHOWS, "added")
        known = [level.id for level in role.levels]
        chosen = self.listed("levels", known, "levels", lambda name: (
            f"role '{role.id}' has no level {name!r}")) if self.options.get("levels") else known
        if not role.levels:
            warn(f"role '{role.id}' has no levels to show", "empty", self.get_location())
        levels = []
        in_order = sorted(chosen, key=known.index)
        for resolution in resolve_levels(path, in_order,
                                         roles_dir=self.roles_dir(config),
                                         markup=config.markup, checks=config.check_settings):
            self.report(resolution.problems)
            if resolution.role is not None:
                levels.append(self.localized(for_audience(resolution.role, config.audience)))
        return {"ladder": build_ladder(role, levels, show)}

    def anchor(self, role: Role) -> str:
        return f"{role.id}-ladder"
