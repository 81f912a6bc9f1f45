"""What the checks are asked to do: one frozen value shared by the build and the command line."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from ..vocabulary import CHECKS

#: Years of experience a requirement may ask for, by a word of the level's id or title.
DEFAULT_MAX_YEARS = {
    "intern": 0, "graduate": 0, "junior": 2, "associate": 2, "middle": 5, "mid": 5,
    "intermediate": 5, "senior": 8, "lead": 10, "staff": 10, "principal": 12, "*": 10,
}


@dataclass(frozen=True)
class LintSettings:
    """The project's lint choices: allowed phrases, and rule severities (or ``off``)."""

    allow: tuple[str, ...] = ()
    rules: tuple[tuple[str, str], ...] = ()

    def severity(self, rule_id: str, default: str) -> str:
        return dict(self.rules).get(rule_id, default)


@dataclass(frozen=True)
class CheckSettings:
    enabled: frozenset[str] = frozenset(CHECKS)
    #: Minutes a stage's questions may run over the stage's duration.
    time_tolerance: int = 0
    require_anchors: bool | str = False
    require_salary: bool = False
    #: ``reviewed`` older than this many days is stale (0: never).
    stale_after_days: int = 365
    #: More must-have requirements than this is a lint finding (0: no limit).
    max_must: int = 8
    max_years: tuple[tuple[str, int], ...] = tuple(DEFAULT_MAX_YEARS.items())
    lint: LintSettings = field(default_factory=LintSettings)
    #: The date staleness is judged against (today when None; fixed in tests).
    today: datetime.date | None = None

    def date(self) -> datetime.date:
        return self.today or datetime.date.today()
