"""``.. interviewguide:: <role id or path>``: stages, questions, anchors and scorecards."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from docutils.parsers.rst import directives

from ..core.config import JobdescConfig
from ..core.model import Role
from ..core.views.interview import build_guide, stage_ids
from ..core.vocabulary import GUIDE_AUDIENCES, INTERVIEWGUIDE_SECTIONS
from ..doctrees import interviewguide as interviewguide_doctree
from ..doctrees.writer import Writer
from ..report import warn
from .base import RoleDirective
from .options import LEVEL, Option


class InterviewGuideDirective(RoleDirective):
    kind = "interviewguide"
    all_sections = INTERVIEWGUIDE_SECTIONS
    title_label = "interviewguide_title"
    declared_options: ClassVar[dict[str, Option]] = {
        **RoleDirective.declared_options,
        "level": LEVEL.meaning_for("only the stages and questions that apply to that level "
                                   "(`levels:` on a stage or question)"),
        "stages": Option(directives.unchanged, "stage ids", "which stages, in which order"),
        "audience": Option(
            directives.unchanged, "`interviewer` (default), `candidate`",
            "`candidate` shows only stage names, durations and purposes: no questions, "
            "anchors, instructions or scorecards"),
        "scorecard": Option(directives.unchanged, "`on` (default), `off`",
                            "whether the scorecards are shown"),
    }

    def write_nodes(self, writer: Writer, context: Mapping[str, Any]) -> None:
        interviewguide_doctree.write(writer, context)

    def context(self, role: Role, path: str, config: JobdescConfig) -> dict[str, object]:
        audience = self.choice("audience", GUIDE_AUDIENCES, "interviewer")
        if config.audience == "public":  # a public build never shows the interviewer's view
            audience = "candidate"
        scorecard = self.choice("scorecard", ("on", "off"), "on") == "on"
        if role.interview is None or not role.interview.stages:
            warn(f"role '{role.id}' has no interview stages to show", "empty",
                 self.get_location())
        return {"guide": build_guide(role, self.stages(role), audience), "scorecard": scorecard}

    def anchor(self, role: Role) -> str:
        return f"{super().anchor(role)}-interview"

    def stages(self, role: Role) -> list[str] | None:
        """The stage ids of ``:stages:`` that apply at this level, warning about the others."""
        if not self.options.get("stages"):
            return None
        level = f" at level '{role.level.id}'" if role.level else ""
        return self.listed("stages", stage_ids(role), "stages",
                           lambda name: f"role '{role.id}' has no stage {name!r}{level}")
